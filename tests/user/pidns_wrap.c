/*
 * tests/user/pidns_wrap.c - a pid wrap-around inside a namespace.
 *
 * In a fresh namespace L, the init forks children that exit at once, one
 * after another: pids 2, 3, ... 32767, the last below pid_max (32768).
 * Freed numbers are not reused until then.  At the wrap the cursor
 * restarts at 300 (RESERVED_PIDS, since it had passed 300) and takes the
 * lowest free number from there; 302 and 303 are kept alive, so after the
 * wrap come 300, 301, then 304.  That is 32,769 allocations in L.
 *
 * pid_max on Linux: since 6.14 each pid namespace has its own pid_max
 * (/proc/sys/kernel/pid_max, as read and written from inside it), and a
 * new namespace starts with PID_MAX_LIMIT, 4194304 on a 64-bit kernel,
 * whatever the host's.  So on Linux the test's init first sets L's pid_max
 * to 32768 there; the parent namespaces still number these processes too,
 * and wrap on their own.  On Nest (i386) PID_MAX_LIMIT is 32768 already,
 * so set_pid_max() finds nothing to do; nothing about this is printed.
 * Before 6.14 pid_max is global: the test then leaves it alone, and the
 * checks fail unless it is 32768.
 */
#include "pidns.h"
#include <sys/utsname.h>

#define PID_MAX			32768
#define RESERVED_PIDS		300
#define PID_MAX_FILE		"/proc/sys/kernel/pid_max"
#define KEEP_A			302	/* kept alive across the wrap */
#define KEEP_B			303

/* per_ns_pid_max - Linux 6.14 or later: pid_max belongs to the namespace. */
static int per_ns_pid_max(void)
{
	struct utsname u;
	long major, minor;
	char *end;

	if (uname(&u) != 0)
		return 0;
	major = strtol(u.release, &end, 10);
	minor = *end == '.' ? strtol(end + 1, NULL, 10) : 0;
	return major > 6 || (major == 6 && minor >= 14);
}

/*
 * set_pid_max - on Linux, make this namespace's pid_max 32768.  Without
 * /proc (Nest) there is nothing to do.  Prints only on failure.
 */
static void set_pid_max(void)
{
	char buf[32];
	int fd = open(PID_MAX_FILE, O_RDONLY), n;

	if (fd < 0)
		return;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	buf[n > 0 ? n : 0] = '\0';
	if (atoi(buf) == PID_MAX)
		return;
	if (!per_ns_pid_max()) {
		say("    (pid_max is %d and global here: the wrap cannot be %d's)", atoi(buf),
		    PID_MAX);
		return;
	}
	snprintf(buf, sizeof(buf), "%d\n", PID_MAX);
	fd = open(PID_MAX_FILE, O_WRONLY);
	if (fd < 0 || write(fd, buf, strlen(buf)) != (ssize_t)strlen(buf))
		say("    (cannot set this namespace's pid_max: %s)", errno_name(errno));
	if (fd >= 0)
		close(fd);
}

/* child - exit at once, unless this pid is one of the two kept alive. */
static pid_t spawn(void)
{
	pid_t pid = fork();

	if (pid == 0) {
		if (getpid() == KEEP_A || getpid() == KEEP_B)
			sleep_forever();
		_exit(0);
	}
	if (pid > 0 && pid != KEEP_A && pid != KEEP_B)
		waitpid(pid, NULL, 0);
	return pid;
}

static void lab_wrap(void)
{
	pid_t pid, last = 1, after[3];
	int forks = 0, in_order = 1, i;

	set_pid_max();
	for (;;) {
		pid = spawn();
		if (pid < 0) {
			say("    (fork failed after %d: %s)", forks, errno_name(errno));
			break;
		}
		forks++;
		if (pid < last)
			break;
		in_order = in_order && pid == last + 1;
		last = pid;
	}
	CHECK(in_order, "wrap: L's init forked, and reaped, children 2, 3, 4, ... in order");
	CHECK_EQ(last, PID_MAX - 1, "wrap: up to %d, the last pid below pid_max", PID_MAX - 1);
	CHECK_EQ(forks - 1, PID_MAX - 2, "wrap: %d children, none reusing a freed pid",
		 PID_MAX - 2);
	after[0] = pid;
	for (i = 1; i < 3; i++)
		after[i] = spawn();
	CHECK_EQ(after[0], RESERVED_PIDS, "wrap: then the cursor wrapped: the next pid is %d",
		 RESERVED_PIDS);
	CHECK_EQ(after[1], RESERVED_PIDS + 1, "wrap: then %d", RESERVED_PIDS + 1);
	CHECK_EQ(after[2], KEEP_B + 1, "wrap: then %d: %d and %d are still in use", KEEP_B + 1,
		 KEEP_A, KEEP_B);
	kill(KEEP_A, SIGKILL);
	kill(KEEP_B, SIGKILL);
	CHECK(waitpid(KEEP_A, NULL, 0) == KEEP_A && waitpid(KEEP_B, NULL, 0) == KEEP_B,
	      "wrap: %d and %d killed and reaped", KEEP_A, KEEP_B);
	CHECK_EQ(forks + 2, PID_MAX + 1, "wrap: %d allocations in all", PID_MAX + 1);
}

int main(void)
{
	pidns_begin("pidns_wrap");
	in_new_ns("wrap", lab_wrap);
	return pidns_done();
}
