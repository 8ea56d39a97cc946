/*
 * mm/memory.c - user page tables: mapping, sharing and freeing the pages of
 * a process, and the page fault on user memory.
 *
 * User space is the low 768 entries of a page directory.  Their page tables
 * are allocated as pages get mapped, and freed with the mm.  The kernel
 * half (entries 768-1023) is copied from swapper_pg_dir when a directory is
 * made; mm/paging.c made all of those tables at boot, so they never change.
 *
 * Every user page is anonymous and private (mmap2 refuses MAP_SHARED, and
 * exec copies a program's segments into fresh pages), and is made on first
 * touch: handle_mm_fault() maps a zeroed page (bss, brk, mmap, stack).
 * fork() copies no page: copy_page_range() maps the parent's pages into the
 * child too, takes a reference on each (struct page's _refcount, see
 * get_page() in include/nest/mm.h) and write-protects both sides.  The
 * first write to such a page faults, and do_wp_page() gives the writer its
 * own copy, or, when no one else maps the page any more, simply makes it
 * writable again.  That is copy-on-write, as Linux's mm/memory.c, and the
 * solution of lab 6 (docs/labs/lab6-cow.md), whose starter copies every
 * page at fork instead.
 *
 * Fork and exit walk page tables, and a process's address space is sparse
 * (text near 0x08048000, the stack just below 0xC0000000), so both keep
 * note of where the entries are: each page table's struct page holds the
 * range of its slots that may be present (pt_lo, pt_hi), and the
 * directory's holds a bit per 32 MiB of user space that may have a page
 * table (pgd_used).  Without them a fork and exit of a small process
 * scanned some 3,000 empty slots (about 20,000 instructions).
 *
 * Called by mm/mmap.c (dup_mm, exit_mmap, do_munmap), kernel/traps.c
 * (handle_mm_fault) and kernel/exec.c (install_user_page, follow_page).
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
/* Directory entries per bit of pgd_used (8: 32 MiB of 4 MiB tables). */
#define PGDS_PER_USED_BIT	(PGD_USED_SPAN / PGDIR_SIZE)

_Static_assert(PGD_USED_WORDS * 32 * PGDS_PER_USED_BIT == USER_PGD_ENTRIES,
	       "pgd_used must cover user space exactly");

/* The page a present PTE maps. */
#define pte_page(pte)		pfn_to_page((pte) >> PAGE_SHIFT)
/* The first address of the next 4 MiB (one page table's worth) after @addr. */
#define pgd_addr_end(addr)	ALIGN((addr) + 1, PGDIR_SIZE)

/* Copy-on-write faults so far, for tests and the report (vm_event-like). */
static unsigned long cow_copies, cow_reuses;

/* @n 32-bit words at @dst set to @v, or copied from @src: rep stosl/movsl. */
static void fill_words(void *dst, u32 v, unsigned long n)
{
	unsigned long d0, d1;

	asm volatile("rep stosl" : "=&c"(d0), "=&D"(d1) : "a"(v), "0"(n), "1"(dst) : "memory");
}

static void copy_words(void *dst, const void *src, unsigned long n)
{
	unsigned long d0, d1, d2;

	asm volatile("rep movsl" : "=&c"(d0), "=&D"(d1), "=&S"(d2)
		     : "0"(n), "1"(dst), "2"(src) : "memory");
}

/* A new page directory: no user mappings, the kernel's half shared. */
pgd_t *pgd_alloc(void)
{
	pgd_t *pgd = (pgd_t *)__get_free_page(GFP_KERNEL);
	struct page *dir;
	unsigned int w;

	if (!pgd)
		return NULL;
	fill_words(pgd, 0, USER_PGD_ENTRIES);
	copy_words(pgd + USER_PGD_ENTRIES, swapper_pg_dir + USER_PGD_ENTRIES,
		   PTRS_PER_PGD - USER_PGD_ENTRIES);
	dir = virt_to_page(pgd);
	for (w = 0; w < PGD_USED_WORDS; w++)
		dir->pgd_used[w] = 0;
	return pgd;
}

void pgd_free(pgd_t *pgd)
{
	free_page((unsigned long)pgd);
}

/* The page table covering user address @addr (its first entry), or NULL. */
static pte_t *pte_table(struct mm_struct *mm, unsigned long addr)
{
	pgd_t pgd = mm->pgd[pgd_index(addr)];

	return (pgd & _PAGE_PRESENT) ? (pte_t *)__va(pgd & PTE_PFN_MASK) : NULL;
}

/* A new, empty page table for @addr in @mm; NULL if no page is free. */
static pte_t *pte_alloc(struct mm_struct *mm, unsigned long addr)
{
	unsigned long table = __get_free_page(__GFP_ZERO);
	unsigned int used = pgd_index(addr) / PGDS_PER_USED_BIT;
	struct page *pt;

	if (!table)
		return NULL;
	pt = virt_to_page(table);
	pt->pt_lo = PTRS_PER_PTE;		/* nothing present yet */
	pt->pt_hi = 0;
	/* The directory entry allows everything; the PTEs decide. */
	mm->pgd[pgd_index(addr)] = __pa(table) | PAGE_TABLE;
	virt_to_page(mm->pgd)->pgd_used[used / 32] |= 1u << (used % 32);
	return (pte_t *)table;
}

/* Widen @table's present range to take in slots [lo, hi). */
static void pt_note(pte_t *table, unsigned int lo, unsigned int hi)
{
	struct page *pt = virt_to_page(table);

	if (lo < pt->pt_lo)
		pt->pt_lo = lo;
	if (hi > pt->pt_hi)
		pt->pt_hi = hi;
}

/* The PTE for user address @addr, allocating its page table if @alloc. */
static pte_t *user_pte(struct mm_struct *mm, unsigned long addr, bool alloc)
{
	pte_t *table = pte_table(mm, addr);

	if (!table && alloc)
		table = pte_alloc(mm, addr);
	return table ? table + pte_index(addr) : NULL;
}

/* Is @mm the address space the CPU is using (so its TLB entries count)? */
static bool mm_is_loaded(struct mm_struct *mm)
{
	return read_cr3() == __pa(mm->pgd);
}

void flush_tlb_mm(struct mm_struct *mm)
{
	/* Reloading cr3 drops every non-global TLB entry: all user ones. */
	if (mm_is_loaded(mm))
		write_cr3(read_cr3());
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
	pt_note(pte_table(mm, addr), pte_index(addr), pte_index(addr) + 1);
	mm->nr_pages++;
	return 0;
}

pte_t *follow_pte(struct mm_struct *mm, unsigned long addr)
{
	return user_pte(mm, addr, false);
}

struct page *follow_page(struct mm_struct *mm, unsigned long addr)
{
	pte_t *pte = user_pte(mm, addr, false);

	if (!pte || !(*pte & _PAGE_PRESENT))
		return NULL;
	return pte_page(*pte);
}

/*
 * Unmap [start, end) and drop a reference on each page (the last one frees
 * it); the page tables stay.  Only the slots of each table that may be
 * present are looked at.
 */
void zap_page_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	bool loaded = mm_is_loaded(mm);
	unsigned long addr, next, zapped = 0;

	for (addr = start; addr < end; addr = next) {
		unsigned int first, last, i, stop;
		pte_t *table, *pte;
		struct page *pt;

		next = min(pgd_addr_end(addr), end);
		table = pte_table(mm, addr);
		if (!table)
			continue;
		pt = virt_to_page(table);
		first = pte_index(addr);
		last = pte_index(next - PAGE_SIZE) + 1;
		i = max(first, (unsigned int)pt->pt_lo);
		stop = min(last, (unsigned int)pt->pt_hi);
		for (pte = table + i; pte < table + stop; pte++) {
			if (!(*pte & _PAGE_PRESENT))
				continue;
			put_page(pte_page(*pte));
			*pte = 0;
			zapped++;
			if (loaded)
				invlpg((addr & ~(PGDIR_SIZE - 1)) + (pte - table) * PAGE_SIZE);
		}
		/* Every slot that could be present is gone: the table is empty. */
		if (first <= pt->pt_lo && last >= pt->pt_hi) {
			pt->pt_lo = PTRS_PER_PTE;
			pt->pt_hi = 0;
		}
	}
	mm->nr_pages -= zapped;
}

/* Free every user page table of @mm (its pages must be gone already). */
void free_pgtables(struct mm_struct *mm)
{
	struct page *dir = virt_to_page(mm->pgd);
	unsigned int w, i;

	for (w = 0; w < PGD_USED_WORDS; w++) {
		u32 bits = dir->pgd_used[w];

		while (bits) {
			unsigned int first = (w * 32 + __builtin_ctz(bits)) * PGDS_PER_USED_BIT;

			bits &= bits - 1;
			for (i = first; i < first + PGDS_PER_USED_BIT; i++) {
				if (mm->pgd[i] & _PAGE_PRESENT) {
					free_page((unsigned long)__va(mm->pgd[i] & PTE_PFN_MASK));
					mm->pgd[i] = 0;
				}
			}
		}
		dir->pgd_used[w] = 0;
	}
}

/*
 * The lab 6 starter's fork, as Unix's before copy-on-write: a new page for
 * the child, a copy of the parent's bytes in it, mapped as the area allows
 * (writable if it is).  Returns the child's PTE, or 0 if no page is free.
 */
/* BEGIN LAB 6 STARTER
static pte_t copy_user_page_now(pte_t pte, unsigned long vm_flags)
{
	struct page *new = alloc_page(__GFP_NOWARN);

	if (!new)
		return 0;
	copy_page(page_address(new), page_address(pte_page(pte)));
	return page_to_phys(new) | vm_flags_to_pte(vm_flags);
}
END LAB 6 STARTER */

/*
 * fork(): map every page @src has in @vma into @dst as well, copy-on-write
 * (Linux's copy_page_range() and copy_present_pte()).  Each page gets one
 * more reference, and a writable one loses _PAGE_RW in both directories,
 * so whichever side writes first faults into do_wp_page().  Pages that are
 * read-only already (program text) are simply shared.
 *
 * The caller must flush @src's TLB afterwards (flush_tlb_mm()) before
 * anything writes to @src's pages: until then the CPU may still hold the
 * writable PTEs.  Returns 0 or -ENOMEM (no page table, or in the starter
 * no page, for @dst; the caller drops what was mapped so far with
 * mmput(), so every entry written here is counted and noted first).
 */
int copy_page_range(struct mm_struct *dst, struct mm_struct *src,
		    struct vm_area_struct *vma)
{
	unsigned long addr, next, copied = 0;
	int err = 0;

	for (addr = vma->vm_start; addr < vma->vm_end; addr = next) {
		pte_t *src_table, *dst_table, *from, *to, *end;
		unsigned int lo, hi;
		struct page *pt;

		next = min(pgd_addr_end(addr), vma->vm_end);
		src_table = pte_table(src, addr);
		if (!src_table)
			continue;
		pt = virt_to_page(src_table);
		lo = max(pte_index(addr), (unsigned long)pt->pt_lo);
		hi = min(pte_index(next - PAGE_SIZE) + 1, (unsigned long)pt->pt_hi);
		if (lo >= hi)
			continue;		/* nothing present here: no table needed */
		dst_table = pte_table(dst, addr);
		if (!dst_table)
			dst_table = pte_alloc(dst, addr);
		if (!dst_table) {
			err = -ENOMEM;
			break;
		}
		/* The hot loop of fork: about a dozen instructions a page. */
		end = src_table + hi;
		for (from = src_table + lo, to = dst_table + lo; from < end; from++, to++) {
			pte_t pte = *from;

			if (!(pte & _PAGE_PRESENT))
				continue;
			/* BEGIN LAB 6 SOLUTION: share the page, write-protected on both sides */
			/* Every Nest mapping is private: writable means COW. */
			pte &= ~_PAGE_RW;
			*from = pte;
			get_page(pte_page(pte));
			*to = pte;
			/* END LAB 6 SOLUTION */
			/* BEGIN LAB 6 STARTER
			*to = copy_user_page_now(pte, vma->vm_flags);
			if (!*to) {
				err = -ENOMEM;
				break;
			}
			END LAB 6 STARTER */
			copied++;
		}
		pt_note(dst_table, lo, hi);
		if (err)
			break;
	}
	dst->nr_pages += copied;
	return err;
}

/* BEGIN LAB 6 SOLUTION: the write fault on a copy-on-write page */
/* Forget the TLB's copy of @addr's PTE, if @mm is loaded. */
static void flush_tlb_page(struct mm_struct *mm, unsigned long addr)
{
	if (mm_is_loaded(mm))
		invlpg(addr);
}

/*
 * A write to a present, write-protected page in a writable area: the page
 * is shared copy-on-write.  Give @mm its own copy and drop its reference on
 * the shared one (Linux's wp_page_copy()), or, when @mm holds the only
 * reference left (the other side has written or exited already), just make
 * the PTE writable again (wp_page_reuse()).  Returns 0 or -ENOMEM.
 */
static int do_wp_page(struct mm_struct *mm, struct vm_area_struct *vma,
		      unsigned long addr, pte_t *pte)
{
	struct page *old = pte_page(*pte), *new;

	if (page_count(old) == 1) {
		*pte |= _PAGE_RW;
		flush_tlb_page(mm, addr);
		cow_reuses++;
		return 0;
	}
	new = alloc_page(__GFP_NOWARN);
	if (!new)
		return -ENOMEM;
	copy_page(page_address(new), page_address(old));
	*pte = page_to_phys(new) | vm_flags_to_pte(vma->vm_flags);
	/* The old PTE must leave the TLB before the page can be reused. */
	flush_tlb_page(mm, addr);
	put_page(old);
	cow_copies++;
	return 0;
}
/* END LAB 6 SOLUTION */

/*
 * The page fault on user memory (Linux's handle_mm_fault() for anonymous
 * memory): a missing page is allocated zeroed where the area allows the
 * access, and a write to a copy-on-write page goes to do_wp_page().  The
 * kernel's own writes through copy_to_user() and put_user() come here too:
 * CR0.WP makes a read-only PTE hold against the kernel as well.
 */
int handle_mm_fault(struct mm_struct *mm, unsigned long address, bool write,
		    int *si_code)
{
	struct vm_area_struct *vma = find_vma(mm, address);
	struct page *page;
	pte_t *pte;
	int err;

	*si_code = SEGV_MAPERR;
	if (!vma)
		return -EFAULT;
	*si_code = SEGV_ACCERR;
	if ((write && !(vma->vm_flags & VM_WRITE)) ||
	    (!write && !(vma->vm_flags & (VM_READ | VM_EXEC))))
		return -EFAULT;
	address &= PAGE_MASK;
	pte = user_pte(mm, address, false);
	if (pte && (*pte & _PAGE_PRESENT)) {
		/* BEGIN LAB 6 SOLUTION: a write to a page shared since a fork */
		if (write && !(*pte & _PAGE_RW))
			return do_wp_page(mm, vma, address, pte);
		/* END LAB 6 SOLUTION */
		/* Present and allowed: no fault of ours to fix. */
		return -EFAULT;
	}
	page = alloc_page(__GFP_ZERO | __GFP_NOWARN);
	if (!page)
		return -ENOMEM;
	err = install_user_page(mm, address, page, vma->vm_flags);
	if (err)
		__free_page(page);
	return err;
}

void cow_fault_counts(unsigned long *copies, unsigned long *reuses)
{
	*copies = cow_copies;
	*reuses = cow_reuses;
}
