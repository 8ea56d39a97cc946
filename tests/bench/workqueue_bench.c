/*
 * tests/bench/workqueue_bench.c - workqueue figures, in guest
 * instructions (include/nest/bench.h): what queueing costs, what an item
 * costs from queue_work() to the end of its run, and the latency from
 * queue_work() to the first instruction of the work function, both when
 * the queueing task then sleeps and when a timer interrupt queues on an
 * idle CPU.
 *
 * All use one private queue with an empty work function, made on first
 * use and kept (the machine powers off after the benchmarks).  Its pool
 * has a worker and a spare; the most recently idle one is always woken,
 * so the same worker runs every item, warm.  Work functions run with
 * interrupts on (process_one_work() turns them on), so a tick can land in
 * the batched figures; each figure is the median of five rounds.
 */
#include <nest/bench.h>
#include <nest/workqueue.h>
#include <nest/sched.h>
#include <nest/timer.h>
#include <nest/irqflags.h>
#include <nest/io.h>
#include <nest/bug.h>

#define BENCH_WQ_ITEMS		1000	/* items queued in one batch */
#define BENCH_LATENCY_ITERS	100	/* wake-ups measured per round */
#define BENCH_IRQ_ITERS		20	/* one per tick: 0.2 s per round */

static struct workqueue_struct *bench_wq;
static struct work_struct bench_items[BENCH_WQ_ITEMS];

static void bench_empty_fn(struct work_struct *work)
{
}

/* The queue and its items, made once. */
static struct workqueue_struct *bench_queue(void)
{
	int i;

	if (!bench_wq) {
		bench_wq = alloc_workqueue("bench", 0, 0);
		BUG_ON(!bench_wq);
		for (i = 0; i < BENCH_WQ_ITEMS; i++)
			INIT_WORK(&bench_items[i], bench_empty_fn);
	}
	return bench_wq;
}

/* queue_work() alone: @iters idle items, none run while timed. */
static u64 bench_queue_work_run(unsigned long iters)
{
	struct workqueue_struct *wq = bench_queue();
	unsigned long i;
	u64 t0, t;

	BUG_ON(iters > BENCH_WQ_ITEMS);
	t0 = rdtsc();
	for (i = 0; i < iters; i++)
		queue_work(wq, &bench_items[i]);
	t = rdtsc() - t0;
	flush_workqueue(wq);
	return t;
}

static const struct bench bench_queue_work = {
	.name = "workqueue_queue_work",
	.what = "queue_work of an idle item, workers idle; trace recording included",
	.run = bench_queue_work_run,
	.iters = BENCH_WQ_ITEMS,
};
KTEST_BENCH(bench_queue_work);

/* Queue @iters items, then one flush_workqueue(): per item, all it costs. */
static u64 bench_item_overhead_run(unsigned long iters)
{
	struct workqueue_struct *wq = bench_queue();
	unsigned long i;
	u64 t0;

	BUG_ON(iters > BENCH_WQ_ITEMS);
	t0 = rdtsc();
	for (i = 0; i < iters; i++)
		queue_work(wq, &bench_items[i]);
	flush_workqueue(wq);
	return rdtsc() - t0;
}

static const struct bench bench_item_overhead = {
	.name = "workqueue_item_overhead",
	.what = "per item: queue_work + a worker running it (empty fn); 1000 queued, one flush",
	.run = bench_item_overhead_run,
	.iters = BENCH_WQ_ITEMS,
};
KTEST_BENCH(bench_item_overhead);

/* queue_work() + flush_work() of one item at a time: two switches each. */
static u64 bench_queue_flush_run(unsigned long iters)
{
	struct workqueue_struct *wq = bench_queue();
	unsigned long i;
	u64 t0;

	t0 = rdtsc();
	for (i = 0; i < iters; i++) {
		queue_work(wq, &bench_items[0]);
		flush_work(&bench_items[0]);
	}
	return rdtsc() - t0;
}

static const struct bench bench_queue_flush = {
	.name = "workqueue_queue_flush_one",
	.what = "queue_work + flush_work of one item: to a worker and back",
	.run = bench_queue_flush_run,
	.iters = BENCH_LATENCY_ITERS,
};
KTEST_BENCH(bench_queue_flush);

/* ---- latency: self-timed (bench.h), with the counter read in the work function ---- */

static struct {
	struct work_struct work;
	struct timer_list timer;
	struct task_struct *waiter;
	u64 queued_at, started_at;
	bool done;
} lat;

static void lat_work_fn(struct work_struct *work)
{
	lat.started_at = rdtsc();
	WRITE_ONCE(lat.done, true);
	wake_up_process(lat.waiter);
}

/* The median of @n samples, sorted in place (n is small). */
static u64 median_u64(u64 *v, unsigned long n)
{
	unsigned long i, j;

	for (i = 1; i < n; i++)
		for (j = i; j > 0 && v[j - 1] > v[j]; j--) {
			u64 tmp = v[j];

			v[j] = v[j - 1];
			v[j - 1] = tmp;
		}
	return v[n / 2];
}

/* Sleep until lat_work_fn() has run. */
static void lat_wait(void)
{
	for (;;) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		if (READ_ONCE(lat.done))
			break;
		schedule();
	}
	set_current_state(TASK_RUNNING);
}

/*
 * The queueing task sleeps right after queue_work(): from just before
 * queue_work() to the work function's first rdtsc(), that is queue_work,
 * the sleep and switch to the worker, and the worker's way to the call.
 * Interrupts are off from the first reading until the worker turns them
 * on to call the function, so no tick lands inside.  Returns iters times
 * the median.
 */
static u64 bench_latency_sleep_run(unsigned long iters)
{
	struct workqueue_struct *wq = bench_queue();
	u64 samples[BENCH_LATENCY_ITERS];
	unsigned long i, flags;

	BUG_ON(iters > BENCH_LATENCY_ITERS);
	INIT_WORK(&lat.work, lat_work_fn);
	lat.waiter = current;
	for (i = 0; i < iters; i++) {
		lat.done = false;
		local_irq_save(flags);
		set_current_state(TASK_UNINTERRUPTIBLE);
		lat.queued_at = rdtsc();
		queue_work(wq, &lat.work);
		schedule();
		local_irq_restore(flags);
		lat_wait();
		samples[i] = lat.started_at - lat.queued_at;
		flush_work(&lat.work);	/* the worker is idle again */
	}
	return median_u64(samples, iters) * iters;
}

static const struct bench bench_latency_sleep = {
	.name = "workqueue_latency_sleep",
	.what = "queue-to-start, queuer sleeps at once: rdtsc before queue_work to rdtsc in fn; median",
	.run = bench_latency_sleep_run,
	.iters = BENCH_LATENCY_ITERS,
	.self_timed = true,
};
KTEST_BENCH(bench_latency_sleep);

static void lat_timer_fn(struct timer_list *t)
{
	lat.queued_at = rdtsc();
	queue_work(bench_wq, &lat.work);
}

/*
 * A timer function queues the item while the CPU idles (the benchmark
 * task sleeps): from the rdtsc() before queue_work() in the timer
 * interrupt to the work function's first rdtsc(), that is queue_work, the
 * rest of the interrupt, the idle loop noticing, the switch and the
 * worker's way to the call.  One sample per tick.  Returns iters times
 * the median.
 */
static u64 bench_latency_irq_run(unsigned long iters)
{
	u64 samples[BENCH_IRQ_ITERS];
	unsigned long i;

	BUG_ON(iters > BENCH_IRQ_ITERS);
	bench_queue();
	INIT_WORK(&lat.work, lat_work_fn);
	timer_setup(&lat.timer, lat_timer_fn, 0);
	lat.waiter = current;
	for (i = 0; i < iters; i++) {
		lat.done = false;
		mod_timer(&lat.timer, jiffies + 1);
		lat_wait();
		samples[i] = lat.started_at - lat.queued_at;
		flush_work(&lat.work);
	}
	return median_u64(samples, iters) * iters;
}

static const struct bench bench_latency_irq = {
	.name = "workqueue_latency_irq",
	.what = "queue-to-start from a timer irq, CPU idle: rdtsc before queue_work to rdtsc in fn; median",
	.run = bench_latency_irq_run,
	.iters = BENCH_IRQ_ITERS,
	.self_timed = true,
};
KTEST_BENCH(bench_latency_irq);
