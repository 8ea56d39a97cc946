/*
 * tests/robust/fail_nth.c - fault injection sweeps: make the Nth
 * allocation of one system call fail, for N = 1, 2, ... until the call no
 * longer reaches N, and check that each failure comes back as ENOMEM and
 * leaves nothing behind.  Nest only (the boot words failslab and
 * fail_page_alloc arm the sites; include/nest/fault-inject.h):
 *
 *	init=/tests/fail_nth failslab fail_page_alloc leakcheck quiet GROUP
 *
 * with GROUP one of clone (fork, clone(CLONE_NEWPID), clone(CLONE_VM...),
 * run in a fresh pid namespace), exec (execve), files (pipe, open, open
 * O_CREAT, mkdir) or mm (mmap, munmap splitting a mapping).
 *
 * One step of a sweep:
 *	1. write N to /dev/fail-nth: our Nth allocation from now on fails;
 *	2. make the call (raw, so nothing else runs in between);
 *	3. read /dev/fail-nth back: 0 means the failure happened, more means
 *	   the call made fewer than N allocations: the sweep is over;
 *	4. the call must have failed with ENOMEM (or succeeded: a failure it
 *	   could live without), and the state must be as before: no child,
 *	   no new descriptor, no mapping, no pid in use, and, with /proc
 *	   mounted, the same number of active objects in every slab cache
 *	   (the cache is named when one differs).
 * `leakcheck` then checks the pages and objects of the whole run.
 *
 * A forked child and its parent share pages until one writes (copy on
 * write), and that copy would be an allocation too, counted against N.  So
 * the parent of a fork reaps the child before it touches memory again
 * (fork_and_reap(): the fork and the wait are one piece of assembly).
 */
#include "robust.h"

#define MAX_STEPS		400	/* more allocations than any call makes */
#define MAX_CACHES		96
#define SETTLE_TRIES		50	/* let deferred frees (workqueue) finish */
#define SETTLE_MS		10
#define SLABINFO_MAX		16384

/* The exit codes of an execve step's child (see exec_step()). */
#define EXEC_ENOMEM		10	/* execve returned ENOMEM, failure injected */
#define EXEC_OTHER_ERROR	11	/* execve returned another error */
#define EXEC_NOT_INJECTED	12	/* execve failed, but nothing was injected */
#define PROBE_UNTOUCHED		20	/* the new program ran, countdown not reached */
#define PROBE_INJECTED		21	/* it ran, and a failure was injected */
#define EXEC_KILLED		(-2)	/* exec_step(): killed by a signal */

static int fail_fd = -1;
static char nth_text[16];

/* The countdown: /dev/fail-nth (kernel/fault_inject.c). */
static int set_fail_nth(int n)
{
	int len = snprintf(nth_text, sizeof(nth_text), "%d", n);

	return write(fail_fd, nth_text, len) == len ? 0 : -1;
}

static int get_fail_nth(void)
{
	char buf[16];
	ssize_t n;

	lseek(fail_fd, 0, SEEK_SET);
	n = read(fail_fd, buf, sizeof(buf) - 1);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	return atoi(buf);
}

/* ---- the slab counters, from /proc/slabinfo when it can be mounted ---- */

struct slab_count {
	char name[32];
	long active;
};

static int have_slabinfo;
static char slabinfo_buf[SLABINFO_MAX];

/* "name active total size ...": the first two fields. */
static int parse_slab_line(const char *line, struct slab_count *c)
{
	size_t len = strcspn(line, " ");
	char *end;

	if (!len || len >= sizeof(c->name))
		return 0;
	memcpy(c->name, line, len);
	c->name[len] = '\0';
	c->active = strtol(line + len, &end, 10);
	return end != line + len;
}

static int read_slabinfo(struct slab_count *c, int max)
{
	int fd = open("/proc/slabinfo", O_RDONLY), n = 0, len = 0;
	ssize_t got;
	char *line, *next;

	if (fd < 0)
		return -1;
	while (len < SLABINFO_MAX - 1 &&
	       (got = read(fd, slabinfo_buf + len, SLABINFO_MAX - 1 - len)) > 0)
		len += got;
	close(fd);
	slabinfo_buf[len] = '\0';
	for (line = slabinfo_buf; line && *line && n < max; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (line[0] == '#' || !strncmp(line, "slabinfo", 8))
			continue;
		if (parse_slab_line(line, &c[n]))
			n++;
	}
	return n;
}

static struct slab_count before[MAX_CACHES], after[MAX_CACHES];
static int nr_before;

static void snapshot(void)
{
	if (have_slabinfo)
		nr_before = read_slabinfo(before, MAX_CACHES);
}

/*
 * The first cache whose active objects differ from the snapshot, as
 * "name a -> b" in @why; 0 if none.  Freeing can lag behind (a namespace
 * goes through the workqueue), so a difference is looked at again a few
 * times before it counts.
 */
static int slab_changed(char *why, size_t size)
{
	int tries, i, j, n;

	if (!have_slabinfo)
		return 0;
	for (tries = 0; tries < SETTLE_TRIES; tries++) {
		int found = 0;

		n = read_slabinfo(after, MAX_CACHES);
		for (i = 0; i < n && !found; i++) {
			long was = 0;

			for (j = 0; j < nr_before; j++)
				if (!strcmp(before[j].name, after[i].name))
					was = before[j].active;
			/* Fewer is fine: frees that were still pending. */
			if (after[i].active > was) {
				snprintf(why, size, "%s: %ld -> %ld active objects",
					 after[i].name, was, after[i].active);
				found = 1;
			}
		}
		if (!found) {
			why[0] = '\0';
			return 0;
		}
		sleep_ms(SETTLE_MS);
	}
	return 1;
}

/* ---- the calls under test ---- */

struct op {
	const char *name;
	long (*call)(void);		/* the call: its result, or -errno */
	void (*undo)(long ret);		/* after a success: put things back */
	int (*unwound)(char *why, size_t size);	/* after a failure: 0 if clean */
};

static int lowest_fd;			/* the lowest free descriptor before a step */
static long probe_pid;			/* the pid a probe fork got before a step */
static char *map_addr;			/* where mmap put its mapping last */
static char *split_map;			/* a 3-page mapping for munmap to split */
static int zero_fd;

static int next_free_fd(void)
{
	int fd = dup(0);

	close(fd);
	return fd;
}

/* No descriptor was left installed. */
static int fds_unwound(char *why, size_t size)
{
	int fd = next_free_fd();

	if (fd == lowest_fd)
		return 0;
	snprintf(why, size, "the lowest free fd is %d, was %d", fd, lowest_fd);
	close(lowest_fd);	/* the leaked one: keep going */
	return 1;
}

/* No child, no task with the pid the failed call would have had. */
static int task_unwound(char *why, size_t size)
{
	int status;

	if (waitpid(-1, &status, WNOHANG) != -1 || errno != ECHILD) {
		snprintf(why, size, "a child is left");
		while (waitpid(-1, &status, __WALL) > 0)
			;
		return 1;
	}
	if (kill(probe_pid + 1, 0) == 0 || errno != ESRCH) {
		snprintf(why, size, "pid %ld (after the probe's) is in use", probe_pid + 1);
		return 1;
	}
	return 0;
}

static void no_undo(long ret)
{
}

static void close_fd(long fd)
{
	close(fd);
}

static long do_fork(void)
{
	return fork_and_reap(__NR_clone, SIGCHLD, 0, 0, 0, 0);
}

static long do_clone_newpid(void)
{
	return fork_and_reap(__NR_clone, CLONE_NEWPID | SIGCHLD, 0, 0, 0, 0);
}

static long do_clone_vm(void)
{
	return fork_and_reap(__NR_clone, CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND |
			     SIGCHLD, 0, 0, 0, 0);
}

static int pipe_fds[2];

static long do_pipe(void)
{
	return raw(__NR_pipe2, (long)pipe_fds, 0, 0, 0, 0, 0);
}

static void undo_pipe(long ret)
{
	close(pipe_fds[0]);
	close(pipe_fds[1]);
}

static long do_open(void)
{
	return raw(__NR_open, (long)"/etc/motd", O_RDONLY, 0, 0, 0, 0);
}

#define NEW_FILE	"/tmp/fail_nth.file"
#define NEW_DIR		"/tmp/fail_nth.dir"

static long do_open_creat(void)
{
	return raw(__NR_open, (long)NEW_FILE, O_RDWR | O_CREAT | O_EXCL, 0644, 0, 0, 0);
}

static void undo_open_creat(long fd)
{
	close(fd);
	unlink(NEW_FILE);
}

/* Linux may keep a file it created before a later step failed: remove it. */
static int creat_unwound(char *why, size_t size)
{
	unlink(NEW_FILE);
	return fds_unwound(why, size);
}

static long do_mkdir(void)
{
	return raw(__NR_mkdir, (long)NEW_DIR, 0755, 0, 0, 0, 0);
}

static void undo_mkdir(long ret)
{
	rmdir(NEW_DIR);
}

static int mkdir_unwound(char *why, size_t size)
{
	if (access(NEW_DIR, F_OK) == 0) {
		snprintf(why, size, "the directory exists after all");
		rmdir(NEW_DIR);
		return 1;
	}
	return 0;
}

#define MAP_PAGES	3

static long do_mmap(void)
{
	return raw(__NR_mmap2, 0, MAP_PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
}

static void undo_mmap(long addr)
{
	munmap((void *)addr, MAP_PAGES * PAGE_SIZE);
}

/* Nothing is mapped where the mapping would have gone: a read there faults. */
static int mmap_unwound(char *why, size_t size)
{
	if (map_addr && read(zero_fd, map_addr, 1) != -1) {
		snprintf(why, size, "%p is mapped after all", (void *)map_addr);
		munmap(map_addr, MAP_PAGES * PAGE_SIZE);
		return 1;
	}
	return 0;
}

/* munmap of the middle page: the mapping is cut in two, a new vma. */
static long do_munmap_split(void)
{
	return raw(__NR_munmap, (long)(split_map + PAGE_SIZE), PAGE_SIZE, 0, 0, 0, 0);
}

static void map_split(void)
{
	split_map = mmap(NULL, MAP_PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
}

static void undo_munmap_split(long ret)
{
	munmap(split_map, MAP_PAGES * PAGE_SIZE);
	map_split();
}

/* A munmap that failed unmapped nothing: all three pages still read. */
static int munmap_unwound(char *why, size_t size)
{
	int page;

	for (page = 0; page < MAP_PAGES; page++) {
		if (read(zero_fd, split_map + page * PAGE_SIZE, 1) != 1) {
			snprintf(why, size, "page %d of the mapping is gone", page);
			undo_munmap_split(0);
			return 1;
		}
	}
	return 0;
}

/* ---- the sweep ---- */

/*
 * sweep - N = 1, 2, ... over @op; prints one line, returns 0 if every
 * step failed cleanly with ENOMEM (or succeeded), 1 otherwise.
 */
static int sweep(const struct op *op, void (*before_step)(void))
{
	int n, left, failures = 0, tolerated = 0, bad = 0;
	char why[128];
	long ret;

	/* Once through without faults: caches and stack pages get made. */
	if (before_step)
		before_step();
	ret = op->call();
	if (is_err(ret)) {
		check_why(0, errno_name(-ret), "fail_nth: %s: works without faults", op->name);
		return 1;
	}
	op->undo(ret);
	for (n = 1; n <= MAX_STEPS; n++) {
		if (before_step)
			before_step();
		lowest_fd = next_free_fd();
		snapshot();
		if (set_fail_nth(n) < 0) {
			check_why(0, errno_name(errno), "fail_nth: write %d to /dev/fail-nth", n);
			return 1;
		}
		ret = op->call();
		left = get_fail_nth();
		set_fail_nth(0);
		if (left != 0) {			/* N was never reached: done */
			if (!is_err(ret))
				op->undo(ret);
			break;
		}
		if (!is_err(ret)) {
			tolerated++;
			op->undo(ret);
			continue;
		}
		failures++;
		why[0] = '\0';
		if (ret != -ENOMEM)
			snprintf(why, sizeof(why), "returned %s", errno_name(-ret));
		else if (!op->unwound(why, sizeof(why)))
			slab_changed(why, sizeof(why));
		if (why[0] && bad++ < 5)
			say("fail_nth: %s: allocation %d failed: %s: FAIL", op->name, n, why);
	}
	return !check(n <= MAX_STEPS && !bad,
		      "fail_nth: %s: %d allocations; %d failures were ENOMEM and left nothing "
		      "behind%s", op->name, n - 1, failures,
		      tolerated ? " (some were survived)" : "");
}

/* Before each fork step: the pid the next child gets, by forking one. */
static void probe_fork(void)
{
	probe_pid = fork_and_reap(__NR_clone, SIGCHLD, 0, 0, 0, 0);
}

static const struct op clone_ops[] = {
	{ "fork", do_fork, no_undo, task_unwound },
	{ "clone(CLONE_NEWPID)", do_clone_newpid, no_undo, task_unwound },
	{ "clone(CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND)", do_clone_vm, no_undo,
	  task_unwound },
};

static const struct op file_ops[] = {
	{ "pipe", do_pipe, undo_pipe, fds_unwound },
	{ "open", do_open, close_fd, fds_unwound },
	{ "open(O_CREAT)", do_open_creat, undo_open_creat, creat_unwound },
	{ "mkdir", do_mkdir, undo_mkdir, mkdir_unwound },
};

static const struct op mm_ops[] = {
	{ "mmap", do_mmap, undo_mmap, mmap_unwound },
	{ "munmap(split)", do_munmap_split, undo_munmap_split, munmap_unwound },
};

#define NR(a)	(sizeof(a) / sizeof((a)[0]))

/* The clone sweeps, as init of a fresh pid namespace: its pids are ours. */
static int clone_group(void)
{
	unsigned int i;
	int failed = 0;

	for (i = 0; i < NR(clone_ops); i++)
		failed |= sweep(&clone_ops[i], probe_fork);
	return failed;
}

/*
 * One execve step: a child sets the countdown and execs this program in
 * probe mode (main()), which tells by its exit code whether the countdown
 * was reached.  After the point of no return a failure kills the child
 * (as in Linux): that counts as a clean failure too.
 */
static int exec_step(int n, const char *self)
{
	char fd_text[16];
	char *argv[] = { (char *)self, "probe", fd_text, NULL };
	char *envp[] = { NULL };
	int status;
	pid_t pid;

	snprintf(fd_text, sizeof(fd_text), "%d", fail_fd);
	pid = fork();
	if (pid == 0) {
		long ret;

		set_fail_nth(n);
		ret = raw(__NR_execve, (long)self, (long)argv, (long)envp, 0, 0, 0);
		if (get_fail_nth() != 0)
			_exit(EXEC_NOT_INJECTED);
		if (ret == -ENOMEM)
			_exit(EXEC_ENOMEM);
		say("fail_nth: execve: allocation %d failed: it returned %s", n,
		    errno_name(-ret));
		_exit(EXEC_OTHER_ERROR);
	}
	if (pid < 0)
		return -1;
	status = wait_child(pid);
	if (WIFSIGNALED(status))
		return EXEC_KILLED;		/* past the point of no return */
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static int exec_group(const char *self)
{
	int n, code, failures = 0, killed = 0, bad = 0;
	char why[128];

	if (exec_step(MAX_STEPS + 1, self) != PROBE_UNTOUCHED) {
		check(0, "fail_nth: execve: works without faults");
		return 1;
	}
	for (n = 1; n <= MAX_STEPS; n++) {
		snapshot();
		code = exec_step(n, self);
		if (code == PROBE_UNTOUCHED)
			break;
		why[0] = '\0';
		if (code == EXEC_KILLED)
			killed++;
		else if (code == EXEC_ENOMEM || code == PROBE_INJECTED)
			failures++;
		else
			snprintf(why, sizeof(why), "child exit code %d", code);
		if (!why[0])
			slab_changed(why, sizeof(why));
		if (why[0] && bad++ < 5)
			say("fail_nth: execve: allocation %d failed: %s: FAIL", n, why);
	}
	return !check(n <= MAX_STEPS && !bad,
		      "fail_nth: execve: %d allocations; %d failures returned ENOMEM or were "
		      "survived, the others killed the process; nothing left behind", n - 1,
		      failures);
}

int main(int argc, char **argv)
{
	const char *group = argc > 1 ? argv[1] : "";
	unsigned int i;
	int failed = 0, status, mounted;
	pid_t pid;

	/* Probe mode, after an execve step: report the countdown. */
	if (!strcmp(group, "probe") && argc > 2) {
		fail_fd = atoi(argv[2]);
		_exit(get_fail_nth() > 0 ? PROBE_UNTOUCHED : PROBE_INJECTED);
	}
	check_begin("fail_nth");
	fail_fd = open("/dev/fail-nth", O_RDWR);
	if (!check(fail_fd >= 0, "fail_nth: /dev/fail-nth opens"))
		return check_done();
	zero_fd = open("/dev/zero", O_RDONLY);
	mounted = mount("proc", "/proc", "proc", 0, NULL) == 0;
	have_slabinfo = read_slabinfo(before, MAX_CACHES) > 0;
	say("fail_nth: per-step slab check %s", have_slabinfo ? "on (/proc/slabinfo)" :
	    "off (no /proc/slabinfo): leakcheck still checks the whole run");

	if (!strcmp(group, "clone")) {
		pid = syscall(__NR_clone, CLONE_NEWPID | SIGCHLD, 0, 0, 0, 0);
		if (pid == 0)
			_exit(clone_group());
		status = wait_child(pid);
		failed = !(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	} else if (!strcmp(group, "exec")) {
		failed = exec_group(argv[0]);
	} else if (!strcmp(group, "files")) {
		for (i = 0; i < NR(file_ops); i++)
			failed |= sweep(&file_ops[i], NULL);
	} else if (!strcmp(group, "mm")) {
		map_split();
		map_addr = (char *)do_mmap();
		undo_mmap((long)map_addr);
		if ((char *)do_mmap() != map_addr)	/* placement must repeat */
			map_addr = NULL;
		else
			undo_mmap((long)map_addr);
		for (i = 0; i < NR(mm_ops); i++)
			failed |= sweep(&mm_ops[i], NULL);
		munmap(split_map, MAP_PAGES * PAGE_SIZE);
	} else {
		say("fail_nth: no group '%s' (clone, exec, files, mm)", group);
		failed = 1;
	}
	if (mounted)
		umount2("/proc", 0);
	close(zero_fd);
	close(fail_fd);
	if (failed && !check_failed)
		check(0, "fail_nth: the %s sweeps", group);
	return check_done();
}
