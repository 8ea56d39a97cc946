/*
 * tests/ktest/workqueue_test.h - what the two halves of the `workqueue`
 * suite share: workqueue_test.c (the API's guarantees, and the suite
 * itself) and workqueue_pool_test.c (pools of workers under load,
 * non-reentrance, the trace ring); lab 7's suite on delayed work
 * (lab7_delayed_work.c) uses it too.
 */
#ifndef NEST_TESTS_WORKQUEUE_TEST_H
#define NEST_TESTS_WORKQUEUE_TEST_H

#include <nest/ktest.h>
#include <nest/workqueue.h>
#include <nest/sched.h>
#include <nest/timer.h>
#include <nest/jiffies.h>
#include <nest/interrupt.h>
#include <nest/irqflags.h>
#include <nest/slab.h>
#include <nest/vmalloc.h>
#include <nest/string.h>
#include "../../kernel/workqueue_internal.h"

/* The longest any case waits for something that takes a few ticks. */
#define WAIT_TICKS	(2 * HZ)

/*
 * Sleep a tick at a time until @cond holds or @ticks have passed;
 * evaluates to whether @cond holds.
 */
#define wait_ticks_for(cond, ticks)					\
	({								\
		unsigned long __end = jiffies + (ticks);		\
		while (!(cond) && time_after(__end, jiffies))		\
			schedule_timeout_uninterruptible(1);		\
		(cond);							\
	})

/* The threads and stacks a case starts with, to check its queues left none. */
struct thread_count {
	unsigned long stacks, threads;
};

static inline void count_threads(struct thread_count *c)
{
	c->stacks = nr_thread_stacks();
	c->threads = nr_threads();
}

/* A destroyed queue's workers have exited and their stacks are freed. */
#define expect_threads_back(t, c)					\
	do {								\
		KTEST_EXPECT_EQ(t, nr_thread_stacks(), (c)->stacks);	\
		KTEST_EXPECT_EQ(t, nr_threads(), (c)->threads);		\
	} while (0)

/* An item that counts its runs and can sleep, as most cases need. */
struct probe {
	struct work_struct work;
	int runs;		/* finished runs */
	int started;		/* started runs */
	unsigned int sleep_ms;	/* how long each run sleeps */
	int index;
	struct task_struct *last_task;	/* the worker of the last run */
};

/* Count a start, sleep p->sleep_ms, count a run (workqueue_test.c). */
void probe_fn(struct work_struct *work);

static inline void probe_init(struct probe *p, unsigned int sleep_ms)
{
	memset(p, 0, sizeof(*p));
	INIT_WORK(&p->work, probe_fn);
	p->sleep_ms = sleep_ms;
}

/* The cases of workqueue_pool_test.c. */
void workqueue_item_never_runs_on_two_workers(struct ktest *t);
void workqueue_pool_grows_while_workers_sleep(struct ktest *t);
void workqueue_stress_10000_items_on_3_queues(struct ktest *t);
void workqueue_trace_records_queue_start_finish(struct ktest *t);

#endif /* NEST_TESTS_WORKQUEUE_TEST_H */
