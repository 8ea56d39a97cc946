/*
 * kernel/sched_fair.c - the scheduling policy: who runs next, weighted by
 * nice values.  A small version of Linux's CFS (kernel/sched/fair.c).
 *
 * Each nice value has a weight (sched_prio_to_weight[], Linux's table:
 * nice 0 weighs 1024 and each step is about 1.25 times the next).  Each
 * task has a virtual runtime, vruntime: the CPU time it has had, in
 * nanoseconds, scaled by NICE_0_LOAD / its weight.  A nice-0 task's
 * vruntime runs as fast as the clock, a nice-5 task's (weight 335) about
 * three times faster, a nice -5 task's (weight 3121) three times slower.
 * Running the task with the smallest vruntime whenever there is a choice
 * gives every runnable task a share of the CPU proportional to its weight:
 * two tasks at nice 0 and 5 get 1024 : 335, 75% and 25%.
 *
 * The choice comes at the same points as before: when the running task
 * sleeps or yields, and when its time slice runs out (task_timeslice():
 * RR_TIMESLICE, shorter for a light task).
 * The tick charges the running task (task_tick_fair), schedule() asks for
 * the next one (pick_next_task_fair), and a task that joins the queue is
 * placed (place_entity) so that sleeping earns it no credit.
 *
 * Lab 3: in the starter these functions keep Nest's round-robin (every
 * weight 1024, vruntime unused); docs/labs/lab3-priorities.md.
 *
 * Called by kernel/sched.c with interrupts off; pure functions of the
 * struct rq and tasks they get (kernel/sched_internal.h), so the lab3_sched
 * suite can run them over made-up tasks.
 */
#include <nest/sched.h>
#include <nest/jiffies.h>
#include <nest/math64.h>
#include "sched_internal.h"

/*
 * Nice levels are multiplicative, with a gentle 10% change for every nice
 * level changed: a CPU-bound task that goes from nice 0 to nice 1 gets
 * about 10% less CPU than another one that stayed at nice 0 (the one goes
 * from 50% to 45%, the other up to 55%).  That takes a ratio of about 1.25
 * between neighbouring weights.  Linux's table (kernel/sched/core.c).
 */
const int sched_prio_to_weight[NICE_WIDTH] = {
	/* -20 */ 88761, 71755, 56483, 46273, 36291,
	/* -15 */ 29154, 23254, 18705, 14949, 11916,
	/* -10 */  9548,  7620,  6100,  4904,  3906,
	/*  -5 */  3121,  2501,  1991,  1586,  1277,
	/*   0 */  1024,   820,   655,   526,   423,
	/*   5 */   335,   272,   215,   172,   137,
	/*  10 */   110,    87,    70,    56,    45,
	/*  15 */    36,    29,    23,    18,    15,
};

unsigned long task_weight(const struct task_struct *p)
{
	/* BEGIN LAB 3 SOLUTION: the table's entry for p's nice value */
	return sched_prio_to_weight[p->static_prio - MAX_RT_PRIO];
	/* END LAB 3 SOLUTION */
	/* BEGIN LAB 3 STARTER
	return NICE_0_LOAD;
	END LAB 3 STARTER */
}

/*
 * task_timeslice - how many ticks @p runs before the policy chooses again:
 * RR_TIMESLICE (100 ms) scaled by its weight, at least one tick and at most
 * RR_TIMESLICE.  The shares come from vruntime; the slice only sets how
 * finely they are cut.  A light task gets short turns: with the full
 * 100 ms a nice-19 task would come back from each turn owing 6.8 s of
 * vruntime, and its share would be lumpy over any shorter stretch.  A heavy
 * task gets more turns, not longer ones: the policy looks at the queue
 * again at least every RR_TIMESLICE.
 */
unsigned int task_timeslice(const struct task_struct *p)
{
	/* BEGIN LAB 3 SOLUTION: RR_TIMESLICE * weight / NICE_0_LOAD, in [1, RR_TIMESLICE] */
	unsigned long slice = RR_TIMESLICE * task_weight(p) / NICE_0_LOAD;

	return clamp(slice, 1UL, (unsigned long)RR_TIMESLICE);
	/* END LAB 3 SOLUTION */
	/* BEGIN LAB 3 STARTER
	return RR_TIMESLICE;
	END LAB 3 STARTER */
}

/*
 * calc_delta_fair - @ticks of real CPU time as @p's virtual time, in ns:
 * delta * NICE_0_LOAD / weight (Linux's calc_delta_fair()).  vruntime is
 * a u64 that only grows: a nice-19 task's, 68 times faster than the clock,
 * would take eight years to wrap, so Nest compares vruntimes plainly where
 * Linux compares their signed difference (entity_before()).
 */
u64 calc_delta_fair(unsigned long ticks, const struct task_struct *p)
{
	u64 delta_exec = (u64)ticks * TICK_NSEC;

	/* BEGIN LAB 3 SOLUTION: scale by NICE_0_LOAD / weight */
	return div_u64(delta_exec * NICE_0_LOAD, task_weight(p));
	/* END LAB 3 SOLUTION */
	/* BEGIN LAB 3 STARTER
	return delta_exec;
	END LAB 3 STARTER */
}

/* BEGIN LAB 3 SOLUTION: helpers: the smallest vruntime queued; raising rq->min_vruntime */
/*
 * The queued task with the smallest vruntime, the first of equals, or NULL.
 * Linux keeps the queue in a red-black tree ordered by vruntime and takes
 * the leftmost node; with a handful of runnable tasks a list walk is as
 * good, and "first of equals" keeps round-robin among tasks that tie.
 */
static struct task_struct *leftmost_task(struct rq *rq)
{
	struct task_struct *p, *best = NULL;

	list_for_each_entry(p, &rq->tasks, run_list)
		if (!best || p->vruntime < best->vruntime)
			best = p;
	return best;
}

/*
 * Raise rq->min_vruntime to the smallest vruntime on the queue.  It never
 * goes down, so it remembers where the queue was when it empties.  (Linux's
 * update_min_vruntime().)
 */
static void update_min_vruntime(struct rq *rq)
{
	struct task_struct *first = leftmost_task(rq);

	if (first && first->vruntime > rq->min_vruntime)
		rq->min_vruntime = first->vruntime;
}
/* END LAB 3 SOLUTION */

/*
 * place_entity - before @p joins @rq (woken, or new from fork): a task
 * that slept kept its old, small vruntime; left alone it would run until it
 * had caught up with the others, starving them for as long as it slept.
 * So it starts no earlier than the queue's floor.  A task that has run more
 * than the others keeps its vruntime: sleeping does not wipe out a debt.
 * (Linux's place_entity() also grants a waking task half a slice of
 * credit, for interactivity; Nest does not.)
 */
void place_entity(struct rq *rq, struct task_struct *p)
{
	/* BEGIN LAB 3 SOLUTION: start no earlier than the queue's floor */
	update_min_vruntime(rq);
	if (p->vruntime < rq->min_vruntime)
		p->vruntime = rq->min_vruntime;
	/* END LAB 3 SOLUTION */
}

struct task_struct *pick_next_task_fair(struct rq *rq, struct task_struct *prev)
{
	/* Behind its equals, so that tasks with equal vruntimes take turns. */
	if (prev && prev->on_rq)
		list_move_tail(&prev->run_list, &rq->tasks);
	if (list_empty(&rq->tasks))
		return NULL;
	/* BEGIN LAB 3 SOLUTION: the smallest vruntime; raise the floor to it */
	update_min_vruntime(rq);
	return leftmost_task(rq);
	/* END LAB 3 SOLUTION */
	/* BEGIN LAB 3 STARTER
	return list_first_entry(&rq->tasks, struct task_struct, run_list);
	END LAB 3 STARTER */
}

/*
 * task_tick_fair - the timer tick while @curr runs: charge the tick to its
 * vruntime, and take one off its slice.  When the slice is used up it
 * starts a new one, and the answer is "give up the CPU" if another task is
 * waiting: schedule() then picks by vruntime, which may be @curr again.
 */
bool task_tick_fair(struct rq *rq, struct task_struct *curr)
{
	/* BEGIN LAB 3 SOLUTION: charge the tick to curr's vruntime */
	curr->vruntime += calc_delta_fair(1, curr);
	/* END LAB 3 SOLUTION */
	if (curr->time_slice && --curr->time_slice == 0) {
		curr->time_slice = task_timeslice(curr);
		return rq->nr_running > 1;
	}
	return false;
}
