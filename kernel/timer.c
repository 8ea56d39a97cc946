/*
 * kernel/timer.c - kernel timers (include/nest/timer.h) and sleeping for
 * a number of ticks (schedule_timeout, msleep).
 *
 * The pending timers are one list sorted by expiry, so the tick only looks
 * at the front.  Linux uses a timer wheel to make adding O(1) as well; with
 * the handful of timers Nest has, a sorted list is plenty and easy to read.
 */
#include <nest/timer.h>
#include <nest/jiffies.h>
#include <nest/sched.h>
#include <nest/spinlock.h>
#include <nest/bug.h>

static LIST_HEAD(timer_list_head);
static DEFINE_SPINLOCK(timer_lock);
static unsigned long nr_timers;	/* pending, but for TIMER_DEFERRABLE ones */

void timer_setup(struct timer_list *timer,
		 void (*function)(struct timer_list *), unsigned int flags)
{
	INIT_LIST_HEAD(&timer->entry);
	timer->function = function;
	timer->flags = flags;
	timer->expires = 0;
}

/* Insert in expiry order, after timers with the same expiry (FIFO). */
static void enqueue_timer(struct timer_list *timer)
{
	struct timer_list *t;

	list_for_each_entry(t, &timer_list_head, entry) {
		if (time_after(t->expires, timer->expires)) {
			list_add_tail(&timer->entry, &t->entry);
			nr_timers += !(timer->flags & TIMER_DEFERRABLE);
			return;
		}
	}
	list_add_tail(&timer->entry, &timer_list_head);
	nr_timers += !(timer->flags & TIMER_DEFERRABLE);
}

static int detach_timer(struct timer_list *timer)
{
	if (list_empty(&timer->entry))
		return 0;
	list_del_init(&timer->entry);
	nr_timers -= !(timer->flags & TIMER_DEFERRABLE);
	return 1;
}

void add_timer(struct timer_list *timer)
{
	unsigned long flags;

	BUG_ON(timer_pending(timer));
	spin_lock_irqsave(&timer_lock, flags);
	enqueue_timer(timer);
	spin_unlock_irqrestore(&timer_lock, flags);
}

int mod_timer(struct timer_list *timer, unsigned long expires)
{
	unsigned long flags;
	int was_pending;

	spin_lock_irqsave(&timer_lock, flags);
	was_pending = detach_timer(timer);
	timer->expires = expires;
	enqueue_timer(timer);
	spin_unlock_irqrestore(&timer_lock, flags);
	return was_pending;
}

int del_timer(struct timer_list *timer)
{
	unsigned long flags;
	int was_pending;

	spin_lock_irqsave(&timer_lock, flags);
	was_pending = detach_timer(timer);
	spin_unlock_irqrestore(&timer_lock, flags);
	return was_pending;
}

void run_timers(void)
{
	unsigned long flags;

	spin_lock_irqsave(&timer_lock, flags);
	while (!list_empty(&timer_list_head)) {
		struct timer_list *t = list_first_entry(&timer_list_head,
							struct timer_list, entry);

		if (time_after(t->expires, jiffies))
			break;
		detach_timer(t);
		/* The function may re-arm this or other timers: drop the lock. */
		spin_unlock(&timer_lock);
		t->function(t);
		spin_lock(&timer_lock);
	}
	spin_unlock_irqrestore(&timer_lock, flags);
}

unsigned long nr_pending_timers(void)
{
	return nr_timers;
}

struct process_timer {
	struct timer_list timer;
	struct task_struct *task;
};

static void process_timeout(struct timer_list *t)
{
	struct process_timer *pt = container_of(t, struct process_timer, timer);

	wake_up_process(pt->task);
}

/*
 * Sleep until @timeout ticks have passed or someone wakes us; the caller
 * has set the task state (TASK_INTERRUPTIBLE or TASK_UNINTERRUPTIBLE).
 * Returns the ticks left, 0 if the time ran out.  As Linux's.
 */
long schedule_timeout(long timeout)
{
	struct process_timer pt;
	unsigned long expire = jiffies + timeout;
	long left;

	timer_setup(&pt.timer, process_timeout, 0);
	pt.task = current;
	pt.timer.expires = expire;
	add_timer(&pt.timer);
	schedule();
	del_timer(&pt.timer);
	left = (long)(expire - jiffies);
	return left < 0 ? 0 : left;
}

long schedule_timeout_interruptible(long timeout)
{
	set_current_state(TASK_INTERRUPTIBLE);
	return schedule_timeout(timeout);
}

long schedule_timeout_uninterruptible(long timeout)
{
	set_current_state(TASK_UNINTERRUPTIBLE);
	return schedule_timeout(timeout);
}

void msleep(unsigned int msecs)
{
	long timeout = msecs_to_jiffies(msecs) + 1;

	while (timeout)
		timeout = schedule_timeout_uninterruptible(timeout);
}
