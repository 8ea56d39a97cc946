/*
 * nsbench - process, memory and pid namespace round trips, in guest
 * instructions.
 *
 * `make bench` boots Nest with init=/bin/nsbench under QEMU -icount
 * shift=0, where the time-stamp counter advances by one per instruction,
 * so rdtsc differences are exact instruction counts (tools/bench.py reads
 * the BENCH lines).  Each figure is the mean over a loop: the whole round
 * trip, user and kernel, including the scheduler and the timer ticks that
 * fall inside it.  On another system the numbers are cycles, not
 * instructions, and only roughly comparable.
 *
 *	fork_exit_wait		fork(); the child _exit(0)s; waitpid()
 *	fork_exit_wait_4mib	the same from a process with 4 MiB touched
 *	clone_newpid_exit_wait	the same with clone(CLONE_NEWPID)
 *	fork_exit_wait_depth8	fork+exit+wait from a process 8 namespaces deep
 *	pipe_pingpong		one byte to a child and back through two pipes
 *	getppid			one getppid() system call
 *	boot_to_init		from reset to nsbench's main(), as init
 *	fork_exit_wait_depth@D	a curve: fork+exit+wait at namespace depth D
 *				(BENCH lines "name@x value": tools/bench.py
 *				writes each curve to a data file)
 *
 * `nsbench profile NAME` runs only benchmark NAME (after the warm-up),
 * between calls of profile_begin() and profile_end(), which do nothing:
 * `tools/bench.py --profile NAME` traces the run under QEMU and counts the
 * instructions executed between the two, per function.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sched.h>
#include <signal.h>
#include <sys/wait.h>
#include <sys/syscall.h>

#define ROUNDS		200
#define PROFILE_ROUNDS	20	/* a traced run is slow: fewer rounds */
#define CURVE_ROUNDS	50
#define GETPPID_ROUNDS	10000
#define PINGPONG_ROUNDS	1000
#define DEPTH		8
#define STACK_SIZE	16384
#define PAGE_SIZE	4096
#define BIG_BYTES	(4 * 1024 * 1024)

/* The depths of the fork-cost curve; MAX_PID_NS_LEVEL is 32. */
static const int curve_depths[] = { 0, 1, 2, 4, 8, 16, 32 };
#define NR_CURVE_DEPTHS	(int)(sizeof(curve_depths) / sizeof(curve_depths[0]))

static char child_stack[STACK_SIZE] __attribute__((aligned(16)));
static const char *profile_name;	/* `nsbench profile NAME` */

static unsigned long long rdtsc(void)
{
	unsigned int lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((unsigned long long)hi << 32) | lo;
}

static int profiling;			/* run() is running the profiled loop */

/* Markers for tools/bench.py --profile: it looks for their addresses. */
void profile_begin(void);
void profile_end(void);

__attribute__((noinline)) void profile_begin(void)
{
	__asm__ volatile("" : : : "memory");
}

__attribute__((noinline)) void profile_end(void)
{
	__asm__ volatile("" : : : "memory");
}

static void report(const char *name, unsigned long long total, unsigned long n,
		   const char *what)
{
	unsigned long long hundredths;

	if (profile_name)	/* run() ran the loop PROFILE_ROUNDS times */
		n = PROFILE_ROUNDS;
	hundredths = total * 100 / n;

	printf("BENCH %s %llu.%02llu # %s\n", name, hundredths / 100, hundredths % 100, what);
}

/*
 * Run @fn(@rounds) and return its count.  In profile mode only the
 * benchmark called @name runs, PROFILE_ROUNDS times.
 */
static unsigned long long run(const char *name, unsigned long long (*fn)(int), int rounds)
{
	unsigned long long t;

	if (!profile_name)
		return fn(rounds);
	if (strcmp(profile_name, name))
		return 0;
	profiling = 1;
	t = fn(PROFILE_ROUNDS);
	profiling = 0;
	return t;
}

/*
 * The timed part of every loop is between timer_start() and timer_stop(),
 * and so, in profile mode, between the markers: set-up (touching 4 MiB,
 * making pipes) is neither timed nor profiled.
 */
static unsigned long long timer_start(void)
{
	if (profiling)
		profile_begin();
	return rdtsc();
}

static unsigned long long timer_stop(unsigned long long t0)
{
	unsigned long long t = rdtsc() - t0;

	if (profiling)
		profile_end();
	return t;
}

static unsigned long long fork_loop(int rounds)
{
	unsigned long long t0 = timer_start();
	int i, status;

	for (i = 0; i < rounds; i++) {
		pid_t pid = fork();

		if (pid == 0)
			_exit(0);
		waitpid(pid, &status, 0);
	}
	return timer_stop(t0);
}

/* The fork loop from a process that has touched every page of 4 MiB. */
static unsigned long long fork_4mib_loop(int rounds)
{
	char *big = malloc(BIG_BYTES);
	unsigned long long t;
	long i;

	if (!big) {
		perror("nsbench: malloc(4 MiB)");
		exit(1);
	}
	for (i = 0; i < BIG_BYTES; i += PAGE_SIZE)
		big[i] = 1;
	t = fork_loop(rounds);
	free(big);
	return t;
}

static int child_exit(void *arg)
{
	(void)arg;
	return 0;
}

static unsigned long long clone_newpid_loop(int rounds)
{
	unsigned long long t0 = timer_start();
	int i, status;

	for (i = 0; i < rounds; i++) {
		pid_t pid = clone(child_exit, child_stack + STACK_SIZE,
				  CLONE_NEWPID | SIGCHLD, NULL);

		if (pid < 0) {
			perror("nsbench: clone(CLONE_NEWPID)");
			exit(1);
		}
		waitpid(pid, &status, 0);
	}
	return timer_stop(t0);
}

/* A byte to a child through one pipe and back through another. */
static unsigned long long pingpong_loop(int rounds)
{
	int to_child[2], to_parent[2], i, status;
	unsigned long long t0, t;
	char c = 'x';
	pid_t pid;

	if (pipe(to_child) < 0 || pipe(to_parent) < 0) {
		perror("nsbench: pipe");
		exit(1);
	}
	pid = fork();
	if (pid == 0) {
		/* Our copy of the write end would keep read() from seeing EOF. */
		close(to_child[1]);
		close(to_parent[0]);
		while (read(to_child[0], &c, 1) == 1)
			if (write(to_parent[1], &c, 1) != 1)
				_exit(1);
		_exit(0);
	}
	/* One round first, so that the child is up and waiting. */
	if (write(to_child[1], &c, 1) != 1 || read(to_parent[0], &c, 1) != 1)
		exit(1);
	t0 = timer_start();
	for (i = 0; i < rounds; i++) {
		if (write(to_child[1], &c, 1) != 1 || read(to_parent[0], &c, 1) != 1) {
			perror("nsbench: ping-pong");
			exit(1);
		}
	}
	t = timer_stop(t0);
	close(to_child[1]);
	waitpid(pid, &status, 0);
	close(to_child[0]);
	close(to_parent[0]);
	close(to_parent[1]);
	return t;
}

static unsigned long long getppid_loop(int rounds)
{
	unsigned long long t0 = timer_start();
	int i;

	for (i = 0; i < rounds; i++)
		syscall(SYS_getppid);
	return timer_stop(t0);
}

/*
 * Go down pid namespaces one level at a time, to @arg->levels; at each
 * depth @arg->measure(depth) says to, time the fork loop there and send
 * (depth, count) up the pipe (an exit status is too small for it).  Each
 * level gets a fresh stack: clone() writes the child's first frame at the
 * top of the stack it is given while the caller still runs, and the caller
 * of a deeper level is itself running on the stack it was started on.
 */
struct descent {
	int depth;		/* of the process running nested() */
	int levels;		/* how deep to go */
	int fd;			/* the pipe's write end */
	int rounds;
	const char *name;	/* for profile mode */
	int (*measure)(int depth);
};

struct sample {
	int depth;
	unsigned long long count;
};

static int nested(void *arg)
{
	struct descent *d = arg;

	if (d->measure(d->depth)) {
		struct sample s = { d->depth, run(d->name, fork_loop, d->rounds) };

		if (write(d->fd, &s, sizeof(s)) != sizeof(s))
			return 1;
	}
	if (d->depth < d->levels) {
		struct descent next = *d;
		char *stack = malloc(STACK_SIZE);
		int status;
		pid_t pid;

		next.depth++;
		pid = stack ? clone(nested, stack + STACK_SIZE, CLONE_NEWPID | SIGCHLD, &next) : -1;
		if (pid < 0) {
			perror("nsbench: clone(CLONE_NEWPID)");
			return 1;
		}
		waitpid(pid, &status, 0);
		return WEXITSTATUS(status);
	}
	return 0;
}

/*
 * Run @d from a child of ours (so our own pid namespace is untouched) and
 * read its samples; returns how many arrived, at most @max.
 */
static int descend(struct descent *d, struct sample *samples, int max)
{
	int fds[2], status, n = 0;
	pid_t pid;

	if (pipe(fds) < 0)
		return 0;
	d->fd = fds[1];
	pid = fork();
	if (pid == 0)
		_exit(nested(d));
	close(fds[1]);		/* so a failed chain gives end of file, not a hang */
	while (n < max && read(fds[0], &samples[n], sizeof(samples[n])) == sizeof(samples[n]))
		n++;
	waitpid(pid, &status, 0);
	close(fds[0]);
	return n;
}

static int at_depth8(int depth)
{
	return depth == DEPTH;
}

static int on_curve(int depth)
{
	int i;

	for (i = 0; i < NR_CURVE_DEPTHS; i++)
		if (curve_depths[i] == depth)
			return 1;
	return 0;
}

int main(int argc, char **argv)
{
	struct sample samples[NR_CURVE_DEPTHS];
	struct descent d = { 0 };
	unsigned long long t;
	int i, n;

	/* The counter started at 0 at reset: this is the whole boot. */
	t = rdtsc();
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc == 3 && !strcmp(argv[1], "profile"))
		profile_name = argv[2];
	else
		printf("BENCH boot_to_init %llu # from reset to init's main(), -kernel\n", t);
	/* Warm up: the first fork pays for caches and page tables. */
	fork_loop(profile_name ? PROFILE_ROUNDS : ROUNDS);

	t = run("fork_exit_wait", fork_loop, ROUNDS);
	if (t)
		report("fork_exit_wait", t, ROUNDS, "fork + _exit + waitpid");
	t = run("fork_exit_wait_4mib", fork_4mib_loop, ROUNDS);
	if (t)
		report("fork_exit_wait_4mib", t, ROUNDS,
		       "fork + _exit + waitpid, 4 MiB of heap touched");
	t = run("clone_newpid_exit_wait", clone_newpid_loop, ROUNDS);
	if (t)
		report("clone_newpid_exit_wait", t, ROUNDS, "clone(CLONE_NEWPID) + exit + waitpid");

	d.levels = DEPTH;
	d.rounds = ROUNDS;
	d.name = "fork_exit_wait_depth8";
	d.measure = at_depth8;
	if (descend(&d, samples, 1) == 1) {
		if (samples[0].count)
			report("fork_exit_wait_depth8", samples[0].count, ROUNDS,
			       "fork + _exit + waitpid, 8 pid namespaces deep");
	} else {
		fprintf(stderr, "nsbench: the depth-%d run failed\n", DEPTH);
	}

	t = run("pipe_pingpong", pingpong_loop, PINGPONG_ROUNDS);
	if (t)
		report("pipe_pingpong", t, PINGPONG_ROUNDS,
		       "a byte to a child and back, two pipes (two switches)");
	t = run("getppid", getppid_loop, GETPPID_ROUNDS);
	if (t)
		report("getppid", t, GETPPID_ROUNDS, "one getppid() system call");

	/* The curve: fork cost against namespace depth, one chain down to 32. */
	if (!profile_name) {
		d.levels = curve_depths[NR_CURVE_DEPTHS - 1];
		d.rounds = CURVE_ROUNDS;
		d.name = "fork_exit_wait_depth_curve";
		d.measure = on_curve;
		n = descend(&d, samples, NR_CURVE_DEPTHS);
		for (i = 0; i < n; i++) {
			char name[48];

			snprintf(name, sizeof(name), "fork_exit_wait_depth@%d", samples[i].depth);
			report(name, samples[i].count, CURVE_ROUNDS,
			       "fork + _exit + waitpid against pid namespace depth");
		}
		if (n != NR_CURVE_DEPTHS)
			fprintf(stderr, "nsbench: the depth curve stopped after %d points\n", n);
	}
	printf("BENCH done\n");
	return 0;
}
