/*
 * user/lib/exit.c - ending a program: exit() with its atexit() handlers,
 * _exit() and _Exit() without them, abort(), and assert()'s failure path.
 */
#include <assert.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "libc.h"
#include "syscall_i386.h"

/* The least number of handlers the C standard requires room for. */
#define ATEXIT_MAX	32

/* The exit status abort() falls back to if SIGABRT did not kill us. */
#define ABORT_STATUS	127

static void (*atexit_fns[ATEXIT_MAX])(void);
static int atexit_count;

/* atexit - run @fn at exit(), last registered first.  Returns 0, or -1 if full. */
int atexit(void (*fn)(void))
{
	if (atexit_count == ATEXIT_MAX)
		return -1;
	atexit_fns[atexit_count++] = fn;
	return 0;
}

/*
 * _exit - end the process at once with @status (its low 8 bits reach the
 * parent), without atexit handlers or flushing: exit_group (252) ends
 * every thread of the process, as glibc's _exit() does.
 */
void _exit(int status)
{
	for (;;)
		__syscall1(__NR_exit_group, status);
}

/* _Exit - the C standard's name for _exit(). */
void _Exit(int status)
{
	_exit(status);
}

/*
 * exit - run the atexit handlers (newest first), flush every stream, and
 * end the process with @status.
 */
void exit(int status)
{
	while (atexit_count > 0)
		atexit_fns[--atexit_count]();
	__stdio_flush_all();
	_exit(status);
}

/*
 * abort - end the process with SIGABRT, as glibc does: unblock it and
 * raise it; if a handler returned, restore the default action and raise
 * it again.  A namespace's init ignores even that (a default-action signal
 * to itself is dropped), so then a privileged instruction faults, and a
 * synchronous fault kills any process.  Streams are not flushed.
 */
void abort(void)
{
	struct sigaction sa = { .sa_handler = SIG_DFL };
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGABRT);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(SIGABRT);

	sigaction(SIGABRT, &sa, NULL);
	raise(SIGABRT);

	__asm__ volatile("hlt");
	_exit(ABORT_STATUS);
}

/*
 * __assert_fail - what a false assert() calls: print glibc's message
 * ("prog: file:line: func: Assertion `expr' failed.") and abort().
 */
void __assert_fail(const char *expr, const char *file, unsigned int line,
		   const char *func)
{
	fprintf(stderr, "%s: %s:%u: %s: Assertion `%s' failed.\n",
		__progname, file, line, func, expr);
	abort();
}
