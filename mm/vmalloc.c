/*
 * mm/vmalloc.c - kernel stacks with guard pages (include/nest/vmalloc.h).
 *
 * The vmalloc area is cut into slots of one guard page plus a stack.  A
 * slot's stack pages come from the buddy allocator and are mapped in the
 * kernel page tables (which paging_init() made for the whole area, so every
 * address space sees them); the guard page is never mapped.  A bitmap says
 * which slots are taken.  As Linux's CONFIG_VMAP_STACK, minus the general
 * vmalloc() that Nest does not need yet.
 */
#include <nest/vmalloc.h>
#include <nest/layout.h>
#include <nest/mm.h>
#include <nest/pgtable.h>
#include <nest/spinlock.h>
#include <nest/string.h>
#include <nest/bug.h>

#define STACK_SLOT_SIZE	(PAGE_SIZE + KERNEL_STACK_SIZE)
#define NR_STACK_SLOTS	((VMALLOC_END - VMALLOC_START) / STACK_SLOT_SIZE)
#define BITS_PER_WORD	(8 * sizeof(unsigned long))

extern char boot_stack_guard[];

static unsigned long slot_map[DIV_ROUND_UP(NR_STACK_SLOTS, BITS_PER_WORD)];
static unsigned long next_slot;		/* where the search starts */
static unsigned long nr_stacks;
static DEFINE_SPINLOCK(vmap_lock);

static bool slot_used(unsigned long i)
{
	return slot_map[i / BITS_PER_WORD] & (1UL << (i % BITS_PER_WORD));
}

static void slot_set(unsigned long i, bool used)
{
	if (used)
		slot_map[i / BITS_PER_WORD] |= 1UL << (i % BITS_PER_WORD);
	else
		slot_map[i / BITS_PER_WORD] &= ~(1UL << (i % BITS_PER_WORD));
}

/* Claim a free slot; returns its index or -1. */
static long claim_slot(void)
{
	unsigned long flags, n, i;
	long found = -1;

	spin_lock_irqsave(&vmap_lock, flags);
	for (n = 0; n < NR_STACK_SLOTS; n++) {
		i = (next_slot + n) % NR_STACK_SLOTS;
		if (!slot_used(i)) {
			slot_set(i, true);
			next_slot = i + 1;
			nr_stacks++;
			found = i;
			break;
		}
	}
	spin_unlock_irqrestore(&vmap_lock, flags);
	return found;
}

static void release_slot(unsigned long i)
{
	unsigned long flags;

	spin_lock_irqsave(&vmap_lock, flags);
	slot_set(i, false);
	nr_stacks--;
	spin_unlock_irqrestore(&vmap_lock, flags);
}

void *alloc_thread_stack(gfp_t gfp)
{
	unsigned long base, i;
	struct page *pages;
	long slot = claim_slot();

	if (slot < 0)
		return NULL;
	pages = alloc_pages(gfp & ~__GFP_COMP, KERNEL_STACK_ORDER);
	if (!pages) {
		release_slot(slot);
		return NULL;
	}
	/* The slot starts with its guard page; the stack is mapped above it. */
	base = VMALLOC_START + slot * STACK_SLOT_SIZE + PAGE_SIZE;
	for (i = 0; i < (1UL << KERNEL_STACK_ORDER); i++)
		set_kernel_pte(base + i * PAGE_SIZE, page_to_phys(pages + i), PAGE_KERNEL);
	return (void *)base;
}

void free_thread_stack(void *stack)
{
	unsigned long base = (unsigned long)stack, i;
	struct page *pages;

	BUG_ON(base < VMALLOC_START || base >= VMALLOC_END || !is_stack_guard_page(base - 1));
	pages = pfn_to_page(*lookup_address(base) >> PAGE_SHIFT);
	for (i = 0; i < (1UL << KERNEL_STACK_ORDER); i++)
		clear_kernel_pte(base + i * PAGE_SIZE);
	__free_pages(pages, KERNEL_STACK_ORDER);
	release_slot((base - VMALLOC_START) / STACK_SLOT_SIZE);
}

bool is_stack_guard_page(unsigned long addr)
{
	unsigned long boot_guard = (unsigned long)boot_stack_guard;

	if (addr >= boot_guard && addr < boot_guard + PAGE_SIZE)
		return true;
	return addr >= VMALLOC_START && addr < VMALLOC_END &&
	       (addr - VMALLOC_START) % STACK_SLOT_SIZE < PAGE_SIZE;
}

unsigned long nr_thread_stacks(void)
{
	return nr_stacks;
}
