/*
 * tests/fuzz/worker.c - a worker: the process that makes the calls.
 *
 * The monitor (main.c) forks a worker for calls [first, end) of the run.
 * The worker sets up what the generators point into (struct worker_state:
 * a pool of open descriptors, scratch pages followed by an unmapped page,
 * a read-only page, victim pages for munmap), then for each call:
 *
 *	1. makes it up from (seed, call number)       call.c, table.c
 *	2. appends "#N name(args)" to its log        LOG_FD, /tmp/fuzz/log.W
 *	   (and to the console with -v), BEFORE the call
 *	3. makes it                                    raw.S
 *	4. checks the result: no system call may return an errno the kernel
 *	   keeps for itself (ERESTARTSYS and friends, 512..) or one that is
 *	   not an errno at all; a bad one is logged as "!..." and the worker
 *	   exits with WORKER_ANOMALY.
 *
 * The worker may die at any call (a bad sigreturn, a signal it sent
 * itself, an execve that worked): the monitor reads the last record of
 * the log to see where, and starts a new worker at the next call.  Its
 * setup is the same every time, so the descriptors and addresses the
 * generators hand out are too.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <uapi/errno.h>
#include <sys/stat.h>
#include "fuzz.h"

int fuzz_verbose;
int fuzz_faults;

/* What the generators point into: set up once by worker_setup(). */
struct worker_state ws;

/*
 * With -F, one call in FAULT_ONE_IN gets a fault injected into one of its
 * first FAULT_NTH_MAX allocations (/dev/fail-nth; boot with failslab and
 * fail_page_alloc), as syzkaller does: the error paths of every call get
 * their turn.  The log line ends with "[fail-nth N]".
 */
#define FAULT_ONE_IN		4
#define FAULT_NTH_MAX		24

/* Write all of @buf to @fd; errors are ignored (the log is best effort). */
static void put(int fd, const char *buf, int len)
{
	while (len > 0) {
		long n = raw_syscall(__NR_write, fd, (long)buf, len, 0, 0, 0);

		if (n <= 0)
			return;
		buf += n;
		len -= n;
	}
}

/*
 * The errnos a system call may return: Linux's uapi numbers up to
 * EHWPOISON (133).  512 and up (ERESTARTSYS...) are the kernel's own and
 * must be turned into EINTR or a restart before user space sees them.
 */
#define LAST_USER_ERRNO		133

int bad_result(long ret)
{
	return ret < 0 && ret >= -4095 && -ret > LAST_USER_ERRNO;
}

/* Open @path with @flags and keep the descriptor in the pool. */
static void pool_open(const char *path, int flags)
{
	int fd = open(path, flags, 0644);

	if (fd >= 0 && ws.nr_pool < (int)(sizeof(ws.pool) / sizeof(ws.pool[0])))
		ws.pool[ws.nr_pool++] = fd;
}

static void pool_add(int fd)
{
	if (fd >= 0 && ws.nr_pool < (int)(sizeof(ws.pool) / sizeof(ws.pool[0])))
		ws.pool[ws.nr_pool++] = fd;
}

static char *map_pages(int pages, int prot)
{
	void *p = mmap(NULL, (size_t)pages * PAGE_SIZE, prot,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

/*
 * Everything the generators use.  The descriptors 0, 1 and 2 become
 * /dev/null: random writes must not reach the console, and a read of
 * the console would block.
 */
static int worker_setup(int worker, int workers, const char *log_path)
{
	char dir[64];
	int fd, pipefd[2];

	ws.worker = worker;
	ws.workers = workers;
	if (fuzz_verbose)
		dup2(1, CONSOLE_FD);
	else
		dup2(2, CONSOLE_FD);
	fd = open(log_path, O_WRONLY | O_CREAT | O_APPEND, 0644);
	if (fd < 0 || dup2(fd, LOG_FD) < 0)
		return -1;
	close(fd);
	fd = open("/dev/null", O_RDWR);
	dup2(fd, 0);
	dup2(fd, 1);
	dup2(fd, 2);
	if (fd > 2)
		close(fd);

	snprintf(dir, sizeof(dir), FUZZ_DIR "/w%d", worker);
	mkdir(dir, 0755);
	if (chdir(dir) < 0)
		return -1;
	mkdir("d", 0755);
	mkdir("d/sub", 0755);
	signal(SIGPIPE, SIG_IGN);
	if (fuzz_faults) {
		fd = open("/dev/fail-nth", O_RDWR);
		if (fd < 0 || dup2(fd, FAIL_NTH_FD) < 0)
			return -1;
		close(fd);
	}

	ws.nr_pool = 0;
	pool_open("/dev/null", O_RDWR);
	pool_open("/dev/zero", O_RDONLY);
	pool_open("/etc/motd", O_RDONLY);
	pool_open("file", O_RDWR | O_CREAT);
	pool_open("d", O_RDONLY | O_DIRECTORY);
	pool_open("/", O_RDONLY | O_DIRECTORY);
	pool_open("/proc/self/status", O_RDONLY);	/* if /proc is mounted */
	if (pipe2(pipefd, O_NONBLOCK) == 0) {
		pool_add(pipefd[0]);
		pool_add(pipefd[1]);
		pool_add(dup(pipefd[1]));
	}
	pool_add(dup(ws.pool[0]));

	/* Scratch, then a page we unmap: ranges that run off the end. */
	ws.scratch = map_pages(SCRATCH_PAGES + 1, PROT_READ | PROT_WRITE);
	ws.rdonly = map_pages(1, PROT_READ);
	ws.victim = map_pages(VICTIM_PAGES, PROT_READ | PROT_WRITE);
	if (!ws.scratch || !ws.rdonly || !ws.victim)
		return -1;
	ws.scratch_end = ws.scratch + SCRATCH_PAGES * PAGE_SIZE;
	munmap(ws.scratch_end, PAGE_SIZE);
	ws.brk0 = (unsigned long)sbrk(0);
	return 0;
}

/* Arm (@n > 0) or disarm (0) the fault countdown for the next call. */
static void set_fail_nth(unsigned int n)
{
	char text[12];
	int len = snprintf(text, sizeof(text), "%u", n);

	raw_syscall(__NR_write, FAIL_NTH_FD, (long)text, len, 0, 0, 0);
}

/*
 * After a call: pipes it made become non-blocking as the pool's are (the
 * kernel wrote their numbers into scratch, wherever in it they landed).
 */
static void after_call(const struct call *c, long ret)
{
	int *fds = (int *)c->arg[0];

	if ((c->nr == __NR_pipe || c->nr == __NR_pipe2) && ret == 0 &&
	    (char *)fds >= ws.scratch && (char *)(fds + 2) <= ws.scratch_end) {
		fcntl(fds[0], F_SETFL, O_NONBLOCK);
		fcntl(fds[1], F_SETFL, O_NONBLOCK);
	}
}

/*
 * worker_main - make calls [@first, @end) of the run with @seed, as
 * worker @worker of @workers; never returns.  Exits WORKER_DONE after the
 * last call, WORKER_ANOMALY after a bad result, 1 if the setup failed.
 */
void worker_main(int worker, int workers, uint32_t seed, uint32_t first, uint32_t end)
{
	char log_path[64], line[512];
	struct call c;
	uint32_t i, nth;
	long ret;
	int n;

	snprintf(log_path, sizeof(log_path), FUZZ_DIR "/log.%d", worker);
	if (worker_setup(worker, workers, log_path) < 0) {
		dprintf(2, "fuzz: worker %d: setup failed: %s\n", worker, strerror(errno));
		_exit(1);
	}
	for (i = first; i < end; i++) {
		gen_call(&c, seed, i);
		n = format_call(line, sizeof(line), i, &c);
		/* Drawn after the arguments, so that -F does not change them. */
		nth = fuzz_faults && one_in(FAULT_ONE_IN) ? 1 + rnd_below(FAULT_NTH_MAX) : 0;
		if (nth && n > 1)
			n += snprintf(line + n - 1, sizeof(line) - n + 1, " [fail-nth %u]\n",
				      nth) - 1;
		put(LOG_FD, line, n);
		if (fuzz_verbose)
			put(CONSOLE_FD, line, n);
		if (nth)
			set_fail_nth(nth);
		if (c.spec && c.spec->kind == SC_FORK)
			ret = raw_fork_syscall(c.nr, c.arg[0], c.arg[1], c.arg[2],
					       c.arg[3], c.arg[4], c.arg[5]);
		else
			ret = raw_syscall(c.nr, c.arg[0], c.arg[1], c.arg[2],
					  c.arg[3], c.arg[4], c.arg[5]);
		if (nth)
			set_fail_nth(0);
		if (fuzz_verbose) {
			n = snprintf(line, sizeof(line), "  = %ld\n", ret);
			put(CONSOLE_FD, line, n);
		}
		if (bad_result(ret)) {
			n = snprintf(line, sizeof(line), "%c#%u returned %ld, not an errno\n",
				     LOG_ANOMALY, i, ret);
			put(LOG_FD, line, n);
			_exit(WORKER_ANOMALY);
		}
		after_call(&c, ret);
	}
	put(LOG_FD, LOG_END, sizeof(LOG_END) - 1);
	_exit(WORKER_DONE);
}
