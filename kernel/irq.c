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

/*
 * A line is given up only when it keeps interrupting for nothing, as
 * Linux's note_interrupt(): 99,900 of 100,000 interrupts unclaimed.  One
 * unclaimed interrupt now and then is normal (a UART raises one for data
 * that the previous interrupt's handler already drained).
 */
#define IRQ_SAMPLE		100000
#define IRQ_UNHANDLED_LIMIT	99900

struct irq_desc {
	irq_handler_t handler;
	void *dev_id;
	const char *name;
	unsigned long count;		/* interrupts seen */
	unsigned long sample;		/* interrupts in the current sample */
	unsigned long unhandled;	/* of those, unclaimed */
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
	if (!desc->handler) {
		/* A line nobody asked for: silence it rather than loop on it. */
		pr_warn("irq %u: no handler, disabling it\n", irq);
		disable_8259A_irq(irq);
	} else if (desc->handler(irq, desc->dev_id) == IRQ_NONE) {
		desc->unhandled++;
	}
	if (++desc->sample == IRQ_SAMPLE) {
		if (desc->unhandled > IRQ_UNHANDLED_LIMIT) {
			pr_err("irq %u: nobody cared (%lu of %lu), disabling it\n", irq,
			       desc->unhandled, desc->sample);
			disable_8259A_irq(irq);
		}
		desc->sample = 0;
		desc->unhandled = 0;
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
