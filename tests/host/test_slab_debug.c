/*
 * tests/host/test_slab_debug.c - host unit tests of the slab allocator's
 * reports (mm/slab_debug.c, and the cheap checks every kmem_cache_free()
 * makes in mm/slab.c): a write after free under SLAB_POISON, an overflow
 * into a red zone, double frees (on top of the free list, under it, on the
 * cpu freelist), frees of pointers that are no object of the cache, and
 * kmem_cache_destroy() of a cache with live objects.  Built with ASan and
 * UBSan; tests/host/test_slab.c has the allocator's ordinary behaviour.
 *
 * Reports are silenced with host_quiet and checked through
 * slab_error_count, slab_last_report and host_last_printk.  The cases on
 * caches without debug flags run again with slab_debug_all set (as the
 * kernel's `slub_debug` test build), where the red zones and the free list
 * walk catch what the cheap checks alone do not.
 */
#include "test_slab.h"

TAP_TEST(slab_poison_catches_write_after_free)
{
	struct kmem_cache *s = kmem_cache_create("t_poison", 64, 0, SLAB_POISON, NULL);
	unsigned long errors = slab_error_count;
	unsigned char *a, *b;

	a = kmem_cache_alloc(s, GFP_KERNEL);
	TAP_EQ(a[0], POISON_INUSE);
	TAP_EQ(a[63], POISON_END);
	kmem_cache_free(s, a);
	TAP_EQ(a[0], POISON_FREE);
	host_quiet = 1;
	a[3] = 0x12;			/* the bug: a write after free */
	b = kmem_cache_alloc(s, GFP_KERNEL);
	host_quiet = 0;
	TAP_CHECK(b == a);
	TAP_EQ(slab_error_count, errors + 1);
	TAP_CHECK(!strcmp(slab_last_report, "BUG t_poison: Poison overwritten"));
	TAP_CHECK(strstr(host_last_printk, "FIX t_poison: Restoring poison") != NULL);
	TAP_EQ(b[3], POISON_INUSE);	/* handed out as a fresh object */
	kmem_cache_free(s, b);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	TAP_EQ(slab_error_count, errors + 1);	/* no second report */
	kmem_cache_free(s, b);
	kmem_cache_destroy(s);
}

TAP_TEST(slab_redzone_catches_overflow)
{
	struct kmem_cache *s = kmem_cache_create("t_redzone", 20, 0, SLAB_RED_ZONE, NULL);
	unsigned long errors = slab_error_count;
	unsigned char *a, *b;

	a = kmem_cache_alloc(s, GFP_KERNEL);
	host_quiet = 1;
	a[20] = 0;			/* one byte past the object */
	kmem_cache_free(s, a);
	host_quiet = 0;
	TAP_EQ(slab_error_count, errors + 1);
	TAP_CHECK(!strcmp(slab_last_report, "BUG t_redzone: Redzone overwritten"));
	TAP_CHECK(strstr(host_last_printk, "FIX t_redzone: Restoring redzone") != NULL);
	/* Repaired and freed: it comes back with no second report. */
	b = kmem_cache_alloc(s, GFP_KERNEL);
	TAP_CHECK(b == a);
	TAP_EQ(slab_error_count, errors + 1);
	host_quiet = 1;
	b[-1] = 0;			/* and one byte before it */
	kmem_cache_free(s, b);
	host_quiet = 0;
	TAP_EQ(slab_error_count, errors + 2);
	TAP_EQ(s->active_objs, 0);
	kmem_cache_destroy(s);
}

/* Free a, b, then a again: caught, and a is not on the free list twice. */
static void check_double_free(slab_flags_t flags, const char *name)
{
	struct kmem_cache *s = kmem_cache_create(name, 32, 0, flags, NULL);
	unsigned long errors = slab_error_count;
	void *a, *b, *x, *y, *z;

	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	kmem_cache_free(s, a);
	host_quiet = 1;
	kmem_cache_free(s, a);		/* on top of the free list: the cheap check */
	TAP_EQ(slab_error_count, errors + 1);
	kmem_cache_free(s, b);
	if (flags & SLAB_DEBUG_FLAGS || slab_debug_all) {
		kmem_cache_free(s, a);	/* under b: red zone or free list walk */
		TAP_EQ(slab_error_count, errors + 2);
	}
	host_quiet = 0;
	TAP_CHECK(strstr(slab_last_report, "double free") != NULL);
	TAP_CHECK(strstr(slab_last_report, name) != NULL);
	TAP_EQ(s->active_objs, 0);
	x = kmem_cache_alloc(s, GFP_KERNEL);
	y = kmem_cache_alloc(s, GFP_KERNEL);
	z = kmem_cache_alloc(s, GFP_KERNEL);
	TAP_CHECK(x == b && y == a);
	TAP_CHECK(z != a && z != b);
	TAP_CHECK(kmem_cache_validate(s));
	kmem_cache_free(s, x);
	kmem_cache_free(s, y);
	kmem_cache_free(s, z);
	kmem_cache_destroy(s);
}

TAP_TEST(slab_double_free_is_caught)
{
	check_double_free(0, "t_df_plain");
	check_double_free(SLAB_RED_ZONE, "t_df_redzone");
	check_double_free(SLAB_POISON, "t_df_poison");
}

TAP_TEST(slab_bad_pointers_are_caught)
{
	struct kmem_cache *a = kmem_cache_create("t_bad_a", 64, 0, SLAB_RED_ZONE, NULL);
	struct kmem_cache *b = kmem_cache_create("t_bad_b", 64, 0, 0, NULL);
	unsigned long errors = slab_error_count;
	struct page *page = alloc_page(GFP_KERNEL);
	char *obj = kmem_cache_alloc(a, GFP_KERNEL);
	int local;

	host_quiet = 1;
	kmem_cache_free(b, obj);
	TAP_EQ(slab_error_count, errors + 1);
	TAP_CHECK(strstr(slab_last_report, "BUG t_bad_b: Wrong cache") != NULL);
	TAP_CHECK(strstr(slab_last_report, "belongs to t_bad_a") != NULL);
	kmem_cache_free(a, obj + 8);	/* inside an object */
	TAP_EQ(slab_error_count, errors + 2);
	TAP_CHECK(strstr(slab_last_report, "Invalid object pointer") != NULL);
	kmem_cache_free(a, page_address(page));	/* a page, not a slab */
	kmem_cache_free(a, &local);		/* not even in memory */
	kmem_cache_free(a, NULL);
	kfree(&local);
	TAP_EQ(slab_error_count, errors + 6);
	host_quiet = 0;
	TAP_EQ(a->active_objs, 1);	/* nothing was freed */
	kmem_cache_free(a, obj);
	TAP_EQ(slab_error_count, errors + 6);
	__free_page(page);
	kmem_cache_destroy(a);
	kmem_cache_destroy(b);
}

/* A double free on top of the cpu freelist, a wrong cache with a cpu slab. */
TAP_TEST(slab_cpu_freelist_bad_frees)
{
	struct kmem_cache *s = kmem_cache_create("t_cpu_df", 64, 0, 0, NULL);
	struct kmem_cache *other = kmem_cache_create("t_cpu_other", 64, 0, 0, NULL);
	unsigned long errors = slab_error_count;
	void *a = kmem_cache_alloc(s, GFP_KERNEL);
	void *b = kmem_cache_alloc(s, GFP_KERNEL);
	void *mine = kmem_cache_alloc(other, GFP_KERNEL);
	void *x, *y;

	kmem_cache_free(s, a);
	TAP_CHECK(s->cpu_freelist == a);
	host_quiet = 1;
	kmem_cache_free(s, a);
	TAP_EQ(slab_error_count, errors + 1);
	TAP_CHECK(strstr(slab_last_report, "double free") != NULL);
	kmem_cache_free(other, b);
	host_quiet = 0;
	TAP_EQ(slab_error_count, errors + 2);
	TAP_CHECK(strstr(slab_last_report, "Wrong cache") != NULL);
	TAP_EQ(s->active_objs, 1);
	x = kmem_cache_alloc(s, GFP_KERNEL);
	y = kmem_cache_alloc(s, GFP_KERNEL);
	TAP_CHECK(x == a && y != a && y != b);
	TAP_CHECK(kmem_cache_validate(s));
	kmem_cache_free(s, x);
	kmem_cache_free(s, y);
	kmem_cache_free(s, b);
	kmem_cache_free(other, mine);
	kmem_cache_destroy(s);
	kmem_cache_destroy(other);
}

/* Is @s on slab_caches? */
static bool cache_listed(struct kmem_cache *s)
{
	struct kmem_cache *c;

	list_for_each_entry(c, &slab_caches, list)
		if (c == s)
			return true;
	return false;
}

TAP_TEST(slab_destroy_with_live_objects_is_reported)
{
	struct kmem_cache *s = kmem_cache_create("t_leaky", 100, 0, 0, NULL);
	unsigned long errors = slab_error_count;
	unsigned long caches = kmem_cache->active_objs;
	void *objs[3];
	unsigned int i;

	for (i = 0; i < 3; i++)
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
	host_quiet = 1;
	kmem_cache_destroy(s);
	host_quiet = 0;
	TAP_EQ(slab_error_count, errors + 1);
	TAP_CHECK(!strcmp(slab_last_report,
			  "kmem_cache_destroy t_leaky: Slab cache still has objects"));
	TAP_CHECK(cache_listed(s));	/* kept, so the objects stay valid */
	for (i = 0; i < 3; i++)
		kmem_cache_free(s, objs[i]);
	kmem_cache_destroy(s);
	TAP_EQ(slab_error_count, errors + 1);
	TAP_CHECK(!cache_listed(s));
	TAP_EQ(kmem_cache->active_objs, caches - 1);
}


int main(void)
{
	host_mm_init(ARENA_PAGES);
	kmem_cache_init();

	TAP_RUN(slab_poison_catches_write_after_free);
	TAP_RUN(slab_redzone_catches_overflow);
	TAP_RUN(slab_double_free_is_caught);
	TAP_RUN(slab_bad_pointers_are_caught);
	TAP_RUN(slab_cpu_freelist_bad_frees);
	TAP_RUN(slab_destroy_with_live_objects_is_reported);

	/* Again with every new cache debugged, as the `slub_debug` build. */
	printf("# the cache tests again with slab_debug_all\n");
	slab_debug_all = true;
	TAP_RUN(slab_cpu_freelist_bad_frees);
	TAP_RUN(slab_double_free_is_caught);
	TAP_RUN(slab_destroy_with_live_objects_is_reported);
	slab_debug_all = false;
	return tap_done();
}
