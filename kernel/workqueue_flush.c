/*
 * kernel/workqueue_flush.c - waiting for work and taking it back: flush,
 * drain and cancel (include/nest/workqueue.h), after Linux's
 * kernel/workqueue.c.  Delayed work is kernel/workqueue_delayed.c.
 *
 * flush_work() queues a barrier: a work item of its own (on the flusher's
 * stack) placed right behind the item it waits for, or at the head of the
 * scheduled list of the worker running it, and sleeps until a worker has
 * run the barrier.  An item requeued meanwhile goes behind the barrier,
 * so it is not waited for.  flush_workqueue() waits on colors instead
 * (struct worker_pool in kernel/workqueue_internal.h).
 *
 * Cancelling takes the PENDING bit for the caller (try_to_grab_pending()):
 * from an idle item, or by stopping its timer, or by taking it off its
 * list.  cancel_*_sync() then marks the item CANCELING, which keeps
 * PENDING set so that queueing it fails, and flushes the running instance.
 *
 * A delayed item holds its PENDING bit while its timer runs, so cancelling
 * one first tries to stop the timer (dwork_del_timer()).  Everything here
 * that touches a timer or a list does so with interrupts off, which on one
 * CPU makes each step atomic against the timer interrupt.
 */
#include "workqueue_internal.h"
#include <nest/errno.h>
#include <nest/printk.h>
#include <nest/bug.h>
#include <nest/irqflags.h>
#include <nest/jiffies.h>

/* A flush in progress: run by a worker, it wakes the flusher. */
struct wq_barrier {
	struct work_struct work;
	bool done;
	struct task_struct *task;	/* the flusher */
};

/* Wakes those waiting for another task's cancel_*_sync() of the same item. */
static DECLARE_WAIT_QUEUE_HEAD(wq_cancel_wait);

static void wq_barrier_func(struct work_struct *work)
{
	struct wq_barrier *barr = container_of(work, struct wq_barrier, work);
	struct task_struct *task = barr->task;

	/* After this store the flusher may return: @barr is gone. */
	WRITE_ONCE(barr->done, true);
	wake_up_process(task);
}

/*
 * insert_wq_barrier - queue @barr to run right after @target: at the head
 * of @worker's scheduled list if @worker is running @target, else right
 * behind @target on its list, linked to it so that they move together
 * (process_one_work() may move @target to another worker).  A barrier has
 * no color: flush_workqueue() does not wait for it.  pool->lock held.
 */
static void insert_wq_barrier(struct worker_pool *pool, struct wq_barrier *barr,
			      struct work_struct *target, struct worker *worker)
{
	unsigned long linked = 0;
	struct list_head *head;

	INIT_WORK(&barr->work, wq_barrier_func);
	barr->work.data |= WORK_STRUCT_PENDING;
	barr->done = false;
	barr->task = current;
	if (worker) {
		head = worker->scheduled.next;
	} else {
		head = target->entry.next;
		/* Keep a chain of barriers behind @target together. */
		linked = target->data & WORK_STRUCT_LINKED;
		target->data |= WORK_STRUCT_LINKED;
	}
	insert_work(pool, &barr->work, head,
		    work_color_to_flags(WORK_NO_COLOR) | linked);
}

/*
 * start_flush_work - queue a barrier behind @work if it is queued or
 * running.  Returns false if there is nothing to wait for, or if the
 * caller is the worker running @work (it would wait for itself).
 */
static bool start_flush_work(struct work_struct *work, struct wq_barrier *barr)
{
	struct worker *worker, *self = current_wq_worker();
	struct worker_pool *pool;
	unsigned long flags;
	bool queued = false;

	local_irq_save(flags);
	pool = get_work_pool(work);
	if (!pool)
		goto out;
	spin_lock(&pool->lock);
	worker = find_worker_executing_work(pool, work);
	if (worker && worker == self) {
		pr_warn("workqueue: %pS flushes itself; that would never end\n",
			work->func);
		WARN_ON(1);
	} else if (work->data & WORK_STRUCT_PWQ) {
		/* Pending (and maybe running too): wait behind the pending one. */
		insert_wq_barrier(pool, barr, work, NULL);
		queued = true;
	} else if (worker) {
		insert_wq_barrier(pool, barr, work, worker);
		queued = true;
	}
	spin_unlock(&pool->lock);
out:
	local_irq_restore(flags);
	return queued;
}

static void wait_for_barrier(struct wq_barrier *barr)
{
	for (;;) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		if (READ_ONCE(barr->done))
			break;
		schedule();
	}
	set_current_state(TASK_RUNNING);
}

/* flush_work - wait for the instance queued or running now; process context. */
bool flush_work(struct work_struct *work)
{
	struct wq_barrier barr;

	if (!start_flush_work(work, &barr))
		return false;
	wait_for_barrier(&barr);
	return true;
}

/* flush_workqueue - wait for every item queued on @wq before the call. */
void flush_workqueue(struct workqueue_struct *wq)
{
	struct worker_pool *pool = &wq->pool;
	struct worker *self = current_wq_worker();
	unsigned long flags;
	int color;

	if (self && self->pool == pool) {
		pr_warn("workqueue %s: flushed by its own work; that would never end\n",
			wq->name);
		WARN_ON(1);
		return;
	}
	spin_lock_irqsave(&pool->lock, flags);
	/* One flush at a time keeps the other color free (see worker_pool). */
	while (pool->flush_color >= 0) {
		spin_unlock_irqrestore(&pool->lock, flags);
		wait_event(pool->flush_wait, READ_ONCE(pool->flush_color) < 0);
		spin_lock_irqsave(&pool->lock, flags);
	}
	color = pool->work_color;
	if (pool->nr_in_flight[color]) {
		pool->flush_color = color;
		pool->work_color = (color + 1) % WORK_NR_COLORS;
		spin_unlock_irqrestore(&pool->lock, flags);
		wait_event(pool->flush_wait, !READ_ONCE(pool->nr_in_flight[color]));
		spin_lock_irqsave(&pool->lock, flags);
		pool->flush_color = -1;
		wake_up(&pool->flush_wait);	/* the next flusher */
	}
	spin_unlock_irqrestore(&pool->lock, flags);
}

/* Items queued or running on @pool, plus delayed ones aimed at it. */
static int pool_busy(struct worker_pool *pool, int *delayed)
{
	unsigned long flags;
	int n;

	spin_lock_irqsave(&pool->lock, flags);
	n = pool->nr_in_flight[0] + pool->nr_in_flight[1];
	*delayed = pool->nr_delayed;
	spin_unlock_irqrestore(&pool->lock, flags);
	return n;
}

/*
 * drain_workqueue - flush @wq until nothing is queued, running or waiting
 * for a timer; only @wq's own items may queue on it meanwhile.
 */
void drain_workqueue(struct workqueue_struct *wq)
{
	struct worker_pool *pool = &wq->pool;
	unsigned long flags;
	int delayed;

	spin_lock_irqsave(&pool->lock, flags);
	wq->flags |= __WQ_DRAINING;
	spin_unlock_irqrestore(&pool->lock, flags);
	for (;;) {
		flush_workqueue(wq);
		if (pool_busy(pool, &delayed))
			continue;	/* chained items, queued by the flushed ones */
		if (!delayed)
			break;
		/* Delayed items are run too, once their timers fire. */
		schedule_timeout_uninterruptible(1);
	}
	spin_lock_irqsave(&pool->lock, flags);
	wq->flags &= ~__WQ_DRAINING;
	spin_unlock_irqrestore(&pool->lock, flags);
}

/*
 * try_to_grab_pending - take @work's PENDING bit for the caller, as
 * Linux's function of that name.  Returns 1 if @work was pending (its
 * timer is stopped, or it is off its list), 0 if it was idle, -ENOENT if
 * another task is cancelling it, -EAGAIN if it is a delayed item's work
 * whose timer runs but @is_dwork was not given.  Interrupts off.
 */
int try_to_grab_pending(struct work_struct *work, bool is_dwork)
{
	unsigned long data = work->data;
	struct worker_pool *pool;

	/* A delayed item waiting for its timer: stopping the timer grabs it. */
	if (is_dwork && dwork_del_timer(to_delayed_work(work)))
		return 1;
	if (!(data & WORK_STRUCT_PENDING)) {
		work->data |= WORK_STRUCT_PENDING;
		return 0;
	}
	if (data & WORK_STRUCT_PWQ) {
		pool = (struct worker_pool *)(data & WORK_STRUCT_WQ_DATA_MASK);
		spin_lock(&pool->lock);
		/* A barrier linked behind it stays, and still wakes its flusher. */
		list_del_init(&work->entry);
		pwq_dec_nr_in_flight(pool, get_work_color(data));
		set_work_pool_and_keep_pending(work, pool->id);
		spin_unlock(&pool->lock);
		return 1;
	}
	if (data & WORK_OFFQ_CANCELING)
		return -ENOENT;
	return -EAGAIN;
}

/* Give up the PENDING bit taken by try_to_grab_pending(). */
static void release_pending(struct work_struct *work)
{
	set_work_pool_and_clear_pending(work, get_work_pool_id(work));
}

static bool __cancel_work(struct work_struct *work, bool is_dwork)
{
	unsigned long flags;
	int ret;

	local_irq_save(flags);
	ret = try_to_grab_pending(work, is_dwork);
	if (ret >= 0)
		release_pending(work);
	local_irq_restore(flags);
	return ret > 0;
}

/* cancel_work - take @work off its queue if pending; any context. */
bool cancel_work(struct work_struct *work)
{
	return __cancel_work(work, false);
}

/* cancel_delayed_work - stop @dwork's timer or dequeue it; any context. */
bool cancel_delayed_work(struct delayed_work *dwork)
{
	return __cancel_work(&dwork->work, true);
}

static bool __cancel_work_sync(struct work_struct *work, bool is_dwork)
{
	unsigned long flags;
	int ret;

	for (;;) {
		local_irq_save(flags);
		ret = try_to_grab_pending(work, is_dwork);
		if (ret >= 0)
			break;
		local_irq_restore(flags);
		if (ret == -ENOENT)
			wait_event(wq_cancel_wait,
				   !(READ_ONCE(work->data) & WORK_OFFQ_CANCELING));
		else
			schedule_timeout_uninterruptible(1);	/* its timer must fire */
	}
	/* Still PENDING, so queue_work() fails until we are done. */
	set_work_data(work, (get_work_pool_id(work) << WORK_OFFQ_POOL_SHIFT) |
		      WORK_OFFQ_CANCELING | WORK_STRUCT_PENDING);
	local_irq_restore(flags);

	flush_work(work);

	local_irq_save(flags);
	release_pending(work);
	local_irq_restore(flags);
	wake_up(&wq_cancel_wait);
	return ret;
}

/* cancel_work_sync - see include/nest/workqueue.h.  Process context. */
bool cancel_work_sync(struct work_struct *work)
{
	return __cancel_work_sync(work, false);
}

/* cancel_delayed_work_sync - the same, stopping the timer.  Process context. */
bool cancel_delayed_work_sync(struct delayed_work *dwork)
{
	return __cancel_work_sync(&dwork->work, true);
}
