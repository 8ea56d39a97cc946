/*
 * mm/slab_reap.c - the periodic slab reaper, as Linux's cache_reap() in
 * mm/slab.c: every SLAB_REAP_INTERVAL (2 s) a work item on system_wq gives
 * each cache's empty slabs back to the page allocator, keeping
 * SLAB_REAP_KEEP (1) per cache for its next allocations.  The effect shows
 * in the slabinfo report: <num_slabs> falls to <active_slabs> plus at most
 * one for each cache after a burst of frees.
 *
 * A cache already gives back empties beyond one on slabs_free as objects
 * are freed (SLAB_FREE_SLABS_KEEP in mm/slab.c); what only the reaper
 * frees is an empty cpu slab with another empty one behind it, the pages
 * an idle cache would hold for ever.
 *
 * The work item re-arms itself, so it is always pending; its timer is
 * deferrable (Linux: INIT_DEFERRABLE_WORK), which keeps it out of
 * nr_pending_timers().  It cannot upset the ktest leak gate: it allocates
 * nothing, frees only empty slabs, which the gate's kmem_cache_shrink_all()
 * frees before each snapshot anyway, and runs only when the test task
 * sleeps, never inside a snapshot.
 *
 * Started by workqueue_init(); calls mm/slab.c and mm/slab_common.c.
 */
#include <nest/slab.h>
#include <nest/workqueue.h>
#include <nest/printk.h>

static void slab_reap(struct work_struct *work);

DECLARE_DEFERRABLE_WORK(slab_reap_work, slab_reap);
unsigned long slab_reap_runs;
unsigned long slab_reap_freed;

/* One pass over the caches, then again in SLAB_REAP_INTERVAL.  A worker. */
static void slab_reap(struct work_struct *work)
{
	unsigned long freed = kmem_cache_shrink_all_keep(SLAB_REAP_KEEP);

	slab_reap_runs++;
	slab_reap_freed += freed;
	if (freed)
		pr_debug("slab_reap: %lu empty slabs given back\n", freed);
	schedule_delayed_work(&slab_reap_work, SLAB_REAP_INTERVAL);
}

/* slab_reap_init - arm the reaper; needs system_wq.  Process context. */
void slab_reap_init(void)
{
	schedule_delayed_work(&slab_reap_work, SLAB_REAP_INTERVAL);
}
