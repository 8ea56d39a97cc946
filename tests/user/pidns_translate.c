/*
 * tests/user/pidns_translate.c - numbering and translation: each namespace
 * counts its own pids from 1 without reusing freed ones; every pid a
 * system call takes is looked up in the caller's namespace and every pid
 * it returns is in the caller's view (getpid, getppid, waitpid, wait4,
 * getpgid, getsid, setpgid, setsid, SIGCHLD's si_pid); what the caller
 * cannot see is 0 (a result) or ESRCH (an argument).
 *
 * Everything happens in a lab namespace L (pid 1 is its init) with one
 * namespace M below it:
 *
 *	L:  1 (lab init) ── 2 (M's init) ── 3 (K) , 4 (J)
 *	M:                  1            ── 2 (K) , 3 (J)
 *
 * K makes its own process group, J its own session; M's init and L's init
 * each print what they see, taking turns over pipes.
 */
#include "pidns.h"

static volatile int chld_count, chld_pid;

static void on_sigchld(int sig, siginfo_t *si, void *uc)
{
	chld_count++;
	chld_pid = si->si_pid;
}

/* wait_sigchld - with SIGCHLD blocked: sigsuspend until the handler ran. */
static void wait_sigchld(void)
{
	sigset_t none;

	sigemptyset(&none);
	while (!chld_count)
		sigsuspend(&none);
}

static void lab_numbers(void)
{
	pid_t pid;
	int i;

	pid = fork();
	if (pid == 0)
		_exit(0);
	CHECK_EQ(pid, 2, "numbers: the init's first child is pid 2");
	wait_child(pid);
	pid = fork();
	if (pid == 0)
		_exit(0);
	CHECK_EQ(pid, 3, "numbers: 2 is free again but not reused: the next child is 3");
	wait_child(pid);
	for (i = 0; i < 5; i++) {
		pid = fork();
		if (pid == 0)
			_exit(getpid());
		if (WEXITSTATUS(wait_child(pid)) != pid || pid != 4 + i)
			break;
	}
	CHECK_EQ(i, 5, "numbers: then 4, 5, 6, 7, 8, each its own getpid()");
	pid = fork_newpid();
	if (pid == 0) {
		pid = fork();
		if (pid == 0)
			_exit(0);
		wait_child(pid);
		_exit(pid);
	}
	CHECK_EQ(pid, 9, "numbers: a new namespace's init is 9 in the lab");
	CHECK_EXITED(wait_child(pid), 2,
		     "numbers: and counts from 1 in its own: its first child was 2 there");
}

/* K: a process group of its own.  J: a session of its own. */
static void k_body(int ready)
{
	int ok = setpgid(0, 0) == 0 && getpgid(0) == 2 && getpid() == 2 && getppid() == 1;

	send_byte(ready, ok ? 'k' : 'K');
	sleep_forever();
}

static void j_body(int ready)
{
	int ok = setsid() == 3 && getsid(0) == 3 && getpgid(0) == 3 && getpid() == 3;

	send_byte(ready, ok ? 'j' : 'J');
	sleep_forever();
}

/* M's init: report, let L look, report again, reap K and J, exit 9. */
static void m_init(int to_l, int from_l)
{
	int k_ready[2], j_ready[2], status, failed;
	pid_t k, j;

	child_begin();
	CHECK_EQ(getpid(), 1, "M: its init's getpid() is 1");
	CHECK_EQ(getppid(), 0, "M: getppid() is 0: the lab's init is not visible");
	CHECK_EQ(getpgid(0), 0, "M: getpgid(0) is 0: the group's leader, the lab's init, is not");
	CHECK_EQ(getsid(0), 0, "M: getsid(0) is 0 for the same reason");
	pipe(k_ready);
	pipe(j_ready);
	k = fork();
	if (k == 0)
		k_body(k_ready[1]);
	j = fork();
	if (j == 0)
		j_body(j_ready[1]);
	CHECK(k == 2 && j == 3, "M: its children are 2 (K) and 3 (J)");
	CHECK_EQ(recv_byte(k_ready[0]), 'k', "M: K sees itself as 2, parent 1, group 2");
	CHECK_EQ(recv_byte(j_ready[0]), 'j', "M: J sees itself as 3, session 3");
	CHECK_EQ(getpgid(2), 2, "M: getpgid(2) is 2");
	CHECK_EQ(getsid(3), 3, "M: getsid(3) is 3");
	CHECK_ERR(kill(4, 0), ESRCH, "M: kill(4, 0): J is 4 only in the lab");
	CHECK_ERR(getpgid(4), ESRCH, "M: getpgid(4) likewise");

	/* L's turn: it looks in, and moves this init to a group of its own. */
	failed = child_end();
	send_byte(to_l, 'm');
	recv_byte(from_l);
	child_begin();
	CHECK_EQ(getpgid(0), 1, "M: after the lab's setpgid(2, 2), getpgid(0) is 1");
	CHECK_EQ(getsid(0), 0, "M: the session is still the lab's, 0 here");

	set_action(SIGCHLD, on_sigchld, 0);
	mask_signal(SIG_BLOCK, SIGCHLD);
	chld_count = 0;
	kill(k, SIGKILL);
	wait_sigchld();
	CHECK_EQ(chld_pid, 2, "M: SIGCHLD for K has si_pid 2");
	CHECK_EQ(waitpid(-1, &status, 0), 2, "M: waitpid(-1) returns K as 2");
	kill(j, SIGKILL);
	CHECK_EQ(wait4(-1, &status, 0, NULL), 3, "M: wait4(-1) returns J as 3");
	mask_signal(SIG_UNBLOCK, SIGCHLD);
	_exit(child_end() || failed ? 1 : 9);
}

static void lab_views(void)
{
	int to_l[2], from_l[2], status;
	pid_t m;

	CHECK_EQ(setsid(), 1, "L: the lab's init starts a session: setsid() returns 1");
	pipe(to_l);
	pipe(from_l);
	set_action(SIGCHLD, on_sigchld, 0);
	mask_signal(SIG_BLOCK, SIGCHLD);
	chld_count = 0;
	m = fork_newpid();
	if (m == 0)
		m_init(to_l[1], from_l[0]);
	CHECK(m == 2 && recv_byte(to_l[0]) == 'm', "L: M's init is 2 in the lab");
	tally_collect();
	CHECK(getpgid(2) == 1 && getsid(2) == 1, "L: its group and session are the lab init's, 1");
	CHECK_EQ(getpgid(3), 3, "L: K's group is 3 here (2 in M)");
	CHECK_EQ(getsid(4), 4, "L: J's session is 4 here (3 in M)");
	CHECK(kill(3, 0) == 0 && kill(4, 0) == 0, "L: the lab's init reaches K and J as 3 and 4");
	CHECK_ERR(waitpid(3, NULL, WNOHANG), ECHILD,
		  "L: waitpid(3): K is not the lab init's child");
	CHECK_EQ(setpgid(2, 2), 0, "L: setpgid(2, 2) puts M's init in a group of its own");
	CHECK_EQ(getpgid(2), 2, "L: getpgid(2) is 2 now");
	send_byte(from_l[1], 'l');

	wait_sigchld();
	CHECK_EQ(chld_pid, 2, "L: SIGCHLD for M's init has si_pid 2");
	status = 0;
	CHECK_EQ(waitpid(-1, &status, 0), 2, "L: waitpid(-1) returns M's init as 2");
	CHECK_EXITED(status, 9, "L: M's init exited 9, all its checks passed");
	tally_collect();
	mask_signal(SIG_UNBLOCK, SIGCHLD);
	set_handler(SIGCHLD, SIG_DFL, 0);
	CHECK_ERR(kill(3, 0), ESRCH, "L: K is gone");
}

/* The test's own view of the lab: relations only, its pids differ. */
static void test_outside(void)
{
	int gate[2], ready[2], status;
	pid_t lab, child, got;

	pipe(gate);
	pipe(ready);
	lab = fork_newpid();
	if (lab == 0) {
		close(gate[1]);
		if (setsid() != 1)
			_exit(1);
		child = fork();
		if (child == 0) {
			recv_byte(gate[0]);
			_exit(getppid() == 1 ? 0 : 1);
		}
		send_byte(ready[1], 'r');
		_exit(wait_child(child) == 0 ? 0 : 2);
	}
	close(gate[0]);
	close(ready[1]);
	recv_byte(ready[0]);
	close(ready[0]);
	CHECK(getsid(lab) == lab && getpgid(lab) == lab,
	      "outside: the lab's init leads session and group; the test sees them by its pid");
	got = -1;
	for (child = lab + 1; child < lab + 1000; child++)
		if (kill(child, 0) == 0 && getpgid(child) == lab) {
			got = child;
			break;
		}
	CHECK(got > 0, "outside: the lab's child is visible, in the lab init's group");
	CHECK_ERR(waitpid(got, NULL, WNOHANG), ECHILD, "outside: but it is not the test's child");
	send_byte(gate[1], 'g');
	status = 0;
	CHECK(waitpid(-1, &status, 0) == lab, "outside: waitpid(-1) returns the lab init's pid");
	CHECK_EXITED(status, 0, "outside: the lab's child had getppid() 1");
	close(gate[1]);
}

int main(void)
{
	pidns_begin("pidns_translate");
	in_new_ns("numbers", lab_numbers);
	in_new_ns("views", lab_views);
	test_outside();
	return pidns_done();
}
