/*
 * tests/gdb/nsnest.c - pid namespaces nested DEPTH deep, for the GDB tests
 * (tests/gdb/) and the walkthrough in docs/gdb.md.
 *
 *	nsnest [DEPTH]		DEPTH from 1 to MAX_DEPTH, default 3
 *
 * main() calls enter_namespace(1): clone(CLONE_NEWPID) makes a child that
 * is pid 1 of a new namespace at level 1; it calls enter_namespace(2),
 * and so on down to level DEPTH.  There the init forks one more child,
 * which calls deepest_child() and exits.  Each process prints its pid as
 * its own namespace sees it, waits for its child and exits 0.  With the
 * default depth the last child has four numbers, [0]N [1]4 [2]3 [3]2:
 * alloc_pid() fills them from the deepest level up.
 *
 * The functions GDB breaks on are noipa (not inlined, cloned or merged),
 * so they keep their names and frames in this -O2 build.  Exits 0 if every clone, fork and wait worked.
 */
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_DEPTH	8
#define DEFAULT_DEPTH	3
#define STACK_SIZE	8192	/* each level's child runs on its own stack */

/*
 * Without CLONE_VM the child runs on its copy of the array, but __clone
 * writes the child's first words into the caller's copy before the call,
 * so a level's child must not get the stack its parent is running on.
 */
static char stacks[MAX_DEPTH + 1][STACK_SIZE] __attribute__((aligned(16)));
static int depth = DEFAULT_DEPTH;

static int namespace_init(void *arg);

/* Wait for @pid; 0 if it exited 0, 1 otherwise. */
static int reap(pid_t pid, const char *what)
{
	int status;

	if (waitpid(pid, &status, 0) != pid) {
		perror(what);
		return 1;
	}
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}

/* The last process: a plain child of the deepest init.  Break here. */
static __attribute__((noipa)) int deepest_child(int level)
{
	printf("nsnest: level %d child: pid %d, parent %d\n", level, getpid(), getppid());
	fflush(stdout);
	return 0;
}

/*
 * Make the namespace at @level with a child as its init; at the deepest
 * level, fork the last child instead.  Returns 0 on success.
 */
static __attribute__((noipa)) int enter_namespace(int level)
{
	pid_t pid;

	if (level > depth) {
		pid = fork();
		if (pid < 0) {
			perror("nsnest: fork");
			return 1;
		}
		if (pid == 0)
			_exit(deepest_child(depth));
		return reap(pid, "nsnest: waitpid (child)");
	}
	pid = clone(namespace_init, stacks[level] + STACK_SIZE, CLONE_NEWPID | SIGCHLD,
		    (void *)(long)level);
	if (pid < 0) {
		perror("nsnest: clone(CLONE_NEWPID)");
		return 1;
	}
	return reap(pid, "nsnest: waitpid (init)");
}

/* A namespace's first process: pid 1 there. */
static int namespace_init(void *arg)
{
	int level = (int)(long)arg;

	printf("nsnest: level %d init: pid %d\n", level, getpid());
	fflush(stdout);
	return enter_namespace(level + 1);
}

int main(int argc, char **argv)
{
	int ret;

	if (argc > 1)
		depth = atoi(argv[1]);
	if (depth < 1 || depth > MAX_DEPTH) {
		fprintf(stderr, "usage: nsnest [DEPTH], DEPTH from 1 to %d\n", MAX_DEPTH);
		return 2;
	}
	printf("nsnest: %d namespaces deep, from pid %d\n", depth, getpid());
	fflush(stdout);
	ret = enter_namespace(1);
	printf("nsnest: %s\n", ret ? "FAILED" : "done");
	return ret;
}
