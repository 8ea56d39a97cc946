/*
 * include/nest/gfp.h - allocation flags ("get free pages"), as in Linux.
 *
 * Nest never reclaims memory, so GFP_KERNEL and GFP_ATOMIC behave the same
 * today; callers still say which they mean, so that the code reads like
 * Linux and a lab can give the difference a meaning.
 */
#ifndef NEST_GFP_H
#define NEST_GFP_H

typedef unsigned int gfp_t;

#define __GFP_ZERO	0x01u	/* return zeroed memory */
#define __GFP_COMP	0x02u	/* mark the block compound: tail pages find the head */
#define __GFP_NOWARN	0x04u	/* do not log a failure */
#define __GFP_ATOMIC	0x08u	/* caller cannot sleep (IRQ context, locks held) */

#define GFP_KERNEL	0u
#define GFP_ATOMIC	__GFP_ATOMIC

#endif /* NEST_GFP_H */
