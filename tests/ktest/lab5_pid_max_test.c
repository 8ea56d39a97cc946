/*
 * tests/ktest/lab5_pid_max_test.c - the `lab5_pid_max` suite: lab 5's
 * per-namespace pid_max from the inside (kernel/pid.c's alloc_pid() at
 * each level, fs/proc/system.c's /proc/sys/kernel/pid_max).
 *
 * The tests run in kernel_init, in the initial namespace: they set its
 * pid_max through /proc/sys/kernel/pid_max, as a process would, and drive
 * alloc_pid() in a namespace below it that has no task.  Nothing here
 * names the namespace's pid_max field, so the suite builds on the starter
 * too (where every case fails: the file cannot be opened for writing).
 * Every case puts the initial namespace back at PID_MAX_DEFAULT.
 *
 *   lab5_sysctl_rules             what a write sets, what it refuses
 *   lab5_child_numbers_past_parent_limit
 *                                 below a parent at 500, a child numbers
 *                                 up to PID_MAX_LIMIT - 1 at its own level
 *   lab5_parent_limit_binds_child the parent's numbers run out first:
 *                                 EAGAIN, with the child's map nearly empty
 */
#include <nest/ktest.h>
#include <nest/fs.h>
#include <nest/pid.h>
#include <nest/pid_namespace.h>
#include <nest/workqueue.h>
#include <nest/string.h>
#include <nest/errno.h>
#include <uapi/fcntl.h>

#define PID_MAX_FILE	"/proc/sys/kernel/pid_max"
#define PARENT_MAX	500		/* the initial namespace's, for a while */
#define PID_MAX_MIN	(RESERVED_PIDS + 1)
#define DRAIN_ROUNDS	(MAX_PID_NS_LEVEL + 2)

static struct pid *pids[PID_MAX_MIN];

/* Write @text to pid_max: the bytes taken, or -errno (of the open or the write). */
static long write_pid_max(const char *text)
{
	struct file *f = filp_open(PID_MAX_FILE, O_WRONLY, 0);
	loff_t pos = 0;
	long n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = kernel_write(f, text, strlen(text), &pos);
	fput(f);
	return n;
}

/* pid_max as the initial namespace reads it, or -errno. */
static long read_pid_max(void)
{
	struct file *f = filp_open(PID_MAX_FILE, O_RDONLY, 0);
	char buf[16];
	loff_t pos = 0;
	long n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = kernel_read(f, buf, sizeof(buf) - 1, &pos);
	fput(f);
	if (n < 0)
		return n;
	buf[n] = '\0';
	return simple_strtoul(buf, NULL, 10);
}

/* Put the initial namespace back at its default, as every case must. */
static void restore_pid_max(struct ktest *t)
{
	char text[16];

	snprintf(text, sizeof(text), "%d\n", PID_MAX_DEFAULT);
	write_pid_max(text);
	KTEST_EXPECT_EQ(t, read_pid_max(), PID_MAX_DEFAULT);
}

static void drain_namespaces(unsigned long count)
{
	int i;

	for (i = 0; i < DRAIN_ROUNDS && nr_pid_namespaces() > count; i++)
		flush_workqueue(system_wq);
}

/* proc_dointvec_minmax() over the caller's namespace's pid_max. */
static void lab5_sysctl_rules(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, read_pid_max(), PID_MAX_DEFAULT);
	KTEST_EXPECT_EQ(t, write_pid_max("301\n"), 4);
	KTEST_EXPECT_EQ(t, read_pid_max(), PID_MAX_MIN);
	KTEST_EXPECT_EQ(t, write_pid_max("300"), -EINVAL);	/* RESERVED_PIDS */
	KTEST_EXPECT_EQ(t, write_pid_max("32769"), -EINVAL);	/* PID_MAX_LIMIT + 1 */
	KTEST_EXPECT_EQ(t, write_pid_max("abc"), -EINVAL);
	KTEST_EXPECT_EQ(t, read_pid_max(), PID_MAX_MIN);	/* refused writes change nothing */
	KTEST_EXPECT_EQ(t, write_pid_max("32768"), 5);		/* PID_MAX_LIMIT itself */
	ktest_info(t, "301 and 32768 taken; 300, 32769 and \"abc\" refused");
	restore_pid_max(t);
}

/*
 * A child's numbers are bounded by its own pid_max (PID_MAX_LIMIT when
 * made), not by its parent's: only the parent's level stays below 500.
 */
static void lab5_child_numbers_past_parent_limit(struct ktest *t)
{
	unsigned long before = nr_pid_namespaces();
	struct pid_namespace *ns;
	struct pid *p;
	int nr;

	KTEST_ASSERT_EQ(t, write_pid_max("500\n"), 4);
	ns = create_pid_namespace_for_test(&init_pid_ns);
	if (IS_ERR(ns)) {
		KTEST_EXPECT_FALSE(t, IS_ERR(ns));
		restore_pid_max(t);
		return;
	}
	/* Fill the child up to just below its own limit. */
	for (nr = 1; nr < PID_MAX_LIMIT - 2; nr++)
		take_pid_nr(ns, nr);
	p = alloc_pid(ns);
	KTEST_EXPECT_FALSE(t, IS_ERR(p));
	if (!IS_ERR(p)) {
		KTEST_EXPECT_EQ(t, pid_nr_ns(p, ns), PID_MAX_LIMIT - 2);
		KTEST_EXPECT_LT(t, pid_nr(p), PARENT_MAX);
		ktest_info(t, "numbered %d in the child, %d in the parent at pid_max %d",
			   pid_nr_ns(p, ns), pid_nr(p), PARENT_MAX);
		free_pid(p);
	}
	restore_pid_max(t);
	put_pid_ns(ns);
	drain_namespaces(before);
	KTEST_EXPECT_EQ(t, nr_pid_namespaces(), before);
}

/*
 * The parent at pid_max 301: the child gets numbers until the parent's
 * run out (fewer than 301, however many the parent already uses), then
 * EAGAIN, though the child's own map is almost empty.
 */
static void lab5_parent_limit_binds_child(struct ktest *t)
{
	unsigned long before = nr_pid_namespaces();
	struct pid_namespace *ns;
	bool below = true, in_order = true;
	struct pid *p = NULL;
	int n = 0, i;

	KTEST_ASSERT_EQ(t, write_pid_max("301\n"), 4);
	ns = create_pid_namespace_for_test(&init_pid_ns);
	if (IS_ERR(ns)) {
		KTEST_EXPECT_FALSE(t, IS_ERR(ns));
		restore_pid_max(t);
		return;
	}
	while (n < PID_MAX_MIN) {
		p = alloc_pid(ns);
		if (IS_ERR(p))
			break;
		pids[n++] = p;
		below = below && pid_nr(p) < PID_MAX_MIN;
		in_order = in_order && pid_nr_ns(p, ns) == n;
	}
	KTEST_EXPECT_TRUE(t, IS_ERR(p) && PTR_ERR(p) == -EAGAIN);
	KTEST_EXPECT_LT(t, n, PID_MAX_MIN);
	KTEST_EXPECT_TRUE(t, below);
	KTEST_EXPECT_TRUE(t, in_order);
	ktest_info(t, "%d pids in the child, numbered 1..%d there, then EAGAIN", n, n);
	for (i = 0; i < n; i++)
		free_pid(pids[i]);
	restore_pid_max(t);
	put_pid_ns(ns);
	drain_namespaces(before);
	KTEST_EXPECT_EQ(t, nr_pid_namespaces(), before);
}

/* The level-1 struct pid cache is made once and kept: before the leak check. */
static int lab5_suite_init(void)
{
	return create_pid_cachep(2) ? 0 : -ENOMEM;
}

static struct ktest_case lab5_pid_max_cases[] = {
	KTEST_CASE(lab5_sysctl_rules),
	KTEST_CASE(lab5_child_numbers_past_parent_limit),
	KTEST_CASE(lab5_parent_limit_binds_child),
	{}
};

static struct ktest_suite lab5_pid_max_suite = {
	.name = "lab5_pid_max",
	.cases = lab5_pid_max_cases,
	.init = lab5_suite_init,
};
KTEST_SUITE(lab5_pid_max_suite);
