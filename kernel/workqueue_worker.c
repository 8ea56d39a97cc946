/*
 * kernel/workqueue_worker.c - the kworker threads: how a pool's workers
 * take items and run them, and how the pool grows (include/nest/
 * workqueue.h), after Linux's kernel/workqueue.c.
 *
 * A pool starts with two idle workers (one when max_active is 1) and grows
 * as Linux's does: a worker about to run items first makes sure another
 * one is idle, creating it if the pool is below max_active (it is then the
 * pool's "manager").  Why a spare: when a worker sleeps inside a work
 * function, the scheduler calls wq_worker_sleeping(), which wakes the idle
 * one if items are pending, and that one can create the next spare.  So
 * items that never sleep are run by one worker, and the pool only grows
 * while items block, up to max_active.  Workers are not retired while
 * idle (Linux retires extra ones after five minutes): the count changes
 * only when a queue is created, grows, or is destroyed, which keeps the
 * ktest leak gate's count of kernel stacks exact.
 *
 * "Running" (Linux's pool->nr_running) is counted when needed rather than
 * kept: the workers that are neither idle nor preparing and whose task is
 * TASK_RUNNING.  Items go to an idle worker only when none runs; the one
 * running takes them next otherwise (the kernel is not preemptible, so a
 * second worker would only wait for the CPU).
 *
 * Names, as Linux's: kworker/0:M for ordinary queues (M unique among
 * them, as in Linux's per-CPU pool, with an H suffix for WQ_HIGHPRI) and
 * kworker/uN:M for WQ_UNBOUND and ordered queues (N the pool id, M unique
 * in the pool).  They are kernel threads made by kthreadd, so ps shows
 * them.
 *
 * Called by kernel/workqueue.c (create_worker, kick_pool, stop_workers)
 * and by schedule() (wq_worker_sleeping); calls kernel/kthread.c.
 */
#include "workqueue_internal.h"
#include <nest/kthread.h>
#include <nest/slab.h>
#include <nest/errno.h>
#include <nest/printk.h>
#include <nest/bug.h>
#include <nest/irqflags.h>

/* Ids for kworker/0:M, shared by the ordinary queues. */
#define WQ_MAX_WORKER_IDS	64
#define BITS_PER_LONG		(8 * sizeof(unsigned long))

static unsigned long wq_worker_ids[WQ_MAX_WORKER_IDS / BITS_PER_LONG];

/* Waiting until no worker of a pool is creating another (stop_workers()). */
static DECLARE_WAIT_QUEUE_HEAD(wq_manager_wait);

/* The lowest clear bit of @map (@nbits long), now set; or -ENOSPC. */
static int ida_alloc_bit(unsigned long *map, int nbits)
{
	int i;

	for (i = 0; i < nbits; i++) {
		unsigned long bit = 1UL << (i % BITS_PER_LONG);

		if (!(map[i / BITS_PER_LONG] & bit)) {
			map[i / BITS_PER_LONG] |= bit;
			return i;
		}
	}
	return -ENOSPC;
}

static void ida_free_bit(unsigned long *map, int id)
{
	map[id / BITS_PER_LONG] &= ~(1UL << (id % BITS_PER_LONG));
}

/*
 * find_worker_executing_work - the worker of @pool running @work, or NULL.
 * The function must match too: a work_struct freed and reused for another
 * purpose while the old one still runs is a different item (as Linux).
 * pool->lock held.
 */
struct worker *find_worker_executing_work(struct worker_pool *pool,
					  struct work_struct *work)
{
	struct worker *worker;

	list_for_each_entry(worker, &pool->workers, node)
		if (worker->current_work == work &&
		    worker->current_func == work->func)
			return worker;
	return NULL;
}

/* Workers running items now (Linux's pool->nr_running).  pool->lock held. */
static int pool_nr_running(struct worker_pool *pool)
{
	struct worker *worker;
	int n = 0;

	list_for_each_entry(worker, &pool->workers, node)
		if (!(worker->flags & (WORKER_IDLE | WORKER_PREP)) &&
		    worker->task->state == TASK_RUNNING)
			n++;
	return n;
}

/* Items pending and nobody running: a worker should be woken. */
static bool need_more_worker(struct worker_pool *pool)
{
	return !list_empty(&pool->worklist) && !pool_nr_running(pool);
}

/* Go on running items?  Only if no other worker runs (the caller does). */
static bool keep_working(struct worker_pool *pool)
{
	return !list_empty(&pool->worklist) && pool_nr_running(pool) <= 1;
}

/* Can a worker start without leaving the pool with no spare? */
static bool may_start_working(struct worker_pool *pool)
{
	return pool->nr_idle > 0;
}

/* Wake the most recently idle worker, if any.  pool->lock held. */
static void wake_up_worker(struct worker_pool *pool)
{
	if (!list_empty(&pool->idle_list))
		wake_up_process(list_first_entry(&pool->idle_list, struct worker,
						 entry)->task);
}

static void worker_enter_idle(struct worker *worker)
{
	struct worker_pool *pool = worker->pool;

	worker->flags |= WORKER_IDLE;
	worker->flags &= ~WORKER_PREP;
	list_add(&worker->entry, &pool->idle_list);
	pool->nr_idle++;
}

static void worker_leave_idle(struct worker *worker)
{
	struct worker_pool *pool = worker->pool;

	worker->flags &= ~WORKER_IDLE;
	worker->flags |= WORKER_PREP;
	list_del_init(&worker->entry);
	pool->nr_idle--;
}

/*
 * move_linked_works - move @work, and the items linked behind it (its
 * flush barriers), to the tail of @head.  pool->lock held.
 */
static void move_linked_works(struct work_struct *work, struct list_head *head)
{
	struct work_struct *next;

	for (;;) {
		next = list_entry(work->entry.next, struct work_struct, entry);
		list_move_tail(&work->entry, head);
		if (!(work->data & WORK_STRUCT_LINKED))
			break;
		work = next;
	}
}

/*
 * process_one_work - run @work on @worker.  If another worker of the pool
 * is running @work already, it goes to that worker's scheduled list
 * instead, to run there afterwards: this is what keeps an item from
 * running on two workers at once.  PENDING is cleared before the function
 * is called, so the function (or anyone) may queue the item again, and
 * after the call the item is not touched: the function may have freed it.
 * Called with pool->lock held and interrupts off; drops both around the
 * call.
 */
static void process_one_work(struct worker *worker, struct work_struct *work)
{
	struct worker_pool *pool = worker->pool;
	struct worker *collision;
	work_func_t func;
	int color;

	collision = find_worker_executing_work(pool, work);
	if (unlikely(collision)) {
		move_linked_works(work, &collision->scheduled);
		return;
	}
	func = work->func;
	color = get_work_color(work->data);
	worker->current_work = work;
	worker->current_func = func;
	worker->current_color = color;
	list_del_init(&work->entry);
	set_work_pool_and_clear_pending(work, pool->id);
	wq_trace_record(WQ_TRACE_START, work, func, pool);

	spin_unlock(&pool->lock);
	local_irq_enable();
	func(work);
	/* As Linux's "BUG: workqueue leaked lock or atomic". */
	if (unlikely(irqs_disabled() || current->state != TASK_RUNNING)) {
		pr_err("BUG: workqueue: %pS returned with interrupts off or not running\n",
		       func);
		set_current_state(TASK_RUNNING);
	}
	local_irq_disable();
	spin_lock(&pool->lock);

	wq_trace_record(WQ_TRACE_FINISH, work, func, pool);
	worker->last_func = func;
	worker->current_work = NULL;
	worker->current_func = NULL;
	pwq_dec_nr_in_flight(pool, color);
}

/* Run the worker's scheduled list, which may grow meanwhile.  pool->lock held. */
static void process_scheduled_works(struct worker *worker)
{
	while (!list_empty(&worker->scheduled))
		process_one_work(worker, list_first_entry(&worker->scheduled,
							  struct work_struct, entry));
}

/* An id for a new worker of @pool (the M of its name), or -ENOSPC. */
static int alloc_worker_id(struct worker_pool *pool)
{
	unsigned long flags;
	int id;

	spin_lock_irqsave(&wq_pool_lock, flags);
	if (pool->wq->flags & WQ_UNBOUND)
		id = ida_alloc_bit(&pool->worker_ids, WQ_MAX_ACTIVE);
	else
		id = ida_alloc_bit(wq_worker_ids, WQ_MAX_WORKER_IDS);
	spin_unlock_irqrestore(&wq_pool_lock, flags);
	return id;
}

static void free_worker_id(struct worker_pool *pool, int id)
{
	unsigned long flags;

	spin_lock_irqsave(&wq_pool_lock, flags);
	if (pool->wq->flags & WQ_UNBOUND)
		ida_free_bit(&pool->worker_ids, id);
	else
		ida_free_bit(wq_worker_ids, id);
	spin_unlock_irqrestore(&wq_pool_lock, flags);
}

/* A stopped worker leaves its pool and frees itself; pool->lock held, dropped. */
static int worker_die(struct worker *worker)
{
	struct worker_pool *pool = worker->pool;

	if (worker->flags & WORKER_IDLE) {
		list_del_init(&worker->entry);
		pool->nr_idle--;
	}
	list_del(&worker->node);
	pool->nr_workers--;
	spin_unlock(&pool->lock);
	local_irq_enable();

	free_worker_id(pool, worker->id);
	current->flags &= ~PF_WQ_WORKER;
	kfree(worker);
	return 0;
}

static bool manage_workers(struct worker *worker);

/*
 * worker_thread - the life of a kworker, as Linux's worker_thread(): wake
 * up, and if items are pending and no other worker runs, make sure a spare
 * exists, then run items until the worklist is empty or another worker is
 * running too; go idle and sleep.  Stopped by kthread_stop() (from
 * destroy_workqueue(), once the queue is drained) while idle.
 */
static int worker_thread(void *arg)
{
	struct worker *worker = arg;
	struct worker_pool *pool = worker->pool;

	current->flags |= PF_WQ_WORKER;
	local_irq_disable();
	spin_lock(&pool->lock);
woke_up:
	if (kthread_should_stop())
		return worker_die(worker);
	worker_leave_idle(worker);
recheck:
	if (!need_more_worker(pool))
		goto sleep;
	if (unlikely(!may_start_working(pool)) && manage_workers(worker))
		goto recheck;
	/* From here on this worker counts as running. */
	worker->flags &= ~WORKER_PREP;
	do {
		struct work_struct *work = list_first_entry(&pool->worklist,
							    struct work_struct, entry);

		move_linked_works(work, &worker->scheduled);
		process_scheduled_works(worker);
	} while (keep_working(pool));
sleep:
	worker_enter_idle(worker);
	/* Sleeping is set under the lock, so a wake-up from now on is not lost. */
	set_current_state(TASK_INTERRUPTIBLE);
	spin_unlock(&pool->lock);
	local_irq_enable();
	schedule();
	local_irq_disable();
	spin_lock(&pool->lock);
	goto woke_up;
}

/* Make @worker's thread, named as the top of the file says. */
static struct task_struct *create_worker_task(struct worker *worker)
{
	struct worker_pool *pool = worker->pool;
	unsigned int wq_flags = pool->wq->flags;

	if (wq_flags & WQ_UNBOUND)
		return kthread_create(worker_thread, worker, "kworker/u%d:%d",
				      pool->id, worker->id);
	return kthread_create(worker_thread, worker, "kworker/0:%d%s",
			      worker->id, wq_flags & WQ_HIGHPRI ? "H" : "");
}

/*
 * create_worker - a new worker for @pool, idle and started.  Process
 * context (kthread_create() sleeps).  Returns it, or NULL when there is no
 * memory or no id.
 */
struct worker *create_worker(struct worker_pool *pool)
{
	struct task_struct *task;
	struct worker *worker;
	unsigned long flags;

	worker = kzalloc(sizeof(*worker), GFP_KERNEL);
	if (!worker)
		return NULL;
	INIT_LIST_HEAD(&worker->node);
	INIT_LIST_HEAD(&worker->entry);
	INIT_LIST_HEAD(&worker->scheduled);
	worker->pool = pool;
	worker->id = alloc_worker_id(pool);
	if (worker->id < 0)
		goto out_free;
	task = create_worker_task(worker);
	if (IS_ERR(task))
		goto out_free_id;
	worker->task = task;

	spin_lock_irqsave(&pool->lock, flags);
	list_add_tail(&worker->node, &pool->workers);
	pool->nr_workers++;
	worker_enter_idle(worker);
	wake_up_process(task);
	spin_unlock_irqrestore(&pool->lock, flags);
	return worker;

out_free_id:
	free_worker_id(pool, worker->id);
out_free:
	kfree(worker);
	return NULL;
}

/*
 * manage_workers - @worker is about to run items and no other worker is
 * idle: create a spare, unless the pool is full or another worker is at
 * it.  Returns true if the lock was dropped (the caller rechecks).  A
 * failed creation stops the pool growing, rather than retrying for ever.
 * pool->lock held, interrupts off.
 */
static bool manage_workers(struct worker *worker)
{
	struct worker_pool *pool = worker->pool;
	bool created;

	if ((pool->flags & POOL_MANAGER_ACTIVE) ||
	    pool->nr_workers >= pool->max_workers)
		return false;
	pool->flags |= POOL_MANAGER_ACTIVE;
	spin_unlock(&pool->lock);
	local_irq_enable();

	created = create_worker(pool) != NULL;

	local_irq_disable();
	spin_lock(&pool->lock);
	if (!created) {
		pr_warn("workqueue %s: cannot create a worker; the pool stays at %d\n",
			pool->wq->name, pool->nr_workers);
		pool->max_workers = pool->nr_workers;
	}
	pool->flags &= ~POOL_MANAGER_ACTIVE;
	wake_up(&wq_manager_wait);
	return true;
}

/*
 * wq_worker_sleeping - @task, a worker, is about to sleep (called by
 * schedule()).  If it was running an item and items are pending with no
 * other worker running, wake an idle worker to take them, as Linux's
 * function of that name: this is what lets a pool run several items at
 * once, and what makes it grow.  Interrupts on or off; not in a handler.
 */
void wq_worker_sleeping(struct task_struct *task)
{
	struct worker *worker = task->kthread_data;
	struct worker_pool *pool = worker->pool;
	unsigned long flags;

	if (worker->flags & (WORKER_IDLE | WORKER_PREP))
		return;
	spin_lock_irqsave(&pool->lock, flags);
	kick_pool(pool);
	spin_unlock_irqrestore(&pool->lock, flags);
}

/*
 * kick_pool - wake an idle worker if items are pending and no worker
 * runs.  pool->lock held, any context.
 */
void kick_pool(struct worker_pool *pool)
{
	if (need_more_worker(pool))
		wake_up_worker(pool);
}

/*
 * stop_workers - stop every worker of @pool, which must have nothing
 * queued or running (destroy_workqueue() drained it), and wait until each
 * has exited.  Process context.
 */
void stop_workers(struct worker_pool *pool)
{
	struct task_struct *task;
	unsigned long flags;

	/* A worker still creating a spare would add it after we looked. */
	wait_event(wq_manager_wait, !(READ_ONCE(pool->flags) & POOL_MANAGER_ACTIVE));
	/* Each stopped worker takes itself off the list (worker_die()). */
	for (;;) {
		spin_lock_irqsave(&pool->lock, flags);
		if (list_empty(&pool->workers)) {
			spin_unlock_irqrestore(&pool->lock, flags);
			break;
		}
		task = list_first_entry(&pool->workers, struct worker, node)->task;
		spin_unlock_irqrestore(&pool->lock, flags);
		kthread_stop(task);
	}
}
