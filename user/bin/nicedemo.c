/*
 * user/bin/nicedemo.c - nicedemo [SECONDS [NICE...]]: CPU-bound processes
 * at the given nice values (default: 2 seconds, nice 0 and 5) count as
 * fast as they can; at the end each one's share of all the counting is
 * printed beside its fair share, weight / total weight (lab 3).
 *
 *	$ nicedemo 3 0 5
 *	nicedemo: 2 CPU-bound processes for 3 s
 *	  nice  weight        loops   share   fair
 *	     0    1024    ...          75.2%  75.3%
 *	     5     335    ...          24.8%  24.6%
 *
 * A demonstration, not a test: the counts depend on the machine and on
 * what else runs.  On a multi-core Linux each process has a core of its
 * own and all shares come out equal; pin them to one (taskset -c 0
 * nicedemo) to see the weights.  Nest has one CPU.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_SPINNERS		8
#define DEFAULT_SECONDS		2
#define PERMILLE		1000

/* Linux's sched_prio_to_weight[] (kernel/sched/core.c), nice -20 first. */
static const unsigned int prio_to_weight[40] = {
	88761, 71755, 56483, 46273, 36291, 29154, 23254, 18705, 14949, 11916,
	 9548,  7620,  6100,  4904,  3906,  3121,  2501,  1991,  1586,  1277,
	 1024,   820,   655,   526,   423,   335,   272,   215,   172,   137,
	  110,    87,    70,    56,    45,    36,    29,    23,    18,    15,
};

/* What a spinner reports when it is told to stop. */
struct result {
	int index;
	unsigned long long loops;
};

static volatile sig_atomic_t stop;

static void on_sigterm(int sig)
{
	stop = 1;
}

/* A spinner: wait for the start (EOF on @go), count until SIGTERM, report. */
static void __attribute__((noreturn)) spin(int index, int nice_value, int go, int results)
{
	struct result r = { index, 0 };
	char c;

	signal(SIGTERM, on_sigterm);
	if (setpriority(PRIO_PROCESS, 0, nice_value) < 0)
		perror("nicedemo: setpriority");
	while (read(go, &c, 1) > 0)
		;
	while (!stop)
		r.loops++;
	write(results, &r, sizeof(r));
	_exit(0);
}

int main(int argc, char **argv)
{
	int nices[MAX_SPINNERS] = { 0, 5 }, n = 2, i, go[2], results[2];
	unsigned long long loops[MAX_SPINNERS] = { 0 }, total = 0;
	unsigned long weight_total = 0;
	unsigned int seconds = DEFAULT_SECONDS;
	pid_t pids[MAX_SPINNERS];
	struct result r;

	if (argc > 1)
		seconds = atoi(argv[1]);
	if (argc > 2) {
		n = argc - 2 > MAX_SPINNERS ? MAX_SPINNERS : argc - 2;
		for (i = 0; i < n; i++)
			nices[i] = atoi(argv[i + 2]);
	}
	if (!seconds || pipe(go) < 0 || pipe(results) < 0) {
		fprintf(stderr, "usage: nicedemo [SECONDS [NICE...]]\n");
		return 1;
	}
	printf("nicedemo: %d CPU-bound processes for %u s\n", n, seconds);
	fflush(stdout);
	for (i = 0; i < n; i++) {
		if (nices[i] < -20)
			nices[i] = -20;
		if (nices[i] > 19)
			nices[i] = 19;
		pids[i] = fork();
		if (pids[i] == 0) {
			close(go[1]);
			close(results[0]);
			spin(i, nices[i], go[0], results[1]);
		}
		weight_total += prio_to_weight[nices[i] + 20];
	}
	close(go[0]);
	close(results[1]);
	close(go[1]);		/* EOF: every spinner starts now */
	sleep(seconds);
	for (i = 0; i < n; i++)
		kill(pids[i], SIGTERM);
	while (read(results[0], &r, sizeof(r)) == sizeof(r)) {
		loops[r.index] = r.loops;
		total += r.loops;
	}
	for (i = 0; i < n; i++)
		waitpid(pids[i], NULL, 0);

	printf("  nice  weight                loops   share   fair\n");
	for (i = 0; i < n; i++) {
		unsigned int w = prio_to_weight[nices[i] + 20];
		unsigned int share = total ? loops[i] * PERMILLE / total : 0;
		unsigned int fair = (unsigned long long)w * PERMILLE / weight_total;

		printf("  %4d  %6u  %19llu  %3u.%u%%  %3u.%u%%\n", nices[i], w, loops[i],
		       share / 10, share % 10, fair / 10, fair % 10);
	}
	return 0;
}
