/*
 * user/lib/wait.c - waiting for children: wait4() and the two older forms
 * built on it, waitpid() and wait().  The status word and its macros are
 * <uapi/wait.h>'s.  A returned pid is in the waiter's numbering.
 */
#include <sys/wait.h>
#include "syscall_i386.h"

/*
 * wait4 - wait for a child to change state.  @pid: > 0 that child, -1
 * any child, 0 any in the caller's process group, < -1 any in group -@pid.
 * @status: where to store the status, or NULL.  @options: WNOHANG,
 * WUNTRACED, WCONTINUED, __WALL, __WCLONE.  @rusage: NULL, or the child's
 * resource usage.  Returns the child's pid, 0 with WNOHANG if none is
 * ready, or -1 (ECHILD: no such child; EINTR).
 */
pid_t wait4(pid_t pid, int *status, int options, struct rusage *rusage)
{
	return syscall4(__NR_wait4, pid, status, options, rusage);
}

/* waitpid - wait4() without resource usage. */
pid_t waitpid(pid_t pid, int *status, int options)
{
	return wait4(pid, status, options, NULL);
}

/* wait - wait for any child: waitpid(-1, @status, 0). */
pid_t wait(int *status)
{
	return wait4(-1, status, 0, NULL);
}
