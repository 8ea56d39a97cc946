/*
 * tests/user/pidns_kill.c - kill() across pid namespaces: kill(-1) from a
 * namespace's init and from another process, kill(0) and kill(-pgid) in
 * the caller's view, ESRCH for numbers the caller cannot see, and si_pid
 * as the receiver sees the sender: 0 from an ancestor namespace, the
 * sender's own number inside one namespace (1 when init signals itself).
 *
 * Each part runs in a lab namespace L; a namespace M below it is made
 * where a part needs one.  Sleepers are children that pause until killed.
 */
#include "pidns.h"

static volatile int usr1_count, usr1_pid, usr1_code;

static void on_usr1(int sig, siginfo_t *si, void *uc)
{
	usr1_count++;
	usr1_pid = si->si_pid;
	usr1_code = si->si_code;
}

/* catch_usr1 - a counting SIGUSR1 handler, with SIGUSR1 blocked for now. */
static void catch_usr1(void)
{
	usr1_count = 0;
	usr1_pid = -1;
	set_action(SIGUSR1, on_usr1, 0);
	mask_signal(SIG_BLOCK, SIGUSR1);
}

/* await_usr1 - sigsuspend until the handler has run, then unblock. */
static void await_usr1(void)
{
	sigset_t none;

	sigemptyset(&none);
	while (!usr1_count)
		sigsuspend(&none);
	mask_signal(SIG_UNBLOCK, SIGUSR1);
}

static pid_t sleeper(void)
{
	pid_t pid = fork();

	if (pid == 0)
		sleep_forever();
	return pid;
}

/*
 * kill(-1) from L's init: L's sleepers, and M's processes, are all
 * visible.  SIGTERM kills all of them except M's init, whose default
 * actions are dropped unless the signal is SIGKILL or SIGSTOP; SIGKILL
 * kills it too.  Then the init is alone, and kill(-1) says ESRCH.
 */
static void m_init_for_kill(int report, int started)
{
	pid_t child = fork();
	int status;

	if (child == 0) {
		send_byte(started, 's');
		sleep_forever();
	}
	status = wait_child(child);
	send_byte(report, WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM ? 't' : 'x');
	sleep_forever();
}

static void lab_kill_all(void)
{
	int report[2], started[2], status;
	pid_t a, b, c, m;

	CHECK_ERR(kill(-1, SIGKILL), ESRCH, "kill(-1): from a namespace's init that is alone");
	a = sleeper();
	b = sleeper();
	c = sleeper();
	setpgid(c, c);
	pipe(report);
	pipe(started);
	m = fork_newpid();
	if (m == 0)
		m_init_for_kill(report[1], started[1]);
	CHECK(a == 2 && b == 3 && c == 4 && m == 5, "kill(-1): sleepers 2, 3, 4 (its own group), "
	      "and M's init, 5, whose child is 6");
	recv_byte(started[0]);
	CHECK_EQ(kill(-1, SIGTERM), 0, "kill(-1): kill(-1, SIGTERM) from L's init returns 0");
	CHECK_KILLED(wait_child(a), SIGTERM, "kill(-1): 2 died of SIGTERM");
	CHECK_KILLED(wait_child(b), SIGTERM, "kill(-1): 3 died of SIGTERM");
	CHECK_KILLED(wait_child(c), SIGTERM, "kill(-1): 4, in another group, died of SIGTERM");
	CHECK_EQ(recv_byte(report[0]), 't', "kill(-1): M's init saw its child die of SIGTERM");
	CHECK(kill(m, 0) == 0 && waitpid(m, &status, WNOHANG) == 0,
	      "kill(-1): M's init is alive: SIGTERM at its default action was dropped");
	CHECK(!is_pending(SIGTERM), "kill(-1): L's init did not signal itself");
	CHECK_EQ(kill(-1, SIGKILL), 0, "kill(-1): kill(-1, SIGKILL)");
	CHECK_KILLED(wait_child(m), SIGKILL, "kill(-1): M's init died of it");
	CHECK_ERR(kill(-1, SIGKILL), ESRCH, "kill(-1): alone again");
	CHECK_EQ(getpid(), 1, "kill(-1): L's init is still here");
}

/* kill(-1) from pid 4 of L: everyone but itself and L's init. */
static void lab_kill_all_from_child(void)
{
	pid_t a, b, r;

	a = sleeper();
	b = sleeper();
	catch_usr1();
	mask_signal(SIG_UNBLOCK, SIGUSR1);
	r = fork();
	if (r == 0) {
		_exit(kill(-1, SIGUSR1) == 0 ? 0 : 1);
	}
	CHECK_EXITED(wait_child(r), 0, "kill(-1) from 4: returns 0, and 4 itself is spared");
	CHECK_KILLED(wait_child(a), SIGUSR1, "kill(-1) from 4: 2 died of SIGUSR1");
	CHECK_KILLED(wait_child(b), SIGUSR1, "kill(-1) from 4: 3 died of SIGUSR1");
	CHECK_EQ(usr1_count, 0, "kill(-1) from 4: the init (pid 1) is not among the targets");
	set_handler(SIGUSR1, SIG_DFL, 0);
}

/*
 * kill(0) and kill(-pgid).  L's init leads group 1; M's processes make
 * groups of their own, named by M's numbers in M and by L's in L.
 */
static void m_init_for_groups(int report, int gate)
{
	pid_t e, f, g;
	int ok;

	/* M's init is in L's group 1, which has no number here. */
	ok = getpgid(0) == 0;
	e = sleeper();
	f = sleeper();
	g = sleeper();
	setpgid(e, e);
	setpgid(f, e);
	setpgid(g, g);
	ok = ok && e == 2 && f == 3 && g == 4 && getpgid(3) == 2;
	ok = ok && kill(-2, SIGTERM) == 0;
	ok = ok && WTERMSIG(wait_child(e)) == SIGTERM && WTERMSIG(wait_child(f)) == SIGTERM;
	ok = ok && kill(-2, 0) == -1 && errno == ESRCH;
	send_byte(report, ok ? 'g' : 'x');
	/* L kills group 4 by its own number for it. */
	ok = WTERMSIG(wait_child(g)) == SIGTERM;
	send_byte(report, ok ? 'h' : 'x');
	recv_byte(gate);
	_exit(0);
}

static void lab_groups(void)
{
	int report[2], gate[2];
	pid_t a, b, c, d, m;

	CHECK_EQ(setsid(), 1, "groups: L's init leads session and group 1");
	a = sleeper();
	b = sleeper();
	CHECK_EQ(kill(0, SIGTERM), 0, "groups: kill(0, SIGTERM) from L's init");
	CHECK_KILLED(wait_child(a), SIGTERM, "groups: 2, in group 1, died");
	CHECK_KILLED(wait_child(b), SIGTERM, "groups: 3, in group 1, died");
	CHECK(!is_pending(SIGTERM), "groups: L's init dropped its own");
	c = sleeper();
	d = sleeper();
	setpgid(c, c);
	setpgid(d, c);
	CHECK(c == 4 && getpgid(d) == 4, "groups: 4 leads a group, 5 joins it");
	CHECK_EQ(kill(-4, SIGTERM), 0, "groups: kill(-4, SIGTERM)");
	CHECK_KILLED(wait_child(c), SIGTERM, "groups: 4 died");
	CHECK_KILLED(wait_child(d), SIGTERM, "groups: 5 died");
	CHECK_ERR(kill(-4, SIGTERM), ESRCH, "groups: kill(-4) when the group is empty");

	pipe(report);
	pipe(gate);
	m = fork_newpid();
	if (m == 0)
		m_init_for_groups(report[1], gate[0]);
	CHECK_EQ(recv_byte(report[0]), 'g',
		 "groups: in M (6 here), getpgid(0) is 0; kill(-2) killed M's 2 and 3, then ESRCH");
	/* M's 4 is L's 9: M's 2, 3, 4 were L's 7, 8, 9. */
	CHECK_EQ(getpgid(9), 9, "groups: M's group 4 is group 9 in L");
	CHECK_EQ(kill(-9, SIGTERM), 0, "groups: kill(-9, SIGTERM) from L");
	CHECK_EQ(recv_byte(report[0]), 'h', "groups: M's init saw its 4 die of SIGTERM");
	CHECK_ERR(kill(-2, 0), ESRCH, "groups: kill(-2) from L: no group 2 here (M's 2 was L's 7)");
	send_byte(gate[1], 'g');
	CHECK_EXITED(wait_child(m), 0, "groups: M's init exited");
}

/*
 * kill(0) looks nothing up: it signals the caller's own process group,
 * wherever its members are.  M's init, still in L's group 1, reaches L's
 * init with it, an ancestor it cannot name.
 */
static void lab_group_upward(void)
{
	pid_t m;

	CHECK_EQ(setsid(), 1, "upward: L's init leads group 1");
	catch_usr1();
	m = fork_newpid();
	if (m == 0) {
		set_handler(SIGUSR1, SIG_IGN, 0);
		_exit(getpgid(0) == 0 && kill(0, SIGUSR1) == 0 ? 0 : 1);
	}
	await_usr1();
	/*
	 * Linux sets si_pid to the sender's number in its own namespace and
	 * zeroes it only when the receiver cannot see the sender; a sender
	 * in a namespace below is not translated.  So 1, not 2.
	 */
	CHECK_EQ(usr1_pid, 1, "upward: kill(0) from M's init (2 in L) reached L's init, "
		 "with si_pid 1, untranslated");
	CHECK_EXITED(wait_child(m), 0, "upward: M's init saw getpgid(0) 0, and kill(0) returned 0");
	set_handler(SIGUSR1, SIG_DFL, 0);
}

/* si_pid from itself, from a child, and into a namespace below. */
static void lab_si_pid(void)
{
	pid_t child, m;
	int ready[2];

	catch_usr1();
	kill(1, SIGUSR1);
	await_usr1();
	CHECK_EQ(usr1_pid, 1, "si_pid: L's init signalling itself sees 1");
	CHECK_EQ(usr1_code, SI_USER, "si_pid: si_code is SI_USER");

	catch_usr1();
	child = fork();
	if (child == 0)
		_exit(kill(1, SIGUSR1));
	await_usr1();
	CHECK_EQ(usr1_pid, 2, "si_pid: from its child, 2");
	wait_child(child);

	/* Into M: a signal from an ancestor namespace says 0. */
	pipe(ready);
	m = fork_newpid();
	if (m == 0) {
		catch_usr1();
		child = fork();
		if (child == 0) {
			catch_usr1();
			send_byte(ready[1], 'r');
			await_usr1();
			_exit(usr1_pid == 0 ? 0 : 1);
		}
		send_byte(ready[1], 'r');
		await_usr1();
		if (usr1_pid != 0)
			_exit(2);
		if (wait_child(child) != 0)
			_exit(3);
		/* And inside M, init's signal to its child says 1. */
		child = fork();
		if (child == 0) {
			catch_usr1();
			send_byte(ready[1], 'r');
			await_usr1();
			_exit(usr1_pid == 1 ? 0 : 1);
		}
		recv_byte(ready[0]);
		kill(child, SIGUSR1);
		_exit(wait_child(child) == 0 ? 0 : 4);
	}
	recv_byte(ready[0]);
	recv_byte(ready[0]);
	CHECK_EQ(kill(3, SIGUSR1), 0, "si_pid: L signals M's init, 3 in L");
	CHECK_EQ(kill(4, SIGUSR1), 0, "si_pid: and M's child, 4 in L");
	CHECK_EXITED(wait_child(m), 0,
		     "si_pid: both saw si_pid 0; M's init signalling its child gave 1");
	set_handler(SIGUSR1, SIG_DFL, 0);
}

/* si_pid of a signal from the test, outside the lab: 0. */
static void test_from_outside(void)
{
	int ready[2], sent, status;
	pid_t lab;

	pipe(ready);
	lab = fork_newpid();
	if (lab == 0) {
		child_begin();
		catch_usr1();
		send_byte(ready[1], 'r');
		await_usr1();
		CHECK_EQ(usr1_pid, 0, "outside: a signal from the parent namespace has si_pid 0");
		CHECK_EQ(usr1_code, SI_USER, "outside: and si_code SI_USER");
		_exit(child_end());
	}
	recv_byte(ready[0]);
	/*
	 * The child prints as soon as the signal arrives, so the parent may
	 * print only after waiting for it (one printer at a time, check.h).
	 * If the kill failed, the child would wait for ever: end it.
	 */
	sent = kill(lab, SIGUSR1);
	if (sent != 0)
		kill(lab, SIGKILL);
	status = wait_child(lab);
	CHECK_EQ(sent, 0, "outside: the test sent SIGUSR1 to a namespace's init");
	CHECK_EXITED(status, 0, "outside: the init's checks passed");
	tally_collect();
	close(ready[0]);
	close(ready[1]);
}

int main(void)
{
	pidns_begin("pidns_kill");
	in_new_ns("kill(-1)", lab_kill_all);
	in_new_ns("kill(-1) from 4", lab_kill_all_from_child);
	in_new_ns("groups", lab_groups);
	in_new_ns("upward", lab_group_upward);
	in_new_ns("si_pid", lab_si_pid);
	test_from_outside();
	return pidns_done();
}
