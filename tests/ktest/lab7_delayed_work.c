/*
 * tests/ktest/lab7_delayed_work.c - the `lab7_delayed_work` suite: delayed
 * work (kernel/workqueue_delayed.c, lab 7: docs/labs/lab7-delayed-work.md).
 * A delayed item runs once its delay has passed, never before, measured in
 * jiffies against its timer's expiry; delay 0 queues it at once; it is
 * pending while its timer runs, so queueing it again fails; mod_delayed_work
 * moves the deadline; cancelling before the expiry means it never runs, and
 * cancel_delayed_work_sync() waits for a running one; flush_delayed_work()
 * runs a waiting one now; it can be queued from its own function and from
 * an interrupt handler; destroy_workqueue() waits for its timer; and the
 * slab reaper, the kernel's own delayed item, keeps itself armed.
 *
 * Every wait is bounded (wait_ticks_for(), WAIT_TICKS), so on the lab's
 * starter, where queue_delayed_work() refuses every item, each case fails
 * in at most a few seconds instead of hanging.  Items live on the case's
 * stack or in statics and are cancelled before the case returns, also when
 * a check fails.  The plain workqueue is the `workqueue` suite
 * (workqueue_test.c), whose helpers this suite shares.
 */
#include "workqueue_test.h"

/* A delayed item that records when it ran, in jiffies. */
struct delay_probe {
	struct delayed_work dwork;
	unsigned long queued_at;	/* jiffies when queued */
	unsigned long expires;		/* its timer's expiry, read after queueing */
	unsigned long ran_at;		/* jiffies when the function last ran */
	unsigned int sleep_ms;		/* how long each run sleeps */
	int started, runs;
};

static void delay_fn(struct work_struct *work)
{
	struct delay_probe *d = container_of(to_delayed_work(work),
					     struct delay_probe, dwork);

	d->started++;
	d->ran_at = jiffies;
	if (d->sleep_ms)
		msleep(d->sleep_ms);
	d->runs++;
}

static void delay_probe_init(struct delay_probe *d, unsigned int sleep_ms)
{
	memset(d, 0, sizeof(*d));
	INIT_DELAYED_WORK(&d->dwork, delay_fn);
	d->sleep_ms = sleep_ms;
}

/*
 * Queue @d on @wq after @delay, noting the jiffies of the call and the
 * expiry its timer got.  Interrupts are off meanwhile, so no tick falls in
 * between: expires must be exactly queued_at + delay.
 */
static bool queue_probe(struct workqueue_struct *wq, struct delay_probe *d,
			unsigned long delay)
{
	unsigned long flags;
	bool queued;

	local_irq_save(flags);
	d->queued_at = jiffies;
	queued = queue_delayed_work(wq, &d->dwork, delay);
	d->expires = d->dwork.timer.expires;
	local_irq_restore(flags);
	return queued;
}

static const unsigned long test_delays[] = { 1, 2, 3, 7 };

/*
 * The delay of an item a case cancels or requeues before it may run: long
 * enough that a stall of the (shared, emulated) CPU between two statements
 * does not let it expire first, short enough to wait out.
 */
#define SAFE_DELAY	(HZ / 4)

/* It runs at the first tick at which the delay has passed, never before. */
static void lab7_runs_after_delay_not_before(struct ktest *t)
{
	struct delay_probe d[ARRAY_SIZE(test_delays)];
	unsigned int i, ran = 0;

	for (i = 0; i < ARRAY_SIZE(d); i++) {
		delay_probe_init(&d[i], 0);
		KTEST_EXPECT_TRUE(t, queue_probe(system_wq, &d[i], test_delays[i]));
		KTEST_EXPECT_TRUE(t, timer_pending(&d[i].dwork.timer));
		KTEST_EXPECT_EQ(t, d[i].expires, d[i].queued_at + test_delays[i]);
		KTEST_EXPECT_TRUE(t, delayed_work_pending(&d[i].dwork));
	}
	wait_ticks_for(({ ran = 0; for (i = 0; i < ARRAY_SIZE(d); i++)
				ran += READ_ONCE(d[i].runs); ran == ARRAY_SIZE(d); }),
		       WAIT_TICKS);
	for (i = 0; i < ARRAY_SIZE(d); i++) {
		cancel_delayed_work_sync(&d[i].dwork);
		ktest_info(t, "delay %lu: queued at %lu, timer expiry %lu, ran at %lu",
			   test_delays[i], d[i].queued_at, d[i].expires, d[i].ran_at);
		KTEST_EXPECT_EQ(t, d[i].runs, 1);
		KTEST_EXPECT_GE(t, d[i].ran_at - d[i].queued_at, test_delays[i]);
		KTEST_EXPECT_FALSE(t, delayed_work_pending(&d[i].dwork));
	}
}

/* Delay 0: no timer, the item is on the worklist at once; flush_work() waits for it. */
static void lab7_delay_zero_queues_at_once(struct ktest *t)
{
	struct delay_probe d;

	delay_probe_init(&d, 0);
	KTEST_EXPECT_TRUE(t, queue_probe(system_wq, &d, 0));
	KTEST_EXPECT_TRUE(t, delayed_work_pending(&d.dwork));
	KTEST_EXPECT_FALSE(t, timer_pending(&d.dwork.timer));
	/* flush_work(), not flush_delayed_work(): a queued item is waited for. */
	KTEST_EXPECT_TRUE(t, flush_work(&d.dwork.work));
	KTEST_EXPECT_EQ(t, d.runs, 1);
	ktest_info(t, "delay 0: queued at %lu, ran at %lu", d.queued_at, d.ran_at);
	cancel_delayed_work_sync(&d.dwork);
}

/* A pending delayed item is not queued again, by any call, until it has run. */
static void lab7_pending_item_not_queued_again(struct ktest *t)
{
	struct workqueue_struct *wq = alloc_workqueue("ktest_lab7_pending", 0, 0);
	struct delay_probe d;

	KTEST_ASSERT_NOT_NULL(t, wq);
	delay_probe_init(&d, 0);
	KTEST_EXPECT_TRUE(t, schedule_delayed_work(&d.dwork, SAFE_DELAY));
	KTEST_EXPECT_FALSE(t, schedule_delayed_work(&d.dwork, 1));
	KTEST_EXPECT_FALSE(t, queue_delayed_work(wq, &d.dwork, 0));
	KTEST_EXPECT_FALSE(t, schedule_work(&d.dwork.work));
	KTEST_EXPECT_FALSE(t, queue_work(wq, &d.dwork.work));
	KTEST_EXPECT_TRUE(t, wait_ticks_for(READ_ONCE(d.runs) == 1, WAIT_TICKS));
	flush_work(&d.dwork.work);
	KTEST_EXPECT_EQ(t, d.runs, 1);
	KTEST_EXPECT_FALSE(t, delayed_work_pending(&d.dwork));
	/* Idle again: it can be queued again, on another queue too. */
	KTEST_EXPECT_TRUE(t, queue_delayed_work(wq, &d.dwork, 1));
	KTEST_EXPECT_TRUE(t, wait_ticks_for(READ_ONCE(d.runs) == 2, WAIT_TICKS));
	ktest_info(t, "queued once of five tries while pending; ran %d times", d.runs);
	cancel_delayed_work_sync(&d.dwork);
	destroy_workqueue(wq);
}

/* mod_delayed_work moves a pending item's deadline, earlier or later. */
static void lab7_mod_delayed_work_moves_deadline(struct ktest *t)
{
	struct delay_probe d;
	unsigned long start, now, flags;
	int runs;

	delay_probe_init(&d, 0);

	/* Earlier: from a second to 3 ticks. */
	start = jiffies;
	KTEST_EXPECT_TRUE(t, queue_delayed_work(system_wq, &d.dwork, HZ));
	KTEST_EXPECT_TRUE(t, mod_delayed_work(system_wq, &d.dwork, 3));
	KTEST_EXPECT_TRUE(t, wait_ticks_for(READ_ONCE(d.runs) == 1, WAIT_TICKS));
	KTEST_EXPECT_GE(t, d.ran_at - start, 3);
	KTEST_EXPECT_LT(t, d.ran_at - start, HZ);
	ktest_info(t, "moved from +%d to +3: ran at +%lu", HZ, d.ran_at - start);

	/* Later: from 2 ticks to 8; not run a few ticks in, before +8. */
	start = jiffies;
	KTEST_EXPECT_TRUE(t, queue_delayed_work(system_wq, &d.dwork, 2));
	KTEST_EXPECT_TRUE(t, mod_delayed_work(system_wq, &d.dwork, 8));
	wait_ticks_for(time_after(jiffies, start + 5), WAIT_TICKS);
	local_irq_save(flags);
	now = jiffies;
	runs = d.runs;
	local_irq_restore(flags);
	if (time_after(start + 8, now))		/* unless the guest stalled */
		KTEST_EXPECT_EQ(t, runs, 1);
	KTEST_EXPECT_TRUE(t, wait_ticks_for(READ_ONCE(d.runs) == 2, WAIT_TICKS));
	KTEST_EXPECT_GE(t, d.ran_at - start, 8);
	ktest_info(t, "moved from +2 to +8: ran at +%lu", d.ran_at - start);

	/* Queued already (delay 0), then given a delay: off the list, re-armed. */
	start = jiffies;
	KTEST_EXPECT_FALSE(t, mod_delayed_work(system_wq, &d.dwork, 0));	/* was idle */
	KTEST_EXPECT_TRUE(t, mod_delayed_work(system_wq, &d.dwork, 4));
	KTEST_EXPECT_TRUE(t, wait_ticks_for(READ_ONCE(d.runs) == 3, WAIT_TICKS));
	KTEST_EXPECT_GE(t, d.ran_at - start, 4);
	cancel_delayed_work_sync(&d.dwork);
	KTEST_EXPECT_EQ(t, d.runs, 3);
}

/*
 * Cancelled before its expiry, an item never runs: by cancel_delayed_work()
 * and by cancel_delayed_work_sync(), waiting for its timer or already
 * queued (delay 0).  The timer is stopped and no longer counted by the pool.
 */
static void lab7_cancel_before_expiry_never_runs(struct ktest *t)
{
	struct workqueue_struct *wq = alloc_workqueue("ktest_lab7_cancel", 0, 0);
	struct delay_probe d;
	unsigned long start = jiffies;

	KTEST_ASSERT_NOT_NULL(t, wq);
	delay_probe_init(&d, 0);
	KTEST_EXPECT_TRUE(t, queue_delayed_work(wq, &d.dwork, SAFE_DELAY));
	KTEST_EXPECT_EQ(t, wq->pool.nr_delayed, 1);
	KTEST_EXPECT_TRUE(t, cancel_delayed_work(&d.dwork));
	KTEST_EXPECT_FALSE(t, cancel_delayed_work(&d.dwork));
	KTEST_EXPECT_FALSE(t, timer_pending(&d.dwork.timer));
	KTEST_EXPECT_FALSE(t, delayed_work_pending(&d.dwork));
	KTEST_EXPECT_EQ(t, wq->pool.nr_delayed, 0);

	KTEST_EXPECT_TRUE(t, queue_delayed_work(wq, &d.dwork, SAFE_DELAY));
	KTEST_EXPECT_TRUE(t, cancel_delayed_work_sync(&d.dwork));
	KTEST_EXPECT_FALSE(t, cancel_delayed_work_sync(&d.dwork));
	KTEST_EXPECT_FALSE(t, timer_pending(&d.dwork.timer));
	KTEST_EXPECT_EQ(t, wq->pool.nr_delayed, 0);

	/* Delay 0 and no sleep in between: on the list, no worker took it yet. */
	KTEST_EXPECT_TRUE(t, queue_delayed_work(wq, &d.dwork, 0));
	KTEST_EXPECT_TRUE(t, cancel_delayed_work(&d.dwork));

	/* Past every deadline: nothing ran. */
	schedule_timeout_uninterruptible(SAFE_DELAY + 2);
	ktest_info(t, "three items cancelled before their time; %lu ticks later %d runs",
		   jiffies - start, d.runs);
	KTEST_EXPECT_EQ(t, d.runs, 0);
	KTEST_EXPECT_FALSE(t, delayed_work_pending(&d.dwork));
	cancel_delayed_work_sync(&d.dwork);
	destroy_workqueue(wq);
}

#define RUNNING_SLEEP_MS	100	/* ten ticks: the case looks while it sleeps */

/*
 * cancel_delayed_work_sync() on a running item returns once the function
 * has finished: false when nothing was pending; true when the item was
 * also queued again meanwhile, whose timer it stops.
 */
static void lab7_cancel_sync_waits_for_running(struct ktest *t)
{
	struct workqueue_struct *wq = alloc_workqueue("ktest_lab7_running", 0, 0);
	struct delay_probe d;

	KTEST_ASSERT_NOT_NULL(t, wq);
	delay_probe_init(&d, RUNNING_SLEEP_MS);
	KTEST_EXPECT_TRUE(t, queue_delayed_work(wq, &d.dwork, 1));
	KTEST_EXPECT_TRUE(t, wait_ticks_for(READ_ONCE(d.started) == 1, WAIT_TICKS));
	KTEST_EXPECT_EQ(t, d.runs, 0);			/* asleep in its function */
	KTEST_EXPECT_FALSE(t, cancel_delayed_work_sync(&d.dwork));
	KTEST_EXPECT_EQ(t, d.runs, 1);			/* it finished first */
	KTEST_EXPECT_PTR_EQ(t, find_worker_executing_work(&wq->pool, &d.dwork.work), NULL);
	ktest_info(t, "cancel_delayed_work_sync returned after the running item finished");

	/* Running, and queued again with a timer: the timer goes too. */
	KTEST_EXPECT_TRUE(t, queue_delayed_work(wq, &d.dwork, 1));
	KTEST_EXPECT_TRUE(t, wait_ticks_for(READ_ONCE(d.started) == 2, WAIT_TICKS));
	KTEST_EXPECT_TRUE(t, queue_delayed_work(wq, &d.dwork, SAFE_DELAY));
	KTEST_EXPECT_TRUE(t, cancel_delayed_work_sync(&d.dwork));
	KTEST_EXPECT_EQ(t, d.runs, 2);
	KTEST_EXPECT_FALSE(t, timer_pending(&d.dwork.timer));
	schedule_timeout_uninterruptible(SAFE_DELAY + 2);
	KTEST_EXPECT_EQ(t, d.started, 2);		/* the re-armed one never ran */
	KTEST_EXPECT_FALSE(t, delayed_work_pending(&d.dwork));
	cancel_delayed_work_sync(&d.dwork);
	destroy_workqueue(wq);
}

/* flush_delayed_work() queues a waiting item now and waits for it. */
static void lab7_flush_delayed_work_runs_it_now(struct ktest *t)
{
	struct delay_probe d;

	delay_probe_init(&d, 0);
	KTEST_EXPECT_TRUE(t, queue_probe(system_wq, &d, HZ));
	KTEST_EXPECT_TRUE(t, flush_delayed_work(&d.dwork));
	KTEST_EXPECT_EQ(t, d.runs, 1);
	KTEST_EXPECT_LT(t, d.ran_at - d.queued_at, HZ);
	KTEST_EXPECT_FALSE(t, timer_pending(&d.dwork.timer));
	KTEST_EXPECT_FALSE(t, delayed_work_pending(&d.dwork));
	ktest_info(t, "a %d-tick item flushed: ran %lu ticks after queueing", HZ,
		   d.ran_at - d.queued_at);
	/* Idle: nothing to wait for. */
	KTEST_EXPECT_FALSE(t, flush_delayed_work(&d.dwork));
	KTEST_EXPECT_EQ(t, d.runs, 1);
	cancel_delayed_work_sync(&d.dwork);
}

#define REQUEUE_TIMES	5

static struct {
	struct delay_probe d;
	unsigned long ran_at[REQUEUE_TIMES];
	int requeue_failed;
} requeue;

static void requeue_delayed_fn(struct work_struct *work)
{
	int n = requeue.d.runs++;

	requeue.ran_at[n] = jiffies;
	if (n + 1 < REQUEUE_TIMES && !schedule_delayed_work(to_delayed_work(work), 1))
		requeue.requeue_failed++;
}

/* A delayed item may queue itself again from its function: a periodic item. */
static void lab7_self_requeue(struct ktest *t)
{
	int i;

	memset(&requeue, 0, sizeof(requeue));
	INIT_DELAYED_WORK(&requeue.d.dwork, requeue_delayed_fn);
	KTEST_EXPECT_TRUE(t, schedule_delayed_work(&requeue.d.dwork, 1));
	KTEST_EXPECT_TRUE(t, wait_ticks_for(READ_ONCE(requeue.d.runs) == REQUEUE_TIMES,
					    WAIT_TICKS));
	cancel_delayed_work_sync(&requeue.d.dwork);
	ktest_info(t, "ran %d times, requeueing itself a tick later each time",
		   requeue.d.runs);
	KTEST_EXPECT_EQ(t, requeue.d.runs, REQUEUE_TIMES);
	KTEST_EXPECT_EQ(t, requeue.requeue_failed, 0);
	for (i = 1; i < requeue.d.runs && i < REQUEUE_TIMES; i++)
		KTEST_EXPECT_GE(t, requeue.ran_at[i] - requeue.ran_at[i - 1], 1);
}

static struct {
	struct timer_list timer;
	struct workqueue_struct *wq;
	struct delay_probe d;
	unsigned long fired_at;
	bool in_irq, queued;
} irqq;

static void irqq_timer_fn(struct timer_list *timer)
{
	irqq.in_irq = in_interrupt();
	irqq.fired_at = jiffies;
	irqq.queued = queue_delayed_work(irqq.wq, &irqq.d.dwork, 1);
}

/* queue_delayed_work() from an interrupt handler (a timer here) works. */
static void lab7_queue_from_timer_irq(struct ktest *t)
{
	memset(&irqq, 0, sizeof(irqq));
	irqq.wq = alloc_workqueue("ktest_lab7_irq", 0, 0);
	KTEST_ASSERT_NOT_NULL(t, irqq.wq);
	delay_probe_init(&irqq.d, 0);
	timer_setup(&irqq.timer, irqq_timer_fn, 0);
	irqq.timer.expires = jiffies + 1;
	add_timer(&irqq.timer);
	KTEST_EXPECT_TRUE(t, wait_ticks_for(READ_ONCE(irqq.d.runs) == 1, WAIT_TICKS));
	del_timer(&irqq.timer);
	KTEST_EXPECT_TRUE(t, irqq.in_irq);
	KTEST_EXPECT_TRUE(t, irqq.queued);
	KTEST_EXPECT_EQ(t, irqq.d.runs, 1);
	KTEST_EXPECT_GE(t, irqq.d.ran_at - irqq.fired_at, 1);
	ktest_info(t, "queued from the timer interrupt at %lu, ran at %lu",
		   irqq.fired_at, irqq.d.ran_at);
	cancel_delayed_work_sync(&irqq.d.dwork);
	destroy_workqueue(irqq.wq);
}

/* destroy_workqueue() waits for a delayed item's timer and runs the item. */
static void lab7_destroy_runs_delayed_items(struct ktest *t)
{
	struct workqueue_struct *wq;
	struct thread_count tc;
	struct delay_probe d;

	count_threads(&tc);
	wq = alloc_workqueue("ktest_lab7_destroy", 0, 2);
	KTEST_ASSERT_NOT_NULL(t, wq);
	delay_probe_init(&d, 0);
	KTEST_EXPECT_TRUE(t, queue_probe(wq, &d, 3));
	KTEST_EXPECT_EQ(t, wq->pool.nr_delayed, 1);
	destroy_workqueue(wq);
	ktest_info(t, "the delayed item ran %d times before the queue went, %lu ticks after queueing",
		   d.runs, d.ran_at - d.queued_at);
	KTEST_EXPECT_EQ(t, d.runs, 1);
	KTEST_EXPECT_GE(t, d.ran_at - d.queued_at, 3);
	KTEST_EXPECT_FALSE(t, delayed_work_pending(&d.dwork));
	expect_threads_back(t, &tc);
}

/* ---- the slab reaper (mm/slab_reap.c), the kernel's own delayed item ---- */

#define REAP_OBJECT_SIZE	512
#define REAP_SLABS		3

/* Print the slabinfo line of the cache named by @arg. */
static void reap_slabinfo_line(void *arg, const char *line)
{
	struct ktest *t = arg;

	if (!strncmp(line, "ktest_reap ", 11))
		ktest_info(t, "%s", line);
}

/*
 * The reaper, a self-rearming deferrable delayed item on system_wq, gives
 * back the empty slabs of a cache beyond SLAB_REAP_KEEP.  Flushing it runs
 * it now, and it re-arms itself.
 */
static void lab7_slab_reaper_rearms_and_reaps(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("ktest_reap", REAP_OBJECT_SIZE, 0, 0, NULL);
	unsigned long runs = slab_reap_runs, slabs_before;
	unsigned int i, n;
	void **objs;

	KTEST_ASSERT_NOT_NULL(t, s);
	KTEST_EXPECT_TRUE(t, delayed_work_pending(&slab_reap_work));
	n = REAP_SLABS * s->num;
	objs = kmalloc(n * sizeof(*objs), GFP_KERNEL);
	if (!objs) {
		kmem_cache_destroy(s);
		KTEST_ASSERT_NOT_NULL(t, objs);
	}
	for (i = 0; i < n; i++)
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
	for (i = 0; i < n; i++)
		kmem_cache_free(s, objs[i]);
	kfree(objs);
	/* An empty cpu slab and one on slabs_free; the others went at free. */
	slabs_before = s->num_slabs;
	slabinfo_show(reap_slabinfo_line, t);
	flush_delayed_work(&slab_reap_work);
	slabinfo_show(reap_slabinfo_line, t);
	ktest_info(t, "%lu empty slabs before the reaper ran, %lu after (keep %d)",
		   slabs_before, s->num_slabs, SLAB_REAP_KEEP);
	KTEST_EXPECT_EQ(t, slabs_before, 2);
	KTEST_EXPECT_EQ(t, s->num_slabs, SLAB_REAP_KEEP);
	KTEST_EXPECT_EQ(t, s->active_objs, 0);
	KTEST_EXPECT_EQ(t, slab_reap_runs, runs + 1);
	KTEST_EXPECT_TRUE(t, delayed_work_pending(&slab_reap_work));	/* re-armed */
	kmem_cache_destroy(s);
}

static struct ktest_case lab7_delayed_work_cases[] = {
	KTEST_CASE(lab7_runs_after_delay_not_before),
	KTEST_CASE(lab7_delay_zero_queues_at_once),
	KTEST_CASE(lab7_pending_item_not_queued_again),
	KTEST_CASE(lab7_mod_delayed_work_moves_deadline),
	KTEST_CASE(lab7_cancel_before_expiry_never_runs),
	KTEST_CASE(lab7_cancel_sync_waits_for_running),
	KTEST_CASE(lab7_flush_delayed_work_runs_it_now),
	KTEST_CASE(lab7_self_requeue),
	KTEST_CASE(lab7_queue_from_timer_irq),
	KTEST_CASE(lab7_destroy_runs_delayed_items),
	KTEST_CASE(lab7_slab_reaper_rearms_and_reaps),
	{}
};

static struct ktest_suite lab7_delayed_work_suite = {
	.name = "lab7_delayed_work",
	.cases = lab7_delayed_work_cases,
};
KTEST_SUITE(lab7_delayed_work_suite);
