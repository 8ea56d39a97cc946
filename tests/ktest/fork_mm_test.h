/*
 * tests/ktest/fork_mm_test.h - what the two suites on fork's memory share:
 * fork_mm_test.c (the `fork_mm` suite: what any fork must do, copying or
 * copy-on-write) and lab6_cow.c (the `lab6_cow` suite: how copy-on-write
 * does it).  The address spaces are built by hand (mm_alloc,
 * insert_vm_area, handle_mm_fault), forked with dup_mm() and dropped with
 * mmput(); only the copy_to_user() cases load one in cr3.
 */
#ifndef NEST_TESTS_FORK_MM_TEST_H
#define NEST_TESTS_FORK_MM_TEST_H

#include <nest/ktest.h>
#include <nest/mman.h>
#include <nest/mm.h>

#define COW_RW_START	0x40000000UL	/* a writable area (data, heap) */
#define COW_RW_PAGES	4
#define COW_RO_START	0x50000000UL	/* a read-only one (text) */
#define COW_FAULTED	3		/* pages of the writable area touched */

/* The first word written into page @i of the writable area. */
#define COW_MARK(i)	(0xc0de0000u + (i))

/* The address of page @i of the writable area. */
static inline unsigned long rw_addr(unsigned int i)
{
	return COW_RW_START + i * PAGE_SIZE;
}

/*
 * Free pages once the slab caches have given back their empty slabs (as
 * the suite's leak check counts them), so that a slab page that came or
 * went with an mm_struct does not look like a user page.
 */
unsigned long free_pages_settled(void);

/* The first word of the page mapped at @addr in @mm, or NULL if none. */
u32 *page_word(struct mm_struct *mm, unsigned long addr);

/* Is @addr mapped present and writable in @mm's page table? */
bool pte_writable(struct mm_struct *mm, unsigned long addr);

/*
 * A parent as after a few stores: COW_FAULTED pages of a COW_RW_PAGES
 * writable area faulted in and marked (COW_MARK), plus one page of a
 * read-only area.  NULL if memory ran out.
 */
struct mm_struct *make_parent(void);

/*
 * Store @v at @addr in @mm as the CPU would: if the page is not writable
 * in @mm's page table, take the write fault first (handle_mm_fault()).
 * Returns handle_mm_fault()'s error, or 0 when the store was done.
 */
int store_word(struct mm_struct *mm, unsigned long addr, u32 v);

#endif /* NEST_TESTS_FORK_MM_TEST_H */
