/*
 * fs/pipe.c - pipes: pipe(), pipe2() and the two ends' read, write and
 * release, as Linux's fs/pipe.c since 5.5 (so a program sees the same
 * counts, blocking and errors as on Linux).
 *
 * The data is a ring of PIPE_DEF_BUFFERS (16) buffers, each a page and
 * the range [offset, offset + len) of it that holds unread bytes.  A
 * write first tops up the last buffer if its remainder fits there whole,
 * then fills fresh pages; a read drains buffers from the tail and frees
 * each page it empties (keeping one spare, tmp_page).  So 65536 one-byte
 * writes fill a pipe, while 1000-byte writes fill it after 64000 bytes,
 * as on Linux.  Writes of at most PIPE_BUF bytes are atomic: they go
 * into one buffer or wait.
 *
 * Readers sleep on rd_wait while the pipe is empty and has writers;
 * writers sleep on wr_wait while it is full and has readers.  Every
 * change wakes the other side.  With no writers a read returns 0 (end of
 * file); with no readers a write raises SIGPIPE and fails with EPIPE.
 */
#include <nest/fs.h>
#include <nest/sched.h>
#include <nest/signal.h>
#include <nest/wait.h>
#include <nest/mm.h>
#include <nest/slab.h>
#include <nest/uaccess.h>
#include <nest/errno.h>
#include <nest/syscalls.h>
#include <uapi/fcntl.h>

#define PIPE_RING_MASK	(PIPE_DEF_BUFFERS - 1)

static inline bool pipe_empty(const struct pipe_inode_info *pipe)
{
	return pipe->head == pipe->tail;
}

static inline bool pipe_full(const struct pipe_inode_info *pipe)
{
	return pipe->head - pipe->tail >= PIPE_DEF_BUFFERS;
}

/* A reader may go on: there is data, or no writer will ever add any. */
static inline bool pipe_readable(const struct pipe_inode_info *pipe)
{
	return !pipe_empty(pipe) || !pipe->writers;
}

/* A writer may go on: there is a free buffer, or nobody will ever read. */
static inline bool pipe_writable(const struct pipe_inode_info *pipe)
{
	return !pipe_full(pipe) || !pipe->readers;
}

/* An emptied buffer's page: keep one for the next write, free the rest. */
static void pipe_buf_release(struct pipe_inode_info *pipe, struct pipe_buffer *buf)
{
	if (!pipe->tmp_page)
		pipe->tmp_page = buf->page;
	else
		__free_page(buf->page);
	buf->page = NULL;
}

/*
 * pipe_read - as Linux's: copy from the oldest buffers until @to is full
 * or the pipe is empty.  Waits only while nothing has been read, the pipe
 * is empty and a writer exists.  Returns the bytes read, 0 at end of
 * file, -EAGAIN (O_NONBLOCK), -ERESTARTSYS (a signal), -EFAULT.
 */
static ssize_t pipe_read(struct file *file, struct iov_iter *to, loff_t *ppos)
{
	struct pipe_inode_info *pipe = file->private_data;
	size_t total_len = iov_iter_count(to);
	ssize_t ret = 0;

	if (!total_len)
		return 0;
	for (;;) {
		if (!pipe_empty(pipe)) {
			struct pipe_buffer *buf = &pipe->bufs[pipe->tail & PIPE_RING_MASK];
			size_t chars = min((size_t)buf->len, total_len);
			size_t written = copy_to_iter((char *)page_address(buf->page) +
						      buf->offset, chars, to);

			if (written < chars) {
				/* As Linux: the bytes stay in the pipe. */
				if (!ret)
					ret = -EFAULT;
				break;
			}
			ret += chars;
			buf->offset += chars;
			buf->len -= chars;
			if (!buf->len) {
				pipe_buf_release(pipe, buf);
				pipe->tail++;
			}
			total_len -= chars;
			if (!total_len)
				break;
			if (!pipe_empty(pipe))
				continue;
		}
		if (!pipe->writers || ret)
			break;
		if (file->f_flags & O_NONBLOCK) {
			ret = -EAGAIN;
			break;
		}
		/* Empty, with writers, nothing read yet: wait for them. */
		wake_up_interruptible(&pipe->wr_wait);
		if (wait_event_interruptible(pipe->rd_wait, pipe_readable(pipe)) < 0)
			return -ERESTARTSYS;
	}
	if (ret > 0)
		wake_up_interruptible(&pipe->wr_wait);
	return ret;
}

/*
 * pipe_write - as Linux's: with no reader, SIGPIPE and -EPIPE.  Otherwise
 * merge a short tail into the last buffer if it fits whole there, then
 * fill new page buffers, waiting for room while the pipe is full (or
 * stopping with what was written, or -EAGAIN, under O_NONBLOCK).  Returns
 * the bytes written, or -EPIPE, -EAGAIN, -ERESTARTSYS, -EFAULT, -ENOMEM
 * when nothing was; an interrupted write returns what it had written.
 */
static ssize_t pipe_write(struct file *file, struct iov_iter *from, loff_t *ppos)
{
	struct pipe_inode_info *pipe = file->private_data;
	size_t total_len = iov_iter_count(from);
	ssize_t ret = 0;
	size_t chars;

	if (!total_len)
		return 0;
	if (!pipe->readers) {
		send_sig(SIGPIPE, current, 0);
		return -EPIPE;
	}

	/*
	 * The part of the write that is not whole pages goes into the last
	 * buffer if it fits there entirely.  That merges small writes, and
	 * keeps the rest of a large write page-aligned.
	 */
	chars = total_len & (PAGE_SIZE - 1);
	if (chars && !pipe_empty(pipe)) {
		struct pipe_buffer *buf = &pipe->bufs[(pipe->head - 1) & PIPE_RING_MASK];
		unsigned int offset = buf->offset + buf->len;

		if (offset + chars <= PAGE_SIZE) {
			ret = copy_from_iter((char *)page_address(buf->page) + offset,
					     chars, from);
			if (ret < (ssize_t)chars)
				return -EFAULT;
			buf->len += ret;
			if (!iov_iter_count(from))
				goto out;
		}
	}

	for (;;) {
		if (!pipe->readers) {
			send_sig(SIGPIPE, current, 0);
			if (!ret)
				ret = -EPIPE;
			break;
		}
		if (!pipe_full(pipe)) {
			struct pipe_buffer *buf = &pipe->bufs[pipe->head & PIPE_RING_MASK];
			struct page *page = pipe->tmp_page;
			size_t copied;

			if (!page) {
				page = alloc_page(GFP_KERNEL);
				if (!page) {
					if (!ret)
						ret = -ENOMEM;
					break;
				}
			}
			pipe->tmp_page = NULL;
			copied = copy_from_iter(page_address(page), PAGE_SIZE, from);
			if (!copied) {
				pipe->tmp_page = page;
				if (!ret)
					ret = -EFAULT;
				break;
			}
			buf->page = page;
			buf->offset = 0;
			buf->len = copied;
			pipe->head++;
			ret += copied;
			if (!iov_iter_count(from))
				break;
			if (copied < PAGE_SIZE) {	/* a bad page in the buffer */
				break;
			}
			continue;
		}
		/* Full: give up, or wake the readers and wait for room. */
		if (file->f_flags & O_NONBLOCK) {
			if (!ret)
				ret = -EAGAIN;
			break;
		}
		if (signal_pending(current)) {
			if (!ret)
				ret = -ERESTARTSYS;
			break;
		}
		wake_up_interruptible(&pipe->rd_wait);
		wait_event_interruptible(pipe->wr_wait, pipe_writable(pipe));
	}
out:
	if (ret > 0)
		wake_up_interruptible(&pipe->rd_wait);
	return ret;
}

/* FIONREAD on a pipe: the bytes waiting in it. */
static long pipe_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct pipe_inode_info *pipe = file->private_data;
	unsigned int i, count = 0;

	if (cmd != FIONREAD)
		return -ENOTTY;
	for (i = pipe->tail; i != pipe->head; i++)
		count += pipe->bufs[i & PIPE_RING_MASK].len;
	return put_user(count, (int __user *)arg);
}

static void free_pipe_info(struct pipe_inode_info *pipe)
{
	unsigned int i;

	for (i = pipe->tail; i != pipe->head; i++)
		__free_page(pipe->bufs[i & PIPE_RING_MASK].page);
	if (pipe->tmp_page)
		__free_page(pipe->tmp_page);
	kfree(pipe);
}

/*
 * pipe_release - an end is closed (its last fd and user gone): count it
 * out, and when one side is now gone wake the other, so a reader sees end
 * of file and a writer EPIPE.  The last file frees the pipe.
 */
static int pipe_release(struct inode *inode, struct file *file)
{
	struct pipe_inode_info *pipe = file->private_data;

	if (file->f_mode & FMODE_READ)
		pipe->readers--;
	if (file->f_mode & FMODE_WRITE)
		pipe->writers--;
	if (!pipe->readers != !pipe->writers) {
		wake_up_interruptible(&pipe->rd_wait);
		wake_up_interruptible(&pipe->wr_wait);
	}
	if (--pipe->files == 0) {
		inode->i_pipe = NULL;
		free_pipe_info(pipe);
	}
	return 0;
}

const struct file_operations pipefifo_fops = {
	.llseek = no_llseek,
	.read_iter = pipe_read,
	.write_iter = pipe_write,
	.unlocked_ioctl = pipe_ioctl,
	.release = pipe_release,
};

/* A pipe's inode (S_IFIFO, owner read/write, as Linux's pipefs) and its pipe. */
static struct inode *get_pipe_inode(void)
{
	struct inode *inode = new_inode();
	struct pipe_inode_info *pipe;

	if (!inode)
		return NULL;
	pipe = kzalloc(sizeof(*pipe), GFP_KERNEL);
	if (!pipe) {
		iput(inode);
		return NULL;
	}
	init_waitqueue_head(&pipe->rd_wait);
	init_waitqueue_head(&pipe->wr_wait);
	pipe->readers = pipe->writers = 1;
	pipe->files = 2;
	inode->i_pipe = pipe;
	inode->i_mode = S_IFIFO | S_IRUSR | S_IWUSR;
	inode->i_fop = &pipefifo_fops;
	return inode;
}

/*
 * create_pipe_files - a new pipe and its two ends: res[0] the read end
 * (O_RDONLY), res[1] the write end (O_WRONLY), each with @flags'
 * O_NONBLOCK.  Returns 0 or -ENOMEM.
 */
int create_pipe_files(struct file **res, int flags)
{
	struct inode *inode = get_pipe_inode();
	struct file *f;

	if (!inode)
		return -ENOMEM;
	f = alloc_file(NULL, inode, O_WRONLY | (flags & O_NONBLOCK), &pipefifo_fops);
	if (!f)
		goto err_inode;
	f->private_data = inode->i_pipe;
	res[0] = alloc_file(NULL, inode, O_RDONLY | (flags & O_NONBLOCK), &pipefifo_fops);
	if (!res[0]) {
		/* Releasing the write end counts it out; the pipe needs both. */
		inode->i_pipe->files = 1;
		inode->i_pipe->readers = 0;
		fput(f);
		iput(inode);
		return -ENOMEM;
	}
	res[0]->private_data = inode->i_pipe;
	res[1] = f;
	iput(inode);			/* the files hold it now */
	return 0;

err_inode:
	kfree(inode->i_pipe);
	inode->i_pipe = NULL;
	iput(inode);
	return -ENOMEM;
}

/*
 * __do_pipe_flags - make a pipe and reserve two fds for it (read end
 * first, so it gets the lower number), not yet installed: the caller
 * installs with fd_install() or backs out.  @flags: O_CLOEXEC, O_NONBLOCK
 * (anything else -EINVAL).  Returns 0, -EINVAL, -EMFILE, -ENOMEM.
 */
static int __do_pipe_flags(int *fd, struct file **files, int flags)
{
	int error, fdw, fdr;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK))
		return -EINVAL;
	if (!current->files)
		return -EMFILE;
	error = create_pipe_files(files, flags);
	if (error)
		return error;
	fdr = get_unused_fd_flags(flags);
	if (fdr < 0) {
		error = fdr;
		goto err_files;
	}
	fdw = get_unused_fd_flags(flags);
	if (fdw < 0) {
		error = fdw;
		put_unused_fd(fdr);
		goto err_files;
	}
	fd[0] = fdr;
	fd[1] = fdw;
	return 0;

err_files:
	fput(files[0]);
	fput(files[1]);
	return error;
}

/*
 * do_pipe_flags - pipe2() into a kernel array: @fd[0] reads, @fd[1]
 * writes, both installed in current's table.  0 or -errno as above.
 */
int do_pipe_flags(int *fd, int flags)
{
	struct file *files[2];
	int error = __do_pipe_flags(fd, files, flags);

	if (!error) {
		fd_install(fd[0], files[0]);
		fd_install(fd[1], files[1]);
	}
	return error;
}

/*
 * pipe2(fds, flags): 0, or -EINVAL, -EMFILE, -ENOMEM, -EFAULT (nothing
 * is left open when @fds cannot be written, as in Linux).
 */
SYSCALL_DEFINE2(pipe2, int __user *, fildes, int, flags)
{
	struct file *files[2];
	int fd[2];
	int error = __do_pipe_flags(fd, files, flags);

	if (error)
		return error;
	if (copy_to_user(fildes, fd, sizeof(fd))) {
		fput(files[0]);
		fput(files[1]);
		put_unused_fd(fd[0]);
		put_unused_fd(fd[1]);
		return -EFAULT;
	}
	fd_install(fd[0], files[0]);
	fd_install(fd[1], files[1]);
	return 0;
}

/* pipe(fds): pipe2(fds, 0). */
SYSCALL_DEFINE1(pipe, int __user *, fildes)
{
	return sys_pipe2(fildes, 0);
}
