/*
 * user/bin/libctest/main.c - libctest: check the C library and the system
 * calls under it, on Nest or on Linux (run it as root on Linux: it creates
 * pid namespaces).  Prints TAP: one "ok N - what" or "not ok N - what"
 * line per check, then "# N passed, N failed"; exit status 1 if any failed.
 *
 * Covered: printf formats, strings and number parsing, malloc/free/realloc
 * under a random stress loop (contents kept, heap reused after free),
 * signals with and without SA_SIGINFO (the handler returns through the
 * library's restorer and the interrupted code carries on), the signal
 * mask, fork/wait statuses, output not duplicated by fork, pipes, files,
 * directories, mmap, clocks, clone() with its own stack and with
 * CLONE_NEWPID, and unshare(CLONE_NEWPID).  Each subject has a file of
 * its own (libctest.h lists them); this one holds what they share and
 * runs them.
 *
 * Run it with "libctest" or from init: "init /bin/libctest".
 */
#include <stdarg.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>
#include "libctest.h"

static int passed, failed;

/* Record one check: print "ok"/"not ok", its number and what it checked. */
void check(int ok, const char *fmt, ...)
{
	va_list ap;

	printf("%s %d - ", ok ? "ok" : "not ok", passed + failed + 1);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (ok)
		passed++;
	else
		failed++;
}

/* Run @fn in a child and return its wait status. */
int in_child(void (*fn)(void))
{
	int status = -1;
	pid_t pid = fork();

	if (pid == 0) {
		fn();
		_exit(0);
	}
	if (pid > 0)
		waitpid(pid, &status, 0);
	return status;
}

/* Every test, in the order their checks are numbered; the summary last. */
int main(void)
{
	test_printf();
	test_strings();
	test_malloc();
	test_malloc_errors();
	test_signals();
	test_sigsuspend();
	test_processes();
	test_fork_flush();
	test_files();
	test_memory_and_time();
	printf("# %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
