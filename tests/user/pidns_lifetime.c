/*
 * tests/user/pidns_lifetime.c - namespaces come and go: 300 alive at once
 * and then released, 300 more each killed from outside with a member
 * inside, a chain killed from the top, and a namespace whose init is dead
 * takes no one (fork from the unsharer: ENOMEM).
 *
 * What a namespace holds in the kernel (the slab caches' active counts
 * back to their starting values) is checked by the in-kernel tests and
 * the leak gate; from user space the test checks that every process is
 * gone (a pipe at EOF) and that new namespaces keep working.
 */
#include "pidns.h"

#define NR_AT_ONCE	300
#define NR_KILLED	300
#define CHAIN_DEPTH	8

/* init_status - the exit status of the i-th init (1..200). */
static int init_status(int i)
{
	return i % 200 + 1;
}

/* 300 namespaces alive at once in L, each its own pid 1, then released. */
static void lab_at_once(void)
{
	static pid_t pid[NR_AT_ONCE];
	int gate[2], ready[2], i, ok = 1, status, seen = 0;
	pid_t got;

	pipe(gate);
	pipe(ready);
	for (i = 0; i < NR_AT_ONCE; i++) {
		pid[i] = fork_newpid();
		if (pid[i] == 0) {
			close(gate[1]);
			send_byte(ready[1], getpid() == 1 && getppid() == 0 ? 'r' : 'x');
			recv_byte(gate[0]);
			_exit(init_status(i));
		}
		if (pid[i] != i + 2)
			ok = 0;
	}
	for (i = 0; i < NR_AT_ONCE; i++)
		ok = ok && recv_byte(ready[0]) == 'r';
	CHECK(ok, "at once: %d namespaces, their inits 2..%d in L and each pid 1 in its own",
	      NR_AT_ONCE, NR_AT_ONCE + 1);
	close(gate[1]);
	ok = 1;
	while ((got = waitpid(-1, &status, 0)) > 0) {
		seen++;
		if (got < 2 || got > NR_AT_ONCE + 1 || !WIFEXITED(status) ||
		    WEXITSTATUS(status) != init_status(got - 2))
			ok = 0;
	}
	CHECK(ok && seen == NR_AT_ONCE, "at once: released, all %d exited with their own status",
	      NR_AT_ONCE);
	close(gate[0]);
	close(ready[0]);
	close(ready[1]);
	got = fork_newpid();
	if (got == 0)
		_exit(getpid() == 1 ? 0 : 1);
	CHECK_EQ(got, NR_AT_ONCE + 2, "at once: the next namespace's init is %d in L",
		 NR_AT_ONCE + 2);
	CHECK_EXITED(wait_child(got), 0, "at once: and 1 in its own");
}

/*
 * 300 namespaces in turn, each with a member, killed from L: the init
 * dies of SIGKILL and takes its member with it.
 */
static void lab_killed(void)
{
	int members[2], i, ok = 1;
	pid_t init;

	for (i = 0; i < NR_KILLED && ok; i++) {
		pipe(members);
		init = fork_newpid();
		if (init == 0) {
			close(members[0]);
			if (fork() == 0)
				sleep_forever();
			send_byte(members[1], 'r');	/* the member exists */
			close(members[1]);
			sleep_forever();
		}
		close(members[1]);
		ok = recv_byte(members[0]) == 'r';
		ok = ok && init == 2 + 2 * i;	/* the init and its member: two pids */
		ok = ok && kill(init, SIGKILL) == 0;
		ok = ok && WTERMSIG(wait_status(init)) == SIGKILL;
		ok = ok && is_eof_now(members[0]);
		close(members[0]);
	}
	CHECK(ok, "killed: %d namespaces, each killed by SIGKILL from L, its member gone with it",
	      NR_KILLED);
	CHECK_ERR(waitpid(-1, NULL, WNOHANG), ECHILD, "killed: nothing left to reap");
}

/*
 * A chain: each level's init makes the next namespace and a member; the
 * top is killed, and the whole chain is gone when its wait returns.
 */
static void chain(int ready)
{
	int depth;
	pid_t next;

	for (depth = 0; depth < CHAIN_DEPTH; depth++) {
		if (fork() == 0)
			sleep_forever();	/* this level's member */
		if (depth + 1 == CHAIN_DEPTH)
			break;
		next = fork_newpid();
		if (next < 0)
			send_byte(ready, 'x');
		if (next != 0)
			sleep_forever();	/* this level's init stays */
	}
	send_byte(ready, 'r');	/* the bottom level: everything exists */
	sleep_forever();
}

static void test_chain(void)
{
	int members[2], ready[2];
	pid_t top;

	pipe(members);
	pipe(ready);
	top = fork_newpid();
	if (top == 0) {
		close(members[0]);
		close(ready[0]);
		chain(ready[1]);
	}
	close(members[1]);
	close(ready[1]);
	CHECK_EQ(recv_byte(ready[0]), 'r', "chain: %d nested namespaces, a member in each",
		 CHAIN_DEPTH);
	CHECK_EQ(kill(top, SIGKILL), 0, "chain: the test kills the top init");
	CHECK_KILLED(wait_status(top), SIGKILL, "chain: it died of SIGKILL");
	CHECK(is_eof_now(members[0]), "chain: and all %d levels with it", CHAIN_DEPTH);
	close(members[0]);
	close(ready[0]);
}

/*
 * A dead namespace takes no one: the unsharer's init is killed, and the
 * unsharer's forks fail with ENOMEM; so do a second unshare and a
 * clone(CLONE_NEWPID) (EINVAL): it has no way to make a process again.
 */
static void unsharer_killed(void)
{
	pid_t init, member;
	int i, ok = 1;

	unshare(CLONE_NEWPID);
	init = fork();
	if (init == 0)
		sleep_forever();
	member = fork();
	if (member == 0)
		sleep_forever();
	CHECK_EQ(kill(init, SIGKILL), 0, "dead: the unsharer kills its first child, the init");
	CHECK_KILLED(wait_child(member), SIGKILL, "dead: the second child died with it");
	CHECK_KILLED(wait_child(init), SIGKILL, "dead: the init is reaped");
	for (i = 0; i < 10; i++)
		ok = ok && try_fork() == -1 && errno == ENOMEM;
	CHECK(ok, "dead: ten forks into the dead namespace: ENOMEM, every time");
	CHECK_ERR(try_clone(CLONE_NEWPID | SIGCHLD), EINVAL,
		  "dead: clone(CLONE_NEWPID) from the unsharer");
	CHECK_ERR(unshare(CLONE_NEWPID), EINVAL, "dead: unshare(CLONE_NEWPID) again");
}

static void lab_dead(void)
{
	pid_t pid;

	in_child("dead", unsharer_killed);
	pid = fork();
	if (pid == 0)
		_exit(getpid());
	/*
	 * A fork is numbered at every level, deepest first, before the dead
	 * namespace refuses it; the numbers go back, but L's cursor has moved
	 * on (Linux's alloc_pid, and the seed's).  2 was the unsharer, 3 and
	 * 4 its children, 5..14 went to the ten failed forks.
	 */
	CHECK_EQ(WEXITSTATUS(wait_child(pid)), 15,
		 "dead: L is fine; the ten failed forks used up 5..14 there: its next child is 15");
}

int main(void)
{
	pidns_begin("pidns_lifetime");
	in_new_ns("at once", lab_at_once);
	in_new_ns("killed", lab_killed);
	test_chain();
	in_new_ns("dead", lab_dead);
	return pidns_done();
}
