/*
 * mm/slab_stats.c - per-cache statistics: how often the cpu slab served an
 * allocation or took a free (hits) and how often the lists had to (misses),
 * slabs made and given back, the high mark of objects out, refused frees.
 *
 * Linux's SLAB kept these counters when built with CONFIG_DEBUG_SLAB (the
 * STATS_INC_*() macros of mm/slab.c in Linux 4.x) and then printed them in
 * /proc/slabinfo, under the title "slabinfo - version: 2.1 (statistics)",
 * as two more groups of columns on every line (slabinfo_show_stats()):
 *
 *   : globalstat <listallocs> <maxobjs> <grown> <reaped> <error>
 *                <maxfreeable> <nodeallocs> <remotefrees> <alienoverflow>
 *   : cpustat <allochit> <allocmiss> <freehit> <freemiss>
 *
 * Nest counts always: the two fast-path counters are one add each, and the
 * rest sit on the slow paths (mm/slab.c; include/nest/slab.h says what
 * each one counts).  It shows them in that format only when booted with
 * `slab_stats`, so that by default /proc/slabinfo stays column for column
 * Linux's (the user tests compare it with the host's).  Nest has one node,
 * no per-CPU arrays and no alien caches, so <maxfreeable>, <nodeallocs>,
 * <remotefrees> and <alienoverflow> are 0, as the tunables are.
 *
 * Entry points: kmem_cache_stats() for tests and tools, and
 * slabinfo_show_stats() for slabinfo_show() in mm/slab_common.c.
 */
#include <nest/slab.h>
#include <nest/init.h>
#include <nest/string.h>
#include <nest/printk.h>

bool slab_stats;

/*
 * kmem_cache_stats - @s's counters into @st, read under the cache lock so
 * that they agree with each other.  Any context.
 */
void kmem_cache_stats(struct kmem_cache *s, struct kmem_cache_stats *st)
{
	/* BEGIN LAB 2 SOLUTION: copy the counters */
	unsigned long flags;

	spin_lock_irqsave(&s->lock, flags);
	st->allochit = s->allochit;
	st->allocmiss = s->allocmiss;
	st->freehit = s->freehit;
	st->freemiss = s->freemiss;
	st->num_allocations = s->num_allocations;
	st->high_mark = s->high_mark;
	st->grown = s->grown;
	st->reaped = s->reaped;
	st->errors = s->errors;
	spin_unlock_irqrestore(&s->lock, flags);
	/* END LAB 2 SOLUTION */
	/* BEGIN LAB 2 STARTER
	(void)s;
	memset(st, 0, sizeof(*st));
	END LAB 2 STARTER */
}

/* BEGIN LAB 2 SOLUTION: the report */
/*
 * slabinfo_show_stats - @s's statistics columns, Linux's format and
 * widths, into @buf (@size bytes, NUL-terminated, cut short if too small).
 * Called by slabinfo_show() with the cache list locked; takes s->lock.
 */
void slabinfo_show_stats(struct kmem_cache *s, char *buf, size_t size)
{
	struct kmem_cache_stats st;

	kmem_cache_stats(s, &st);
	snprintf(buf, size,
		 " : globalstat %7lu %6lu %5lu %4lu %4lu %4lu %4lu %4lu %4lu"
		 " : cpustat %6lu %6lu %6lu %6lu",
		 st.num_allocations, st.high_mark, st.grown, st.reaped,
		 st.errors, 0UL, 0UL, 0UL, 0UL,
		 st.allochit, st.allocmiss, st.freehit, st.freemiss);
}
/* END LAB 2 SOLUTION */

/*
 * `slab_stats` on the command line: /proc/slabinfo in Linux's statistics
 * format (see the top of this file).  Only the report changes; the
 * counters run either way.
 */
static int slab_stats_setup(char *arg)
{
	(void)arg;
	slab_stats = true;
	return 0;
}
__setup("slab_stats", slab_stats_setup);
