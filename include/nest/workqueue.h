/*
 * include/nest/workqueue.h - deferred work run by kernel threads, with
 * Linux's API and guarantees (Documentation/core-api/workqueue.rst).
 *
 *	static void reap(struct work_struct *work) { ... may sleep ... }
 *	static DECLARE_WORK(reap_work, reap);
 *
 *	schedule_work(&reap_work);		// any context, interrupts off too
 *	...
 *	cancel_work_sync(&reap_work);		// process context: may sleep
 *
 * A work item is a function and a list link.  Queueing it puts it on a
 * workqueue's list; a worker (a kernel thread named kworker/...) takes it
 * off and calls the function in process context.  Each workqueue has its
 * own small pool of workers, created as they are needed and stopped by
 * destroy_workqueue().  kernel/workqueue.c has the queues and queueing,
 * kernel/workqueue_worker.c the workers, kernel/workqueue_flush.c
 * flushing and cancelling, kernel/workqueue_delayed.c delayed work, and
 * kernel/workqueue_trace.c the trace ring at the bottom of this header.
 *
 * The guarantees, as Linux's:
 *  - queueing an item that is pending (queued and not yet started, or a
 *    delayed item whose timer runs) does nothing and returns false;
 *  - an item may be queued again while it runs, also by its own function;
 *  - an item never runs on two workers at once, as long as it is queued on
 *    one workqueue only and its function is not changed (Linux's
 *    "non-reentrance conditions");
 *  - flush_work() returns after the instance queued when it was called has
 *    finished; cancel_work_sync() returns with the function not running;
 *  - an ordered workqueue runs one item at a time, in queueing order;
 *  - delayed work is queued at the first tick at which @delay jiffies have
 *    passed since the call, never before.
 */
#ifndef NEST_WORKQUEUE_H
#define NEST_WORKQUEUE_H

#include <nest/types.h>
#include <nest/compiler.h>
#include <nest/list.h>
#include <nest/timer.h>

struct work_struct;
struct workqueue_struct;

typedef void (*work_func_t)(struct work_struct *work);

/*
 * work->data: while the item is queued, the address of the worker_pool it
 * is on and these flags in the low bits (so pools are aligned to
 * 1 << WORK_STRUCT_FLAG_BITS); otherwise the id of the pool it last ran
 * on, shifted by WORK_OFFQ_POOL_SHIFT, so flush_work() can find a running
 * item.  The layout follows Linux's include/linux/workqueue.h.
 */
enum {
	WORK_STRUCT_PENDING_BIT	= 0,	/* queued, or its delay timer runs */
	WORK_STRUCT_PWQ_BIT	= 1,	/* data is the pool it is queued on */
	WORK_STRUCT_LINKED_BIT	= 2,	/* the next item (a flush barrier) goes with it */
	WORK_STRUCT_COLOR_SHIFT	= 3,	/* the flush color, while queued */
	WORK_STRUCT_COLOR_BITS	= 2,
	WORK_STRUCT_FLAG_BITS	= WORK_STRUCT_COLOR_SHIFT + WORK_STRUCT_COLOR_BITS,

	/* Two colors take turns for flush_workqueue(); barriers have none. */
	WORK_NR_COLORS		= 2,
	WORK_NO_COLOR		= 3,

	/* Off queue, the bits above PENDING say: */
	WORK_OFFQ_CANCELING_BIT	= WORK_STRUCT_COLOR_SHIFT,	/* cancel_*_sync() at work */
	WORK_OFFQ_POOL_SHIFT	= WORK_STRUCT_FLAG_BITS,
	WORK_OFFQ_POOL_BITS	= 32 - WORK_OFFQ_POOL_SHIFT,
};

#define WORK_STRUCT_PENDING	(1UL << WORK_STRUCT_PENDING_BIT)
#define WORK_STRUCT_PWQ		(1UL << WORK_STRUCT_PWQ_BIT)
#define WORK_STRUCT_LINKED	(1UL << WORK_STRUCT_LINKED_BIT)
#define WORK_STRUCT_COLOR_MASK	(((1UL << WORK_STRUCT_COLOR_BITS) - 1) << WORK_STRUCT_COLOR_SHIFT)
#define WORK_STRUCT_FLAG_MASK	((1UL << WORK_STRUCT_FLAG_BITS) - 1)
#define WORK_STRUCT_WQ_DATA_MASK	(~WORK_STRUCT_FLAG_MASK)
#define WORK_OFFQ_CANCELING	(1UL << WORK_OFFQ_CANCELING_BIT)
/* "Never queued yet": no pool id. */
#define WORK_OFFQ_POOL_NONE	((1UL << WORK_OFFQ_POOL_BITS) - 1)
#define WORK_STRUCT_NO_POOL	(WORK_OFFQ_POOL_NONE << WORK_OFFQ_POOL_SHIFT)

/* A work item, as Linux's: three words, embedded in whatever owns it. */
struct work_struct {
	unsigned long data;		/* see the enum above */
	struct list_head entry;		/* in a pool's worklist or a worker's scheduled list */
	work_func_t func;
};

#define __WORK_INITIALIZER(n, f) {					\
	.data = WORK_STRUCT_NO_POOL,					\
	.entry = LIST_HEAD_INIT((n).entry),				\
	.func = (f),							\
}

#define DECLARE_WORK(n, f)						\
	struct work_struct n = __WORK_INITIALIZER(n, f)

#define INIT_WORK(_work, _func)						\
	do {								\
		(_work)->data = WORK_STRUCT_NO_POOL;			\
		INIT_LIST_HEAD(&(_work)->entry);			\
		(_work)->func = (_func);				\
	} while (0)

/*
 * A work item queued after a delay: the timer queues it when it fires
 * (from the timer interrupt), on @wq.
 */
struct delayed_work {
	struct work_struct work;
	struct timer_list timer;
	struct workqueue_struct *wq;	/* where the timer will queue it */
};

/* The timer function of every delayed_work (kernel/workqueue_delayed.c). */
void delayed_work_timer_fn(struct timer_list *t);

#define __DELAYED_WORK_INITIALIZER(n, f, tflags) {			\
	.work = __WORK_INITIALIZER((n).work, (f)),			\
	.timer = {							\
		.entry = LIST_HEAD_INIT((n).timer.entry),		\
		.function = delayed_work_timer_fn,			\
		.flags = (tflags),					\
	},								\
}

#define DECLARE_DELAYED_WORK(n, f)					\
	struct delayed_work n = __DELAYED_WORK_INITIALIZER(n, f, 0)
/* Deferrable: the timer is housekeeping (see TIMER_DEFERRABLE). */
#define DECLARE_DEFERRABLE_WORK(n, f)					\
	struct delayed_work n = __DELAYED_WORK_INITIALIZER(n, f, TIMER_DEFERRABLE)

#define __INIT_DELAYED_WORK(_work, _func, _tflags)			\
	do {								\
		INIT_WORK(&(_work)->work, (_func));			\
		timer_setup(&(_work)->timer, delayed_work_timer_fn, (_tflags)); \
		(_work)->wq = NULL;					\
	} while (0)

#define INIT_DELAYED_WORK(_work, _func)	__INIT_DELAYED_WORK(_work, _func, 0)
#define INIT_DEFERRABLE_WORK(_work, _func) \
	__INIT_DELAYED_WORK(_work, _func, TIMER_DEFERRABLE)

static inline struct delayed_work *to_delayed_work(struct work_struct *work)
{
	return container_of(work, struct delayed_work, work);
}

/* Is @work pending: queued and not started, or waiting for its timer? */
static inline bool work_pending(const struct work_struct *work)
{
	return READ_ONCE(work->data) & WORK_STRUCT_PENDING;
}

static inline bool delayed_work_pending(const struct delayed_work *dwork)
{
	return work_pending(&dwork->work);
}

/*
 * alloc_workqueue() flags, with Linux's values.  Only WQ_UNBOUND and
 * __WQ_ORDERED change anything in Nest (the workers' names, and one at a
 * time); the others are accepted so Linux code reads the same: with one
 * CPU there is nothing to bind, no freezer and no memory-reclaim rescuer.
 */
#define WQ_UNBOUND		(1u << 1)	/* workers named kworker/uN:M */
#define WQ_FREEZABLE		(1u << 2)
#define WQ_MEM_RECLAIM		(1u << 3)
#define WQ_HIGHPRI		(1u << 4)
#define WQ_CPU_INTENSIVE	(1u << 5)
#define __WQ_DRAINING		(1u << 16)	/* internal: drain_workqueue() at work */
#define __WQ_ORDERED		(1u << 17)	/* internal: one at a time, in order */
#define __WQ_LEGACY		(1u << 18)	/* internal: create*_workqueue() */
#define __WQ_DESTROYING		(1u << 15)	/* internal: destroy_workqueue() at work */

#define WQ_ALLOC_FLAGS		(WQ_UNBOUND | WQ_FREEZABLE | WQ_MEM_RECLAIM | \
				 WQ_HIGHPRI | WQ_CPU_INTENSIVE | __WQ_ORDERED | \
				 __WQ_LEGACY)

/*
 * max_active: how many items of one workqueue may run at once, which in
 * Nest is the most workers its pool grows to (each runs one item at a
 * time).  0 asks for WQ_DFL_ACTIVE; more than WQ_MAX_ACTIVE is clamped.
 * Linux allows 512, but each Nest worker costs a KERNEL_STACK_SIZE stack.
 */
#define WQ_MAX_ACTIVE		16
#define WQ_DFL_ACTIVE		4

#define WQ_NAME_LEN		24

/*
 * alloc_workqueue - a new workqueue named from @fmt (printf-style, as in
 * Linux), with @flags (WQ_*) and @max_active (see above).  Its pool starts
 * with two idle workers (one if @max_active is 1) and grows to @max_active
 * when workers block in work functions.  Process context: may sleep.
 * Returns the queue, or NULL for bad flags or no memory.
 */
__printf(1, 4)
struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags,
					 int max_active, ...);

/* One at a time, in queueing order, as Linux's alloc_ordered_workqueue(). */
#define alloc_ordered_workqueue(fmt, flags, args...)			\
	alloc_workqueue(fmt, WQ_UNBOUND | __WQ_ORDERED | (flags), 1, ##args)

/* Linux's old names: max_active 1 (create_workqueue) or ordered. */
#define create_workqueue(name)						\
	alloc_workqueue("%s", __WQ_LEGACY | WQ_MEM_RECLAIM, 1, (name))
#define create_singlethread_workqueue(name)				\
	alloc_ordered_workqueue("%s", __WQ_LEGACY | WQ_MEM_RECLAIM, name)

/*
 * destroy_workqueue - drain @wq (run every item queued on it, including
 * delayed items whose timers have yet to fire, and items they queue on
 * @wq), stop its workers and free it.  Queueing on @wq from elsewhere
 * meanwhile is refused with a warning.  Process context: sleeps.
 */
void destroy_workqueue(struct workqueue_struct *wq);

/* The workqueue everyone shares ("events"), as Linux's; schedule_*() use it. */
extern struct workqueue_struct *system_wq;

/*
 * queue_work - queue @work on @wq.  Returns false, doing nothing, if @work
 * was already pending; true if it was queued.  Any context: process,
 * interrupt handlers, spinlocks held, interrupts off.
 */
bool queue_work(struct workqueue_struct *wq, struct work_struct *work);

/*
 * queue_delayed_work - queue @dwork on @wq after @delay jiffies: at the
 * first tick at which jiffies >= (jiffies now) + @delay (at once if 0).
 * Returns false if it was already pending.  Any context.
 */
bool queue_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork,
			unsigned long delay);

/*
 * mod_delayed_work - as queue_delayed_work(), but a pending @dwork gets the
 * new delay (its timer is moved, or it is taken off the queue and
 * re-armed).  Returns true if it was pending, false if it was idle and is
 * now queued.  Any context.
 */
bool mod_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork,
		      unsigned long delay);

/* queue_work(system_wq, ...) and the delayed forms; any context. */
static inline bool schedule_work(struct work_struct *work)
{
	return queue_work(system_wq, work);
}

static inline bool schedule_delayed_work(struct delayed_work *dwork,
					 unsigned long delay)
{
	return queue_delayed_work(system_wq, dwork, delay);
}

/*
 * flush_work - wait until the instance of @work that is queued or running
 * now has finished (a later requeue is not waited for).  Returns true if
 * it waited, false if @work was idle.  Process context: sleeps.  Calling it
 * from @work's own function would wait for ever: it warns and returns.
 */
bool flush_work(struct work_struct *work);

/*
 * flush_delayed_work - queue @dwork now if its timer runs, then
 * flush_work() it.  Returns as flush_work().  Process context.
 */
bool flush_delayed_work(struct delayed_work *dwork);

/*
 * flush_workqueue - wait until every item queued on @wq before the call
 * has finished (not ones queued after).  Process context: sleeps; not
 * from one of @wq's own work functions (it warns and returns).
 */
void flush_workqueue(struct workqueue_struct *wq);

/*
 * drain_workqueue - flush @wq until it is empty, refusing (with a
 * warning) items queued on it from outside its own work functions.
 * Delayed items are waited for.  Process context.
 */
void drain_workqueue(struct workqueue_struct *wq);

/*
 * cancel_work_sync - take @work off its queue if pending, and wait for a
 * running instance to finish; queueing it meanwhile fails.  On return the
 * function is not running and @work is idle.  Returns true if @work was
 * pending.  Process context: sleeps; not from @work's own function.
 */
bool cancel_work_sync(struct work_struct *work);

/* The same for a delayed item: its timer is stopped too.  Process context. */
bool cancel_delayed_work_sync(struct delayed_work *dwork);

/*
 * cancel_work / cancel_delayed_work - take @work off its queue (or stop
 * its timer) if pending, without waiting: the function may still be
 * running on return.  Returns true if it was pending.  Any context.
 */
bool cancel_work(struct work_struct *work);
bool cancel_delayed_work(struct delayed_work *dwork);

/*
 * current_work - the item the calling worker is running, or NULL if the
 * caller is not a workqueue worker (Linux's current_work()).
 */
struct work_struct *current_work(void);

/*
 * workqueue_init - create system_wq and its workers and start the
 * kernel's periodic work (the slab reaper, mm/slab_reap.c).  Called once by
 * kernel_init() (pid 1) after kthreadd runs.
 */
void workqueue_init(void);

/*
 * The trace ring (kernel/workqueue_trace.c): the last WQ_TRACE_ENTRIES
 * queue, start and finish events, as Linux's workqueue tracepoints
 * (workqueue_queue_work, workqueue_execute_start, workqueue_execute_end).
 * Recording is a few stores, any context.  The layout is fixed for the GDB
 * helper: the global `wq_trace` is a struct wq_trace; entries[] is a ring
 * and `head` counts every event ever recorded, so the newest is
 * entries[(head - 1) % WQ_TRACE_ENTRIES] and, once head >= WQ_TRACE_ENTRIES,
 * the oldest is entries[head % WQ_TRACE_ENTRIES].
 */
#define WQ_TRACE_ENTRIES	256	/* a power of two */

enum wq_trace_event {
	WQ_TRACE_QUEUE = 1,	/* queued on a pool's worklist */
	WQ_TRACE_START,		/* a worker calls the function */
	WQ_TRACE_FINISH,	/* the function returned */
};

#define WQ_TRACE_IRQ		0x01	/* recorded in an interrupt handler */

struct wq_trace_entry {
	u64 tsc;			/* rdtsc() when recorded */
	unsigned long jiffies;
	work_func_t func;		/* print with %pS */
	struct work_struct *work;	/* may be freed by now: an address only */
	int pid;			/* current's pid (the worker, or the queuer) */
	u16 pool_id;			/* the workqueue's pool, see workqueue_trace_print() */
	u8 event;			/* enum wq_trace_event */
	u8 flags;			/* WQ_TRACE_IRQ */
};

struct wq_trace {
	unsigned long head;		/* events recorded since boot */
	struct wq_trace_entry entries[WQ_TRACE_ENTRIES];
};

extern struct wq_trace wq_trace;

/*
 * workqueue_trace_print - the newest @nr events of the trace ring (all it
 * holds if @nr is 0) to the kernel log, oldest first, one line per event:
 * jiffies, tsc, event, queue name, pid ("i" if in an interrupt handler),
 * function and item.  Process context.
 */
void workqueue_trace_print(unsigned int nr);

#endif /* NEST_WORKQUEUE_H */
