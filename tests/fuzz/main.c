/*
 * tests/fuzz/main.c - /bin/fuzz, the system call fuzzer: its options, its
 * rounds and its watchdogs.
 *
 *	fuzz [-s SEED] [-n CALLS] [-f FIRST] [-w WORKERS] [-r ROUND] [-t MS] [-v] [-F]
 *
 * makes calls FIRST .. FIRST+CALLS-1 of the run with SEED (see fuzz.h:
 * call i depends on SEED and i only).  Defaults: seed 1, 20000 calls from
 * 0, 4 workers, rounds of 1000 calls, a call is stuck after 500 ms.
 * -v prints every call on the console before it is made, and its result.
 * -F injects a fault into one allocation of one call in four (worker.c;
 * boot with failslab fail_page_alloc).
 * Replaying one call:  fuzz -s SEED -f I -n 1 -v
 *
 * The processes:
 *
 *	supervisor (the caller; pid 1 when booted as init=/bin/fuzz)
 *	  `- monitor: pid 1 of a fresh pid namespace, one per round
 *	       `- workers 0..WORKERS-1 (worker.c), each with a slice of the
 *	          round's calls, and whatever they fork
 *
 * The monitor watches its workers.  One that ends without its "end"
 * record died during the call its log names last (the log is written
 * before each call): it is counted, and a new worker carries on from the
 * next call.  One whose log has not grown for -t ms is stuck in a call
 * that blocks: SIGKILL, and the same.  A stopped one is killed too.  At
 * the end of the round the monitor kills what is left in its namespace,
 * reaps it, removes the round's files and writes its counts to the
 * supervisor through a pipe.  The supervisor gives a round ROUND_TIMEOUT
 * seconds; a monitor that overruns is killed (its namespace dies with it)
 * and the run fails: the kernel hung.
 *
 * The last lines are always "fuzz: seed S: N calls ..." and "fuzz: ok" (exit
 * 0) or "fuzz: FAIL ..." (exit 1).  Booted as init with `leakcheck`
 * (tests/boot_tests.py), the kernel then also checks that every page and
 * slab object the run used came back.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <dirent.h>
#include <sched.h>
#include <sys/wait.h>
#include <sys/stat.h>
#include <sys/mount.h>
#include "fuzz.h"

#define DEFAULT_CALLS		20000
#define DEFAULT_WORKERS		4
#define DEFAULT_ROUND		1000
#define DEFAULT_STUCK_MS	500
#define MAX_WORKERS		16
#define POLL_NS			10000000	/* the monitor looks every 10 ms */
#define ROUND_TIMEOUT_S		30
#define MAX_RESTARTS		200		/* per worker slot and round */
#define LOG_TAIL		512		/* bytes of a log read for its end */

/* What a round did, sent from the monitor to the supervisor. */
struct round_stats {
	uint32_t calls;		/* calls started */
	uint32_t died;		/* workers killed by a signal not ours */
	uint32_t stuck;		/* workers killed by the watchdog */
	uint32_t stopped;	/* workers that stopped themselves (SIGSTOP...) */
	uint32_t exited;	/* workers replaced by execve, or that exited */
	uint32_t anomalies;	/* bad results (worker.c) */
	uint32_t given_up;	/* slices abandoned after MAX_RESTARTS */
	uint32_t skipped;	/* the calls those slices did not make */
};

static uint32_t seed = 1, first_call, nr_calls = DEFAULT_CALLS;
static int nr_workers = DEFAULT_WORKERS, round_calls = DEFAULT_ROUND;
static int stuck_ms = DEFAULT_STUCK_MS;

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000;
}

static void nap(void)
{
	struct timespec ts = { 0, POLL_NS };

	nanosleep(&ts, NULL);
}

/* ---- the monitor ---- */

struct slot {
	pid_t pid;		/* the worker now running it, 0 if none */
	uint32_t next, end;	/* the calls still to make */
	int logfd;		/* its log, read-only */
	off_t size;		/* the log's size at the last look */
	long changed;		/* when it last grew */
	int killed;		/* we sent SIGKILL: KILLED_STUCK or KILLED_STOPPED */
	int restarts;
};

#define KILLED_STUCK	1
#define KILLED_STOPPED	2

static struct slot slots[MAX_WORKERS];
static struct round_stats stats;
static int stats_fd;			/* where the counts go at the end */

static void start_worker(int w)
{
	struct slot *s = &slots[w];
	pid_t pid = fork();

	if (pid == 0) {
		/* Random writes must not reach the monitor's own files. */
		for (int k = 0; k < nr_workers; k++)
			close(slots[k].logfd);
		close(stats_fd);
		worker_main(w, nr_workers, seed, s->next, s->end);
	}
	if (pid < 0) {
		/* No memory for a process now: try again on the next look. */
		s->pid = 0;
		return;
	}
	s->pid = pid;
	s->killed = 0;
	s->changed = now_ms();
}

/*
 * The last record of worker @w's log: "end", "!..." (an anomaly), or the
 * call it started last as "#N ...".  Returns its first character (0 if
 * there is none) and stores the call number of the last "#N" in *@call.
 */
static int last_record(int w, char *rec, size_t size, uint32_t *call)
{
	char buf[LOG_TAIL + 1], *line, *p;
	off_t end = lseek(slots[w].logfd, 0, SEEK_END);
	off_t from = end > LOG_TAIL ? end - LOG_TAIL : 0;
	ssize_t n;

	rec[0] = '\0';
	lseek(slots[w].logfd, from, SEEK_SET);
	n = read(slots[w].logfd, buf, (size_t)(end - from));
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	while (n > 0 && buf[n - 1] == '\n')
		buf[--n] = '\0';
	line = strrchr(buf, '\n');
	line = line ? line + 1 : buf;
	snprintf(rec, size, "%s", line);
	/* The call an anomaly is about, or the last call started. */
	p = strrchr(buf, '#');
	if (p)
		*call = (uint32_t)strtoul(p + 1, NULL, 10);
	return line[0];
}

/* Worker @w has ended with wait status @status: count it, carry on. */
static void worker_ended(int w, int status)
{
	struct slot *s = &slots[w];
	char rec[256];
	uint32_t call = s->next;
	int kind = last_record(w, rec, sizeof(rec), &call);

	s->pid = 0;
	if (kind == 'e') {			/* "end": the slice is done */
		s->next = s->end;
		return;
	}
	if (kind == LOG_ANOMALY) {
		stats.anomalies++;
		dprintf(2, "fuzz: FAIL: %s\n", rec);
	} else if (s->killed == KILLED_STOPPED) {
		stats.stopped++;
	} else if (s->killed) {
		stats.stuck++;
		dprintf(2, "fuzz: stuck for %d ms, killed: %s\n", stuck_ms, rec);
	} else if (WIFSIGNALED(status)) {
		stats.died++;
		if (fuzz_verbose)
			dprintf(2, "fuzz: signal %d: %s\n", WTERMSIG(status), rec);
	} else {
		stats.exited++;
	}
	if (kind != '#') {
		/* Died before its first call: setup failed (no memory?). */
		call = s->next - 1;
	}
	s->next = call + 1;
	if (s->next < s->end && ++s->restarts > MAX_RESTARTS) {
		dprintf(2, "fuzz: FAIL: worker %d restarted %d times; at %s\n", w,
			MAX_RESTARTS, rec);
		stats.given_up++;
		stats.skipped += s->end - s->next;
		s->next = s->end;
	}
}

/*
 * Remove @path and everything under it (the round's files).  The listing
 * is read again after each removal: it changes under an open directory.
 */
static void remove_tree(const char *path)
{
	char sub[512];
	struct dirent *e;
	DIR *dir;

	for (;;) {
		dir = opendir(path);
		if (!dir) {
			unlink(path);
			return;
		}
		while ((e = readdir(dir)) &&
		       (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")))
			;
		if (e)
			snprintf(sub, sizeof(sub), "%s/%s", path, e->d_name);
		closedir(dir);
		if (!e)
			break;
		remove_tree(sub);
	}
	rmdir(path);
}

/* Reap whatever has ended; returns 0 once nothing is left at all. */
static int reap(void)
{
	int status, w;
	pid_t pid;

	while ((pid = waitpid(-1, &status, WNOHANG | WUNTRACED)) > 0) {
		if (WIFSTOPPED(status)) {
			/* Stopped by a signal it sent: it would never go on. */
			kill(pid, SIGKILL);
			for (w = 0; w < nr_workers; w++)
				if (slots[w].pid == pid)
					slots[w].killed = KILLED_STOPPED;
			continue;
		}
		for (w = 0; w < nr_workers; w++)
			if (slots[w].pid == pid)
				worker_ended(w, status);
		/* Anything else: a worker's orphan or its CLONE_PARENT child. */
	}
	return !(pid < 0 && errno == ECHILD);
}

/* Kill a worker whose log has not grown for stuck_ms. */
static void watch(int w)
{
	struct slot *s = &slots[w];
	off_t size = lseek(s->logfd, 0, SEEK_END);
	long t = now_ms();

	if (size != s->size) {
		s->size = size;
		s->changed = t;
	} else if (t - s->changed > stuck_ms && !s->killed) {
		kill(s->pid, SIGKILL);
		s->killed = KILLED_STUCK;
	}
}

/*
 * monitor - pid 1 of the round's namespace: run calls [@first, @first +
 * @count) on the workers and write the counts to @out.
 */
static int monitor(uint32_t first, uint32_t count, int out)
{
	char path[64];
	int w, busy;

	setsid();	/* kill(0, ...) from a worker stays in the namespace */
	stats_fd = out;
	memset(&stats, 0, sizeof(stats));
	for (w = 0; w < nr_workers; w++) {
		struct slot *s = &slots[w];

		s->next = first + (uint32_t)((uint64_t)count * w / nr_workers);
		s->end = first + (uint32_t)((uint64_t)count * (w + 1) / nr_workers);
		snprintf(path, sizeof(path), FUZZ_DIR "/log.%d", w);
		close(open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644));
		s->logfd = open(path, O_RDONLY);
		s->size = 0;
		s->restarts = 0;
		s->pid = 0;
	}
	do {
		busy = 0;
		for (w = 0; w < nr_workers; w++) {
			struct slot *s = &slots[w];

			if (!s->pid && s->next < s->end)
				start_worker(w);
			if (s->pid) {
				watch(w);
				busy = 1;
			}
		}
		reap();
		if (busy)
			nap();
	} while (busy);

	/* Orphans of the workers, if any are left: the namespace ends here. */
	kill(-1, SIGKILL);
	while (reap())
		nap();
	for (w = 0; w < nr_workers; w++) {
		close(slots[w].logfd);
		snprintf(path, sizeof(path), FUZZ_DIR "/w%d", w);
		remove_tree(path);
		snprintf(path, sizeof(path), FUZZ_DIR "/log.%d", w);
		unlink(path);
	}
	stats.calls = count - stats.skipped;
	write(out, &stats, sizeof(stats));
	return 0;
}

/* ---- the supervisor ---- */

/*
 * Run one round in a new pid namespace; returns 0, or -1 if it hung or
 * could not start.  Adds its counts to @total.
 */
static int run_round(int round, uint32_t first, uint32_t count, struct round_stats *total)
{
	struct round_stats rs;
	long deadline;
	int fds[2], status;
	pid_t pid;

	if (pipe(fds) < 0)
		return -1;
	pid = (pid_t)syscall(__NR_clone, CLONE_NEWPID | SIGCHLD, 0, 0, 0, 0);
	if (pid == 0) {
		close(fds[0]);
		_exit(monitor(first, count, fds[1]));
	}
	close(fds[1]);
	if (pid < 0) {
		printf("fuzz: round %d: clone(CLONE_NEWPID): %s\n", round, strerror(errno));
		close(fds[0]);
		return -1;
	}
	deadline = now_ms() + ROUND_TIMEOUT_S * 1000L;
	while (waitpid(pid, &status, WNOHANG) == 0) {
		if (now_ms() > deadline) {
			printf("fuzz: FAIL: round %d (calls %u..%u) hung: killing it\n",
			       round, first, first + count - 1);
			fflush(stdout);
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			close(fds[0]);
			remove_tree(FUZZ_DIR);
			mkdir(FUZZ_DIR, 0755);
			return -1;
		}
		nap();
	}
	memset(&rs, 0, sizeof(rs));
	if (read(fds[0], &rs, sizeof(rs)) != sizeof(rs)) {
		printf("fuzz: FAIL: round %d: the monitor ended without its counts (%s)\n",
		       round, WIFSIGNALED(status) ? "killed by a signal" : "exited");
		close(fds[0]);
		return -1;
	}
	close(fds[0]);
	total->calls += rs.calls;
	total->died += rs.died;
	total->stuck += rs.stuck;
	total->stopped += rs.stopped;
	total->exited += rs.exited;
	total->anomalies += rs.anomalies;
	total->given_up += rs.given_up;
	return 0;
}

static void usage(void)
{
	dprintf(2, "usage: fuzz [-s SEED] [-n CALLS] [-f FIRST] [-w WORKERS] [-r ROUND]"
		" [-t MS] [-v] [-F]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	struct round_stats total;
	uint32_t done = 0, count;
	int i, round = 0, failed = 0, proc_mounted;
	long start, ms;

	for (i = 1; i < argc; i++) {
		const char *opt = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;

		if (!strcmp(opt, "-v") || !strcmp(opt, "-F")) {
			*(opt[1] == 'v' ? &fuzz_verbose : &fuzz_faults) = 1;
			continue;
		}
		if (!val || opt[0] != '-' || opt[2])
			usage();
		i++;
		switch (opt[1]) {
		case 's': seed = (uint32_t)strtoul(val, NULL, 0); break;
		case 'n': nr_calls = (uint32_t)strtoul(val, NULL, 0); break;
		case 'f': first_call = (uint32_t)strtoul(val, NULL, 0); break;
		case 'w': nr_workers = atoi(val); break;
		case 'r': round_calls = atoi(val); break;
		case 't': stuck_ms = atoi(val); break;
		default: usage();
		}
	}
	if (nr_workers < 1 || nr_workers > MAX_WORKERS || round_calls < 1 || stuck_ms < 1)
		usage();
	setvbuf(stdout, NULL, _IONBF, 0);
	printf("fuzz: seed %u: calls %u..%u, %d workers, rounds of %d calls%s\n", seed,
	       first_call, first_call + nr_calls - 1, nr_workers, round_calls,
	       fuzz_faults ? ", fault injection" : "");
	remove_tree(FUZZ_DIR);
	mkdir(FUZZ_DIR, 0755);
	/* procfs too, if it is there and not mounted yet: its files get fuzzed. */
	proc_mounted = mount("proc", "/proc", "proc", 0, NULL) == 0;
	memset(&total, 0, sizeof(total));
	start = now_ms();
	while (done < nr_calls) {
		count = nr_calls - done < (uint32_t)round_calls ? nr_calls - done :
			(uint32_t)round_calls;
		if (fuzz_verbose)
			printf("fuzz: round %d: calls %u..%u\n", round, first_call + done,
			       first_call + done + count - 1);
		if (run_round(round, first_call + done, count, &total) < 0)
			failed++;
		done += count;
		round++;
	}
	remove_tree(FUZZ_DIR);
	if (proc_mounted)
		umount2("/proc", 0);
	ms = now_ms() - start;
	printf("fuzz: seed %u: %u calls in %ld.%03ld s (%ld calls/s), %d rounds\n", seed,
	       total.calls, ms / 1000, ms % 1000, ms ? total.calls * 1000L / ms : 0, round);
	printf("fuzz: workers: %u killed by signals, %u stopped, %u stuck and killed, "
	       "%u exited (execve), %u slices given up\n", total.died, total.stopped,
	       total.stuck, total.exited, total.given_up);
	failed += (int)total.anomalies + (int)total.given_up;
	if (failed) {
		printf("fuzz: FAIL: %d problems (%u bad results)\n", failed, total.anomalies);
		return 1;
	}
	printf("fuzz: ok\n");
	return 0;
}
