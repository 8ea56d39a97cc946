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
#include <nest/timer.h>
#include <nest/sched.h>
#include <nest/signal.h>
#include <nest/syscalls.h>
#include <nest/uaccess.h>
#include <nest/errno.h>
#include <uapi/misc.h>

#define PIT_TICK_RATE	1193182		/* Hz, the PIT's input clock */
#define PIT_CH0		0x40
#define PIT_MODE	0x43
#define PIT_MODE_CH0_RATE_GEN	0x34	/* channel 0, lo/hi byte, mode 2 */
#define LATCH		((PIT_TICK_RATE + HZ / 2) / HZ)

volatile unsigned long jiffies;

/* Each tick: time moves, expired timers run, the running task's slice shrinks. */
static irqreturn_t timer_interrupt(int irq, void *dev_id)
{
	(void)irq;
	(void)dev_id;
	jiffies++;
	run_timers();
	scheduler_tick();
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

#define NSEC_PER_SEC	1000000000L
#define NSEC_PER_TICK	(NSEC_PER_SEC / HZ)

/*
 * nanosleep(req, rem): sleep at least @req, rounded up to whole ticks.  A
 * signal with a handler ends it early with -EINTR and the time left in
 * @rem; without a handler the call restarts.
 */
SYSCALL_DEFINE2(nanosleep, struct timespec __user *, rqtp, struct timespec __user *, rmtp)
{
	struct timespec t;
	long ticks, left;

	if (copy_from_user(&t, rqtp, sizeof(t)))
		return -EFAULT;
	if (t.tv_sec < 0 || t.tv_nsec < 0 || t.tv_nsec >= NSEC_PER_SEC)
		return -EINVAL;
	ticks = t.tv_sec * HZ + DIV_ROUND_UP(t.tv_nsec, NSEC_PER_TICK);
	/* One more tick: the current one is partly gone already. */
	left = schedule_timeout_interruptible(ticks ? ticks + 1 : 0);
	if (!left || !signal_pending(current))
		return 0;
	if (rmtp) {
		t.tv_sec = left / HZ;
		t.tv_nsec = (left % HZ) * NSEC_PER_TICK;
		if (copy_to_user(rmtp, &t, sizeof(t)))
			return -EFAULT;
	}
	return -ERESTARTNOHAND;
}

/*
 * clock_gettime: both clocks count from boot, in ticks.  Nest does not
 * read the real-time clock chip, so CLOCK_REALTIME starts at the epoch.
 */
SYSCALL_DEFINE2(clock_gettime, int, which, struct timespec __user *, tp)
{
	unsigned long j = jiffies;
	struct timespec t;

	if (which != CLOCK_REALTIME && which != CLOCK_MONOTONIC)
		return -EINVAL;
	t.tv_sec = j / HZ;
	t.tv_nsec = (j % HZ) * NSEC_PER_TICK;
	return copy_to_user(tp, &t, sizeof(t)) ? -EFAULT : 0;
}
