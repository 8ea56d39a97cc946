/*
 * include/nest/math64.h - 64-bit division by a 32-bit divisor, as Linux's
 * div_u64_rem().
 *
 * C's `/` on a u64 makes GCC call __udivdi3 in libgcc.  The kernel does not
 * link libgcc, as Linux i386 does not: a kernel built with other calling
 * conventions (Linux uses -mregparm=3) cannot trust its helpers, and a
 * hidden 64-bit division is slow.  So it is spelled out, with the CPU's
 * divl: divide the high word first, then the remainder and the low word.
 */
#ifndef NEST_MATH64_H
#define NEST_MATH64_H

#include <nest/types.h>

static inline u64 div_u64_rem(u64 dividend, u32 divisor, u32 *remainder)
{
#ifdef NEST_HOST
	*remainder = dividend % divisor;
	return dividend / divisor;
#else
	u32 high = dividend >> 32, low = (u32)dividend, q_high = 0, rem;

	/* divl faults unless the quotient fits in 32 bits: make high < divisor. */
	if (high >= divisor) {
		q_high = high / divisor;
		high %= divisor;
	}
	asm("divl %4" : "=a"(low), "=d"(rem) : "a"(low), "d"(high), "rm"(divisor));
	*remainder = rem;
	return ((u64)q_high << 32) | low;
#endif
}

static inline u64 div_u64(u64 dividend, u32 divisor)
{
	u32 rem;

	return div_u64_rem(dividend, divisor, &rem);
}

#endif /* NEST_MATH64_H */
