/*
 * include/nest/mm.h - physical pages: struct page, the buddy allocator's API
 * and the virtual <-> physical conversions of the kernel's direct map.
 *
 * Every physical page frame has a struct page in mem_map[], indexed by page
 * frame number (pfn).  Low memory is mapped once at PAGE_OFFSET (0xC0000000),
 * Linux i386's 3G/1G split, so a page's kernel address is PAGE_OFFSET plus
 * its physical address.  The allocator is mm/page_alloc.c; the slab allocator
 * (mm/slab.c) takes its slabs from it.
 */
#ifndef NEST_MM_H
#define NEST_MM_H

#include <nest/types.h>
#include <nest/list.h>
#include <nest/gfp.h>

#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))
#define PAGE_ALIGN(x)	ALIGN((unsigned long)(x), PAGE_SIZE)

/* Buddy orders 0..MAX_ORDER-1: blocks of 1 to 1024 pages (4 KiB to 4 MiB). */
#define MAX_ORDER	11

#ifdef NEST_HOST
/* Host unit tests put "physical memory" in a malloc'ed arena; pfn 0 is its start. */
extern unsigned long host_page_offset;
#define PAGE_OFFSET	host_page_offset
#else
#define PAGE_OFFSET	0xC0000000UL
#endif

#define __pa(x)		((phys_addr_t)((unsigned long)(x) - PAGE_OFFSET))
#define __va(x)		((void *)((unsigned long)(x) + PAGE_OFFSET))

/* Page flags (bit numbers in page->flags). */
enum pageflags {
	PG_reserved,	/* not managed by the allocator: kernel image, holes, modules */
	PG_buddy,	/* first page of a free block in the buddy allocator */
	PG_slab,	/* first page of a slab; slab_cache says whose */
	PG_head,	/* first page of a compound (__GFP_COMP) block */
	PG_tail,	/* any other page of a compound block */
};

/* See struct page's page directory fields and mm/memory.c. */
#define PGD_USED_WORDS	3
#define PGD_USED_SPAN	(32UL << 20)	/* 3 x 32 bits x 32 MiB = 3 GiB of user space */

/*
 * One per physical page.  The union holds what the page's current owner
 * needs; the flags say which owner that is.  Kept small: 128 MiB of RAM
 * costs 32768 of these.
 */
struct page {
	unsigned long flags;
	union {
		struct {			/* PG_buddy: head of a free block */
			struct list_head buddy_list;
			unsigned int private;	/* order of the free block */
		};
		struct {			/* PG_slab: head page of a slab */
			struct list_head slab_list;
			struct kmem_cache *slab_cache;
			void *freelist;		/* first free object */
			unsigned short inuse;	/* objects handed out */
			unsigned short s_colour; /* colour offset of this slab, bytes */
		};
		struct {			/* PG_tail: rest of a compound block */
			struct page *first_page;
		};
		struct {			/* a user page table (mm/memory.c) */
			/* Its present PTEs all lie in [pt_lo, pt_hi): fork and exit scan only those. */
			unsigned short pt_lo;
			unsigned short pt_hi;
		};
		struct {			/* a page directory (mm/memory.c) */
			/* A bit per PGD_USED_SPAN of user space that may have page tables. */
			u32 pgd_used[PGD_USED_WORDS];
		};
	};
	unsigned char compound_order;	/* PG_head: order of the block */
	int _refcount;			/* 0 while free */
};

extern struct page *mem_map;
extern unsigned long max_pfn;		/* one past the highest pfn in mem_map */

#define pfn_to_page(pfn)	(mem_map + (pfn))
#define page_to_pfn(page)	((unsigned long)((page) - mem_map))
#define page_to_phys(page)	((phys_addr_t)page_to_pfn(page) << PAGE_SHIFT)
#define page_address(page)	__va(page_to_phys(page))
#define virt_to_page(addr)	pfn_to_page(__pa(addr) >> PAGE_SHIFT)
#define virt_to_pfn(addr)	(__pa(addr) >> PAGE_SHIFT)

static inline bool PageFlag(const struct page *page, enum pageflags f)
{
	return page->flags & (1UL << f);
}

static inline void SetPageFlag(struct page *page, enum pageflags f)
{
	page->flags |= 1UL << f;
}

static inline void ClearPageFlag(struct page *page, enum pageflags f)
{
	page->flags &= ~(1UL << f);
}

#define PageReserved(p)		PageFlag(p, PG_reserved)
#define PageBuddy(p)		PageFlag(p, PG_buddy)
#define PageSlab(p)		PageFlag(p, PG_slab)
#define __SetPageSlab(p)	SetPageFlag(p, PG_slab)
#define __ClearPageSlab(p)	ClearPageFlag(p, PG_slab)
#define PageHead(p)		PageFlag(p, PG_head)
#define PageTail(p)		PageFlag(p, PG_tail)

/* The first page of the compound block that @page belongs to (or @page). */
static inline struct page *compound_head(struct page *page)
{
	return PageTail(page) ? page->first_page : page;
}

static inline unsigned int compound_order(struct page *page)
{
	return PageHead(page) ? page->compound_order : 0;
}

/* ---- the buddy allocator: mm/page_alloc.c ---- */

/*
 * alloc_pages - allocate 2^order physically contiguous pages.
 * @gfp: GFP_* flags; __GFP_ZERO zeroes, __GFP_COMP marks a compound block.
 * @order: 0 .. MAX_ORDER-1.
 * Returns the first page, or NULL when no block that large is free (never
 * panics; callers turn NULL into -ENOMEM).  Safe with interrupts off.
 */
struct page *alloc_pages(gfp_t gfp, unsigned int order);

/* __free_pages - give back a block from alloc_pages() with the same order. */
void __free_pages(struct page *page, unsigned int order);

/* The same, by kernel address. */
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
void free_pages(unsigned long addr, unsigned int order);

#define alloc_page(gfp)		alloc_pages(gfp, 0)
#define __free_page(page)	__free_pages(page, 0)
#define __get_free_page(gfp)	__get_free_pages(gfp, 0)
#define free_page(addr)		free_pages(addr, 0)

/*
 * ---- page reference counts (as Linux's get_page/put_page) ----
 *
 * A page from alloc_pages() starts with one reference, its allocator's.
 * A user page shared copy-on-write between address spaces after fork()
 * (mm/memory.c) has one per page-table entry that maps it; the last
 * put_page() frees it.  __free_pages() still insists on exactly one
 * reference, so freeing a page someone else maps is caught where it
 * happens.  Plain ints, no atomics: Nest has one CPU, its kernel is not
 * preemptible, and no interrupt handler maps or unmaps user pages.
 */
static inline int page_count(const struct page *page)
{
	return page->_refcount;
}

/* Take one more reference on @page (it must have one already). */
static inline void get_page(struct page *page)
{
	page->_refcount++;
}

/* Drop a reference on order-0 page @page; the last one frees it. */
static inline void put_page(struct page *page)
{
	if (page->_refcount == 1)
		__free_pages(page, 0);	/* BUG_ONs a page that was free already */
	else
		page->_refcount--;
}

/*
 * copy_page, clear_page - one page, a 32-bit word at a time (Linux i386's
 * names).  rep movsl/stosl: 1024 iterations, where the byte loops of
 * memcpy()/memset() take about 4096 x 4 instructions; fork, the
 * copy-on-write fault and every zeroed page go through these.
 */
#ifdef NEST_HOST
/* Host unit tests: any machine, and ASan sees the accesses. */
#include <nest/string.h>
static inline void copy_page(void *to, const void *from)
{
	memcpy(to, from, PAGE_SIZE);
}

static inline void clear_page(void *page)
{
	memset(page, 0, PAGE_SIZE);
}
#else
static inline void copy_page(void *to, const void *from)
{
	unsigned long d0, d1, d2;

	asm volatile("rep movsl"
		     : "=&c"(d0), "=&D"(d1), "=&S"(d2)
		     : "0"(PAGE_SIZE / 4), "1"(to), "2"(from)
		     : "memory");
}

static inline void clear_page(void *page)
{
	unsigned long d0, d1;

	asm volatile("rep stosl"
		     : "=&c"(d0), "=&D"(d1)
		     : "a"(0), "0"(PAGE_SIZE / 4), "1"(page)
		     : "memory");
}
#endif /* NEST_HOST */

/* Counters, for /proc/meminfo, for tests' leak checks and for the report. */
unsigned long nr_free_pages(void);
unsigned long nr_managed_pages(void);
unsigned long nr_free_blocks(unsigned int order);

/*
 * Boot-time set-up, called by mm/init.c (or by a host test on its arena):
 * @map describes pfns 0..@nr_pfns-1, all PG_reserved; then each usable range
 * is handed over with free_area_add_range().
 */
void free_area_init(struct page *map, unsigned long nr_pfns);
void free_area_add_range(unsigned long start_pfn, unsigned long end_pfn);

/*
 * After populate_rootfs() has unpacked the initramfs, its pages go to the
 * allocator (mm/init.c); initrd_freed_pages counts them.
 */
void free_initrd_mem(phys_addr_t start, phys_addr_t end);
extern unsigned long initrd_freed_pages;

/* Print the free blocks per order, like /proc/buddyinfo. */
void show_buddyinfo(void);

#endif /* NEST_MM_H */
