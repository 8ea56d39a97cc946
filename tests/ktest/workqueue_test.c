/*
 * tests/ktest/workqueue_test.c - the `workqueue` suite: the guarantees of
 * include/nest/workqueue.h, checked on the running kernel.  Delayed work
 * is lab 7's, and has its own suite (lab7_delayed_work.c).  The cases run
 * in pid 1 and sleep a tick at a time while workers run; the whole suite
 * takes about a second of guest time.
 *
 * Each case makes its own queues and destroys them, and checks that their
 * workers are gone (kernel stacks and thread counts back where they were);
 * the leak gate around the suite checks slab objects and pages too.  Items
 * live on the case's stack, so every case flushes or cancels them before
 * it returns, also when a check fails (hence EXPECT, not ASSERT, once
 * anything is queued).  The white-box checks (pool sizes, worker names)
 * read kernel/workqueue_internal.h.
 */
#include "workqueue_test.h"

/* probe_fn - see workqueue_test.h. */
void probe_fn(struct work_struct *work)
{
	struct probe *p = container_of(work, struct probe, work);

	p->started++;
	p->last_task = current;
	if (p->sleep_ms)
		msleep(p->sleep_ms);
	p->runs++;
}

/* ---- an ordered queue ---- */

#define ORDER_ITEMS	32
#define ORDER_SLEEP_EVERY 8	/* every 8th item sleeps, the rest pile up */

static struct {
	int next;		/* the index expected next */
	int out_of_order;
	int running, max_running;
	char comm[TASK_COMM_LEN];
} order;

static void order_fn(struct work_struct *work)
{
	struct probe *p = container_of(work, struct probe, work);

	if (++order.running > order.max_running)
		order.max_running = order.running;
	if (p->index != order.next)
		order.out_of_order++;
	order.next = p->index + 1;
	strlcpy(order.comm, current->comm, sizeof(order.comm));
	if (p->sleep_ms)
		msleep(p->sleep_ms);
	p->runs++;
	order.running--;
}

/* An ordered workqueue runs one item at a time, in queueing order. */
static void workqueue_ordered_runs_one_at_a_time_in_order(struct ktest *t)
{
	static struct probe items[ORDER_ITEMS];
	struct workqueue_struct *wq;
	struct thread_count tc;
	int i, ran = 0;

	count_threads(&tc);
	wq = alloc_ordered_workqueue("ktest_ordered", 0);
	KTEST_ASSERT_NOT_NULL(t, wq);
	KTEST_EXPECT_EQ(t, wq->pool.nr_workers, 1);
	memset(&order, 0, sizeof(order));
	for (i = 0; i < ORDER_ITEMS; i++) {
		probe_init(&items[i], i % ORDER_SLEEP_EVERY ? 0 : 10);
		INIT_WORK(&items[i].work, order_fn);
		items[i].index = i;
		KTEST_EXPECT_TRUE(t, queue_work(wq, &items[i].work));
	}
	flush_workqueue(wq);
	for (i = 0; i < ORDER_ITEMS; i++)
		ran += items[i].runs;
	ktest_info(t, "%d items ran, %d out of order, at most %d at once, on %s",
		   ran, order.out_of_order, order.max_running, order.comm);
	KTEST_EXPECT_EQ(t, ran, ORDER_ITEMS);
	KTEST_EXPECT_EQ(t, order.out_of_order, 0);
	KTEST_EXPECT_EQ(t, order.max_running, 1);
	KTEST_EXPECT_EQ(t, wq->pool.nr_workers, 1);
	KTEST_EXPECT_EQ(t, strncmp(order.comm, "kworker/u", 9), 0);
	destroy_workqueue(wq);
	expect_threads_back(t, &tc);
}

/* ---- pending-bit semantics ---- */

/* Queueing a pending item returns false and it runs once. */
static void workqueue_no_double_queueing(struct ktest *t)
{
	struct probe p;

	probe_init(&p, 0);
	KTEST_EXPECT_FALSE(t, work_pending(&p.work));
	KTEST_EXPECT_TRUE(t, schedule_work(&p.work));
	KTEST_EXPECT_TRUE(t, work_pending(&p.work));
	KTEST_EXPECT_FALSE(t, schedule_work(&p.work));
	KTEST_EXPECT_FALSE(t, queue_work(system_wq, &p.work));
	KTEST_EXPECT_TRUE(t, flush_work(&p.work));
	KTEST_EXPECT_EQ(t, p.runs, 1);
	KTEST_EXPECT_FALSE(t, work_pending(&p.work));
	KTEST_EXPECT_FALSE(t, flush_work(&p.work));	/* idle: nothing to wait for */
	/* Idle again, so it can be queued again. */
	KTEST_EXPECT_TRUE(t, schedule_work(&p.work));
	flush_work(&p.work);
	KTEST_EXPECT_EQ(t, p.runs, 2);

	/* No sleep in between, so no worker can take it first. */
	KTEST_EXPECT_TRUE(t, schedule_work(&p.work));
	KTEST_EXPECT_TRUE(t, cancel_work(&p.work));
	KTEST_EXPECT_FALSE(t, cancel_work(&p.work));
	KTEST_EXPECT_FALSE(t, work_pending(&p.work));
	KTEST_EXPECT_EQ(t, p.runs, 2);
	ktest_info(t, "queueing a pending item returned false: it ran %d times", p.runs);
}

/* ---- self-requeue ---- */

#define REQUEUE_TIMES	5

static struct {
	struct work_struct work;
	int runs;
	int requeue_failed;
} requeue;

static void requeue_fn(struct work_struct *work)
{
	if (++requeue.runs < REQUEUE_TIMES && !queue_work(system_wq, work))
		requeue.requeue_failed++;
}

/* A work function may queue its own item again (a delayed one: lab 7). */
static void workqueue_self_requeue(struct ktest *t)
{
	memset(&requeue, 0, sizeof(requeue));
	INIT_WORK(&requeue.work, requeue_fn);
	KTEST_EXPECT_TRUE(t, schedule_work(&requeue.work));
	KTEST_EXPECT_TRUE(t, wait_ticks_for(READ_ONCE(requeue.runs) == REQUEUE_TIMES,
					    WAIT_TICKS));
	flush_work(&requeue.work);
	ktest_info(t, "ran %d times, requeueing itself", requeue.runs);
	KTEST_EXPECT_EQ(t, requeue.runs, REQUEUE_TIMES);
	KTEST_EXPECT_EQ(t, requeue.requeue_failed, 0);
	KTEST_EXPECT_FALSE(t, work_pending(&requeue.work));
}

/* ---- flush and cancel ---- */

/* flush_work returns after the last queued instance has finished. */
static void workqueue_flush_work_waits(struct ktest *t)
{
	struct workqueue_struct *wq;
	struct thread_count tc;
	struct probe p;
	int i;

	count_threads(&tc);
	wq = alloc_workqueue("ktest_flush", 0, 2);
	KTEST_ASSERT_NOT_NULL(t, wq);
	probe_init(&p, 30);
	queue_work(wq, &p.work);
	KTEST_EXPECT_TRUE(t, flush_work(&p.work));
	KTEST_EXPECT_EQ(t, p.runs, 1);

	/* Queued again while it runs: flush_work waits for both. */
	queue_work(wq, &p.work);
	KTEST_EXPECT_TRUE(t, wait_ticks_for(READ_ONCE(p.started) == 2, WAIT_TICKS));
	KTEST_EXPECT_TRUE(t, queue_work(wq, &p.work));
	KTEST_EXPECT_TRUE(t, work_pending(&p.work));
	KTEST_EXPECT_TRUE(t, flush_work(&p.work));
	KTEST_EXPECT_EQ(t, p.runs, 3);
	KTEST_EXPECT_FALSE(t, work_pending(&p.work));

	/* flush_workqueue waits for everything queued before it. */
	for (i = 0; i < 3; i++)
		queue_work(wq, &p.work);
	flush_workqueue(wq);
	KTEST_EXPECT_EQ(t, p.runs, 4);
	ktest_info(t, "flush_work returned with %d runs done, none pending", p.runs);
	destroy_workqueue(wq);
	expect_threads_back(t, &tc);
}

static struct {
	struct timer_list timer;
	struct workqueue_struct *wq;
	struct work_struct *work;
	int fired;
	bool queued;
} cancel_probe;

static void cancel_timer_fn(struct timer_list *timer)
{
	cancel_probe.queued = queue_work(cancel_probe.wq, cancel_probe.work);
	cancel_probe.fired++;
}

/*
 * cancel_work_sync on a running item that is also pending: it says it was
 * pending, the pending instance never runs, and on return the running one
 * has finished.  Meanwhile queueing it fails (from a timer here).
 */
static void workqueue_cancel_work_sync_running_item(struct ktest *t)
{
	struct workqueue_struct *wq = alloc_workqueue("ktest_cancel", 0, 0);
	struct probe p;

	KTEST_ASSERT_NOT_NULL(t, wq);
	probe_init(&p, 50);
	queue_work(wq, &p.work);
	KTEST_EXPECT_TRUE(t, wait_ticks_for(READ_ONCE(p.started) == 1, WAIT_TICKS));
	KTEST_EXPECT_TRUE(t, queue_work(wq, &p.work));	/* pending while running */

	memset(&cancel_probe, 0, sizeof(cancel_probe));
	cancel_probe.wq = wq;
	cancel_probe.work = &p.work;
	timer_setup(&cancel_probe.timer, cancel_timer_fn, 0);
	cancel_probe.timer.expires = jiffies + 2;
	add_timer(&cancel_probe.timer);

	KTEST_EXPECT_TRUE(t, cancel_work_sync(&p.work));
	KTEST_EXPECT_EQ(t, p.runs, 1);		/* the running one finished */
	KTEST_EXPECT_EQ(t, p.started, 1);	/* the pending one never started */
	KTEST_EXPECT_FALSE(t, work_pending(&p.work));
	KTEST_EXPECT_PTR_EQ(t, find_worker_executing_work(&wq->pool, &p.work), NULL);
	del_timer(&cancel_probe.timer);
	KTEST_EXPECT_EQ(t, cancel_probe.fired, 1);
	KTEST_EXPECT_FALSE(t, cancel_probe.queued);
	/* Idle: nothing to cancel; and it can be queued again. */
	KTEST_EXPECT_FALSE(t, cancel_work_sync(&p.work));
	KTEST_EXPECT_TRUE(t, queue_work(wq, &p.work));
	flush_work(&p.work);
	KTEST_EXPECT_EQ(t, p.runs, 2);
	ktest_info(t, "cancelled while running: %d run, the timer's queue_work returned %d",
		   1, cancel_probe.queued);
	destroy_workqueue(wq);
}

/* ---- destroy ---- */

#define DESTROY_ITEMS	20

/* destroy_workqueue runs the pending items first (delayed ones: lab 7). */
static void workqueue_destroy_drains_pending_items(struct ktest *t)
{
	struct probe items[DESTROY_ITEMS];
	struct workqueue_struct *wq;
	struct thread_count tc;
	int i, ran = 0;

	count_threads(&tc);
	wq = alloc_workqueue("ktest_destroy", 0, 2);
	KTEST_ASSERT_NOT_NULL(t, wq);
	KTEST_EXPECT_EQ(t, nr_thread_stacks(), tc.stacks + 2);
	for (i = 0; i < DESTROY_ITEMS; i++) {
		probe_init(&items[i], i ? 0 : 20);
		queue_work(wq, &items[i].work);
	}
	destroy_workqueue(wq);

	/* Linux's old names: one worker each, ordinary and unbound. */
	wq = create_workqueue("ktest_legacy");
	KTEST_ASSERT_NOT_NULL(t, wq);
	KTEST_EXPECT_EQ(t, wq->pool.nr_workers, 1);
	destroy_workqueue(wq);
	wq = create_singlethread_workqueue("ktest_single");
	KTEST_ASSERT_NOT_NULL(t, wq);
	KTEST_EXPECT_TRUE(t, wq->flags & __WQ_ORDERED);
	KTEST_EXPECT_EQ(t, wq->pool.nr_workers, 1);
	destroy_workqueue(wq);
	for (i = 0; i < DESTROY_ITEMS; i++)
		ran += items[i].runs;
	ktest_info(t, "%d of %d pending items ran before the queue went", ran, DESTROY_ITEMS);
	KTEST_EXPECT_EQ(t, ran, DESTROY_ITEMS);
	expect_threads_back(t, &tc);
}

/* ---- queueing from an interrupt handler and with interrupts off ---- */

static struct {
	struct timer_list timer;
	struct workqueue_struct *wq;
	struct probe item, sys_item;
	bool in_irq, irqs_off, first, second, sys;
	bool worker_in_irq, worker_kthread, worker_may_alloc;
	char comm[TASK_COMM_LEN];
} irqq;

static void irqq_timer_fn(struct timer_list *timer)
{
	irqq.in_irq = in_interrupt();
	irqq.irqs_off = irqs_disabled();
	irqq.first = queue_work(irqq.wq, &irqq.item.work);
	irqq.second = queue_work(irqq.wq, &irqq.item.work);
	irqq.sys = schedule_work(&irqq.sys_item.work);
}

/* Process context: may sleep and allocate with GFP_KERNEL. */
static void irqq_work_fn(struct work_struct *work)
{
	void *p = kmalloc(128, GFP_KERNEL);

	irqq.worker_in_irq = in_interrupt();
	irqq.worker_kthread = (current->flags & (PF_KTHREAD | PF_WQ_WORKER)) ==
			      (PF_KTHREAD | PF_WQ_WORKER);
	strlcpy(irqq.comm, current->comm, sizeof(irqq.comm));
	msleep(10);
	irqq.worker_may_alloc = p != NULL;
	kfree(p);
	probe_fn(work);
}

/* Queueing from the timer interrupt, and with interrupts off, works. */
static void workqueue_queue_from_timer_irq(struct ktest *t)
{
	unsigned long flags;
	bool queued;

	memset(&irqq, 0, sizeof(irqq));
	irqq.wq = alloc_workqueue("ktest_irq", 0, 0);
	KTEST_ASSERT_NOT_NULL(t, irqq.wq);
	probe_init(&irqq.item, 0);
	INIT_WORK(&irqq.item.work, irqq_work_fn);
	probe_init(&irqq.sys_item, 0);
	timer_setup(&irqq.timer, irqq_timer_fn, 0);
	irqq.timer.expires = jiffies + 1;
	add_timer(&irqq.timer);
	KTEST_EXPECT_TRUE(t, wait_ticks_for(READ_ONCE(irqq.item.runs) == 1 &&
					    READ_ONCE(irqq.sys_item.runs) == 1, WAIT_TICKS));
	del_timer(&irqq.timer);
	KTEST_EXPECT_TRUE(t, irqq.in_irq);
	KTEST_EXPECT_TRUE(t, irqq.irqs_off);
	KTEST_EXPECT_TRUE(t, irqq.first);
	KTEST_EXPECT_FALSE(t, irqq.second);
	KTEST_EXPECT_TRUE(t, irqq.sys);
	KTEST_EXPECT_FALSE(t, irqq.worker_in_irq);
	KTEST_EXPECT_TRUE(t, irqq.worker_kthread);
	KTEST_EXPECT_TRUE(t, irqq.worker_may_alloc);
	KTEST_EXPECT_EQ(t, strncmp(irqq.comm, "kworker/0:", 10), 0);
	ktest_info(t, "queued from the timer interrupt; ran in %s, which slept and allocated",
		   irqq.comm);

	/* With interrupts off, as the pid-freeing path does. */
	local_irq_save(flags);
	queued = queue_work(irqq.wq, &irqq.item.work);
	KTEST_EXPECT_TRUE(t, irqs_disabled());
	local_irq_restore(flags);
	KTEST_EXPECT_TRUE(t, queued);
	flush_work(&irqq.item.work);
	KTEST_EXPECT_EQ(t, irqq.item.runs, 2);
	flush_work(&irqq.sys_item.work);
	destroy_workqueue(irqq.wq);
}

static struct ktest_case workqueue_cases[] = {
	KTEST_CASE(workqueue_ordered_runs_one_at_a_time_in_order),
	KTEST_CASE(workqueue_no_double_queueing),
	KTEST_CASE(workqueue_self_requeue),
	KTEST_CASE(workqueue_flush_work_waits),
	KTEST_CASE(workqueue_cancel_work_sync_running_item),
	KTEST_CASE(workqueue_destroy_drains_pending_items),
	KTEST_CASE(workqueue_queue_from_timer_irq),
	KTEST_CASE(workqueue_item_never_runs_on_two_workers),
	KTEST_CASE(workqueue_pool_grows_while_workers_sleep),
	KTEST_CASE(workqueue_stress_10000_items_on_3_queues),
	KTEST_CASE(workqueue_trace_records_queue_start_finish),
	{}
};

static struct ktest_suite workqueue_suite = {
	.name = "workqueue",
	.cases = workqueue_cases,
};
KTEST_SUITE(workqueue_suite);
