/*
 * user/bin/reaperdemo.c - reaperdemo: who adopts an orphan inside a pid
 * namespace, and what happens when the namespace's init dies.
 *
 * reaperdemo makes a namespace N (clone(CLONE_NEWPID)); its first process
 * is N's init, pid 1 there, and N's child reaper.  Then, narrating as it
 * goes, with each line prefixed by the speaker's pid in N:
 *
 *   1. An orphan: 2 starts 3 and exits.  3's parent becomes 1.
 *   2. A subreaper: 4 sets PR_SET_CHILD_SUBREAPER; its grandchild 6 is
 *      orphaned when 5 exits and goes to 4, the nearest subreaper in N,
 *      not to N's init.
 *   3. An orphaned zombie: 7 starts 8, which exits at once; 7 exits
 *      without reaping it.  N's init adopts the zombie and reaps it.
 *   4. N's init exits, with status 7, while 3 and 4 are still running.
 *      The kernel kills everything left in N (zap_pid_ns_processes), the
 *      init reaps them, and only then is its exit complete: reaperdemo's
 *      waitpid returns status 7, and the pipe that every process of N
 *      held is already at EOF.  N is gone.
 *
 * Each step is written so that only one process prints at a time (the
 * others wait on a pipe), so the output is the same on every run when
 * reaperdemo is itself in a fresh namespace or started from the shell.
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define STACK_SIZE		(64 * 1024)
#define INIT_STATUS		7	/* N's init exits with this */
#define ZOMBIE_STATUS		9
#define POLL_MS			1	/* reparenting takes a moment: poll getppid() */

static int members[2];	/* every process in N holds members[1] */

/* One line, in one write(), prefixed with the speaker's pid in N. */
#define SAY(fmt, ...)	dprintf(STDOUT_FILENO, "  [%d] " fmt "\n", getpid(), ##__VA_ARGS__)

static void __attribute__((noreturn)) sleep_forever(void)
{
	for (;;)
		pause();
}

/* tell / hear: one byte over a pipe, to take turns. */
static void tell(int fds[2])
{
	write(fds[1], "x", 1);
}

static void hear(int fds[2])
{
	char c;

	while (read(fds[0], &c, 1) == -1 && errno == EINTR)
		;
}

static void wait_for_parent(pid_t want)
{
	struct timespec ms = { 0, POLL_MS * 1000000L };

	while (getppid() != want)
		nanosleep(&ms, NULL);
}

/* Step 1: 2 starts 3 and exits; 3 is adopted by N's init. */
static void step_orphan(void)
{
	int said[2], go[2], leave[2], status;
	pid_t parent;

	pipe(said);
	pipe(go);
	pipe(leave);
	printf("\n1. An orphan.\n");
	fflush(stdout);
	parent = fork();
	if (parent == 0) {
		SAY("I start a child, then exit without waiting for it.");
		if (fork() == 0) {
			SAY("I am the child; my parent is %d.", getppid());
			tell(leave);
			hear(go);
			wait_for_parent(1);
			SAY("My parent is now %d: N's init adopted me.", getppid());
			tell(said);
			sleep_forever();	/* until N dies */
		}
		hear(leave);
		_exit(0);
	}
	waitpid(parent, &status, 0);
	SAY("%d exited (status %d), and I reaped it.", parent, WEXITSTATUS(status));
	tell(go);
	hear(said);
}

/* Step 2: 4 is a subreaper; 5 starts 6 and exits; 6 goes to 4. */
static void step_subreaper(void)
{
	int done[2], said[2], go[2], status;
	pid_t subreaper, middle, got;

	pipe(done);
	printf("\n2. A subreaper.\n");
	fflush(stdout);
	subreaper = fork();
	if (subreaper == 0) {
		pid_t me = getpid();

		prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
		SAY("I called prctl(PR_SET_CHILD_SUBREAPER, 1): my descendants' orphans are mine.");
		pipe(said);
		pipe(go);
		middle = fork();
		if (middle == 0) {
			SAY("I am %d's child; I start a child and exit.", me);
			if (fork() == 0) {
				SAY("I am the grandchild; my parent is %d.", getppid());
				tell(said);
				hear(go);
				wait_for_parent(me);
				SAY("My parent is now %d, the subreaper, not N's init.", getppid());
				_exit(0);
			}
			hear(said);
			_exit(0);
		}
		waitpid(middle, &status, 0);
		SAY("My child %d exited; I reaped it.", middle);
		tell(go);
		got = waitpid(-1, &status, 0);
		SAY("waitpid(-1) gave me %d, my orphaned grandchild: I reaped it too.", got);
		tell(done);
		sleep_forever();	/* until N dies */
	}
	hear(done);
}

/* Step 3: 7 starts 8, which exits; 7 exits; N's init reaps both. */
static void step_zombie(void)
{
	int gone[2], status, i;
	pid_t parent, pid, zombie = 0;
	char c;

	pipe(gone);
	printf("\n3. An orphaned zombie.\n");
	fflush(stdout);
	parent = fork();
	if (parent == 0) {
		if (fork() == 0)
			_exit(ZOMBIE_STATUS);
		close(gone[1]);
		read(gone[0], &c, 1);		/* EOF: the child has exited */
		SAY("My child exited; I exit without reaping it: a zombie orphan.");
		_exit(0);
	}
	close(gone[0]);
	close(gone[1]);
	for (i = 0; i < 2; i++) {	/* the two, in either order */
		pid = waitpid(-1, &status, 0);
		if (pid != parent)
			zombie = pid;
	}
	SAY("waitpid(-1) reaped %d, and its zombie %d (status %d), now mine.", parent, zombie,
	    ZOMBIE_STATUS);
}

static int n_init(void *arg)
{
	close(members[0]);
	SAY("I am N's init: getpid() %d, getppid() %d (my parent is outside N).", getpid(),
	    getppid());
	step_orphan();
	step_subreaper();
	step_zombie();
	printf("\n4. N's init exits.\n");
	fflush(stdout);
	SAY("I exit with status %d.  3 and 4 are still running.", INIT_STATUS);
	return INIT_STATUS;
}

int main(void)
{
	char *stack = malloc(STACK_SIZE), c;
	int status;
	pid_t init;

	printf("reaperdemo: orphans in a pid namespace, and the death of its init\n\n"
	       "reaperdemo makes a namespace N.  Lines start with the speaker's pid in N.\n\n");
	fflush(stdout);
	if (!stack || pipe(members)) {
		perror("reaperdemo");
		return 1;
	}
	init = clone(n_init, stack + STACK_SIZE, CLONE_NEWPID | SIGCHLD, NULL);
	if (init < 0) {
		perror("reaperdemo: clone(CLONE_NEWPID)");
		return 1;
	}
	close(members[1]);
	if (waitpid(init, &status, 0) != init) {
		perror("reaperdemo: waitpid");
		return 1;
	}
	printf("  reaperdemo: waitpid returned N's init, exit status %d.\n",
	       WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	fcntl(members[0], F_SETFL, O_NONBLOCK);
	if (read(members[0], &c, 1) == 0)
		printf("  reaperdemo: the pipe every process of N held is at EOF already:\n"
		       "  the kernel killed 3 and 4 when the init exited, and the init's exit\n"
		       "  finished only once they were gone.  N is empty, and freed.\n");
	else
		printf("  reaperdemo: someone in N still holds the pipe!\n");
	return 0;
}
