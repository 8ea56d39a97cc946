/*
 * include/nest/mman.h - managing address spaces (mm/mmap.c, mm/memory.c,
 * mm/fault.c), with Linux's names.
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
/* A copy of @oldmm for fork(): same VMAs, each page copied.  NULL on ENOMEM. */
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
/* The page mapped at @addr in @mm, or NULL. */
struct page *follow_page(struct mm_struct *mm, unsigned long addr);

/*
 * A user page fault at @address in @mm (write if @write).  Returns 0 when
 * the page is now mapped, -EFAULT when the access is not allowed (outside
 * every area, or against its permissions), -ENOMEM when no page is free.
 */
int handle_mm_fault(struct mm_struct *mm, unsigned long address, bool write,
		    int *si_code);

/* Counters for tests: address spaces alive. */
unsigned long nr_mm_structs(void);

void mm_caches_init(void);

#endif /* NEST_MMAN_H */
