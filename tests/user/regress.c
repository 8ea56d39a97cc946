/*
 * tests/user/regress.c - the arguments that found kernel bugs, kept as
 * checks against Linux.  Each was found by the fuzzer (tests/fuzz/) on a
 * UBSan kernel (make UBSAN=1) or by the fault injection sweeps; the bug
 * was undefined behaviour in C, so a plain kernel may well have given the
 * right answer, and a UBSan kernel now reports any regression.
 *
 *	wait4(INT_MIN): -INT_MIN overflowed (kernel/exit.c)
 *	_llseek with the top bit of offset_high set: a signed shift
 *	  overflowed (fs/read_write.c)
 *	lseek(SEEK_CUR / SEEK_END) past the largest loff_t: the sum
 *	  overflowed, in files (fs/read_write.c) and in directories
 *	  (fs/libfs.c)
 *	a signal with a handler to a task whose stack pointer is near 0:
 *	  the frame's address wrapped, and the pointers into it overflowed
 *	  (kernel/signal_frame.c)
 *	init itself calling unshare(CLONE_NEWPID), then exiting: `leakcheck`
 *	  counted its nsproxy and the new namespace as leaked, since init's
 *	  namespaces were never released (kernel/exit.c, init_exited)
 */
#include <limits.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include "check.h"

#ifndef CLONE_NEWPID
#define CLONE_NEWPID	0x20000000	/* <linux/sched.h>; glibc's <sched.h> needs _GNU_SOURCE */
#endif
#define LLSEEK_HIGH_MAX	0x7fffffffUL	/* offset_high of the largest loff_t */
#define LOW_STACK	0x40		/* a child's stack pointer, near 0 */

/* _llseek(fd, high, low, &result, whence), raw: 0 or -1 with errno. */
static long llseek(int fd, unsigned long high, unsigned long low, long long *result,
		   int whence)
{
	return syscall(__NR__llseek, fd, high, low, result, whence);
}

static void on_segv(int sig)
{
	_exit(3);
}

/*
 * A child on a stack at LOW_STACK faults at once; its SIGSEGV handler
 * cannot get a frame below that, so it dies of SIGSEGV.
 */
static void test_low_stack(void)
{
	pid_t pid;

	set_handler(SIGSEGV, on_segv, 0);
	pid = syscall(SYS_clone, SIGCHLD, LOW_STACK, 0, 0, 0);
	if (pid == 0)
		_exit(4);	/* not reached: the return from syscall() faults */
	set_handler(SIGSEGV, SIG_DFL, 0);
	CHECK_KILLED(pid > 0 ? wait_child(pid) : -1, SIGSEGV,
		     "low stack: a handled SIGSEGV with no room for its frame kills");
}

/*
 * Last, as it changes init for good: init unshares its pid namespace and
 * forks one child into the new one, which is its pid 1.  Init then exits
 * still holding the nsproxy that points at the namespace; under
 * `leakcheck` the kernel must release both before it counts.
 */
static void test_init_unshare(void)
{
	pid_t pid;

	CHECK_EQ(syscall(SYS_unshare, CLONE_NEWPID), 0, "init unshare: CLONE_NEWPID");
	pid = fork();
	if (pid == 0)
		_exit(getpid() == 1 ? 0 : 1);
	CHECK_EXITED(pid > 0 ? wait_child(pid) : -1, 0,
		     "init unshare: the next child is pid 1 of the new namespace");
}

int main(int argc, char **argv)
{
	long long pos;
	int fd, dir;

	check_begin("regress");
	CHECK_ERR(waitpid(INT_MIN, NULL, WNOHANG), ESRCH, "wait4: pid INT_MIN");
	CHECK_ERR(kill(INT_MIN, 0), ESRCH, "kill: pid INT_MIN");

	fd = open(argv[0], O_RDONLY);
	CHECK(fd >= 0, "llseek: the test's own file opens");
	CHECK_ERR(llseek(fd, 0xffffffffUL, 0xffffffffUL, &pos, SEEK_SET), EINVAL,
		  "llseek: offset -1 (offset_high 0xffffffff)");
	CHECK_ERR(llseek(fd, 0x80000000UL, 0, &pos, SEEK_SET), EINVAL,
		  "llseek: the most negative offset");
	CHECK_EQ(llseek(fd, 0, 16, &pos, SEEK_SET), 0, "llseek: to 16");
	CHECK_ERR(llseek(fd, LLSEEK_HIGH_MAX, 0xffffffffUL, &pos, SEEK_CUR), EINVAL,
		  "llseek: SEEK_CUR past the largest offset");
	CHECK_ERR(llseek(fd, LLSEEK_HIGH_MAX, 0xffffffffUL, &pos, SEEK_END), EINVAL,
		  "llseek: SEEK_END past the largest offset");
	CHECK_EQ(lseek(fd, 0, SEEK_CUR), 16, "llseek: the position is still 16");
	close(fd);

	dir = open("/dev", O_RDONLY | O_DIRECTORY);
	CHECK(dir >= 0, "dir llseek: /dev opens");
	CHECK_EQ(llseek(dir, LLSEEK_HIGH_MAX, 0xffffffffUL, &pos, SEEK_SET), 0,
		 "dir llseek: SEEK_SET to the largest offset");
	CHECK_ERR(llseek(dir, 0, 1, &pos, SEEK_CUR), EINVAL,
		  "dir llseek: one more with SEEK_CUR");
	close(dir);

	test_low_stack();
	test_init_unshare();
	return check_done();
}
