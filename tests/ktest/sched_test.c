/*
 * tests/ktest/sched_test.c - the `sched` suite: kernel threads, the
 * round-robin scheduler, wait queues and timers.  These run in pid 1
 * (kernel_init) before init is exec'd, so they can sleep.
 */
#include <nest/ktest.h>
#include <nest/kthread.h>
#include <nest/sched.h>
#include <nest/wait.h>
#include <nest/timer.h>
#include <nest/jiffies.h>
#include <nest/errno.h>
#include <nest/string.h>

#define SPIN_TICKS	5

static int return_42(void *data)
{
	*(int *)data = 1;
	return 42;
}

/* A kernel thread runs, exits, and kthread_stop() gets its result. */
static void sched_kthread_runs_and_stops(struct ktest *t)
{
	unsigned long threads = nr_threads();
	struct task_struct *k;
	int ran = 0;

	k = kthread_run(return_42, &ran, "ktest/%d", 1);
	KTEST_ASSERT_FALSE(t, IS_ERR(k));
	KTEST_EXPECT_EQ(t, strcmp(k->comm, "ktest/1"), 0);
	KTEST_EXPECT_PTR_EQ(t, k->parent, kthreadd_task);
	KTEST_EXPECT_EQ(t, kthread_stop(k), 42);
	KTEST_EXPECT_EQ(t, ran, 1);
	KTEST_EXPECT_EQ(t, nr_threads(), threads);
}

struct spinner {
	volatile unsigned long count;
};

/*
 * Two threads that never sleep both make progress.  Kernel threads are not
 * preempted (the kernel is not preemptible), so the spinners call
 * schedule() when the tick asks them to; what is checked is the
 * round-robin between them.
 */
static int spin_yield(void *data)
{
	struct spinner *s = data;

	while (!kthread_should_stop()) {
		s->count++;
		if (current->need_resched)
			schedule();
	}
	return 0;
}

static void sched_round_robin_between_busy_threads(struct ktest *t)
{
	struct spinner a = { 0 }, b = { 0 };
	struct task_struct *ka = kthread_run(spin_yield, &a, "spin/a");
	struct task_struct *kb = kthread_run(spin_yield, &b, "spin/b");

	KTEST_ASSERT_FALSE(t, IS_ERR(ka) || IS_ERR(kb));
	schedule_timeout_uninterruptible(SPIN_TICKS * RR_TIMESLICE);
	kthread_stop(ka);
	kthread_stop(kb);
	ktest_info(t, "spinner counts %lu and %lu", a.count, b.count);
	KTEST_EXPECT_GT(t, a.count, 0);
	KTEST_EXPECT_GT(t, b.count, 0);
}

static DECLARE_WAIT_QUEUE_HEAD(test_wq);
static volatile int test_flag;

static int waiter(void *data)
{
	int *woke = data;

	wait_event(test_wq, test_flag);
	*woke = 1;
	return 0;
}

/* wait_event sleeps until the condition holds; a wake_up without it does not end it. */
static void sched_wait_queue_sleeps_until_condition(struct ktest *t)
{
	int woke = 0;
	struct task_struct *k;

	test_flag = 0;
	k = kthread_run(waiter, &woke, "waiter");
	KTEST_ASSERT_FALSE(t, IS_ERR(k));
	schedule_timeout_uninterruptible(2);
	KTEST_EXPECT_TRUE(t, waitqueue_active(&test_wq));
	KTEST_EXPECT_EQ(t, k->state, TASK_UNINTERRUPTIBLE);
	wake_up(&test_wq);		/* spurious: the condition is still false */
	schedule_timeout_uninterruptible(2);
	KTEST_EXPECT_EQ(t, woke, 0);
	test_flag = 1;
	wake_up(&test_wq);
	kthread_stop(k);
	KTEST_EXPECT_EQ(t, woke, 1);
	KTEST_EXPECT_FALSE(t, waitqueue_active(&test_wq));
}

struct timer_probe {
	struct timer_list timer;
	unsigned long fired_at;
	int fired;
};

static void timer_fn(struct timer_list *tl)
{
	struct timer_probe *p = container_of(tl, struct timer_probe, timer);

	p->fired_at = jiffies;
	p->fired++;
}

/* A timer fires once, never before its expiry; del_timer cancels one. */
static void sched_timer_fires_on_time(struct ktest *t)
{
	struct timer_probe a = { .fired = 0 }, b = { .fired = 0 };
	unsigned long start = jiffies;

	timer_setup(&a.timer, timer_fn, 0);
	timer_setup(&b.timer, timer_fn, 0);
	a.timer.expires = start + 3;
	b.timer.expires = start + 2;
	add_timer(&a.timer);
	add_timer(&b.timer);
	KTEST_EXPECT_TRUE(t, timer_pending(&a.timer));
	KTEST_EXPECT_EQ(t, del_timer(&b.timer), 1);
	schedule_timeout_uninterruptible(6);
	KTEST_EXPECT_EQ(t, a.fired, 1);
	KTEST_EXPECT_GE(t, a.fired_at, start + 3);
	KTEST_EXPECT_EQ(t, b.fired, 0);
	KTEST_EXPECT_FALSE(t, timer_pending(&a.timer));
	KTEST_EXPECT_EQ(t, del_timer(&a.timer), 0);
	ktest_info(t, "armed at %lu for +3, fired at %lu", start, a.fired_at);
}

/* mod_timer moves a pending timer's deadline. */
static void sched_mod_timer_moves_deadline(struct ktest *t)
{
	struct timer_probe a = { .fired = 0 };
	unsigned long start = jiffies;

	timer_setup(&a.timer, timer_fn, 0);
	a.timer.expires = start + 2;
	add_timer(&a.timer);
	KTEST_EXPECT_EQ(t, mod_timer(&a.timer, start + 6), 1);
	schedule_timeout_uninterruptible(4);
	KTEST_EXPECT_EQ(t, a.fired, 0);
	schedule_timeout_uninterruptible(6);
	KTEST_EXPECT_EQ(t, a.fired, 1);
	KTEST_EXPECT_GE(t, a.fired_at, start + 6);
}

/* msleep sleeps at least as long as asked. */
static void sched_msleep_is_long_enough(struct ktest *t)
{
	unsigned long start = jiffies;

	msleep(50);
	KTEST_EXPECT_GE(t, jiffies - start, msecs_to_jiffies(50));
	KTEST_EXPECT_EQ(t, nr_pending_timers(), 0);
}

static struct ktest_case sched_cases[] = {
	KTEST_CASE(sched_kthread_runs_and_stops),
	KTEST_CASE(sched_round_robin_between_busy_threads),
	KTEST_CASE(sched_wait_queue_sleeps_until_condition),
	KTEST_CASE(sched_timer_fires_on_time),
	KTEST_CASE(sched_mod_timer_moves_deadline),
	KTEST_CASE(sched_msleep_is_long_enough),
	{}
};

static struct ktest_suite sched_suite = {
	.name = "sched",
	.cases = sched_cases,
};
KTEST_SUITE(sched_suite);
