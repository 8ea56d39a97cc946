/*
 * tests/user/lab3_nice.c - lab 3: nice values through getpriority (96),
 * setpriority (97) and nice (34), with Linux's semantics.  Each part can
 * run alone (its name as the argument; the grader runs them one by one):
 *
 *	process	get and set by pid (0, the caller's own, a child's), the raw
 *		call's 20 - nice, clamping to -20..19, /proc/PID/stat's
 *		priority and nice
 *	inherit	a child starts at its parent's nice value, through two
 *		generations and into a new pid namespace; changes do not
 *		flow back up
 *	errors	EINVAL for a bad which (before anything else), ESRCH for a
 *		pid, group or user with no process, a failed call changes
 *		nothing
 *	groups	PRIO_PGRP on the caller's own group and on another (the
 *		lowest nice of the group), PRIO_USER inside a new pid
 *		namespace (only the processes it can see)
 *	nice	nice()'s new value, the raw call's 0, clamping at 19 and
 *		-20, nice(0)
 *
 * Every part starts and ends at nice 0.  The test is root (on Linux it runs
 * as root, on Nest everyone is), so lowering a nice value is allowed; the
 * EACCES/EPERM of an unprivileged caller are not checked.  Pids are
 * printed only as relations.  PRIO_USER is used only inside a namespace the
 * test makes: on the host, outside one, it would reach every root process.
 */
#include "proc.h"	/* first: pidns.h asks glibc for clone() and CLONE_* */
#include <limits.h>
#include <sys/resource.h>

#define NICE_NAME	"lab3_nice"
#define RAW_PRIO(nice)	(20 - (nice))	/* what the raw getpriority returns */
#define STAT_PRIO_FIELD	18		/* /proc/PID/stat: priority, 20 + nice */
#define STAT_NICE_FIELD	19		/* /proc/PID/stat: nice */

static long raw_getpriority(int which, int who)
{
	return syscall(SYS_getpriority, which, who);
}

/* The caller's nice value (errno cleared first, since -1 is a valid one). */
static int my_nice(void)
{
	errno = 0;
	return getpriority(PRIO_PROCESS, 0);
}

/* Field @n (1-based, as proc(5) counts) of /proc/@pid/stat as a number, or -999. */
static long stat_field(pid_t pid, int n)
{
	char path[64], text[TEXT_SIZE], *p;
	int i;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	if (read_text(path, text, sizeof(text)) <= 0 || !(p = strrchr(text, ')')))
		return -999;
	/* Field 2 ends at the last ')'; field 3 starts after the space. */
	for (i = 2; i < n && p; i++)
		p = strchr(p + 1, ' ');
	return p ? strtol(p + 1, NULL, 10) : -999;
}

/*
 * A child that waits on a gate and then exits with 20 + its own nice value
 * (so -20..19 fit in an exit status).  The caller closes gate[1] to let it
 * go.
 */
static pid_t spawn_sleeper(int gate[2])
{
	pid_t pid;

	if (pipe(gate) < 0)
		return -1;
	pid = fork();
	if (pid == 0) {
		close(gate[1]);
		wait_eof(gate[0]);
		_exit(20 + my_nice());
	}
	close(gate[0]);
	return pid;
}

/* Let a sleeper go; its exit status (20 + its nice value) or -1. */
static int reap_sleeper(pid_t pid, int gate[2])
{
	int status;

	close(gate[1]);
	status = wait_child(pid);
	return status >= 0 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void part_process(void)
{
	int gate[2];
	pid_t pid;

	CHECK_EQ(getpriority(PRIO_PROCESS, 0), 0, "process: getpriority(PRIO_PROCESS, 0) is 0");
	CHECK_EQ(setpriority(PRIO_PROCESS, 0, 5), 0, "process: setpriority(PRIO_PROCESS, 0, 5)");
	CHECK_EQ(getpriority(PRIO_PROCESS, 0), 5, "process: then getpriority says 5");
	CHECK_EQ(raw_getpriority(PRIO_PROCESS, 0), RAW_PRIO(5),
		 "process: the raw getpriority returns 20 - nice: 15");
	CHECK_EQ(stat_field(getpid(), STAT_NICE_FIELD), 5, "process: /proc/self/stat: nice 5");
	CHECK_EQ(stat_field(getpid(), STAT_PRIO_FIELD), 25, "process: /proc/self/stat: priority 25");

	CHECK_EQ(setpriority(PRIO_PROCESS, getpid(), -3), 0,
		 "process: setpriority by its own pid to -3 (lower: root may)");
	CHECK_EQ(getpriority(PRIO_PROCESS, getpid()), -3, "process: getpriority by its own pid: -3");
	CHECK_EQ(raw_getpriority(PRIO_PROCESS, 0), RAW_PRIO(-3), "process: raw getpriority: 23");
	setpriority(PRIO_PROCESS, 0, -1);
	CHECK(my_nice() == -1 && errno == 0, "process: nice -1 reads as -1 with errno 0");

	CHECK_EQ(setpriority(PRIO_PROCESS, 0, 100), 0, "process: setpriority to 100 succeeds");
	CHECK_EQ(my_nice(), 19, "process: clamped to 19");
	CHECK_EQ(raw_getpriority(PRIO_PROCESS, 0), 1, "process: raw getpriority at 19: 1");
	setpriority(PRIO_PROCESS, 0, 0);
	CHECK_EQ(setpriority(PRIO_PROCESS, 0, PRIO_MAX), 0, "process: setpriority to PRIO_MAX (20)");
	CHECK_EQ(my_nice(), 19, "process: clamped to 19");
	CHECK_EQ(setpriority(PRIO_PROCESS, 0, INT_MAX), 0, "process: setpriority to INT_MAX");
	CHECK_EQ(my_nice(), 19, "process: clamped to 19");
	CHECK_EQ(setpriority(PRIO_PROCESS, 0, -100), 0, "process: setpriority to -100");
	CHECK_EQ(my_nice(), -20, "process: clamped to -20");
	CHECK_EQ(raw_getpriority(PRIO_PROCESS, 0), 40, "process: raw getpriority at -20: 40");
	CHECK_EQ(stat_field(getpid(), STAT_PRIO_FIELD), 0, "process: /proc/self/stat: priority 0");
	setpriority(PRIO_PROCESS, 0, 0);
	CHECK_EQ(setpriority(PRIO_PROCESS, 0, INT_MIN), 0, "process: setpriority to INT_MIN");
	CHECK_EQ(my_nice(), -20, "process: clamped to -20");
	setpriority(PRIO_PROCESS, 0, 0);

	pid = spawn_sleeper(gate);
	CHECK(pid > 0, "process: a child waits");
	CHECK_EQ(setpriority(PRIO_PROCESS, pid, 7), 0, "process: setpriority(child, 7)");
	CHECK_EQ(getpriority(PRIO_PROCESS, pid), 7, "process: getpriority(child) is 7");
	CHECK_EQ(stat_field(pid, STAT_NICE_FIELD), 7, "process: /proc/CHILD/stat: nice 7");
	CHECK_EQ(my_nice(), 0, "process: the caller is still at 0");
	CHECK_EQ(setpriority(PRIO_PROCESS, pid, -4), 0,
		 "process: setpriority(child, -4) (lower another's: root may)");
	CHECK_EQ(reap_sleeper(pid, gate), 20 - 4, "process: the child sees its own nice value -4");
}

/* A second generation: the child's own change, and what its child inherits. */
static void inherit_child(void)
{
	pid_t pid;
	int status;

	CHECK_EQ(my_nice(), 6, "inherit: the child starts at its parent's 6");
	CHECK_EQ(nice(4), 10, "inherit: the child's nice(4) makes it 10");
	pid = fork();
	if (pid == 0)
		_exit(20 + my_nice());
	status = wait_child(pid);
	CHECK_EXITED(status, 20 + 10, "inherit: the grandchild starts at 10");
}

/* Inside a new pid namespace: its init inherited the nice value too. */
static void inherit_ns_init(void)
{
	CHECK_EQ(my_nice(), 6, "inherit: the init of a new pid namespace starts at 6");
}

static void part_inherit(void)
{
	int gate[2];
	pid_t pid;

	CHECK_EQ(setpriority(PRIO_PROCESS, 0, 6), 0, "inherit: the parent sets 6");
	in_child("inherit", inherit_child);
	CHECK_EQ(my_nice(), 6, "inherit: the parent is still at 6");
	in_new_ns("inherit", inherit_ns_init);

	pid = spawn_sleeper(gate);
	CHECK_EQ(getpriority(PRIO_PROCESS, pid), 6, "inherit: a new child is at 6");
	CHECK_EQ(setpriority(PRIO_PROCESS, 0, 2), 0, "inherit: the parent changes to 2");
	CHECK_EQ(getpriority(PRIO_PROCESS, pid), 6, "inherit: the child, already born, stays at 6");
	CHECK_EQ(reap_sleeper(pid, gate), 20 + 6, "inherit: and sees 6 itself");
	setpriority(PRIO_PROCESS, 0, 0);
}

static void part_errors(void)
{
	int gate[2];
	pid_t pid, dead;

	CHECK_ERR(getpriority(3, 0), EINVAL, "errors: getpriority(3, 0)");
	CHECK_ERR(getpriority(-1, 0), EINVAL, "errors: getpriority(-1, 0)");
	CHECK_ERR(setpriority(3, 0, 1), EINVAL, "errors: setpriority(3, 0, 1)");
	CHECK_ERR(setpriority(-1, 0, 1), EINVAL, "errors: setpriority(-1, 0, 1)");
	CHECK_ERR(raw_getpriority(PRIO_USER + 1, 0), EINVAL, "errors: raw getpriority(3, 0)");
	CHECK_EQ(my_nice(), 0, "errors: the failed calls changed nothing");

	dead = fork();
	if (dead == 0)
		_exit(0);
	wait_child(dead);
	CHECK_ERR(getpriority(PRIO_PROCESS, dead), ESRCH, "errors: getpriority(a reaped child's pid)");
	CHECK_ERR(setpriority(PRIO_PROCESS, dead, 1), ESRCH,
		  "errors: setpriority(a reaped child's pid)");
	CHECK_ERR(setpriority(4, dead, 1), EINVAL,
		  "errors: a bad which comes before a missing pid");
	CHECK_ERR(getpriority(PRIO_PROCESS, -1), ESRCH, "errors: getpriority(PRIO_PROCESS, -1)");
	CHECK_ERR(getpriority(PRIO_PGRP, dead), ESRCH, "errors: getpriority(PRIO_PGRP, no such group)");
	CHECK_ERR(setpriority(PRIO_PGRP, dead, 1), ESRCH,
		  "errors: setpriority(PRIO_PGRP, no such group)");

	pid = spawn_sleeper(gate);
	CHECK_ERR(getpriority(PRIO_PGRP, pid), ESRCH,
		  "errors: getpriority(PRIO_PGRP, a child's pid, not a group)");
	CHECK_ERR(setpriority(PRIO_PGRP, pid, 1), ESRCH,
		  "errors: setpriority(PRIO_PGRP, a child's pid, not a group)");
	CHECK_EQ(reap_sleeper(pid, gate), 20, "errors: the child was not changed");

	CHECK_ERR(getpriority(PRIO_USER, 12345), ESRCH, "errors: getpriority(PRIO_USER, 12345)");
	CHECK_ERR(setpriority(PRIO_USER, 12345, 1), ESRCH, "errors: setpriority(PRIO_USER, 12345)");
	CHECK_EQ(my_nice(), 0, "errors: the caller is still at 0");
}

/*
 * A process group of its own (so the groups part never reaches the
 * harness's group on the host): the leader L, a member M, and O, a child
 * in another group.  L prints.
 */
static void groups_leader(void)
{
	int gate_m[2], gate_o[2];
	pid_t m, o;

	CHECK_EQ(setpgid(0, 0), 0, "groups: a child makes its own process group");
	m = spawn_sleeper(gate_m);
	o = spawn_sleeper(gate_o);
	setpgid(o, o);	/* before the sleeper can ask: no race */
	CHECK_EQ(getpgid(m), getpid(), "groups: one child in the group, one in its own");

	CHECK_EQ(setpriority(PRIO_PGRP, 0, 6), 0, "groups: setpriority(PRIO_PGRP, 0, 6)");
	CHECK_EQ(my_nice(), 6, "groups: the leader is at 6");
	CHECK_EQ(getpriority(PRIO_PROCESS, m), 6, "groups: the member is at 6");
	CHECK_EQ(getpriority(PRIO_PROCESS, o), 0, "groups: the other group's child is still at 0");
	CHECK_EQ(getpriority(PRIO_PGRP, 0), 6, "groups: getpriority(PRIO_PGRP, 0) is 6");
	CHECK_EQ(getpriority(PRIO_PGRP, getpgrp()), 6, "groups: getpriority(PRIO_PGRP, getpgrp()) too");

	CHECK_EQ(setpriority(PRIO_PROCESS, m, 2), 0, "groups: the member alone to 2");
	CHECK_EQ(getpriority(PRIO_PGRP, 0), 2, "groups: the group's is its lowest nice value: 2");
	CHECK_EQ(raw_getpriority(PRIO_PGRP, 0), RAW_PRIO(2), "groups: raw: 18");
	CHECK_EQ(setpriority(PRIO_PROCESS, 0, -7), 0, "groups: the leader to -7");
	CHECK_EQ(getpriority(PRIO_PGRP, 0), -7, "groups: now the group's is -7");

	CHECK_EQ(setpriority(PRIO_PGRP, o, 9), 0, "groups: setpriority(PRIO_PGRP, other group, 9)");
	CHECK_EQ(getpriority(PRIO_PGRP, o), 9, "groups: getpriority(PRIO_PGRP, other group) is 9");
	CHECK_EQ(my_nice(), -7, "groups: the leader is still at -7");
	/* O first: it was forked holding M's gate open too. */
	CHECK_EQ(reap_sleeper(o, gate_o), 20 + 9, "groups: the other group's child saw 9");
	CHECK_EQ(reap_sleeper(m, gate_m), 20 + 2, "groups: the member saw 2");
}

/*
 * PRIO_USER names every process of a user the caller can see.  Nest has
 * no users (everyone is root); the host test is root.  Inside a new
 * namespace only the namespace's processes are visible: its init (this)
 * and a child.
 */
static void groups_user_ns(void)
{
	int gate[2];
	pid_t pid;

	pid = spawn_sleeper(gate);
	CHECK_EQ(setpriority(PRIO_PROCESS, 1, 3), 0,
		 "groups: in a new namespace, setpriority(PRIO_PROCESS, 1, 3) is its init");
	CHECK_EQ(my_nice(), 3, "groups: the init is at 3");
	CHECK_EQ(getpriority(PRIO_USER, 0), 0, "groups: getpriority(PRIO_USER, 0): the child's 0");
	CHECK_EQ(setpriority(PRIO_USER, 0, 8), 0, "groups: setpriority(PRIO_USER, 0, 8)");
	CHECK_EQ(my_nice(), 8, "groups: the init is at 8");
	CHECK_EQ(getpriority(PRIO_PROCESS, pid), 8, "groups: its child is at 8");
	CHECK_EQ(reap_sleeper(pid, gate), 20 + 8, "groups: the child saw 8");
}

static void part_groups(void)
{
	in_child("groups", groups_leader);
	in_new_ns("groups", groups_user_ns);
	CHECK_EQ(my_nice(), 0, "groups: the test itself is still at 0");
}

static void part_nice(void)
{
	CHECK_EQ(syscall(SYS_nice, 3), 0, "nice: the raw nice(3) returns 0");
	CHECK_EQ(my_nice(), 3, "nice: and the caller is at 3");
	CHECK_EQ(syscall(SYS_nice, -5), 0, "nice: the raw nice(-5) returns 0 (root may)");
	CHECK_EQ(my_nice(), -2, "nice: at -2");
	CHECK_EQ(syscall(SYS_nice, INT_MAX), 0, "nice: the raw nice(INT_MAX) returns 0");
	CHECK_EQ(my_nice(), 19, "nice: clamped at 19");
	CHECK_EQ(syscall(SYS_nice, INT_MIN), 0, "nice: the raw nice(INT_MIN) returns 0");
	CHECK_EQ(my_nice(), -20, "nice: clamped at -20");
	setpriority(PRIO_PROCESS, 0, 0);

	CHECK_EQ(nice(5), 5, "nice: nice(5) returns the new value 5");
	CHECK_EQ(nice(0), 5, "nice: nice(0) returns the current 5");
	CHECK_EQ(nice(10), 15, "nice: nice(10) returns 15");
	CHECK_EQ(nice(10), 19, "nice: nice(10) again stops at 19");
	CHECK_EQ(nice(-30), -11, "nice: nice(-30) returns -11");
	CHECK_EQ(nice(-30), -20, "nice: nice(-30) again stops at -20");
	errno = 0;
	CHECK(nice(19) == -1 && errno == 0, "nice: nice(19) returns -1, a value, errno 0");
	CHECK_EQ(my_nice(), -1, "nice: getpriority agrees: -1");
	setpriority(PRIO_PROCESS, 0, 0);
}

static const struct {
	const char *name;
	void (*fn)(void);
} parts[] = {
	{ "process", part_process },
	{ "inherit", part_inherit },
	{ "errors", part_errors },
	{ "groups", part_groups },
	{ "nice", part_nice },
};

/* Is part @name asked for?  No arguments: every part. */
static int wanted(const char *name, int argc, char **argv)
{
	int i;

	if (argc < 2)
		return 1;
	for (i = 1; i < argc; i++)
		if (!strcmp(argv[i], name))
			return 1;
	return 0;
}

int main(int argc, char **argv)
{
	unsigned int i;
	int ret;

	pidns_begin(NICE_NAME);
	/* The host may have started the test at another nice value. */
	ret = setpriority(PRIO_PROCESS, 0, 0);
	check_why(ret == 0, ret ? errno_name(errno) : "", "start: setpriority(PRIO_PROCESS, 0, 0)");
	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		if (!wanted(parts[i].name, argc, argv))
			continue;
		parts[i].fn();
		/* Each part ends where it started, so the next one can count on it. */
		setpriority(PRIO_PROCESS, 0, 0);
	}
	return pidns_done();
}
