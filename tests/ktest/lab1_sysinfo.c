/*
 * tests/ktest/lab1_sysinfo.c - the `lab1_sysinfo` suite (Lab 1): what
 * do_sysinfo() and si_meminfo() (kernel/sys_info.c) compute, checked
 * against the counters they read, with interrupts off so that nothing
 * moves between the two readings.  The user test lab1_sysinfo checks the
 * system call itself from user space.
 *
 *   registered        sys_call_table[116] is "sysinfo" (SYSCALL_DEFINE1)
 *   si_meminfo        pages and mem_unit = PAGE_SIZE, the allocator's counts
 *   every field       do_sysinfo: bytes (mem_unit 1), zeros where Nest has
 *                     nothing (loads, swap, highmem...), pad and _f zeroed
 *   freeram           drops by 16 pages' bytes across alloc_pages(order 4),
 *                     and comes back after __free_pages()
 *   uptime            jiffies in seconds, rounded up as Linux does, also at
 *                     the top of the counter
 *   procs             Linux's nr_threads (the idle task not counted); one
 *                     more while a kernel thread lives
 *
 * Until the lab is done the two functions do not exist: they are weak
 * references here, NULL in the starter, and each case fails saying so
 * rather than the kernel failing to link.
 */
#include <nest/ktest.h>
#include <nest/sysinfo.h>
#include <nest/syscalls.h>
#include <nest/kthread.h>
#include <nest/jiffies.h>
#include <nest/irqflags.h>
#include <nest/string.h>
#include <nest/mm.h>
#include <nest/gfp.h>
#include <nest/errno.h>

extern int do_sysinfo(struct sysinfo *info) __weak;
extern void si_meminfo(struct sysinfo *val) __weak;

#define TEST_ORDER	4	/* the block freeram must see go and come back */
#define POISON		0xA5	/* what each struct holds before a call */

/* Are the lab's functions there?  If not, fail the case with a hint. */
static bool sysinfo_written(struct ktest *t)
{
	if (do_sysinfo && si_meminfo)
		return true;
	ktest_fail(t, __FILE__, __LINE__,
		   "do_sysinfo() or si_meminfo() is missing: write kernel/sys_info.c");
	return false;
}

/* The system call is in the table under 116, put there from .syscalls. */
static void lab1_sysinfo_registered(struct ktest *t)
{
	const char *name = syscall_name(__NR_sysinfo);

	KTEST_ASSERT_NOT_NULL(t, name);
	KTEST_EXPECT_EQ(t, strcmp(name, "sysinfo"), 0);
}

/* si_meminfo() counts pages, as Linux's does, with mem_unit = PAGE_SIZE. */
static void lab1_si_meminfo_counts_pages(struct ktest *t)
{
	struct sysinfo val;
	unsigned long flags, free;

	if (!sysinfo_written(t))
		return;
	memset(&val, POISON, sizeof(val));
	local_irq_save(flags);
	si_meminfo(&val);
	free = nr_free_pages();
	local_irq_restore(flags);
	KTEST_EXPECT_EQ(t, val.mem_unit, PAGE_SIZE);
	KTEST_EXPECT_EQ(t, val.totalram, nr_managed_pages());
	KTEST_EXPECT_EQ(t, val.freeram, free);
	KTEST_EXPECT_EQ(t, val.sharedram, 0);
	KTEST_EXPECT_EQ(t, val.bufferram, 0);
	KTEST_EXPECT_EQ(t, val.totalhigh, 0);
	KTEST_EXPECT_EQ(t, val.freehigh, 0);
}

/* All 64 bytes are set; memory in bytes since Nest's RAM is well below 4 GiB. */
static void lab1_sysinfo_fills_every_field(struct ktest *t)
{
	struct sysinfo info;
	unsigned long flags, free;
	unsigned int i;
	int ret;

	if (!sysinfo_written(t))
		return;
	memset(&info, POISON, sizeof(info));
	local_irq_save(flags);
	ret = do_sysinfo(&info);
	free = nr_free_pages();
	local_irq_restore(flags);
	KTEST_EXPECT_EQ(t, ret, 0);
	KTEST_EXPECT_EQ(t, info.mem_unit, 1);
	KTEST_EXPECT_EQ(t, info.totalram, nr_managed_pages() * PAGE_SIZE);
	KTEST_EXPECT_EQ(t, info.freeram, free * PAGE_SIZE);
	for (i = 0; i < ARRAY_SIZE(info.loads); i++)
		KTEST_EXPECT_EQ(t, info.loads[i], 0);	/* no load average in Nest */
	KTEST_EXPECT_EQ(t, info.sharedram, 0);
	KTEST_EXPECT_EQ(t, info.bufferram, 0);
	KTEST_EXPECT_EQ(t, info.totalswap, 0);
	KTEST_EXPECT_EQ(t, info.freeswap, 0);
	KTEST_EXPECT_EQ(t, info.totalhigh, 0);
	KTEST_EXPECT_EQ(t, info.freehigh, 0);
	KTEST_EXPECT_EQ(t, info.pad, 0);
	for (i = 0; i < sizeof(info._f); i++)
		KTEST_EXPECT_EQ(t, info._f[i], 0);
	ktest_info(t, "uptime %ld s, totalram %lu, freeram %lu, procs %u", info.uptime,
		   info.totalram, info.freeram, info.procs);
}

/* freeram follows the page allocator: 2^TEST_ORDER pages go and come back. */
static void lab1_sysinfo_freeram_follows_alloc_pages(struct ktest *t)
{
	struct sysinfo before, during, after;
	struct page *page;
	unsigned long flags;

	if (!sysinfo_written(t))
		return;
	/* Interrupts off: no one else allocates between the readings. */
	local_irq_save(flags);
	do_sysinfo(&before);
	page = alloc_pages(GFP_KERNEL, TEST_ORDER);
	do_sysinfo(&during);
	if (page)
		__free_pages(page, TEST_ORDER);
	do_sysinfo(&after);
	local_irq_restore(flags);
	KTEST_ASSERT_NOT_NULL(t, page);
	KTEST_EXPECT_EQ(t, before.freeram - during.freeram,
			(PAGE_SIZE << TEST_ORDER) / before.mem_unit);
	KTEST_EXPECT_EQ(t, after.freeram, before.freeram);
	KTEST_EXPECT_EQ(t, during.totalram, before.totalram);
}

/*
 * uptime is jiffies in whole seconds, rounded up.  The case sets jiffies
 * itself, with interrupts off (no tick, no timer can see the made-up
 * values), and puts it back before turning them on again.
 */
static void lab1_sysinfo_uptime_rounds_up(struct ktest *t)
{
	static const struct {
		unsigned long jiffies;
		long uptime;
	} cases[] = {
		{ 0, 0 },
		{ 1, 1 },			/* 10 ms is 1 s, as Linux says */
		{ HZ - 1, 1 },
		{ HZ, 1 },			/* exactly 1 s */
		{ HZ + 1, 2 },
		{ 3600 * HZ, 3600 },
		{ ~0UL, ~0UL / HZ + 1 },	/* the top: no overflow in the rounding */
	};
	struct sysinfo info[ARRAY_SIZE(cases)];
	unsigned long flags, saved;
	unsigned int i;

	if (!sysinfo_written(t))
		return;
	local_irq_save(flags);
	saved = jiffies;
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		jiffies = cases[i].jiffies;
		do_sysinfo(&info[i]);
	}
	jiffies = saved;
	local_irq_restore(flags);
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		if (info[i].uptime != cases[i].uptime)
			ktest_info(t, "jiffies %lu (HZ %d): uptime %ld, want %ld",
				   cases[i].jiffies, HZ, info[i].uptime, cases[i].uptime);
		KTEST_EXPECT_EQ(t, info[i].uptime, cases[i].uptime);
	}
}

/* A kernel thread that sleeps until kthread_stop(). */
static int sleeper(void *data)
{
	while (!kthread_should_stop()) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!kthread_should_stop())
			schedule();
		set_current_state(TASK_RUNNING);
	}
	return 0;
}

/* procs - the number of tasks, not counting the idle task (Linux's nr_threads). */
static unsigned long sysinfo_procs(unsigned long *threads)
{
	struct sysinfo info;
	unsigned long flags;

	local_irq_save(flags);
	do_sysinfo(&info);
	*threads = nr_threads();
	local_irq_restore(flags);
	return info.procs;
}

static void lab1_sysinfo_procs_counts_tasks(struct ktest *t)
{
	unsigned long before, during, after, threads;
	struct task_struct *k;

	if (!sysinfo_written(t))
		return;
	before = sysinfo_procs(&threads);
	KTEST_EXPECT_EQ(t, before, threads - 1);	/* the idle task (swapper) is not counted */
	k = kthread_run(sleeper, NULL, "ktest-sysinfo");
	KTEST_ASSERT_FALSE(t, IS_ERR(k));
	during = sysinfo_procs(&threads);
	KTEST_EXPECT_EQ(t, during, before + 1);
	KTEST_EXPECT_EQ(t, kthread_stop(k), 0);		/* exits and is reaped */
	after = sysinfo_procs(&threads);
	KTEST_EXPECT_EQ(t, after, before);
	ktest_info(t, "procs %lu, %lu with the thread, %lu after", before, during, after);
}

static struct ktest_case lab1_sysinfo_cases[] = {
	KTEST_CASE(lab1_sysinfo_registered),
	KTEST_CASE(lab1_si_meminfo_counts_pages),
	KTEST_CASE(lab1_sysinfo_fills_every_field),
	KTEST_CASE(lab1_sysinfo_freeram_follows_alloc_pages),
	KTEST_CASE(lab1_sysinfo_uptime_rounds_up),
	KTEST_CASE(lab1_sysinfo_procs_counts_tasks),
	{}
};

static struct ktest_suite lab1_sysinfo_suite = {
	.name = "lab1_sysinfo",
	.cases = lab1_sysinfo_cases,
};
KTEST_SUITE(lab1_sysinfo_suite);
