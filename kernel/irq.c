/*
 * kernel/irq.c - dispatching hardware interrupts to their handlers.
 *
 * do_interrupt() (kernel/traps.c) calls handle_irq() for vectors 32-47.
 * Handlers run with interrupts off; the PIC is acknowledged after the
 * handler, so the same line cannot interrupt its own handler.
 */
#include <nest/interrupt.h>
#include <nest/errno.h>
#include <nest/printk.h>
#include <nest/irqflags.h>

struct irq_desc {
	irq_handler_t handler;
	void *dev_id;
	const char *name;
	unsigned long count;	/* interrupts handled */
	unsigned long unhandled;
};

static struct irq_desc irq_desc[NR_IRQS];
static unsigned int irq_nesting;	/* > 0 inside a handler */
static unsigned long spurious_count;

int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev_id)
{
	unsigned long irqflags;

	if (irq >= NR_IRQS || !handler || flags)
		return -EINVAL;
	if (irq_desc[irq].handler)
		return -EBUSY;
	local_irq_save(irqflags);
	irq_desc[irq].handler = handler;
	irq_desc[irq].dev_id = dev_id;
	irq_desc[irq].name = name;
	enable_8259A_irq(irq);
	local_irq_restore(irqflags);
	return 0;
}

void handle_irq(unsigned int irq, struct pt_regs *regs)
{
	struct irq_desc *desc = &irq_desc[irq];

	(void)regs;
	if (i8259A_irq_spurious(irq)) {
		spurious_count++;
		return;
	}
	irq_nesting++;
	desc->count++;
	if (!desc->handler || desc->handler(irq, desc->dev_id) == IRQ_NONE) {
		/* An unexpected line: silence it rather than loop on it forever. */
		if (desc->unhandled++ == 0)
			pr_warn("irq %u: nobody cared, disabling it\n", irq);
		disable_8259A_irq(irq);
	}
	irq_nesting--;
	ack_8259A_irq(irq);
}

unsigned long kstat_irqs(unsigned int irq)
{
	return irq < NR_IRQS ? irq_desc[irq].count : 0;
}

bool in_interrupt(void)
{
	return irq_nesting > 0;
}
