/*
 * tests/user/proc_nspid.c - /proc seen across pid namespaces: the NS*
 * lines of status at depth 1 and 2, PPid across a boundary, ns/pid and
 * ns/pid_for_children, and a /proc mounted from inside a namespace, which
 * numbers everything as that namespace does (its /proc/self is 1).
 *
 *   the test T --clone(NEWPID)--> C (1 in ns1) --clone(NEWPID)--> G (2 in
 *   ns1, 1 in ns2) --fork--> H (2 in ns2)
 *
 * T reads C from T's /proc: two NSpid fields, the first the pid clone()
 * returned, the last 1.  C reads itself there, then mounts a /proc of ns1
 * on /tmp and reads G in it ("2\t1").  G mounts one of ns2 and finds
 * itself 1, H 2, and nothing else.  T's own numbers for C and G differ
 * between Linux and Nest (proc.h), so only field counts, relations and
 * the deeper levels are printed.
 */
#include "proc.h"

static char text[TEXT_SIZE];

/* Read @path's status line @key into @out; 1 if there. */
static int read_field(const char *path, const char *key, char *out, size_t size)
{
	out[0] = '\0';
	return read_text(path, text, sizeof(text)) > 0 && status_field(text, key, out, size);
}

/* Count the numeric entries of directory @dir. */
static int count_pids(const char *dir)
{
	struct dirent *d;
	DIR *proc = opendir(dir);
	int n = 0;

	if (!proc)
		return -1;
	while ((d = readdir(proc)))
		n += d->d_name[0] >= '1' && d->d_name[0] <= '9';
	closedir(proc);
	return n;
}

/* T looks at C, the init of a new namespace, through T's /proc. */
static void test_depth1_from_outside(void)
{
	char path[64], field[FIELD_SIZE], want[FIELD_SIZE], self_ns[64], child_ns[64];
	int gate[2];
	pid_t pid;

	if (pipe(gate))
		return;
	pid = fork_newpid();
	if (pid == 0) {
		close(gate[1]);
		wait_eof(gate[0]);
		_exit(0);
	}
	close(gate[0]);
	CHECK(wait_state(pid, 'S'), "depth 1: the namespace's init is asleep (S)");
	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	read_field(path, "NSpid:", field, sizeof(field));
	CHECK_EQ(nfields(field), 2, "depth 1 from outside: NSpid has 2 fields");
	CHECK_EQ(atoi(field), pid, "depth 1 from outside: the first is clone()'s result");
	CHECK(!strcmp(last_field(field), "1"), "depth 1 from outside: the last is 1");
	snprintf(want, sizeof(want), "%s", field);
	read_field(path, "NStgid:", field, sizeof(field));
	CHECK(!strcmp(field, want), "depth 1 from outside: NStgid the same");
	read_field(path, "Pid:", field, sizeof(field));
	CHECK_EQ(atoi(field), pid, "depth 1 from outside: Pid is our view, clone()'s result");
	read_field(path, "PPid:", field, sizeof(field));
	CHECK(!strcmp(field, "1"), "depth 1 from outside: PPid 1 (we see its parent)");
	read_field(path, "NSpgid:", field, sizeof(field));
	CHECK(!strcmp(field, "0\t0"), "depth 1 from outside: NSpgid 0 0 (our group is outside)");
	read_field(path, "NSsid:", field, sizeof(field));
	CHECK(!strcmp(field, "0\t0"), "depth 1 from outside: NSsid 0 0");

	read_link("/proc/self/ns/pid", self_ns, sizeof(self_ns));
	snprintf(path, sizeof(path), "/proc/%d/ns/pid", (int)pid);
	CHECK(read_link(path, child_ns, sizeof(child_ns)) > 0 && strcmp(child_ns, self_ns) &&
	      !strncmp(child_ns, "pid:[", 5), "depth 1: its ns/pid differs from ours");
	snprintf(path, sizeof(path), "/proc/%d/ns/pid_for_children", (int)pid);
	CHECK(read_link(path, field, sizeof(field)) > 0 && !strcmp(field, child_ns),
	      "depth 1: its ns/pid_for_children is its own namespace");
	close(gate[1]);
	CHECK_EXITED(wait_child(pid), 0, "depth 1: the init exits 0 when released");
}

/* G: the init of ns2, a child of C. */
static int gate_g[2];

static void g_body(void)
{
	char field[FIELD_SIZE], deeper[FIELD_SIZE], link[16];
	pid_t h;

	wait_eof(gate_g[0]);		/* until C has unmounted its /proc */
	read_field("/proc/self/status", "NSpid:", field, sizeof(field));
	CHECK_EQ(nfields(field), 3, "depth 2 (G, from the test's /proc): NSpid has 3 fields");
	CHECK(!strcmp(deeper_fields(field, deeper, sizeof(deeper)), "2|1"),
	      "depth 2: after the test's level, 2 (in ns1) and 1 (its own)");
	read_field("/proc/self/status", "NSpgid:", field, sizeof(field));
	CHECK(!strcmp(field, "0\t0\t0"), "depth 2: NSpgid 0 0 0");
	CHECK_EQ(getppid(), 0, "depth 2: getppid() is 0");

	CHECK_EQ(mount("proc", PROC_MNT, "proc", 0, NULL), 0, "G mounts a /proc of ns2 on /tmp");
	CHECK(read_link(PROC_MNT "/self", link, sizeof(link)) == 1 && !strcmp(link, "1"),
	      "ns2's /proc: self is 1");
	read_field(PROC_MNT "/self/status", "NSpid:", field, sizeof(field));
	CHECK(!strcmp(field, "1"), "ns2's /proc: NSpid 1, one field");
	read_field(PROC_MNT "/self/status", "PPid:", field, sizeof(field));
	CHECK(!strcmp(field, "0"), "ns2's /proc: PPid 0 (C is outside)");
	CHECK_EQ(count_pids(PROC_MNT), 1, "ns2's /proc: lists one process");
	h = fork();
	if (h == 0) {
		sleep_forever();
	}
	CHECK_EQ(h, 2, "G's child H is 2 in ns2");
	wait_state_in(PROC_MNT, h, 'S');
	read_field(PROC_MNT "/2/status", "NSpid:", field, sizeof(field));
	CHECK(!strcmp(field, "2"), "ns2's /proc: H's NSpid is 2");
	read_field(PROC_MNT "/2/status", "PPid:", field, sizeof(field));
	CHECK(!strcmp(field, "1"), "ns2's /proc: H's PPid is 1");
	CHECK_EQ(count_pids(PROC_MNT), 2, "ns2's /proc: lists two processes");
	kill(h, SIGKILL);
	CHECK_KILLED(wait_child(h), SIGKILL, "H killed and reaped");
	CHECK_ERR(access(PROC_MNT "/2", F_OK), ENOENT, "ns2's /proc: /2 is gone");
	CHECK_EQ(umount2(PROC_MNT, 0), 0, "G unmounts it");
	CHECK_ERR(access(PROC_MNT "/self", F_OK), ENOENT, "/tmp/self is gone with it");
}

/* C: the init of ns1. */
static void c_body(void)
{
	char field[FIELD_SIZE], link[16], want[16];
	pid_t g;

	CHECK_EQ(getpid(), 1, "depth 1 (C): getpid() is 1");
	read_field("/proc/self/status", "NSpid:", field, sizeof(field));
	CHECK_EQ(nfields(field), 2, "depth 1 (C, from the test's /proc): NSpid has 2 fields");
	CHECK(!strcmp(last_field(field), "1"), "depth 1: the last is 1");
	snprintf(want, sizeof(want), "%d", atoi(field));
	CHECK(read_link("/proc/self", link, sizeof(link)) > 0 && !strcmp(link, want),
	      "depth 1: the test's /proc/self is our pid there (NSpid's first)");
	read_field("/proc/self/status", "PPid:", field, sizeof(field));
	CHECK(!strcmp(field, "1"), "depth 1: PPid 1 there, though getppid() is %d", getppid());

	if (pipe(gate_g))
		return;
	g = fork_newpid();
	if (g == 0) {
		close(gate_g[1]);
		child_begin();
		g_body();
		_exit(child_end());
	}
	close(gate_g[0]);
	CHECK_EQ(g, 2, "C's clone(CLONE_NEWPID) returns 2");
	CHECK_EQ(mount("proc", PROC_MNT, "proc", 0, NULL), 0, "C mounts a /proc of ns1 on /tmp");
	CHECK(read_link(PROC_MNT "/self", link, sizeof(link)) == 1 && !strcmp(link, "1"),
	      "ns1's /proc: self is 1");
	CHECK(wait_state_in(PROC_MNT, g, 'S'), "ns1's /proc: G, 2 there, is asleep (S)");
	read_field(PROC_MNT "/2/status", "NSpid:", field, sizeof(field));
	CHECK(!strcmp(field, "2\t1"), "ns1's /proc: G's NSpid is 2, 1");
	read_field(PROC_MNT "/2/status", "PPid:", field, sizeof(field));
	CHECK(!strcmp(field, "1"), "ns1's /proc: G's PPid is 1");
	CHECK_EQ(count_pids(PROC_MNT), 2, "ns1's /proc: lists C and G");
	CHECK_EQ(umount2(PROC_MNT, 0), 0, "C unmounts it");
	close(gate_g[1]);		/* G's turn */
	CHECK_EXITED(wait_status(g), 0, "G passed its checks");
	tally_collect();
}

/*
 * After unshare(CLONE_NEWPID) a process's ns/pid_for_children has no
 * init yet (ENOENT, as Linux); its first child is that init, and its
 * ns/pid is what the parent's pid_for_children now reads.
 */
static void u_body(void)
{
	char before[64], after[64], own[64], path[64], child[64];
	int gate[2];
	pid_t v;

	read_link("/proc/self/ns/pid", own, sizeof(own));
	CHECK_EQ(unshare(CLONE_NEWPID), 0, "unshare(CLONE_NEWPID)");
	CHECK_ERR(read_link("/proc/self/ns/pid_for_children", before, sizeof(before)), ENOENT,
		  "unsharer: ns/pid_for_children before the first child");
	CHECK(read_link("/proc/self/ns/pid", after, sizeof(after)) > 0 && !strcmp(after, own),
	      "unsharer: its own ns/pid has not changed");
	if (pipe(gate))
		return;
	v = fork();
	if (v == 0) {
		close(gate[1]);
		wait_eof(gate[0]);
		_exit(getpid() == 1 && getppid() == 0 ? 0 : 1);
	}
	close(gate[0]);
	wait_state(v, 'S');
	CHECK(read_link("/proc/self/ns/pid_for_children", after, sizeof(after)) > 0 &&
	      strcmp(after, own), "unsharer: ns/pid_for_children now names the new namespace");
	snprintf(path, sizeof(path), "/proc/%d/ns/pid", (int)v);
	CHECK(read_link(path, child, sizeof(child)) > 0 && !strcmp(child, after),
	      "unsharer's child: its ns/pid is that namespace");
	snprintf(path, sizeof(path), "/proc/%d/status", (int)v);
	read_field(path, "NSpid:", child, sizeof(child));
	CHECK(nfields(child) == 2 && !strcmp(last_field(child), "1"),
	      "unsharer's child: NSpid has 2 fields, the last 1");
	close(gate[1]);
	CHECK_EXITED(wait_child(v), 0, "unsharer's child was 1 with getppid() 0");
}

int main(void)
{
	pidns_begin("proc_nspid");
	test_depth1_from_outside();
	in_new_ns("depth 1 and 2", c_body);
	in_child("unshare", u_body);
	return pidns_done();
}
