/*
 * mm/paging.c - the kernel's page tables.
 *
 * The boot code maps the first 64 MiB with 4 MiB pages.  paging_init()
 * replaces that with swapper_pg_dir, Linux's name for the kernel's page
 * directory, built from 4 KiB page tables:
 *   - the direct map: all low memory at 0xC0000000, read-write;
 *   - empty page tables for the vmalloc area, filled as stacks are made;
 *   - no identity map, so a NULL or low-address dereference faults;
 *   - the kernel text read-only, so a stray write to code faults;
 *   - the page below the boot stack unmapped, as its guard.
 * Every kernel page table is allocated here and never freed, so the kernel
 * half of any page directory can be copied once and stay valid.
 * Called by mm/init.c; the page tables come from memblock.
 */
#include <nest/pgtable.h>
#include <nest/memblock.h>
#include <nest/mm.h>
#include <nest/desc.h>
#include <nest/io.h>
#include <nest/string.h>
#include <nest/printk.h>
#include <nest/bug.h>

pgd_t swapper_pg_dir[PTRS_PER_PGD] __aligned(PAGE_SIZE);

extern char _text[], _etext[], boot_stack_guard[];

/* The page table covering @va in @pgdir, or NULL. */
static pte_t *pte_table(pgd_t *pgdir, unsigned long va)
{
	pgd_t pgd = pgdir[pgd_index(va)];

	if (!(pgd & _PAGE_PRESENT) || (pgd & _PAGE_PSE))
		return NULL;
	return __va(pgd & PTE_PFN_MASK);
}

/* Give @pgdir page tables for [start, end), from memblock. */
static void alloc_kernel_tables(pgd_t *pgdir, unsigned long start, unsigned long end)
{
	unsigned long va;

	for (va = start; va < end; va += PGDIR_SIZE) {
		phys_addr_t pt = memblock_alloc(PAGE_SIZE, PAGE_SIZE);

		if (!pt)
			panic("paging_init: no memory for page tables");
		memset(__va(pt), 0, PAGE_SIZE);
		pgdir[pgd_index(va)] = pt | _PAGE_PRESENT | _PAGE_RW;
	}
}

void paging_init(unsigned long lowmem_end)
{
	unsigned long va, pa;
	unsigned long direct_end = KERNEL_VIRT_BASE + lowmem_end;

	memset(swapper_pg_dir, 0, sizeof(swapper_pg_dir));
	alloc_kernel_tables(swapper_pg_dir, KERNEL_VIRT_BASE, ALIGN(direct_end, PGDIR_SIZE));
	alloc_kernel_tables(swapper_pg_dir, VMALLOC_START, VMALLOC_END);

	for (va = KERNEL_VIRT_BASE, pa = 0; va < direct_end; va += PAGE_SIZE, pa += PAGE_SIZE) {
		u32 flags = PAGE_KERNEL;

		if (va >= (unsigned long)_text && va < (unsigned long)_etext)
			flags = PAGE_KERNEL_RO;
		pte_table(swapper_pg_dir, va)[pte_index(va)] = pa | flags;
	}
	/* The boot stack's guard page: an overflow now faults here. */
	va = (unsigned long)boot_stack_guard;
	pte_table(swapper_pg_dir, va)[pte_index(va)] = 0;

	write_cr3(__pa(swapper_pg_dir));
	doublefault_tss.cr3 = __pa(swapper_pg_dir);
	pr_info("paging: direct map %08lx-%08lx, vmalloc %08lx-%08lx, text read-only\n",
		KERNEL_VIRT_BASE, direct_end - 1, VMALLOC_START, VMALLOC_END - 1);
}

pte_t *lookup_address(unsigned long va)
{
	pte_t *table = pte_table(__va(read_cr3()), va);

	return table ? &table[pte_index(va)] : NULL;
}

bool kern_addr_valid(unsigned long addr)
{
	pgd_t *pgdir = __va(read_cr3());
	pgd_t pgd = pgdir[pgd_index(addr)];
	pte_t *pte;

	if (!(pgd & _PAGE_PRESENT))
		return false;
	if (pgd & _PAGE_PSE)	/* the boot directory's 4 MiB pages */
		return true;
	pte = lookup_address(addr);
	return pte && (*pte & _PAGE_PRESENT);
}

void set_kernel_pte(unsigned long va, phys_addr_t pa, u32 flags)
{
	pte_t *pte = lookup_address(va);

	BUG_ON(va < KERNEL_VIRT_BASE || !pte);
	*pte = (pa & PTE_PFN_MASK) | flags;
	invlpg(va);
}

void clear_kernel_pte(unsigned long va)
{
	pte_t *pte = lookup_address(va);

	BUG_ON(va < KERNEL_VIRT_BASE || !pte);
	*pte = 0;
	invlpg(va);
}
