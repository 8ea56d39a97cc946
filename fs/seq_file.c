/*
 * fs/seq_file.c - text files the kernel writes on demand (Linux's
 * fs/seq_file.c, the single_open() kind only; include/nest/seq_file.h).
 *
 * The whole text is made at once by the file's show() into a kmalloc'd
 * buffer, at the first read and at every read from position 0; reads hand
 * it out from there.  A text that does not fit is made again in a buffer
 * twice as big.  show() may run with interrupts off or a lock held (the
 * slab's slabinfo_show() calls back that way), so printing never
 * allocates: it only fills the buffer it was given.
 *
 * Used by fs/proc/.
 */
#include <nest/seq_file.h>
#include <nest/slab.h>
#include <nest/string.h>
#include <nest/errno.h>
#include <uapi/fcntl.h>

#define SEQ_BUF_FIRST	PAGE_SIZE	/* the first buffer a file gets */

/* Add @len bytes; if they do not all fit, mark the text overflowed. */
void seq_write(struct seq_file *m, const void *data, size_t len)
{
	if (m->count + len >= m->size) {
		m->count = m->size;
		return;
	}
	memcpy(m->buf + m->count, data, len);
	m->count += len;
}

void seq_puts(struct seq_file *m, const char *s)
{
	seq_write(m, s, strlen(s));
}

void seq_putc(struct seq_file *m, char c)
{
	seq_write(m, &c, 1);
}

void seq_printf(struct seq_file *m, const char *fmt, ...)
{
	size_t room = m->size - m->count;
	va_list args;
	int len;

	if (seq_has_overflowed(m))
		return;
	va_start(args, fmt);
	len = vsnprintf(m->buf + m->count, room, fmt, args);
	va_end(args);
	if (len < 0 || (size_t)len >= room)
		m->count = m->size;
	else
		m->count += len;
}

/* Run show() until its text fits: 0, -ENOMEM, or show()'s error. */
static int seq_show_all(struct seq_file *m)
{
	for (;;) {
		int err;

		if (!m->buf) {
			m->buf = kmalloc(m->size, GFP_KERNEL);
			if (!m->buf)
				return -ENOMEM;
		}
		m->count = 0;
		m->shown = false;
		err = m->show(m, NULL);
		if (err < 0)
			return err;
		if (!seq_has_overflowed(m)) {
			m->shown = true;
			return 0;
		}
		kfree(m->buf);
		m->buf = NULL;
		if (m->size >= SEQ_BUF_MAX)
			return -ENOMEM;
		m->size *= 2;
	}
}

/*
 * seq_read_iter - read the text from *@ppos, making it first if the read
 * starts at 0 or nothing was made yet.  Returns the bytes read (0 at the
 * end), show()'s error (-ESRCH for a process that is gone, say),
 * -ENOMEM, -EFAULT.
 */
ssize_t seq_read_iter(struct file *file, struct iov_iter *to, loff_t *ppos)
{
	struct seq_file *m = file->private_data;
	size_t want, copied;

	if (*ppos == 0 || !m->shown) {
		int err = seq_show_all(m);

		if (err)
			return err;
	}
	if (*ppos >= (loff_t)m->count)
		return 0;
	want = min((size_t)(m->count - *ppos), iov_iter_count(to));
	copied = copy_to_iter(m->buf + *ppos, want, to);
	if (!copied && want)
		return -EFAULT;
	*ppos += copied;
	return copied;
}

/* seq_lseek - SEEK_SET and SEEK_CUR to any position >= 0; else -EINVAL (as Linux). */
loff_t seq_lseek(struct file *file, loff_t offset, int whence)
{
	if (whence == SEEK_CUR) {
		/* An offset past the largest position is EINVAL, not a wrap. */
		if (__builtin_add_overflow(offset, file->f_pos, &offset))
			return -EINVAL;
	} else if (whence != SEEK_SET) {
		return -EINVAL;
	}
	if (offset < 0)
		return -EINVAL;
	file->f_pos = offset;
	return offset;
}

int single_open(struct file *file, int (*show)(struct seq_file *m, void *v), void *data)
{
	struct seq_file *m = kzalloc(sizeof(*m), GFP_KERNEL);

	if (!m)
		return -ENOMEM;
	m->size = SEQ_BUF_FIRST;
	m->show = show;
	m->private = data;
	file->private_data = m;
	return 0;
}

/* single_release - free what single_open() and the reads made. */
int single_release(struct inode *inode, struct file *file)
{
	struct seq_file *m = file->private_data;

	kfree(m->buf);
	kfree(m);
	return 0;
}
