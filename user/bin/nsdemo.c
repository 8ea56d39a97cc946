/*
 * user/bin/nsdemo.c - nsdemo: one process, a different pid at each level.
 *
 * nsdemo builds three pid namespaces, each inside the one before:
 *
 *	A:  1 (A's init) ── 2, 3 (idle) ── 4 (B's init) ── 5 (idle), 6 (C's init)
 *	B:                                 1 (B's init) ── 2 (idle), 3 (C's init)
 *	C:                                                           1 (C's init)
 *
 * Every process prints a row: its getpid() and getppid(), and the pid its
 * parent got back from clone() or fork().  The lesson is in the columns:
 * a process has a number in its own namespace and in every namespace
 * above it.  getpid() answers in the caller's own namespace; clone()
 * answers in the parent's, so B's init calls itself 1 while A's init got
 * 4 for it.  An init's getppid() is 0: its parent is in the namespace
 * above, which it cannot see.
 *
 * The last step finds C's init from the top: it calls setsid(), and A's
 * init asks getsid() of every pid it can see.  The one session leader is
 * C's init, as A numbers it: 6.  One process, three numbers: 6 in A, 3 in
 * B, 1 in C.  (A pid cannot be looked up upwards, only downwards: C's init
 * has no way to learn 6.)
 *
 * Every number printed is the same on every run, except the first row's
 * last column: that one is in nsdemo's own namespace, where other
 * processes hold pids too (the shell's, or on Nest's level 0 the kernel
 * threads').  Under "unshare --pid --fork --mount-proc nsdemo" on Linux it
 * is 2.  When A's init exits, A and everything in it (B and C too) is
 * killed, so nsdemo leaves nothing behind.
 */
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define STACK_SIZE	(64 * 1024)
#define SCAN_MAX	64	/* A's init looks at pids 2..SCAN_MAX */

/*
 * Each process talks to its parent over two pipes, made by the parent for
 * this one child (see spawn()): the parent sends what clone() returned,
 * the child answers when it and everything below it have printed.
 * up_value and up_done are this process's ends; a child inherits them
 * from the globals as they were set just before its clone().
 */
static int up_value = -1, up_done = -1;

/* What a process does once it has printed: wait to be killed with its namespace. */
static void __attribute__((noreturn)) sleep_forever(void)
{
	for (;;)
		pause();
}

/* One row of the table, in one write() so rows never mix. */
static void row(const char *who, const char *ns, const char *returned)
{
	dprintf(STDOUT_FILENO, "  %-10s %-4s %8d %9d   %s\n", who, ns, getpid(), getppid(),
		returned);
}

static int read_returned(void)
{
	int pid = -1;

	read(up_value, &pid, sizeof(pid));
	return pid;
}

static void say_done(void)
{
	write(up_done, "d", 1);
}

static int idle(const char *ns)
{
	char returned[32];

	snprintf(returned, sizeof(returned), "%d", read_returned());
	row("idle", ns, returned);
	say_done();
	sleep_forever();
}

/*
 * spawn - start a child: a new namespace's init running @fn, through the
 * C library's clone(CLONE_NEWPID), or (no @fn) an idle process in ours,
 * through fork().  Hand it the pid we got, and return once it and
 * everything below it have printed.  Returns the pid, or -1.
 */
static pid_t spawn(int (*fn)(void *), const char *ns)
{
	int my_value = up_value, my_done = up_done, value[2], done[2];
	char c, *stack;
	pid_t pid;

	if (pipe(value) || pipe(done)) {
		perror("nsdemo: pipe");
		return -1;
	}
	up_value = value[0];		/* what the child inherits */
	up_done = done[1];
	if (fn) {
		stack = malloc(STACK_SIZE);
		pid = stack ? clone(fn, stack + STACK_SIZE, CLONE_NEWPID | SIGCHLD, NULL) : -1;
	} else {
		pid = fork();
		if (pid == 0)
			_exit(idle(ns));
	}
	up_value = my_value;		/* and our own link, back */
	up_done = my_done;
	if (pid < 0)
		perror("nsdemo: clone");
	else if (write(value[1], &pid, sizeof(pid)) == sizeof(pid))
		read(done[0], &c, 1);
	close(value[0]);
	close(value[1]);
	close(done[0]);
	close(done[1]);
	return pid;
}

static int c_init(void *arg)
{
	char returned[32];

	snprintf(returned, sizeof(returned), "%d (in B)", read_returned());
	row("C's init", "C", returned);
	setsid();	/* so that A's init can find it */
	say_done();
	sleep_forever();
}

static int b_init(void *arg)
{
	char returned[32];

	snprintf(returned, sizeof(returned), "%d (in A)", read_returned());
	row("B's init", "B", returned);
	spawn(NULL, "B");
	spawn(c_init, NULL);
	say_done();
	sleep_forever();
}

static int a_init(void *arg)
{
	char returned[48];
	int leader = 0, pid;

	snprintf(returned, sizeof(returned), "%d (in nsdemo's namespace)", read_returned());
	row("A's init", "A", returned);
	spawn(NULL, "A");
	spawn(NULL, "A");
	spawn(b_init, NULL);

	for (pid = 2; pid <= SCAN_MAX; pid++)
		if (getsid(pid) == pid) {
			leader = pid;
			break;
		}
	printf("\nC's init called setsid().  A's init asks getsid() of each pid it can\n"
	       "see; the one session leader among them is pid %d in A.\n\n", leader);
	printf("So C's init is %d in A, 3 in B and 1 in C: one process, a number at\n"
	       "each level.  getpid() gives the number in the process's own namespace;\n"
	       "clone() gives the number in the parent's.\n\n", leader);
	printf("A's init exits now; A, with B and C inside it, goes with it.\n");
	fflush(stdout);
	return 0;
}

int main(void)
{
	char *stack = malloc(STACK_SIZE);
	int value[2], status;
	pid_t pid;

	printf("nsdemo: one process, a different pid at each level\n\n"
	       "Namespaces A, B and C, each inside the one before.  Each process\n"
	       "prints its getpid(), its getppid(), and what its parent's clone()\n"
	       "or fork() returned for it.\n\n");
	printf("  %-10s %-4s %8s %9s   %s\n", "process", "ns", "getpid()", "getppid()",
	       "its parent's clone()/fork() returned");
	fflush(stdout);
	if (!stack || pipe(value)) {
		perror("nsdemo");
		return 1;
	}
	up_value = value[0];
	pid = clone(a_init, stack + STACK_SIZE, CLONE_NEWPID | SIGCHLD, NULL);
	if (pid < 0) {
		perror("nsdemo: clone(CLONE_NEWPID)");
		return 1;
	}
	write(value[1], &pid, sizeof(pid));
	/* A's init exits after printing; its namespace dies with it. */
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status)) {
		fprintf(stderr, "nsdemo: A's init failed\n");
		return 1;
	}
	return 0;
}
