/*
 * tests/ktest/lab3_sched_test.c - the `lab3_sched` suite: the scheduling
 * policy of kernel/sched_fair.c (lab 3), tested without a clock.
 *
 * The policy functions are pure (kernel/sched_internal.h), so the cases
 * build a private struct rq of made-up tasks that never run, and play the
 * scheduler: each simulated tick goes to the task the policy picked, then
 * task_tick_fair() says whether to pick again.  What is checked:
 *
 *	- weights: task_weight() is Linux's table, about 1.25x per nice step;
 *	  task_timeslice() scales RR_TIMESLICE by it, within 1..RR_TIMESLICE;
 *	- charging: calc_delta_fair() and one tick of task_tick_fair();
 *	- picking: the smallest vruntime, the first of equals, the previous
 *	  task put behind its equals; placing a waking task at the floor;
 *	- shares: over 10,000 simulated ticks each task's share of the CPU is
 *	  its weight over the sum of the weights, within SHARE_TOLERANCE of
 *	  the ticks (1%); tasks of equal nice values within one slice.
 *
 * Nothing is allocated; the fake tasks are static and never on the real
 * run queue.  The suite takes no guest time to speak of.
 */
#include <nest/ktest.h>
#include <nest/sched.h>
#include <nest/jiffies.h>
#include <nest/string.h>
#include "../../kernel/sched_internal.h"

#define SIM_MAX		4		/* tasks in a simulation */
#define SIM_TICKS	10000		/* 100 s of simulated CPU */
#define SHARE_TOLERANCE	(SIM_TICKS / 100)	/* 1% of the run, in ticks */

/* A private run queue of made-up tasks, and how many ticks each has had. */
struct sim {
	struct rq rq;
	struct task_struct task[SIM_MAX];
	unsigned int ran[SIM_MAX];
	int n;
	struct task_struct *curr;	/* the task the simulated CPU runs */
};

static struct sim sim;	/* static: four task_structs are big for a stack */

/* A fake task at @nice, not queued, never run (vruntime 0). */
static void fake_task(struct task_struct *p, int nice)
{
	memset(p, 0, sizeof(*p));
	INIT_LIST_HEAD(&p->run_list);
	p->state = TASK_RUNNING;
	p->static_prio = NICE_TO_PRIO(nice);
	p->time_slice = task_timeslice(p);
}

static void rq_init(struct rq *rq)
{
	memset(rq, 0, sizeof(*rq));
	INIT_LIST_HEAD(&rq->tasks);
}

/* A simulation of @n tasks at the nice values @nices, all queued. */
static void sim_start(const int *nices, int n)
{
	int i;

	memset(&sim, 0, sizeof(sim));
	rq_init(&sim.rq);
	sim.n = n;
	for (i = 0; i < n; i++) {
		fake_task(&sim.task[i], nices[i]);
		enqueue_task(&sim.rq, &sim.task[i]);
	}
	sim.curr = pick_next_task_fair(&sim.rq, NULL);
}

/*
 * Run @ticks ticks: each goes to sim.curr, then task_tick_fair() decides,
 * as scheduler_tick() and schedule() do.  Counts land in sim.ran[].
 */
static void sim_run(unsigned int ticks)
{
	unsigned int t;

	for (t = 0; t < ticks && sim.curr; t++) {
		sim.ran[sim.curr - sim.task]++;
		if (task_tick_fair(&sim.rq, sim.curr))
			sim.curr = pick_next_task_fair(&sim.rq, sim.curr);
	}
}

static void sim_clear_counts(void)
{
	memset(sim.ran, 0, sizeof(sim.ran));
}

/* Each task's ticks against its fair share of @ticks, within @tolerance. */
static void expect_shares(struct ktest *t, unsigned int ticks, unsigned int tolerance)
{
	unsigned long total = 0;
	int i;

	for (i = 0; i < sim.n; i++)
		total += sched_prio_to_weight[sim.task[i].static_prio - MAX_RT_PRIO];
	for (i = 0; i < sim.n; i++) {
		unsigned long w = sched_prio_to_weight[sim.task[i].static_prio - MAX_RT_PRIO];
		long fair = (long)(ticks * w / total), got = sim.ran[i];

		ktest_info(t, "nice %3d (weight %5lu): %5ld ticks, fair share %5ld",
			   task_nice(&sim.task[i]), w, got, fair);
		KTEST_EXPECT_LE(t, got, fair + (long)tolerance);
		KTEST_EXPECT_GE(t, got, fair - (long)tolerance);
	}
}

/* |a - b| <= tol, for u64 values. */
static bool near(u64 a, u64 b, u64 tol)
{
	return a > b ? a - b <= tol : b - a <= tol;
}

/* task_weight() is Linux's sched_prio_to_weight[] at the task's nice value. */
static void lab3_weight_of_nice(struct ktest *t)
{
	static const struct { int nice; unsigned long weight; } want[] = {
		{ -20, 88761 }, { -10, 9548 }, { -5, 3121 }, { -1, 1277 },
		{ 0, 1024 }, { 1, 820 }, { 5, 335 }, { 10, 110 }, { 19, 15 },
	};
	struct task_struct *p = &sim.task[0];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(want); i++) {
		fake_task(p, want[i].nice);
		KTEST_EXPECT_EQ(t, task_weight(p), want[i].weight);
	}
}

/* Each nice step weighs about 1.25 times the next (the "10% per step" rule). */
static void lab3_weight_steps(struct ktest *t)
{
	struct task_struct *a = &sim.task[0], *b = &sim.task[1];
	int nice;

	for (nice = MIN_NICE; nice < MAX_NICE; nice++) {
		fake_task(a, nice);
		fake_task(b, nice + 1);
		/* 1.2 <= w(nice) / w(nice + 1) <= 1.3 */
		KTEST_EXPECT_GE(t, 10 * task_weight(a), 12 * task_weight(b));
		KTEST_EXPECT_LE(t, 10 * task_weight(a), 13 * task_weight(b));
	}
}

/*
 * task_timeslice(): RR_TIMESLICE (10 ticks) * weight / 1024, rounded down,
 * at least 1 tick and at most RR_TIMESLICE.
 */
static void lab3_timeslice_of_nice(struct ktest *t)
{
	static const struct { int nice; unsigned int ticks; } want[] = {
		{ -20, RR_TIMESLICE }, { -1, RR_TIMESLICE }, { 0, RR_TIMESLICE },
		{ 1, 8 }, { 3, 5 }, { 5, 3 }, { 9, 1 }, { 19, 1 },
	};
	struct task_struct *p = &sim.task[0];
	unsigned int i;

	KTEST_ASSERT_EQ(t, RR_TIMESLICE, 10);	/* the numbers below assume it */
	for (i = 0; i < ARRAY_SIZE(want); i++) {
		fake_task(p, want[i].nice);
		KTEST_EXPECT_EQ(t, task_timeslice(p), want[i].ticks);
	}
}

/*
 * calc_delta_fair(): a tick is TICK_NSEC (10 ms) of a nice-0 task's
 * vruntime, scaled by 1024 / weight for the others (to within 1 ns a tick).
 */
static void lab3_vruntime_charge(struct ktest *t)
{
	struct task_struct *p = &sim.task[0];

	fake_task(p, 0);
	KTEST_EXPECT_EQ(t, calc_delta_fair(1, p), TICK_NSEC);
	KTEST_EXPECT_EQ(t, calc_delta_fair(7, p), 7 * TICK_NSEC);
	fake_task(p, 19);		/* 10 ms * 1024 / 15 */
	KTEST_EXPECT_TRUE(t, near(calc_delta_fair(1, p), 682666666ULL, 1));
	fake_task(p, -20);		/* 10 ms * 1024 / 88761 */
	KTEST_EXPECT_TRUE(t, near(calc_delta_fair(1, p), 115366ULL, 1));
	fake_task(p, 5);		/* 50 ms * 1024 / 335 */
	KTEST_EXPECT_TRUE(t, near(calc_delta_fair(5, p), 152835820ULL, 5));
}

/*
 * task_tick_fair(): the running task's vruntime grows by one tick's worth;
 * it asks to give up the CPU when its slice ends, and only if another task
 * is waiting.  A nice-0 task, so that its slice is RR_TIMESLICE whether or
 * not task_timeslice() weighs it.
 */
static void lab3_tick_charges_and_ends_slice(struct ktest *t)
{
	static const int nices[] = { 0, 5 };
	struct task_struct *p;
	unsigned int i;
	u64 before;

	sim_start(nices, 1);		/* alone on the queue */
	p = &sim.task[0];
	before = p->vruntime;
	KTEST_EXPECT_FALSE(t, task_tick_fair(&sim.rq, p));
	KTEST_EXPECT_EQ(t, p->vruntime - before, TICK_NSEC);
	for (i = 1; i < RR_TIMESLICE; i++)
		KTEST_EXPECT_FALSE(t, task_tick_fair(&sim.rq, p));	/* alone: keep it */

	fake_task(&sim.task[1], nices[1]);
	enqueue_task(&sim.rq, &sim.task[1]);
	sim.n = 2;
	for (i = 1; i < RR_TIMESLICE; i++)
		KTEST_EXPECT_FALSE(t, task_tick_fair(&sim.rq, p));
	KTEST_EXPECT_TRUE(t, task_tick_fair(&sim.rq, p));	/* the slice's last tick */
	KTEST_EXPECT_EQ(t, p->time_slice, RR_TIMESLICE);	/* and a new slice */
	KTEST_EXPECT_EQ(t, p->vruntime - before, 2 * RR_TIMESLICE * TICK_NSEC);

	/* The waiting nice-5 task: its tick costs 1024 / 335 times as much. */
	p = &sim.task[1];
	before = p->vruntime;
	task_tick_fair(&sim.rq, p);
	KTEST_EXPECT_EQ(t, p->vruntime - before, calc_delta_fair(1, p));
	KTEST_EXPECT_GT(t, p->vruntime - before, 3 * TICK_NSEC);
}

/*
 * The smallest vruntime runs next; among equals the first; prev goes
 * behind its equals.  Picking raises the queue's floor to the smallest.
 */
static void lab3_pick_smallest_vruntime(struct ktest *t)
{
	static const int nices[] = { 0, 0, 0 };
	struct task_struct *a = &sim.task[0], *b = &sim.task[1], *c = &sim.task[2];

	sim_start(nices, 3);
	a->vruntime = 300;
	b->vruntime = 100;
	c->vruntime = 100;
	KTEST_EXPECT_PTR_EQ(t, pick_next_task_fair(&sim.rq, NULL), b);
	KTEST_EXPECT_PTR_EQ(t, pick_next_task_fair(&sim.rq, b), c);	/* b behind c */
	KTEST_EXPECT_PTR_EQ(t, pick_next_task_fair(&sim.rq, c), b);	/* and turn about */
	KTEST_EXPECT_EQ(t, sim.rq.min_vruntime, 100);
	b->vruntime = 250;		/* as if b and c had run on */
	c->vruntime = 200;
	KTEST_EXPECT_PTR_EQ(t, pick_next_task_fair(&sim.rq, b), c);
	KTEST_EXPECT_EQ(t, sim.rq.min_vruntime, 200);	/* the floor follows */
	dequeue_task(&sim.rq, a);
	dequeue_task(&sim.rq, b);
	dequeue_task(&sim.rq, c);
	KTEST_EXPECT_NULL(t, pick_next_task_fair(&sim.rq, NULL));
}

/*
 * A task joining the queue starts at max(its vruntime, the smallest on the
 * queue): no credit for sleeping, no debt forgiven.  The floor remembers
 * where the queue was after it emptied, and never goes down.
 */
static void lab3_place_waking_task(struct ktest *t)
{
	static const int nices[] = { 0, 0 };
	struct task_struct *a = &sim.task[0], *b = &sim.task[1];
	struct task_struct *c = &sim.task[2], *d = &sim.task[3];

	sim_start(nices, 2);
	a->vruntime = 5000000000ULL;
	b->vruntime = 7000000000ULL;
	fake_task(c, 0);		/* slept since vruntime 0 */
	enqueue_task(&sim.rq, c);
	KTEST_EXPECT_EQ(t, c->vruntime, 5000000000ULL);
	fake_task(d, 0);		/* ran ahead of the others, then slept */
	d->vruntime = 9000000000ULL;
	enqueue_task(&sim.rq, d);
	KTEST_EXPECT_EQ(t, d->vruntime, 9000000000ULL);
	KTEST_EXPECT_EQ(t, sim.rq.nr_running, 4);

	dequeue_task(&sim.rq, a);
	dequeue_task(&sim.rq, b);
	dequeue_task(&sim.rq, c);
	dequeue_task(&sim.rq, d);
	KTEST_EXPECT_EQ(t, sim.rq.nr_running, 0);
	fake_task(a, 0);		/* the queue is empty: the floor still holds */
	enqueue_task(&sim.rq, a);
	KTEST_EXPECT_EQ(t, a->vruntime, 5000000000ULL);
	KTEST_EXPECT_EQ(t, sim.rq.min_vruntime, 5000000000ULL);
	dequeue_task(&sim.rq, a);
}

/* Three tasks at nice 0 share the CPU equally, within one slice. */
static void lab3_shares_equal_nice(struct ktest *t)
{
	static const int nices[] = { 0, 0, 0 };

	sim_start(nices, 3);
	sim_run(3 * 1000);
	expect_shares(t, 3 * 1000, RR_TIMESLICE);
}

/* nice 0 and nice 5: 1024 : 335, 75% and 25%. */
static void lab3_shares_nice_0_and_5(struct ktest *t)
{
	static const int nices[] = { 0, 5 };

	sim_start(nices, 2);
	sim_run(SIM_TICKS);
	expect_shares(t, SIM_TICKS, SHARE_TOLERANCE);
}

/* nice -5, 0 and 5: 3121 : 1024 : 335, about 70%, 23% and 7%. */
static void lab3_shares_three_levels(struct ktest *t)
{
	static const int nices[] = { 5, 0, -5 };

	sim_start(nices, 3);
	sim_run(SIM_TICKS);
	expect_shares(t, SIM_TICKS, SHARE_TOLERANCE);
}

/* nice 0 against nice 19: 1024 : 15, the nice-19 task gets about 1.4%. */
static void lab3_shares_nice_19(struct ktest *t)
{
	static const int nices[] = { 19, 0 };

	sim_start(nices, 2);
	sim_run(SIM_TICKS);
	expect_shares(t, SIM_TICKS, SHARE_TOLERANCE);
	KTEST_EXPECT_GT(t, sim.ran[0], 0);	/* starved, never */
}

/* A new nice value counts from then on: two equals, then one goes to nice 5. */
static void lab3_shares_after_renice(struct ktest *t)
{
	static const int nices[] = { 0, 0 };

	sim_start(nices, 2);
	sim_run(2000);
	set_user_nice(&sim.task[1], 5);
	sim_clear_counts();
	sim_run(SIM_TICKS);
	expect_shares(t, SIM_TICKS, SHARE_TOLERANCE);
}

/*
 * A task that wakes after the others ran 1,000 ticks gets its share from
 * then on, not the 1,000 ticks it missed: at most a third of the next 300
 * ticks, plus a slice.
 */
static void lab3_sleeper_gets_no_credit(struct ktest *t)
{
	static const int nices[] = { 0, 0 };
	struct task_struct *c = &sim.task[2];

	sim_start(nices, 2);
	sim_run(1000);
	fake_task(c, 0);
	enqueue_task(&sim.rq, c);
	sim.n = 3;
	sim_clear_counts();
	sim_run(300);
	ktest_info(t, "the sleeper ran %u of 300 ticks", sim.ran[2]);
	KTEST_EXPECT_LE(t, sim.ran[2], 100 + RR_TIMESLICE);
	KTEST_EXPECT_GE(t, sim.ran[2], 100 - RR_TIMESLICE);
}

static struct ktest_case lab3_sched_cases[] = {
	KTEST_CASE(lab3_weight_of_nice),
	KTEST_CASE(lab3_weight_steps),
	KTEST_CASE(lab3_timeslice_of_nice),
	KTEST_CASE(lab3_vruntime_charge),
	KTEST_CASE(lab3_tick_charges_and_ends_slice),
	KTEST_CASE(lab3_pick_smallest_vruntime),
	KTEST_CASE(lab3_place_waking_task),
	KTEST_CASE(lab3_shares_equal_nice),
	KTEST_CASE(lab3_shares_nice_0_and_5),
	KTEST_CASE(lab3_shares_three_levels),
	KTEST_CASE(lab3_shares_nice_19),
	KTEST_CASE(lab3_shares_after_renice),
	KTEST_CASE(lab3_sleeper_gets_no_credit),
	{}
};

static struct ktest_suite lab3_sched_suite = {
	.name = "lab3_sched",
	.cases = lab3_sched_cases,
};
KTEST_SUITE(lab3_sched_suite);
