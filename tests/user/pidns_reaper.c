/*
 * tests/user/pidns_reaper.c - the child reaper of a pid namespace.
 *
 * A process's orphans go to the nearest PR_SET_CHILD_SUBREAPER ancestor
 * in the dying process's own namespace, else to that namespace's init,
 * which reaps them, zombies included.  When a namespace's init exits,
 * every process in the namespace and below is killed, and the init's
 * parent gets the init's own status only once all of them are gone: a
 * pipe that every member holds is at EOF when the wait returns.
 *
 * Each part runs in a lab namespace L whose init is the reaper under
 * test; the pids printed are L's (or a namespace's below L).
 */
#include "pidns.h"

#define NR_ORPHANS	3
#define ORPHAN_STATUS	42
#define ZOMBIE_STATUS	50
#define GRAND_STATUS	60

/* reap_all - waitpid(-1) until ECHILD; a bitmap of (pid, status) seen. */
struct reaped {
	pid_t pid;
	int status;
};

static int reap_all(struct reaped *r, int max)
{
	int n = 0, status;
	pid_t pid;

	while ((pid = waitpid(-1, &status, 0)) > 0)
		if (n < max) {
			r[n].pid = pid;
			r[n].status = status;
			n++;
		}
	return n;
}

/* found - (pid, exit code) is among the reaped; found_killed - (pid, signal). */
static int found(const struct reaped *r, int n, pid_t pid, int code)
{
	int i;

	for (i = 0; i < n; i++)
		if (r[i].pid == pid && WIFEXITED(r[i].status) && WEXITSTATUS(r[i].status) == code)
			return 1;
	return 0;
}

static int found_killed(const struct reaped *r, int n, pid_t pid, int sig)
{
	int i;

	for (i = 0; i < n; i++)
		if (r[i].pid == pid && WIFSIGNALED(r[i].status) && WTERMSIG(r[i].status) == sig)
			return 1;
	return 0;
}

/*
 * Orphans of L: a grandchild whose parent exits, a zombie whose parent
 * exits without reaping it, and the children of a parent killed by L.
 */
static void lab_orphans(void)
{
	struct reaped r[8];
	int ack[2], gone[2], ready[2], n, i, ok;
	pid_t m, p;
	char c;

	pipe(ack);
	m = fork();
	if (m == 0) {
		if (fork() == 0) {
			int first = getppid() == 2;

			send_byte(ack[1], 'a');
			_exit(first && wait_for_parent(1) ? ORPHAN_STATUS : 1);
		}
		recv_byte(ack[0]);
		_exit(0);
	}
	n = reap_all(r, 8);
	CHECK(n == 2 && found(r, n, 2, 0) && found(r, n, 3, ORPHAN_STATUS),
	      "orphan: 2 exited; its child 3 saw getppid() 2, then 1, and L's init reaped both");

	pipe(gone);
	m = fork();
	if (m == 0) {
		if (fork() == 0)
			_exit(ZOMBIE_STATUS);
		close(gone[1]);
		read(gone[0], &c, 1);	/* EOF: the child has exited */
		sleep_ms(10);
		_exit(0);		/* without reaping it */
	}
	close(gone[0]);
	close(gone[1]);
	n = reap_all(r, 8);
	CHECK(n == 2 && found(r, n, 4, 0) && found(r, n, 5, ZOMBIE_STATUS),
	      "zombie: 4 exited without reaping 5; L's init reaped both, 5 with status %d",
	      ZOMBIE_STATUS);

	pipe(ready);
	p = fork();
	if (p == 0) {
		for (i = 0; i < NR_ORPHANS; i++)
			if (fork() == 0) {
				send_byte(ready[1], getppid() == 6 ? 'y' : 'n');
				_exit(wait_for_parent(1) ? 30 + i : 1);
			}
		sleep_forever();
	}
	for (i = 0, ok = 1; i < NR_ORPHANS; i++)
		ok = ok && recv_byte(ready[0]) == 'y';
	close(ready[0]);
	close(ready[1]);
	kill(p, SIGKILL);
	n = reap_all(r, 8);
	ok = ok && n == NR_ORPHANS + 1 && found_killed(r, n, 6, SIGKILL);
	for (i = 0; i < NR_ORPHANS; i++)
		ok = ok && found(r, n, 7 + i, 30 + i);
	CHECK(ok, "killed: 6 had children 7, 8, 9; killed, they went to L's init, "
	      "which reaped all");
}

/*
 * A subreaper in L takes its descendants' orphans instead of L's init.
 * It prints its own checks (L's init waits).
 */
static void subreaper(void)
{
	int flag = -1, status;
	pid_t me = getpid(), middle, got;

	prctl(PR_GET_CHILD_SUBREAPER, &flag, 0, 0, 0);
	CHECK_EQ(flag, 0, "subreaper: PR_GET_CHILD_SUBREAPER reads 0 at first");
	CHECK_EQ(prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0), 0,
		 "subreaper: 2 sets PR_SET_CHILD_SUBREAPER");
	prctl(PR_GET_CHILD_SUBREAPER, &flag, 0, 0, 0);
	CHECK_EQ(flag, 1, "subreaper: and reads 1");
	middle = fork();
	if (middle == 0) {
		if (fork() == 0) {
			int inherited = -1;

			prctl(PR_GET_CHILD_SUBREAPER, &inherited, 0, 0, 0);
			_exit(inherited == 0 && wait_for_parent(me) ? GRAND_STATUS : 1);
		}
		_exit(0);
	}
	CHECK_EXITED(wait_child(middle), 0, "subreaper: its child 3 exited, leaving 4");
	status = 0;
	got = waitpid(-1, &status, 0);
	CHECK_EQ(got, 4, "subreaper: 2's waitpid(-1) returns the orphan, 4");
	CHECK_EXITED(status, GRAND_STATUS,
		     "subreaper: 4 had the flag 0 (not inherited) and saw getppid() 2");
}

/*
 * A subreaper does not reach into a namespace below: the orphan of a
 * process in N goes to N's init.
 */
static void subreaper_above(void)
{
	pid_t n;

	prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
	n = fork_newpid();
	if (n == 0) {
		struct reaped r[4];
		int cnt;

		if (fork() == 0) {
			if (fork() == 0)
				_exit(wait_for_parent(1) ? GRAND_STATUS : 1);
			_exit(0);
		}
		cnt = reap_all(r, 4);
		_exit(cnt == 2 && found(r, cnt, 2, 0) && found(r, cnt, 3, GRAND_STATUS) ? 0 : 1);
	}
	CHECK_EXITED(wait_child(n), 0, "subreaper: 5, a subreaper, made a namespace N: "
		     "N's orphan 3 went to N's init");
	CHECK_ERR(waitpid(-1, NULL, WNOHANG), ECHILD, "subreaper: and not to the subreaper");
}

static void lab_subreaper(void)
{
	in_child("subreaper", subreaper);
	in_child("subreaper above", subreaper_above);
}

/*
 * The unsharer's children live in its new namespace N, but their parent
 * is in L.  When the unsharer exits, they go to the reaper of the
 * unsharer's namespace: L's init, or a subreaper in L.  Their getppid()
 * stays 0.  Then N's init exits: its sibling is killed, and the init's
 * exit is complete only once the new parent has reaped that sibling (so
 * the reaper must wait for the sibling first, or for -1).
 */
static void unsharer_leaves(int gate[2], int ready[2])
{
	close(gate[1]);
	close(ready[0]);
	unshare(CLONE_NEWPID);
	if (fork() == 0) {
		send_byte(ready[1], getppid() == 0 ? 'y' : 'n');
		recv_byte(gate[0]);	/* EOF once the unsharer has left */
		_exit(getppid() == 0 ? 5 : 1);
	}
	if (fork() == 0) {
		send_byte(ready[1], getppid() == 0 ? 'y' : 'n');
		sleep_forever();
	}
	_exit(0);
}

static int cross_boundary(const char *who, pid_t u, int gate[2], int ready[2])
{
	int status, ok;

	close(gate[0]);
	ok = recv_byte(ready[0]) == 'y' && recv_byte(ready[0]) == 'y';
	ok = ok && WEXITSTATUS(wait_child(u)) == 0;
	close(gate[1]);
	CHECK(ok, "%s: the unsharer %d left; its children had getppid() 0", who, u);
	status = 0;
	CHECK_EQ(waitpid(u + 2, &status, 0), u + 2,
		 "%s: N's 2 (%d here) is now the child of %s", who, u + 2,
		 u == 2 ? "L's init" : "the subreaper");
	CHECK_KILLED(status, SIGKILL, "%s: killed when N's init exited", who);
	CHECK_EQ(waitpid(u + 1, &status, 0), u + 1, "%s: N's init (%d here) likewise", who, u + 1);
	CHECK_EXITED(status, 5, "%s: with its own status 5", who);
	close(ready[0]);
	close(ready[1]);
	return ok;
}

static void subreaper_across(void)
{
	int gate[2], ready[2];
	pid_t u;

	prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
	pipe(gate);
	pipe(ready);
	u = fork();
	if (u == 0)
		unsharer_leaves(gate, ready);
	cross_boundary("across, subreaper", u, gate, ready);
}

static void lab_across(void)
{
	int gate[2], ready[2];
	pid_t u;

	pipe(gate);
	pipe(ready);
	u = fork();
	if (u == 0)
		unsharer_leaves(gate, ready);
	cross_boundary("across", u, gate, ready);
	in_child("across, subreaper", subreaper_across);
}

/*
 * The death of an init kills a tree.  L holds a namespace N1 which holds
 * N2; each has an init, a sleeper that blocks every signal and ignores
 * what it can, and a process that stopped itself.  Every member holds the
 * write end of one pipe.  L's init waits for the 8 others to report, then
 * exits with status 5.
 */
#define TREE_DEPTH	3	/* L, N1, N2 */
#define TREE_OTHERS	(TREE_DEPTH * 3 - 1)	/* everyone but L's init */

/* spawn_level - this init's sleeper, stopped process, and next namespace. */
static void spawn_level(int depth, int ready)
{
	sigset_t all;
	int sig;

	if (fork() == 0) {
		for (sig = 1; sig < 32; sig++)
			set_handler(sig, SIG_IGN, 0);
		sigfillset(&all);
		sigprocmask(SIG_BLOCK, &all, NULL);
		send_byte(ready, 's');
		sleep_forever();
	}
	if (fork() == 0) {
		send_byte(ready, 't');
		kill(getpid(), SIGSTOP);
		sleep_forever();
	}
	if (depth + 1 < TREE_DEPTH && fork_newpid() == 0) {
		send_byte(ready, getpid() == 1 && getppid() == 0 ? 'i' : 'x');
		spawn_level(depth + 1, ready);
		sleep_forever();
	}
}

static void test_tree(void)
{
	int members[2], ready[2], report[2], status, n, ok = 1, c;
	pid_t lab;

	pipe(members);
	pipe(ready);
	pipe(report);
	lab = fork_newpid();
	if (lab == 0) {
		close(members[0]);
		close(report[0]);
		spawn_level(0, ready[1]);
		close(ready[1]);
		for (n = 0; n < TREE_OTHERS; n++) {
			c = recv_byte(ready[0]);
			ok = ok && (c == 's' || c == 't' || c == 'i');
		}
		send_byte(report[1], ok ? 'y' : 'n');
		_exit(5);
	}
	close(members[1]);
	close(ready[0]);
	close(ready[1]);
	close(report[1]);
	CHECK_EQ(recv_byte(report[0]), 'y',
		 "tree: %d processes in 3 nested namespaces: inits at pid 1, some stopped, "
		 "some blocking every signal", TREE_OTHERS + 1);
	status = wait_status(lab);
	CHECK_EXITED(status, 5, "tree: L's init exited; its parent got the init's own status 5");
	CHECK(is_eof_now(members[0]), "tree: when the wait returned, every member was gone");
	close(members[0]);
	close(report[0]);
}

int main(void)
{
	pidns_begin("pidns_reaper");
	in_new_ns("orphans", lab_orphans);
	in_new_ns("subreaper", lab_subreaper);
	in_new_ns("across", lab_across);
	test_tree();
	return pidns_done();
}
