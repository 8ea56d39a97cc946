/*
 * tests/user/orphans.c - orphans go to init, and init reaps them.
 *
 * The test is init (pid 1).  When a child exits (or is killed) while its
 * own children live on, those grandchildren are reparented to init: their
 * getppid() becomes 1 and the test collects them with waitpid(-1).  A zombie
 * whose parent exits is reparented and reaped the same way.  With
 * prctl(PR_SET_CHILD_SUBREAPER) a process closer than init takes them.
 *
 * Grandchildren answer with exit codes; the test prints.
 */
#include <sys/prctl.h>
#include "check.h"

#define REPARENT_WAIT_MS	5000	/* give up waiting for the new parent */
#define NR_ORPHANS		3

/*
 * wait_for_parent - poll until getppid() == want (reparenting runs in the
 * parent's exit, a little after it closed its files).  Returns 1 if seen.
 */
static int wait_for_parent(pid_t want)
{
	long end = deadline(REPARENT_WAIT_MS);

	while (!deadline_passed(end)) {
		if (getppid() == want)
			return 1;
		sleep_ms(1);
	}
	return 0;
}

/* One orphan: it saw its first parent, then init. */
static void test_orphan(void)
{
	int report[2], ack[2], status;
	pid_t child, grandchild = 0, got;
	char c;

	pipe(report);
	pipe(ack);
	child = fork();
	if (child == 0) {
		pid_t me = getpid(), pid = fork();

		if (pid == 0) {
			int first_parent_ok = getppid() == me;

			write(ack[1], "x", 1); /* let the parent exit now */
			_exit(first_parent_ok && wait_for_parent(1) ? 42 : 1);
		}
		write(report[1], &pid, sizeof(pid));
		read(ack[0], &c, 1);
		_exit(0);
	}
	close(report[1]);
	close(ack[0]);
	close(ack[1]);
	status = wait_child(child);
	CHECK_EXITED(status, 0, "orphan: the middle process exited 0");
	CHECK_EQ(read(report[0], &grandchild, sizeof(grandchild)), sizeof(grandchild),
		 "orphan: the middle process sent the grandchild's pid");
	close(report[0]);

	got = waitpid(-1, &status, 0);
	CHECK(got == grandchild, "orphan: init's waitpid(-1) returns the grandchild");
	CHECK_EXITED(status, 42,
		     "orphan: grandchild saw its parent, then getppid() == 1 (exit 42)");
	CHECK_ERR(waitpid(-1, &status, WNOHANG), ECHILD, "orphan: nothing else to reap");
}

/* Several orphans at once, from a parent that init killed. */
static void test_killed_parent(void)
{
	int ready[2], status, i, seen = 0, codes_ok = 1;
	char acks[NR_ORPHANS + 1] = "";
	pid_t child, got;

	pipe(ready);
	child = fork();
	if (child == 0) {
		pid_t me = getpid();

		for (i = 0; i < NR_ORPHANS; i++) {
			if (fork() == 0) {
				/* Report the first parent, then wait for init. */
				write(ready[1], getppid() == me ? "y" : "n", 1);
				close(ready[0]);
				close(ready[1]);
				_exit(wait_for_parent(1) ? 30 + i : 1);
			}
		}
		for (;;)
			pause();
	}
	close(ready[1]);
	for (i = 0; i < NR_ORPHANS; i++)
		read(ready[0], &acks[i], 1);
	close(ready[0]);
	CHECK(strspn(acks, "y") == NR_ORPHANS, "orphans: %d grandchildren saw their parent",
	      NR_ORPHANS);
	kill(child, SIGKILL);
	status = wait_child(child);
	CHECK_KILLED(status, SIGKILL, "orphans: their parent was killed by SIGKILL");

	for (i = 0; i < NR_ORPHANS; i++) {
		got = waitpid(-1, &status, 0);
		if (got <= 0 || !WIFEXITED(status) || WEXITSTATUS(status) < 30 ||
		    WEXITSTATUS(status) >= 30 + NR_ORPHANS) {
			codes_ok = 0;
			break;
		}
		seen |= 1 << (WEXITSTATUS(status) - 30);
	}
	CHECK(codes_ok && seen == (1 << NR_ORPHANS) - 1,
	      "orphans: init reaped all %d, each saw getppid() == 1", NR_ORPHANS);
	CHECK_ERR(waitpid(-1, &status, WNOHANG), ECHILD, "orphans: nothing else to reap");
}

/* A zombie whose parent exits without reaping it is reaped by init. */
static void test_orphaned_zombie(void)
{
	int gone[2], status;
	pid_t child, got;
	char c;

	pipe(gone);
	child = fork();
	if (child == 0) {
		if (fork() == 0)
			_exit(50); /* closes gone[1] as it exits */
		close(gone[1]);
		read(gone[0], &c, 1); /* EOF: the grandchild is exiting */
		sleep_ms(10);
		_exit(0); /* without waiting for it */
	}
	close(gone[0]);
	close(gone[1]);
	status = wait_child(child);
	CHECK_EXITED(status, 0, "zombie: the parent exited without reaping its child");
	got = waitpid(-1, &status, 0);
	CHECK(got > 1, "zombie: init's waitpid(-1) found the orphaned zombie");
	CHECK_EXITED(status, 50, "zombie: with its exit status 50");
}

/*
 * A child that is a subreaper gets its orphaned descendants instead of
 * init.  The child prints its own checks (the test is blocked in waitpid)
 * and exits with the number that failed.
 */
static void test_subreaper(void)
{
	int status;
	pid_t child;

	child = fork();
	if (child == 0) {
		pid_t me = getpid(), middle, got;
		int flag = -1;

		check_failed = 0;
		CHECK_EQ(prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0), 0,
			 "subreaper: prctl(PR_SET_CHILD_SUBREAPER, 1)");
		prctl(PR_GET_CHILD_SUBREAPER, &flag, 0, 0, 0);
		CHECK_EQ(flag, 1, "subreaper: PR_GET_CHILD_SUBREAPER reads 1");
		middle = fork();
		if (middle == 0) {
			if (fork() == 0)
				_exit(wait_for_parent(me) ? 60 : 1);
			_exit(0);
		}
		status = wait_child(middle);
		CHECK_EXITED(status, 0, "subreaper: the middle process exited");
		got = waitpid(-1, &status, 0);
		CHECK(got > 1 && got != middle, "subreaper: waitpid(-1) returns the orphan");
		CHECK_EXITED(status, 60,
			     "subreaper: the orphan's getppid() was the subreaper (exit 60)");
		_exit(check_failed);
	}
	status = wait_child(child);
	CHECK_EXITED(status, 0, "subreaper: the subreaper's checks passed");
	CHECK_ERR(waitpid(-1, &status, WNOHANG), ECHILD, "subreaper: init got nothing");
}

int main(void)
{
	check_begin("orphans");
	CHECK_EQ(getpid(), 1, "orphans: the test is init (pid 1)");
	test_orphan();
	test_killed_parent();
	test_orphaned_zombie();
	test_subreaper();
	return check_done();
}
