/*
 * kernel/fault_inject.c - fault injection (include/nest/fault-inject.h):
 * the boot words that arm the two sites, should_fail(), and /dev/fail-nth,
 * the per-task countdown.  As Linux's lib/fault-inject.c, mm/failslab.c,
 * mm/fail_page_alloc.c and the fail-nth file of fs/proc/base.c.
 *
 * Called by mm/slab.c (for a cache marked SLAB_FAILSLAB) and by
 * mm/page_alloc.c; tests/fault/ sweeps system calls with it.
 */
#include <nest/fault-inject.h>
#include <nest/init.h>
#include <nest/sched.h>
#include <nest/interrupt.h>
#include <nest/printk.h>
#include <nest/string.h>
#include <nest/limits.h>
#include <nest/fs.h>
#include <nest/errno.h>
#include <uapi/fcntl.h>

struct fault_attr failslab = { .name = "failslab" };
struct fault_attr fail_page_alloc = { .name = "fail_page_alloc" };

/* "NAME" arms a site; "NAME=N" also makes every Nth call fail. */
static int setup_interval(struct fault_attr *attr, char *arg)
{
	char *end;

	attr->armed = true;
	attr->interval = simple_strtoul(arg, &end, 10);
	return (end == arg || *end) ? -1 : 0;
}

static int setup_failslab(char *arg)
{
	failslab.armed = true;
	return 0;
}
__setup("failslab", setup_failslab);

static int setup_failslab_interval(char *arg)
{
	return setup_interval(&failslab, arg);
}
__setup("failslab=", setup_failslab_interval);

static int setup_fail_page_alloc(char *arg)
{
	fail_page_alloc.armed = true;
	return 0;
}
__setup("fail_page_alloc", setup_fail_page_alloc);

static int setup_fail_page_alloc_interval(char *arg)
{
	return setup_interval(&fail_page_alloc, arg);
}
__setup("fail_page_alloc=", setup_fail_page_alloc_interval);

/*
 * should_fail - see fault-inject.h.  The task's countdown comes first, as
 * in Linux: while it runs, the interval is not counted.  A forced failure
 * is logged at KERN_INFO with the allocator's caller, so a transcript
 * without `quiet` says which allocation a sweep step hit.
 */
bool should_fail(struct fault_attr *attr, const char *what, unsigned long caller)
{
	if (current->fail_nth && !in_interrupt()) {
		if (--current->fail_nth)
			return false;
		goto fail;
	}
	if (!attr->interval || ++attr->count % attr->interval)
		return false;
fail:
	attr->failed++;
	pr_info("FAULT_INJECTION: %s: failing %s for %s[%d], caller %pS\n", attr->name,
		what, current->comm, current->pid, (void *)caller);
	return true;
}

/*
 * /dev/fail-nth.  Writing N (decimal, or 0x hex) sets the writer's
 * countdown: its Nth armed allocation from then on fails.  Reading gives
 * the countdown as it is now: 0 once the failure happened (or if none was
 * asked for), more if the task has not made N allocations yet.  Writing 0
 * turns it off.  With no site armed, writes fail with ENODEV: the boot
 * words are failslab and fail_page_alloc.
 */
#define FAIL_NTH_BUF	16

static ssize_t fail_nth_read(struct file *file, struct iov_iter *to, loff_t *ppos)
{
	char buf[FAIL_NTH_BUF];
	int len = snprintf(buf, sizeof(buf), "%u\n", current->fail_nth);
	size_t n;

	if (*ppos >= len)
		return 0;
	n = copy_to_iter(buf + *ppos, len - *ppos, to);
	if (!n && iov_iter_count(to))
		return -EFAULT;
	*ppos += n;
	return n;
}

static ssize_t fail_nth_write(struct file *file, struct iov_iter *from, loff_t *ppos)
{
	size_t count = iov_iter_count(from);
	char buf[FAIL_NTH_BUF], *end;
	unsigned long n;

	if (!failslab.armed && !fail_page_alloc.armed)
		return -ENODEV;
	if (count >= sizeof(buf))
		return -EINVAL;
	if (copy_from_iter(buf, count, from) != count)
		return -EFAULT;
	buf[count] = '\0';
	n = simple_strtoul(buf, &end, 0);
	if (end == buf || (*end && strcmp(end, "\n")) || n > INT_MAX)
		return -EINVAL;
	/* The last thing this call does: nothing below may allocate. */
	current->fail_nth = n;
	return count;
}

/* Back to the start, so that one open file can be read again and again. */
static loff_t fail_nth_llseek(struct file *file, loff_t offset, int whence)
{
	if (whence != SEEK_SET || offset < 0)
		return -EINVAL;
	return file->f_pos = offset;
}

static const struct file_operations fail_nth_fops = {
	.llseek = fail_nth_llseek,
	.read_iter = fail_nth_read,
	.write_iter = fail_nth_write,
};

/* fail_nth_dev_init - register /dev/fail-nth; called by chr_dev_init(). */
void fail_nth_dev_init(void)
{
	register_chrdev(MKDEV(FAIL_NTH_MAJOR, FAIL_NTH_MINOR), "fail-nth", &fail_nth_fops);
}
