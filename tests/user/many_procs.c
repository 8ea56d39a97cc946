/*
 * tests/user/many_procs.c - NR_PROCS processes alive at once.
 *
 * The test forks NR_PROCS children.  Each reports that it runs (one byte on
 * a "ready" pipe) and then blocks reading a "release" pipe; once all are
 * known to be alive (every kill(pid, 0) succeeds), the test closes the
 * release pipe, every child sees EOF and exits with its index, and the test
 * reaps them all with waitpid(-1), matching each pid to its exit code.
 */
#include "check.h"

#define NR_PROCS	200

static pid_t pids[NR_PROCS];

int main(void)
{
	int ready[2], release[2], i, forked = 0, alive = 0, distinct = 1;
	int reaped = 0, codes_ok = 1, status;
	char c, seen[NR_PROCS];
	long bytes = 0;
	ssize_t n;
	pid_t got;

	check_begin("many_procs");
	pipe(ready);
	pipe(release);
	for (i = 0; i < NR_PROCS; i++) {
		pids[i] = fork();
		if (pids[i] == 0) {
			close(ready[0]);
			close(release[1]);
			write(ready[1], "r", 1);
			close(ready[1]);
			if (read(release[0], &c, 1) != 0)
				_exit(255);
			_exit(i);
		}
		if (pids[i] < 0) {
			say("    (fork %d failed: %s)", i, errno_name(errno));
			break;
		}
		forked++;
	}
	CHECK_EQ(forked, NR_PROCS, "many: forked %d children", NR_PROCS);
	close(ready[1]);
	close(release[0]);

	while (bytes < forked && (n = read(ready[0], &c, 1)) > 0)
		bytes += n;
	CHECK_EQ(bytes, forked, "many: all %d reported that they run", NR_PROCS);
	for (i = 0; i < forked; i++) {
		int j;

		alive += kill(pids[i], 0) == 0;
		for (j = 0; j < i; j++)
			if (pids[j] == pids[i])
				distinct = 0;
	}
	CHECK_EQ(alive, forked, "many: all %d are alive at once", NR_PROCS);
	CHECK(distinct, "many: their pids are all different");

	close(release[1]); /* every child reads EOF and exits */
	memset(seen, 0, sizeof(seen));
	while ((got = waitpid(-1, &status, 0)) > 0) {
		reaped++;
		for (i = 0; i < forked; i++)
			if (pids[i] == got)
				break;
		if (i == forked || seen[i] || !WIFEXITED(status) || WEXITSTATUS(status) != i)
			codes_ok = 0;
		else
			seen[i] = 1;
	}
	CHECK_EQ(errno, ECHILD, "many: waitpid(-1) ran out of children with ECHILD");
	CHECK_EQ(reaped, NR_PROCS, "many: reaped %d children", NR_PROCS);
	CHECK(codes_ok, "many: each one once, exiting with its own index");
	close(ready[0]);

	/* And the same again: the slots freed by the first round are reusable. */
	forked = 0;
	for (i = 0; i < NR_PROCS; i++) {
		pids[i] = fork();
		if (pids[i] == 0)
			_exit(0);
		if (pids[i] < 0)
			break;
		forked++;
	}
	for (i = 0, codes_ok = 1; i < forked; i++)
		if (wait_child(pids[i]) != 0)
			codes_ok = 0;
	CHECK(forked == NR_PROCS && codes_ok, "many: a second round of %d forks and waits",
	      NR_PROCS);
	return check_done();
}
