/*
 * fs/read_write.c - read, write, readv, writev and lseek, and their
 * kernel-side forms kernel_read() and kernel_write() (Linux's
 * fs/read_write.c).
 *
 * A read checks the fd (EBADF), that the file was opened for reading
 * (EBADF), that the user range is below TASK_SIZE (EFAULT), clamps the
 * count to MAX_RW_COUNT, then calls the file's read_iter with a copy of
 * f_pos and stores the new position back if it succeeded.  Writes are the
 * mirror image.  Files without an llseek (pipes, the console) give ESPIPE.
 */
#include <nest/fs.h>
#include <nest/sched.h>
#include <nest/uaccess.h>
#include <nest/errno.h>
#include <nest/slab.h>
#include <nest/syscalls.h>
#include <uapi/fcntl.h>

/* The largest whence lseek knows (Linux's SEEK_MAX is SEEK_HOLE, 4). */
#define SEEK_MAX	SEEK_END

/* Linux's rw_verify_area(): no negative positions; clamp the count. */
static int rw_verify_area(loff_t pos, struct iov_iter *iter)
{
	if (pos < 0)
		return -EINVAL;
	if (iter->count > MAX_RW_COUNT)
		iter->count = MAX_RW_COUNT;
	return 0;
}

/*
 * vfs_read - read from @file at *@pos into @iter, advancing *@pos.
 * Returns the bytes read (0 at end of file), or -EBADF (not open for
 * reading), -EINVAL (the file cannot be read, a negative position), or
 * what the file's read_iter returns (-EFAULT, -EAGAIN, -ERESTARTSYS,
 * -EISDIR...).  May sleep.
 */
ssize_t vfs_read(struct file *file, struct iov_iter *iter, loff_t *pos)
{
	int err;

	if (!(file->f_mode & FMODE_READ))
		return -EBADF;
	if (!file->f_op || !file->f_op->read_iter)
		return -EINVAL;
	err = rw_verify_area(*pos, iter);
	if (err)
		return err;
	return file->f_op->read_iter(file, iter, pos);
}

/* vfs_write - the same for writing (-EBADF if not open for writing). */
ssize_t vfs_write(struct file *file, struct iov_iter *iter, loff_t *pos)
{
	int err;

	if (!(file->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!file->f_op || !file->f_op->write_iter)
		return -EINVAL;
	err = rw_verify_area(*pos, iter);
	if (err)
		return err;
	return file->f_op->write_iter(file, iter, pos);
}

/*
 * kernel_read - read @count bytes of @file into kernel memory @buf at
 * *@pos, advancing it (execve reads the ELF file this way).  With @pos
 * NULL the file's own position is used and advanced.  Returns as
 * vfs_read().
 */
ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos)
{
	struct kvec kv = { .iov_base = buf, .iov_len = count };
	struct iov_iter iter;
	loff_t p = pos ? *pos : file->f_pos;
	ssize_t ret;

	iov_iter_kvec(&iter, &kv, 1, count);
	ret = vfs_read(file, &iter, &p);
	if (ret >= 0) {
		if (pos)
			*pos = p;
		else
			file->f_pos = p;
	}
	return ret;
}

/* kernel_write - the same for writing kernel memory @buf to @file. */
ssize_t kernel_write(struct file *file, const void *buf, size_t count, loff_t *pos)
{
	struct kvec kv = { .iov_base = (void *)buf, .iov_len = count };
	struct iov_iter iter;
	loff_t p = pos ? *pos : file->f_pos;
	ssize_t ret;

	iov_iter_kvec(&iter, &kv, 1, count);
	ret = vfs_write(file, &iter, &p);
	if (ret >= 0) {
		if (pos)
			*pos = p;
		else
			file->f_pos = p;
	}
	return ret;
}

/* Read or write @file at its f_pos; f_pos moves on success. */
static ssize_t file_rw(struct file *file, struct iov_iter *iter, bool write)
{
	loff_t pos = file->f_pos;
	ssize_t ret = write ? vfs_write(file, iter, &pos) : vfs_read(file, iter, &pos);

	if (ret >= 0)
		file->f_pos = pos;
	return ret;
}

/* read/write on one user buffer: EBADF first, then EFAULT, as Linux. */
static ssize_t ksys_rw(unsigned int fd, void __user *buf, size_t count, bool write)
{
	struct iovec iov = { .iov_base = buf, .iov_len = count };
	struct iov_iter iter;
	struct file *file = fget(fd);
	ssize_t ret;

	if (!file)
		return -EBADF;
	if (!(file->f_mode & (write ? FMODE_WRITE : FMODE_READ))) {
		ret = -EBADF;
	} else if (!access_ok(buf, count)) {
		ret = -EFAULT;
	} else {
		iov_iter_init(&iter, &iov, 1, count);
		ret = file_rw(file, &iter, write);
	}
	fput(file);
	return ret;
}

/* read(fd, buf, count): bytes read, 0 at end of file, or -errno. */
SYSCALL_DEFINE3(read, unsigned int, fd, char __user *, buf, size_t, count)
{
	return ksys_rw(fd, buf, count, false);
}

/* write(fd, buf, count): bytes written, or -errno. */
SYSCALL_DEFINE3(write, unsigned int, fd, const char __user *, buf, size_t, count)
{
	return ksys_rw(fd, (void __user *)buf, count, true);
}

/*
 * readv/writev: the fd (EBADF), the user's iovec array (import_iovec's
 * errors), then as read/write.
 */
static ssize_t do_readv_writev(unsigned long fd, const struct iovec __user *vec,
			       unsigned long vlen, bool write)
{
	struct iovec fast[UIO_FASTIOV], *iov;
	struct iov_iter iter;
	struct file *file = fget(fd);
	ssize_t ret;

	if (!file)
		return -EBADF;
	ret = import_iovec(vec, vlen, fast, &iov, &iter);
	if (ret >= 0) {
		ret = file_rw(file, &iter, write);
		kfree(iov);
	}
	fput(file);
	return ret;
}

/* readv(fd, iov, iovcnt) and writev(): bytes moved, or -errno. */
SYSCALL_DEFINE3(readv, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen)
{
	return do_readv_writev(fd, vec, vlen, false);
}

SYSCALL_DEFINE3(writev, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen)
{
	return do_readv_writev(fd, vec, vlen, true);
}

/* vfs_setpos - set f_pos to @offset if 0 <= @offset <= @maxsize, else -EINVAL. */
loff_t vfs_setpos(struct file *file, loff_t offset, loff_t maxsize)
{
	if (offset < 0 || offset > maxsize)
		return -EINVAL;
	file->f_pos = offset;
	return offset;
}

/*
 * generic_file_llseek - lseek on a regular file: SEEK_SET, SEEK_CUR and
 * SEEK_END (from i_size); anywhere from 0 to MAX_NON_LFS, past the end
 * included (a later write leaves a hole).  The new position or -EINVAL.
 */
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence)
{
	switch (whence) {
	case SEEK_SET:
		break;
	case SEEK_CUR:
		if (__builtin_add_overflow(offset, file->f_pos, &offset))
			return -EINVAL;		/* far past MAX_NON_LFS anyway */
		break;
	case SEEK_END:
		if (__builtin_add_overflow(offset, file->f_inode->i_size, &offset))
			return -EINVAL;
		break;
	default:
		return -EINVAL;
	}
	return vfs_setpos(file, offset, MAX_NON_LFS);
}

/* no_llseek - the llseek of a stream (pipe, tty): -ESPIPE. */
loff_t no_llseek(struct file *file, loff_t offset, int whence)
{
	return -ESPIPE;
}

/* vfs_llseek - the file's llseek; a file without one is a stream (ESPIPE). */
loff_t vfs_llseek(struct file *file, loff_t offset, int whence)
{
	if (!file->f_op || !file->f_op->llseek)
		return -ESPIPE;
	return file->f_op->llseek(file, offset, whence);
}

/*
 * lseek(fd, offset, whence): the new position, or -EBADF, -EINVAL (a bad
 * whence, a negative or too large result), -ESPIPE.
 */
SYSCALL_DEFINE3(lseek, unsigned int, fd, long, offset, unsigned int, whence)
{
	struct file *file = fget(fd);
	loff_t res = -EINVAL;

	if (!file)
		return -EBADF;
	if (whence <= SEEK_MAX)
		res = vfs_llseek(file, offset, whence);
	fput(file);
	return res;
}

/*
 * _llseek(fd, offset_high, offset_low, result, whence): the 64-bit lseek
 * of i386, which C libraries use for lseek64 (musl for every lseek).
 * Stores the new position in *result; 0 or -errno (also -EFAULT).
 */
SYSCALL_DEFINE5(_llseek, unsigned int, fd, unsigned long, offset_high,
		unsigned long, offset_low, loff_t __user *, result, unsigned int, whence)
{
	struct file *file = fget(fd);
	loff_t res = -EINVAL;

	if (!file)
		return -EBADF;
	if (whence <= SEEK_MAX)
		/* Shifted unsigned: a signed shift into the sign bit is undefined. */
		res = vfs_llseek(file, (loff_t)(((u64)offset_high << 32) | offset_low),
				 whence);
	fput(file);
	if (res < 0)
		return res;
	return copy_to_user(result, &res, sizeof(res)) ? -EFAULT : 0;
}
