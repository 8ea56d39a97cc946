/*
 * sched.h - clone() (clone.c, clone_i386.S), unshare() and sched_yield()
 * (sched.c).  The CLONE_* flags are <uapi/sched.h>'s.
 */
#ifndef _SCHED_H
#define _SCHED_H

#include <sys/types.h>
#include <uapi/sched.h>

/*
 * glibc's clone(): the child starts on @stack (the top of its stack, which
 * grows down) and runs fn(arg); its return value is its exit status.
 * The optional arguments are pid_t *ptid, void *tls, pid_t *ctid.
 */
int clone(int (*fn)(void *), void *stack, int flags, void *arg, ...);
int unshare(int flags);
int sched_yield(void);

#endif /* _SCHED_H */
