/*
 * tests/user/efault.c - every pointer a system call takes is checked: given
 * NULL, a kernel address (0xC0001000) or an unmapped user page, the call
 * fails with EFAULT and the process lives on.  Where Linux accepts NULL
 * ("no status wanted", "no old action"), the NULL case checks that instead.
 *
 * The raw calls go through syscall(SYS_x, ...) so no C library wrapper gets
 * in the way (glibc, for one, reads sigaction's act itself, allocates for
 * getcwd(NULL) and uses vDSO/time64 calls).
 *
 * Rules learned from Linux that are easy to miss:
 *   - waitpid/wait4 with a bad status pointer reap the child first and then
 *     fail: the next wait says ECHILD.
 *   - nanosleep writes rem only when interrupted: a bad rem is not noticed.
 *   - pipe() with a bad array leaks no fds.
 *   - execve checks the file before argv/envp, so those cases use a real
 *     program (this one; if an exec ever succeeded, the "exec-guard"
 *     argument or the EFAULT_TEST variable makes it report that instead of
 *     running the test again).
 */
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include "check.h"

#define KERNEL_ADDR	0xC0001000UL
#define PAGE_SIZE	4096
#define KERNEL_SIGSET	8

static struct {
	const char *name;
	void *addr;
} bad[3];

static const char *self;

/* Addresses: NULL, the kernel's half, and a page that was unmapped. */
static void setup_addresses(void)
{
	void *page =
		mmap(NULL, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	CHECK(page != MAP_FAILED, "setup: mmap one page");
	CHECK_EQ(munmap(page, PAGE_SIZE), 0, "setup: munmap it again");
	bad[0].name = "NULL";
	bad[0].addr = NULL;
	bad[1].name = "kernel";
	bad[1].addr = (void *)KERNEL_ADDR;
	bad[2].name = "unmapped";
	bad[2].addr = page;
}

static void test_io(void)
{
	int fd = open(self, O_RDONLY), fds[2], i, lowest;
	char buf[16];

	for (i = 0; i < 3; i++) {
		CHECK_ERR(syscall(SYS_read, fd, bad[i].addr, 16), EFAULT, "read(file, %s)",
			  bad[i].name);
		CHECK_ERR(syscall(SYS_open, bad[i].addr, O_RDONLY), EFAULT, "open(%s)",
			  bad[i].name);
		CHECK_ERR(syscall(SYS_chdir, bad[i].addr), EFAULT, "chdir(%s)", bad[i].name);
	}
	CHECK_EQ(read(fd, buf, 4), 4, "read: the file offset did not move");
	CHECK(memcmp(buf, "\177ELF", 4) == 0, "read: the first read still gets the ELF magic");
	close(fd);

	pipe(fds);
	write(fds[1], "0123456789", 10);
	for (i = 0; i < 3; i++) {
		CHECK_ERR(syscall(SYS_write, fds[1], bad[i].addr, 16), EFAULT, "write(pipe, %s)",
			  bad[i].name);
		CHECK_ERR(syscall(SYS_read, fds[0], bad[i].addr, 16), EFAULT, "read(pipe, %s)",
			  bad[i].name);
	}
	close(fds[1]);
	while (read(fds[0], buf, sizeof(buf)) > 0) /* whatever is left */
		;
	close(fds[0]);

	lowest = dup(0);
	close(lowest);
	for (i = 0; i < 3; i++)
		CHECK_ERR(syscall(SYS_pipe, bad[i].addr), EFAULT, "pipe(%s)", bad[i].name);
	fd = dup(0);
	CHECK(fd == lowest, "pipe: the failed calls left no fd open");
	close(fd);
}

static void test_wait(void)
{
	int status, i;
	pid_t child;

	for (i = 0; i < 3; i++) {
		child = fork();
		if (child == 0)
			_exit(0);
		if (bad[i].addr == NULL) {
			CHECK(syscall(SYS_waitpid, child, NULL, 0) == child,
			      "waitpid(status NULL) is allowed: returns the child");
			continue;
		}
		CHECK_ERR(syscall(SYS_waitpid, child, bad[i].addr, 0), EFAULT, "waitpid(status %s)",
			  bad[i].name);
		CHECK_ERR(waitpid(child, &status, 0), ECHILD,
			  "waitpid: the child was reaped anyway");
	}
	for (i = 0; i < 3; i++) {
		child = fork();
		if (child == 0)
			_exit(0);
		if (bad[i].addr == NULL) {
			CHECK(syscall(SYS_wait4, child, NULL, 0, NULL) == child,
			      "wait4(status NULL) is allowed: returns the child");
			continue;
		}
		CHECK_ERR(syscall(SYS_wait4, child, bad[i].addr, 0, NULL), EFAULT,
			  "wait4(status %s)", bad[i].name);
		CHECK_ERR(waitpid(child, &status, 0), ECHILD, "wait4: the child was reaped anyway");
	}
}

static void test_signals(void)
{
	unsigned long set[2] = { 0, 0 };
	int i;

	for (i = 0; i < 3; i++) {
		if (bad[i].addr == NULL)
			continue; /* NULL act/oact/set/oset means "none" */
		CHECK_ERR(syscall(SYS_rt_sigaction, SIGUSR1, bad[i].addr, NULL, KERNEL_SIGSET),
			  EFAULT, "rt_sigaction(act %s)", bad[i].name);
		CHECK_ERR(syscall(SYS_rt_sigaction, SIGUSR1, NULL, bad[i].addr, KERNEL_SIGSET),
			  EFAULT, "rt_sigaction(oact %s)", bad[i].name);
		CHECK_ERR(syscall(SYS_rt_sigprocmask, SIG_BLOCK, bad[i].addr, NULL, KERNEL_SIGSET),
			  EFAULT, "rt_sigprocmask(set %s)", bad[i].name);
		CHECK_ERR(syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, bad[i].addr, KERNEL_SIGSET),
			  EFAULT, "rt_sigprocmask(oset %s)", bad[i].name);
	}
	CHECK_EQ(syscall(SYS_rt_sigaction, SIGUSR1, NULL, NULL, KERNEL_SIGSET), 0,
		 "rt_sigaction(NULL, NULL) is allowed");
	CHECK_EQ(syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, set, KERNEL_SIGSET), 0,
		 "rt_sigprocmask(set NULL) is allowed: reads the mask");
	for (i = 0; i < 3; i++) {
		CHECK_ERR(syscall(SYS_rt_sigpending, bad[i].addr, KERNEL_SIGSET), EFAULT,
			  "rt_sigpending(%s)", bad[i].name);
		CHECK_ERR(syscall(SYS_rt_sigsuspend, bad[i].addr, KERNEL_SIGSET), EFAULT,
			  "rt_sigsuspend(%s)", bad[i].name);
	}
}

static void test_time_and_names(void)
{
	struct timespec ts = { 0, 1000 };
	int i;

	for (i = 0; i < 3; i++) {
		CHECK_ERR(syscall(SYS_nanosleep, bad[i].addr, NULL), EFAULT, "nanosleep(req %s)",
			  bad[i].name);
		CHECK_ERR(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, bad[i].addr), EFAULT,
			  "clock_gettime(MONOTONIC, %s)", bad[i].name);
		CHECK_ERR(syscall(SYS_clock_gettime, CLOCK_REALTIME, bad[i].addr), EFAULT,
			  "clock_gettime(REALTIME, %s)", bad[i].name);
		CHECK_ERR(syscall(SYS_uname, bad[i].addr), EFAULT, "uname(%s)", bad[i].name);
		CHECK_ERR(syscall(SYS_getcwd, bad[i].addr, 256), EFAULT, "getcwd(%s, 256)",
			  bad[i].name);
	}
	CHECK_EQ(syscall(SYS_nanosleep, &ts, bad[1].addr), 0,
		 "nanosleep(rem kernel) uninterrupted: 0, rem is not written");
	CHECK_EQ(syscall(SYS_nanosleep, &ts, bad[2].addr), 0,
		 "nanosleep(rem unmapped) uninterrupted: 0");
}

static void test_execve(void)
{
	char *good_argv[] = { (char *)self, "exec-guard", NULL };
	char *good_envp[] = { "EFAULT_TEST=1", NULL };
	char *bad_argv[3] = { (char *)self, NULL, NULL };
	int i;

	for (i = 0; i < 3; i++) {
		CHECK_ERR(syscall(SYS_execve, bad[i].addr, good_argv, good_envp), EFAULT,
			  "execve(path %s)", bad[i].name);
		if (bad[i].addr == NULL)
			continue; /* NULL argv and envp are allowed */
		CHECK_ERR(syscall(SYS_execve, self, bad[i].addr, good_envp), EFAULT,
			  "execve(argv %s)", bad[i].name);
		CHECK_ERR(syscall(SYS_execve, self, good_argv, bad[i].addr), EFAULT,
			  "execve(envp %s)", bad[i].name);
		bad_argv[1] = bad[i].addr;
		CHECK_ERR(syscall(SYS_execve, self, bad_argv, good_envp), EFAULT,
			  "execve(argv[1] %s)", bad[i].name);
		CHECK_ERR(syscall(SYS_execve, self, good_argv, bad_argv), EFAULT,
			  "execve(envp[1] %s)", bad[i].name);
	}
}

int main(int argc, char **argv)
{
	if ((argc > 1 && strcmp(argv[1], "exec-guard") == 0) || getenv("EFAULT_TEST")) {
		say("efault: an execve that should have failed ran the program: FAIL");
		return 1;
	}
	self = argc > 0 ? argv[0] : "/tests/efault";
	check_begin("efault");
	setup_addresses();
	test_io();
	test_wait();
	test_signals();
	test_time_and_names();
	test_execve();
	CHECK_EQ(getpid(), 1, "efault: the test is still running, as pid 1");
	return check_done();
}
