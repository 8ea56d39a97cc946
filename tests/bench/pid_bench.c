/*
 * tests/bench/pid_bench.c - what a pid costs, in guest instructions
 * (include/nest/bench.h), as two curves (names "curve@x": tools/bench.py
 * writes each curve to a data file under docs/bench/):
 *
 *	alloc_pid_depth@D	alloc_pid() in a namespace D levels deep: a
 *				number at every level from D up to 0
 *	alloc_pid_live@N	alloc_pid() + free_pid() in a namespace that
 *				holds N live pids, over many wraps of its
 *				cursor (pid_max is 32768)
 *
 * The namespaces are made with create_pid_namespace_for_test(), with no
 * task in them.  The chain for the depth curve is made on first use and
 * kept (the machine powers off after the benchmarks); the live-pid
 * namespaces are filled and emptied by each run, untimed.
 */
#include <nest/bench.h>
#include <nest/pid.h>
#include <nest/pid_namespace.h>
#include <nest/errno.h>
#include <nest/io.h>
#include <nest/bug.h>

#define BENCH_PID_ITERS		1000	/* pids allocated in one timed block */
#define BENCH_LIVE_ITERS	10000	/* alloc + free pairs: a few wraps at 30,000 */
#define BENCH_LIVE_MAX		30000

static struct pid_namespace *bench_chain[MAX_PID_NS_LEVEL + 1];
static struct pid *bench_pids[BENCH_LIVE_MAX];

/* The namespace @depth levels below the initial one, made once. */
static struct pid_namespace *bench_ns_at(unsigned int depth)
{
	unsigned int level;

	bench_chain[0] = &init_pid_ns;
	for (level = 1; level <= depth; level++) {
		if (!bench_chain[level]) {
			bench_chain[level] = create_pid_namespace_for_test(bench_chain[level - 1]);
			BUG_ON(IS_ERR(bench_chain[level]));
		}
	}
	return bench_chain[depth];
}

/* alloc_pid() alone, @iters in a row (timed), then as many free_pid()s. */
static u64 bench_alloc_pid(unsigned int depth, unsigned long iters)
{
	struct pid_namespace *ns = bench_ns_at(depth);
	unsigned long i;
	u64 t0, t;

	BUG_ON(iters > BENCH_LIVE_MAX);
	free_pid(alloc_pid(ns));	/* warm: the level's cache has a slab */
	t0 = rdtsc();
	for (i = 0; i < iters; i++)
		bench_pids[i] = alloc_pid(ns);
	t = rdtsc() - t0;
	for (i = 0; i < iters; i++) {
		BUG_ON(IS_ERR(bench_pids[i]));
		free_pid(bench_pids[i]);
	}
	return t;
}

#define BENCH_ALLOC_PID_DEPTH(d)					\
static u64 bench_alloc_pid_depth##d##_run(unsigned long iters)		\
{									\
	return bench_alloc_pid(d, iters);				\
}									\
static const struct bench bench_alloc_pid_depth##d = {			\
	.name = "alloc_pid_depth@" #d,					\
	.what = "alloc_pid() against the depth of its namespace",	\
	.run = bench_alloc_pid_depth##d##_run,				\
	.iters = BENCH_PID_ITERS,					\
};									\
KTEST_BENCH(bench_alloc_pid_depth##d)

BENCH_ALLOC_PID_DEPTH(0);
BENCH_ALLOC_PID_DEPTH(1);
BENCH_ALLOC_PID_DEPTH(2);
BENCH_ALLOC_PID_DEPTH(4);
BENCH_ALLOC_PID_DEPTH(8);
BENCH_ALLOC_PID_DEPTH(16);
BENCH_ALLOC_PID_DEPTH(32);

/*
 * A fresh namespace (level 1) holding @live pids, then @iters rounds of
 * alloc_pid() + free_pid() in it (timed); then everything is given back.
 * Each freed number stays free behind the cursor, so the cursor walks the
 * free numbers and, at pid_max, wraps and scans past the live ones.
 */
static u64 bench_alloc_pid_live(unsigned int live, unsigned long iters)
{
	struct pid_namespace *ns = create_pid_namespace_for_test(&init_pid_ns);
	unsigned long i;
	u64 t0, t;

	BUG_ON(IS_ERR(ns) || live > BENCH_LIVE_MAX);
	for (i = 0; i < live; i++) {
		bench_pids[i] = alloc_pid(ns);
		BUG_ON(IS_ERR(bench_pids[i]));
	}
	t0 = rdtsc();
	for (i = 0; i < iters; i++)
		free_pid(alloc_pid(ns));
	t = rdtsc() - t0;
	for (i = 0; i < live; i++)
		free_pid(bench_pids[i]);
	put_pid_ns(ns);		/* freed by a work item, after the benchmarks */
	return t;
}

#define BENCH_ALLOC_PID_LIVE(n)						\
static u64 bench_alloc_pid_live##n##_run(unsigned long iters)		\
{									\
	return bench_alloc_pid_live(n, iters);				\
}									\
static const struct bench bench_alloc_pid_live##n = {			\
	.name = "alloc_pid_live@" #n,					\
	.what = "alloc_pid() + free_pid() against the live pids in the namespace", \
	.run = bench_alloc_pid_live##n##_run,				\
	.iters = BENCH_LIVE_ITERS,					\
};									\
KTEST_BENCH(bench_alloc_pid_live##n)

BENCH_ALLOC_PID_LIVE(1);
BENCH_ALLOC_PID_LIVE(1000);
BENCH_ALLOC_PID_LIVE(10000);
BENCH_ALLOC_PID_LIVE(30000);
