/*
 * kernel/workqueue_delayed.c - delayed work: a work item queued by a timer
 * once its delay has passed (struct delayed_work in include/nest/
 * workqueue.h), after Linux's kernel/workqueue.c (queue_delayed_work_on(),
 * __queue_delayed_work(), delayed_work_timer_fn(), mod_delayed_work_on(),
 * flush_delayed_work()).
 *
 * The split: the timer knows when, the work item knows what.  Queueing a
 * delayed item takes its PENDING bit at once and arms dwork->timer; the
 * timer function runs in the timer interrupt, where the work function may
 * not (it may sleep), so all it does is queue the item on dwork->wq, and a
 * worker runs it later in process context.  PENDING is held throughout, so
 * an item counts as pending while its timer runs: queueing it again fails,
 * and cancelling it means stopping the timer (dwork_del_timer(), called by
 * try_to_grab_pending() in kernel/workqueue_flush.c).  pool->nr_delayed
 * counts the timers aimed at a pool, for drain_workqueue() to wait out.
 *
 * Everything here runs with interrupts off, which on Nest's one CPU makes
 * each step atomic against the timer interrupt.
 *
 * This file is lab 7's (docs/labs/lab7-delayed-work.md): its starter
 * refuses every delayed item.  Users: the slab reaper (mm/slab_reap.c).
 * Calls kernel/workqueue.c (__queue_work, wq_may_queue),
 * kernel/workqueue_flush.c (try_to_grab_pending, flush_work) and
 * kernel/timer.c.
 */
#include "workqueue_internal.h"
#include <nest/bug.h>
#include <nest/irqflags.h>
#include <nest/jiffies.h>

/* BEGIN LAB 7 SOLUTION: the count of armed timers, for drain_workqueue() */
/* @dwork's timer was stopped or fired: it no longer counts there. */
static void dwork_timer_done(struct delayed_work *dwork)
{
	struct worker_pool *pool = &dwork->wq->pool;

	spin_lock(&pool->lock);
	pool->nr_delayed--;
	spin_unlock(&pool->lock);
}
/* END LAB 7 SOLUTION */

/*
 * dwork_del_timer - stop @dwork's timer if it is armed.  Returns true if
 * it was: the item was pending on its timer, and its PENDING bit is now
 * the caller's (to queue it at once, re-arm it, or give it up).  False if
 * the timer was not armed (the item is idle, queued or running).
 * Interrupts off.
 */
bool dwork_del_timer(struct delayed_work *dwork)
{
	/* BEGIN LAB 7 SOLUTION: stop the timer and count it out */
	if (del_timer(&dwork->timer)) {
		dwork_timer_done(dwork);
		return true;
	}
	/* END LAB 7 SOLUTION */
	return false;
}

/*
 * delayed_work_timer_fn - @dwork's delay has passed: queue it on the
 * workqueue it was aimed at.  The timer function of every delayed_work,
 * run from the timer interrupt.  Queueing here is allowed on a queue being
 * drained: drain_workqueue() waits for exactly these.
 */
void delayed_work_timer_fn(struct timer_list *t)
{
	/* BEGIN LAB 7 SOLUTION: queue the item, from the timer interrupt */
	struct delayed_work *dwork = container_of(t, struct delayed_work, timer);
	unsigned long flags;

	local_irq_save(flags);
	dwork_timer_done(dwork);
	__queue_work(dwork->wq, &dwork->work);
	local_irq_restore(flags);
	/* END LAB 7 SOLUTION */
}

/* BEGIN LAB 7 SOLUTION: arm the timer, or queue at once */
/*
 * Arm @dwork's timer for @delay jiffies from now, or queue it at once for
 * 0; the caller owns PENDING.  Interrupts off.
 */
static void __queue_delayed_work(struct workqueue_struct *wq,
				 struct delayed_work *dwork, unsigned long delay)
{
	struct timer_list *timer = &dwork->timer;

	/* Not made by INIT_DELAYED_WORK: its timer would do anything. */
	BUG_ON(timer->function != delayed_work_timer_fn);
	dwork->wq = wq;
	if (!delay) {
		__queue_work(wq, &dwork->work);
		return;
	}
	spin_lock(&wq->pool.lock);
	wq->pool.nr_delayed++;
	spin_unlock(&wq->pool.lock);
	/*
	 * The timer fires at the first tick with jiffies >= expires, so at
	 * least @delay ticks after the tick count read here.
	 */
	timer->expires = jiffies + delay;
	add_timer(timer);
}
/* END LAB 7 SOLUTION */

/* queue_delayed_work - see include/nest/workqueue.h.  Any context. */
bool queue_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork,
			unsigned long delay)
{
	/* BEGIN LAB 7 SOLUTION: take PENDING, then arm the timer */
	struct work_struct *work = &dwork->work;
	unsigned long flags;
	bool ret = false;

	local_irq_save(flags);
	if (!(work->data & WORK_STRUCT_PENDING) && wq_may_queue(wq, work)) {
		work->data |= WORK_STRUCT_PENDING;
		__queue_delayed_work(wq, dwork, delay);
		ret = true;
	}
	local_irq_restore(flags);
	return ret;
	/* END LAB 7 SOLUTION */
	/* BEGIN LAB 7 STARTER
	return false;
	END LAB 7 STARTER */
}

/*
 * mod_delayed_work - see include/nest/workqueue.h.  As Linux, an item
 * being cancelled is left alone and counts as pending.  Any context.
 */
bool mod_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork,
		      unsigned long delay)
{
	/* BEGIN LAB 7 SOLUTION: grab PENDING wherever it is, then re-arm */
	unsigned long flags;
	int ret;

	local_irq_save(flags);
	if (!wq_may_queue(wq, &dwork->work)) {
		local_irq_restore(flags);
		return false;
	}
	ret = try_to_grab_pending(&dwork->work, true);
	if (ret >= 0)
		__queue_delayed_work(wq, dwork, delay);
	local_irq_restore(flags);
	return ret != 0;
	/* END LAB 7 SOLUTION */
	/* BEGIN LAB 7 STARTER
	return false;
	END LAB 7 STARTER */
}

/*
 * flush_delayed_work - queue @dwork now if its timer runs, then
 * flush_work() it.  Returns as flush_work().  Process context: sleeps.
 */
bool flush_delayed_work(struct delayed_work *dwork)
{
	/* BEGIN LAB 7 SOLUTION: a pending timer: queue the item now */
	unsigned long flags;

	local_irq_save(flags);
	if (dwork_del_timer(dwork))
		__queue_work(dwork->wq, &dwork->work);
	local_irq_restore(flags);
	/* END LAB 7 SOLUTION */
	return flush_work(&dwork->work);
}
