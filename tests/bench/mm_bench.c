/*
 * tests/bench/mm_bench.c - memory allocator benchmarks: the slab fast path,
 * kmalloc and the buddy allocator, each an allocation and its free.
 * The caches are warm (one object allocated and freed before timing), so
 * these are fast-path figures: no new slab, no split.
 */
#include <nest/bench.h>
#include <nest/slab.h>
#include <nest/mm.h>
#include <nest/io.h>
#include <nest/bug.h>

#define BENCH_OBJECT_SIZE	64
#define BENCH_ITERS		10000

static u64 bench_slab_run(unsigned long iters)
{
	struct kmem_cache *c = kmem_cache_create("bench_64", BENCH_OBJECT_SIZE,
						 0, 0, NULL);
	unsigned long i;
	u64 t0, t;

	BUG_ON(!c);
	kmem_cache_free(c, kmem_cache_alloc(c, GFP_KERNEL));	/* warm */
	t0 = rdtsc();
	for (i = 0; i < iters; i++)
		kmem_cache_free(c, kmem_cache_alloc(c, GFP_KERNEL));
	t = rdtsc() - t0;
	kmem_cache_destroy(c);
	return t;
}

static const struct bench bench_slab = {
	.name = "kmem_cache_alloc_free",
	.what = "kmem_cache_alloc + kmem_cache_free, 64-byte objects, warm cache",
	.run = bench_slab_run,
	.iters = BENCH_ITERS,
};
KTEST_BENCH(bench_slab);

static u64 bench_kmalloc_run(unsigned long iters)
{
	unsigned long i;
	u64 t0;

	kfree(kmalloc(BENCH_OBJECT_SIZE, GFP_KERNEL));
	t0 = rdtsc();
	for (i = 0; i < iters; i++)
		kfree(kmalloc(BENCH_OBJECT_SIZE, GFP_KERNEL));
	return rdtsc() - t0;
}

static const struct bench bench_kmalloc = {
	.name = "kmalloc_kfree_64",
	.what = "kmalloc(64) + kfree",
	.run = bench_kmalloc_run,
	.iters = BENCH_ITERS,
};
KTEST_BENCH(bench_kmalloc);

/*
 * The buddy allocator's cost depends on the free lists: a page whose buddy
 * is free merges on free and must be split off again on the next alloc, so
 * the figure moved with whatever the kernel had allocated before.  Measure
 * the steady case instead: @first's buddy stays allocated (@second, or a
 * page already in use), so @first comes and goes on the order-0 list
 * without a split or a merge, whatever the rest of memory looks like.
 */
static u64 bench_pages_run(unsigned long iters)
{
	struct page *first = alloc_pages(GFP_KERNEL, 0);
	struct page *second = alloc_pages(GFP_KERNEL, 0);
	unsigned long i;
	u64 t0;

	__free_pages(first, 0);
	t0 = rdtsc();
	for (i = 0; i < iters; i++)
		__free_pages(alloc_pages(GFP_KERNEL, 0), 0);
	t0 = rdtsc() - t0;
	__free_pages(second, 0);
	return t0;
}

static const struct bench bench_pages = {
	.name = "alloc_pages_free_0",
	.what = "alloc_pages(0) + __free_pages, its buddy busy: no split, no merge",
	.run = bench_pages_run,
	.iters = BENCH_ITERS,
};
KTEST_BENCH(bench_pages);
