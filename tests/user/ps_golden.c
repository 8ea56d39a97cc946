/*
 * tests/user/ps_golden.c - golden outputs of the /proc tools (user/bin/ps,
 * pstree, slabinfo) in fixed scenarios built here.  Each tool's output is
 * compared with the text below, and printed, so the Linux and Nest
 * transcripts also compare them with each other.
 *
 * The tools run from the build's own bin/ beside the test's tests/
 * folder, found from argv[0] (bin_dir()): build/user/linux/bin on Linux
 * (the same source built for Linux), /bin on Nest.
 *
 * The process tree is built in a "lab" pid namespace, whose numbers are
 * the same on both systems, and shown through a /proc the lab's init
 * mounts on a new directory in /tmp, its cwd while the tools run (ps
 * --proc .; mounting on /tmp itself could hide the build folder on Linux,
 * and with it the programs).  Every process is this program run
 * again under another name (argv[0] says which role), so command lines
 * and names are known:
 *
 *   1 lab-init ─┬─ 2 worker one
 *               ├─ 3 nsinit          (clone(CLONE_NEWPID): 1 in ns2)
 *               │    ├─ 4 worker two (2 in ns2)
 *               │    └─ 5 deep       (clone(CLONE_NEWPID): 3 in ns2, 1 in ns3)
 *               │         └─ 6 leaf  (4 in ns2, 2 in ns3)
 *               ├─ 7 zombie          (exited, not reaped)
 *               └─ 8 ps, then 9 pstree -p, then 10 pstree
 *
 * Pids are handed out in a fixed order because every process that forks
 * waits, before going on, until the subtree it just started has finished
 * forking (a byte on the "ready" pipe, fd 3).  The sleepers all read the
 * "gate" pipe (fd 0) and leave when lab-init closes it; before running a
 * tool, lab-init waits until each process is asleep (S) or a zombie (Z).
 *
 * The slabinfo tool reads a fixed slabinfo text from its standard input.
 */
#include "proc.h"
#include <limits.h>
#include <sys/stat.h>

#define ENV_SELF	"PS_GOLDEN_SELF"	/* this program, for the roles' exec */
#define ENV_BIN		"PS_GOLDEN_BIN"		/* the folder of ps, pstree ... */
#define GATE_FD		0
#define READY_FD	3
#define TALLY_FD	5
#define OUT_MAX		4096
#define LAB_PROCS	7			/* pids 1..7 before the tools run */

static const char golden_ps[] =
	"  PID  PPID NSPID STAT CMD\n"
	"    1     0 1     S    lab-init\n"
	"    2     1 2     S    worker one\n"
	"    3     1 3|1   S    nsinit\n"
	"    4     3 4|2   S    worker two\n"
	"    5     3 5|3|1 S    deep\n"
	"    6     5 6|4|2 S    leaf\n"
	"    7     1 7     Z    [zombie] <defunct>\n"
	"    8     1 8     R    ps --proc .\n";

static const char golden_pstree_p[] =
	"lab-init(1)─┬─worker(2)\n"
	"            ├─[pid ns 1] nsinit(3|1)─┬─worker(4|2)\n"
	"            │                        └─[pid ns 2] deep(5|3|1)───leaf(6|4|2)\n"
	"            ├─zombie(7)\n"
	"            └─pstree(9)\n";

static const char golden_pstree[] =
	"lab-init─┬─worker\n"
	"         ├─[pid ns 1] nsinit─┬─worker\n"
	"         │                   └─[pid ns 2] deep───leaf\n"
	"         ├─zombie\n"
	"         └─pstree\n";

static const char slabinfo_input[] =
	"slabinfo - version: 2.1\n"
	"# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> "
	": tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> "
	"<num_slabs> <sharedavail>\n"
	"pid_namespace          3      9    448    9    1 : tunables    0    0    0 "
	": slabdata      1      1      0\n"
	"pid_2                 10     64     64   64    1 : tunables    0    0    0 "
	": slabdata      1      1      0\n"
	"pid_1                 50    128     32  128    1 : tunables    0    0    0 "
	": slabdata      1      1      0\n"
	"kmalloc-4096           2      4   4096    1    1 : tunables    0    0    0 "
	": slabdata      4      4      0\n"
	"dentry               120    168     96   42    1 : tunables    0    0    0 "
	": slabdata      4      4      0\n"
	"unused                 0      0    256   16    1 : tunables    0    0    0 "
	": slabdata      0      0      0\n";

#define GOLDEN_SLAB_SUMMARY \
	" Active / Total Objects (% used)    : 185 / 373 (49.6%)\n" \
	" Active / Total Slabs (% used)      : 11 / 11 (100.0%)\n" \
	" Active / Total Caches (% used)     : 5 / 6 (83.3%)\n" \
	" Active / Total Size (% used)       : 22.75K / 43.69K (52.1%)\n" \
	" Minimum / Average / Maximum Object : 0.03K / 0.12K / 4.00K\n" \
	"\n" \
	"  OBJS ACTIVE  USE OBJ SIZE  SLABS OBJ/SLAB CACHE SIZE NAME\n" \
	"   168    120  71%    0.09K      4       42        16K dentry\n" \
	"   128     50  39%    0.03K      1      128         4K pid_1\n"

static const char golden_slabinfo[] =
	GOLDEN_SLAB_SUMMARY
	"    64     10  15%    0.06K      1       64         4K pid_2\n"
	"     9      3  33%    0.44K      1        9         4K pid_namespace\n"
	"     4      2  50%    4.00K      4        1        16K kmalloc-4096\n"
	"     0      0   0%    0.25K      0       16         0K unused\n";

static const char golden_slabinfo_n2[] = GOLDEN_SLAB_SUMMARY;

static char out[OUT_MAX];

/* ---- the roles ---- */

/* Read the gate until lab-init closes it. */
static void wait_gate(void)
{
	wait_eof(GATE_FD);
}

/* Reap every child (after the gate opened). */
static void reap_all(void)
{
	while (wait(NULL) > 0 || errno == EINTR)
		;
}

/*
 * Start role @argv[0] as a child (in a new pid namespace if @newpid), with
 * the gate on its fd 0.  With @wait_ready, return only once it has said
 * that its own subtree is complete.  Returns the child's pid.
 */
static pid_t spawn(char *const argv[], int newpid, int wait_ready)
{
	int ready[2] = { -1, -1 };
	pid_t pid;

	if (wait_ready && pipe2(ready, O_CLOEXEC))
		return -1;
	pid = newpid ? fork_newpid() : fork();
	if (pid == 0) {
		if (wait_ready)
			dup2(ready[1], READY_FD);
		execve(getenv(ENV_SELF), argv, environ);
		_exit(127);
	}
	if (wait_ready) {
		close(ready[1]);
		recv_byte(ready[0]);
		close(ready[0]);
	}
	return pid;
}

/* Tell the parent this subtree is complete. */
static void say_ready(void)
{
	send_byte(READY_FD, 1);
	close(READY_FD);
}

static int role_sleeper(const char *name)
{
	prctl(PR_SET_NAME, name);
	wait_gate();
	return 0;
}

static int role_deep(void)
{
	char *leaf[] = { "leaf", NULL };

	prctl(PR_SET_NAME, "deep");
	spawn(leaf, 0, 0);
	say_ready();
	wait_gate();
	reap_all();
	return 0;
}

static int role_nsinit(void)
{
	char *worker[] = { "worker", "two", NULL }, *deep[] = { "deep", NULL };

	prctl(PR_SET_NAME, "nsinit");
	spawn(worker, 0, 0);
	spawn(deep, 1, 1);
	say_ready();
	wait_gate();
	reap_all();
	return 0;
}

/*
 * Run the tool @name from the bin folder with @argv and @input (or none)
 * on its stdin; its output goes into out[].  Returns its wait status.
 */
static int run_tool(const char *name, char *const argv[], const char *input)
{
	char path[PATH_MAX];
	int pipe_out[2], pipe_in[2], len = 0, status;
	ssize_t n;
	pid_t pid;

	snprintf(path, sizeof(path), "%s/%s", getenv(ENV_BIN), name);
	if (pipe2(pipe_out, O_CLOEXEC) || pipe2(pipe_in, O_CLOEXEC))
		return -1;
	if (input)
		write(pipe_in[1], input, strlen(input));	/* fits in the pipe */
	close(pipe_in[1]);
	pid = fork();
	if (pid == 0) {
		dup2(pipe_in[0], 0);
		dup2(pipe_out[1], 1);
		dup2(pipe_out[1], 2);
		/*
		 * ps shows lab-init too: start it only once lab-init sleeps
		 * in read() below.  On an SMP Linux the parent may still be
		 * running (R) when the tool looks, and the golden text says S.
		 * (The cwd is the lab's /proc only for the tools that read it.)
		 */
		if (proc_state(".", getppid()))
			wait_state_in(".", getppid(), 'S');
		execv(path, argv);
		_exit(127);
	}
	close(pipe_in[0]);
	close(pipe_out[1]);
	while (len < OUT_MAX - 1 && (n = read(pipe_out[0], out + len, OUT_MAX - 1 - len)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;
		len += n;
	}
	out[len] = '\0';
	close(pipe_out[0]);
	status = wait_child(pid);
	return status;
}

/* Run a tool, print its output with a "NAME| " margin, compare it with @golden. */
static void golden(const char *what, const char *name, char *const argv[], const char *input,
		   const char *want)
{
	int status = run_tool(name, argv, input);
	char *line = out, *nl;

	for (; *line; line = nl + 1) {
		nl = strchr(line, '\n');
		if (!nl)
			nl = line + strlen(line) - 1;
		say("%s| %.*s", name, (int)(nl - line + (*nl != '\n')), line);
	}
	CHECK_EXITED(status, 0, "%s: exit status 0", what);
	CHECK(!strcmp(out, want), "%s: the golden output", what);
}

/* Wait until every process of the lab but lab-init is asleep or a zombie (cwd: the lab's /proc). */
static void lab_settle(void)
{
	pid_t pid;

	for (pid = 2; pid <= LAB_PROCS; pid++)
		CHECK(wait_state_in(".", pid, pid == LAB_PROCS ? 'Z' : 'S'),
		      "lab: process %d is %s", (int)pid, pid == LAB_PROCS ? "a zombie" : "asleep");
}

static int role_lab_init(void)
{
	char *worker[] = { "worker", "one", NULL }, *nsinit[] = { "nsinit", NULL };
	char *zombie[] = { "zombie", NULL };
	char *ps[] = { "ps", "--proc", ".", NULL };
	char *pstree_p[] = { "pstree", "-p", "--proc", ".", NULL };
	char *pstree[] = { "pstree", "--proc", ".", NULL };
	char dir[64];
	struct timespec now;
	int gate[2];
	pid_t z;

	pidns_tally[1] = TALLY_FD;
	child_begin();
	prctl(PR_SET_NAME, "lab-init");
	if (pipe2(gate, O_CLOEXEC))
		return 1;
	dup2(gate[0], GATE_FD);
	close(gate[0]);
	/* A name no other run uses: this pid is 1 everywhere, the time is not. */
	clock_gettime(CLOCK_MONOTONIC, &now);
	snprintf(dir, sizeof(dir), PROC_MNT "/ps_golden.%ld.%ld", (long)now.tv_sec, now.tv_nsec);
	CHECK_EQ(mkdir(dir, 0700), 0, "lab-init makes a directory in /tmp");
	CHECK_EQ(mount("proc", dir, "proc", 0, NULL), 0, "lab-init mounts the lab's /proc there");
	CHECK_EQ(chdir(dir), 0, "and makes it its cwd");
	spawn(worker, 0, 0);
	spawn(nsinit, 1, 1);
	z = spawn(zombie, 0, 0);
	CHECK_EQ(z, LAB_PROCS, "lab: %d processes", LAB_PROCS);
	lab_settle();

	golden("ps", "ps", ps, NULL, golden_ps);
	golden("pstree -p", "pstree", pstree_p, NULL, golden_pstree_p);
	golden("pstree", "pstree", pstree, NULL, golden_pstree);

	close(gate[1]);
	reap_all();
	CHECK_EQ(chdir("/"), 0, "lab-init leaves it");
	CHECK_EQ(umount2(dir, 0), 0, "unmounts it");
	CHECK_EQ(rmdir(dir), 0, "and removes the directory");
	return child_end();
}

/* ---- the test ---- */

/*
 * The bin folder beside the tests folder holding @self: build/user/linux/bin
 * on Linux, /bin on Nest.  The glibc build of the tests (build/user/glibc/
 * tests, make user-tests-glibc) has no bin folder of its own and uses the
 * Linux one.
 */
static void bin_dir(const char *self, char *buf, size_t size)
{
	const char *slash = strrchr(self, '/');
	int len = slash ? (int)(slash - self) : 1;
	char ps[PATH_MAX + 8];

	snprintf(buf, size, "%.*s/../bin", len, slash ? self : ".");
	snprintf(ps, sizeof(ps), "%s/ps", buf);
	if (access(ps, X_OK))
		snprintf(buf, size, "%.*s/../../linux/bin", len, slash ? self : ".");
}

int main(int argc, char **argv)
{
	static char env_self[PATH_MAX + 32], env_bin[PATH_MAX + 32], bin[PATH_MAX];
	char *lab_argv[] = { "lab-init", NULL };
	char *lab_envp[] = { "HOME=/", "TERM=linux", env_self, env_bin, NULL };
	char *slab[] = { "slabinfo", "-", NULL }, *slab_n2[] = { "slabinfo", "-n", "2", "-", NULL };
	pid_t lab;

	if (argc > 0 && !strcmp(argv[0], "lab-init"))
		return role_lab_init();
	if (argc > 0 && !strcmp(argv[0], "nsinit"))
		return role_nsinit();
	if (argc > 0 && !strcmp(argv[0], "deep"))
		return role_deep();
	if (argc > 0 && (!strcmp(argv[0], "worker") || !strcmp(argv[0], "leaf")))
		return role_sleeper(argv[0]);
	if (argc > 0 && !strcmp(argv[0], "zombie")) {
		prctl(PR_SET_NAME, "zombie");
		return 0;
	}

	pidns_begin("ps_golden");
	bin_dir(argv[0], bin, sizeof(bin));
	snprintf(env_self, sizeof(env_self), ENV_SELF "=%s", argv[0]);
	snprintf(env_bin, sizeof(env_bin), ENV_BIN "=%s", bin);
	environ = lab_envp;

	golden("slabinfo", "slabinfo", slab, slabinfo_input, golden_slabinfo);
	golden("slabinfo -n 2", "slabinfo", slab_n2, slabinfo_input, golden_slabinfo_n2);

	lab = fork_newpid();
	if (lab == 0) {
		dup2(pidns_tally[1], TALLY_FD);
		execve(argv[0], lab_argv, lab_envp);
		_exit(127);
	}
	CHECK_EXITED(wait_status(lab), 0, "the lab's init passed its checks");
	tally_collect();
	return pidns_done();
}
