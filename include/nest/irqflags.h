/*
 * include/nest/irqflags.h - turning interrupts off and on, as Linux's
 * local_irq_save()/local_irq_restore().
 *
 * Nest runs on one CPU, so "interrupts off" is all the mutual exclusion the
 * allocators need against interrupt handlers.  Saving and restoring EFLAGS
 * (rather than a blind sti) lets these nest.  On the host (unit tests) they
 * do nothing.
 */
#ifndef NEST_IRQFLAGS_H
#define NEST_IRQFLAGS_H

#include <nest/types.h>

#define X86_EFLAGS_IF	0x00000200	/* interrupt enable flag */

#ifdef NEST_HOST
#define local_irq_save(flags)		((void)((flags) = 0))
#define local_irq_restore(flags)	((void)(flags))
#define local_irq_disable()		do { } while (0)
#define local_irq_enable()		do { } while (0)
#define irqs_disabled()			false
#else
static inline unsigned long arch_local_save_flags(void)
{
	unsigned long flags;

	asm volatile("pushfl; popl %0" : "=r"(flags) : : "memory");
	return flags;
}

static inline void local_irq_disable(void)
{
	asm volatile("cli" : : : "memory");
}

static inline void local_irq_enable(void)
{
	asm volatile("sti" : : : "memory");
}

static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags = arch_local_save_flags();

	local_irq_disable();
	return flags;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
	if (flags & X86_EFLAGS_IF)
		local_irq_enable();
}

#define local_irq_save(flags)		((flags) = arch_local_irq_save())
#define local_irq_restore(flags)	arch_local_irq_restore(flags)
#define irqs_disabled()		(!(arch_local_save_flags() & X86_EFLAGS_IF))
#endif

#endif /* NEST_IRQFLAGS_H */
