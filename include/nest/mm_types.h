/*
 * include/nest/mm_types.h - a process's address space, as Linux's
 * mm_struct and vm_area_struct.
 *
 * An mm is a page directory plus a sorted list of areas (VMAs), each a
 * range of user addresses with one set of permissions: the program's
 * segments, the heap (brk), anonymous mmap()s, the stack.  Pages inside an
 * area are allocated on first touch (do_page_fault() in kernel/traps.c, then
 * handle_mm_fault() in mm/memory.c); an access outside every
 * area, or against an area's permissions, is a SIGSEGV.
 */
#ifndef NEST_MM_TYPES_H
#define NEST_MM_TYPES_H

#include <nest/types.h>
#include <nest/list.h>
#include <nest/pgtable.h>

/* vm_flags */
#define VM_READ		0x00000001
#define VM_WRITE	0x00000002
#define VM_EXEC		0x00000004
#define VM_GROWSDOWN	0x00000100	/* the stack */

/* The user stack: its top, and how far it may grow (Linux's default rlimit). */
#define STACK_TOP	0xBFFFF000UL	/* one page below TASK_SIZE left unmapped */
#define STACK_LIMIT	(8UL << 20)
/* mmap() without an address places areas downward from here. */
#define TASK_UNMAPPED_BASE	(STACK_TOP - STACK_LIMIT - (16UL << 20))

struct vm_area_struct {
	unsigned long vm_start;		/* first address */
	unsigned long vm_end;		/* first address after */
	unsigned long vm_flags;		/* VM_* */
	struct list_head vm_list;	/* in mm->mmap, by address */
	struct mm_struct *vm_mm;
};

struct mm_struct {
	pgd_t *pgd;			/* the page directory (kernel address) */
	struct list_head mmap;		/* the VMAs, sorted by address */
	int map_count;
	int mm_users;			/* tasks using it (CLONE_VM shares) */
	unsigned long nr_pages;		/* user pages mapped now */
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk;	/* the heap: [start_brk, brk) */
	unsigned long start_stack;
	unsigned long arg_start, arg_end, env_start, env_end;
	unsigned long mmap_base;	/* next guess for an mmap() without address */
};

/* The kernel's own address space (swapper_pg_dir), borrowed by kernel threads. */
extern struct mm_struct init_mm;

#endif /* NEST_MM_TYPES_H */
