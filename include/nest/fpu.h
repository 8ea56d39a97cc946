/*
 * include/nest/fpu.h - the x87 floating-point unit of user tasks.
 *
 * The kernel never uses the FPU (it is built with -mno-80387), so the FPU
 * registers always hold the running user task's numbers.  The context
 * switch saves them (fnsave) when a user task leaves the CPU and reloads
 * them (frstor) when one comes back; kernel threads leave them alone.
 * Eager saving costs a little on every switch but is simple and obviously
 * right, which lazy schemes (the TS bit) are not.  kernel/fpu.c.
 */
#ifndef NEST_FPU_H
#define NEST_FPU_H

#include <nest/sched.h>

/* Turn the FPU on at boot: native error reporting, no emulation. */
void fpu_init(void);

/* Called by context_switch() for the tasks on each side. */
static inline void fpu_switch_out(struct task_struct *prev)
{
	if (prev->mm)
		asm volatile("fnsave %0" : "=m"(prev->thread.fpu));
}

static inline void fpu_switch_in(struct task_struct *next)
{
	if (next->mm)
		asm volatile("frstor %0" : : "m"(next->thread.fpu));
}

/* fork: the child starts with the parent's live FPU state. */
static inline void fpu_copy(struct task_struct *child)
{
	/* fnsave also reinitialises the unit, so load the state back. */
	asm volatile("fnsave %0\n\tfrstor %0" : "=m"(child->thread.fpu));
}

/* exec: a new program starts with a freshly initialised FPU. */
static inline void fpu_reset(void)
{
	asm volatile("fninit");
}

#endif /* NEST_FPU_H */
