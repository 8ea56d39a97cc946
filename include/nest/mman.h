/*
 * include/nest/mman.h - managing address spaces (mm/mmap.c: areas;
 * mm/memory.c: page tables, copy-on-write and the page fault), with Linux's
 * names.
 */
#ifndef NEST_MMAN_H
#define NEST_MMAN_H

#include <nest/mm_types.h>
#include <nest/gfp.h>

struct task_struct;
struct pt_regs;
struct page;

/* A new, empty address space (kernel half mapped), or NULL. */
struct mm_struct *mm_alloc(void);
/* Drop a user of @mm; the last one frees every page, table and VMA. */
void mmput(struct mm_struct *mm);
/*
 * A copy of @oldmm for fork(): the same VMAs, every page shared
 * copy-on-write (mm/memory.c) and @oldmm's TLB flushed.  NULL on ENOMEM.
 */
struct mm_struct *dup_mm(struct mm_struct *oldmm);
/* Switch the CPU to @mm (load cr3). */
void activate_mm(struct mm_struct *mm);

/* The VMA containing @addr, or NULL. */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
/*
 * Add an area [start, end) with @vm_flags; it must not overlap another.
 * Returns 0, -ENOMEM.  Merges with an adjacent area of the same flags.
 */
int insert_vm_area(struct mm_struct *mm, unsigned long start, unsigned long end,
		   unsigned long vm_flags);
/* Remove [start, end) from every area it overlaps, freeing its pages. */
int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len);

/* Map @page at @addr in @mm with the permissions of @vm_flags. 0 or -ENOMEM. */
int install_user_page(struct mm_struct *mm, unsigned long addr, struct page *page,
		      unsigned long vm_flags);
/*
 * The page mapped at @addr in @mm, or NULL; no reference is taken.  Since
 * fork shares pages copy-on-write, the page may be mapped by other mms
 * too: read through it freely, but write only to a page of an mm that
 * nothing else has seen yet (exec's new mm), or fault it in for writing
 * first (handle_mm_fault(), write true) so that it is @mm's own.
 */
struct page *follow_page(struct mm_struct *mm, unsigned long addr);
/*
 * The page-table entry for @addr in @mm (a pointer into its page table),
 * or NULL when no page table covers @addr.  The entry may be 0 (no page).
 * For tests and for reporting (_PAGE_RW off on a present page in a
 * writable area: copy-on-write).
 */
pte_t *follow_pte(struct mm_struct *mm, unsigned long addr);
/* Copy-on-write faults since boot: pages copied, pages made writable again. */
void cow_fault_counts(unsigned long *copies, unsigned long *reuses);

/*
 * A user page fault at @address in @mm (write if @write).  Returns 0 when
 * the page is now mapped (for a write: writable, @mm's own copy), -EFAULT when the access is not allowed (outside
 * every area, or against its permissions), -ENOMEM when no page is free.
 */
int handle_mm_fault(struct mm_struct *mm, unsigned long address, bool write,
		    int *si_code);

/* Counters for tests: address spaces alive. */
unsigned long nr_mm_structs(void);

void mm_caches_init(void);

#endif /* NEST_MMAN_H */
