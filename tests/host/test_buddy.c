/*
 * tests/host/test_buddy.c - host unit tests of the buddy allocator
 * (mm/page_alloc.c), built with ASan and UBSan.  The arena is 8 MiB: two
 * order-10 blocks.
 */
#include <nest/mm.h>
#include <nest/string.h>
#include "tap.h"

void host_mm_init(unsigned long nr_pages);
extern int host_quiet;

#define ARENA_PAGES 2048UL

/* Sum of the per-order counters, in pages: must always equal nr_free_pages(). */
static unsigned long counted_free(void)
{
	unsigned long sum = 0;
	unsigned int o;

	for (o = 0; o < MAX_ORDER; o++)
		sum += nr_free_blocks(o) << o;
	return sum;
}

TAP_TEST(buddy_starts_with_max_order_blocks)
{
	TAP_EQ(nr_free_pages(), ARENA_PAGES);
	TAP_EQ(nr_free_blocks(MAX_ORDER - 1), 2);
	TAP_EQ(counted_free(), ARENA_PAGES);
}

TAP_TEST(buddy_split_then_merge)
{
	struct page *p = alloc_pages(GFP_KERNEL, 0);

	TAP_CHECK(p != NULL);
	/* One order-10 block split into one free block of each order 0..9. */
	for (unsigned int o = 0; o < MAX_ORDER - 1; o++)
		TAP_EQ(nr_free_blocks(o), 1);
	TAP_EQ(nr_free_blocks(MAX_ORDER - 1), 1);
	TAP_EQ(counted_free(), ARENA_PAGES - 1);
	__free_pages(p, 0);
	for (unsigned int o = 0; o < MAX_ORDER - 1; o++)
		TAP_EQ(nr_free_blocks(o), 0);
	TAP_EQ(nr_free_blocks(MAX_ORDER - 1), 2);
}

TAP_TEST(buddy_blocks_are_aligned_and_distinct)
{
	struct page *a = alloc_pages(GFP_KERNEL, 3);
	struct page *b = alloc_pages(GFP_KERNEL, 3);
	struct page *c = alloc_pages(GFP_KERNEL, 5);

	TAP_CHECK(a && b && c);
	TAP_EQ(page_to_pfn(a) % 8, 0);
	TAP_EQ(page_to_pfn(b) % 8, 0);
	TAP_EQ(page_to_pfn(c) % 32, 0);
	TAP_CHECK(a != b);
	/* Write the whole blocks: ASan would catch an overlap with the map. */
	memset(page_address(a), 1, 8 * PAGE_SIZE);
	memset(page_address(b), 2, 8 * PAGE_SIZE);
	TAP_EQ(((unsigned char *)page_address(a))[8 * PAGE_SIZE - 1], 1);
	__free_pages(b, 3);
	__free_pages(a, 3);
	__free_pages(c, 5);
	TAP_EQ(nr_free_pages(), ARENA_PAGES);
	TAP_EQ(nr_free_blocks(MAX_ORDER - 1), 2);
}

TAP_TEST(buddy_exhaustion_returns_null)
{
	static struct page *pages[ARENA_PAGES + 1];
	unsigned long n = 0, i;

	host_quiet = 1;
	while ((pages[n] = alloc_pages(GFP_KERNEL, 0)) != NULL)
		n++;
	TAP_EQ(n, ARENA_PAGES);
	TAP_EQ(nr_free_pages(), 0);
	TAP_CHECK(alloc_pages(GFP_KERNEL, 4) == NULL);
	host_quiet = 0;
	/* Free in an interleaved order: evens, then odds, to exercise merging. */
	for (i = 0; i < n; i += 2)
		__free_pages(pages[i], 0);
	TAP_EQ(nr_free_blocks(0), ARENA_PAGES / 2);
	for (i = 1; i < n; i += 2)
		__free_pages(pages[i], 0);
	TAP_EQ(nr_free_pages(), ARENA_PAGES);
	TAP_EQ(nr_free_blocks(MAX_ORDER - 1), 2);
	TAP_EQ(counted_free(), ARENA_PAGES);
}

TAP_TEST(buddy_zero_and_compound)
{
	struct page *p = alloc_pages(__GFP_ZERO | __GFP_COMP, 2);
	unsigned char *mem;

	TAP_CHECK(p != NULL);
	mem = page_address(p);
	TAP_EQ(mem[0] | mem[4 * PAGE_SIZE - 1], 0);
	TAP_CHECK(PageHead(p));
	TAP_EQ(compound_order(p), 2);
	TAP_CHECK(compound_head(p + 3) == p);
	TAP_CHECK(compound_head(virt_to_page(mem + 3 * PAGE_SIZE + 17)) == p);
	__free_pages(p, 2);
	TAP_CHECK(!PageTail(p + 3));
	TAP_EQ(nr_free_pages(), ARENA_PAGES);
}

/* A seeded random sequence of allocations and frees with invariant checks. */
TAP_TEST(buddy_random_stress)
{
	static struct { struct page *p; unsigned int order; } live[512];
	unsigned long seed = 12345, used = 0;
	int i, n = 0;

	host_quiet = 1;
	for (i = 0; i < 20000; i++) {
		seed = seed * 1103515245 + 12345;
		if (n < 512 && (seed >> 16) % 3 != 0) {
			unsigned int order = (seed >> 8) % 6;
			struct page *p = alloc_pages(GFP_KERNEL, order);

			if (p) {
				TAP_EQ(page_to_pfn(p) & ((1UL << order) - 1), 0);
				live[n].p = p;
				live[n++].order = order;
				used += 1UL << order;
			}
		} else if (n > 0) {
			int k = (seed >> 4) % n;

			__free_pages(live[k].p, live[k].order);
			used -= 1UL << live[k].order;
			live[k] = live[--n];
		}
		if (nr_free_pages() + used != ARENA_PAGES ||
		    counted_free() != nr_free_pages()) {
			TAP_CHECK(!"counters consistent");
			break;
		}
	}
	while (n > 0) {
		n--;
		__free_pages(live[n].p, live[n].order);
	}
	host_quiet = 0;
	TAP_EQ(nr_free_pages(), ARENA_PAGES);
	TAP_EQ(nr_free_blocks(MAX_ORDER - 1), 2);
}

int main(void)
{
	host_mm_init(ARENA_PAGES);
	TAP_RUN(buddy_starts_with_max_order_blocks);
	TAP_RUN(buddy_split_then_merge);
	TAP_RUN(buddy_blocks_are_aligned_and_distinct);
	TAP_RUN(buddy_exhaustion_returns_null);
	TAP_RUN(buddy_zero_and_compound);
	TAP_RUN(buddy_random_stress);
	return tap_done();
}
