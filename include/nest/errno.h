/*
 * include/nest/errno.h - error numbers inside the kernel.  They are the
 * Linux i386 values, defined once in the user ABI header.
 */
#ifndef NEST_ERRNO_H
#define NEST_ERRNO_H

#include <uapi/errno.h>

#define MAX_ERRNO	4095

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

static inline bool IS_ERR(const void *ptr)
{
	return IS_ERR_VALUE((unsigned long)ptr);
}

#endif /* NEST_ERRNO_H */
