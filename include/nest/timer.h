/*
 * include/nest/timer.h - kernel timers, as Linux's timer_list.
 *
 * A timer calls its function once, from the timer interrupt, at the first
 * tick at or after its `expires` (in jiffies).  The function runs in
 * interrupt context: it must not sleep (it may wake tasks, queue work).
 * kernel/timer.c keeps the pending timers sorted by expiry.
 */
#ifndef NEST_TIMER_H
#define NEST_TIMER_H

#include <nest/types.h>
#include <nest/list.h>

struct timer_list {
	struct list_head entry;		/* in the pending list, when pending */
	unsigned long expires;		/* jiffies */
	void (*function)(struct timer_list *timer);
	unsigned int flags;		/* TIMER_* */
};

/*
 * timer->flags.  A deferrable timer is housekeeping that is always armed
 * (the slab reaper's, mm/slab_reap.c); Linux lets it wait for a tick that
 * happens anyway rather than wake an idle CPU.  Nest has a tick always, so
 * it fires on time like any other; it is only left out of
 * nr_pending_timers().  Linux's value.
 */
#define TIMER_DEFERRABLE	0x00080000

void timer_setup(struct timer_list *timer,
		 void (*function)(struct timer_list *), unsigned int flags);
/* Arm @timer for timer->expires.  It must not be pending. */
void add_timer(struct timer_list *timer);
/* (Re)arm for @expires; returns whether it was pending. */
int mod_timer(struct timer_list *timer, unsigned long expires);
/* Disarm; returns whether it was pending.  (One CPU: no _sync variant needed.) */
int del_timer(struct timer_list *timer);
static inline bool timer_pending(const struct timer_list *timer)
{
	return !list_empty(&timer->entry);
}

/* Run the expired timers; called by the timer interrupt (kernel/time.c). */
void run_timers(void);
/* Timers pending now, deferrable ones not counted (tests check that none leak). */
unsigned long nr_pending_timers(void);

#define msecs_to_jiffies(ms)	DIV_ROUND_UP((unsigned long)(ms) * HZ, 1000)

#endif /* NEST_TIMER_H */
