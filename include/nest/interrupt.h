/*
 * include/nest/interrupt.h - hardware interrupt handlers, with Linux's API.
 *
 * A driver registers a handler for an IRQ line with request_irq(); the
 * handler runs with interrupts off, on whatever kernel stack was current,
 * and must not sleep.  kernel/irq.c dispatches; kernel/i8259.c talks to the
 * interrupt controller.
 */
#ifndef NEST_INTERRUPT_H
#define NEST_INTERRUPT_H

#include <nest/types.h>
#include <nest/ptrace.h>

#define NR_IRQS			16
#define FIRST_EXTERNAL_VECTOR	32	/* IRQ n arrives as vector 32 + n */

/* Legacy ISA lines on a PC. */
#define TIMER_IRQ	0
#define COM1_IRQ	4

typedef enum irqreturn {
	IRQ_NONE = 0,		/* not ours */
	IRQ_HANDLED = 1,
} irqreturn_t;

typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);

/*
 * request_irq - install @handler for @irq and unmask the line.
 * @flags is kept for Linux compatibility and must be 0; @name is shown in
 * reports.  Returns 0, -EINVAL for a bad line, -EBUSY if one is installed.
 */
int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev_id);

/* The C entry of every interrupt and exception stub (kernel/traps.c). */
void do_interrupt(struct pt_regs *regs);

/* Called from do_interrupt() for vectors 32..47. */
void handle_irq(unsigned int irq, struct pt_regs *regs);

/* Interrupts handled so far on @irq (for tests and reports). */
unsigned long kstat_irqs(unsigned int irq);

/* True while an interrupt handler runs (Linux's in_interrupt()). */
bool in_interrupt(void);

/* kernel/i8259.c */
void init_8259A(void);
void enable_8259A_irq(unsigned int irq);
void disable_8259A_irq(unsigned int irq);
void ack_8259A_irq(unsigned int irq);
bool i8259A_irq_enabled(unsigned int irq);
bool i8259A_irq_spurious(unsigned int irq);

#endif /* NEST_INTERRUPT_H */
