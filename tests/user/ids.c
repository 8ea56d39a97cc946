/*
 * tests/user/ids.c - process ids, process groups and sessions: getpid,
 * gettid, getppid, getpgid/setpgid, getsid/setsid, and kill() aimed at a
 * group (kill(0), kill(-pgid)) or at everyone (kill(-1)).
 *
 * The test is init.  At the start its process group and session are 0: on
 * Nest because init inherits them from the idle task, as on Linux; on Linux
 * under the harness because they belong to processes outside the pid
 * namespace.  After setsid() both are 1.
 */
#include <sys/syscall.h>
#include "check.h"

static pid_t start_sleeper(void)
{
	pid_t pid = fork();

	if (pid == 0) {
		for (;;)
			pause();
	}
	return pid;
}

static int child_ids(void)
{
	/* A child inherits the group and session; its parent is init. */
	if (getppid() != 1)
		return 1;
	if (getpgid(0) != 0 || getsid(0) != 0)
		return 2;
	if (syscall(SYS_gettid) != getpid())
		return 3;
	return 0;
}

static int child_setsid(void)
{
	pid_t me = getpid();

	if (setsid() != me)
		return 1;
	if (getsid(0) != me || getpgid(0) != me)
		return 2;
	if (setsid() != -1 || errno != EPERM) /* already a group leader */
		return 3;
	if (setpgid(0, 0) != -1 || errno != EPERM) /* a session leader stays put */
		return 4;
	return 0;
}

static int child_leader_setsid(void)
{
	/* A process group leader may not start a session. */
	if (setpgid(0, 0) != 0)
		return 1;
	return setsid() == -1 && errno == EPERM ? 0 : 2;
}

static void test_ids(void)
{
	CHECK_EQ(getpid(), 1, "ids: getpid() is 1");
	CHECK_EQ(syscall(SYS_gettid), 1, "ids: gettid() is 1, one thread");
	CHECK_EQ(getppid(), 0, "ids: getppid() is 0");
	CHECK_EQ(getpgid(0), 0, "ids: getpgid(0) is 0 before setsid");
	CHECK_EQ(getsid(0), 0, "ids: getsid(0) is 0 before setsid");
	CHECK_EQ(getpgid(1), 0, "ids: getpgid(1) is the same");
	CHECK_EXITED(run_child(child_ids), 0,
		     "ids: a child has ppid 1, group 0, session 0, tid = pid");
	CHECK_ERR(getpgid(30000), ESRCH, "ids: getpgid of a pid nobody has");
	CHECK_ERR(getsid(30000), ESRCH, "ids: getsid of a pid nobody has");
	CHECK_ERR(setpgid(30000, 0), ESRCH, "ids: setpgid of a pid nobody has");
	CHECK_ERR(setpgid(0, -1), EINVAL, "ids: setpgid to a negative group");
}

static void test_groups(void)
{
	pid_t a, b;
	int status;

	CHECK_EXITED(run_child(child_setsid), 0,
		     "setsid: a child leads a session and group; setsid again, setpgid: EPERM");
	CHECK_EXITED(run_child(child_leader_setsid), 0, "setsid: a group leader gets EPERM");

	/* The parent moves two children into a new group led by the first. */
	a = start_sleeper();
	b = start_sleeper();
	CHECK_EQ(setpgid(a, a), 0, "setpgid: the parent makes child A a group leader");
	CHECK(getpgid(a) == a, "setpgid: getpgid(A) is A");
	CHECK_EQ(setpgid(b, a), 0, "setpgid: and puts child B in A's group");
	CHECK(getpgid(b) == a, "setpgid: getpgid(B) is A");
	CHECK_ERR(setpgid(b, 30000), EPERM, "setpgid: to a group that does not exist");
	CHECK_EQ(kill(-a, SIGTERM), 0, "kill: kill(-A, SIGTERM) signals the group");
	status = wait_child(a);
	CHECK_KILLED(status, SIGTERM, "kill: A died of SIGTERM");
	status = wait_child(b);
	CHECK_KILLED(status, SIGTERM, "kill: B died of SIGTERM");
	CHECK_ERR(kill(-a, SIGTERM), ESRCH, "kill: the group is empty now");
}

static void test_init_session(void)
{
	pid_t a, b, c;

	CHECK_EQ(setsid(), 1, "setsid: init starts a session, returns 1");
	CHECK_EQ(getsid(0), 1, "setsid: getsid(0) is 1");
	CHECK_EQ(getpgid(0), 1, "setsid: getpgid(0) is 1");
	CHECK_ERR(setsid(), EPERM, "setsid: a second time");

	/* kill(0): init's group, init included; init drops its own SIGTERM. */
	a = start_sleeper();
	b = start_sleeper();
	CHECK(getpgid(a) == 1 && getsid(a) == 1, "kill: a new child is in group 1, session 1");
	CHECK_EQ(kill(0, SIGTERM), 0, "kill: kill(0, SIGTERM) from init");
	CHECK_KILLED(wait_child(a), SIGTERM, "kill: child A of the group died");
	CHECK_KILLED(wait_child(b), SIGTERM, "kill: child B of the group died");
	CHECK(!is_pending(SIGTERM), "kill: init, at SIG_DFL, dropped its own");

	/* kill(-1): everyone but the caller, whatever their group. */
	a = start_sleeper();
	b = start_sleeper();
	c = start_sleeper();
	setpgid(c, c);
	CHECK_EQ(kill(-1, SIGKILL), 0, "kill: kill(-1, SIGKILL) from init");
	CHECK_KILLED(wait_child(a), SIGKILL, "kill: child A died");
	CHECK_KILLED(wait_child(b), SIGKILL, "kill: child B died");
	CHECK_KILLED(wait_child(c), SIGKILL, "kill: child C, in its own group, died");
	CHECK_EQ(getpid(), 1, "kill: init is not among them");
	CHECK_ERR(kill(-1, SIGKILL), ESRCH, "kill: kill(-1) with no one else left");
}

int main(void)
{
	check_begin("ids");
	test_ids();
	test_groups();
	test_init_session();
	return check_done();
}
