/*
 * user/lib/process.c - creating processes and asking about them: fork(),
 * the process ids (getpid, getppid, gettid, getpgid, setpgid, getpgrp,
 * getsid, setsid) and pause().  Every pid is in the caller's pid
 * namespace's numbering; one the caller cannot see reads as 0.
 */
#include <unistd.h>
#include "libc.h"
#include "syscall_i386.h"

/*
 * fork - a copy of the calling process.  Returns the child's pid to the
 * parent, 0 to the child, or -1 (EAGAIN: no pid free, ENOMEM: no memory
 * or the pid namespace's init is gone).  Streams are flushed first, so
 * output buffered before the fork is not printed by both processes.
 */
pid_t fork(void)
{
	__stdio_flush_all();
	return syscall0(__NR_fork);
}

/* getpid - the caller's process (thread group) id. */
pid_t getpid(void)
{
	return __syscall0(__NR_getpid);
}

/* getppid - the parent's pid, or 0 if the parent is in an ancestor namespace. */
pid_t getppid(void)
{
	return __syscall0(__NR_getppid);
}

/* gettid - the caller's thread id (its pid, for a single-threaded process). */
pid_t gettid(void)
{
	return __syscall0(__NR_gettid);
}

/* getpgid - the process group of @pid (0: the caller). */
pid_t getpgid(pid_t pid)
{
	return syscall1(__NR_getpgid, pid);
}

/* setpgid - put @pid (0: the caller) in process group @pgid (0: its own pid). */
int setpgid(pid_t pid, pid_t pgid)
{
	return syscall2(__NR_setpgid, pid, pgid);
}

/* getpgrp - the caller's process group. */
pid_t getpgrp(void)
{
	return syscall0(__NR_getpgrp);
}

/* getsid - the session of @pid (0: the caller). */
pid_t getsid(pid_t pid)
{
	return syscall1(__NR_getsid, pid);
}

/* setsid - start a new session and process group led by the caller; returns its id. */
pid_t setsid(void)
{
	return syscall0(__NR_setsid);
}

/* pause - sleep until a signal's handler has run; returns -1 with EINTR. */
int pause(void)
{
	return syscall0(__NR_pause);
}
