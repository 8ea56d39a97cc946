/*
 * tests/user/stop.c - stopping and continuing: SIGSTOP stops a child,
 * which then runs no more; its parent sees
 * WIFSTOPPED through waitpid(WUNTRACED) and a SIGCHLD with CLD_STOPPED;
 * SIGCONT resumes it (WIFCONTINUED through WCONTINUED, CLD_CONTINUED);
 * SIGKILL ends a stopped child.
 *
 * The child writes a byte to a pipe every few milliseconds.  Nothing
 * depends on timing: the parent reads only after waitpid() has said the
 * child is stopped (so no byte can follow) or running again.  SIGCHLD is
 * blocked except inside sigsuspend(), so it never interrupts a wait, and
 * each one is consumed before the next is expected (standard signals do
 * not queue: a second SIGCHLD would merge into a pending first).
 *
 * SIGTSTP is left out on purpose: Linux discards it (and SIGTTIN/SIGTTOU)
 * for a process in an orphaned process group, and whether the test's group
 * is orphaned depends on how the harness was started, so the transcript
 * would not be the same everywhere.
 */
#include "check.h"
#include <fcntl.h>

static volatile int cld_code, cld_status, cld_count;

static void on_sigchld(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	cld_code = si->si_code;
	cld_status = si->si_status;
	cld_count++;
}

/* The child: a heartbeat on the pipe, for ever. */
static void heartbeat(int fd)
{
	for (;;) {
		if (write(fd, "b", 1) != 1)
			_exit(1);
		sleep_ms(5);
	}
}

/* Read everything in the (non-blocking) pipe; returns the byte count. */
static int drain(int fd)
{
	char buf[256];
	int n, total = 0;

	while ((n = read(fd, buf, sizeof(buf))) > 0)
		total += n;
	return total;
}

static void wait_cld(void)
{
	sigset_t none;

	sigemptyset(&none);
	while (!cld_count)
		sigsuspend(&none);
}

static void test_stop_continue(int stop_sig, const char *name)
{
	int fds[2], status, flags;
	char c;
	pid_t child;

	CHECK(pipe(fds) == 0, "%s: pipe", name);
	child = fork();
	if (child == 0) {
		close(fds[0]);
		heartbeat(fds[1]);
	}
	close(fds[1]);
	CHECK_EQ(read(fds[0], &c, 1), 1, "%s: the child is running (a heartbeat)", name);

	cld_count = 0;
	kill(child, stop_sig);
	CHECK_EQ(waitpid(child, &status, WUNTRACED), child, "%s: waitpid(WUNTRACED) returns the child", name);
	CHECK(WIFSTOPPED(status) && WSTOPSIG(status) == stop_sig,
	      "%s: it is stopped by that signal (%s)", name, status_name(status));
	wait_cld();
	CHECK(cld_code == CLD_STOPPED && cld_status == stop_sig,
	      "%s: SIGCHLD says CLD_STOPPED with the signal", name);

	/* Stopped: after the bytes already in the pipe, no more come. */
	flags = fcntl(fds[0], F_GETFL);
	fcntl(fds[0], F_SETFL, flags | O_NONBLOCK);
	drain(fds[0]);
	sleep_ms(50);
	CHECK_ERR(read(fds[0], &c, 1), EAGAIN, "%s: a stopped child writes nothing", name);
	CHECK_EQ(waitpid(child, &status, WNOHANG | WUNTRACED), 0,
		 "%s: the stop is reported once", name);

	cld_count = 0;
	kill(child, SIGCONT);
	CHECK_EQ(waitpid(child, &status, WCONTINUED), child, "%s: waitpid(WCONTINUED) returns the child", name);
	CHECK(WIFCONTINUED(status), "%s: it is continued (%s)", name, status_name(status));
	wait_cld();
	CHECK(cld_code == CLD_CONTINUED, "%s: SIGCHLD says CLD_CONTINUED", name);
	fcntl(fds[0], F_SETFL, flags);
	CHECK_EQ(read(fds[0], &c, 1), 1, "%s: the child runs again", name);

	/* Stopped once more, then killed: SIGKILL needs no SIGCONT. */
	kill(child, SIGSTOP);
	CHECK_EQ(waitpid(child, &status, WUNTRACED), child, "%s: stopped again", name);
	kill(child, SIGKILL);
	CHECK_EQ(waitpid(child, &status, 0), child, "%s: a stopped child can be killed", name);
	CHECK_KILLED(status, SIGKILL, "%s: it died of SIGKILL", name);
	cld_count = 0;
	wait_cld();		/* the SIGCHLD of the second stop or of the death */
	close(fds[0]);
}

/* With SA_NOCLDSTOP the parent hears nothing about stops, but wait still does. */
static void test_nocldstop(void)
{
	int status;
	pid_t child;

	set_action(SIGCHLD, on_sigchld, SA_NOCLDSTOP);
	cld_count = 0;
	child = fork();
	if (child == 0) {
		for (;;)
			pause();
	}
	kill(child, SIGSTOP);
	CHECK_EQ(waitpid(child, &status, WUNTRACED), child, "nocldstop: waitpid sees the stop");
	CHECK(WIFSTOPPED(status), "nocldstop: WIFSTOPPED");
	CHECK_EQ(cld_count, 0, "nocldstop: no SIGCHLD for the stop");
	kill(child, SIGKILL);
	CHECK_EQ(waitpid(child, &status, 0), child, "nocldstop: reaped after SIGKILL");
	wait_cld();
	CHECK_EQ(cld_code, CLD_KILLED, "nocldstop: SIGCHLD still comes for the death");
}

int main(void)
{
	check_begin("stop");
	set_action(SIGCHLD, on_sigchld, 0);
	mask_signal(SIG_BLOCK, SIGCHLD);
	test_stop_continue(SIGSTOP, "sigstop");
	test_nocldstop();
	return check_done();
}
