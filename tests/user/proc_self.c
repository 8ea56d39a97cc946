/*
 * tests/user/proc_self.c - /proc/self and /proc/PID of the test and of
 * its children: the link, status (Name, State, Tgid, Pid, PPid, the NS*
 * lines, the signal masks), stat's fields and their count, cmdline, comm,
 * a comm with ") " in it, and getcwd inside /proc.
 *
 * The test is pid 1 of the namespace its /proc shows, its parent outside
 * (proc.h), so its own ids print as 1 and 0.  A child's pid is only
 * compared with what fork() returned.  The child that is exec'd (to give
 * it a known command line) runs this program again as "proc-child".
 */
#include "proc.h"

#define CHILD_ROLE	"proc-child"
#define STAT_FIELDS	52		/* Linux's since 3.5 */
#define COMM_SPECIAL	"a) b (c"	/* a comm a naive stat parser gets wrong */

static char text[TEXT_SIZE];

/* The exec'd child: wait until stdin (a pipe) says go, then exit 0. */
static int child_main(void)
{
	char c;

	while (read(0, &c, 1) > 0)
		;
	return 0;
}

/* Field @n (1-based) of the stat line in @buf, counting (comm) as one; "" if none. */
static const char *stat_field(const char *buf, int n, char *out, size_t size)
{
	const char *p = strrchr(buf, ')');
	int i;

	out[0] = '\0';
	if (n == 1) {
		snprintf(out, size, "%d", atoi(buf));
		return out;
	}
	if (!p || n < 3)
		return out;
	p++;
	for (i = 3; i <= n; i++) {
		p += strspn(p, " ");
		if (!*p || *p == '\n')
			return out;
		if (i < n)
			p += strcspn(p, " \n");
	}
	snprintf(out, size, "%.*s", (int)strcspn(p, " \n"), p);
	return out;
}

/* The fields of a stat line, (comm) counted as one however many spaces it holds. */
static int stat_nfields(const char *buf)
{
	const char *p = strrchr(buf, ')');
	int n = 2;

	if (!p)
		return 0;
	for (p++; *p && *p != '\n'; ) {
		p += strspn(p, " ");
		if (!*p || *p == '\n')
			break;
		n++;
		p += strcspn(p, " \n");
	}
	return n;
}

static void check_field(const char *buf, const char *key, const char *want, const char *who)
{
	char got[FIELD_SIZE];

	status_field(buf, key, got, sizeof(got));
	check_why(!strcmp(got, want), got, "%s status: %s %s", who, key, want);
}

static void test_self(int argc, char **argv)
{
	char link[64], want[64], field[FIELD_SIZE];
	int len, i, off;

	CHECK_EQ(read_link("/proc/self", link, sizeof(link)), 1, "readlink /proc/self: 1 byte");
	CHECK(!strcmp(link, "1"), "readlink /proc/self: \"1\", getpid()");

	CHECK(read_text("/proc/self/status", text, sizeof(text)) > 0, "read /proc/self/status");
	check_field(text, "Name:", "proc_self", "self");
	check_field(text, "State:", "R (running)", "self");
	check_field(text, "Tgid:", "1", "self");
	check_field(text, "Pid:", "1", "self");
	check_field(text, "PPid:", "0", "self");
	check_field(text, "TracerPid:", "0", "self");
	check_field(text, "NStgid:", "1", "self");
	check_field(text, "NSpid:", "1", "self");
	check_field(text, "NSpgid:", "0", "self");
	check_field(text, "NSsid:", "0", "self");
	check_field(text, "Threads:", "1", "self");
	check_field(text, "SigPnd:", "0000000000000000", "self");
	check_field(text, "SigBlk:", "0000000000000000", "self");
	/* Signals 32 and up are left as the harness had them (check_begin). */
	status_field(text, "SigIgn:", field, sizeof(field));
	CHECK(strlen(field) == 16 && (strtoul(field + 8, NULL, 16) & 0x7fffffffUL) == 0,
	      "self status: SigIgn: none of signals 1-31");

	CHECK(read_text("/proc/self/stat", text, sizeof(text)) > 0, "read /proc/self/stat");
	CHECK_EQ(stat_nfields(text), STAT_FIELDS, "self stat: %d fields", STAT_FIELDS);
	CHECK(!strncmp(text, "1 (proc_self) R 0 0 0 0 -1 ", 27),
	      "self stat: pid (comm) state ppid pgrp session tty_nr tpgid: "
	      "1 (proc_self) R 0 0 0 0 -1");
	CHECK(!strcmp(stat_field(text, 18, field, sizeof(field)), "20"), "self stat: priority 20");
	CHECK(!strcmp(stat_field(text, 19, field, sizeof(field)), "0"), "self stat: nice 0");
	CHECK(!strcmp(stat_field(text, 20, field, sizeof(field)), "1"), "self stat: 1 thread");

	len = read_text("/proc/self/cmdline", text, sizeof(text));
	for (i = 0, off = 0; i < argc; i++) {
		if (off + (int)strlen(argv[i]) + 1 > len || strcmp(text + off, argv[i]))
			break;
		off += strlen(argv[i]) + 1;
	}
	CHECK(i == argc && off == len, "self cmdline: argv, each argument ending in a NUL");
	CHECK(read_text("/proc/self/comm", text, sizeof(text)) > 0 && !strcmp(text, "proc_self\n"),
	      "self comm: \"proc_self\\n\"");

	CHECK(read_link("/proc/self/ns/pid", link, sizeof(link)) > 6 &&
	      !strncmp(link, "pid:[", 5) && link[strlen(link) - 1] == ']',
	      "self ns/pid: \"pid:[N]\"");
	CHECK(read_link("/proc/self/ns/pid_for_children", want, sizeof(want)) > 0 &&
	      !strcmp(link, want), "self ns/pid_for_children: the same namespace");

	CHECK_EQ(chdir("/proc/self/ns"), 0, "chdir /proc/self/ns");
	CHECK(getcwd(link, sizeof(link)) && !strcmp(link, "/proc/1/ns"), "getcwd: /proc/1/ns");
	CHECK_EQ(chdir(".."), 0, "chdir ..");
	CHECK(getcwd(link, sizeof(link)) && !strcmp(link, "/proc/1"), "getcwd: /proc/1");
	CHECK_EQ(chdir("/"), 0, "chdir /");
}

/* An exec'd child with a known command line, seen from the test. */
static void test_exec_child(const char *self)
{
	char *args[] = { CHILD_ROLE, "a b", "", "c", NULL };
	static const char want_cmdline[] = CHILD_ROLE "\0a b\0\0c";
	char path[64], field[FIELD_SIZE];
	int gate[2], len;
	pid_t pid;

	if (pipe(gate))
		return;
	pid = fork();
	if (pid == 0) {
		dup2(gate[0], 0);
		close(gate[0]);
		close(gate[1]);
		execv(self, args);
		_exit(127);
	}
	close(gate[0]);
	CHECK(wait_state(pid, 'S'), "exec'd child: asleep (S) on its pipe");

	snprintf(path, sizeof(path), "/proc/%d/cmdline", (int)pid);
	len = read_text(path, text, sizeof(text));
	CHECK(len == sizeof(want_cmdline) && !memcmp(text, want_cmdline, len),
	      "child cmdline: \"proc-child\\0a b\\0\\0c\\0\" (%d bytes)",
	      (int)sizeof(want_cmdline));
	snprintf(path, sizeof(path), "/proc/%d/comm", (int)pid);
	CHECK(read_text(path, text, sizeof(text)) > 0 && !strcmp(text, "proc_self\n"),
	      "child comm: the executable's name, \"proc_self\"");

	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	CHECK(read_text(path, text, sizeof(text)) > 0, "read the child's status");
	check_field(text, "Name:", "proc_self", "child");
	check_field(text, "State:", "S (sleeping)", "child");
	check_field(text, "PPid:", "1", "child");
	status_field(text, "Pid:", field, sizeof(field));
	CHECK_EQ(atoi(field), pid, "child status: Pid is fork()'s result");
	status_field(text, "Tgid:", field, sizeof(field));
	CHECK_EQ(atoi(field), pid, "child status: Tgid is the same");
	status_field(text, "NSpid:", field, sizeof(field));
	CHECK(nfields(field) == 1 && atoi(field) == pid, "child status: NSpid one field, its pid");

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	CHECK(read_text(path, text, sizeof(text)) > 0, "read the child's stat");
	CHECK_EQ(atoi(text), pid, "child stat: pid");
	CHECK_EQ(stat_nfields(text), STAT_FIELDS, "child stat: %d fields", STAT_FIELDS);
	CHECK(!strcmp(stat_field(text, 3, field, sizeof(field)), "S"), "child stat: state S");
	CHECK(!strcmp(stat_field(text, 4, field, sizeof(field)), "1"), "child stat: ppid 1");
	CHECK(!strcmp(stat_field(text, 38, field, sizeof(field)), "17"),
	      "child stat: exit_signal 17 (SIGCHLD)");

	close(gate[1]);
	CHECK_EXITED(wait_child(pid), 0, "exec'd child: exits 0 once released");
}

/* In a child: a comm holding ") " and "(", and /proc/self is our own pid. */
static void child_comm(void)
{
	char link[16], field[FIELD_SIZE], want[16];

	snprintf(want, sizeof(want), "%d", (int)getpid());
	CHECK(read_link("/proc/self", link, sizeof(link)) > 0 && !strcmp(link, want),
	      "child: /proc/self is getpid()");
	prctl(PR_SET_NAME, COMM_SPECIAL);
	CHECK(read_text("/proc/self/stat", text, sizeof(text)) > 0, "child: read stat");
	CHECK(strstr(text, " (" COMM_SPECIAL ") R 1 ") != NULL,
	      "child stat: comm \"" COMM_SPECIAL "\" in parentheses, then R and ppid 1");
	CHECK_EQ(stat_nfields(text), STAT_FIELDS, "child stat: still %d fields", STAT_FIELDS);
	CHECK(read_text("/proc/self/status", text, sizeof(text)) > 0, "child: read status");
	status_field(text, "Name:", field, sizeof(field));
	CHECK(!strcmp(field, COMM_SPECIAL), "child status: Name " COMM_SPECIAL);
}

int main(int argc, char **argv)
{
	if (argc > 0 && !strcmp(argv[0], CHILD_ROLE))
		return child_main();
	pidns_begin("proc_self");
	test_self(argc, argv);
	test_exec_child(argv[0]);
	in_child("comm with parentheses", child_comm);
	return pidns_done();
}
