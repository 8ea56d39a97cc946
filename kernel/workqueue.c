/*
 * kernel/workqueue.c - workqueues and queueing (include/nest/
 * workqueue.h), after Linux's kernel/workqueue.c.
 *
 * Each workqueue has its own pool of worker threads (kernel/
 * workqueue_worker.c).  Linux shares one pool per CPU between all "bound"
 * workqueues; Nest gives every queue its own, as Linux did before 2.6.36,
 * so that destroy_workqueue() visibly stops threads and a queue's
 * max_active is simply the most workers its pool grows to.
 *
 * Queueing sets the item's PENDING bit (a pending item is not queued
 * again), records the pool in work->data and appends the item to the
 * pool's worklist; a worker clears PENDING just before it calls the
 * function, so the item can be queued again while it runs.  Flushing and
 * cancelling are in kernel/workqueue_flush.c, delayed items in
 * kernel/workqueue_delayed.c, the trace ring in kernel/workqueue_trace.c.
 *
 * Locking: pool->lock, taken with interrupts off, guards a pool and the
 * items on it, so queueing is safe from interrupt handlers and with
 * interrupts off.  wq_pool_lock guards the list of workqueues and the pool
 * ids.  One CPU: a spinlock is interrupts off, so nesting the two (list,
 * then pool) costs nothing and cannot deadlock.
 */
#include "workqueue_internal.h"
#include <nest/slab.h>
#include <nest/string.h>
#include <nest/printk.h>
#include <nest/bug.h>
#include <nest/irqflags.h>

/* A pool starts with a worker and a spare (Linux keeps one idle as well). */
#define WQ_MIN_WORKERS		2

LIST_HEAD(workqueues);
DEFINE_SPINLOCK(wq_pool_lock);

struct workqueue_struct *system_wq;

static struct kmem_cache *wq_cachep;

/* The lowest pool id no workqueue has.  wq_pool_lock held. */
static int alloc_pool_id(void)
{
	struct workqueue_struct *wq;
	int id = 0;

again:
	list_for_each_entry(wq, &workqueues, list) {
		if (wq->pool.id == id) {
			id++;
			goto again;
		}
	}
	return id;
}

/*
 * get_work_pool - the pool @work is queued on, or else the one it last ran
 * on if that still exists; NULL if neither.  A pool id can be reused by a
 * later queue, which is harmless: that pool does not run @work.  Called
 * with interrupts off.
 */
struct worker_pool *get_work_pool(struct work_struct *work)
{
	unsigned long data = READ_ONCE(work->data);
	struct workqueue_struct *wq;
	struct worker_pool *pool = NULL;
	unsigned long id;

	if (data & WORK_STRUCT_PWQ)
		return (struct worker_pool *)(data & WORK_STRUCT_WQ_DATA_MASK);
	id = data >> WORK_OFFQ_POOL_SHIFT;
	if (id == WORK_OFFQ_POOL_NONE)
		return NULL;
	spin_lock(&wq_pool_lock);
	list_for_each_entry(wq, &workqueues, list) {
		if (wq->pool.id == (int)id) {
			pool = &wq->pool;
			break;
		}
	}
	spin_unlock(&wq_pool_lock);
	return pool;
}

/*
 * insert_work - put @work, whose PENDING bit the caller owns, before @head
 * on one of @pool's lists, recording the pool in work->data with
 * @extra_flags (its color, LINKED).  pool->lock held.
 */
void insert_work(struct worker_pool *pool, struct work_struct *work,
		 struct list_head *head, unsigned long extra_flags)
{
	set_work_pwq(work, pool, extra_flags);
	list_add_tail(&work->entry, head);
	wq_trace_record(WQ_TRACE_QUEUE, work, work->func, pool);
}

/*
 * __queue_work - queue @work, whose PENDING bit the caller owns, at the
 * tail of @wq's worklist, and wake a worker if none is running.  Called
 * with interrupts off (any context).
 */
void __queue_work(struct workqueue_struct *wq, struct work_struct *work)
{
	struct worker_pool *pool = &wq->pool;
	int color;

	spin_lock(&pool->lock);
	color = pool->work_color;
	pool->nr_in_flight[color]++;
	insert_work(pool, work, &pool->worklist, work_color_to_flags(color));
	kick_pool(pool);
	spin_unlock(&pool->lock);
}

/*
 * wq_may_queue - may @work be queued on @wq now?  Not while @wq is being
 * drained or destroyed, except by @wq's own work functions (a chain of
 * items that drain_workqueue() waits out); anything else is a bug in the
 * caller, reported.  Interrupts off.
 */
bool wq_may_queue(struct workqueue_struct *wq, struct work_struct *work)
{
	struct worker *worker;

	if (likely(!(wq->flags & (__WQ_DRAINING | __WQ_DESTROYING))))
		return true;
	worker = current_wq_worker();
	if (worker && worker->pool == &wq->pool)
		return true;
	pr_warn("workqueue %s: %pS queued while the queue is drained; refused\n",
		wq->name, work->func);
	WARN_ON(1);
	return false;
}

/* queue_work - queue @work on @wq unless pending; any context. */
bool queue_work(struct workqueue_struct *wq, struct work_struct *work)
{
	unsigned long flags;
	bool ret = false;

	local_irq_save(flags);
	if (!(work->data & WORK_STRUCT_PENDING) && wq_may_queue(wq, work)) {
		work->data |= WORK_STRUCT_PENDING;
		__queue_work(wq, work);
		ret = true;
	}
	local_irq_restore(flags);
	return ret;
}

/*
 * pwq_dec_nr_in_flight - an item of @color has finished or was taken off
 * the queue: wake the flusher when its color has none left.  pool->lock.
 */
void pwq_dec_nr_in_flight(struct worker_pool *pool, int color)
{
	if (color == WORK_NO_COLOR)
		return;
	pool->nr_in_flight[color]--;
	if (color == pool->flush_color && !pool->nr_in_flight[color])
		wake_up(&pool->flush_wait);
}

/* current_work - the item the calling worker runs, or NULL. */
struct work_struct *current_work(void)
{
	struct worker *worker = current_wq_worker();

	return worker ? worker->current_work : NULL;
}

static void init_worker_pool(struct worker_pool *pool, struct workqueue_struct *wq)
{
	spin_lock_init(&pool->lock);
	INIT_LIST_HEAD(&pool->worklist);
	INIT_LIST_HEAD(&pool->workers);
	INIT_LIST_HEAD(&pool->idle_list);
	init_waitqueue_head(&pool->flush_wait);
	pool->flush_color = -1;
	pool->max_workers = wq->max_active;
	pool->wq = wq;
}

/* alloc_workqueue - see include/nest/workqueue.h.  Process context. */
struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags,
					 int max_active, ...)
{
	struct workqueue_struct *wq;
	unsigned long irqflags;
	va_list args;
	int i;

	if ((flags & ~WQ_ALLOC_FLAGS) || max_active < 0) {
		pr_warn("alloc_workqueue(%s): bad flags %#x or max_active %d\n",
			fmt, flags, max_active);
		return NULL;
	}
	if (flags & __WQ_ORDERED)
		max_active = 1;
	if (!max_active)
		max_active = WQ_DFL_ACTIVE;
	max_active = min(max_active, WQ_MAX_ACTIVE);

	wq = kmem_cache_zalloc(wq_cachep, GFP_KERNEL);
	if (!wq)
		return NULL;
	BUG_ON((unsigned long)&wq->pool & WORK_STRUCT_FLAG_MASK);
	va_start(args, max_active);
	vsnprintf(wq->name, sizeof(wq->name), fmt, args);
	va_end(args);
	wq->flags = flags;
	wq->max_active = max_active;
	init_worker_pool(&wq->pool, wq);

	spin_lock_irqsave(&wq_pool_lock, irqflags);
	wq->pool.id = alloc_pool_id();
	list_add_tail(&wq->list, &workqueues);
	spin_unlock_irqrestore(&wq_pool_lock, irqflags);

	for (i = 0; i < min(WQ_MIN_WORKERS, max_active); i++) {
		if (!create_worker(&wq->pool)) {
			destroy_workqueue(wq);
			return NULL;
		}
	}
	return wq;
}

/*
 * destroy_workqueue - drain @wq, stop its workers and free it; see
 * include/nest/workqueue.h.  Process context.
 */
void destroy_workqueue(struct workqueue_struct *wq)
{
	struct worker_pool *pool = &wq->pool;
	unsigned long flags;

	spin_lock_irqsave(&pool->lock, flags);
	wq->flags |= __WQ_DESTROYING;
	spin_unlock_irqrestore(&pool->lock, flags);
	drain_workqueue(wq);
	stop_workers(pool);
	BUG_ON(!list_empty(&pool->worklist) || pool->nr_delayed);

	spin_lock_irqsave(&wq_pool_lock, flags);
	list_del(&wq->list);
	spin_unlock_irqrestore(&wq_pool_lock, flags);
	kmem_cache_free(wq_cachep, wq);
}

/*
 * workqueue_init - the workqueue cache, system_wq ("events", workers
 * kworker/0:0 and kworker/0:1) and the periodic slab reaper.  Called once
 * by kernel_init(), since creating workers needs kthreadd.
 */
void workqueue_init(void)
{
	wq_cachep = kmem_cache_create("workqueue", sizeof(struct workqueue_struct),
				      __alignof__(struct workqueue_struct),
				      SLAB_PANIC, NULL);
	system_wq = alloc_workqueue("events", 0, 0);
	if (!system_wq)
		panic("workqueue_init: cannot create system_wq");
	slab_reap_init();
}