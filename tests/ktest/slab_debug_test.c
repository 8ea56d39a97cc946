/*
 * tests/ktest/slab_debug_test.c - the second half of the `slab` suite
 * (registered in slab_test.c): the reports.  Destroying a cache with live
 * objects, a write after free under SLAB_POISON, an overflow into a red
 * zone, double frees (on top of the free list, under it, on the cpu
 * freelist) and frees of pointers that are no object of the cache are each
 * reported (mm/slab_debug.c), counted in slab_error_count and survived.
 *
 * These cases corrupt memory on purpose and check that the report was
 * made: their "BUG ..." lines in the transcript are expected.
 */
#include "slab_test.h"

/* Destroying a cache with live objects is reported, and the cache kept. */
void slab_destroy_with_live_objects(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("kt_leaky", 100, 0, 0, NULL);
	unsigned long errors = slab_error_count;

	KTEST_ASSERT_NOT_NULL(t, s);
	KTEST_ASSERT_TRUE(t, alloc_n(s, 3));
	kmem_cache_destroy(s);
	KTEST_EXPECT_EQ(t, slab_error_count, errors + 1);
	KTEST_EXPECT_TRUE(t, strstr(slab_last_report, "kt_leaky") != NULL);
	KTEST_EXPECT_TRUE(t, strstr(slab_last_report, "still has objects") != NULL);
	KTEST_EXPECT_EQ(t, s->active_objs, 3);
	ktest_info(t, "reported \"%s\"", slab_last_report);
	/* The cache survived: free the objects and destroy it for real. */
	free_n(s, 3);
	kmem_cache_destroy(s);
	KTEST_EXPECT_EQ(t, slab_error_count, errors + 1);
}

/* A write after free is found when the object is next allocated. */
void slab_poison_catches_write_after_free(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("kt_poison", 64, 0, SLAB_POISON, NULL);
	unsigned long errors = slab_error_count;
	unsigned char *a, *b;

	KTEST_ASSERT_NOT_NULL(t, s);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, a);
	KTEST_EXPECT_EQ(t, a[0], POISON_INUSE);
	kmem_cache_free(s, a);
	KTEST_EXPECT_EQ(t, a[0], POISON_FREE);
	KTEST_EXPECT_EQ(t, a[63], POISON_END);
	a[3] = 0x12;			/* the bug under test */
	b = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_EXPECT_PTR_EQ(t, b, a);
	KTEST_EXPECT_EQ(t, slab_error_count, errors + 1);
	KTEST_EXPECT_TRUE(t, !strcmp(slab_last_report, "BUG kt_poison: Poison overwritten"));
	ktest_info(t, "write at offset 3 after free: \"%s\"", slab_last_report);
	kmem_cache_free(s, b);
	/* Repaired: the same object again, no second report. */
	b = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_EXPECT_EQ(t, slab_error_count, errors + 1);
	kmem_cache_free(s, b);
	kmem_cache_destroy(s);
}

/* One byte past the end, and one before the start, hit the red zones. */
void slab_redzone_catches_overflow(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("kt_redzone", 20, 0, SLAB_RED_ZONE, NULL);
	unsigned long errors = slab_error_count;
	unsigned char *a;

	KTEST_ASSERT_NOT_NULL(t, s);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, a);
	a[20] = 0;			/* the bug under test */
	kmem_cache_free(s, a);
	KTEST_EXPECT_EQ(t, slab_error_count, errors + 1);
	KTEST_EXPECT_TRUE(t, !strcmp(slab_last_report, "BUG kt_redzone: Redzone overwritten"));
	ktest_info(t, "a[20] = 0 on a 20-byte object: \"%s\"", slab_last_report);
	/* It was repaired and freed: it comes back without a second report. */
	KTEST_EXPECT_PTR_EQ(t, kmem_cache_alloc(s, GFP_KERNEL), a);
	KTEST_EXPECT_EQ(t, slab_error_count, errors + 1);
	a[-1] = 0;
	kmem_cache_free(s, a);
	KTEST_EXPECT_EQ(t, slab_error_count, errors + 2);
	KTEST_EXPECT_EQ(t, s->active_objs, 0);
	kmem_cache_destroy(s);
}

/* Free a, b, a: the second free of a is caught and a is not listed twice. */
static void check_double_free(struct ktest *t, const char *name, slab_flags_t flags)
{
	struct kmem_cache *s = kmem_cache_create(name, 32, 0, flags, NULL);
	unsigned long errors = slab_error_count;
	unsigned int expect = 1;
	void *a, *b;

	KTEST_ASSERT_NOT_NULL(t, s);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_TRUE(t, a && b);
	kmem_cache_free(s, a);
	kmem_cache_free(s, a);		/* on top of the free list: always caught */
	KTEST_EXPECT_EQ(t, slab_error_count, errors + 1);
	kmem_cache_free(s, b);
	if (s->flags & SLAB_DEBUG_FLAGS) {
		kmem_cache_free(s, a);	/* under b: needs the debug checks */
		expect++;
	}
	KTEST_EXPECT_EQ(t, slab_error_count, errors + expect);
	KTEST_EXPECT_TRUE(t, strstr(slab_last_report, "double free") != NULL);
	KTEST_EXPECT_EQ(t, s->active_objs, 0);
	KTEST_ASSERT_TRUE(t, alloc_n(s, 3));
	KTEST_EXPECT_PTR_EQ(t, objs[0], b);
	KTEST_EXPECT_PTR_EQ(t, objs[1], a);
	KTEST_EXPECT_TRUE(t, objs[2] != a && objs[2] != b);
	KTEST_EXPECT_TRUE(t, kmem_cache_validate(s));
	free_n(s, 3);
	ktest_info(t, "%s: %u double frees reported, free list intact", name, expect);
	kmem_cache_destroy(s);
}

void slab_double_free_is_caught(struct ktest *t)
{
	check_double_free(t, "kt_df_plain", 0);
	check_double_free(t, "kt_df_redzone", SLAB_RED_ZONE);
	check_double_free(t, "kt_df_poison", SLAB_POISON);
}

/* Frees of things that are not this cache's objects are reported and ignored. */
void slab_bad_free_is_caught(struct ktest *t)
{
	struct kmem_cache *a = kmem_cache_create("kt_bad_a", 64, 0, SLAB_RED_ZONE, NULL);
	struct kmem_cache *b = kmem_cache_create("kt_bad_b", 64, 0, 0, NULL);
	unsigned long errors = slab_error_count;
	struct page *page = alloc_page(GFP_KERNEL);
	char *obj;

	KTEST_ASSERT_TRUE(t, a && b && page);
	obj = kmem_cache_alloc(a, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, obj);
	kmem_cache_free(b, obj);
	KTEST_EXPECT_TRUE(t, strstr(slab_last_report, "Wrong cache") != NULL);
	kmem_cache_free(a, obj + 8);
	KTEST_EXPECT_TRUE(t, strstr(slab_last_report, "Invalid object pointer") != NULL);
	kmem_cache_free(a, page_address(page));
	KTEST_EXPECT_TRUE(t, strstr(slab_last_report, "not a slab object") != NULL);
	kmem_cache_free(a, NULL);
	KTEST_EXPECT_EQ(t, slab_error_count, errors + 4);
	KTEST_EXPECT_EQ(t, a->active_objs, 1);
	kmem_cache_free(a, obj);
	KTEST_EXPECT_EQ(t, slab_error_count, errors + 4);
	ktest_info(t, "wrong cache, inside an object, a page and NULL: 4 reports");
	__free_page(page);
	kmem_cache_destroy(a);
	kmem_cache_destroy(b);
}

/* The cheap checks of kmem_cache_free() hold while a cpu slab is active. */
void slab_cpu_freelist_bad_frees(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("kt_cpu_df", 64, 0, 0, NULL);
	struct kmem_cache *other = kmem_cache_create("kt_cpu_other", 64, 0, 0, NULL);
	unsigned long errors = slab_error_count;
	void *mine;

	KTEST_ASSERT_TRUE(t, s && other);
	KTEST_ASSERT_TRUE(t, alloc_n(s, 2));
	mine = kmem_cache_alloc(other, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, mine);
	kmem_cache_free(s, objs[0]);
	KTEST_EXPECT_PTR_EQ(t, s->cpu_freelist, objs[0]);
	kmem_cache_free(s, objs[0]);		/* the bug under test */
	KTEST_EXPECT_EQ(t, slab_error_count, errors + 1);
	KTEST_EXPECT_TRUE(t, strstr(slab_last_report, "double free") != NULL);
	kmem_cache_free(other, objs[1]);	/* other has a cpu slab too */
	KTEST_EXPECT_EQ(t, slab_error_count, errors + 2);
	KTEST_EXPECT_TRUE(t, strstr(slab_last_report, "Wrong cache") != NULL);
	KTEST_EXPECT_EQ(t, s->active_objs, 1);
	KTEST_EXPECT_EQ(t, other->active_objs, 1);
	/* Listed once: it comes back, then a different object. */
	KTEST_EXPECT_PTR_EQ(t, kmem_cache_alloc(s, GFP_KERNEL), objs[0]);
	objs[2] = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_EXPECT_TRUE(t, objs[2] && objs[2] != objs[0] && objs[2] != objs[1]);
	KTEST_EXPECT_TRUE(t, kmem_cache_validate(s));
	free_n(s, 3);
	kmem_cache_free(other, mine);
	ktest_info(t, "double free on the cpu freelist and a wrong cache: 2 reports");
	kmem_cache_destroy(s);
	kmem_cache_destroy(other);
}
