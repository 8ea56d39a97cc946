/*
 * include/nest/pgtable.h - i386 two-level page tables (no PAE).
 *
 * A 32-bit virtual address splits into 10 bits of page-directory index,
 * 10 bits of page-table index and 12 bits of offset.  The kernel half of
 * every page directory (entries 768..1023, addresses from 0xC0000000) points
 * at the same page tables, made once at boot by paging_init(), so a kernel
 * mapping made in one address space is seen in all of them.
 */
#ifndef NEST_PGTABLE_H
#define NEST_PGTABLE_H

#include <nest/types.h>
#include <nest/layout.h>

typedef u32 pgd_t;	/* a page-directory entry */
typedef u32 pte_t;	/* a page-table entry */

#define PTRS_PER_PGD	1024
#define PTRS_PER_PTE	1024
#define PGDIR_SHIFT	22
#define PGDIR_SIZE	(1UL << PGDIR_SHIFT)	/* 4 MiB mapped by one table */
#define KERNEL_PGD_BOUNDARY	(KERNEL_VIRT_BASE >> PGDIR_SHIFT)	/* 768 */

#define pgd_index(va)	(((unsigned long)(va) >> PGDIR_SHIFT) & (PTRS_PER_PGD - 1))
#define pte_index(va)	(((unsigned long)(va) >> 12) & (PTRS_PER_PTE - 1))

/* Entry bits (Intel SDM vol. 3, 4.3). */
#define _PAGE_PRESENT	0x001
#define _PAGE_RW	0x002
#define _PAGE_USER	0x004
#define _PAGE_PWT	0x008
#define _PAGE_PCD	0x010
#define _PAGE_ACCESSED	0x020
#define _PAGE_DIRTY	0x040
#define _PAGE_PSE	0x080	/* in a pgd entry: a 4 MiB page */
#define _PAGE_GLOBAL	0x100
#define PTE_PFN_MASK	0xFFFFF000u

#define PAGE_KERNEL	(_PAGE_PRESENT | _PAGE_RW)
#define PAGE_KERNEL_RO	(_PAGE_PRESENT)
#define PAGE_TABLE	(_PAGE_PRESENT | _PAGE_RW | _PAGE_USER)

extern pgd_t swapper_pg_dir[PTRS_PER_PGD];

/* Build the kernel's page tables and switch to them (mm/paging.c). */
void paging_init(unsigned long lowmem_end);

/*
 * lookup_address - the page-table entry that maps @va in the current
 * address space, or NULL if no page table covers it.  (Linux's name.)
 */
pte_t *lookup_address(unsigned long va);

/* Is @addr a mapped kernel address?  Safe to call from a fault report. */
bool kern_addr_valid(unsigned long addr);

/*
 * Map or unmap one 4 KiB kernel page (the address must be in the vmalloc
 * area or the direct map, whose page tables always exist).
 */
void set_kernel_pte(unsigned long va, phys_addr_t pa, u32 flags);
void clear_kernel_pte(unsigned long va);

#endif /* NEST_PGTABLE_H */
