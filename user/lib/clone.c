/*
 * user/lib/clone.c - clone(), glibc's interface to the clone system call:
 * checks the arguments, flushes streams, and lets __clone (clone_i386.S) make
 * the call and start the child.
 */
#include <errno.h>
#include <sched.h>
#include <stdarg.h>
#include <stddef.h>
#include "libc.h"
#include "syscall_i386.h"

long __clone(int (*fn)(void *), void *stack, int flags, void *arg,
	     pid_t *ptid, void *tls, pid_t *ctid);

/* The flags that make the kernel use one of the optional arguments. */
#define CLONE_OPTIONAL_ARGS \
	(CLONE_PARENT_SETTID | CLONE_PIDFD | CLONE_SETTLS | \
	 CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)

/*
 * clone - start a child that runs fn(@arg) on @stack (its top; stacks
 * grow down) and exits with fn's return value.  @flags: CLONE_* ORed with
 * the signal the parent gets at the child's exit (normally SIGCHLD).  The
 * optional arguments pid_t *ptid, void *tls, pid_t *ctid are read only if
 * @flags ask for one of them.  Returns the child's pid in the caller's
 * namespace, or -1 with errno set (EINVAL: no fn or stack, or a bad flag
 * combination; ENOMEM; ENOSPC: too many nested pid namespaces; EPERM).
 */
int clone(int (*fn)(void *), void *stack, int flags, void *arg, ...)
{
	pid_t *ptid = NULL, *ctid = NULL;
	void *tls = NULL;

	if (!fn || !stack) {
		errno = EINVAL;
		return -1;
	}
	if (flags & CLONE_OPTIONAL_ARGS) {
		va_list ap;

		va_start(ap, arg);
		ptid = va_arg(ap, pid_t *);
		tls = va_arg(ap, void *);
		ctid = va_arg(ap, pid_t *);
		va_end(ap);
	}
	/* Without CLONE_VM the child gets a copy of unflushed output. */
	__stdio_flush_all();
	return __syscall_ret(__clone(fn, stack, flags, arg, ptid, tls, ctid));
}
