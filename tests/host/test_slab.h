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

#endif /* NEST_TEST_SLAB_H */
