/*
 * tests/user/misc.c - the smaller calls: chdir/getcwd (and the raw getcwd's
 * return value), uname, clock_gettime and nanosleep, sched_yield,
 * prctl(PR_SET_NAME/PR_GET_NAME), and ENOSYS for numbers that are not
 * system calls.
 *
 * Nothing here prints a name, a time or a path that could differ: uname's
 * strings are only checked to be there; clocks only to move forward by at
 * least what was slept.
 */
#include <sched.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include "check.h"

#define SLEEP_MS	20
#define NSEC_PER_SEC	1000000000L

static const char *self;

static int child_chdir(void)
{
	char buf[64];

	if (chdir("/tmp") != 0)
		return 1;
	if (!getcwd(buf, sizeof(buf)) || strcmp(buf, "/tmp") != 0)
		return 2;
	return 0;
}

static void test_cwd(void)
{
	char buf[256], path[256];

	CHECK_EQ(chdir("/"), 0, "cwd: chdir(\"/\")");
	CHECK(getcwd(buf, sizeof(buf)) == buf && strcmp(buf, "/") == 0, "cwd: getcwd says \"/\"");
	CHECK_EQ(syscall(SYS_getcwd, buf, sizeof(buf)), 2,
		 "cwd: the raw getcwd returns 2, the length with its NUL");
	CHECK_EQ(chdir("tmp"), 0, "cwd: chdir(\"tmp\"), relative");
	CHECK(getcwd(buf, sizeof(buf)) && strcmp(buf, "/tmp") == 0, "cwd: getcwd says \"/tmp\"");
	CHECK_EQ(syscall(SYS_getcwd, buf, sizeof(buf)), 5, "cwd: the raw getcwd returns 5");
	CHECK(getcwd(buf, 4) == NULL && errno == ERANGE, "cwd: getcwd into 4 bytes: ERANGE");
	CHECK_EQ(syscall(SYS_getcwd, buf, 5), 5, "cwd: the raw getcwd into exactly 5 bytes fits");
	CHECK_ERR(syscall(SYS_getcwd, buf, 4), ERANGE, "cwd: the raw getcwd into 4 bytes");
	CHECK_EQ(chdir(".."), 0, "cwd: chdir(\"..\")");
	CHECK(getcwd(buf, sizeof(buf)) && strcmp(buf, "/") == 0, "cwd: back at \"/\"");
	CHECK_EQ(chdir("/.."), 0, "cwd: chdir(\"/..\") stays at the root");
	CHECK(getcwd(buf, sizeof(buf)) && strcmp(buf, "/") == 0, "cwd: still \"/\"");

	CHECK_ERR(chdir("/nonexistent"), ENOENT, "cwd: chdir to a missing directory");
	CHECK_ERR(chdir(""), ENOENT, "cwd: chdir(\"\")");
	CHECK_ERR(chdir(self), ENOTDIR, "cwd: chdir to a file");
	snprintf(path, sizeof(path), "%s/x", self);
	CHECK_ERR(chdir(path), ENOTDIR, "cwd: chdir through a file");

	CHECK_EXITED(run_child(child_chdir), 0,
		     "cwd: a child's chdir(\"/tmp\") works for the child");
	CHECK(getcwd(buf, sizeof(buf)) && strcmp(buf, "/") == 0,
	      "cwd: and leaves the parent at \"/\"");
}

static int terminated(const char *s, int size)
{
	return memchr(s, '\0', size) != NULL;
}

static void test_uname(void)
{
	struct utsname u;

	memset(&u, 0xff, sizeof(u));
	CHECK_EQ(uname(&u), 0, "uname: succeeds");
	CHECK(terminated(u.sysname, sizeof(u.sysname)) && u.sysname[0],
	      "uname: sysname is a non-empty string");
	CHECK(terminated(u.release, sizeof(u.release)) && u.release[0],
	      "uname: release is a non-empty string");
	CHECK(terminated(u.machine, sizeof(u.machine)) && u.machine[0],
	      "uname: machine is a non-empty string");
	CHECK(terminated(u.nodename, sizeof(u.nodename)) &&
		      terminated(u.version, sizeof(u.version)),
	      "uname: nodename and version are strings");
}

static long long ns(const struct timespec *t)
{
	return (long long)t->tv_sec * NSEC_PER_SEC + t->tv_nsec;
}

static void test_clock(void)
{
	struct timespec a, b, req = { 0, SLEEP_MS * 1000000L };
	int i, forward = 1;

	CHECK_EQ(clock_gettime(CLOCK_MONOTONIC, &a), 0, "clock: CLOCK_MONOTONIC");
	CHECK(a.tv_nsec >= 0 && a.tv_nsec < NSEC_PER_SEC, "clock: tv_nsec is below one second");
	for (i = 0; i < 1000; i++) {
		clock_gettime(CLOCK_MONOTONIC, &b);
		if (ns(&b) < ns(&a))
			forward = 0;
		a = b;
	}
	CHECK(forward, "clock: 1000 readings never go backwards");
	clock_gettime(CLOCK_MONOTONIC, &a);
	CHECK_EQ(nanosleep(&req, NULL), 0, "clock: nanosleep of %d ms", SLEEP_MS);
	clock_gettime(CLOCK_MONOTONIC, &b);
	CHECK(ns(&b) - ns(&a) >= SLEEP_MS * 1000000LL, "clock: at least %d ms passed", SLEEP_MS);

	CHECK_EQ(clock_gettime(CLOCK_REALTIME, &a), 0, "clock: CLOCK_REALTIME");
	CHECK(a.tv_nsec >= 0 && a.tv_nsec < NSEC_PER_SEC, "clock: its tv_nsec is below one second");
	CHECK_ERR(syscall(SYS_clock_gettime, 1000, &a), EINVAL, "clock: clock id 1000");

	req.tv_nsec = NSEC_PER_SEC;
	CHECK_ERR(nanosleep(&req, NULL), EINVAL, "nanosleep: tv_nsec of one second");
	req.tv_sec = -1;
	req.tv_nsec = 0;
	CHECK_ERR(nanosleep(&req, NULL), EINVAL, "nanosleep: negative tv_sec");
	req.tv_sec = 0;
	CHECK_EQ(nanosleep(&req, NULL), 0, "nanosleep: zero time returns 0");
}

static void test_misc(void)
{
	char name[16] = "";

	CHECK_EQ(sched_yield(), 0, "sched_yield: returns 0");
	CHECK_EQ(prctl(PR_SET_NAME, "nest-test", 0, 0, 0), 0, "prctl: PR_SET_NAME");
	CHECK_EQ(prctl(PR_GET_NAME, name, 0, 0, 0), 0, "prctl: PR_GET_NAME");
	CHECK(strcmp(name, "nest-test") == 0, "prctl: the name read back is \"nest-test\"");
	CHECK_EQ(prctl(PR_SET_NAME, "a-name-longer-than-15", 0, 0, 0), 0, "prctl: a long name");
	prctl(PR_GET_NAME, name, 0, 0, 0);
	CHECK(strcmp(name, "a-name-longer-t") == 0, "prctl: is cut to 15 bytes");

	CHECK_ERR(syscall(9999), ENOSYS, "syscall: number 9999");
	CHECK_ERR(syscall(-1), ENOSYS, "syscall: number -1");
	CHECK_ERR(syscall(0x7fffffff), ENOSYS, "syscall: number 0x7fffffff");
}

int main(int argc, char **argv)
{
	self = argc > 0 ? argv[0] : "/tests/misc";
	check_begin("misc");
	test_cwd();
	test_uname();
	test_clock();
	test_misc();
	return check_done();
}
