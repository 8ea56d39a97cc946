/*
 * tests/ktest/slab_test.c - the `slab` suite: kmem_cache_* on the real
 * machine (tests/host/test_slab.c runs the same logic on the host under
 * ASan).  This half has the allocator's behaviour: reuse, constructors,
 * alignment, colouring, big objects, shrinking, the cpu slab and a seeded
 * random stress, with the helpers both halves use (slab_test.h); the
 * reports of mm/slab_debug.c are in slab_debug_test.c.  Each case creates
 * its own caches and destroys them, so the leak gate around the suite sees
 * no difference.
 *
 * With `slub_debug` on the command line every cache is debugged, and the
 * layout-dependent cases compute what they expect from the cache's own
 * fields.
 */
#include "slab_test.h"

void *objs[MAX_TEST_OBJECTS];

/* Allocate @n objects of @s into objs[]; false if one failed. */
bool alloc_n(struct kmem_cache *s, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		if (!objs[i]) {
			while (i--)
				kmem_cache_free(s, objs[i]);
			return false;
		}
	}
	return true;
}

void free_n(struct kmem_cache *s, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		kmem_cache_free(s, objs[i]);
}

/* A freed object is the next one handed out, and frees are LIFO. */
static void slab_reuses_freed_object(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("kt_reuse", 48, 0, 0, NULL);
	void *a;

	KTEST_ASSERT_NOT_NULL(t, s);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, a);
	kmem_cache_free(s, a);
	KTEST_EXPECT_PTR_EQ(t, kmem_cache_alloc(s, GFP_KERNEL), a);
	kmem_cache_free(s, a);
	KTEST_ASSERT_TRUE(t, alloc_n(s, 3));
	free_n(s, 3);
	/* objs[2] was freed last, so it comes back first. */
	a = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_EXPECT_PTR_EQ(t, a, objs[2]);
	KTEST_EXPECT_EQ(t, s->active_objs, 1);
	KTEST_EXPECT_TRUE(t, kmem_cache_validate(s));
	kmem_cache_free(s, a);
	ktest_info(t, "freed %p came back first; 3 frees came back in LIFO order", a);
	kmem_cache_destroy(s);
}

struct ctor_obj {
	u32 magic;
	u32 state;
	char pad[56];
};

#define CTOR_MAGIC	0xC0C0A000u
static unsigned long ctor_calls;

static void kt_ctor(void *p)
{
	struct ctor_obj *o = p;

	o->magic = CTOR_MAGIC;
	o->state = 0;
	ctor_calls++;
}

/* The constructor runs for the whole slab at its creation, not per alloc. */
static void slab_ctor_runs_once_per_object(struct ktest *t)
{
	struct kmem_cache *s;
	struct ctor_obj *o, *again;
	unsigned int i;

	ctor_calls = 0;
	s = kmem_cache_create("kt_ctor", sizeof(struct ctor_obj), 0, 0, kt_ctor);
	KTEST_ASSERT_NOT_NULL(t, s);
	o = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, o);
	KTEST_EXPECT_EQ(t, ctor_calls, s->num);
	KTEST_EXPECT_EQ(t, o->magic, CTOR_MAGIC);
	o->state = 7;
	kmem_cache_free(s, o);
	again = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_EXPECT_PTR_EQ(t, again, o);
	/* The free pointer lives outside the object, so its state survived. */
	KTEST_EXPECT_EQ(t, again->magic, CTOR_MAGIC);
	KTEST_EXPECT_EQ(t, again->state, 7);
	KTEST_EXPECT_EQ(t, ctor_calls, s->num);

	KTEST_ASSERT_TRUE(t, s->num + 1 <= MAX_TEST_OBJECTS);
	KTEST_ASSERT_TRUE(t, alloc_n(s, s->num + 1));
	KTEST_EXPECT_EQ(t, ctor_calls, 2 * s->num);
	for (i = 0; i < s->num + 1; i++)
		KTEST_EXPECT_EQ(t, ((struct ctor_obj *)objs[i])->magic, CTOR_MAGIC);
	free_n(s, s->num + 1);
	kmem_cache_free(s, again);
	ktest_info(t, "%lu ctor calls for 2 slabs of %u; state kept across free/alloc",
		   ctor_calls, s->num);
	kmem_cache_destroy(s);
}

/* Three slabs' worth of @s's objects are all @want-aligned. */
static void check_alignment(struct ktest *t, struct kmem_cache *s, unsigned int want)
{
	unsigned int i, n, bad = 0;

	KTEST_ASSERT_NOT_NULL(t, s);
	n = min(2 * s->num + 1, (unsigned int)MAX_TEST_OBJECTS);
	KTEST_EXPECT_EQ(t, s->align, want);
	KTEST_ASSERT_TRUE(t, alloc_n(s, n));
	for (i = 0; i < n; i++)
		bad += (unsigned long)objs[i] % want != 0;
	KTEST_EXPECT_EQ(t, bad, 0);
	free_n(s, n);
	ktest_info(t, "%s: %u objects of %u bytes, all %u-aligned (stride %u)",
		   s->name, n, s->object_size, want, s->size);
	kmem_cache_destroy(s);
}

static void slab_alignment(struct ktest *t)
{
	check_alignment(t, kmem_cache_create("kt_align32", 40, 32, 0, NULL), 32);
	check_alignment(t, kmem_cache_create("kt_align128", 200, 128, 0, NULL), 128);
	check_alignment(t, kmem_cache_create("kt_hwcache", 40, 0, SLAB_HWCACHE_ALIGN,
					     NULL), L1_CACHE_BYTES);
	/* HWCACHE gives small objects half a line (Linux's rule). */
	check_alignment(t, kmem_cache_create("kt_hwcache20", 20, 0, SLAB_HWCACHE_ALIGN,
					     NULL), L1_CACHE_BYTES / 2);
}

/* Successive slabs start their objects colour_off further on, cycling. */
static void slab_colouring(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("kt_colour", 488, 0, 0, NULL);
	char seen[96];
	unsigned int i, n, made = 0, len = 0;

	KTEST_ASSERT_NOT_NULL(t, s);
	KTEST_EXPECT_GE(t, s->colour, 2);
	n = (s->colour + 1) * s->num;		/* one more slab than colours */
	KTEST_ASSERT_TRUE(t, n <= MAX_TEST_OBJECTS);
	for (i = 0; i < n; i++) {
		unsigned long before = s->num_slabs;
		unsigned int want;
		struct page *page;

		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(t, objs[i]);
		if (s->num_slabs == before)
			continue;
		/* A new slab: its first object is the one just handed out. */
		page = obj_slab(objs[i]);
		want = (made++ % s->colour) * s->colour_off;
		KTEST_EXPECT_EQ(t, page->s_colour, want);
		KTEST_EXPECT_PTR_EQ(t, objs[i],
				    (char *)page_address(page) + want + s->obj_offset);
		if (len < sizeof(seen))
			len += snprintf(seen + len, sizeof(seen) - len, "%s%u",
					len ? "," : "", page->s_colour);
	}
	KTEST_EXPECT_EQ(t, made, s->colour + 1);
	free_n(s, n);
	ktest_info(t, "colours %s for %u slabs (colour %u x %u bytes)", seen, made,
		   s->colour, s->colour_off);
	kmem_cache_destroy(s);
}

/* A 5000-byte cache: multi-page slabs, objects fully usable and disjoint. */
static void slab_objects_larger_than_a_page(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("kt_big5000", 5000, 0, 0, NULL);
	unsigned int i, j, n, bad = 0;

	KTEST_ASSERT_NOT_NULL(t, s);
	KTEST_EXPECT_GE(t, s->gfporder, 1);
	KTEST_EXPECT_GE(t, s->num, 2);
	KTEST_EXPECT_LE(t, (unsigned long)s->num * s->size, PAGE_SIZE << s->gfporder);
	n = 3 * s->num + 1;
	KTEST_ASSERT_TRUE(t, n <= MAX_TEST_OBJECTS);
	KTEST_ASSERT_TRUE(t, alloc_n(s, n));
	for (i = 0; i < n; i++)
		memset(objs[i], i & 0xff, 5000);
	for (i = 0; i < n; i++) {
		char *a = objs[i];

		bad += memchr_inv(a, i & 0xff, 5000) != NULL;
		for (j = 0; j < i; j++) {
			char *b = objs[j];

			bad += !(a + 5000 <= b || b + 5000 <= a);
		}
	}
	KTEST_EXPECT_EQ(t, bad, 0);
	free_n(s, n);
	ktest_info(t, "%u objects: order-%u slabs of %u objects, stride %u",
		   n, s->gfporder, s->num, s->size);
	kmem_cache_destroy(s);
}

/* Empty slabs go back to the buddy allocator: the free page count returns. */
static void slab_shrink_returns_pages(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("kt_shrink", 256, 0, 0, NULL);
	unsigned long start, slab_pages;
	unsigned int n;

	KTEST_ASSERT_NOT_NULL(t, s);
	start = nr_free_pages();
	slab_pages = 1UL << s->gfporder;
	n = 5 * s->num;
	KTEST_ASSERT_TRUE(t, n <= MAX_TEST_OBJECTS);
	KTEST_ASSERT_TRUE(t, alloc_n(s, n));
	KTEST_EXPECT_EQ(t, s->num_slabs, 5);
	KTEST_EXPECT_EQ(t, nr_free_pages(), start - 5 * slab_pages);
	free_n(s, n);
	/*
	 * The empties went back as they emptied, but for the cpu slab and
	 * one spare on slabs_free; shrink frees those two.
	 */
	KTEST_EXPECT_EQ(t, s->num_slabs, 2);
	KTEST_EXPECT_EQ(t, s->free_slabs, 1);
	KTEST_EXPECT_EQ(t, nr_free_pages(), start - 2 * slab_pages);
	KTEST_EXPECT_EQ(t, kmem_cache_shrink(s), 0);
	KTEST_EXPECT_EQ(t, s->num_slabs, 0);
	KTEST_EXPECT_EQ(t, nr_free_pages(), start);
	ktest_info(t, "5 slabs of %lu pages: free pages %lu -> %lu -> %lu -> %lu after shrink",
		   slab_pages, start, start - 5 * slab_pages, start - 2 * slab_pages,
		   nr_free_pages());
	kmem_cache_destroy(s);
}

/*
 * The cpu slab (see the top of mm/slab.c): allocations use one slab until
 * it is used up, then the first partial one; a free into another slab
 * moves only that slab between lists.
 */
static void slab_cpu_slab_changes(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("kt_cpu_slab", 96, 0, 0, NULL);
	struct page *first, *second;
	unsigned int i, n, bad = 0;

	KTEST_ASSERT_NOT_NULL(t, s);
	n = s->num;
	KTEST_ASSERT_TRUE(t, 2 * n <= MAX_TEST_OBJECTS);
	KTEST_ASSERT_TRUE(t, alloc_n(s, n + 1));
	first = obj_slab(objs[0]);
	second = obj_slab(objs[n]);
	KTEST_EXPECT_TRUE(t, first != second && obj_slab(objs[n - 1]) == first);
	KTEST_EXPECT_PTR_EQ(t, s->cpu_slab, second);
	/* A free into the full first slab makes it partial... */
	kmem_cache_free(s, objs[0]);
	KTEST_EXPECT_PTR_EQ(t, s->slabs_partial.next, &first->slab_list);
	/* ...one into the cpu slab goes on the cpu freelist. */
	kmem_cache_free(s, objs[n]);
	KTEST_EXPECT_PTR_EQ(t, s->cpu_freelist, objs[n]);
	KTEST_EXPECT_EQ(t, s->active_objs, n - 1);
	KTEST_EXPECT_TRUE(t, kmem_cache_validate(s));
	for (i = n; i < 2 * n; i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		bad += !objs[i] || obj_slab(objs[i]) != second;
	}
	KTEST_EXPECT_EQ(t, bad, 0);
	/* The second slab is used up: the first one takes over. */
	objs[0] = kmem_cache_alloc(s, GFP_KERNEL);
	KTEST_EXPECT_PTR_EQ(t, s->cpu_slab, first);
	KTEST_EXPECT_PTR_EQ(t, s->slabs_full.next, &second->slab_list);
	KTEST_EXPECT_EQ(t, s->num_slabs, 2);
	KTEST_EXPECT_TRUE(t, kmem_cache_validate(s));
	free_n(s, 2 * n);
	KTEST_EXPECT_EQ(t, s->active_objs, 0);
	KTEST_EXPECT_TRUE(t, kmem_cache_validate(s));
	ktest_info(t, "%u objects per slab: cpu slab went first -> second -> first", n);
	kmem_cache_destroy(s);
}

/* Shrink deactivates the cpu slab: a used one is filed, an empty one freed. */
static void slab_shrink_with_cpu_freelist(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("kt_cpu_shrink", 128, 0, 0, NULL);
	unsigned long start, slab_pages;
	struct page *page;

	KTEST_ASSERT_NOT_NULL(t, s);
	start = nr_free_pages();
	slab_pages = 1UL << s->gfporder;
	KTEST_ASSERT_TRUE(t, alloc_n(s, 3));
	page = s->cpu_slab;
	kmem_cache_free(s, objs[2]);
	KTEST_EXPECT_PTR_EQ(t, s->cpu_freelist, objs[2]);
	kmem_cache_shrink(s);
	KTEST_EXPECT_NULL(t, s->cpu_slab);
	KTEST_EXPECT_EQ(t, page->inuse, 2);
	KTEST_EXPECT_PTR_EQ(t, page->freelist, objs[2]);
	KTEST_EXPECT_PTR_EQ(t, s->slabs_partial.next, &page->slab_list);
	KTEST_EXPECT_EQ(t, nr_free_pages(), start - slab_pages);
	KTEST_EXPECT_TRUE(t, kmem_cache_validate(s));
	/* The next allocation takes it back as the cpu slab: no new slab. */
	KTEST_EXPECT_PTR_EQ(t, kmem_cache_alloc(s, GFP_KERNEL), objs[2]);
	KTEST_EXPECT_PTR_EQ(t, s->cpu_slab, page);
	free_n(s, 3);
	KTEST_EXPECT_EQ(t, s->num_slabs, 1);
	kmem_cache_shrink(s);
	KTEST_EXPECT_EQ(t, s->num_slabs, 0);
	KTEST_EXPECT_EQ(t, nr_free_pages(), start);
	ktest_info(t, "inuse 2 after the first shrink; free pages back to %lu after the second",
		   start);
	kmem_cache_destroy(s);
}

static char cpu_info_line[160];

static void find_cpu_info(void *arg, const char *line)
{
	if (!strncmp(line, arg, strlen(arg)))
		strlcpy(cpu_info_line, line, sizeof(cpu_info_line));
}

/* /proc/slabinfo is exact while objects sit on a cpu freelist. */
static void slab_cpu_slab_counts_are_exact(struct ktest *t)
{
	struct kmem_cache *s = kmem_cache_create("kt_cpu_info", 200, 0, 0, NULL);
	struct slabinfo si;
	char *pos;

	KTEST_ASSERT_NOT_NULL(t, s);
	KTEST_ASSERT_TRUE(t, alloc_n(s, 5));
	kmem_cache_free(s, objs[1]);
	kmem_cache_free(s, objs[3]);
	KTEST_EXPECT_NOT_NULL(t, s->cpu_slab);
	get_slabinfo(s, &si);
	KTEST_EXPECT_EQ(t, si.active_objs, 3);
	KTEST_EXPECT_EQ(t, si.num_objs, s->num);
	KTEST_EXPECT_EQ(t, si.active_slabs, 1);
	KTEST_EXPECT_EQ(t, si.num_slabs, 1);
	cpu_info_line[0] = '\0';
	slabinfo_show(find_cpu_info, "kt_cpu_info ");
	pos = cpu_info_line + strlen("kt_cpu_info ");
	while (*pos == ' ')
		pos++;
	KTEST_EXPECT_EQ(t, simple_strtoul(pos, NULL, 10), 3);
	ktest_info(t, "%s", cpu_info_line);
	kmem_cache_free(s, objs[0]);
	kmem_cache_free(s, objs[2]);
	kmem_cache_free(s, objs[4]);
	KTEST_EXPECT_TRUE(t, kmem_cache_validate(s));
	kmem_cache_destroy(s);
}

#define STRESS_STEPS	100000
#define STRESS_SLOTS	1024
#define STRESS_CACHES	5
#define STRESS_SEED	2024u
#define STRESS_CHECK_EVERY 10000

static u32 rng_state;

/* xorshift32: seeded, so every run makes the same choices. */
static u32 rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 17;
	rng_state ^= rng_state << 5;
	return rng_state;
}

static struct {
	char *p;
	u64 pat;		/* the 8 bytes at both ends of the object */
	unsigned int c;
} live[STRESS_SLOTS];

static struct extent {
	unsigned long start, end;
} extents[STRESS_SLOTS];

/* Shell sort by start address: a few thousand entries, no recursion. */
static void sort_extents(unsigned int n)
{
	unsigned int gap, i, j;

	for (gap = n / 2; gap; gap /= 2)
		for (i = gap; i < n; i++) {
			struct extent e = extents[i];

			for (j = i; j >= gap && extents[j - gap].start > e.start; j -= gap)
				extents[j] = extents[j - gap];
			extents[j] = e;
		}
}

/* No two live objects overlap; returns the number of overlaps. */
static unsigned int count_overlaps(const unsigned int *sizes)
{
	unsigned int i, n = 0, bad = 0;

	for (i = 0; i < STRESS_SLOTS; i++) {
		if (!live[i].p)
			continue;
		extents[n].start = (unsigned long)live[i].p;
		extents[n++].end = (unsigned long)live[i].p + sizes[live[i].c];
	}
	sort_extents(n);
	for (i = 1; i < n; i++)
		bad += extents[i - 1].end > extents[i].start;
	return bad;
}

/*
 * 100,000 seeded random allocs and frees over five caches, from 16 bytes
 * to 20000 (one object per slab), checking patterns, counters and overlaps.
 */
static void slab_random_stress(struct ktest *t)
{
	static const unsigned int sizes[STRESS_CACHES] = { 16, 72, 300, 1500, 20000 };
	static const unsigned int aligns[STRESS_CACHES] = { 0, 8, 64, 0, 0 };
	struct kmem_cache *caches[STRESS_CACHES];
	unsigned long count[STRESS_CACHES] = { 0 }, bad = 0, failed = 0;
	unsigned int i, step, c, checks = 0;
	char name[KMEM_CACHE_NAME_LEN];

	for (i = 0; i < STRESS_CACHES; i++) {
		snprintf(name, sizeof(name), "kt_stress%u", sizes[i]);
		caches[i] = kmem_cache_create(name, sizes[i], aligns[i],
					      i == 3 ? SLAB_HWCACHE_ALIGN : 0, NULL);
		KTEST_ASSERT_NOT_NULL(t, caches[i]);
	}
	rng_state = STRESS_SEED;
	for (step = 0; step < STRESS_STEPS; step++) {
		unsigned int slot = rng() % STRESS_SLOTS;

		if (live[slot].p) {
			c = live[slot].c;
			bad += memcmp(live[slot].p, &live[slot].pat, 8) != 0;
			bad += memcmp(live[slot].p + sizes[c] - 8, &live[slot].pat, 8) != 0;
			kmem_cache_free(caches[c], live[slot].p);
			live[slot].p = NULL;
			count[c]--;
		} else {
			c = rng() % STRESS_CACHES;
			live[slot].p = kmem_cache_alloc(caches[c], GFP_KERNEL);
			if (!live[slot].p) {
				failed++;
				continue;
			}
			live[slot].c = c;
			live[slot].pat = ((u64)step << 32) | (slot * 2654435761u);
			memcpy(live[slot].p, &live[slot].pat, 8);
			memcpy(live[slot].p + sizes[c] - 8, &live[slot].pat, 8);
			count[c]++;
		}
		if (step % STRESS_CHECK_EVERY)
			continue;
		for (c = 0; c < STRESS_CACHES; c++) {
			KTEST_EXPECT_EQ(t, caches[c]->active_objs, count[c]);
			KTEST_EXPECT_TRUE(t, kmem_cache_validate(caches[c]));
		}
		KTEST_EXPECT_EQ(t, count_overlaps(sizes), 0);
		checks++;
	}
	KTEST_EXPECT_EQ(t, bad, 0);
	KTEST_EXPECT_EQ(t, failed, 0);
	ktest_info(t, "%u steps, seed %u, %u checkpoints; live at the end %lu/%lu/%lu/%lu/%lu",
		   STRESS_STEPS, STRESS_SEED, checks, count[0], count[1], count[2],
		   count[3], count[4]);
	for (i = 0; i < STRESS_SLOTS; i++) {
		if (live[i].p)
			kmem_cache_free(caches[live[i].c], live[i].p);
		live[i].p = NULL;
	}
	for (i = 0; i < STRESS_CACHES; i++) {
		KTEST_EXPECT_EQ(t, caches[i]->active_objs, 0);
		kmem_cache_destroy(caches[i]);
	}
}

static struct ktest_case slab_cases[] = {
	KTEST_CASE(slab_reuses_freed_object),
	KTEST_CASE(slab_ctor_runs_once_per_object),
	KTEST_CASE(slab_alignment),
	KTEST_CASE(slab_colouring),
	KTEST_CASE(slab_objects_larger_than_a_page),
	KTEST_CASE(slab_destroy_with_live_objects),
	KTEST_CASE(slab_poison_catches_write_after_free),
	KTEST_CASE(slab_redzone_catches_overflow),
	KTEST_CASE(slab_double_free_is_caught),
	KTEST_CASE(slab_bad_free_is_caught),
	KTEST_CASE(slab_shrink_returns_pages),
	KTEST_CASE(slab_cpu_slab_changes),
	KTEST_CASE(slab_shrink_with_cpu_freelist),
	KTEST_CASE(slab_cpu_freelist_bad_frees),
	KTEST_CASE(slab_cpu_slab_counts_are_exact),
	KTEST_CASE(slab_random_stress),
	{}
};

static struct ktest_suite slab_suite = {
	.name = "slab",
	.cases = slab_cases,
};
KTEST_SUITE(slab_suite);
