/*
 * tests/ktest/buddy_test.c - the `buddy` suite: the page allocator on the
 * real machine, with the real memory map (tests/host/test_buddy.c covers
 * the same logic on the host under ASan).
 */
#include <nest/ktest.h>
#include <nest/mm.h>
#include <nest/string.h>

/* Sum of the per-order free lists, in pages. */
static unsigned long counted_free_pages(void)
{
	unsigned long sum = 0;
	unsigned int order;

	for (order = 0; order < MAX_ORDER; order++)
		sum += nr_free_blocks(order) << order;
	return sum;
}

/*
 * Taking one page splits the smallest free block; giving it back merges
 * everything again, so each order's count returns to what it was.
 */
static void buddy_split_and_merge(struct ktest *t)
{
	unsigned long before[MAX_ORDER], free_before = nr_free_pages();
	unsigned int order, first = MAX_ORDER;
	struct page *p;

	for (order = 0; order < MAX_ORDER; order++) {
		before[order] = nr_free_blocks(order);
		if (first == MAX_ORDER && before[order])
			first = order;
	}
	p = alloc_pages(GFP_KERNEL, 0);
	KTEST_ASSERT_NOT_NULL(t, p);
	/* The block split was the smallest non-empty order: one fewer there... */
	KTEST_EXPECT_EQ(t, nr_free_blocks(first), before[first] - 1);
	/* ...and one more of every order below it. */
	for (order = 0; order < first; order++)
		KTEST_EXPECT_EQ(t, nr_free_blocks(order), before[order] + 1);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free_before - 1);
	__free_pages(p, 0);
	for (order = 0; order < MAX_ORDER; order++)
		KTEST_EXPECT_EQ(t, nr_free_blocks(order), before[order]);
	ktest_info(t, "split an order-%u block and merged it back", first);
}

/* Blocks are naturally aligned, disjoint, and really writable memory. */
static void buddy_alignment_and_contents(struct ktest *t)
{
	struct page *a = alloc_pages(GFP_KERNEL, 4);
	struct page *b = alloc_pages(__GFP_ZERO, 4);
	unsigned char *pa, *pb;

	KTEST_ASSERT_NOT_NULL(t, a);
	KTEST_ASSERT_NOT_NULL(t, b);
	KTEST_EXPECT_EQ(t, page_to_pfn(a) % 16, 0);
	KTEST_EXPECT_EQ(t, page_to_pfn(b) % 16, 0);
	pa = page_address(a);
	pb = page_address(b);
	KTEST_EXPECT_TRUE(t, pa + 16 * PAGE_SIZE <= pb || pb + 16 * PAGE_SIZE <= pa);
	KTEST_EXPECT_NULL(t, memchr_inv(pb, 0, 16 * PAGE_SIZE));
	memset(pa, 0xA5, 16 * PAGE_SIZE);
	KTEST_EXPECT_NULL(t, memchr_inv(pb, 0, 16 * PAGE_SIZE));
	__free_pages(a, 4);
	__free_pages(b, 4);
}

/* A compound block: every tail page leads back to the head. */
static void buddy_compound_pages(struct ktest *t)
{
	struct page *p = alloc_pages(__GFP_COMP, 3);
	unsigned int i;

	KTEST_ASSERT_NOT_NULL(t, p);
	KTEST_EXPECT_TRUE(t, PageHead(p));
	KTEST_EXPECT_EQ(t, compound_order(p), 3);
	for (i = 1; i < 8; i++)
		KTEST_EXPECT_PTR_EQ(t, compound_head(p + i), p);
	__free_pages(p, 3);
	KTEST_EXPECT_FALSE(t, PageTail(p + 1));
}

/*
 * Take every page there is, one at a time, then one more: the allocator
 * must say NULL (not crash, not hand out a page twice); then give it all
 * back and find the counters where they started.  The pages are chained
 * through their own first word, so the test needs no memory of its own.
 */
static void buddy_exhaustion_and_recovery(struct ktest *t)
{
	unsigned long free_before = nr_free_pages(), n = 0;
	void *head = NULL, *p;

	while ((p = (void *)__get_free_pages(__GFP_NOWARN, 0)) != NULL) {
		*(void **)p = head;
		head = p;
		n++;
	}
	KTEST_EXPECT_EQ(t, n, free_before);
	KTEST_EXPECT_EQ(t, nr_free_pages(), 0);
	KTEST_EXPECT_EQ(t, __get_free_pages(__GFP_NOWARN, 0), 0);
	KTEST_EXPECT_NULL(t, alloc_pages(__GFP_NOWARN, MAX_ORDER - 1));
	while (head) {
		p = head;
		head = *(void **)p;
		free_page((unsigned long)p);
	}
	KTEST_EXPECT_EQ(t, nr_free_pages(), free_before);
	KTEST_EXPECT_EQ(t, counted_free_pages(), free_before);
	ktest_info(t, "allocated all %lu free pages, then NULL; all returned", n);
}

/* Orders outside 0..MAX_ORDER-1 are refused, not misread. */
static void buddy_rejects_bad_order(struct ktest *t)
{
	KTEST_EXPECT_NULL(t, alloc_pages(__GFP_NOWARN, MAX_ORDER));
}

static struct ktest_case buddy_cases[] = {
	KTEST_CASE(buddy_split_and_merge),
	KTEST_CASE(buddy_alignment_and_contents),
	KTEST_CASE(buddy_compound_pages),
	KTEST_CASE(buddy_exhaustion_and_recovery),
	KTEST_CASE(buddy_rejects_bad_order),
	{}
};

static struct ktest_suite buddy_suite = {
	.name = "buddy",
	.cases = buddy_cases,
};
KTEST_SUITE(buddy_suite);
