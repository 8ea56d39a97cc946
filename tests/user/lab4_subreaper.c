/*
 * tests/user/lab4_subreaper.c - Lab 4: prctl(PR_SET_CHILD_SUBREAPER), the
 * child subreaper (docs/labs/lab4-subreaper.md).
 *
 * An orphan goes to the nearest live ancestor that set the flag, in the
 * dying parent's own pid namespace, else to that namespace's init.  The
 * parts (argv[1] picks one; none runs them all), each in a namespace L of
 * its own whose init runs the part and is the "namespace's init" below:
 *
 *	prctl	 PR_GET reads 0, then 1 after PR_SET (any nonzero), 0 after
 *		 PR_SET 0; EFAULT for a bad pointer; a child reads 0; the flag
 *		 survives execve
 *	orphan	 a grandchild whose parent exits goes to the subreaper:
 *		 getppid(), SIGCHLD and wait4() say so; an orphaned zombie too
 *	nested	 the nearest subreaper wins; when it exits, its orphans go to
 *		 the next one up; one that cleared its flag is passed over
 *	inherit	 the flag is not inherited, but the search goes through
 *		 plain descendants, born before the prctl or after, 1000 deep
 *	pidns	 the search stops at a namespace's init and never leaves the
 *		 dying parent's namespace; an unsharer's child goes up
 *	baseline no subreaper: orphans go to the namespace's init (this part
 *		 passes on the lab's starter kernel too)
 *
 * Processes: S is a subreaper under test, M a middle process that exits,
 * G its child, the orphan.  G answers questions over a pipe (its
 * getppid(): struct orphan in lab4_orphan.h), so only S and L's init print.  Every wait is bounded
 * (wait_bounded(), recv_int()): on a kernel without subreapers the checks
 * fail, they do not hang.  Only relations are printed, never pids.
 */
#include "lab4_orphan.h"

#define NS_INIT_STATUS	44	/* the init of a namespace below */
#define CHAIN_BOUND_MS	30000	/* a wait that involves 1000 processes */
#define CHAIN_DEPTH	1000	/* deeper than a recursive walk can go */

static const char *self;	/* argv[0], for the execve check */

/*
 * run_part - run @fn in a child that prints its own checks (the caller is
 * polling meanwhile and prints nothing), then one check: it passed them.
 */
static void run_part(const char *what, void (*fn)(void))
{
	pid_t pid = fork();
	int status;

	if (pid == 0) {
		child_begin();
		fn();
		_exit(child_end());
	}
	wait_within(pid, &status, CHAIN_BOUND_MS);
	CHECK_EXITED(status, 0, "%s: the child passed its checks", what);
	tally_collect();
}

/* The namespace's init got no orphan: nothing to wait for. */
static void check_init_got_nothing(const char *what)
{
	CHECK_ERR(waitpid(-1, NULL, WNOHANG), ECHILD, "%s: nothing reached L's init", what);
}

/* ---- prctl: the flag itself ---- */

/* exec_probe - the image execve()d by prctl_exec: exit 0 if the flag is 1. */
static int exec_probe(void)
{
	return get_flag() == 1 ? 0 : 1;
}

static void prctl_flag(void)
{
	int status, flag = -1;
	pid_t pid;

	CHECK_EQ(prctl(PR_GET_CHILD_SUBREAPER, &flag, 0, 0, 0), 0,
		 "prctl: PR_GET_CHILD_SUBREAPER succeeds");
	CHECK_EQ(flag, 0, "prctl: and reads 0 in a new process");
	CHECK_EQ(set_flag(1), 0, "prctl: PR_SET_CHILD_SUBREAPER, 1");
	CHECK_EQ(get_flag(), 1, "prctl: PR_GET then reads 1");
	CHECK_EQ(set_flag(0), 0, "prctl: PR_SET_CHILD_SUBREAPER, 0");
	CHECK_EQ(get_flag(), 0, "prctl: clears it");
	CHECK_EQ(set_flag(7), 0, "prctl: PR_SET_CHILD_SUBREAPER, 7");
	CHECK_EQ(get_flag(), 1, "prctl: any nonzero value sets it: reads 1");
	CHECK_ERR(prctl(PR_GET_CHILD_SUBREAPER, NULL, 0, 0, 0), EFAULT,
		  "prctl: PR_GET_CHILD_SUBREAPER into NULL");
	CHECK_ERR(prctl(PR_GET_CHILD_SUBREAPER, (int *)0xC0001000UL, 0, 0, 0), EFAULT,
		  "prctl: PR_GET_CHILD_SUBREAPER into the kernel's half");
	CHECK_EQ(get_flag(), 1, "prctl: the flag is still 1");

	pid = fork();
	if (pid == 0)
		_exit(get_flag() == 0 ? 0 : 1);
	CHECK_EQ(wait_bounded(pid, &status), pid, "prctl: a child forked now");
	CHECK_EXITED(status, 0, "prctl: reads 0: the flag is not inherited");

	pid = fork();
	if (pid == 0) {
		char *argv[] = { (char *)self, "exec-probe", NULL };

		set_flag(1);
		execv(self, argv);
		_exit(127);
	}
	CHECK_EQ(wait_bounded(pid, &status), pid, "prctl: a child set the flag and execve()d this program");
	CHECK_EXITED(status, 0, "prctl: and the new image reads 1: the flag survives execve");
}

static void part_prctl(void)
{
	run_part("prctl", prctl_flag);
	CHECK_ERR(prctl(9999, 0, 0, 0, 0), EINVAL, "prctl: an unknown option");
}

/* ---- orphan: a subreaper adopts ---- */

static volatile sig_atomic_t chld_pid, chld_code;

static void on_sigchld(int sig, siginfo_t *si, void *uc)
{
	chld_pid = si->si_pid;
	chld_code = si->si_code;
}

/* Run the SIGCHLD handler for what is pending, and forget it. */
static void flush_sigchld(void)
{
	mask_signal(SIG_UNBLOCK, SIGCHLD);
	mask_signal(SIG_BLOCK, SIGCHLD);
	chld_pid = 0;
	chld_code = 0;
}

static void orphan_adopted(void)
{
	struct orphan o;
	int status;
	pid_t m, ppid, got;

	CHECK_EQ(set_flag(1), 0, "orphan: S sets PR_SET_CHILD_SUBREAPER");
	set_action(SIGCHLD, on_sigchld, 0);
	mask_signal(SIG_BLOCK, SIGCHLD);

	orphan_init(&o);
	m = orphan_spawn(&o, 0);
	orphan_release(&o);
	CHECK_EQ(wait_bounded(m, &status), m, "orphan: S's child M forked G and exited");
	flush_sigchld();
	ppid = orphan_ask(&o);
	CHECK_EQ(ppid, getpid(), "orphan: G's getppid() is now S");
	orphan_end(&o);
	got = o.pid > 0 ? wait_bounded(o.pid, &status) : -1;
	CHECK_EQ(got, o.pid, "orphan: S's wait4() collects G");
	CHECK_EXITED(status, ORPHAN_STATUS, "orphan: with G's exit status %d", ORPHAN_STATUS);
	CHECK(is_pending(SIGCHLD), "orphan: S was sent SIGCHLD for G's death");
	mask_signal(SIG_UNBLOCK, SIGCHLD);
	CHECK(chld_pid == o.pid && chld_code == CLD_EXITED,
	      "orphan: its si_pid is G, its si_code CLD_EXITED");
	mask_signal(SIG_BLOCK, SIGCHLD);
	orphan_close(&o);

	/* G dies first and is a zombie when M exits: S must reap it. */
	orphan_init(&o);
	m = orphan_spawn(&o, 1);
	orphan_release(&o);
	CHECK_EQ(wait_bounded(m, &status), m,
		 "orphan: M exited without reaping its dead child G");
	got = wait_bounded(-1, &status);
	CHECK(got > 0, "orphan: S's wait4(-1) collects the orphaned zombie G");
	CHECK_EXITED(status, ZOMBIE_STATUS, "orphan: with G's exit status %d", ZOMBIE_STATUS);
	orphan_close(&o);
}

static void part_orphan(void)
{
	run_part("orphan", orphan_adopted);
	check_init_got_nothing("orphan");
}

/* ---- nested: the nearest live subreaper ---- */

/* S2, a subreaper below S1: G's first reaper. Exits without reaping G. */
static void nested_inner(struct orphan *o)
{
	int status;
	pid_t m;

	CHECK_EQ(set_flag(1), 0, "nested: S2, S1's child, sets it too");
	m = orphan_spawn(o, 0);
	orphan_release(o);
	wait_bounded(m, &status);
	CHECK_EQ(orphan_ask(o), getpid(),
		 "nested: S2's orphan G went to S2, the nearest subreaper, not to S1");
}

static void nested_subreapers(void)
{
	struct orphan o;
	int gate[2], status;
	pid_t s2;

	CHECK_EQ(set_flag(1), 0, "nested: S1 sets PR_SET_CHILD_SUBREAPER");
	orphan_init(&o);
	s2 = fork();
	if (s2 == 0) {
		child_begin();
		nested_inner(&o);
		_exit(child_end());
	}
	wait_bounded(s2, &status);
	CHECK_EXITED(status, 0, "nested: S2 passed its checks and exited, leaving G");
	tally_collect();
	CHECK_EQ(orphan_ask(&o), getpid(),
		 "nested: G went on to S1, the next subreaper up");
	orphan_end(&o);
	CHECK(o.pid > 0 && reaped(o.pid, ORPHAN_STATUS), "nested: S1 reaps G");
	orphan_close(&o);

	/* S2 sets the flag and clears it again: it is passed over. */
	orphan_init(&o);
	pipe(gate);
	s2 = fork();
	if (s2 == 0) {
		close(gate[1]);
		set_flag(1);
		set_flag(0);
		s2 = orphan_spawn(&o, 0);
		orphan_release(&o);
		wait_bounded(s2, &status);
		recv_byte(gate[0]);
		_exit(0);
	}
	CHECK_EQ(orphan_ask(&o), getpid(),
		 "nested: S2 cleared its flag: its orphan went past it (alive) to S1");
	close(gate[1]);
	CHECK(reaped(s2, 0), "nested: S2 exited");
	orphan_end(&o);
	CHECK(o.pid > 0 && reaped(o.pid, ORPHAN_STATUS), "nested: S1 reaps G");
	close(gate[0]);
	orphan_close(&o);
}

static void part_nested(void)
{
	run_part("nested", nested_subreapers);
	check_init_got_nothing("nested");
}

/* ---- inherit: has_child_subreaper, not is_child_subreaper ---- */

/*
 * chain - fork a line of @depth plain processes below the caller; the
 * last one makes M and G and releases M when @release (else the caller
 * does, with orphan_release()), then reaps M.  @ready gets a byte once M
 * exists.  Each one exits when @gate closes, without waiting for its
 * child: the children are orphaned in turn, and go to the caller too.
 * Returns the first one's pid.  A loop, not recursion: the deepest
 * process would otherwise carry @depth stack frames.
 */
static pid_t chain(int depth, struct orphan *o, int gate[2], int ready, int release)
{
	pid_t first = fork(), child;
	int status;

	if (first != 0)
		return first;
	close(gate[1]);
	while (--depth > 0) {
		child = fork();
		if (child != 0) {
			recv_byte(gate[0]);
			_exit(0);
		}
		/* The child goes on down the line. */
	}
	child = orphan_spawn(o, 0);
	send_byte(ready, 'r');
	if (release)
		orphan_release(o);
	wait_within(child, &status, CHAIN_BOUND_MS);
	recv_byte(gate[0]);
	_exit(0);
}

/* Wait (bounded) for chain()'s byte on the non-blocking @fd. */
static int chain_ready(int fd)
{
	long end = deadline(CHAIN_BOUND_MS);
	char c;

	while (!deadline_passed(end)) {
		if (read(fd, &c, 1) == 1)
			return 1;
		sleep_ms(1);
	}
	return 0;
}

/*
 * One chain below a subreaper S (the caller): @before says whether S
 * calls prctl before the chain exists or after.  G must come to S; then,
 * as the chain exits, every member but the first is an orphan, and S
 * reaps them all: @depth processes and G.
 */
static void chain_case(const char *what, int depth, int before)
{
	struct orphan o;
	int gate[2], ready[2], ok, status, n = 0, bad = 0, g_ok = 0;
	pid_t got;

	orphan_init(&o);
	pipe(gate);
	pipe(ready);
	fcntl(ready[0], F_SETFL, O_NONBLOCK);
	if (before)
		set_flag(1);
	chain(depth, &o, gate, ready[1], before);
	ok = chain_ready(ready[0]);
	if (!before) {
		set_flag(1);
		orphan_release(&o);
	}
	CHECK(ok && orphan_ask(&o) == getpid(), "inherit: %s: G went to S", what);
	orphan_end(&o);
	close(gate[1]);
	while ((got = wait_within(-1, &status, CHAIN_BOUND_MS)) > 0) {
		n++;
		if (got == o.pid)
			g_ok = WIFEXITED(status) && WEXITSTATUS(status) == ORPHAN_STATUS;
		else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			bad++;
	}
	CHECK(g_ok, "inherit: %s: S reaps G", what);
	CHECK_EQ(n - g_ok - bad, depth, "inherit: %s: and, as the chain exits, "
		 "every member of it", what);
	set_flag(0);
	close(gate[0]);
	close(ready[0]);
	close(ready[1]);
	orphan_close(&o);
}

static void inherit_search(void)
{
	int status;
	pid_t pid;

	CHECK_EQ(set_flag(1), 0, "inherit: S sets PR_SET_CHILD_SUBREAPER");
	pid = fork();
	if (pid == 0) {
		pid_t grandchild = fork();

		if (grandchild == 0)
			_exit(get_flag() == 0 ? 0 : 1);
		_exit(get_flag() == 0 && reaped(grandchild, 0) ? 0 : 1);
	}
	CHECK_EQ(wait_bounded(pid, &status), pid, "inherit: S's child and grandchild");
	CHECK_EXITED(status, 0, "inherit: both read PR_GET_CHILD_SUBREAPER 0");
	set_flag(0);

	chain_case("two plain processes between S and M, forked after the prctl", 2, 1);
	chain_case("two plain processes forked before the prctl", 2, 0);
	chain_case("1000 plain processes forked before the prctl", CHAIN_DEPTH, 0);
}

static void part_inherit(void)
{
	run_part("inherit", inherit_search);
	check_init_got_nothing("inherit");
}

/* ---- pidns: the walk stays in the dying parent's namespace ---- */

/* Exit codes of a namespace's init below, saying which step went wrong. */
#define BAD_PPID	1
#define BAD_REAP	2
#define BAD_EXTRA	3

/*
 * S is a subreaper; its child I is the init of a new namespace N, and
 * makes M and G there.  G goes to I, not past it to S.
 */
static void pidns_stop_at_init(void)
{
	struct orphan o;
	int status;
	pid_t i, m;

	orphan_init(&o);
	i = fork_newpid();
	if (i == 0) {
		m = orphan_spawn(&o, 0);
		orphan_release(&o);
		wait_bounded(m, &status);
		if (orphan_ask(&o) != 1)
			_exit(BAD_PPID);
		orphan_end(&o);
		_exit(reaped(o.pid, ORPHAN_STATUS) ? 0 : BAD_REAP);
	}
	CHECK_EQ(wait_bounded(i, &status), i, "pidns: S made a namespace N");
	CHECK_EXITED(status, 0, "pidns: an orphan in N went to N's init (getppid() 1), "
		     "which reaped it");
	CHECK_ERR(waitpid(-1, NULL, WNOHANG), ECHILD, "pidns: not to S above N's init");
	orphan_close(&o);
}

/* Inside N, a subreaper below N's init adopts as usual. */
static void pidns_inside(void)
{
	struct orphan o;
	int status;
	pid_t i, s, m;

	orphan_init(&o);
	i = fork_newpid();
	if (i == 0) {
		s = fork();
		if (s == 0) {
			set_flag(1);
			m = orphan_spawn(&o, 0);
			orphan_release(&o);
			wait_bounded(m, &status);
			if (orphan_ask(&o) != getpid())
				_exit(BAD_PPID);
			orphan_end(&o);
			_exit(reaped(o.pid, ORPHAN_STATUS) ? 0 : BAD_REAP);
		}
		if (wait_bounded(s, &status) != s || !WIFEXITED(status))
			_exit(BAD_REAP);
		if (WEXITSTATUS(status))
			_exit(WEXITSTATUS(status));
		_exit(waitpid(-1, NULL, WNOHANG) == -1 && errno == ECHILD ? 0 : BAD_EXTRA);
	}
	CHECK_EQ(wait_bounded(i, &status), i, "pidns: a second namespace N");
	CHECK_EXITED(status, 0, "pidns: a subreaper inside N took an orphan of N; "
		     "N's init got nothing");
	orphan_close(&o);
}

/*
 * The unsharer U is a subreaper in L; its children I (pid 1) and C
 * (pid 2) live in N.  C's orphan G goes to I: U is outside N, though it
 * is an ancestor and a subreaper.  (The first kernels with
 * unshare(CLONE_NEWPID) gave it to U: their walk stopped only at N's init,
 * which is not above C.)
 */
static void unsharer_subreaper(void)
{
	struct orphan o;
	int igate[2], cgate[2], status;
	pid_t i, c, m;

	CHECK_EQ(set_flag(1), 0, "pidns: U sets PR_SET_CHILD_SUBREAPER");
	CHECK_EQ(unshare(CLONE_NEWPID), 0, "pidns: U unshares: its children go to N");
	orphan_init(&o);
	pipe(igate);
	pipe(cgate);
	i = fork();
	if (i == 0) {
		close(igate[1]);
		close(cgate[1]);
		recv_byte(igate[0]);
		_exit(wait_bounded(-1, &status) > 0 && WIFEXITED(status) &&
		      WEXITSTATUS(status) == ORPHAN_STATUS ? 0 : BAD_REAP);
	}
	c = fork();
	if (c == 0) {
		close(igate[1]);
		close(cgate[1]);
		m = orphan_spawn(&o, 0);
		orphan_release(&o);
		wait_bounded(m, &status);
		recv_byte(cgate[0]);
		_exit(0);
	}
	CHECK_EQ(orphan_ask(&o), 1, "pidns: the orphan of N's pid 2 went to N's init "
		 "(getppid() 1), not up to U");
	close(cgate[1]);
	CHECK(reaped(c, 0), "pidns: N's pid 2 exited");
	orphan_end(&o);
	send_byte(igate[1], 'r');
	CHECK(reaped(i, 0), "pidns: N's init reaped the orphan and exited");
	CHECK_ERR(waitpid(-1, NULL, WNOHANG), ECHILD, "pidns: U got nothing");
	orphan_close(&o);
}

/*
 * S is a subreaper in L; its plain child U unshares, forks N's init I and
 * exits.  I's parent was in L: I goes to S, and its getppid() stays 0.
 */
static void unsharer_orphans_init(void)
{
	int gate[2], status;
	pid_t u, got;

	pipe(gate);
	u = fork();
	if (u == 0) {
		unshare(CLONE_NEWPID);
		if (fork() == 0) {
			close(gate[1]);
			recv_byte(gate[0]);
			_exit(getppid() == 0 ? NS_INIT_STATUS : BAD_PPID);
		}
		_exit(0);
	}
	CHECK(reaped(u, 0), "pidns: S's child U unshared, made N's init and exited");
	close(gate[1]);
	got = wait_bounded(-1, &status);
	CHECK(got > 0, "pidns: N's init, orphaned in L, went to S");
	CHECK_EXITED(status, NS_INIT_STATUS, "pidns: and saw getppid() 0 there");
	close(gate[0]);
}

static void pidns_subreaper(void)
{
	CHECK_EQ(set_flag(1), 0, "pidns: S sets PR_SET_CHILD_SUBREAPER");
	pidns_stop_at_init();
	pidns_inside();
	unsharer_orphans_init();
}

static void part_pidns(void)
{
	run_part("pidns", pidns_subreaper);
	run_part("pidns, unsharer", unsharer_subreaper);
	check_init_got_nothing("pidns");
}

/* ---- baseline: no subreaper anywhere ---- */

static void part_baseline(void)
{
	struct orphan o;
	int gate[2], status;
	pid_t p, got;

	orphan_init(&o);
	pipe(gate);
	p = orphan_from_child(&o, gate, 0);
	CHECK_EQ(orphan_ask(&o), 1, "baseline: with no subreaper, G goes to L's init");
	orphan_end(&o);
	CHECK(o.pid > 0 && reaped(o.pid, ORPHAN_STATUS), "baseline: L's init reaps G");
	close(gate[1]);
	CHECK(reaped(p, 0), "baseline: G's grandparent exited");
	close(gate[0]);
	orphan_close(&o);

	orphan_init(&o);
	pipe(gate);
	p = orphan_from_child(&o, gate, 1);
	got = wait_bounded(-1, &status);
	CHECK(got > 0 && got != p, "baseline: an orphaned zombie goes to L's init");
	CHECK_EXITED(status, ZOMBIE_STATUS, "baseline: which reaps its status %d",
		     ZOMBIE_STATUS);
	close(gate[1]);
	CHECK(reaped(p, 0), "baseline: its grandparent exited");
	close(gate[0]);
	orphan_close(&o);
	check_init_got_nothing("baseline");
}

static const struct {
	const char *name;
	void (*fn)(void);
} parts[] = {
	{ "prctl", part_prctl },
	{ "orphan", part_orphan },
	{ "nested", part_nested },
	{ "inherit", part_inherit },
	{ "pidns", part_pidns },
	{ "baseline", part_baseline },
};

int main(int argc, char **argv)
{
	unsigned int i, ran = 0;

	self = argv[0];
	if (argc > 1 && strcmp(argv[1], "exec-probe") == 0)
		return exec_probe();
	pidns_begin("lab4_subreaper");
	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		if (argc > 1 && strcmp(argv[1], parts[i].name) != 0)
			continue;
		in_new_ns(parts[i].name, parts[i].fn);
		ran++;
	}
	CHECK(ran > 0, "lab4_subreaper: a part named %s", argc > 1 ? argv[1] : "(all)");
	return pidns_done();
}
