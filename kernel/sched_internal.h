/*
 * kernel/sched_internal.h - the run queue and the scheduling policy, shared
 * by kernel/sched.c (the mechanism: sleeping, waking, switching) and
 * kernel/sched_fair.c (the policy: whom to run next, for how long), and
 * read by the white-box tests (tests/ktest/lab3_sched_test.c).  As Linux's
 * kernel/sched/sched.h.
 *
 * The policy functions are pure: they look only at the struct rq and the
 * tasks they are given, never at the clock or at current, so a test can
 * run them over a queue of made-up tasks and count who would have run.
 */
#ifndef NEST_KERNEL_SCHED_INTERNAL_H
#define NEST_KERNEL_SCHED_INTERNAL_H

#include <nest/sched.h>
#include <nest/list.h>

/* The weight of a nice-0 task (Linux's NICE_0_LOAD, without its fixed point). */
#define NICE_0_LOAD	1024

/*
 * struct rq - the run queue (one: Nest has one CPU).  Linux's struct rq
 * and struct cfs_rq in one.
 */
struct rq {
	struct list_head tasks;		/* runnable tasks, the running one too */
	unsigned long nr_running;	/* how many */
	u64 min_vruntime;		/* never decreases: where a waking task starts */
};

#define RQ_INIT(name)	{ .tasks = LIST_HEAD_INIT((name).tasks) }

/* kernel/sched.c: put @p on @rq (placing it with place_entity()) or take it off. */
void enqueue_task(struct rq *rq, struct task_struct *p);
void dequeue_task(struct rq *rq, struct task_struct *p);

/* ---- kernel/sched_fair.c: the policy ---- */

/* The load weight of each nice value, -20 first (Linux's table). */
extern const int sched_prio_to_weight[NICE_WIDTH];

/* @p's weight: sched_prio_to_weight[] at its nice value. */
unsigned long task_weight(const struct task_struct *p);
/* @p's time slice in ticks: RR_TIMESLICE scaled by its weight, 1..RR_TIMESLICE. */
unsigned int task_timeslice(const struct task_struct *p);
/* The virtual runtime that @ticks ticks of CPU cost @p: more for a lighter task. */
u64 calc_delta_fair(unsigned long ticks, const struct task_struct *p);
/* Set the virtual runtime of @p, about to join @rq, so it starts fair. */
void place_entity(struct rq *rq, struct task_struct *p);
/*
 * The task to run next on @rq, or NULL when @rq is empty.  @prev (the task
 * that ran, or NULL) is put back behind the others first, so equals take
 * turns.
 */
struct task_struct *pick_next_task_fair(struct rq *rq, struct task_struct *prev);
/* Account one tick of CPU to @curr; true when it should give the CPU up. */
bool task_tick_fair(struct rq *rq, struct task_struct *curr);

#endif /* NEST_KERNEL_SCHED_INTERNAL_H */
