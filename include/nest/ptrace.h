/*
 * include/nest/ptrace.h - struct pt_regs, the registers saved on the stack
 * at every interrupt, exception (and, in the next step, system call).
 *
 * The order is Linux i386's, with one extra word, @vector, that the entry
 * stubs push so one C function can dispatch every vector (boot/entry.asm
 * describes the stack).  @sp and @ss exist only when the CPU came from
 * ring 3; for a fault in the kernel the interrupted stack pointer is the
 * address of @sp itself (see kernel_stack_pointer()).
 */
#ifndef NEST_PTRACE_H
#define NEST_PTRACE_H

#include <nest/types.h>

struct pt_regs {
	unsigned long bx, cx, dx, si, di, bp, ax;
	unsigned long ds, es, fs, gs;
	unsigned long vector;	/* Nest: which interrupt or exception */
	unsigned long orig_ax;	/* the error code of an exception */
	unsigned long ip, cs, flags;
	unsigned long sp, ss;	/* only valid if user_mode(regs) */
};

static inline bool user_mode(const struct pt_regs *regs)
{
	return (regs->cs & 3) == 3;
}

/* The stack pointer at the moment of the interrupt. */
static inline unsigned long kernel_stack_pointer(const struct pt_regs *regs)
{
	return user_mode(regs) ? regs->sp : (unsigned long)&regs->sp;
}

/* Print the registers, as Linux's __show_regs(). */
void show_regs(const struct pt_regs *regs);

#endif /* NEST_PTRACE_H */
