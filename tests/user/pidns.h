/*
 * tests/user/pidns.h - what the pid namespace tests (tests/user/pidns_*.c)
 * share, on top of check.h.
 *
 * Where the tests run: on Nest the test is the kernel's init, at level 0;
 * on Linux (tests/user_tests.py) it is pid 1 of a namespace at level 1.
 * Its own pids are therefore not comparable (Nest's kernel threads have
 * pids at level 0), but a namespace the test creates and fills itself
 * numbers its processes 1, 2, 3, ... on both.  So a test that prints pids
 * first makes such a "lab" namespace (in_new_ns()) and prints only pids
 * seen from inside it.
 *
 * Include this first: it asks glibc for clone(), unshare() and friends.
 *
 *	fork_newpid()		fork into a new namespace: the child is its pid 1
 *	try_clone(flags)	a fork-like clone that is expected to fail
 *	in_new_ns(what, fn)	run fn as init of a new namespace, which prints
 *				its own checks; the test waits for it
 *	child_begin/child_end	for any child that prints checks of its own
 *	pidns_done()		check_done(), counting the children's checks
 *	hold/await/release	one-byte signalling over pipes
 *	is_eof_now(fd)		every writer of a pipe is gone, right now
 *	wait_status(pid)	waitpid that also reports a stop, never hangs on one
 */
#ifndef TESTS_USER_PIDNS_H
#define TESTS_USER_PIDNS_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE		/* glibc: clone(), unshare(), CLONE_* */
#endif
#include <fcntl.h>
#include <sched.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include "check.h"

#define REPARENT_WAIT_MS	5000	/* give up waiting for a new parent */
#define CLONE_STACK_SIZE	16384	/* for clone(fn, stack, ...) */

/*
 * clone_raw - the clone system call with a zero stack: like fork(), the
 * child continues on a copy of the caller's stack and gets 0.  i386
 * argument order: flags, stack, parent_tid, tls, child_tid.  Returns the
 * child's pid in the caller's namespace, or -1 with errno set.
 */
static inline pid_t clone_raw(long flags)
{
	return syscall(SYS_clone, flags, 0, 0, 0, 0);
}

/* fork_newpid - fork into a new pid namespace; the child is its pid 1. */
static inline pid_t fork_newpid(void)
{
	return clone_raw(CLONE_NEWPID | SIGCHLD);
}

/*
 * try_clone - a fork-like clone(flags) that should fail.  If it succeeds
 * after all, the child exits at once (status 0) and the caller reaps it.
 * Returns clone's result with errno as clone left it, for CHECK_ERR.
 */
static inline long try_clone(long flags)
{
	long ret = clone_raw(flags);
	int err = errno;

	if (ret == 0)
		_exit(0);
	if (ret > 0)
		waitpid(ret, NULL, 0);
	errno = err;
	return ret;
}

/* try_fork - fork() that should fail; as try_clone(). */
static inline long try_fork(void)
{
	return try_clone(SIGCHLD);
}

static inline pid_t sys_gettid(void)
{
	return syscall(SYS_gettid);
}

/*
 * A child that prints checks of its own counts them from zero and, when
 * done, hands its counts to the test through the tally pipe, so the last
 * line ("NAME: N checks passed") counts every ": ok" of the transcript.
 * child_end() returns the exit status for the child: 0, or 1 if a check
 * failed.  The records are 8 bytes, written in one write(): atomic.
 */
static int pidns_tally[2] = { -1, -1 };

static inline void child_begin(void)
{
	check_passed = 0;
	check_failed = 0;
}

static inline int child_end(void)
{
	int counts[2] = { check_passed, check_failed };

	write(pidns_tally[1], counts, sizeof(counts));
	return check_failed ? 1 : 0;
}

/* tally_collect - add the counts children have handed in so far. */
static inline void tally_collect(void)
{
	int counts[2];

	while (read(pidns_tally[0], counts, sizeof(counts)) == sizeof(counts)) {
		check_passed += counts[0];
		check_failed += counts[1];
	}
}

/* pidns_begin - check_begin(), and the tally pipe (its read end non-blocking). */
static inline void pidns_begin(const char *name)
{
	check_begin(name);
	if (pipe(pidns_tally) == 0)
		fcntl(pidns_tally[0], F_SETFL, O_NONBLOCK);
}

/* pidns_done - collect the last counts, then check_done(). */
static inline int pidns_done(void)
{
	tally_collect();
	return check_done();
}

/*
 * wait_status - waitpid(pid) that also returns when the child stops.  A
 * stopped child is killed and reaped, and its stop status returned, so a
 * check that expected an exit fails instead of hanging.  -1 on error.
 */
static inline int wait_status(pid_t pid)
{
	int status = 0;
	pid_t got;

	do
		got = waitpid(pid, &status, WUNTRACED);
	while (got == -1 && errno == EINTR);
	if (got != pid) {
		say("    (waitpid returned %s, %s)", got == -1 ? "-1" : "another pid",
		    errno_name(errno));
		return -1;
	}
	if (WIFSTOPPED(status)) {
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
	}
	return status;
}

/*
 * in_new_ns - run fn() as pid 1 of a new namespace.  fn prints its own
 * checks (the test is blocked in waitpid meanwhile); when it returns, its
 * namespace dies with it.  One more check: its exit status was 0.
 */
static inline void in_new_ns(const char *what, void (*fn)(void))
{
	pid_t pid = fork_newpid();

	if (pid == 0) {
		child_begin();
		fn();
		_exit(child_end());
	}
	if (pid < 0) {
		check_why(0, errno_name(errno), "%s: clone(CLONE_NEWPID)", what);
		return;
	}
	CHECK_EXITED(wait_status(pid), 0, "%s: the namespace's init passed its checks", what);
	tally_collect();
}

/* in_child - run fn() in a plain child that prints its own checks. */
static inline void in_child(const char *what, void (*fn)(void))
{
	pid_t pid = fork();

	if (pid == 0) {
		child_begin();
		fn();
		_exit(child_end());
	}
	CHECK_EXITED(wait_status(pid), 0, "%s: the child passed its checks", what);
	tally_collect();
}

/*
 * One-byte signalling over a pipe.  A "gate" is a pipe whose readers block
 * until the holder writes (release) or until every write end is gone.
 */
static inline void send_byte(int fd, char c)
{
	write(fd, &c, 1);
}

/* recv_byte - one byte, or -1 at EOF (every writer gone). */
static inline int recv_byte(int fd)
{
	unsigned char c;
	ssize_t n;

	do
		n = read(fd, &c, 1);
	while (n == -1 && errno == EINTR);
	return n == 1 ? c : -1;
}

/* recv_bytes - read n bytes into buf (n <= what fits); how many arrived. */
static inline int recv_bytes(int fd, char *buf, int n)
{
	int got = 0;

	while (got < n) {
		ssize_t r = read(fd, buf + got, n - got);

		if (r == -1 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += r;
	}
	return got;
}

/* wait_eof - read and discard until every writer of the pipe is gone. */
static inline void wait_eof(int fd)
{
	while (recv_byte(fd) != -1)
		;
}

/*
 * is_eof_now - without waiting: does a read of the pipe say EOF (0), that
 * is, is every write end closed and the pipe empty?  A live writer makes a
 * non-blocking read fail with EAGAIN instead.
 */
static inline int is_eof_now(int fd)
{
	int flags = fcntl(fd, F_GETFL), eof;
	char c;

	fcntl(fd, F_SETFL, flags | O_NONBLOCK);
	eof = read(fd, &c, 1) == 0;
	fcntl(fd, F_SETFL, flags);
	return eof;
}

/*
 * wait_for_parent - poll until getppid() == want: reparenting happens in
 * the old parent's exit, a little after it closed its files.  1 if seen.
 */
static inline int wait_for_parent(pid_t want)
{
	long end = deadline(REPARENT_WAIT_MS);

	while (!deadline_passed(end)) {
		if (getppid() == want)
			return 1;
		sleep_ms(1);
	}
	return 0;
}

/* sleep_forever - what a process does while it waits to be killed. */
static inline void sleep_forever(void)
{
	for (;;)
		pause();
}

#endif /* TESTS_USER_PIDNS_H */
