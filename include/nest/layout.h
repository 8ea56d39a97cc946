/*
 * include/nest/layout.h - where things are, in physical and virtual memory.
 * Shared by C and (through boot/layout.inc, kept in step by hand) NASM.
 *
 *   virtual                                   physical
 *   0x00000000 .. 0xBFFFFFFF  user space: one per process (mm/mmap.c)
 *   0xC0000000 .. +lowmem     the direct map of RAM  ->  0 .. lowmem
 *   0xC0100000                the kernel image       ->  0x00100000 (1 MiB)
 *   0xF0000000 .. 0xF3FFFFFF  vmalloc area: kernel stacks with guard pages
 *   0xF4000000 ..             unused
 *
 * Like Linux i386's 3G/1G split, with lowmem capped where the vmalloc area
 * begins (0xC0000000 + 768 MiB = 0xF0000000), so that every kernel address
 * has a page table made at boot and the kernel half of a page directory
 * never changes afterwards.
 */
#ifndef NEST_LAYOUT_H
#define NEST_LAYOUT_H

#define KERNEL_VIRT_BASE	0xC0000000UL	/* = PAGE_OFFSET */
#define TASK_SIZE		0xC0000000UL	/* user space ends where the kernel begins */
#define TASK_SIZE_MAX		TASK_SIZE
#define KERNEL_PHYS_LOAD	0x00100000UL	/* where GRUB puts the image */

/* Low memory mapped at boot: at most this much RAM is used. */
#define LOWMEM_LIMIT		0x30000000UL	/* 768 MiB */

/* The boot code maps this much with 4 MiB pages, before paging_init(). */
#define BOOT_MAP_SIZE		0x04000000UL	/* 64 MiB */

#define VMALLOC_START		0xF0000000UL
#define VMALLOC_END		0xF4000000UL	/* exclusive */

/* A kernel stack, as Linux i386's THREAD_SIZE; one unmapped page below it. */
#define KERNEL_STACK_ORDER	1
#define KERNEL_STACK_SIZE	(4096UL << KERNEL_STACK_ORDER)

#endif /* NEST_LAYOUT_H */
