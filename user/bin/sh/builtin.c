/*
 * user/bin/sh/builtin.c - the builtins (cd, pwd, exit, wait) and the table
 * of background jobs that "wait" empties.  run.c starts the jobs and calls
 * the builtins; main.c reaps jobs before an interactive prompt.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "sh.h"

#define MAX_JOBS	64	/* background processes not yet waited for */
#define STATUS_MASK	0xff	/* a parent sees the low 8 bits of exit's argument */

struct job {
	pid_t pid;
	char *name;
};

static struct job jobs[MAX_JOBS];
static int njobs;

/*
 * add_job - remember background process @pid, started as @name, for
 * "wait".  If the table is full it is not remembered (and stays a zombie
 * until the shell exits).
 */
void add_job(pid_t pid, const char *name)
{
	if (njobs == MAX_JOBS) {
		fprintf(stderr, "sh: too many jobs; %d will not be waited for\n", pid);
		return;
	}
	jobs[njobs].pid = pid;
	jobs[njobs++].name = strdup(name);
}

static void forget_job(int i)
{
	free(jobs[i].name);
	memmove(&jobs[i], &jobs[i + 1], (njobs - i - 1) * sizeof(jobs[0]));
	njobs--;
}

/* The builtin "wait [PID...]": wait for those jobs, or all, in order. */
static int builtin_wait(int argc, char **argv)
{
	int status, i, j, ret = 0;

	if (argc == 1) {
		while (njobs) {
			if (wait_for(jobs[0].pid, &status, 0) == jobs[0].pid)
				report(jobs[0].name, status);
			forget_job(0);
		}
		return 0;
	}
	for (i = 1; i < argc; i++) {
		pid_t pid = atoi(argv[i]);
		const char *name = argv[i];

		for (j = 0; j < njobs && jobs[j].pid != pid; j++)
			;
		if (j < njobs)
			name = jobs[j].name;
		if (wait_for(pid, &status, 0) != pid) {
			fprintf(stderr, "sh: wait: pid %s is not a child of this shell\n",
				argv[i]);
			ret = STATUS_NOT_FOUND;
		} else {
			report(name, status);
			ret = status_code(status);
		}
		if (j < njobs)
			forget_job(j);
	}
	return ret;
}

/*
 * reap_jobs - reap the background jobs that have finished, printing
 * "[pid] Done" and any failure.  Only an interactive shell calls it,
 * before a prompt: a script's output must not depend on timing.
 */
void reap_jobs(void)
{
	int i = 0, status;

	while (i < njobs) {
		if (wait_for(jobs[i].pid, &status, WNOHANG) == jobs[i].pid) {
			printf("[%d] Done\n", jobs[i].pid);
			report(jobs[i].name, status);
			forget_job(i);
		} else {
			i++;
		}
	}
}


/* is_builtin - whether @name is a builtin: cd, exit, wait, pwd. */
int is_builtin(const char *name)
{
	return !strcmp(name, "cd") || !strcmp(name, "exit") ||
	       !strcmp(name, "wait") || !strcmp(name, "pwd");
}

/*
 * run_builtin - run builtin @c in the current process; returns its status
 * ("exit" does not return).
 */
int run_builtin(struct cmd *c)
{
	char *name = c->argv[0];

	if (!strcmp(name, "cd")) {
		const char *dir = c->argc > 1 ? c->argv[1] : getenv("HOME");

		if (!dir)
			dir = "/";
		if (chdir(dir)) {
			fprintf(stderr, "sh: cd: %s: %s\n", dir, strerror(errno));
			return 1;
		}
		return 0;
	}
	if (!strcmp(name, "pwd")) {
		char buf[PATH_MAX];

		if (!getcwd(buf, sizeof(buf))) {
			fprintf(stderr, "sh: pwd: %s\n", strerror(errno));
			return 1;
		}
		printf("%s\n", buf);
		fflush(stdout);
		return 0;
	}
	if (!strcmp(name, "wait"))
		return builtin_wait(c->argc, c->argv);

	/* exit [N] */
	if (c->argc > 1) {
		char *end;
		long n = strtol(c->argv[1], &end, 10);

		if (!*c->argv[1] || *end) {
			fprintf(stderr, "sh: exit: %s: numeric argument required\n",
				c->argv[1]);
			exit(STATUS_USAGE);
		}
		exit((int)n & STATUS_MASK);
	}
	exit(last_status);
}

/*
 * run_builtin_here - run builtin @c in the shell itself, as a builtin
 * alone in the foreground does (cd must), with its redirections applied
 * for its duration only.  Returns its status.
 */
int run_builtin_here(struct cmd *c)
{
	int saved_in = dup(STDIN_FILENO), saved_out = dup(STDOUT_FILENO);
	int status = 1;

	if (!apply_redirections(c))
		status = run_builtin(c);
	dup2(saved_in, STDIN_FILENO);
	dup2(saved_out, STDOUT_FILENO);
	close(saved_in);
	close(saved_out);
	return status;
}

