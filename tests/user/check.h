/*
 * tests/user/check.h - the few helpers every user-level behaviour test shares.
 *
 * A test is a complete C program that runs as init (pid 1): on Nest through
 * "init=/tests/NAME", on Linux as pid 1 of a fresh pid namespace (see
 * tests/user_tests.py).  It must print the SAME transcript on both, so it
 * prints only what both kernels agree on: relations ("the pid waitpid
 * returned is the forked one") and errno names, never addresses, timings,
 * or pids other than 1.  A failing check prints what it got, after "FAIL".
 *
 *	int main(int argc, char **argv)
 *	{
 *		check_begin("pipe");
 *		CHECK(pipe(fds) == 0, "pipe: created");
 *		CHECK_ERR(close(-1), EBADF, "close(-1)");   // "close(-1): EBADF: ok"
 *		CHECK_EQ(WEXITSTATUS(st), 3, "fork: child exit status 3");
 *		return check_done();
 *	}
 *
 * Output goes straight to write(1), one write per line, so nothing sits in a
 * stdio buffer across fork() or _exit() and lines from a child and its
 * parent never mix.  Only one process prints at a time: a parent that lets a
 * child print is blocked in waitpid() until the child is done.
 *
 * Uses only POSIX names (write, vsnprintf, sigaction, waitpid, nanosleep...)
 * so Nest's user/lib links the tests as well as glibc does.
 */
#ifndef TESTS_USER_CHECK_H
#define TESTS_USER_CHECK_H

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define CHECK_LINE_MAX	512

/* Let the compiler check format strings, as Linux's __printf(). */
#define CHECK_PRINTF(a, b)	__attribute__((format(printf, a, b)))

static const char *check_test = "test";
static int check_passed, check_failed;

/* Print one formatted line (no newline needed) with a single write(1). */
static inline CHECK_PRINTF(1, 2) void say(const char *fmt, ...)
{
	char line[CHECK_LINE_MAX];
	va_list ap;
	int len, off = 0;

	va_start(ap, fmt);
	len = vsnprintf(line, sizeof(line) - 1, fmt, ap);
	va_end(ap);
	if (len < 0)
		return;
	if (len > (int)sizeof(line) - 2)
		len = sizeof(line) - 2;
	line[len++] = '\n';
	while (off < len) {
		ssize_t n = write(1, line + off, len - off);

		if (n <= 0)
			break;
		off += n;
	}
}

/*
 * errno_name - the symbolic name of an errno value.  Tests print names,
 * never strerror() text, which differs between C libraries.
 */
#define ERRNO_NAME(e)	{ e, #e }
static const struct {
	int value;
	const char *name;
} check_errno_names[] = {
	ERRNO_NAME(EPERM),   ERRNO_NAME(ENOENT), ERRNO_NAME(ESRCH),   ERRNO_NAME(EINTR),
	ERRNO_NAME(E2BIG),   ERRNO_NAME(ENOEXEC), ERRNO_NAME(EBADF),  ERRNO_NAME(ECHILD),
	ERRNO_NAME(EAGAIN),  ERRNO_NAME(ENOMEM), ERRNO_NAME(EACCES),  ERRNO_NAME(EFAULT),
	ERRNO_NAME(EEXIST),  ERRNO_NAME(ENOTDIR), ERRNO_NAME(EISDIR), ERRNO_NAME(EINVAL),
	ERRNO_NAME(EMFILE),  ERRNO_NAME(ENOSPC), ERRNO_NAME(ESPIPE),  ERRNO_NAME(EPIPE),
	ERRNO_NAME(ERANGE),  ERRNO_NAME(ENOSYS), ERRNO_NAME(EBUSY),   ERRNO_NAME(ENODEV),
	ERRNO_NAME(ELOOP),
};

static inline const char *errno_name(int e)
{
	static char other[24];
	unsigned int i;

	if (e == 0)
		return "0";
	for (i = 0; i < sizeof(check_errno_names) / sizeof(check_errno_names[0]); i++)
		if (check_errno_names[i].value == e)
			return check_errno_names[i].name;
	snprintf(other, sizeof(other), "errno %d", e);
	return other;
}

/* status_name - a wait status in words, for FAIL lines: "exit 3", "signal 11". */
static inline const char *status_name(int status)
{
	static char text[32];

	if (WIFEXITED(status))
		snprintf(text, sizeof(text), "exit %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(text, sizeof(text), "signal %d", WTERMSIG(status));
	else
		snprintf(text, sizeof(text), "status 0x%x", status);
	return text;
}

/*
 * check_report - count one check and print "<what>: ok", or
 * "<what>: FAIL (<why>)" when it failed.  Returns ok.
 */
static inline int check_report(int ok, const char *why, const char *fmt, va_list ap)
{
	char what[CHECK_LINE_MAX / 2];

	vsnprintf(what, sizeof(what), fmt, ap);
	if (ok) {
		check_passed++;
		say("%s: ok", what);
	} else {
		check_failed++;
		if (why && *why)
			say("%s: FAIL (%s)", what, why);
		else
			say("%s: FAIL", what);
	}
	return ok;
}

/* CHECK(cond, fmt, ...): a plain yes/no check. */
static inline CHECK_PRINTF(2, 3) int check(int ok, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	check_report(ok, NULL, fmt, ap);
	va_end(ap);
	return ok;
}
#define CHECK(cond, ...)	check(!!(cond), __VA_ARGS__)

/* check_why - like check(), with a reason shown after FAIL. */
static inline CHECK_PRINTF(3, 4) int check_why(int ok, const char *why, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	check_report(ok, why, fmt, ap);
	va_end(ap);
	return ok;
}

/* CHECK_EQ(got, want, fmt, ...): equality of two integers; FAIL shows both. */
static inline CHECK_PRINTF(3, 4) int check_eq(long got, long want, const char *fmt, ...)
{
	char why[64];
	va_list ap;

	snprintf(why, sizeof(why), "got %ld, want %ld", got, want);
	va_start(ap, fmt);
	check_report(got == want, why, fmt, ap);
	va_end(ap);
	return got == want;
}
#define CHECK_EQ(got, want, ...)	check_eq((long)(got), (long)(want), __VA_ARGS__)

/*
 * CHECK_ERR(expr, E, fmt, ...): expr must fail with -1 and errno E.  The
 * line reads "<what>: E: ok".  check_call() saves errno as soon as expr
 * has returned, before the other arguments can disturb it.
 */
static int check_saved_errno;

static inline long check_call(long ret)
{
	check_saved_errno = errno;
	return ret;
}

static inline CHECK_PRINTF(3, 4) int check_err(long ret, int want, const char *fmt, ...)
{
	char what[CHECK_LINE_MAX / 2], why[64];
	int err = check_saved_errno, ok = ret == -1 && err == want;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	if (ret == -1)
		snprintf(why, sizeof(why), "got %s", errno_name(err));
	else
		snprintf(why, sizeof(why), "succeeded, returned %ld", ret);
	return check_why(ok, why, "%s: %s", what, errno_name(want));
}
#define CHECK_ERR(expr, E, ...)	check_err(check_call((long)(expr)), (E), __VA_ARGS__)

/*
 * CHECK_EXITED(status, code, fmt, ...): the wait status says "exited with
 * code"; CHECK_KILLED(status, sig, fmt, ...): "killed by signal sig".
 */
static inline CHECK_PRINTF(4, 5) int check_status(int status, int exited, int value,
						  const char *fmt, ...)
{
	char why[64];
	int ok;
	va_list ap;

	if (exited)
		ok = WIFEXITED(status) && WEXITSTATUS(status) == value;
	else
		ok = WIFSIGNALED(status) && WTERMSIG(status) == value;
	snprintf(why, sizeof(why), "got %s", status_name(status));
	va_start(ap, fmt);
	check_report(ok, why, fmt, ap);
	va_end(ap);
	return ok;
}
#define CHECK_EXITED(status, code, ...)	check_status((status), 1, (code), __VA_ARGS__)
#define CHECK_KILLED(status, sig, ...)	check_status((status), 0, (sig), __VA_ARGS__)

/* sleep_ms - nanosleep for ms milliseconds, sleeping again after a signal. */
static inline void sleep_ms(long ms)
{
	struct timespec req = { ms / 1000, (ms % 1000) * 1000000L }, rem;

	while (nanosleep(&req, &rem) == -1 && errno == EINTR)
		req = rem;
}

/*
 * Bounds on waiting are in time, not in turns of a loop: a 1 ms nanosleep
 * lasts a whole timer tick on Nest (10 ms at HZ 100).  deadline(ms) is a
 * moment @ms from now; deadline_passed(d) says whether it has come.
 */
static inline long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

static inline long deadline(long ms)
{
	return now_ms() + ms;
}

static inline int deadline_passed(long d)
{
	return now_ms() >= d;
}

/*
 * wait_child - waitpid(pid, &status, 0), retrying after EINTR.  Returns the
 * status, or -1 (and prints why) if waitpid failed or returned another pid.
 */
static inline int wait_child(pid_t pid)
{
	int status = 0;
	pid_t got;

	do
		got = waitpid(pid, &status, 0);
	while (got == -1 && errno == EINTR);
	if (got != pid) {
		say("    (waitpid(%s) returned %s, %s)", pid > 0 ? "child" : "-1",
		    got == -1 ? "-1" : "another pid", errno_name(errno));
		return -1;
	}
	return status;
}

/*
 * run_child - fork; the child calls fn() and _exit()s with its result.  The
 * parent waits and returns the child's wait status (-1 if fork failed).
 */
static inline int run_child(int (*fn)(void))
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(fn());
	if (pid < 0) {
		say("    (fork failed: %s)", errno_name(errno));
		return -1;
	}
	return wait_child(pid);
}

/* set_handler - sigaction(sig) with a plain handler (or SIG_DFL/SIG_IGN) and flags. */
static inline int set_handler(int sig, void (*handler)(int), int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	return sigaction(sig, &sa, NULL);
}

/* set_action - sigaction(sig) with an SA_SIGINFO handler and more flags. */
static inline int set_action(int sig, void (*action)(int, siginfo_t *, void *), int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = action;
	sa.sa_flags = SA_SIGINFO | flags;
	sigemptyset(&sa.sa_mask);
	return sigaction(sig, &sa, NULL);
}

/* block / unblock one signal in the calling process. */
static inline int mask_signal(int how, int sig)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, sig);
	return sigprocmask(how, &set, NULL);
}

/* is_pending - sig is in sigpending()'s set. */
static inline int is_pending(int sig)
{
	sigset_t set;

	sigemptyset(&set);
	sigpending(&set);
	return sigismember(&set, sig) == 1;
}

/* is_blocked - sig is in the current signal mask. */
static inline int is_blocked(int sig)
{
	sigset_t set;

	sigemptyset(&set);
	sigprocmask(SIG_BLOCK, NULL, &set);
	return sigismember(&set, sig) == 1;
}

/*
 * check_begin - name the test and start from the state a fresh init has on
 * Nest: every signal at its default action and none blocked.  (On Linux the
 * harness's own dispositions would otherwise leak in: SIG_IGN survives exec.)
 *
 * With USER_TEST_PROBE set in the environment the program only says
 * "NAME: probe" and exits 0: tests/user_tests.py uses it to learn whether
 * the host can run i386 binaries and pid namespaces at all.  Otherwise a
 * program that is not pid 1 stops at once with exit status 2.
 */
static inline void check_begin(const char *name)
{
	sigset_t none;
	int sig;

	if (getenv("USER_TEST_PROBE")) {
		say("%s: probe", name);
		exit(0);
	}
	check_test = name;
	/*
	 * Every test is written for init; some (ids: kill(-1, SIGKILL)) would
	 * hurt anywhere else.  Outside a fresh pid namespace, refuse.
	 */
	if (getpid() != 1) {
		say("%s: must run as init (pid 1): use unshare --pid --fork --mount-proc %s", name,
		    name);
		exit(2);
	}
	for (sig = 1; sig < 32; sig++)
		if (sig != SIGKILL && sig != SIGSTOP)
			set_handler(sig, SIG_DFL, 0);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
}

/*
 * check_done - the last check (the test left no child behind, as tests leave
 * nothing behind), then the summary line.  Returns the exit status for
 * main(): 0 when every check passed, 1 otherwise.
 */
static inline int check_done(void)
{
	CHECK_ERR(waitpid(-1, NULL, WNOHANG), ECHILD, "%s: no child left behind", check_test);
	if (check_failed) {
		say("%s: %d of %d checks FAILED", check_test, check_failed,
		    check_passed + check_failed);
		return 1;
	}
	say("%s: %d checks passed", check_test, check_passed);
	return 0;
}

#endif /* TESTS_USER_CHECK_H */
