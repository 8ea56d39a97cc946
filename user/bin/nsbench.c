/*
 * nsbench - process and pid namespace round trips, in guest instructions.
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
 *	clone_newpid_exit_wait	the same with clone(CLONE_NEWPID)
 *	fork_exit_wait_depth8	fork+exit+wait from a process 8 namespaces deep
 *	getppid			one getppid() system call
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sched.h>
#include <signal.h>
#include <sys/wait.h>
#include <sys/syscall.h>

#define ROUNDS		200
#define GETPPID_ROUNDS	10000
#define DEPTH		8
#define STACK_SIZE	16384

static char child_stack[STACK_SIZE] __attribute__((aligned(16)));

static unsigned long long rdtsc(void)
{
	unsigned int lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((unsigned long long)hi << 32) | lo;
}

static void report(const char *name, unsigned long long total, unsigned long n,
		   const char *what)
{
	unsigned long long hundredths = total * 100 / n;

	printf("BENCH %s %llu.%02llu # %s\n", name, hundredths / 100, hundredths % 100, what);
}

static unsigned long long fork_loop(void)
{
	unsigned long long t0 = rdtsc();
	int i, status;

	for (i = 0; i < ROUNDS; i++) {
		pid_t pid = fork();

		if (pid == 0)
			_exit(0);
		waitpid(pid, &status, 0);
	}
	return rdtsc() - t0;
}

static int child_exit(void *arg)
{
	(void)arg;
	return 0;
}

static unsigned long long clone_newpid_loop(void)
{
	unsigned long long t0 = rdtsc();
	int i, status;

	for (i = 0; i < ROUNDS; i++) {
		pid_t pid = clone(child_exit, child_stack + STACK_SIZE,
				  CLONE_NEWPID | SIGCHLD, NULL);

		if (pid < 0) {
			perror("nsbench: clone(CLONE_NEWPID)");
			exit(1);
		}
		waitpid(pid, &status, 0);
	}
	return rdtsc() - t0;
}

/*
 * Go @levels more pid namespaces down, then time the fork loop there and
 * send the figure up a pipe (an exit status is too small for it).  Each
 * level gets a fresh stack: clone() writes the child's first frame at the
 * top of the stack it is given while the caller still runs, and the caller
 * of a deeper level is itself running on the stack it was started on.
 */
static int nested(void *arg)
{
	int *levels_fd = arg;
	unsigned long long t;

	if (levels_fd[0] > 0) {
		int next[2] = { levels_fd[0] - 1, levels_fd[1] }, status;
		char *stack = malloc(STACK_SIZE);
		pid_t pid = stack ? clone(nested, stack + STACK_SIZE,
					  CLONE_NEWPID | SIGCHLD, next) : -1;

		if (pid < 0) {
			perror("nsbench: clone(CLONE_NEWPID)");
			return 1;
		}
		waitpid(pid, &status, 0);
		return WEXITSTATUS(status);
	}
	t = fork_loop();
	return write(levels_fd[1], &t, sizeof(t)) == sizeof(t) ? 0 : 1;
}

int main(void)
{
	unsigned long long t0, t;
	int fds[2], arg[2], status, i;
	pid_t pid;

	setvbuf(stdout, NULL, _IOLBF, 0);
	/* Warm up: the first fork pays for caches and page tables. */
	fork_loop();

	report("fork_exit_wait", fork_loop(), ROUNDS, "fork + _exit + waitpid");
	report("clone_newpid_exit_wait", clone_newpid_loop(), ROUNDS,
	       "clone(CLONE_NEWPID) + exit + waitpid");

	if (pipe(fds) < 0)
		return 1;
	arg[0] = DEPTH;
	arg[1] = fds[1];
	pid = fork();
	if (pid == 0)
		_exit(nested(arg));
	close(fds[1]);		/* so a failed chain gives end of file, not a hang */
	waitpid(pid, &status, 0);
	if (read(fds[0], &t, sizeof(t)) == sizeof(t))
		report("fork_exit_wait_depth8", t, ROUNDS,
		       "fork + _exit + waitpid, 8 pid namespaces deep");
	else
		fprintf(stderr, "nsbench: the depth-%d run failed (status %d)\n", DEPTH, status);

	t0 = rdtsc();
	for (i = 0; i < GETPPID_ROUNDS; i++)
		syscall(SYS_getppid);
	report("getppid", rdtsc() - t0, GETPPID_ROUNDS, "one getppid() system call");
	printf("BENCH done\n");
	return 0;
}
