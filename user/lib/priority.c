/*
 * user/lib/priority.c - nice values: getpriority(), setpriority() and
 * nice(), as glibc has them.
 *
 * The raw getpriority system call (96) returns 20 - nice, 1..40, so that a
 * valid answer is never mistaken for an error; getpriority() turns it back
 * into -20..19.  Since -1 is then a valid answer, a caller that wants to
 * tell an error sets errno to 0 first.  nice() is built from the other two,
 * as in glibc: the raw nice system call (34) returns 0, not the new value.
 */
#include <errno.h>
#include <sys/resource.h>
#include <unistd.h>
#include "syscall_i386.h"

/* The raw getpriority's answer for nice 0 (glibc's PZERO). */
#define PZERO	20

/*
 * getpriority - the nice value of a process, process group or user (the
 * lowest among its processes): @which is PRIO_PROCESS, PRIO_PGRP or
 * PRIO_USER, @who its id (0: the caller's).  Returns -20..19, or -1 with
 * errno EINVAL (bad @which) or ESRCH (nothing matched).
 */
int getpriority(int which, id_t who)
{
	long ret = syscall2(__NR_getpriority, which, who);

	return ret >= 0 ? PZERO - ret : ret;
}

/*
 * setpriority - set the nice value of what @which and @who name to @prio,
 * clamped to -20..19.  Returns 0, or -1 with errno EINVAL, ESRCH, or
 * EACCES (lowering it without the privilege).
 */
int setpriority(int which, id_t who, int prio)
{
	return syscall3(__NR_setpriority, which, who, prio);
}

/*
 * nice - add @inc to the caller's nice value (the result is clamped to
 * -20..19).  Returns the new nice value, or -1 with errno EPERM when
 * lowering it is not allowed; -1 is also a valid nice value, so check
 * errno (set to 0 first).
 */
int nice(int inc)
{
	int save = errno, prio;

	errno = 0;
	prio = getpriority(PRIO_PROCESS, 0);
	if (prio == -1 && errno != 0)
		return -1;
	if (setpriority(PRIO_PROCESS, 0, prio + inc) == -1) {
		if (errno == EACCES)
			errno = EPERM;	/* POSIX's error for nice() */
		return -1;
	}
	errno = save;
	return getpriority(PRIO_PROCESS, 0);
}
