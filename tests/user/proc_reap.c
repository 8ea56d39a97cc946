/*
 * tests/user/proc_reap.c - a /proc/PID lives exactly as long as its
 * process: a zombie keeps it (State "Z (zombie)", its exit code in stat,
 * no command line), reaping removes it from lookups and listings, and
 * what was opened on it before says ESRCH (a file, a walk from a cwd
 * inside) or ENOENT (a listing).  An orphan's PPid turns to 1 when init adopts it.
 */
#include "proc.h"

#define EXIT_CODE	7
#define STAT_EXIT_FIELD	52	/* exit_code, the wait status */

static char text[TEXT_SIZE];

/* The last field of a stat line (exit_code). */
static const char *stat_last(const char *buf)
{
	static char last[FIELD_SIZE];
	const char *end = buf + strlen(buf), *p;

	while (end > buf && (end[-1] == '\n' || end[-1] == ' '))
		end--;
	for (p = end; p > buf && p[-1] != ' '; p--)
		;
	snprintf(last, sizeof(last), "%.*s", (int)(end - p), p);
	return last;
}

static void test_zombie_then_reaped(void)
{
	char path[64], field[FIELD_SIZE], dents[1024];
	int fd_status, fd_dir;
	pid_t pid = fork();

	if (pid == 0)
		_exit(EXIT_CODE);
	CHECK(wait_state(pid, 'Z'), "a child that exited is a zombie (Z) until reaped");
	snprintf(path, sizeof(path), "/proc/%d", (int)pid);
	CHECK_EQ(access(path, F_OK), 0, "zombie: /proc/PID exists");
	CHECK(proc_listed("/proc", pid), "zombie: /proc lists it");
	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	CHECK(read_text(path, text, sizeof(text)) > 0, "zombie: status can be read");
	status_field(text, "State:", field, sizeof(field));
	CHECK(!strcmp(field, "Z (zombie)"), "zombie status: State Z (zombie)");
	status_field(text, "Name:", field, sizeof(field));
	CHECK(!strcmp(field, "proc_reap"), "zombie status: Name kept");
	status_field(text, "PPid:", field, sizeof(field));
	CHECK(!strcmp(field, "1"), "zombie status: PPid 1");
	CHECK(!strstr(text, "\nUmask:") && !strstr(text, "\nVmSize:"),
	      "zombie status: no Umask or Vm lines (no fs, no memory)");
	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	CHECK(read_text(path, text, sizeof(text)) > 0 && strstr(text, ") Z 1 "),
	      "zombie stat: state Z, ppid 1");
	CHECK(!strcmp(stat_last(text), "1792"), "zombie stat: exit_code (field %d) is %d << 8",
	      STAT_EXIT_FIELD, EXIT_CODE);
	snprintf(path, sizeof(path), "/proc/%d/cmdline", (int)pid);
	CHECK_EQ(read_text(path, text, sizeof(text)), 0, "zombie cmdline: empty");

	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	fd_status = open(path, O_RDONLY);
	snprintf(path, sizeof(path), "/proc/%d", (int)pid);
	fd_dir = open(path, O_RDONLY | O_DIRECTORY);
	CHECK(fd_status >= 0 && fd_dir >= 0, "zombie: status and the directory opened");
	CHECK_EQ(chdir(path), 0, "zombie: chdir into /proc/PID");

	CHECK_EXITED(wait_child(pid), EXIT_CODE, "reaped: exit status %d", EXIT_CODE);
	CHECK_ERR(access(path, F_OK), ENOENT, "reaped: /proc/PID");
	CHECK(!proc_listed("/proc", pid), "reaped: /proc no longer lists it");
	CHECK_ERR(read(fd_status, text, sizeof(text)), ESRCH, "reaped: read of the open status");
	CHECK_ERR(syscall(SYS_getdents64, fd_dir, dents, sizeof(dents)), ENOENT,
		  "reaped: getdents64 of the open directory");
	CHECK_ERR(open("status", O_RDONLY), ESRCH, "reaped: status from a cwd inside");
	CHECK_ERR(kill(pid, 0), ESRCH, "reaped: kill(pid, 0)");
	CHECK_EQ(chdir("/"), 0, "chdir /");
	close(fd_status);
	close(fd_dir);
}

/* An orphan's PPid in /proc becomes 1 once init has adopted it. */
static void test_orphan(void)
{
	char path[64], field[FIELD_SIZE];
	int ids[2];
	long end;
	pid_t child, orphan = -1;

	if (pipe(ids))
		return;
	child = fork();
	if (child == 0) {
		pid_t gc = fork();

		if (gc == 0)
			sleep_forever();
		write(ids[1], &gc, sizeof(gc));
		_exit(0);
	}
	close(ids[1]);
	CHECK_EQ(read(ids[0], &orphan, sizeof(orphan)), sizeof(orphan), "grandchild forked");
	close(ids[0]);
	CHECK_EXITED(wait_child(child), 0, "its parent exited");
	snprintf(path, sizeof(path), "/proc/%d/status", (int)orphan);
	for (end = deadline(STATE_WAIT_MS); !deadline_passed(end);) {
		if (read_text(path, text, sizeof(text)) > 0 &&
		    status_field(text, "PPid:", field, sizeof(field)) && !strcmp(field, "1"))
			break;
		sleep_ms(1);
	}
	CHECK(!strcmp(field, "1"), "orphan status: PPid 1, adopted by init");
	wait_state(orphan, 'S');
	snprintf(path, sizeof(path), "/proc/%d/stat", (int)orphan);
	CHECK(read_text(path, text, sizeof(text)) > 0 && strstr(text, ") S 1 "),
	      "orphan stat: ppid 1");
	kill(orphan, SIGKILL);
	CHECK_KILLED(wait_child(orphan), SIGKILL, "orphan killed and reaped by init");
	snprintf(path, sizeof(path), "/proc/%d", (int)orphan);
	CHECK_ERR(access(path, F_OK), ENOENT, "orphan reaped: /proc/PID");
}

int main(void)
{
	check_begin("proc_reap");
	test_zombie_then_reaped();
	test_orphan();
	return check_done();
}
