/*
 * tests/ktest/workqueue_pool_test.c - the second half of the `workqueue`
 * suite (registered in workqueue_test.c): workers under load.  An item
 * queued while it runs waits for itself instead of running twice at once;
 * a pool grows while its items sleep, up to max_active; 10,000 items on
 * three queues each run exactly as often as they should; and the trace
 * ring records them.
 */
#include "workqueue_test.h"

/* ---- non-reentrance ---- */

#define NRE_ROUNDS	10
#define NRE_SLEEP_MS	20	/* two ticks: most requeues land while it runs */

static struct {
	struct work_struct work;
	int running, max_running, runs;
} nre;

static void nre_fn(struct work_struct *work)
{
	if (++nre.running > nre.max_running)
		nre.max_running = nre.running;
	msleep(NRE_SLEEP_MS);
	nre.runs++;
	nre.running--;
}

/*
 * An item queued again while it sleeps in its function, on a queue with
 * idle workers, is not started by one of them: it waits for the running
 * instance (on that worker's scheduled list).
 */
void workqueue_item_never_runs_on_two_workers(struct ktest *t)
{
	struct workqueue_struct *wq;
	struct thread_count tc;
	int i, queued = 0, while_running = 0;
	unsigned long flags;

	count_threads(&tc);
	wq = alloc_workqueue("ktest_nonreentrant", 0, WQ_MAX_ACTIVE);
	KTEST_ASSERT_NOT_NULL(t, wq);
	memset(&nre, 0, sizeof(nre));
	INIT_WORK(&nre.work, nre_fn);
	for (i = 0; i < NRE_ROUNDS; i++) {
		local_irq_save(flags);
		if (find_worker_executing_work(&wq->pool, &nre.work) &&
		    !work_pending(&nre.work))
			while_running++;
		queued += queue_work(wq, &nre.work);
		local_irq_restore(flags);
		schedule_timeout_uninterruptible(1);
	}
	flush_work(&nre.work);
	ktest_info(t, "queued %d times (%d while it ran): %d runs, at most %d at once, %d workers",
		   queued, while_running, nre.runs, nre.max_running, wq->pool.nr_workers);
	KTEST_EXPECT_EQ(t, nre.runs, queued);
	KTEST_EXPECT_EQ(t, nre.max_running, 1);
	KTEST_EXPECT_GE(t, while_running, 1);
	destroy_workqueue(wq);
	expect_threads_back(t, &tc);
}

/* ---- the pool grows ---- */

#define GROW_MAX_ACTIVE	3
#define GROW_ITEMS	5

static DECLARE_WAIT_QUEUE_HEAD(grow_gate);

static struct {
	bool open;
	int running, max_running, runs;
} grow;

static void grow_fn(struct work_struct *work)
{
	if (++grow.running > grow.max_running)
		grow.max_running = grow.running;
	wait_event(grow_gate, READ_ONCE(grow.open));
	grow.runs++;
	grow.running--;
}

/*
 * Items that block make the pool create workers, up to max_active; the
 * items beyond it wait, pending, for a worker to come free.
 */
void workqueue_pool_grows_while_workers_sleep(struct ktest *t)
{
	struct work_struct items[GROW_ITEMS];
	struct workqueue_struct *wq;
	struct thread_count tc;
	int i, workers, pending = 0;

	count_threads(&tc);
	wq = alloc_workqueue("ktest_grow", 0, GROW_MAX_ACTIVE);
	KTEST_ASSERT_NOT_NULL(t, wq);
	KTEST_EXPECT_EQ(t, wq->pool.nr_workers, 2);	/* a worker and a spare */
	memset(&grow, 0, sizeof(grow));
	for (i = 0; i < GROW_ITEMS; i++) {
		INIT_WORK(&items[i], grow_fn);
		queue_work(wq, &items[i]);
	}
	KTEST_EXPECT_TRUE(t, wait_ticks_for(READ_ONCE(grow.running) == GROW_MAX_ACTIVE,
					    WAIT_TICKS));
	schedule_timeout_uninterruptible(2);	/* and no more start */
	workers = wq->pool.nr_workers;
	for (i = 0; i < GROW_ITEMS; i++)
		pending += work_pending(&items[i]);
	ktest_info(t, "%d workers, %d items blocked at once, %d pending (max_active %d)",
		   workers, grow.running, pending, GROW_MAX_ACTIVE);
	KTEST_EXPECT_EQ(t, workers, GROW_MAX_ACTIVE);
	KTEST_EXPECT_EQ(t, grow.running, GROW_MAX_ACTIVE);
	KTEST_EXPECT_EQ(t, pending, GROW_ITEMS - GROW_MAX_ACTIVE);

	WRITE_ONCE(grow.open, true);
	wake_up(&grow_gate);
	flush_workqueue(wq);
	KTEST_EXPECT_EQ(t, grow.runs, GROW_ITEMS);
	KTEST_EXPECT_EQ(t, grow.max_running, GROW_MAX_ACTIVE);
	destroy_workqueue(wq);
	expect_threads_back(t, &tc);
}

/* ---- stress ---- */

#define STRESS_ITEMS		10000
#define STRESS_QUEUES		3
#define STRESS_REQUEUE_EVERY	10	/* these requeue themselves once */
#define STRESS_SLEEP_EVERY	500	/* these sleep a tick, so pools grow */
#define STRESS_ORDERED		0	/* stress.wq[0] is the ordered queue */

struct stress_item {
	struct work_struct work;
	u16 runs;
	u16 queue;
	int index;
};

static struct {
	struct workqueue_struct *wq[STRESS_QUEUES];
	int last_first_run;	/* the ordered queue: index of the last first run */
	int out_of_order;
	int running[STRESS_QUEUES], max_running[STRESS_QUEUES];
	int runs[STRESS_QUEUES];
	int requeue_failed;
} stress;

static void stress_fn(struct work_struct *work)
{
	struct stress_item *it = container_of(work, struct stress_item, work);
	int q = it->queue;

	if (++stress.running[q] > stress.max_running[q])
		stress.max_running[q] = stress.running[q];
	/* First runs on the ordered queue come in index order. */
	if (q == STRESS_ORDERED && !it->runs) {
		if (it->index < stress.last_first_run)
			stress.out_of_order++;
		stress.last_first_run = it->index;
	}
	it->runs++;
	stress.runs[q]++;
	if (it->runs == 1 && it->index % STRESS_SLEEP_EVERY == 1)
		schedule_timeout_uninterruptible(1);
	if (it->runs == 1 && it->index % STRESS_REQUEUE_EVERY == 0 &&
	    !queue_work(stress.wq[q], work))
		stress.requeue_failed++;
	stress.running[q]--;
}

static const int stress_max_active[STRESS_QUEUES] = { 1, 4, 3 };

/*
 * 10,000 items spread over an ordered queue, an ordinary one and an
 * unbound one; a tenth requeue themselves and a few sleep.  Every item
 * runs exactly as often as it was queued, the ordered queue keeps its
 * order, and no queue runs more at once than its max_active.
 */
void workqueue_stress_10000_items_on_3_queues(struct ktest *t)
{
	struct stress_item *items;
	struct thread_count tc;
	int i, q, wrong = 0, workers[STRESS_QUEUES];
	unsigned long start = jiffies;

	count_threads(&tc);
	memset(&stress, 0, sizeof(stress));
	stress.last_first_run = -1;
	items = kmalloc(STRESS_ITEMS * sizeof(*items), GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, items);
	stress.wq[0] = alloc_ordered_workqueue("ktest_s_ordered", 0);
	stress.wq[1] = alloc_workqueue("ktest_s_events", 0, stress_max_active[1]);
	stress.wq[2] = alloc_workqueue("ktest_s_unbound", WQ_UNBOUND, stress_max_active[2]);
	for (q = 0; q < STRESS_QUEUES; q++)
		KTEST_EXPECT_NOT_NULL(t, stress.wq[q]);
	if (!stress.wq[0] || !stress.wq[1] || !stress.wq[2])
		goto out;

	for (i = 0; i < STRESS_ITEMS; i++) {
		INIT_WORK(&items[i].work, stress_fn);
		items[i].runs = 0;
		items[i].index = i;
		items[i].queue = i % STRESS_QUEUES;
		if (!queue_work(stress.wq[items[i].queue], &items[i].work))
			wrong++;
	}
	/* Drained, not flushed: the requeued items come after the flush. */
	for (q = 0; q < STRESS_QUEUES; q++) {
		drain_workqueue(stress.wq[q]);
		workers[q] = stress.wq[q]->pool.nr_workers;
	}
	for (i = 0; i < STRESS_ITEMS; i++)
		if (items[i].runs != (i % STRESS_REQUEUE_EVERY ? 1 : 2))
			wrong++;
	ktest_info(t, "%d + %d + %d runs in %lu ticks; %d items ran a wrong number of times",
		   stress.runs[0], stress.runs[1], stress.runs[2], jiffies - start, wrong);
	for (q = 0; q < STRESS_QUEUES; q++) {
		ktest_info(t, "%s: at most %d at once (max_active %d), %d workers",
			   stress.wq[q]->name, stress.max_running[q],
			   stress_max_active[q], workers[q]);
		KTEST_EXPECT_LE(t, stress.max_running[q], stress_max_active[q]);
		KTEST_EXPECT_LE(t, workers[q], stress_max_active[q]);
	}
	KTEST_EXPECT_EQ(t, wrong, 0);
	KTEST_EXPECT_EQ(t, stress.runs[0] + stress.runs[1] + stress.runs[2],
			STRESS_ITEMS + STRESS_ITEMS / STRESS_REQUEUE_EVERY);
	KTEST_EXPECT_EQ(t, stress.out_of_order, 0);
	KTEST_EXPECT_EQ(t, stress.requeue_failed, 0);
	/* The sleepers let a second worker of the ordinary queue run. */
	KTEST_EXPECT_GE(t, stress.max_running[1], 2);
out:
	for (q = 0; q < STRESS_QUEUES; q++)
		if (stress.wq[q])
			destroy_workqueue(stress.wq[q]);
	kfree(items);
	expect_threads_back(t, &tc);
}

/* ---- the trace ring ---- */

/* The trace ring holds an item's queue, start and finish, in that order. */
void workqueue_trace_records_queue_start_finish(struct ktest *t)
{
	static const u8 expected[] = { WQ_TRACE_QUEUE, WQ_TRACE_START, WQ_TRACE_FINISH };
	unsigned long head = wq_trace.head, i;
	struct wq_trace_entry *e, *prev = NULL;
	unsigned int seen = 0;
	struct probe p;

	probe_init(&p, 0);
	schedule_work(&p.work);
	flush_work(&p.work);
	KTEST_ASSERT_TRUE(t, wq_trace.head - head < WQ_TRACE_ENTRIES);
	for (i = head; i < wq_trace.head; i++) {
		e = &wq_trace.entries[i % WQ_TRACE_ENTRIES];
		if (e->work != &p.work)
			continue;
		ktest_info(t, "event %u at jiffies %lu tsc %llu pid %d: %pS", e->event,
			   e->jiffies, e->tsc, e->pid, e->func);
		if (seen < ARRAY_SIZE(expected))
			KTEST_EXPECT_EQ(t, e->event, expected[seen]);
		KTEST_EXPECT_PTR_EQ(t, e->func, probe_fn);
		KTEST_EXPECT_EQ(t, e->pool_id, system_wq->pool.id);
		KTEST_EXPECT_EQ(t, e->pid, e->event == WQ_TRACE_QUEUE ? current->pid :
					   p.last_task->pid);
		if (prev) {
			KTEST_EXPECT_GT(t, e->tsc, prev->tsc);
			KTEST_EXPECT_GE(t, e->jiffies, prev->jiffies);
		}
		prev = e;
		seen++;
	}
	KTEST_EXPECT_EQ(t, seen, ARRAY_SIZE(expected));
	/* The printed form, the last few events (the flush's barrier too). */
	workqueue_trace_print(6);
}
