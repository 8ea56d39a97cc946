/*
 * mm/mmap.c - address spaces and their areas: creating, copying and
 * destroying an mm, the VMA list, and the brk, mmap2 and munmap calls.
 *
 * Called by kernel/fork.c (dup_mm), kernel/exit.c (mmput), kernel/exec.c
 * (mm_alloc, insert_vm_area) and mm/memory.c (find_vma); the pages
 * themselves are mm/memory.c's (copy-on-write at fork).
 */
#include <nest/mman.h>
#include <nest/mm.h>
#include <nest/slab.h>
#include <nest/sched.h>
#include <nest/syscalls.h>
#include <nest/errno.h>
#include <nest/string.h>
#include <nest/bug.h>
#include <nest/io.h>
#include <uapi/mman.h>

#include "internal.h"

struct mm_struct init_mm = {
	.pgd = swapper_pg_dir,
	.mmap = LIST_HEAD_INIT(init_mm.mmap),
	.mm_users = 2,
};

static struct kmem_cache *mm_cachep;
static struct kmem_cache *vm_area_cachep;
static unsigned long mm_count;

void mm_caches_init(void)
{
	mm_cachep = kmem_cache_create("mm_struct", sizeof(struct mm_struct), 0,
				      SLAB_HWCACHE_ALIGN | SLAB_PANIC, NULL);
	vm_area_cachep = kmem_cache_create("vm_area_struct",
					   sizeof(struct vm_area_struct), 0,
					   SLAB_PANIC, NULL);
}

struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kmem_cache_zalloc(mm_cachep, GFP_KERNEL);

	if (!mm)
		return NULL;
	mm->pgd = pgd_alloc();
	if (!mm->pgd) {
		kmem_cache_free(mm_cachep, mm);
		return NULL;
	}
	INIT_LIST_HEAD(&mm->mmap);
	mm->mm_users = 1;
	mm->mmap_base = TASK_UNMAPPED_BASE;
	mm_count++;
	return mm;
}

/* Free every area with its pages; the mm itself stays. */
static void exit_mmap(struct mm_struct *mm)
{
	struct vm_area_struct *vma, *next;

	list_for_each_entry_safe(vma, next, &mm->mmap, vm_list) {
		zap_page_range(mm, vma->vm_start, vma->vm_end);
		list_del(&vma->vm_list);
		kmem_cache_free(vm_area_cachep, vma);
	}
	mm->map_count = 0;
	free_pgtables(mm);
	BUG_ON(mm->nr_pages != 0);
}

void mmput(struct mm_struct *mm)
{
	BUG_ON(mm == &init_mm || mm->mm_users <= 0);
	if (--mm->mm_users)
		return;
	/* Never free the directory the CPU is using: switch to the kernel's. */
	if (read_cr3() == __pa(mm->pgd))
		write_cr3(__pa(swapper_pg_dir));
	exit_mmap(mm);
	pgd_free(mm->pgd);
	kmem_cache_free(mm_cachep, mm);
	mm_count--;
}

unsigned long nr_mm_structs(void)
{
	return mm_count;
}

void activate_mm(struct mm_struct *mm)
{
	write_cr3(__pa(mm->pgd));
}

struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;

	list_for_each_entry(vma, &mm->mmap, vm_list) {
		if (addr < vma->vm_start)
			return NULL;
		if (addr < vma->vm_end)
			return vma;
	}
	return NULL;
}

/* Does [start, end) overlap any area? */
static bool range_in_use(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma;

	list_for_each_entry(vma, &mm->mmap, vm_list)
		if (vma->vm_start < end && start < vma->vm_end)
			return true;
	return false;
}

int insert_vm_area(struct mm_struct *mm, unsigned long start, unsigned long end,
		   unsigned long vm_flags)
{
	struct vm_area_struct *vma, *prev = NULL;
	struct list_head *pos = &mm->mmap;

	BUG_ON(start >= end || start & ~PAGE_MASK || end & ~PAGE_MASK);
	if (end > TASK_SIZE_MAX || range_in_use(mm, start, end))
		return -ENOMEM;
	list_for_each_entry(vma, &mm->mmap, vm_list) {
		if (vma->vm_start >= end) {
			pos = &vma->vm_list;
			break;
		}
		prev = vma;
	}
	/* Extend the area just below when it ends here with the same flags. */
	if (prev && prev->vm_end == start && prev->vm_flags == vm_flags) {
		prev->vm_end = end;
		return 0;
	}
	vma = kmem_cache_zalloc(vm_area_cachep, GFP_KERNEL);
	if (!vma)
		return -ENOMEM;
	vma->vm_start = start;
	vma->vm_end = end;
	vma->vm_flags = vm_flags;
	vma->vm_mm = mm;
	list_add_tail(&vma->vm_list, pos);
	mm->map_count++;
	return 0;
}

int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len)
{
	struct vm_area_struct *vma, *next;
	unsigned long end = start + PAGE_ALIGN(len);

	if (start & ~PAGE_MASK || !len || end > TASK_SIZE_MAX || end < start)
		return -EINVAL;
	list_for_each_entry_safe(vma, next, &mm->mmap, vm_list) {
		if (vma->vm_end <= start || vma->vm_start >= end)
			continue;
		zap_page_range(mm, max(start, vma->vm_start), min(end, vma->vm_end));
		if (start > vma->vm_start && end < vma->vm_end) {
			/* A hole in the middle: the area splits in two. */
			struct vm_area_struct *tail = kmem_cache_zalloc(vm_area_cachep,
									GFP_KERNEL);
			if (!tail)
				return -ENOMEM;
			*tail = *vma;
			tail->vm_start = end;
			vma->vm_end = start;
			list_add(&tail->vm_list, &vma->vm_list);
			mm->map_count++;
		} else if (start > vma->vm_start) {
			vma->vm_end = start;
		} else if (end < vma->vm_end) {
			vma->vm_start = end;
		} else {
			list_del(&vma->vm_list);
			kmem_cache_free(vm_area_cachep, vma);
			mm->map_count--;
		}
	}
	return 0;
}

struct mm_struct *dup_mm(struct mm_struct *oldmm)
{
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *vma;

	if (!mm)
		return NULL;
	/* Everything but the list heads, the directory and the counts. */
	mm->start_code = oldmm->start_code;
	mm->end_code = oldmm->end_code;
	mm->start_data = oldmm->start_data;
	mm->end_data = oldmm->end_data;
	mm->start_brk = oldmm->start_brk;
	mm->brk = oldmm->brk;
	mm->start_stack = oldmm->start_stack;
	mm->arg_start = oldmm->arg_start;
	mm->arg_end = oldmm->arg_end;
	mm->env_start = oldmm->env_start;
	mm->env_end = oldmm->env_end;
	mm->mmap_base = oldmm->mmap_base;
	list_for_each_entry(vma, &oldmm->mmap, vm_list) {
		if (insert_vm_area(mm, vma->vm_start, vma->vm_end, vma->vm_flags) ||
		    copy_page_range(mm, oldmm, vma)) {
			/* BEGIN LAB 6 SOLUTION: some of oldmm's pages may be write-protected already */
			flush_tlb_mm(oldmm);
			/* END LAB 6 SOLUTION */
			mmput(mm);
			return NULL;
		}
	}
	/* BEGIN LAB 6 SOLUTION: the parent's TLB */
	/*
	 * oldmm's PTEs lost _PAGE_RW: the CPU must not keep writing through
	 * the entries it cached before (Linux's flush_tlb_mm() in dup_mmap()).
	 */
	flush_tlb_mm(oldmm);
	/* END LAB 6 SOLUTION */
	return mm;
}

/*
 * brk(addr): move the end of the heap.  Linux returns the new break, or the
 * old one when the request cannot be met (never an error code), and the
 * C library compares.  Shrinking frees the pages above the new break.
 */
SYSCALL_DEFINE1(brk, unsigned long, brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long newbrk = PAGE_ALIGN(brk), oldbrk = PAGE_ALIGN(mm->brk);

	if (brk < mm->start_brk)
		return mm->brk;
	if (newbrk == oldbrk) {
		mm->brk = brk;
		return brk;
	}
	if (newbrk < oldbrk) {
		do_munmap(mm, newbrk, oldbrk - newbrk);
		mm->brk = brk;
		return brk;
	}
	if (newbrk > mm->start_stack - STACK_LIMIT ||
	    insert_vm_area(mm, oldbrk, newbrk, VM_READ | VM_WRITE))
		return mm->brk;
	mm->brk = brk;
	return brk;
}

/* Find a free range of @len bytes, going down from mm->mmap_base. */
static unsigned long get_unmapped_area(struct mm_struct *mm, unsigned long len)
{
	unsigned long addr = mm->mmap_base;

	while (addr >= len && addr - len >= mm->brk + PAGE_SIZE) {
		if (!range_in_use(mm, addr - len, addr))
			return addr - len;
		addr -= PAGE_SIZE;
	}
	return 0;
}

/*
 * mmap2(addr, len, prot, flags, fd, pgoff): anonymous private mappings
 * only (MAP_PRIVATE | MAP_ANONYMOUS, fd -1); files and shared mappings give
 * -EINVAL for now.  The pages are zero-filled on first touch.
 */
SYSCALL_DEFINE6(mmap2, unsigned long, addr, unsigned long, len, unsigned long, prot,
		unsigned long, flags, unsigned long, fd, unsigned long, pgoff)
{
	struct mm_struct *mm = current->mm;
	unsigned long vm_flags = 0;
	int err;

	if (!len)
		return -EINVAL;
	len = PAGE_ALIGN(len);
	if (!len || len > TASK_SIZE_MAX)
		return -ENOMEM;
	if (!(flags & MAP_ANONYMOUS) || (flags & MAP_SHARED) || !(flags & MAP_PRIVATE))
		return -EINVAL;
	if (prot & PROT_READ)
		vm_flags |= VM_READ;
	if (prot & PROT_WRITE)
		vm_flags |= VM_WRITE | VM_READ;	/* x86 cannot write-only */
	if (prot & PROT_EXEC)
		vm_flags |= VM_EXEC | VM_READ;
	if (flags & MAP_FIXED) {
		if (addr & ~PAGE_MASK || addr + len > TASK_SIZE_MAX || addr + len < addr)
			return -EINVAL;
		do_munmap(mm, addr, len);
	} else {
		addr = get_unmapped_area(mm, len);
		if (!addr)
			return -ENOMEM;
	}
	err = insert_vm_area(mm, addr, addr + len, vm_flags);
	return err ? err : (long)addr;
}

SYSCALL_DEFINE2(munmap, unsigned long, addr, unsigned long, len)
{
	return do_munmap(current->mm, addr, len);
}
