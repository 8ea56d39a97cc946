/*
 * kernel/i8259.c - the two cascaded 8259A programmable interrupt
 * controllers of the PC.
 *
 * At reset the master PIC delivers IRQ 0-7 on vectors 8-15, which collide
 * with CPU exceptions (8 is the double fault).  init_8259A() remaps IRQ 0-15
 * to vectors 32-47 and masks every line; request_irq() unmasks a line when
 * a handler is installed.  Linux's arch/x86/kernel/i8259.c does the same.
 */
#include <nest/interrupt.h>
#include <nest/io.h>

#define PIC_MASTER_CMD	0x20
#define PIC_MASTER_DATA	0x21
#define PIC_SLAVE_CMD	0xA0
#define PIC_SLAVE_DATA	0xA1

#define ICW1_INIT	0x10
#define ICW1_ICW4	0x01	/* an ICW4 follows */
#define ICW4_8086	0x01
#define OCW3_READ_ISR	0x0B
#define PIC_EOI		0x20
#define PIC_CASCADE_IRQ	2	/* the slave is wired to the master's line 2 */

/* Bit n set: IRQ n masked.  Everything masked but the cascade at start. */
static u16 cached_irq_mask = 0xFFFF & ~(1u << PIC_CASCADE_IRQ);

static void write_mask(void)
{
	outb(cached_irq_mask & 0xFF, PIC_MASTER_DATA);
	outb(cached_irq_mask >> 8, PIC_SLAVE_DATA);
}

void init_8259A(void)
{
	/* ICW1: start initialisation, ICW4 needed. */
	outb(ICW1_INIT | ICW1_ICW4, PIC_MASTER_CMD);
	io_delay();
	outb(ICW1_INIT | ICW1_ICW4, PIC_SLAVE_CMD);
	io_delay();
	/* ICW2: the vector of each PIC's line 0. */
	outb(FIRST_EXTERNAL_VECTOR, PIC_MASTER_DATA);
	io_delay();
	outb(FIRST_EXTERNAL_VECTOR + 8, PIC_SLAVE_DATA);
	io_delay();
	/* ICW3: master has a slave on line 2; the slave's cascade identity is 2. */
	outb(1u << PIC_CASCADE_IRQ, PIC_MASTER_DATA);
	io_delay();
	outb(PIC_CASCADE_IRQ, PIC_SLAVE_DATA);
	io_delay();
	/* ICW4: 8086 mode, normal (not automatic) end of interrupt. */
	outb(ICW4_8086, PIC_MASTER_DATA);
	io_delay();
	outb(ICW4_8086, PIC_SLAVE_DATA);
	io_delay();
	write_mask();
}

void enable_8259A_irq(unsigned int irq)
{
	cached_irq_mask &= ~(1u << irq);
	write_mask();
}

void disable_8259A_irq(unsigned int irq)
{
	cached_irq_mask |= 1u << irq;
	write_mask();
}

bool i8259A_irq_enabled(unsigned int irq)
{
	return !(cached_irq_mask & (1u << irq));
}

void ack_8259A_irq(unsigned int irq)
{
	if (irq >= 8)
		outb(PIC_EOI, PIC_SLAVE_CMD);
	outb(PIC_EOI, PIC_MASTER_CMD);
}

/*
 * IRQ 7 and 15 also arrive when a line drops before the CPU acknowledges
 * it: a "spurious" interrupt.  The in-service register tells a real one
 * from a spurious one, which must not be acknowledged (on the slave, the
 * master still needs its EOI for the cascade line).
 */
bool i8259A_irq_spurious(unsigned int irq)
{
	u16 cmd = irq < 8 ? PIC_MASTER_CMD : PIC_SLAVE_CMD;
	u8 isr;

	if ((irq & 7) != 7)
		return false;
	outb(OCW3_READ_ISR, cmd);
	isr = inb(cmd);
	if (isr & 0x80)
		return false;
	if (irq >= 8)
		outb(PIC_EOI, PIC_MASTER_CMD);
	return true;
}
