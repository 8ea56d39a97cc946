/*
 * include/nest/errno.h - error numbers inside the kernel.  They are the
 * Linux i386 values, defined once in the user ABI header.
 */
#ifndef NEST_ERRNO_H
#define NEST_ERRNO_H

#include <uapi/errno.h>

#define MAX_ERRNO	4095

/*
 * Kernel-internal codes, never seen by user space (Linux's values).  A
 * system call interrupted by a signal returns -ERESTARTSYS; the signal code
 * turns it into -EINTR, or restarts the call when the handler has
 * SA_RESTART (kernel/signal.c).
 */
#define ERESTARTSYS	512
#define ERESTARTNOINTR	513	/* always restart (fork interrupted) */
#define ERESTARTNOHAND	514	/* restart only if no handler ran (pause) */

/* Pointers that carry an error, as Linux's ERR_PTR()/IS_ERR(). */
#define IS_ERR_VALUE(x)	((unsigned long)(x) >= (unsigned long)-MAX_ERRNO)

static inline void *ERR_PTR(long error)
{
	return (void *)error;
}

static inline long PTR_ERR(const void *ptr)
{
	return (long)ptr;
}

/* An error pointer of one type passed on as another. */
static inline void *ERR_CAST(const void *ptr)
{
	return (void *)ptr;
}

static inline bool IS_ERR(const void *ptr)
{
	return IS_ERR_VALUE((unsigned long)ptr);
}

#endif /* NEST_ERRNO_H */
