/*
 * fs/mem.c - /dev/null and /dev/zero (Linux's drivers/char/mem.c).
 *
 * /dev/null reads as empty and swallows writes; /dev/zero reads as an
 * endless run of zero bytes and swallows writes.  Both "seek" anywhere by
 * staying at 0, as in Linux.
 */
#include <nest/fs.h>
#include <nest/errno.h>
#include <nest/fault-inject.h>

#define MEM_MAJOR	1
#define NULL_DEV	MKDEV(MEM_MAJOR, 3)
#define ZERO_DEV	MKDEV(MEM_MAJOR, 5)

static ssize_t read_null(struct file *file, struct iov_iter *to, loff_t *ppos)
{
	return 0;
}

/* Writes to either device succeed whole without reading the buffer. */
static ssize_t write_null(struct file *file, struct iov_iter *from, loff_t *ppos)
{
	return iov_iter_count(from);
}

/* Zeros to the whole buffer: the count, or what fitted before a fault. */
static ssize_t read_zero(struct file *file, struct iov_iter *to, loff_t *ppos)
{
	size_t count = iov_iter_count(to);
	size_t n = iov_iter_zero(count, to);

	return n || !count ? (ssize_t)n : -EFAULT;
}

static loff_t null_lseek(struct file *file, loff_t offset, int whence)
{
	return file->f_pos = 0;
}

static const struct file_operations null_fops = {
	.llseek = null_lseek,
	.read_iter = read_null,
	.write_iter = write_null,
};

static const struct file_operations zero_fops = {
	.llseek = null_lseek,
	.read_iter = read_zero,
	.write_iter = write_null,
};

/*
 * chr_dev_init - register /dev/null (1:3) and /dev/zero (1:5), and
 * /dev/fail-nth (kernel/fault_inject.c).
 */
void chr_dev_init(void)
{
	register_chrdev(NULL_DEV, "null", &null_fops);
	register_chrdev(ZERO_DEV, "zero", &zero_fops);
	fail_nth_dev_init();
}
