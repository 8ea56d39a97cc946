/*
 * include/nest/seq_file.h - files whose text the kernel writes when they
 * are read (/proc), as Linux's seq_file in its single_open() form.
 *
 * The file's show() function prints the whole text into a buffer with
 * seq_printf() and friends; read() then hands it out from the file
 * position.  A read at position 0 runs show() again, so reading a file
 * from the start (or after lseek(fd, 0, SEEK_SET)) always gives fresh
 * text, as in Linux.  When the text does not fit, show() runs again with
 * a buffer twice the size, up to SEQ_BUF_MAX.
 *
 *	static int meminfo_show(struct seq_file *m, void *v)
 *	{
 *		seq_printf(m, "MemFree: %lu kB\n", free_kb);
 *		return 0;
 *	}
 *	open:	return single_open(file, meminfo_show, NULL);
 *	fops:	.read_iter = seq_read_iter, .llseek = seq_lseek,
 *		.release = single_release
 */
#ifndef NEST_SEQ_FILE_H
#define NEST_SEQ_FILE_H

#include <nest/types.h>
#include <nest/compiler.h>
#include <nest/fs.h>
#include <nest/mm.h>

#define SEQ_BUF_MAX	(16 * PAGE_SIZE)	/* the longest text a file can have */

struct seq_file {
	char *buf;			/* the text, kmalloc'd */
	size_t size;			/* bytes of buf */
	size_t count;			/* bytes of text; size when it overflowed */
	bool shown;			/* buf holds show()'s text */
	int (*show)(struct seq_file *m, void *v);
	void *private;			/* single_open()'s @data */
};

/* Print into the text; what does not fit marks it overflowed (show() runs again). */
__printf(2, 3) void seq_printf(struct seq_file *m, const char *fmt, ...);
void seq_puts(struct seq_file *m, const char *s);
void seq_putc(struct seq_file *m, char c);
void seq_write(struct seq_file *m, const void *data, size_t len);

static inline bool seq_has_overflowed(const struct seq_file *m)
{
	return m->count == m->size;
}

/*
 * single_open - make @file a seq_file whose text is @show(m, NULL), with
 * m->private = @data.  0 or -ENOMEM.  Pair with single_release().
 */
int single_open(struct file *file, int (*show)(struct seq_file *m, void *v), void *data);
int single_release(struct inode *inode, struct file *file);
ssize_t seq_read_iter(struct file *file, struct iov_iter *to, loff_t *ppos);
loff_t seq_lseek(struct file *file, loff_t offset, int whence);

#endif /* NEST_SEQ_FILE_H */
