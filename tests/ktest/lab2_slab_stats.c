/*
 * tests/ktest/lab2_slab_stats.c - the `lab2_slab_stats` suite (lab 2,
 * docs/labs/lab2-slab-stats.md): the per-cache statistics of
 * kmem_cache_stats() and their columns in /proc/slabinfo under slab_stats.
 *
 * Every case makes a cache of its own, drives it through a known sequence
 * and checks the counters exactly: Nest has one CPU, a kernel that is not
 * preemptible, and a cpu slab whose refills follow fixed rules (mm/slab.c),
 * so each count is determined by the sequence.  N below is the cache's
 * objects per slab, read from the cache so that the cases hold with
 * `slub_debug` too, where every cache takes the slow paths: a hit is
 * defined by what the cpu slab had, not by the path, so the counts are
 * the same.  Counters are checked with EXPECT, not ASSERT, so that a case
 * that miscounts still frees what it took (the leak gate).
 */
#include <nest/ktest.h>
#include <nest/slab.h>
#include <nest/mm.h>
#include <nest/string.h>
#include <nest/printk.h>
#include <nest/workqueue.h>

#define LAB2_OBJECT_SIZE	64	/* 64 objects a slab without debug flags */
#define LAB2_MAX_OBJECTS	256	/* objects a case holds at most */
#define LAB2_STRESS_SEED	2024u
#define LAB2_STRESS_STEPS	20000
#define LAB2_STRESS_PHASE	2500	/* steps filling, then as many draining */

static void *objs[LAB2_MAX_OBJECTS];

/* A cache for one case; @flags as kmem_cache_create(). */
static struct kmem_cache *make_cache(const char *name, slab_flags_t flags)
{
	return kmem_cache_create(name, LAB2_OBJECT_SIZE, 0, flags, NULL);
}

/* Allocate objs[@from .. @to - 1]; false (all of them freed) if one failed. */
static bool alloc_range(struct kmem_cache *s, unsigned int from, unsigned int to)
{
	unsigned int i;

	for (i = from; i < to; i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		if (!objs[i]) {
			while (i-- > from)
				kmem_cache_free(s, objs[i]);
			return false;
		}
	}
	return true;
}

/*
 * Fill a fresh cache with objs[0 .. @count - 1]; if they don't fit in
 * objs[] or an allocation fails, destroy the cache and say false, so the
 * case can assert on it and stop.
 */
static bool fill_or_destroy(struct kmem_cache *s, unsigned long count)
{
	if (count <= LAB2_MAX_OBJECTS && alloc_range(s, 0, count))
		return true;
	kmem_cache_destroy(s);
	return false;
}

/* Free objs[@from .. @to - 1]. */
static void free_range(struct kmem_cache *s, unsigned int from, unsigned int to)
{
	unsigned int i;

	for (i = from; i < to; i++)
		kmem_cache_free(s, objs[i]);
}

/*
 * Check every counter of @s against @want; @when names the moment.  Quiet
 * when all agree: a failed case's first line (what the grader shows) is
 * then the first wrong counter.
 */
static void expect_stats(struct ktest *t, struct kmem_cache *s,
			 const struct kmem_cache_stats *want, const char *when)
{
	struct kmem_cache_stats st;
	bool failed = t->failed;

	kmem_cache_stats(s, &st);
	t->failed = false;
	KTEST_EXPECT_EQ(t, st.allochit, want->allochit);
	KTEST_EXPECT_EQ(t, st.allocmiss, want->allocmiss);
	KTEST_EXPECT_EQ(t, st.freehit, want->freehit);
	KTEST_EXPECT_EQ(t, st.freemiss, want->freemiss);
	KTEST_EXPECT_EQ(t, st.num_allocations, want->num_allocations);
	KTEST_EXPECT_EQ(t, st.high_mark, want->high_mark);
	KTEST_EXPECT_EQ(t, st.grown, want->grown);
	KTEST_EXPECT_EQ(t, st.reaped, want->reaped);
	KTEST_EXPECT_EQ(t, st.errors, want->errors);
	/* Every slab made and not given back is still the cache's. */
	KTEST_EXPECT_EQ(t, st.grown - st.reaped, s->num_slabs);
	if (t->failed)
		ktest_info(t, "those counters were wrong %s", when);
	t->failed |= failed;
}

/* What a case did and @s's counters at its end, for the transcript. */
static void show_stats(struct ktest *t, struct kmem_cache *s, const char *what)
{
	struct kmem_cache_stats st;

	kmem_cache_stats(s, &st);
	ktest_info(t, "%s (N = %u)", what, s->num);
	ktest_info(t, "  %s: alloc hit/miss %lu/%lu, free hit/miss %lu/%lu, listallocs %lu, "
		   "maxobjs %lu, grown %lu, reaped %lu, errors %lu", s->name,
		   st.allochit, st.allocmiss, st.freehit, st.freemiss,
		   st.num_allocations, st.high_mark, st.grown, st.reaped, st.errors);
}

/*
 * A new cache counts nothing.  Its first allocation finds no cpu slab: a
 * miss, a new slab, whose N objects leave the lists at once (listallocs
 * and maxobjs N).  The next N - 1 come from the cpu slab: hits.  The one
 * after finds it used up: a second miss and slab.
 */
static void lab2_alloc_hits_and_misses(struct ktest *t)
{
	struct kmem_cache *s = make_cache("lab2_alloc", 0);
	struct kmem_cache_stats want = { 0 };
	unsigned long n;

	KTEST_ASSERT_NOT_NULL(t, s);
	n = s->num;
	expect_stats(t, s, &want, "after creation");
	if (n + 1 > LAB2_MAX_OBJECTS || !alloc_range(s, 0, 1)) {
		kmem_cache_destroy(s);
		KTEST_ASSERT_TRUE(t, false);
	}
	want.allocmiss = 1;
	want.grown = 1;
	want.num_allocations = n;
	want.high_mark = n;
	expect_stats(t, s, &want, "after the first allocation");
	if (!alloc_range(s, 1, n + 1)) {
		free_range(s, 0, 1);
		kmem_cache_destroy(s);
		KTEST_ASSERT_TRUE(t, false);
	}
	want.allochit = n - 1;
	want.allocmiss = 2;
	want.grown = 2;
	want.num_allocations = 2 * n;
	want.high_mark = 2 * n;
	expect_stats(t, s, &want, "after N + 1 allocations");
	show_stats(t, s, "zero at creation; 1 allocation: a miss; N more: N - 1 hits, a miss");
	free_range(s, 0, n + 1);
	kmem_cache_destroy(s);
}

/*
 * A hit is what the cpu slab had, not the path taken: a zeroed allocation
 * and every allocation of a debug cache go through __slab_alloc() and
 * still count as hits when the cpu slab had an object; a debug cache's
 * frees into its cpu slab (in __slab_free()) are hits too.
 */
static void lab2_hits_on_the_slow_path(struct ktest *t)
{
	struct kmem_cache *s = make_cache("lab2_zalloc", 0);
	struct kmem_cache *d = make_cache("lab2_debug", SLAB_POISON);
	struct kmem_cache_stats want = { 0 };
	void *a, *b;

	KTEST_ASSERT_TRUE(t, s && d);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_zalloc(s, GFP_KERNEL);
	if (!a || !b) {
		kmem_cache_free(s, a);
		kmem_cache_free(s, b);
		kmem_cache_destroy(s);
		kmem_cache_destroy(d);
		KTEST_ASSERT_TRUE(t, false);
	}
	kmem_cache_free(s, b);
	kmem_cache_free(s, a);
	want.allochit = 1;
	want.allocmiss = 1;
	want.freehit = 2;
	want.grown = 1;
	want.num_allocations = s->num;
	want.high_mark = s->num;
	expect_stats(t, s, &want, "after alloc, zalloc and two frees");
	show_stats(t, s, "kmem_cache_alloc(), kmem_cache_zalloc() (a hit), two frees");

	a = kmem_cache_alloc(d, GFP_KERNEL);
	b = kmem_cache_alloc(d, GFP_KERNEL);
	kmem_cache_free(d, b);
	kmem_cache_free(d, a);
	KTEST_EXPECT_TRUE(t, a && b);
	want.num_allocations = d->num;
	want.high_mark = d->num;
	expect_stats(t, d, &want, "after the same in a SLAB_POISON cache");
	show_stats(t, d, "two allocations and frees, all on the slow path");
	kmem_cache_destroy(s);
	kmem_cache_destroy(d);
}

/*
 * N + 1 objects: slab A full and on slabs_full, slab B the cpu slab with
 * one object out.  Freeing B's object is a hit; A's N objects misses (A
 * is on a list), and A, empty, stays on slabs_free: nothing reaped.
 */
static void lab2_free_hits_and_misses(struct ktest *t)
{
	struct kmem_cache *s = make_cache("lab2_free", 0);
	struct kmem_cache_stats want = { 0 };
	unsigned long n;

	KTEST_ASSERT_NOT_NULL(t, s);
	n = s->num;
	KTEST_ASSERT_TRUE(t, fill_or_destroy(s, n + 1));
	kmem_cache_free(s, objs[n]);
	free_range(s, 0, n);
	want.allochit = n - 1;
	want.allocmiss = 2;
	want.freehit = 1;
	want.freemiss = n;
	want.grown = 2;
	want.num_allocations = 2 * n;
	want.high_mark = 2 * n;
	expect_stats(t, s, &want, "after freeing B's object, then A's");
	KTEST_EXPECT_EQ(t, s->free_slabs, 1);
	show_stats(t, s, "N + 1 objects; B's freed (a hit), A's N (misses); A kept");
	kmem_cache_destroy(s);
}

/*
 * A refill from slabs_partial: a miss that needs no new slab, and hands
 * over only the partial slab's free objects.  2N objects (A on
 * slabs_full, B the cpu slab, both full); 3 of A's freed (misses; A goes
 * to slabs_partial); the next allocation takes A back as the cpu slab:
 * listallocs + 3, and objects off the lists are 2N again, not more.
 */
static void lab2_refill_from_partial_slab(struct ktest *t)
{
	struct kmem_cache *s = make_cache("lab2_partial", 0);
	struct kmem_cache_stats want = { 0 };
	unsigned long n;

	KTEST_ASSERT_NOT_NULL(t, s);
	n = s->num;
	if (2 * n > LAB2_MAX_OBJECTS || n < 4 || !alloc_range(s, 0, 2 * n)) {
		kmem_cache_destroy(s);
		KTEST_ASSERT_TRUE(t, false);
	}
	free_range(s, 0, 3);
	if (!alloc_range(s, 0, 3)) {
		free_range(s, 3, 2 * n);
		kmem_cache_destroy(s);
		KTEST_ASSERT_TRUE(t, false);
	}
	want.allochit = 2 * (n - 1) + 2;
	want.allocmiss = 3;
	want.freemiss = 3;
	want.grown = 2;
	want.num_allocations = 2 * n + 3;
	want.high_mark = 2 * n;
	expect_stats(t, s, &want, "after 2N allocations, 3 frees and 3 allocations");
	show_stats(t, s, "2N objects, 3 of A's freed, 3 taken again: A refills from slabs_partial");
	free_range(s, 0, 2 * n);
	kmem_cache_destroy(s);
}

/*
 * Slabs given back, by a free and by kmem_cache_shrink(): 3N objects make
 * three slabs.  Freed in order, A empties onto slabs_free, B empties with
 * one kept already and goes back (reaped 1), C is the cpu slab.  The
 * shrink files C (empty: given back, 2) and frees A (3).
 */
static void lab2_grown_and_reaped(struct ktest *t)
{
	struct kmem_cache *s = make_cache("lab2_reap", 0);
	struct kmem_cache_stats want = { 0 };
	unsigned long n;

	KTEST_ASSERT_NOT_NULL(t, s);
	n = s->num;
	KTEST_ASSERT_TRUE(t, fill_or_destroy(s, 3 * n));
	free_range(s, 0, 3 * n);
	want.allochit = 3 * (n - 1);
	want.allocmiss = 3;
	want.freehit = n;
	want.freemiss = 2 * n;
	want.grown = 3;
	want.reaped = 1;
	want.num_allocations = 3 * n;
	want.high_mark = 3 * n;
	expect_stats(t, s, &want, "after 3N allocations and their frees");
	kmem_cache_shrink(s);
	want.reaped = 3;
	expect_stats(t, s, &want, "after kmem_cache_shrink()");
	show_stats(t, s, "3N objects freed (B given back), then kmem_cache_shrink() (C and A)");
	kmem_cache_destroy(s);
}

/*
 * The reaper (mm/slab_reap.c), run now by flushing its work item: of an
 * empty cpu slab and an empty slab on slabs_free it gives one back,
 * keeping SLAB_REAP_KEEP.
 */
static void lab2_reaped_by_the_reaper(struct ktest *t)
{
	struct kmem_cache *s = make_cache("lab2_reaper", 0);
	struct kmem_cache_stats want = { 0 };
	unsigned long n;

	KTEST_ASSERT_NOT_NULL(t, s);
	n = s->num;
	KTEST_ASSERT_TRUE(t, fill_or_destroy(s, 2 * n));
	free_range(s, 0, 2 * n);
	want.allochit = 2 * (n - 1);
	want.allocmiss = 2;
	want.freehit = n;
	want.freemiss = n;
	want.grown = 2;
	want.num_allocations = 2 * n;
	want.high_mark = 2 * n;
	expect_stats(t, s, &want, "with an empty cpu slab and one on slabs_free");
	flush_delayed_work(&slab_reap_work);
	want.reaped = 2 - SLAB_REAP_KEEP;
	expect_stats(t, s, &want, "after the reaper ran");
	show_stats(t, s, "an empty cpu slab and one on slabs_free; the reaper kept one");
	kmem_cache_destroy(s);
}

/*
 * Refused frees count as errors, neither hits nor misses: the object just
 * freed freed again, NULL, and another cache's object.
 */
static void lab2_errors_count_refused_frees(struct ktest *t)
{
	struct kmem_cache *s = make_cache("lab2_errors", 0);
	struct kmem_cache *other = make_cache("lab2_other", 0);
	struct kmem_cache_stats want = { 0 };
	unsigned long reports = slab_error_count;
	void *a, *b;

	KTEST_ASSERT_TRUE(t, s && other);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(other, GFP_KERNEL);
	if (!a || !b) {
		kmem_cache_free(s, a);
		kmem_cache_free(other, b);
		kmem_cache_destroy(s);
		kmem_cache_destroy(other);
		KTEST_ASSERT_TRUE(t, false);
	}
	kmem_cache_free(s, a);
	kmem_cache_free(s, a);		/* double free */
	kmem_cache_free(s, NULL);	/* not a slab object */
	kmem_cache_free(s, b);		/* wrong cache */
	KTEST_EXPECT_EQ(t, slab_error_count, reports + 3);
	want.allocmiss = 1;
	want.freehit = 1;
	want.grown = 1;
	want.num_allocations = s->num;
	want.high_mark = s->num;
	want.errors = 3;
	expect_stats(t, s, &want, "after a free and three refused ones");
	show_stats(t, s, "a free, then a double free, NULL and another cache's object");
	kmem_cache_free(other, b);
	kmem_cache_destroy(s);
	kmem_cache_destroy(other);
}

static u32 rng_state;

/* xorshift32: seeded, so every run makes the same choices. */
static u32 rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 17;
	rng_state ^= rng_state << 5;
	return rng_state;
}

/* Free objects on the cpu freelist (the test may look inside the cache). */
static unsigned long cpu_free_objects(struct kmem_cache *s)
{
	unsigned long nr = 0;
	void *p;

	for (p = s->cpu_freelist; p; p = *freepointer_addr(s, p))
		nr++;
	return nr;
}

/*
 * Seeded random allocations and frees, in phases that fill the cache and
 * drain it, each predicted from the cache's state just before: an
 * allocation hits if the cpu freelist has an object and grows the cache
 * if num_slabs goes up; a free hits if the object is in the cpu slab and
 * reaps if num_slabs goes down.  Right after a miss the new cpu slab has
 * one free object fewer than it brought (listallocs), and the objects off
 * the lists are those out plus those free ones (maxobjs).
 */
static void lab2_random_sequence_is_predicted(struct ktest *t)
{
	struct kmem_cache *s = make_cache("lab2_random", 0);
	struct kmem_cache_stats want = { 0 };
	unsigned long slabs, cpu_free;
	unsigned int step, slot;

	KTEST_ASSERT_NOT_NULL(t, s);
	memset(objs, 0, sizeof(objs));
	rng_state = LAB2_STRESS_SEED;
	for (step = 0; step < LAB2_STRESS_STEPS; step++) {
		/* Filling: 3 allocations in 4; draining: 1 in 4.  So slabs come and go. */
		bool fill = (step / LAB2_STRESS_PHASE) % 2 == 0;
		bool alloc = rng() % 4 < (fill ? 3u : 1u);

		slot = rng() % LAB2_MAX_OBJECTS;
		if (alloc == !!objs[slot])
			continue;	/* nothing to free, or taken already */
		slabs = s->num_slabs;
		if (objs[slot]) {
			if (compound_head(virt_to_page(objs[slot])) == s->cpu_slab)
				want.freehit++;
			else
				want.freemiss++;
			kmem_cache_free(s, objs[slot]);
			objs[slot] = NULL;
			want.reaped += slabs - s->num_slabs;
			continue;
		}
		if (s->cpu_freelist) {
			want.allochit++;
			objs[slot] = kmem_cache_alloc(s, GFP_KERNEL);
			if (!objs[slot])
				break;
			continue;
		}
		want.allocmiss++;
		objs[slot] = kmem_cache_alloc(s, GFP_KERNEL);
		if (!objs[slot])
			break;
		want.grown += s->num_slabs - slabs;
		cpu_free = cpu_free_objects(s);
		want.num_allocations += cpu_free + 1;
		if (s->active_objs + cpu_free > want.high_mark)
			want.high_mark = s->active_objs + cpu_free;
	}
	KTEST_EXPECT_EQ(t, step, LAB2_STRESS_STEPS);
	expect_stats(t, s, &want, "after the random sequence");
	show_stats(t, s, "20,000 seeded steps, every counter predicted");
	for (slot = 0; slot < LAB2_MAX_OBJECTS; slot++)
		if (objs[slot])
			kmem_cache_free(s, objs[slot]);
	kmem_cache_destroy(s);
}

/* What slabinfo_show() printed: its title lines and the line of one cache. */
static struct {
	const char *name;	/* the cache whose line to keep */
	char title[48];
	char columns[400];
	char line[256];
} shown;

/* slabinfo_show()'s @emit: runs with interrupts off, only copies. */
static void keep_slabinfo_line(void *arg, const char *line)
{
	unsigned int *nr = arg;

	if (*nr == 0)
		strlcpy(shown.title, line, sizeof(shown.title));
	else if (*nr == 1)
		strlcpy(shown.columns, line, sizeof(shown.columns));
	else if (!strncmp(line, shown.name, strlen(shown.name)) &&
		 line[strlen(shown.name)] == ' ')
		strlcpy(shown.line, line, sizeof(shown.line));
	(*nr)++;
}

/* slabinfo_show() once, with slab_stats set to @stats, for cache @name. */
static void show_slabinfo(bool stats, const char *name)
{
	bool saved = slab_stats;
	unsigned int nr = 0;

	memset(&shown, 0, sizeof(shown));
	shown.name = name;
	slab_stats = stats;
	slabinfo_show(keep_slabinfo_line, &nr);
	slab_stats = saved;
}

/* Does @s end with @suffix? */
static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !strcmp(s + n - m, suffix);
}

#define SLABINFO_STATS_TITLE	"slabinfo - version: 2.1 (statistics)"
#define SLABINFO_STATS_COLUMNS						\
	" : globalstat <listallocs> <maxobjs> <grown> <reaped> <error> "	\
	"<maxfreeable> <nodeallocs> <remotefrees> <alienoverflow> "		\
	": cpustat <allochit> <allocmiss> <freehit> <freemiss>"

/*
 * The report: with slab_stats, /proc/slabinfo's title and columns are
 * those of a Linux built with CONFIG_DEBUG_SLAB, and a cache's line ends
 * in its counters with Linux's widths; without it, Linux's default file.
 */
static void lab2_slabinfo_statistics_columns(struct ktest *t)
{
	struct kmem_cache *s = make_cache("lab2_report", 0);
	char want[160];
	unsigned long n;

	KTEST_ASSERT_NOT_NULL(t, s);
	n = s->num;
	KTEST_ASSERT_TRUE(t, fill_or_destroy(s, n + 1));
	free_range(s, 0, n + 1);	/* A's objects: misses, then B's one: a hit */
	snprintf(want, sizeof(want),
		 " : globalstat %7lu %6lu %5lu %4lu %4lu %4lu %4lu %4lu %4lu"
		 " : cpustat %6lu %6lu %6lu %6lu",
		 2 * n, 2 * n, 2UL, 0UL, 0UL, 0UL, 0UL, 0UL, 0UL,
		 n - 1, 2UL, 1UL, n);

	show_slabinfo(true, "lab2_report");
	KTEST_EXPECT_TRUE(t, !strcmp(shown.title, SLABINFO_STATS_TITLE));
	KTEST_EXPECT_TRUE(t, ends_with(shown.columns, "<sharedavail>" SLABINFO_STATS_COLUMNS));
	KTEST_EXPECT_TRUE(t, ends_with(shown.line, want));
	ktest_info(t, "title \"%s\"", shown.title);
	ktest_info(t, "line ends \"%s\"", want);
	if (!ends_with(shown.line, want))
		ktest_info(t, "but the line was \"%s\"", shown.line);

	show_slabinfo(false, "lab2_report");
	KTEST_EXPECT_TRUE(t, !strcmp(shown.title, "slabinfo - version: 2.1"));
	KTEST_EXPECT_TRUE(t, ends_with(shown.columns, "<sharedavail>"));
	/* A empty on slabs_free, B the (empty) cpu slab: one slab of two is active. */
	KTEST_EXPECT_TRUE(t, ends_with(shown.line, " : slabdata      1      2      0"));
	KTEST_EXPECT_TRUE(t, strstr(shown.line, "globalstat") == NULL);
	ktest_info(t, "without slab_stats: Linux's default title and columns");
	kmem_cache_destroy(s);
}

static struct ktest_case lab2_slab_stats_cases[] = {
	KTEST_CASE(lab2_alloc_hits_and_misses),
	KTEST_CASE(lab2_hits_on_the_slow_path),
	KTEST_CASE(lab2_free_hits_and_misses),
	KTEST_CASE(lab2_refill_from_partial_slab),
	KTEST_CASE(lab2_grown_and_reaped),
	KTEST_CASE(lab2_reaped_by_the_reaper),
	KTEST_CASE(lab2_errors_count_refused_frees),
	KTEST_CASE(lab2_random_sequence_is_predicted),
	KTEST_CASE(lab2_slabinfo_statistics_columns),
	{}
};

static struct ktest_suite lab2_slab_stats_suite = {
	.name = "lab2_slab_stats",
	.cases = lab2_slab_stats_cases,
};
KTEST_SUITE(lab2_slab_stats_suite);
