/*
 * sys/wait.h - wait(), waitpid(), wait4() (wait.c).  The options and the
 * status macros (WIFEXITED, WEXITSTATUS, ...) are <uapi/wait.h>'s.
 */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H

#include <sys/types.h>
#include <sys/resource.h>
#include <uapi/wait.h>

pid_t wait(int *status);
pid_t waitpid(pid_t pid, int *status, int options);
pid_t wait4(pid_t pid, int *status, int options, struct rusage *rusage);

#endif /* _SYS_WAIT_H */
