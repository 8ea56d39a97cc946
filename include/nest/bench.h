/*
 * include/nest/bench.h - in-kernel micro-benchmarks, counted in guest
 * instructions.
 *
 * `make bench` boots QEMU with -icount shift=0, where the time-stamp
 * counter advances by exactly one per guest instruction, so the difference
 * of two rdtsc() readings is a deterministic instruction count: the same on
 * every machine, whatever else it is doing.  (Outside -icount the numbers
 * are cycles of a virtual CPU and mean little.)
 *
 * A benchmark runs its operation @iters times between two readings, with
 * interrupts off; the runner subtracts the cost of an empty loop and prints
 *	BENCH <name> <instructions per operation>
 * lines that tools/bench.py turns into a table.  Register with KTEST_BENCH.
 *
 * A self-timed benchmark (.self_timed) measures something that needs
 * interrupts or other tasks, such as the time from queueing a work item to
 * its start in a kworker: its run() is called with interrupts on, reads
 * the counter where it must, and returns the instructions of @iters
 * operations only (no loop overhead), so nothing is subtracted.
 */
#ifndef NEST_BENCH_H
#define NEST_BENCH_H

#include <nest/types.h>

struct bench {
	const char *name;
	const char *what;			/* a one-line description */
	/* Run the operation @iters times; return the rdtsc difference. */
	u64 (*run)(unsigned long iters);
	unsigned long iters;
	bool self_timed;			/* see above */
};

#define KTEST_BENCH(var)						\
	static const struct bench *__bench_ptr_##var			\
		__used __section(".ktest_benches") = &(var)

/* rdtsc() just before the banner, the first serial line, for boot figures. */
extern u64 boot_tsc_first_line;

/* Run the benchmarks named by bench=... (or all) and power off; else return. */
void bench_main(void);

#endif /* NEST_BENCH_H */
