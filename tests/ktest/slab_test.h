/*
 * tests/ktest/slab_test.h - what the two halves of the `slab` suite share:
 * slab_test.c (the allocator's behaviour, and the suite itself) and
 * slab_debug_test.c (the reports: poison, red zones, double and bad frees,
 * destroying a cache with objects).
 */
#ifndef NEST_TESTS_SLAB_TEST_H
#define NEST_TESTS_SLAB_TEST_H

#include <nest/ktest.h>
#include <nest/slab.h>
#include <nest/mm.h>
#include <nest/string.h>

#define MAX_TEST_OBJECTS	256	/* objects one case holds at most */

/* The objects a case holds (slab_test.c); alloc_n() and free_n() fill it. */
extern void *objs[MAX_TEST_OBJECTS];

/* The slab (head page) that holds @obj. */
static inline struct page *obj_slab(const void *obj)
{
	return compound_head(virt_to_page(obj));
}

/* Allocate @n objects of @s into objs[]; false if one failed. */
bool alloc_n(struct kmem_cache *s, unsigned int n);

/* Free objs[0] .. objs[@n - 1] to @s. */
void free_n(struct kmem_cache *s, unsigned int n);

/* The cases of slab_debug_test.c. */
void slab_destroy_with_live_objects(struct ktest *t);
void slab_poison_catches_write_after_free(struct ktest *t);
void slab_redzone_catches_overflow(struct ktest *t);
void slab_double_free_is_caught(struct ktest *t);
void slab_bad_free_is_caught(struct ktest *t);
void slab_cpu_freelist_bad_frees(struct ktest *t);

#endif /* NEST_TESTS_SLAB_TEST_H */
