/*
 * tests/host/test_slab.c - host unit tests of the slab allocator and
 * kmalloc (mm/slab.c, mm/slab_geometry.c, mm/slab_common.c) on top of the
 * real buddy allocator (mm/page_alloc.c), built with ASan and UBSan:
 * reuse, constructors, alignment, colouring, big objects, shrinking, the
 * cpu slab, a seeded random stress and the kmalloc size classes.  The
 * reports of mm/slab_debug.c are tested in tests/host/test_slab_debug.c.
 *
 * The cache tests run twice: as written, then with slab_debug_all set (as
 * the kernel's `slub_debug` test build), so the debug layout (red zones,
 * free pointer after the object, track) goes through the same checks.
 * /proc/slabinfo and the leak gate's snapshots are tested in the kernel
 * (tests/ktest/kmalloc_test.c).
 */
#include "test_slab.h"

/* A seeded xorshift32, so every run makes the same choices. */
static u32 rng_state;

static u32 rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 17;
	rng_state ^= rng_state << 5;
	return rng_state;
}

TAP_TEST(slab_reuses_freed_object)
{
	struct kmem_cache *s = kmem_cache_create("t_reuse", 48, 0, 0, NULL);
	void *a, *b, *c;

	TAP_CHECK(s != NULL);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	kmem_cache_free(s, a);
	TAP_CHECK(kmem_cache_alloc(s, GFP_KERNEL) == a);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	c = kmem_cache_alloc(s, GFP_KERNEL);
	TAP_CHECK(a != b && b != c && a != c);
	kmem_cache_free(s, a);
	kmem_cache_free(s, b);
	kmem_cache_free(s, c);
	/* LIFO: the last freed comes back first. */
	TAP_CHECK(kmem_cache_alloc(s, GFP_KERNEL) == c);
	TAP_CHECK(kmem_cache_alloc(s, GFP_KERNEL) == b);
	TAP_CHECK(kmem_cache_alloc(s, GFP_KERNEL) == a);
	TAP_EQ(s->active_objs, 3);
	TAP_CHECK(kmem_cache_validate(s));
	kmem_cache_free(s, a);
	kmem_cache_free(s, b);
	kmem_cache_free(s, c);
	TAP_EQ(s->active_objs, 0);
	/* One object allocated and freed over and over moves no slab. */
	unsigned long pages = nr_free_pages();

	for (int i = 0; i < 100; i++)
		kmem_cache_free(s, kmem_cache_alloc(s, GFP_KERNEL));
	TAP_EQ(nr_free_pages(), pages);
	TAP_EQ(s->num_slabs, 1);
	TAP_CHECK(s->cpu_slab && list_empty(&s->slabs_partial) && list_empty(&s->slabs_free));
	kmem_cache_destroy(s);
}

struct ctor_obj {
	u32 magic;
	u32 state;
	char pad[56];
};

#define CTOR_MAGIC	0xC0C0A000u
static unsigned long ctor_calls;

static void test_ctor(void *p)
{
	struct ctor_obj *o = p;

	o->magic = CTOR_MAGIC;
	o->state = 0;
	ctor_calls++;
}

TAP_TEST(slab_ctor_runs_once_per_object)
{
	struct kmem_cache *s;
	struct ctor_obj *o, *again, **objs;
	unsigned int i;

	ctor_calls = 0;
	s = kmem_cache_create("t_ctor", sizeof(struct ctor_obj), 0, 0, test_ctor);
	TAP_CHECK(s != NULL);
	o = kmem_cache_alloc(s, GFP_KERNEL);
	TAP_EQ(ctor_calls, s->num);	/* the whole slab, at creation */
	TAP_EQ(o->magic, CTOR_MAGIC);
	o->state = 7;			/* state the ctor did not set survives... */
	kmem_cache_free(s, o);
	again = kmem_cache_alloc(s, GFP_KERNEL);
	TAP_CHECK(again == o);
	TAP_EQ(again->magic, CTOR_MAGIC);
	TAP_EQ(again->state, 7);	/* ...because the free pointer is elsewhere */
	TAP_EQ(ctor_calls, s->num);	/* and no ctor call on reuse */

	objs = calloc(s->num + 1, sizeof(*objs));
	for (i = 0; i < s->num + 1; i++)
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
	TAP_EQ(ctor_calls, 2 * s->num);	/* a second slab */
	for (i = 0; i < s->num + 1; i++) {
		TAP_EQ(objs[i]->magic, CTOR_MAGIC);
		kmem_cache_free(s, objs[i]);
	}
	kmem_cache_free(s, again);
	free(objs);
	kmem_cache_destroy(s);
}

/* Allocate 2*num+1 objects of @s (three slabs) and check their alignment. */
static void check_alignment(struct kmem_cache *s, unsigned int want)
{
	unsigned int i, n = 2 * s->num + 1;
	void **objs = calloc(n, sizeof(*objs));

	TAP_EQ(s->align, want);
	for (i = 0; i < n; i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		TAP_EQ((unsigned long)objs[i] % want, 0);
	}
	for (i = 0; i < n; i++)
		kmem_cache_free(s, objs[i]);
	free(objs);
	kmem_cache_destroy(s);
}

TAP_TEST(slab_alignment)
{
	check_alignment(kmem_cache_create("t_align32", 40, 32, 0, NULL), 32);
	check_alignment(kmem_cache_create("t_align128", 200, 128, 0, NULL), 128);
	/* HWCACHE: a line for objects over half a line, half a line for 20 bytes. */
	check_alignment(kmem_cache_create("t_hw40", 40, 0, SLAB_HWCACHE_ALIGN, NULL),
			L1_CACHE_BYTES);
	check_alignment(kmem_cache_create("t_hw20", 20, 0, SLAB_HWCACHE_ALIGN, NULL),
			L1_CACHE_BYTES / 2);
	/* Without a request: still u64 and pointer aligned. */
	check_alignment(kmem_cache_create("t_align0", 12, 0, 0, NULL),
			ARCH_SLAB_MINALIGN);
}

TAP_TEST(slab_colouring)
{
	struct kmem_cache *s = kmem_cache_create("t_colour", 488, 0, 0, NULL);
	unsigned int nslabs, i, made = 0, n;
	void **objs;

	TAP_CHECK(s->colour >= 2);
	TAP_EQ(s->colour_off, L1_CACHE_BYTES);
	/* colour + 1 slabs, so the colours wrap around once. */
	nslabs = s->colour + 1;
	n = nslabs * s->num;
	objs = calloc(n, sizeof(*objs));
	printf("# colour %u x %u bytes, %u objects per slab:", s->colour,
	       s->colour_off, s->num);
	for (i = 0; i < n; i++) {
		unsigned long before = s->num_slabs;

		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		if (s->num_slabs == before)
			continue;
		/* A new slab: its first object sits at the next colour. */
		struct page *page = obj_slab(objs[i]);
		unsigned int want = (made % s->colour) * s->colour_off;

		printf(" %u", page->s_colour);
		TAP_EQ(page->s_colour, want);
		TAP_CHECK(objs[i] == (char *)page_address(page) + want + s->obj_offset);
		made++;
	}
	printf("\n");
	TAP_EQ(made, nslabs);
	for (i = 0; i < n; i++)
		kmem_cache_free(s, objs[i]);
	free(objs);
	kmem_cache_destroy(s);
}

TAP_TEST(slab_objects_larger_than_a_page)
{
	struct kmem_cache *s = kmem_cache_create("t_big5000", 5000, 0, 0, NULL);
	unsigned int i, j, n;
	unsigned char **objs;

	TAP_CHECK(s->gfporder >= 1);
	TAP_CHECK(s->num >= 2);
	TAP_CHECK((unsigned long)s->num * s->size <= PAGE_SIZE << s->gfporder);
	printf("# 5000-byte objects: order %u, %u per slab, stride %u\n",
	       s->gfporder, s->num, s->size);
	n = 3 * s->num + 1;
	objs = calloc(n, sizeof(*objs));
	for (i = 0; i < n; i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		memset(objs[i], i & 0xff, 5000);
	}
	for (i = 0; i < n; i++) {
		TAP_CHECK(!memchr_inv(objs[i], i & 0xff, 5000));
		for (j = 0; j < i; j++)
			TAP_CHECK(objs[i] + 5000 <= objs[j] || objs[j] + 5000 <= objs[i]);
	}
	for (i = 0; i < n; i++)
		kmem_cache_free(s, objs[i]);
	free(objs);
	kmem_cache_destroy(s);
}

TAP_TEST(slab_one_object_per_slab)
{
	struct kmem_cache *s = kmem_cache_create("t_huge", 20000, 0, 0, NULL);
	unsigned long start = nr_free_pages();
	void *a, *b, *c;

	TAP_EQ(s->num, 1);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	c = kmem_cache_alloc(s, GFP_KERNEL);
	TAP_CHECK(a && b && c && a != b && b != c);
	TAP_EQ(s->num_slabs, 3);
	TAP_CHECK(list_empty(&s->slabs_partial) && s->cpu_slab == obj_slab(c));
	kmem_cache_free(s, b);		/* kept on slabs_free */
	TAP_CHECK(kmem_cache_validate(s));
	kmem_cache_free(s, a);		/* one too many: back to the buddy allocator */
	kmem_cache_free(s, c);		/* the cpu slab stays, empty */
	TAP_CHECK(kmem_cache_validate(s));
	TAP_EQ(s->num_slabs, 2);
	TAP_CHECK(kmem_cache_alloc(s, GFP_KERNEL) == c);
	kmem_cache_free(s, c);
	kmem_cache_shrink(s);
	TAP_EQ(nr_free_pages(), start);
	kmem_cache_destroy(s);
}

TAP_TEST(slab_shrink_returns_pages)
{
	struct kmem_cache *s = kmem_cache_create("t_shrink", 256, 0, 0, NULL);
	unsigned long start = nr_free_pages();
	unsigned int i, n = 5 * s->num;
	void **objs = calloc(n, sizeof(*objs));

	for (i = 0; i < n; i++)
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
	TAP_EQ(s->num_slabs, 5);
	TAP_EQ(nr_free_pages(), start - (5UL << s->gfporder));
	for (i = 0; i < n; i++)
		kmem_cache_free(s, objs[i]);
	/*
	 * Empty slabs went back as they emptied, but for the cpu slab and
	 * one kept on slabs_free.
	 */
	TAP_EQ(s->num_slabs, 2);
	TAP_EQ(s->free_slabs, 1);
	TAP_EQ(nr_free_pages(), start - (2UL << s->gfporder));
	TAP_CHECK(kmem_cache_validate(s));
	TAP_EQ(kmem_cache_shrink(s), 0);
	TAP_EQ(s->num_slabs, 0);
	TAP_EQ(nr_free_pages(), start);
	free(objs);
	kmem_cache_destroy(s);
}

/* The cpu slab changes when used up; frees elsewhere move only their slab. */
TAP_TEST(slab_cpu_slab_changes)
{
	struct kmem_cache *s = kmem_cache_create("t_cpu_slab", 96, 0, 0, NULL);
	unsigned int i, n = s->num;
	void **objs = calloc(2 * n, sizeof(*objs));
	struct page *first, *second;

	for (i = 0; i <= n; i++)
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
	first = obj_slab(objs[0]);
	second = obj_slab(objs[n]);
	TAP_CHECK(first != second && s->cpu_slab == second);
	kmem_cache_free(s, objs[0]);	/* full -> partial */
	TAP_CHECK(s->slabs_partial.next == &first->slab_list);
	kmem_cache_free(s, objs[n]);	/* onto the cpu freelist */
	TAP_CHECK(s->cpu_freelist == objs[n]);
	TAP_EQ(s->active_objs, n - 1);
	TAP_CHECK(kmem_cache_validate(s));
	for (i = n; i < 2 * n; i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		TAP_CHECK(obj_slab(objs[i]) == second);
	}
	objs[0] = kmem_cache_alloc(s, GFP_KERNEL);	/* second used up */
	TAP_CHECK(s->cpu_slab == first && obj_slab(objs[0]) == first);
	TAP_CHECK(s->slabs_full.next == &second->slab_list);
	TAP_CHECK(kmem_cache_validate(s));
	/* A zeroed object from the cpu freelist is zeroed. */
	memset(objs[0], 0xab, 96);
	kmem_cache_free(s, objs[0]);
	objs[0] = kmem_cache_zalloc(s, GFP_KERNEL);
	TAP_CHECK(obj_slab(objs[0]) == first && !memchr_inv(objs[0], 0, 96));
	for (i = 0; i < 2 * n; i++)
		kmem_cache_free(s, objs[i]);
	TAP_EQ(s->active_objs, 0);
	TAP_CHECK(kmem_cache_validate(s));
	free(objs);
	kmem_cache_destroy(s);
}

/* Shrink deactivates the cpu slab: a used one is filed, an empty one freed. */
TAP_TEST(slab_shrink_with_cpu_freelist)
{
	struct kmem_cache *s = kmem_cache_create("t_cpu_shrink", 128, 0, 0, NULL);
	unsigned long start = nr_free_pages();
	void *a = kmem_cache_alloc(s, GFP_KERNEL);
	void *b = kmem_cache_alloc(s, GFP_KERNEL);
	void *c = kmem_cache_alloc(s, GFP_KERNEL);
	struct page *page = s->cpu_slab;

	kmem_cache_free(s, c);
	TAP_CHECK(s->cpu_freelist == c);
	kmem_cache_shrink(s);
	TAP_CHECK(!s->cpu_slab && page->inuse == 2 && page->freelist == c);
	TAP_CHECK(s->slabs_partial.next == &page->slab_list);
	TAP_EQ(nr_free_pages(), start - (1UL << s->gfporder));
	TAP_CHECK(kmem_cache_validate(s));
	TAP_CHECK(kmem_cache_alloc(s, GFP_KERNEL) == c && s->cpu_slab == page);
	kmem_cache_free(s, a);
	kmem_cache_free(s, b);
	kmem_cache_free(s, c);
	TAP_EQ(s->num_slabs, 1);	/* all free, on the cpu freelist */
	kmem_cache_shrink(s);
	TAP_EQ(s->num_slabs, 0);
	TAP_EQ(nr_free_pages(), start);
	kmem_cache_destroy(s);
}

/* The counters are exact while objects sit on a cpu freelist. */
TAP_TEST(slab_cpu_slab_counts_are_exact)
{
	struct kmem_cache *s = kmem_cache_create("t_cpu_info", 200, 0, 0, NULL);
	void *objs[5];
	struct slabinfo si;
	unsigned int i;

	for (i = 0; i < 5; i++)
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
	kmem_cache_free(s, objs[1]);
	kmem_cache_free(s, objs[3]);
	get_slabinfo(s, &si);
	TAP_CHECK(s->cpu_slab != NULL);
	TAP_EQ(si.active_objs, 3);
	TAP_EQ(si.num_objs, s->num);
	TAP_EQ(si.active_slabs, 1);
	TAP_EQ(si.num_slabs, 1);
	kmem_cache_free(s, objs[0]);
	kmem_cache_free(s, objs[2]);
	kmem_cache_free(s, objs[4]);
	TAP_CHECK(kmem_cache_validate(s));
	kmem_cache_destroy(s);
}

#define STRESS_STEPS	100000
#define STRESS_SLOTS	1024
#define STRESS_CACHES	5

/* The 8-byte pattern a live object carries at both ends. */
static u64 stress_pattern(unsigned int slot, u64 gen)
{
	return (gen << 32) ^ (0x9E3779B97F4A7C15ULL * (slot + 1));
}

struct extent {
	unsigned long start, end;
};

static int cmp_extent(const void *a, const void *b)
{
	unsigned long x = ((const struct extent *)a)->start;
	unsigned long y = ((const struct extent *)b)->start;

	return x < y ? -1 : x > y;
}

TAP_TEST(slab_random_stress)
{
	static const unsigned int sizes[STRESS_CACHES] = { 16, 72, 300, 1500, 20000 };
	static const unsigned int aligns[STRESS_CACHES] = { 0, 8, 64, 0, 0 };
	struct kmem_cache *caches[STRESS_CACHES];
	static struct { char *p; u64 pat; unsigned int c; } live[STRESS_SLOTS];
	static struct extent sorted[STRESS_SLOTS];
	char name[KMEM_CACHE_NAME_LEN];
	unsigned long count[STRESS_CACHES] = { 0 }, start, bad = 0;
	unsigned int i, step, n;

	for (i = 0; i < STRESS_CACHES; i++) {
		snprintf(name, sizeof(name), "t_stress%u", sizes[i]);
		caches[i] = kmem_cache_create(name, sizes[i], aligns[i],
					      i == 3 ? SLAB_HWCACHE_ALIGN : 0, NULL);
	}
	start = nr_free_pages();
	rng_state = 2024;
	for (step = 0; step < STRESS_STEPS; step++) {
		unsigned int slot = rng() % STRESS_SLOTS, c;

		if (live[slot].p) {
			c = live[slot].c;
			if (memcmp(live[slot].p, &live[slot].pat, 8) ||
			    memcmp(live[slot].p + sizes[c] - 8, &live[slot].pat, 8))
				bad++;
			kmem_cache_free(caches[c], live[slot].p);
			live[slot].p = NULL;
			count[c]--;
		} else {
			c = rng() % STRESS_CACHES;
			live[slot].p = kmem_cache_alloc(caches[c], GFP_KERNEL);
			live[slot].c = c;
			live[slot].pat = stress_pattern(slot, step);
			memcpy(live[slot].p, &live[slot].pat, 8);
			memcpy(live[slot].p + sizes[c] - 8, &live[slot].pat, 8);
			count[c]++;
		}
		if (step % 10000)
			continue;
		/* Invariants: counters match the lists, objects do not overlap. */
		for (c = 0; c < STRESS_CACHES; c++) {
			TAP_EQ(caches[c]->active_objs, count[c]);
			TAP_CHECK(kmem_cache_validate(caches[c]));
		}
		for (i = n = 0; i < STRESS_SLOTS; i++) {
			if (!live[i].p)
				continue;
			sorted[n].start = (unsigned long)live[i].p;
			sorted[n++].end = (unsigned long)live[i].p + sizes[live[i].c];
		}
		qsort(sorted, n, sizeof(sorted[0]), cmp_extent);
		for (i = 1; i < n; i++)
			TAP_CHECK(sorted[i - 1].end <= sorted[i].start);
	}
	TAP_EQ(bad, 0);
	printf("# %u steps: %lu + %lu + %lu + %lu + %lu live objects (20000-byte slabs hold %u)\n",
	       STRESS_STEPS, count[0], count[1], count[2], count[3], count[4],
	       caches[4]->num);
	for (i = 0; i < STRESS_SLOTS; i++) {
		if (live[i].p)
			kmem_cache_free(caches[live[i].c], live[i].p);
		live[i].p = NULL;
	}
	for (i = 0; i < STRESS_CACHES; i++) {
		TAP_EQ(caches[i]->active_objs, 0);
		kmem_cache_shrink(caches[i]);
	}
	TAP_EQ(nr_free_pages(), start);
	for (i = 0; i < STRESS_CACHES; i++)
		kmem_cache_destroy(caches[i]);
}

/* Each size class, then whole pages beyond kmalloc-2048; kfree gives all back. */
TAP_TEST(kmalloc_sizes_and_kfree)
{
	static const size_t sizes[] = {
		1, 8, 9, 16, 17, 33, 64, 65, 96, 97, 128, 129, 192, 193, 256, 257,
		512, 513, 1024, 1025, 2048, 2049, 3000, 4096, 4097, 8192, 100000,
	};
	static const unsigned int want[] = {
		8, 8, 16, 16, 32, 64, 64, 96, 96, 128, 128, 192, 192, 256, 256, 512,
		512, 1024, 1024, 2048, 2048, 0, 0, 0, 0, 0, 0,	/* 0: pages */
	};
	char name[KMEM_CACHE_NAME_LEN];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		unsigned long start = nr_free_pages();
		unsigned char *p = kzalloc(sizes[i], GFP_KERNEL);
		struct page *page = obj_slab(p);
		unsigned int order = get_order(sizes[i]);

		TAP_CHECK(p != NULL && !memchr_inv(p, 0, sizes[i]));
		if (want[i]) {
			snprintf(name, sizeof(name), "kmalloc-%u", want[i]);
			TAP_CHECK(PageSlab(page) && !strcmp(page->slab_cache->name, name));
			TAP_EQ(ksize(p), want[i]);
		} else {
			TAP_CHECK(!PageSlab(page) && p == page_address(page));
			TAP_EQ(ksize(p), PAGE_SIZE << order);
			TAP_EQ(nr_free_pages(), start - (1UL << order));
		}
		/* Power-of-two sizes are naturally aligned. */
		if ((sizes[i] & (sizes[i] - 1)) == 0)
			TAP_EQ((unsigned long)p % sizes[i], 0);
		memset(p, 0xab, ksize(p));
		kfree(p);
		if (!want[i])
			TAP_EQ(nr_free_pages(), start);
	}
	TAP_CHECK(kmalloc(0, GFP_KERNEL) == NULL);
	TAP_CHECK(kmalloc(PAGE_SIZE << MAX_ORDER, GFP_KERNEL | __GFP_NOWARN) == NULL);
	kfree(NULL);
}

int main(void)
{
	host_mm_init(ARENA_PAGES);
	kmem_cache_init();

	TAP_RUN(slab_reuses_freed_object);
	TAP_RUN(slab_ctor_runs_once_per_object);
	TAP_RUN(slab_alignment);
	TAP_RUN(slab_colouring);
	TAP_RUN(slab_objects_larger_than_a_page);
	TAP_RUN(slab_one_object_per_slab);
	TAP_RUN(slab_shrink_returns_pages);
	TAP_RUN(slab_cpu_slab_changes);
	TAP_RUN(slab_shrink_with_cpu_freelist);
	TAP_RUN(slab_cpu_slab_counts_are_exact);
	TAP_RUN(slab_random_stress);
	TAP_RUN(kmalloc_sizes_and_kfree);

	/* Again with every new cache debugged, as the `slub_debug` build. */
	printf("# the cache tests again with slab_debug_all\n");
	slab_debug_all = true;
	TAP_RUN(slab_reuses_freed_object);
	TAP_RUN(slab_ctor_runs_once_per_object);
	TAP_RUN(slab_alignment);
	TAP_RUN(slab_colouring);
	TAP_RUN(slab_objects_larger_than_a_page);
	TAP_RUN(slab_one_object_per_slab);
	TAP_RUN(slab_shrink_returns_pages);
	TAP_RUN(slab_cpu_slab_changes);
	TAP_RUN(slab_shrink_with_cpu_freelist);
	TAP_RUN(slab_cpu_slab_counts_are_exact);
	TAP_RUN(slab_random_stress);
	slab_debug_all = false;
	return tap_done();
}
