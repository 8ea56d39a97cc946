/*
 * user/lib/sched.c - sched_yield() and unshare().  clone() has its own
 * files, clone.c and clone_i386.S.
 */
#include <sched.h>
#include "syscall_i386.h"

/* sched_yield - let another runnable process have the CPU.  Returns 0. */
int sched_yield(void)
{
	return syscall0(__NR_sched_yield);
}

/*
 * unshare - give the caller new namespaces or private copies of what it
 * shares, per @flags.  With CLONE_NEWPID the caller stays where it is;
 * its next child becomes pid 1 of a new namespace.  Returns 0, or -1
 * (EINVAL: e.g. a second CLONE_NEWPID before that child; EPERM; ENOMEM).
 */
int unshare(int flags)
{
	return syscall1(__NR_unshare, flags);
}
