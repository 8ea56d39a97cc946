/*
 * mm/internal.h - what the files of mm/ share among themselves and no one
 * else needs (as Linux's mm/internal.h).
 */
#ifndef MM_INTERNAL_H
#define MM_INTERNAL_H

#include <nest/mm_types.h>

/* mm/memory.c: page directories and the user page tables under them. */
pgd_t *pgd_alloc(void);
void pgd_free(pgd_t *pgd);
void zap_page_range(struct mm_struct *mm, unsigned long start, unsigned long end);
void free_pgtables(struct mm_struct *mm);
int copy_page_range(struct mm_struct *dst, struct mm_struct *src,
		    struct vm_area_struct *vma);
/* Drop the TLB's user entries if @mm is the loaded address space. */
void flush_tlb_mm(struct mm_struct *mm);

#endif /* MM_INTERNAL_H */
