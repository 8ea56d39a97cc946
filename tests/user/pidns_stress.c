/*
 * tests/user/pidns_stress.c - pid namespaces under load: 1,000 processes
 * alive at once in one namespace, then 10,000 namespaces made, exited and
 * reaped in turn.  Only totals are printed.  The pid wrap-around is in
 * pidns_wrap.c.
 */
#include "pidns.h"

#define NR_ALIVE	1000
#define NR_CYCLES	10000

/* exit_code - what child number i exits with (1..250). */
static int exit_code(int i)
{
	return i % 250 + 1;
}

/* 1,000 children of L's init, all alive, numbered 2..1001; then released. */
static void lab_alive(void)
{
	int gate[2], ready[2], i, ok = 1, status, seen = 0;
	pid_t pid;

	pipe(gate);
	pipe(ready);
	for (i = 0; i < NR_ALIVE; i++) {
		pid = fork();
		if (pid == 0) {
			close(gate[1]);
			send_byte(ready[1], getppid() == 1 ? 'r' : 'x');
			recv_byte(gate[0]);
			_exit(exit_code(i));
		}
		if (pid != i + 2) {
			ok = 0;
			if (pid < 0)
				break;
		}
	}
	CHECK(ok, "alive: %d children of L's init, pids 2..%d", NR_ALIVE, NR_ALIVE + 1);
	for (i = 0, ok = 1; i < NR_ALIVE; i++)
		ok = ok && recv_byte(ready[0]) == 'r';
	CHECK(ok, "alive: all %d running at once, each with getppid() 1", NR_ALIVE);
	for (i = 0, ok = 1; i < NR_ALIVE; i++)
		ok = ok && kill(i + 2, 0) == 0;
	CHECK(ok, "alive: kill(pid, 0) finds each of them");
	close(gate[1]);
	ok = 1;
	while ((pid = waitpid(-1, &status, 0)) > 0) {
		seen++;
		if (pid < 2 || pid > NR_ALIVE + 1 || !WIFEXITED(status) ||
		    WEXITSTATUS(status) != exit_code(pid - 2))
			ok = 0;
	}
	CHECK(ok && seen == NR_ALIVE, "alive: released, all %d reaped with their own status",
	      NR_ALIVE);
	close(gate[0]);
	close(ready[0]);
	close(ready[1]);
}

/* 10,000 namespaces in turn: each init is 1 in its own and 2, 3, ... in L. */
static void lab_cycles(void)
{
	int i, status, pid_one = 1, in_order = 1;
	pid_t pid;

	for (i = 0; i < NR_CYCLES && pid_one && in_order; i++) {
		pid = fork_newpid();
		if (pid == 0)
			_exit(getpid() == 1 && getppid() == 0 ? 0 : 1);
		if (pid < 0)
			break;
		in_order = pid == i + 2;
		status = -1;
		pid_one = waitpid(pid, &status, 0) == pid && status == 0;
	}
	CHECK(i == NR_CYCLES && pid_one,
	      "cycles: %d times clone(CLONE_NEWPID), exit, wait: each init was pid 1, parent 0",
	      NR_CYCLES);
	CHECK(i == NR_CYCLES && in_order, "cycles: numbered 2..%d in L, in order", NR_CYCLES + 1);
	pid = fork();
	if (pid == 0)
		_exit(0);
	CHECK_EQ(pid, NR_CYCLES + 2, "cycles: L's next child is %d", NR_CYCLES + 2);
	wait_child(pid);
}

int main(void)
{
	pidns_begin("pidns_stress");
	in_new_ns("alive", lab_alive);
	in_new_ns("cycles", lab_cycles);
	return pidns_done();
}
