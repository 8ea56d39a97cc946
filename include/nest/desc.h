/*
 * include/nest/desc.h - segment descriptors, the GDT, the IDT and the TSS.
 *
 * Nest uses a flat model: every segment spans 4 GiB, so segmentation does
 * nothing but select the privilege level.  The TSS is there for two jobs:
 * esp0, the kernel stack the CPU switches to on a trap from ring 3, and the
 * double-fault task, which runs on a stack of its own so that a kernel stack
 * overflow can still be reported (kernel/traps.c).
 */
#ifndef NEST_DESC_H
#define NEST_DESC_H

#include <nest/types.h>

/* GDT slots and the selectors that name them (index * 8 | RPL). */
#define GDT_ENTRY_KERNEL_CS	1
#define GDT_ENTRY_KERNEL_DS	2
#define GDT_ENTRY_USER_CS	3
#define GDT_ENTRY_USER_DS	4
#define GDT_ENTRY_TSS		5
#define GDT_ENTRY_DOUBLEFAULT_TSS 6
#define GDT_ENTRIES		7

#define __KERNEL_CS	(GDT_ENTRY_KERNEL_CS * 8)
#define __KERNEL_DS	(GDT_ENTRY_KERNEL_DS * 8)
#define __USER_CS	(GDT_ENTRY_USER_CS * 8 | 3)
#define __USER_DS	(GDT_ENTRY_USER_DS * 8 | 3)
#define TSS_SELECTOR	(GDT_ENTRY_TSS * 8)
#define DOUBLEFAULT_TSS_SELECTOR (GDT_ENTRY_DOUBLEFAULT_TSS * 8)

/* The operand of lgdt and lidt. */
struct desc_ptr {
	u16 size;	/* limit: bytes - 1 */
	u32 address;
} __packed;

/* The 32-bit task state segment (Intel SDM vol. 3, figure 7-2). */
struct x86_hw_tss {
	u16 back_link, __blh;
	u32 sp0;
	u16 ss0, __ss0h;
	u32 sp1;
	u16 ss1, __ss1h;
	u32 sp2;
	u16 ss2, __ss2h;
	u32 cr3;
	u32 ip, flags, ax, cx, dx, bx, sp, bp, si, di;
	u16 es, __esh, cs, __csh, ss, __ssh, ds, __dsh, fs, __fsh, gs, __gsh;
	u16 ldt, __ldth;
	u16 trace, io_bitmap_base;
} __packed;

extern struct x86_hw_tss cpu_tss;		/* the one the CPU runs with */
extern struct x86_hw_tss doublefault_tss;	/* the double-fault task's */

/* The double-fault task's code (kernel/traps.c); never returns. */
void double_fault_task(void);

void gdt_init(void);
void idt_init(void);

/* Set the kernel stack used on the next trap from user mode. */
static inline void load_sp0(unsigned long sp0)
{
	cpu_tss.sp0 = sp0;
}

#endif /* NEST_DESC_H */
