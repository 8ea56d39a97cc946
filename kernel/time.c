/*
 * kernel/time.c - the timer tick.
 *
 * Channel 0 of the 8253/8254 programmable interval timer (PIT) counts down
 * from a divisor at 1.193182 MHz and raises IRQ 0 each time it reaches zero.
 * A divisor of PIT_TICK_RATE / HZ gives HZ interrupts a second.  Each one
 * advances jiffies; the scheduler and timers hang off this tick later.
 */
#include <nest/jiffies.h>
#include <nest/interrupt.h>
#include <nest/io.h>
#include <nest/bug.h>
#include <nest/printk.h>

#define PIT_TICK_RATE	1193182		/* Hz, the PIT's input clock */
#define PIT_CH0		0x40
#define PIT_MODE	0x43
#define PIT_MODE_CH0_RATE_GEN	0x34	/* channel 0, lo/hi byte, mode 2 */
#define LATCH		((PIT_TICK_RATE + HZ / 2) / HZ)

volatile unsigned long jiffies;

static irqreturn_t timer_interrupt(int irq, void *dev_id)
{
	(void)irq;
	(void)dev_id;
	jiffies++;
	return IRQ_HANDLED;
}

void time_init(void)
{
	outb(PIT_MODE_CH0_RATE_GEN, PIT_MODE);
	outb(LATCH & 0xFF, PIT_CH0);
	outb(LATCH >> 8, PIT_CH0);
	if (request_irq(TIMER_IRQ, timer_interrupt, 0, "timer", NULL))
		panic("time_init: cannot get the timer IRQ");
	pr_info("time: PIT at %d Hz (divisor %d)\n", HZ, LATCH);
}

void wait_ticks(unsigned long ticks)
{
	unsigned long end = jiffies + ticks;

	while (time_after(end, jiffies))
		halt();
}
