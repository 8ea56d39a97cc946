/*
 * mm/page_alloc.c - the buddy page allocator, as Linux's.
 *
 * Free memory is kept as blocks of 2^order pages, order 0..MAX_ORDER-1, each
 * block naturally aligned (an order-k block starts at a pfn that is a
 * multiple of 2^k).  Every block has a "buddy": the other half of the order
 * k+1 block it came from, at pfn ^ (1 << k).  Allocation takes the smallest
 * free block that fits and splits off the unused halves; freeing merges a
 * block with its buddy for as long as the buddy is free and of the same
 * order.  See Knuth, TAOCP vol. 1, 2.5, and Linux's __rmqueue_smallest() and
 * __free_one_page().
 *
 * Entry points: alloc_pages(), __free_pages() and the counters.  Set up by
 * mm/init.c (the kernel) or tests/host/shim.c (host tests).  Called by
 * mm/slab.c, mm/paging.c and everything that needs whole pages.  All entry
 * points are safe with interrupts off and from interrupt handlers.
 */
#include <nest/mm.h>
#include <nest/bug.h>
#include <nest/printk.h>
#include <nest/string.h>
#include <nest/spinlock.h>
#include <nest/fault-inject.h>

struct free_area {
	struct list_head free_list;	/* first pages of the free blocks */
	unsigned long nr_free;		/* blocks on free_list */
};

struct page *mem_map;
unsigned long max_pfn;

static struct free_area free_area[MAX_ORDER];
static unsigned long managed_pages;	/* pages ever given to the allocator */
static unsigned long free_pages_count;
static DEFINE_SPINLOCK(zone_lock);

/* Record that @page heads a free block of @order and put it on its list. */
static void add_to_free_list(struct page *page, unsigned int order)
{
	SetPageFlag(page, PG_buddy);
	page->private = order;
	list_add(&page->buddy_list, &free_area[order].free_list);
	free_area[order].nr_free++;
}

static void del_from_free_list(struct page *page, unsigned int order)
{
	list_del(&page->buddy_list);
	ClearPageFlag(page, PG_buddy);
	page->private = 0;
	free_area[order].nr_free--;
}

/*
 * Is @buddy a free block of exactly @order?  Only the first page of a free
 * block carries PG_buddy, and its order must match: a free buddy of a
 * smaller order means part of it is still in use.
 */
static bool page_is_buddy(struct page *buddy, unsigned int order)
{
	return page_to_pfn(buddy) < max_pfn && PageBuddy(buddy) &&
	       buddy->private == order;
}

/*
 * Free the block at @pfn of @order, merging upward with free buddies.
 * Called with zone_lock held.
 */
static void __free_one_page(unsigned long pfn, unsigned int order)
{
	while (order < MAX_ORDER - 1) {
		unsigned long buddy_pfn = pfn ^ (1UL << order);
		struct page *buddy = pfn_to_page(buddy_pfn);

		if (!page_is_buddy(buddy, order))
			break;
		del_from_free_list(buddy, order);
		/* The merged block starts at the lower of the two halves. */
		pfn &= buddy_pfn;
		order++;
	}
	add_to_free_list(pfn_to_page(pfn), order);
}

/*
 * Take a block of @order off the free lists, splitting a larger one if
 * needed.  The halves split off are freed at the lower orders: we keep the
 * first half and give back the upper one each time.  Returns NULL if no
 * block of @order or larger is free.  Called with zone_lock held.
 */
static struct page *__rmqueue_smallest(unsigned int order)
{
	unsigned int current_order;

	for (current_order = order; current_order < MAX_ORDER; current_order++) {
		struct free_area *area = &free_area[current_order];
		struct page *page;

		if (list_empty(&area->free_list))
			continue;
		page = list_first_entry(&area->free_list, struct page, buddy_list);
		del_from_free_list(page, current_order);
		while (current_order > order) {
			current_order--;
			add_to_free_list(page + (1UL << current_order), current_order);
		}
		return page;
	}
	return NULL;
}

/* Mark the pages of a block handed out: refcounts, and compound links. */
static void prep_new_pages(struct page *page, gfp_t gfp, unsigned int order)
{
	unsigned long i, n = 1UL << order;

	/* A free block's pages carry no flags (PG_buddy was just cleared). */
	for (i = 0; i < n; i++) {
		BUG_ON(page[i].flags != 0);
		BUG_ON(page[i]._refcount != 0);
	}
	page->_refcount = 1;
	if ((gfp & __GFP_COMP) && order > 0) {
		SetPageFlag(page, PG_head);
		page->compound_order = order;
		for (i = 1; i < n; i++) {
			SetPageFlag(&page[i], PG_tail);
			page[i].first_page = page;
		}
	}
	if (gfp & __GFP_ZERO)
		for (i = 0; i < n; i++)
			clear_page(page_address(page + i));
}

struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	unsigned long flags;
	struct page *page;

	/* A caller's bug, unless it said it was probing (as Linux's check). */
	if (order >= MAX_ORDER) {
		if (!(gfp & __GFP_NOWARN))
			WARN_ON(order >= MAX_ORDER);
		return NULL;
	}
	/* Fault injection (include/nest/fault-inject.h): fail on purpose. */
	if (should_fail_alloc_page(gfp, order,
				   (unsigned long)__builtin_return_address(0)))
		return NULL;
	spin_lock_irqsave(&zone_lock, flags);
	page = __rmqueue_smallest(order);
	if (page)
		free_pages_count -= 1UL << order;
	spin_unlock_irqrestore(&zone_lock, flags);
	if (!page) {
		if (!(gfp & __GFP_NOWARN))
			pr_warn("page allocation failure: order:%u, free pages %lu\n",
				order, nr_free_pages());
		return NULL;
	}
	prep_new_pages(page, gfp, order);
	return page;
}

void __free_pages(struct page *page, unsigned int order)
{
	unsigned long flags, i, n = 1UL << order;
	unsigned long pfn = page_to_pfn(page);

	/* Freeing the wrong thing is a kernel bug: say so where it happens. */
	BUG_ON(pfn >= max_pfn);
	BUG_ON(order >= MAX_ORDER);
	BUG_ON(pfn & (n - 1));
	BUG_ON(PageTail(page));
	BUG_ON(PageReserved(page) || PageBuddy(page) || PageSlab(page));
	BUG_ON(page->_refcount != 1);
	BUG_ON(PageHead(page) && page->compound_order != order);

	page->_refcount = 0;
	page->compound_order = 0;
	for (i = 0; i < n; i++) {
		page[i].flags = 0;
		page[i].first_page = NULL;
	}

	spin_lock_irqsave(&zone_lock, flags);
	__free_one_page(pfn, order);
	free_pages_count += n;
	spin_unlock_irqrestore(&zone_lock, flags);
}

unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp, order);

	return page ? (unsigned long)page_address(page) : 0;
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (addr)
		__free_pages(virt_to_page(addr), order);
}

unsigned long nr_free_pages(void)
{
	return free_pages_count;
}

unsigned long nr_managed_pages(void)
{
	return managed_pages;
}

unsigned long nr_free_blocks(unsigned int order)
{
	return order < MAX_ORDER ? free_area[order].nr_free : 0;
}

void free_area_init(struct page *map, unsigned long nr_pfns)
{
	unsigned long pfn;
	unsigned int order;

	mem_map = map;
	max_pfn = nr_pfns;
	for (pfn = 0; pfn < nr_pfns; pfn++) {
		memset(&map[pfn], 0, sizeof(map[pfn]));
		SetPageFlag(&map[pfn], PG_reserved);
	}
	for (order = 0; order < MAX_ORDER; order++) {
		INIT_LIST_HEAD(&free_area[order].free_list);
		free_area[order].nr_free = 0;
	}
	managed_pages = 0;
	free_pages_count = 0;
}

/*
 * Hand pfns [start_pfn, end_pfn) to the allocator.  The range is cut into
 * the largest naturally aligned blocks that fit, as Linux's
 * __free_pages_memory() does, so a boot with 128 MiB starts with mostly
 * order-10 blocks.
 */
void free_area_add_range(unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long pfn = start_pfn, flags, i;

	BUG_ON(end_pfn > max_pfn);
	spin_lock_irqsave(&zone_lock, flags);
	while (pfn < end_pfn) {
		unsigned int order = MAX_ORDER - 1;

		while (order > 0 &&
		       ((pfn & ((1UL << order) - 1)) || pfn + (1UL << order) > end_pfn))
			order--;
		for (i = 0; i < (1UL << order); i++) {
			BUG_ON(!PageReserved(&mem_map[pfn + i]));
			ClearPageFlag(&mem_map[pfn + i], PG_reserved);
		}
		__free_one_page(pfn, order);
		managed_pages += 1UL << order;
		free_pages_count += 1UL << order;
		pfn += 1UL << order;
	}
	spin_unlock_irqrestore(&zone_lock, flags);
}

void show_buddyinfo(void)
{
	unsigned int order;

	printk(KERN_INFO "buddyinfo:");
	for (order = 0; order < MAX_ORDER; order++)
		pr_cont(" %lu", free_area[order].nr_free);
	pr_cont("  (free %lu of %lu pages)\n", free_pages_count, managed_pages);
}
