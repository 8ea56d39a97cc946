/*
 * include/nest/vmalloc.h - kernel stacks in the vmalloc area.
 *
 * Each kernel stack lives in a slot of the vmalloc area (include/nest/
 * layout.h): one page left unmapped, then KERNEL_STACK_SIZE of mapped
 * pages.  A stack that runs past its end touches the unmapped page and
 * faults, and the double-fault task reports "kernel stack overflow" with the
 * task's name, as Linux does with CONFIG_VMAP_STACK.
 */
#ifndef NEST_VMALLOC_H
#define NEST_VMALLOC_H

#include <nest/types.h>
#include <nest/gfp.h>

/*
 * alloc_thread_stack - a fresh kernel stack of KERNEL_STACK_SIZE bytes.
 * Returns its lowest address, or NULL when memory or stack slots run out.
 * May be called with interrupts off.
 */
void *alloc_thread_stack(gfp_t gfp);
void free_thread_stack(void *stack);

/* Does @addr lie in a stack guard page (a vmalloc slot's or the boot stack's)? */
bool is_stack_guard_page(unsigned long addr);

/* Stacks currently allocated (for leak checks). */
unsigned long nr_thread_stacks(void);

#endif /* NEST_VMALLOC_H */
