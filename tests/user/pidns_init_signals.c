/*
 * tests/user/pidns_init_signals.c - the signals a namespace's init gets.
 *
 * From inside its namespace (itself included) a signal at its default
 * action is dropped, even SIGKILL and SIGSTOP, and kill() still returns
 * 0; handled signals are delivered.  From the parent namespace SIGKILL
 * kills the init (and the namespace with it), SIGSTOP stops it, other
 * default-action signals are dropped, and handled ones arrive with si_pid
 * 0.  A blocked signal is queued; at unblock it is discarded if still at
 * its default action, or handled once if a handler was installed
 * meanwhile.  A fault (SIGSEGV, SIGILL) kills an init like any process.
 *
 * An init that is wrongly stopped does not hang the test: wait_status()
 * (pidns.h) reports the stop, kills it and fails the check.
 */
#include "pidns.h"

static volatile int caught, caught_pid;

static void on_signal(int sig, siginfo_t *si, void *uc)
{
	caught++;
	caught_pid = si->si_pid;
}

static void catch_signal(int sig)
{
	caught = 0;
	caught_pid = -1;
	set_action(sig, on_signal, 0);
}

/* nothing_pending - no standard signal is pending. */
static int nothing_pending(void)
{
	sigset_t set;
	int sig;

	sigemptyset(&set);
	sigpending(&set);
	for (sig = 1; sig < 32; sig++)
		if (sigismember(&set, sig) == 1)
			return 0;
	return 1;
}

/*
 * The test (the parent namespace) signals an init that takes commands
 * over a pipe and answers 'y' or 'n'.  It has a child that holds the
 * "members" pipe, so the test can tell when the namespace is gone.
 */
enum {
	CMD_CHECK = 'c',	/* alive, and nothing pending? */
	CMD_CAUGHT = 'h',	/* SIGUSR1 handled once, from si_pid 0? */
	CMD_BLOCK = 'b',	/* block SIGUSR2 */
	CMD_PENDING = 'p',	/* is SIGUSR2 pending? */
	CMD_UNBLOCK = 'u',	/* unblock SIGUSR2: alive, nothing pending? */
};

static void commanded_init(int cmd, int answer, int members)
{
	int c, ok;

	if (fork() == 0)
		sleep_forever();	/* holds members until the namespace dies */
	close(members);
	catch_signal(SIGUSR1);
	while ((c = recv_byte(cmd)) != -1) {
		switch (c) {
		case CMD_CHECK:
			ok = nothing_pending();
			break;
		case CMD_CAUGHT:
			ok = caught == 1 && caught_pid == 0;
			break;
		case CMD_BLOCK:
			ok = mask_signal(SIG_BLOCK, SIGUSR2) == 0;
			break;
		case CMD_PENDING:
			ok = is_pending(SIGUSR2);
			break;
		case CMD_UNBLOCK:
			ok = mask_signal(SIG_UNBLOCK, SIGUSR2) == 0 && nothing_pending();
			break;
		default:
			ok = 0;
		}
		send_byte(answer, ok ? 'y' : 'n');
	}
	_exit(0);
}

static int ask(int cmd, int answer, char c)
{
	send_byte(cmd, c);
	return recv_byte(answer) == 'y';
}

static void test_from_parent(void)
{
	int cmd[2], answer[2], members[2], status = 0;
	pid_t init;

	pipe(cmd);
	pipe(answer);
	pipe(members);
	init = fork_newpid();
	if (init == 0) {
		close(cmd[1]);
		close(answer[0]);
		close(members[0]);
		commanded_init(cmd[0], answer[1], members[1]);
	}
	close(cmd[0]);
	close(answer[1]);
	close(members[1]);

	CHECK(kill(init, SIGTERM) == 0 && kill(init, SIGHUP) == 0 && kill(init, SIGUSR2) == 0,
	      "parent: kill(init, SIGTERM/SIGHUP/SIGUSR2) return 0");
	CHECK(ask(cmd[1], answer[0], CMD_CHECK),
	      "parent: at their default actions they were dropped: the init lives, none pending");
	CHECK_EQ(kill(init, SIGUSR1), 0, "parent: kill(init, SIGUSR1), which it handles");
	CHECK(ask(cmd[1], answer[0], CMD_CAUGHT), "parent: the handler ran once, with si_pid 0");

	CHECK_EQ(kill(init, SIGSTOP), 0, "parent: kill(init, SIGSTOP)");
	CHECK(waitpid(init, &status, WUNTRACED) == init && WIFSTOPPED(status) &&
	      WSTOPSIG(status) == SIGSTOP, "parent: the init stopped (waitpid WUNTRACED)");
	CHECK_EQ(kill(init, SIGCONT), 0, "parent: kill(init, SIGCONT)");
	CHECK(waitpid(init, &status, WCONTINUED) == init && WIFCONTINUED(status),
	      "parent: it continued (waitpid WCONTINUED)");
	CHECK(ask(cmd[1], answer[0], CMD_CHECK), "parent: and answers, nothing pending");

	CHECK(ask(cmd[1], answer[0], CMD_BLOCK), "parent: the init blocks SIGUSR2");
	CHECK_EQ(kill(init, SIGUSR2), 0, "parent: kill(init, SIGUSR2) while it is blocked");
	CHECK(ask(cmd[1], answer[0], CMD_PENDING), "parent: blocked, it is queued: pending");
	CHECK(ask(cmd[1], answer[0], CMD_UNBLOCK),
	      "parent: unblocked at its default action, it is discarded: the init lives");

	CHECK_EQ(kill(init, SIGKILL), 0, "parent: kill(init, SIGKILL)");
	CHECK_KILLED(wait_status(init), SIGKILL, "parent: SIGKILL from the parent kills the init");
	CHECK(is_eof_now(members[0]), "parent: and its namespace: its child is gone too");
	close(cmd[1]);
	close(answer[0]);
	close(members[0]);
}

/* From inside: the init signals itself, then its child signals it. */
static int child_sends(const int *sigs, int n)
{
	pid_t pid = fork();
	int i, ok = 1;

	if (pid == 0) {
		for (i = 0; i < n; i++)
			ok = ok && kill(1, sigs[i]) == 0;
		_exit(ok ? 0 : 1);
	}
	return wait_child(pid) == 0;
}

static void ns_from_inside(void)
{
	static const int dfl[] = { SIGTERM, SIGHUP, SIGUSR2, SIGINT, SIGSTOP, SIGKILL };
	static const int usr1[] = { SIGUSR1 };
	static const int usr2_twice[] = { SIGUSR2, SIGUSR2 };
	int i, ok = 1;

	for (i = 0; i < (int)(sizeof(dfl) / sizeof(dfl[0])); i++)
		ok = ok && kill(1, dfl[i]) == 0;
	CHECK(ok, "self: kill(1, ...) of SIGTERM, SIGHUP, SIGUSR2, SIGINT, SIGSTOP, SIGKILL: 0");
	CHECK(nothing_pending(), "self: all dropped: the init runs on, not stopped, none pending");
	CHECK(child_sends(dfl, sizeof(dfl) / sizeof(dfl[0])),
	      "child: pid 2 sends the same six to pid 1: each kill() returns 0");
	CHECK(nothing_pending(), "child: all dropped, even SIGKILL and SIGSTOP");

	catch_signal(SIGUSR1);
	kill(1, SIGUSR1);
	CHECK(caught == 1 && caught_pid == 1, "self: a handled SIGUSR1 is delivered, si_pid 1");
	catch_signal(SIGUSR1);
	CHECK(child_sends(usr1, 1) && caught == 1 && caught_pid == 3,
	      "child: a handled SIGUSR1 from pid 3 is delivered, si_pid 3");
	set_handler(SIGUSR1, SIG_DFL, 0);

	mask_signal(SIG_BLOCK, SIGUSR2);
	child_sends(usr2_twice, 2);
	CHECK(is_pending(SIGUSR2), "blocked: SIGUSR2 from pid 4 while blocked is queued");
	mask_signal(SIG_UNBLOCK, SIGUSR2);
	CHECK(nothing_pending(), "blocked: unblocked at SIG_DFL it is discarded; the init lives");

	mask_signal(SIG_BLOCK, SIGUSR2);
	child_sends(usr2_twice, 2);
	catch_signal(SIGUSR2);
	CHECK(caught == 0 && is_pending(SIGUSR2),
	      "blocked: sent twice more, a handler installed: still pending");
	mask_signal(SIG_UNBLOCK, SIGUSR2);
	CHECK_EQ(caught, 1, "blocked: at unblock the handler runs once");
	CHECK_EQ(caught_pid, 5, "blocked: with si_pid 5, the sender");
	set_handler(SIGUSR2, SIG_DFL, 0);

	set_handler(SIGTERM, SIG_IGN, 0);
	CHECK(child_sends(dfl, 1) && nothing_pending(), "ignored: SIGTERM at SIG_IGN is dropped");
	set_handler(SIGTERM, SIG_DFL, 0);
}

/*
 * Faults.  The init holds the members pipe with a child; the fault kills
 * the init and the namespace.  how: 0 plain, 1 SIGSEGV ignored, 2 SIGSEGV
 * blocked, 3 an illegal instruction.
 */
static const char *const fault_names[] = {
	"a NULL write kills it by SIGSEGV",
	"with SIGSEGV ignored, still SIGSEGV",
	"with SIGSEGV blocked, still SIGSEGV",
	"ud2 kills it by SIGILL",
};

static void fault_init(int how)
{
	if (how == 1)
		set_handler(SIGSEGV, SIG_IGN, 0);
	if (how == 2)
		mask_signal(SIG_BLOCK, SIGSEGV);
	if (how == 3)
		asm volatile("ud2");
	*(volatile int *)0 = 1;
	_exit(0);
}

static void test_faults(void)
{
	int members[2], how;
	pid_t init;

	for (how = 0; how < 4; how++) {
		pipe(members);
		init = fork_newpid();
		if (init == 0) {
			close(members[0]);
			if (fork() == 0)
				sleep_forever();
			close(members[1]);
			fault_init(how);
		}
		close(members[1]);
		CHECK_KILLED(wait_status(init), how == 3 ? SIGILL : SIGSEGV, "fault: %s",
			     fault_names[how]);
		CHECK(is_eof_now(members[0]), "fault: its namespace died with it");
		close(members[0]);
	}
}

int main(void)
{
	pidns_begin("pidns_init_signals");
	test_from_parent();
	in_new_ns("inside", ns_from_inside);
	test_faults();
	return pidns_done();
}
