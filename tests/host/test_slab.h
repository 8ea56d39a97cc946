/*
 * tests/host/test_slab.h - what the two slab host tests share:
 * test_slab.c (the allocator's behaviour: reuse, constructors, alignment,
 * colouring, shrinking, the cpu slab, a random stress, kmalloc) and
 * test_slab_debug.c (the reports: poison, red zones, double and bad frees,
 * destroying a cache with objects).  Both are built with mm/slab.c,
 * mm/slab_geometry.c, mm/slab_debug.c, mm/slab_common.c and the real buddy
 * allocator (mm/page_alloc.c) on the arena of tests/host/shim.c.
 */
#ifndef NEST_TEST_SLAB_H
#define NEST_TEST_SLAB_H

#include <nest/slab.h>
#include <nest/mm.h>
#include <nest/string.h>
#include "tap.h"

/* tests/host/shim.c */
void host_mm_init(unsigned long nr_pages);
extern int host_quiet;
extern char host_last_printk[];

#define ARENA_PAGES	8192UL	/* 32 MiB */

/* The slab (head page) that holds @obj. */
static inline struct page *obj_slab(const void *obj)
{
	return compound_head(virt_to_page(obj));
}

/*
 * Walk @s's cpu slab and lists and check every counter against them; true
 * if consistent.  The cpu slab is on no list; its free objects are on
 * s->cpu_freelist.
 */
static inline bool cache_consistent(struct kmem_cache *s)
{
	unsigned long slabs = 0, frees = 0, inuse = 0, start = CPU_SLAB_NONE;
	unsigned int nr_free = 0;
	struct page *page;
	bool ok = true;

	if (s->cpu_slab) {
		for (void *p = s->cpu_freelist; p && nr_free <= s->num;
		     p = *freepointer_addr(s, p), nr_free++)
			ok &= obj_slab(p) == s->cpu_slab;
		ok &= nr_free <= s->num && !s->cpu_slab->freelist;
		slabs++, inuse += s->num - nr_free;
		if (!(s->flags & SLAB_DEBUG_FLAGS))
			start = (unsigned long)page_address(s->cpu_slab);
	}
	ok &= s->cpu_slab_start == start && (s->cpu_slab || !s->cpu_freelist);
	list_for_each_entry(page, &s->slabs_full, slab_list) {
		ok &= page->inuse == s->num && !page->freelist;
		slabs++, inuse += page->inuse;
	}
	list_for_each_entry(page, &s->slabs_partial, slab_list) {
		ok &= page->inuse > 0 && page->inuse < s->num && page->freelist;
		slabs++, inuse += page->inuse;
	}
	list_for_each_entry(page, &s->slabs_free, slab_list) {
		ok &= page->inuse == 0;
		slabs++, frees++;
	}
	ok &= slabs == s->num_slabs && frees == s->free_slabs &&
	      inuse == s->active_objs;
	if (!ok)
		printf("#   %s: %lu slabs (counter %lu), %lu free (%lu), %lu in use (%lu)\n",
		       s->name, slabs, s->num_slabs, frees, s->free_slabs, inuse,
		       s->active_objs);
	return ok;
}

#endif /* NEST_TEST_SLAB_H */
