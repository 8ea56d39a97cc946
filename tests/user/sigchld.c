/*
 * tests/user/sigchld.c - SIGCHLD: sent to the parent when a child exits or
 * is killed, with si_code CLD_EXITED/CLD_KILLED, si_pid and si_status; the
 * child stays a zombie until waited for; SIG_IGN (or SA_NOCLDWAIT) makes
 * children reap themselves, so wait blocks until they are gone and then
 * fails with ECHILD.
 *
 * SIGCHLD is blocked before each fork and waited for with sigsuspend, so
 * nothing depends on timing.
 */
#include "check.h"

static volatile int handled, info_signo, info_code, info_pid, info_status;

static void on_sigchld(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	handled++;
	info_signo = si->si_signo == sig ? sig : -1;
	info_code = si->si_code;
	info_pid = si->si_pid;
	info_status = si->si_status;
}

/* wait_sigchld - sigsuspend with SIGCHLD blocked outside it, until it came. */
static void wait_sigchld(void)
{
	sigset_t none;

	sigemptyset(&none);
	while (!handled)
		sigsuspend(&none);
}

static void test_exited(void)
{
	int status;
	pid_t child;

	set_action(SIGCHLD, on_sigchld, 0);
	mask_signal(SIG_BLOCK, SIGCHLD);
	handled = 0;
	child = fork();
	if (child == 0)
		_exit(7);
	wait_sigchld();
	CHECK(handled == 1, "exited: the parent got one SIGCHLD");
	CHECK_EQ(info_signo, SIGCHLD, "exited: si_signo is 17");
	CHECK_EQ(info_code, CLD_EXITED, "exited: si_code is CLD_EXITED (1)");
	CHECK(info_pid == child, "exited: si_pid is the child's pid");
	CHECK_EQ(info_status, 7, "exited: si_status is the exit code 7");

	CHECK_EQ(kill(child, 0), 0, "exited: the child is a zombie until waited for");
	CHECK(waitpid(child, &status, WNOHANG) == child,
	      "exited: waitpid(WNOHANG) reaps it at once");
	CHECK_EXITED(status, 7, "exited: exit status 7");
	CHECK_ERR(kill(child, 0), ESRCH, "exited: after the wait it is gone");
	mask_signal(SIG_UNBLOCK, SIGCHLD);
}

static void test_killed(void)
{
	int status;
	pid_t child;

	mask_signal(SIG_BLOCK, SIGCHLD);
	handled = 0;
	child = fork();
	if (child == 0) {
		for (;;)
			pause();
	}
	kill(child, SIGKILL);
	wait_sigchld();
	CHECK_EQ(info_code, CLD_KILLED, "killed: si_code is CLD_KILLED (2)");
	CHECK(info_pid == child, "killed: si_pid is the child's pid");
	CHECK_EQ(info_status, SIGKILL, "killed: si_status is the signal, 9");
	status = wait_child(child);
	CHECK_KILLED(status, SIGKILL, "killed: waitpid says SIGKILL");
	mask_signal(SIG_UNBLOCK, SIGCHLD);
}

/* SIGCHLD at SIG_DFL: no signal visible, the child waits as a zombie. */
static void test_default(void)
{
	pid_t child;

	set_handler(SIGCHLD, SIG_DFL, 0);
	mask_signal(SIG_BLOCK, SIGCHLD);
	child = fork();
	if (child == 0)
		_exit(8);
	CHECK_EXITED(wait_child(child), 8, "default: waitpid still gets exit status 8");
	CHECK(is_pending(SIGCHLD), "default: a blocked SIGCHLD at SIG_DFL is left pending");
	set_handler(SIGCHLD, SIG_IGN, 0); /* discards it */
	set_handler(SIGCHLD, SIG_DFL, 0);
	mask_signal(SIG_UNBLOCK, SIGCHLD);
	CHECK(!is_pending(SIGCHLD), "default: SIG_IGN discarded it");
}

/* SIG_IGN or SA_NOCLDWAIT: children are reaped by the kernel. */
static void test_autoreap(void)
{
	int status, i;
	pid_t child;

	set_handler(SIGCHLD, SIG_IGN, 0);
	child = fork();
	if (child == 0) {
		sleep_ms(20);
		_exit(3);
	}
	CHECK_ERR(waitpid(child, &status, 0), ECHILD,
		  "ignored: waitpid blocks until the child is gone, then");
	CHECK_ERR(kill(child, 0), ESRCH, "ignored: no zombie was left");

	for (i = 0; i < 3; i++)
		if (fork() == 0)
			_exit(i);
	CHECK_ERR(waitpid(-1, &status, 0), ECHILD, "ignored: waitpid(-1) after three children");

	set_handler(SIGCHLD, SIG_DFL, SA_NOCLDWAIT);
	child = fork();
	if (child == 0)
		_exit(4);
	CHECK_ERR(waitpid(child, &status, 0), ECHILD, "SA_NOCLDWAIT: waitpid, as with SIG_IGN");

	set_handler(SIGCHLD, SIG_DFL, 0);
	child = fork();
	if (child == 0)
		_exit(5);
	CHECK_EXITED(wait_child(child), 5, "back to SIG_DFL: waitpid gets exit status 5 again");
}

int main(void)
{
	check_begin("sigchld");
	test_exited();
	test_killed();
	test_default();
	test_autoreap();
	return check_done();
}
