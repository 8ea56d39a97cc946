/*
 * user/bin/libctest/process.c - processes: fork, exit and wait statuses,
 * kill of a paused child, ECHILD, a pipe between parent and child,
 * clone() on its own stack (with CLONE_VM, and with CLONE_NEWPID),
 * unshare(CLONE_NEWPID), syscall(), sessions and process groups; and
 * stdio's buffer not written twice across fork().
 */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "libctest.h"

/* clone()'s child with CLONE_VM: writes through to the parent's memory. */
static int clone_fn(void *arg)
{
	int *shared = arg;

	*shared = 1234;
	return 7;
}

/* clone()'s child with CLONE_NEWPID: 0 if it is pid 1 with ppid 0. */
static int newpid_fn(void *arg)
{
	return getpid() == 1 && getppid() == 0 ? 0 : 1;
}

void test_processes(void)
{
	static char stack[CHILD_STACK] __attribute__((aligned(16)));
	static int shared;
	int status, fds[2];
	pid_t pid;
	char c;

	pid = fork();
	if (pid == 0)
		_exit(3);
	check(pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 3, "fork, _exit(3), waitpid sees exit 3");
	pid = fork();
	if (pid == 0) {
		pause();
		_exit(0);
	}
	kill(pid, SIGTERM);
	check(wait(&status) == pid && WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM,
	      "kill(SIGTERM) of a paused child; wait sees the signal");
	check(wait(&status) == -1 && errno == ECHILD, "wait with no children: ECHILD");

	check(pipe(fds) == 0, "pipe");
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		write(fds[1], "x", 1);
		_exit(getppid() > 0 ? 0 : 1);
	}
	close(fds[1]);
	check(read(fds[0], &c, 1) == 1 && c == 'x' && read(fds[0], &c, 1) == 0,
	      "a byte through a pipe, then end of file");
	close(fds[0]);
	waitpid(pid, &status, 0);
	check(WIFEXITED(status) && !WEXITSTATUS(status), "the child saw its parent");

	pid = clone(clone_fn, stack + sizeof(stack), CLONE_VM | SIGCHLD, &shared);
	check(pid > 0 && waitpid(pid, &status, 0) == pid && WEXITSTATUS(status) == 7 &&
	      shared == 1234, "clone(CLONE_VM) on its own stack: fn's result is the exit status");
	pid = clone(newpid_fn, stack + sizeof(stack), CLONE_NEWPID | SIGCHLD, NULL);
	check(pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 0, "clone(CLONE_NEWPID): the child is pid 1 with ppid 0");
	check(clone(NULL, stack, SIGCHLD, NULL) == -1 && errno == EINVAL,
	      "clone without fn: EINVAL");

	pid = fork();
	if (pid == 0) {
		pid_t child;

		if (unshare(CLONE_NEWPID))
			_exit(2);
		child = fork();
		if (child == 0)
			_exit(getpid() == 1 && getppid() == 0 ? 0 : 3);
		waitpid(child, &status, 0);
		_exit(WIFEXITED(status) ? WEXITSTATUS(status) : 4);
	}
	waitpid(pid, &status, 0);
	check(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "unshare(CLONE_NEWPID): the next child is pid 1 of the new namespace");

	check(syscall(__NR_getpid) == getpid() && gettid() == getpid(),
	      "syscall(__NR_getpid) and gettid agree with getpid");
	check(syscall(NR_syscalls + 1000) == -1 && errno == ENOSYS,
	      "an unknown system call number: ENOSYS");
	check(getpgid(0) == getpgrp(), "getpgid(0) is getpgrp()");

	/* A session leader outside our namespace reads as 0; a new one is us. */
	pid = fork();
	if (pid == 0) {
		pid_t me = getpid();

		_exit(setsid() == me && getsid(0) == me && getpgrp() == me &&
		      setpgid(0, 0) == -1 ? 0 : 1);
	}
	waitpid(pid, &status, 0);
	check(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "setsid makes a session and group led by the caller (getsid, getpgrp)");
	pid = fork();
	if (pid == 0)
		_exit(setpgid(0, 0) == 0 && getpgid(0) == getpid() ? 0 : 1);
	waitpid(pid, &status, 0);
	check(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "setpgid(0, 0) makes a new process group");
}

/* Output buffered before fork() must come out once, not once per process. */
void test_fork_flush(void)
{
	int fds[2], status, n = 0;
	char buf[64];
	ssize_t r;
	pid_t pid;

	pipe(fds);
	pid = fork();
	if (pid == 0) {
		dup2(fds[1], STDOUT_FILENO);
		close(fds[0]);
		close(fds[1]);
		printf("partial ");
		if (fork() == 0)
			exit(0);	/* exit() flushes: there must be nothing left to flush */
		wait(NULL);
		printf("line\n");
		exit(0);
	}
	close(fds[1]);
	while ((r = read(fds[0], buf + n, sizeof(buf) - 1 - n)) > 0)
		n += r;
	buf[n] = '\0';
	close(fds[0]);
	waitpid(pid, &status, 0);
	check(!strcmp(buf, "partial line\n"), "a partial line printed before fork() appears once");
}
