/*
 * errno.h - the error numbers (shared with the kernel through
 * <uapi/errno.h>) and errno itself.  Every libc wrapper that fails
 * stores the kernel's -ERRNO here, made positive, and returns -1.
 */
#ifndef _ERRNO_H
#define _ERRNO_H

#include <uapi/errno.h>

/* A plain global: Nest's libc has no threads with their own errno. */
extern int errno;

#endif /* _ERRNO_H */
