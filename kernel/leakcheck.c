/*
 * kernel/leakcheck.c - the leak gate around init (include/nest/leakcheck.h).
 *
 * Only growth counts: a cache with more active objects than before, fewer
 * free pages, more kernel stacks or tasks.  Shrinking is fine (init's own
 * file table, say, is freed at its exit but existed at the snapshot).
 */
#include <nest/leakcheck.h>
#include <nest/init.h>
#include <nest/slab.h>
#include <nest/mm.h>
#include <nest/vmalloc.h>
#include <nest/sched.h>
#include <nest/signal.h>
#include <nest/workqueue.h>
#include <nest/pid_namespace.h>
#include <nest/pid.h>
#include <nest/printk.h>
#include <nest/string.h>

/* Rounds of the workqueue: freeing a namespace queues its parent's. */
#define LEAKCHECK_DRAIN_ROUNDS	(MAX_PID_NS_LEVEL + 2)

static bool leakcheck_enabled;
static struct slab_snapshot before, after;
static unsigned long stacks_before, threads_before;

static int leakcheck_setup(char *arg)
{
	(void)arg;
	leakcheck_enabled = true;
	return 0;
}
__setup("leakcheck", leakcheck_setup);

void leakcheck_begin(void)
{
	unsigned int n;

	if (!leakcheck_enabled)
		return;
	/*
	 * The struct pid caches are made when a level is first used and
	 * never destroyed, as in Linux: make them all now, so their creation
	 * during the program is not taken for a leak.
	 */
	for (n = 1; n <= MAX_PID_NS_LEVEL + 1; n++)
		create_pid_cachep(n);
	slab_snapshot_take(&before);
	stacks_before = nr_thread_stacks();
	threads_before = nr_threads();
}

/* The active count of the cache named @name in @snap, or 0 if absent. */
static unsigned long active_in(const struct slab_snapshot *snap, const char *name)
{
	unsigned int i;

	for (i = 0; i < snap->nr; i++)
		if (!strcmp(snap->entry[i].name, name))
			return snap->entry[i].active;
	return 0;
}

bool leakcheck_end(void)
{
	unsigned int i, leaks = 0, round;

	if (!leakcheck_enabled)
		return true;
	/* Pending work (dead namespaces) frees memory: let it finish. */
	for (round = 0; round < LEAKCHECK_DRAIN_ROUNDS; round++)
		flush_workqueue(system_wq);
	flush_sigqueue(&current->pending);
	slab_snapshot_take(&after);

	for (i = 0; i < after.nr; i++) {
		unsigned long was = active_in(&before, after.entry[i].name);

		if (after.entry[i].active > was) {
			pr_err("leakcheck: cache %s: active objects %lu -> %lu\n",
			       after.entry[i].name, was, after.entry[i].active);
			leaks++;
		}
	}
	if (after.free_pages < before.free_pages) {
		pr_err("leakcheck: free pages %lu -> %lu\n", before.free_pages,
		       after.free_pages);
		leaks++;
	}
	if (nr_thread_stacks() > stacks_before || nr_threads() > threads_before) {
		pr_err("leakcheck: kernel stacks %lu -> %lu, tasks %lu -> %lu\n",
		       stacks_before, nr_thread_stacks(), threads_before, nr_threads());
		leaks++;
	}
	pr_notice("leakcheck: %u leaks\n", leaks);
	return leaks == 0;
}
