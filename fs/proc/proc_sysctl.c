/*
 * fs/proc/proc_sysctl.c - the files under /proc/sys (Linux's
 * fs/proc/proc_sysctl.c): each is a struct ctl_table (include/nest/sysctl.h)
 * whose handler reads and writes a kernel integer as text.
 *
 *   open     a file whose mode has no write bit cannot be opened for
 *            writing, not even by root: EACCES (Linux's
 *            proc_sys_permission(): "sysctl entries that are not
 *            writeable, are _NOT_ writeable, capabilities or not")
 *   read     the handler prints into a kernel buffer, copied out
 *   write    the user's bytes, copied into a NUL-terminated kernel
 *            buffer, go to the handler; write() returns what it consumed
 *   O_TRUNC  accepted and ignored, so a shell's "echo 500 > file" works
 *
 * Nest has no users: every process is root, and root may write any file
 * whose mode has S_IWUSR.  Listed in /proc tables with SYSCTL()
 * (fs/proc/internal.h; the entries are in system.c).
 */
#include <nest/sysctl.h>
#include <nest/slab.h>
#include <nest/mm.h>
#include <nest/errno.h>
#include "internal.h"

/* The largest read or write a handler is given (Linux's KMALLOC_MAX_SIZE on x86). */
#define PROC_SYS_BUF_MAX	(PAGE_SIZE << (MAX_ORDER - 1))

/* As root sees it: a read needs S_IRUSR, a write S_IWUSR. */
static int proc_sys_open(struct inode *inode, struct file *file)
{
	if (((file->f_mode & FMODE_READ) && !(inode->i_mode & S_IRUSR)) ||
	    ((file->f_mode & FMODE_WRITE) && !(inode->i_mode & S_IWUSR)))
		return -EACCES;
	return 0;
}

/*
 * proc_sys_call_handler - a read or write of @iter's bytes at *@ppos
 * through the file's ctl_table handler, as Linux's.  The bytes read or
 * consumed, or -EINVAL (the handler's verdict), -EFAULT, -ENOMEM.
 */
static ssize_t proc_sys_call_handler(struct file *file, struct iov_iter *iter,
				     loff_t *ppos, int write)
{
	const struct ctl_table *table = file->f_inode->i_proc.entry->op.table;
	size_t count = iov_iter_count(iter);
	ssize_t err;
	char *kbuf;

	if (!table->proc_handler)
		return -EINVAL;
	if (count >= PROC_SYS_BUF_MAX)
		return -ENOMEM;
	kbuf = kzalloc(count + 1, GFP_KERNEL);
	if (!kbuf)
		return -ENOMEM;
	if (write) {
		err = -EFAULT;
		if (copy_from_iter(kbuf, count, iter) != count)
			goto out;
		kbuf[count] = '\0';
	}
	err = table->proc_handler(table, write, kbuf, &count, ppos);
	if (err)
		goto out;
	if (!write) {
		err = -EFAULT;
		if (copy_to_iter(kbuf, count, iter) != count)
			goto out;
	}
	err = count;
out:
	kfree(kbuf);
	return err;
}

static ssize_t proc_sys_read(struct file *file, struct iov_iter *to, loff_t *ppos)
{
	return proc_sys_call_handler(file, to, ppos, 0);
}

static ssize_t proc_sys_write(struct file *file, struct iov_iter *from, loff_t *ppos)
{
	return proc_sys_call_handler(file, from, ppos, 1);
}

/* O_TRUNC: the size of a /proc/sys file means nothing (Linux's proc_sys_setattr()). */
static int proc_sys_setsize(struct inode *inode, loff_t size)
{
	return 0;
}

const struct inode_operations proc_sys_inode_operations = {
	.setsize = proc_sys_setsize,	/* no pid in /proc/sys: nothing to evict */
};

const struct file_operations proc_sys_file_operations = {
	.open = proc_sys_open,
	.llseek = generic_file_llseek,
	.read_iter = proc_sys_read,
	.write_iter = proc_sys_write,
};
