/*
 * include/nest/jiffies.h - the tick count, as in Linux.
 *
 * The PIT interrupts HZ times a second; each tick adds one to jiffies.
 * kernel/time.c programs the PIT and counts.
 */
#ifndef NEST_JIFFIES_H
#define NEST_JIFFIES_H

#include <nest/types.h>

#define HZ	100	/* ticks per second: 10 ms, Linux i386's classic value */
#define TICK_NSEC	(1000000000UL / HZ)	/* one tick in nanoseconds */

extern volatile unsigned long jiffies;

void time_init(void);

/* Is a after b, allowing for wrap-around (Linux's time_after). */
#define time_after(a, b)	((long)((b) - (a)) < 0)

/* Busy-wait (with hlt) for at least @ticks ticks; interrupts must be on. */
void wait_ticks(unsigned long ticks);

#endif /* NEST_JIFFIES_H */
