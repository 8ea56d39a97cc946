/*
 * tests/user/fork_wait.c - fork() and the wait family: exit codes, deaths by
 * signal, the status word, waitpid(-1)/WNOHANG/ECHILD, wait4, what a child
 * shares with its parent (open file offsets) and what it gets a copy of
 * (memory), and a fork-like raw clone(SIGCHLD, 0).
 *
 * Runs as init (pid 1).  Children answer with exit codes; only one prints,
 * to show that exit() flushes stdio.
 */
#include <fcntl.h>
#include <sys/syscall.h>
#include "check.h"

#define NR_SIBLINGS	5

static int global_value = 7;

/* fork_exit - fork a child that exits with code; returns the wait status. */
static int fork_exit(int code)
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(code);
	return wait_child(pid);
}

static void test_exit_codes(void)
{
	int status;
	pid_t pid;

	CHECK_EQ(getpid(), 1, "fork: the test runs as init, getpid() is 1");
	CHECK_EQ(getppid(), 0, "fork: init's getppid() is 0");

	status = fork_exit(0);
	CHECK_EXITED(status, 0, "fork: child exit status 0");
	status = fork_exit(3);
	CHECK_EXITED(status, 3, "fork: child exit status 3");
	CHECK_EQ(status, 0x300, "fork: status word for exit(3) is 0x0300");
	status = fork_exit(255);
	CHECK_EXITED(status, 255, "fork: child exit status 255");
	status = fork_exit(256);
	CHECK_EXITED(status, 0, "fork: _exit(256) is seen as exit status 0");
	status = fork_exit(-1);
	CHECK_EXITED(status, 255, "fork: _exit(-1) is seen as exit status 255");

	/* exit() (not _exit) from a child: atexit work and stdio flushing run. */
	pid = fork();
	if (pid == 0) {
		printf("fork: a child's printf is flushed by exit()\n");
		exit(9);
	}
	status = wait_child(pid);
	CHECK_EXITED(status, 9, "fork: child exit(9) after printf");
}

static void test_killed(void)
{
	int status;
	pid_t pid;

	pid = fork();
	if (pid == 0) {
		for (;;)
			pause();
	}
	CHECK_EQ(kill(pid, SIGKILL), 0, "kill: SIGKILL to a pausing child");
	status = wait_child(pid);
	CHECK(WIFSIGNALED(status) && !WIFEXITED(status), "kill: WIFSIGNALED and not WIFEXITED");
	CHECK_KILLED(status, SIGKILL, "kill: WTERMSIG is SIGKILL (9)");
	CHECK_EQ(status, SIGKILL, "kill: status word is 9");

	pid = fork();
	if (pid == 0) {
		for (;;)
			pause();
	}
	kill(pid, SIGTERM);
	CHECK_KILLED(wait_child(pid), SIGTERM, "kill: default SIGTERM kills a child (15)");

	pid = fork();
	if (pid == 0) {
		for (;;)
			pause();
	}
	kill(pid, SIGUSR1);
	CHECK_KILLED(wait_child(pid), SIGUSR1, "kill: default SIGUSR1 kills a child (10)");

	/* A child can kill itself; its default action is not dropped. */
	pid = fork();
	if (pid == 0) {
		kill(getpid(), SIGTERM);
		_exit(99);
	}
	CHECK_KILLED(wait_child(pid), SIGTERM, "kill: a child's SIGTERM to itself kills it");
}

/* fork's two returns, and the ids seen from each side. */
static void test_fork_ids(void)
{
	int fds[2], status;
	pid_t pid, seen[2];

	pipe(fds);
	pid = fork();
	if (pid == 0) {
		seen[0] = getpid();
		seen[1] = getppid();
		write(fds[1], seen, sizeof(seen));
		_exit(0);
	}
	CHECK(pid > 1, "fork: parent gets a child pid greater than 1");
	status = wait_child(pid);
	CHECK_EXITED(status, 0, "fork: child exited 0");
	CHECK_EQ(read(fds[0], seen, sizeof(seen)), sizeof(seen), "fork: child sent its ids");
	CHECK(seen[0] == pid, "fork: child's getpid() is what fork returned to the parent");
	CHECK_EQ(seen[1], 1, "fork: child's getppid() is 1 (the test)");
	close(fds[0]);
	close(fds[1]);
}

/* Several children; waitpid(-1), a specific pid, WNOHANG and ECHILD. */
static void test_wait_any(void)
{
	pid_t pids[NR_SIBLINGS], got;
	int i, j, status, seen = 0, codes_ok = 1, release[2];
	char c;

	pipe(release);
	for (i = 0; i < NR_SIBLINGS; i++) {
		pids[i] = fork();
		if (pids[i] == 0) {
			close(release[1]);
			read(release[0], &c, 1); /* EOF when released */
			_exit(20 + i);
		}
	}
	close(release[0]);

	CHECK_EQ(waitpid(-1, &status, WNOHANG), 0,
		 "wait: WNOHANG with only running children returns 0");
	CHECK_EQ(waitpid(pids[2], &status, WNOHANG), 0,
		 "wait: WNOHANG on one running child returns 0");
	close(release[1]);

	/* The middle one first, by pid. */
	got = waitpid(pids[2], &status, 0);
	CHECK(got == pids[2], "wait: waitpid(pid) returns that pid");
	CHECK_EXITED(status, 22, "wait: and its exit status 22");

	/* The rest in whatever order they come. */
	for (i = 0; i < NR_SIBLINGS - 1; i++) {
		got = waitpid(-1, &status, 0);
		for (j = 0; j < NR_SIBLINGS; j++)
			if (j != 2 && got == pids[j] && !(seen & (1 << j)))
				break;
		if (j == NR_SIBLINGS) {
			codes_ok = 0;
			break;
		}
		seen |= 1 << j;
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 20 + j)
			codes_ok = 0;
	}
	CHECK(codes_ok && seen == 0x1b,
	      "wait: waitpid(-1) returned each other child once, each with its code");
	CHECK_ERR(waitpid(-1, &status, 0), ECHILD, "wait: waitpid(-1) with no children");
	CHECK_ERR(waitpid(-1, &status, WNOHANG), ECHILD,
		  "wait: waitpid(-1, WNOHANG) with no children");
	CHECK_ERR(waitpid(pids[0], &status, 0), ECHILD, "wait: waitpid on a reaped pid");
	CHECK_ERR(waitpid(1, &status, 0), ECHILD, "wait: waitpid on a pid that is not a child");
	CHECK_ERR(waitpid(-1, &status, 0x40000), EINVAL,
		  "wait: waitpid with an unknown option bit");

	/* A child that exited before the wait stays a zombie until reaped. */
	pids[0] = fork();
	if (pids[0] == 0)
		_exit(4);
	sleep_ms(20);
	CHECK_EQ(kill(pids[0], 0), 0, "wait: kill(zombie, 0) succeeds until it is reaped");
	status = wait_child(pids[0]);
	CHECK_EXITED(status, 4, "wait: reaped the zombie, exit 4");
	CHECK_ERR(kill(pids[0], 0), ESRCH, "wait: kill(reaped pid, 0)");

	/* waitpid(pid, NULL, 0): no status wanted is fine. */
	pids[0] = fork();
	if (pids[0] == 0)
		_exit(0);
	CHECK(waitpid(pids[0], NULL, 0) == pids[0], "wait: waitpid with a NULL status pointer");

	/* waitpid(0) waits for children in the caller's process group. */
	pids[0] = fork();
	if (pids[0] == 0)
		_exit(6);
	got = waitpid(0, &status, 0);
	CHECK(got == pids[0], "wait: waitpid(0) returns the child of the same group");
	CHECK_EXITED(status, 6, "wait: its exit status 6");
}

static void test_wait4(void)
{
	int status;
	pid_t pid, got;

	pid = fork();
	if (pid == 0)
		_exit(17);
	got = wait4(pid, &status, 0, NULL);
	CHECK(got == pid, "wait4: returns the child's pid");
	CHECK_EXITED(status, 17, "wait4: exit status 17");

	pid = fork();
	if (pid == 0)
		_exit(18);
	got = wait4(-1, &status, 0, NULL);
	CHECK(got == pid, "wait4: wait4(-1) returns the child's pid");
	CHECK_EXITED(status, 18, "wait4: exit status 18");
	CHECK_ERR(wait4(-1, &status, 0, NULL), ECHILD, "wait4: no children");

	/* The raw system calls, as the ABI defines them. */
	pid = fork();
	if (pid == 0)
		_exit(19);
	got = syscall(SYS_waitpid, pid, &status, 0);
	CHECK(got == pid, "waitpid: the raw syscall (7) returns the child's pid");
	CHECK_EXITED(status, 19, "waitpid: raw syscall exit status 19");
	pid = fork();
	if (pid == 0)
		_exit(21);
	got = syscall(SYS_wait4, pid, &status, 0, NULL);
	CHECK(got == pid, "wait4: the raw syscall (114) returns the child's pid");
	CHECK_EXITED(status, 21, "wait4: raw syscall exit status 21");
}

/* Memory is copied at fork; an open file's offset is shared. */
static void test_copy_and_share(const char *self)
{
	char *heap = malloc(64), magic[4];
	int stack_value = 11, status, fd;
	pid_t pid;

	strcpy(heap, "parent");
	pid = fork();
	if (pid == 0) {
		int ok = global_value == 7 && stack_value == 11 && strcmp(heap, "parent") == 0;

		global_value = 70;
		stack_value = 110;
		strcpy(heap, "child");
		_exit(ok ? 0 : 1);
	}
	status = wait_child(pid);
	CHECK_EXITED(status, 0, "fork: child sees the parent's global, stack and heap values");
	CHECK(global_value == 7, "fork: child's write to a global is not seen by the parent");
	CHECK(stack_value == 11, "fork: child's write to the stack is not seen by the parent");
	CHECK(strcmp(heap, "parent") == 0,
	      "fork: child's write to the heap is not seen by the parent");
	free(heap);

	fd = open(self, O_RDONLY);
	CHECK(fd >= 0, "fork: opened the test's own binary");
	pid = fork();
	if (pid == 0)
		_exit(read(fd, magic, 4) == 4 && memcmp(magic, "\177ELF", 4) == 0 ? 0 : 1);
	status = wait_child(pid);
	CHECK_EXITED(status, 0, "fork: child read the ELF magic through the inherited fd");
	CHECK_EQ(lseek(fd, 0, SEEK_CUR), 4, "fork: the parent's offset moved to 4 (shared)");
	pid = fork();
	if (pid == 0)
		_exit(close(fd) == 0 ? 0 : 1);
	CHECK_EXITED(wait_child(pid), 0, "fork: child closed its copy of the fd");
	CHECK_EQ(lseek(fd, 0, SEEK_CUR), 4, "fork: the parent's fd is still open");
	close(fd);
}

static void test_raw_clone(void)
{
	int status;
	long pid;

	/* clone(SIGCHLD, stack 0, ...): a fork on a copy of the caller's stack. */
	pid = syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0);
	if (pid == 0)
		_exit(getppid() == 1 ? 5 : 6);
	CHECK(pid > 1, "clone: clone(SIGCHLD, 0) returns a child pid");
	status = wait_child(pid);
	CHECK_EXITED(status, 5, "clone: the child ran on a copy of the stack, exit 5");

	/*
	 * clone3 with a size of 0 fails: Linux 5.3+ says EINVAL (too small),
	 * Nest says ENOSYS (not implemented).  Only the failure is printed.
	 */
#ifndef SYS_clone3
#define SYS_clone3 435
#endif
	errno = 0;
	pid = syscall(SYS_clone3, NULL, 0);
	CHECK(pid == -1 && (errno == EINVAL || errno == ENOSYS),
	      "clone3: size 0 fails (EINVAL or ENOSYS)");
}

int main(int argc, char **argv)
{
	check_begin("fork_wait");
	test_exit_codes();
	test_killed();
	test_fork_ids();
	test_wait_any();
	test_wait4();
	test_copy_and_share(argc > 0 ? argv[0] : "/tests/fork_wait");
	test_raw_clone();
	return check_done();
}
