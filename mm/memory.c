/*
 * mm/memory.c - user page tables: mapping, copying and freeing the pages
 * of a process, and the demand-zero page fault.
 *
 * User space is the low 768 entries of a page directory.  Their page tables
 * are allocated as pages get mapped, and freed with the mm.  The kernel
 * half (entries 768-1023) is copied from swapper_pg_dir when a directory is
 * made; mm/paging.c made all of those tables at boot, so they never change.
 *
 * fork() copies every present page (Nest has no copy-on-write yet: that is
 * a later step); exit() frees them all.
 */
#include <nest/mman.h>
#include <nest/mm.h>
#include <nest/string.h>
#include <nest/errno.h>
#include <nest/bug.h>
#include <nest/io.h>
#include <uapi/signal.h>
#include "internal.h"

#define USER_PGD_ENTRIES	KERNEL_PGD_BOUNDARY	/* 768: below 0xC0000000 */

/* A new page directory: no user mappings, the kernel's half shared. */
pgd_t *pgd_alloc(void)
{
	pgd_t *pgd = (pgd_t *)__get_free_page(GFP_KERNEL);

	if (!pgd)
		return NULL;
	memset(pgd, 0, USER_PGD_ENTRIES * sizeof(pgd_t));
	memcpy(pgd + USER_PGD_ENTRIES, swapper_pg_dir + USER_PGD_ENTRIES,
	       (PTRS_PER_PGD - USER_PGD_ENTRIES) * sizeof(pgd_t));
	return pgd;
}

void pgd_free(pgd_t *pgd)
{
	free_page((unsigned long)pgd);
}

/* The page table for user address @addr, allocating it if @alloc. */
static pte_t *user_pte(struct mm_struct *mm, unsigned long addr, bool alloc)
{
	pgd_t *pgd = &mm->pgd[pgd_index(addr)];

	if (!(*pgd & _PAGE_PRESENT)) {
		unsigned long table;

		if (!alloc)
			return NULL;
		table = __get_free_page(__GFP_ZERO);
		if (!table)
			return NULL;
		/* The directory entry allows everything; the PTEs decide. */
		*pgd = __pa(table) | PAGE_TABLE;
	}
	return (pte_t *)__va(*pgd & PTE_PFN_MASK) + pte_index(addr);
}

static u32 vm_flags_to_pte(unsigned long vm_flags)
{
	/* i386 without PAE cannot forbid execution; readable is present. */
	return _PAGE_PRESENT | _PAGE_USER | ((vm_flags & VM_WRITE) ? _PAGE_RW : 0);
}

int install_user_page(struct mm_struct *mm, unsigned long addr, struct page *page,
		      unsigned long vm_flags)
{
	pte_t *pte = user_pte(mm, addr, true);

	if (!pte)
		return -ENOMEM;
	BUG_ON(*pte & _PAGE_PRESENT);
	*pte = page_to_phys(page) | vm_flags_to_pte(vm_flags);
	mm->nr_pages++;
	return 0;
}

struct page *follow_page(struct mm_struct *mm, unsigned long addr)
{
	pte_t *pte = user_pte(mm, addr, false);

	if (!pte || !(*pte & _PAGE_PRESENT))
		return NULL;
	return pfn_to_page(*pte >> PAGE_SHIFT);
}

/* Unmap and free the pages of [start, end); the page tables stay. */
void zap_page_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	unsigned long addr;
	bool current_mm = read_cr3() == __pa(mm->pgd);

	for (addr = start; addr < end; addr += PAGE_SIZE) {
		pte_t *pte = user_pte(mm, addr, false);

		if (!pte) {
			/* No table: skip to the next 4 MiB boundary. */
			addr = ALIGN(addr + 1, PGDIR_SIZE) - PAGE_SIZE;
			continue;
		}
		if (!(*pte & _PAGE_PRESENT))
			continue;
		__free_page(pfn_to_page(*pte >> PAGE_SHIFT));
		*pte = 0;
		mm->nr_pages--;
		if (current_mm)
			invlpg(addr);
	}
}

/* Free every user page table of @mm (its pages must be gone already). */
void free_pgtables(struct mm_struct *mm)
{
	unsigned int i;

	for (i = 0; i < USER_PGD_ENTRIES; i++) {
		if (mm->pgd[i] & _PAGE_PRESENT) {
			free_page((unsigned long)__va(mm->pgd[i] & PTE_PFN_MASK));
			mm->pgd[i] = 0;
		}
	}
}

/*
 * fork(): give @dst a private copy of every page @src has mapped in @vma.
 * Returns 0 or -ENOMEM (the caller frees what was copied so far).
 */
int copy_page_range(struct mm_struct *dst, struct mm_struct *src,
		    struct vm_area_struct *vma)
{
	unsigned long addr;

	for (addr = vma->vm_start; addr < vma->vm_end; addr += PAGE_SIZE) {
		struct page *from = follow_page(src, addr), *to;

		if (!from)
			continue;
		to = alloc_page(GFP_KERNEL);
		if (!to)
			return -ENOMEM;
		memcpy(page_address(to), page_address(from), PAGE_SIZE);
		if (install_user_page(dst, addr, to, vma->vm_flags)) {
			__free_page(to);
			return -ENOMEM;
		}
	}
	return 0;
}

/*
 * The page fault on user memory: allocate a zeroed page where the area
 * allows the access.  Linux's handle_mm_fault() for anonymous memory, minus
 * copy-on-write (fork copies eagerly, so a present page is never shared).
 */
int handle_mm_fault(struct mm_struct *mm, unsigned long address, bool write,
		    int *si_code)
{
	struct vm_area_struct *vma = find_vma(mm, address);
	struct page *page;
	int err;

	*si_code = SEGV_MAPERR;
	if (!vma)
		return -EFAULT;
	*si_code = SEGV_ACCERR;
	if ((write && !(vma->vm_flags & VM_WRITE)) ||
	    (!write && !(vma->vm_flags & (VM_READ | VM_EXEC))))
		return -EFAULT;
	/* Present already: a protection fault, which the checks above allow? */
	if (follow_page(mm, address))
		return -EFAULT;
	page = alloc_page(__GFP_ZERO | __GFP_NOWARN);
	if (!page)
		return -ENOMEM;
	err = install_user_page(mm, address & PAGE_MASK, page, vma->vm_flags);
	if (err)
		__free_page(page);
	return err;
}
