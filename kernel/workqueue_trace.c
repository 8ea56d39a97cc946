/*
 * kernel/workqueue_trace.c - the workqueue's trace ring: the last
 * WQ_TRACE_ENTRIES queue, start and finish events, each with the work
 * function, the tick count and the time-stamp counter, as Linux's
 * workqueue tracepoints would show them.
 *
 * kernel/workqueue.c records (under a pool's lock, so with interrupts
 * off, from any context); workqueue_trace_print() prints.  The ring is a
 * plain global, `wq_trace` (struct wq_trace, include/nest/workqueue.h),
 * so a GDB helper can read it from a stopped or crashed kernel as well.
 */
#include "workqueue_internal.h"
#include <nest/io.h>
#include <nest/jiffies.h>
#include <nest/printk.h>
#include <nest/irqflags.h>
#include <nest/string.h>

struct wq_trace wq_trace;

static const char *const wq_trace_event_names[] = {
	[WQ_TRACE_QUEUE] = "queue",
	[WQ_TRACE_START] = "start",
	[WQ_TRACE_FINISH] = "finish",
};

/* wq_trace_record - one event at the head of the ring.  Interrupts off. */
void wq_trace_record(enum wq_trace_event event, struct work_struct *work,
		     work_func_t func, const struct worker_pool *pool)
{
	struct wq_trace_entry *e = &wq_trace.entries[wq_trace.head % WQ_TRACE_ENTRIES];

	wq_trace.head++;
	e->tsc = rdtsc();
	e->jiffies = jiffies;
	e->func = func;
	e->work = work;
	e->pid = current->pid;
	e->pool_id = pool->id;
	e->event = event;
	e->flags = in_interrupt() ? WQ_TRACE_IRQ : 0;
}

/* The name of the workqueue whose pool has @id now, or "?" if none has. */
static void pool_name(int id, char *buf, size_t len)
{
	struct workqueue_struct *wq;
	unsigned long flags;

	strlcpy(buf, "?", len);
	spin_lock_irqsave(&wq_pool_lock, flags);
	list_for_each_entry(wq, &workqueues, list) {
		if (wq->pool.id == id) {
			strlcpy(buf, wq->name, len);
			break;
		}
	}
	spin_unlock_irqrestore(&wq_pool_lock, flags);
}

/*
 * workqueue_trace_print - the newest @nr events (0: the whole ring),
 * oldest first.  Each entry is
 * copied with interrupts off, so it is whole even if events keep coming.
 * The queue name is looked up now: a destroyed queue's id shows as "?" (or
 * as a later queue that took the id).  Process context.
 */
void workqueue_trace_print(unsigned int nr)
{
	unsigned long head = READ_ONCE(wq_trace.head), i, first;
	struct wq_trace_entry e;
	char name[WQ_NAME_LEN];
	unsigned long flags;

	if (!nr || nr > WQ_TRACE_ENTRIES)
		nr = WQ_TRACE_ENTRIES;
	first = head > nr ? head - nr : 0;
	pr_info("workqueue trace: events %lu..%lu (%lu recorded since boot)\n",
		first, head ? head - 1 : 0, head);
	pr_info("  jiffies              tsc event  queue            pid  function\n");
	for (i = first; i < head; i++) {
		local_irq_save(flags);
		e = wq_trace.entries[i % WQ_TRACE_ENTRIES];
		local_irq_restore(flags);
		pool_name(e.pool_id, name, sizeof(name));
		pr_info("  %7lu %16llu %-6s %-16s %4d%s %pS work=%p\n", e.jiffies,
			e.tsc, e.event < ARRAY_SIZE(wq_trace_event_names) &&
			wq_trace_event_names[e.event] ? wq_trace_event_names[e.event] : "?",
			name, e.pid, e.flags & WQ_TRACE_IRQ ? "i" : " ", e.func, e.work);
	}
}
