/*
 * user/bin/sh/jobs.c - jobs: the table of background and stopped
 * processes, and job control, as POSIX shells do it on a terminal.
 *
 * With job control (an interactive shell on a terminal, job_control set by
 * init_job_control) every pipeline runs in a process group of its own,
 * led by its first process.  A foreground pipeline gets the terminal
 * (tcsetpgrp), so a typed ^C or ^Z signals it and not the shell, which
 * ignores SIGINT, SIGQUIT, SIGTSTP, SIGTTIN and SIGTTOU itself; the shell
 * takes the terminal back when the pipeline has ended or stopped.  A
 * stopped pipeline joins the job table; "fg" and "bg" continue it.
 * Without job control (a script, sh -c, input that is not a terminal)
 * nothing here changes a process group or a signal.
 *
 * run.c starts the pipelines and calls the *_job functions; builtin.c's
 * table sends "wait", "fg" and "bg" here; main.c reaps before a prompt.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "sh.h"

#define MAX_JOBS	64	/* background and stopped processes */

/* One process not yet waited for: background, or stopped. */
struct job {
	pid_t pid;
	pid_t pgid;		/* its pipeline's process group (0: no job control) */
	char *name;
	int stopped;
};

static struct job jobs[MAX_JOBS];
static int njobs;

int job_control;
static pid_t shell_pgid;

/* The signals a job-control shell ignores and its jobs must not. */
static const int job_signals[] = { SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU };
#define NR_JOB_SIGNALS	(int)(sizeof(job_signals) / sizeof(job_signals[0]))

/*
 * init_job_control - turn job control on: the shell leads a process group
 * of its own, holds the terminal (standard input), and ignores the job
 * control signals.  Call only when standard input is a terminal.  A shell
 * started in the background first stops (SIGTTIN) until it is brought to
 * the foreground, as other shells do, rather than take the terminal.
 */
void init_job_control(void)
{
	pid_t fg;
	int i;

	while ((fg = tcgetpgrp(STDIN_FILENO)) > 0 && fg != getpgrp())
		kill(-getpgrp(), SIGTTIN);
	for (i = 0; i < NR_JOB_SIGNALS; i++)
		signal(job_signals[i], SIG_IGN);
	setpgid(0, 0);		/* fails harmlessly if it leads a session */
	shell_pgid = getpgrp();
	tcsetpgrp(STDIN_FILENO, shell_pgid);
	job_control = 1;
}

/*
 * child_enter_job - in a new child of a pipeline whose process group is
 * @pgid (0: the child is the first, and leads it): join it, take the
 * terminal if the pipeline is in the @foreground, and get the default
 * action back for the signals the shell ignores.  The parent also calls
 * setpgid() and tcsetpgrp(), so neither order of the two wins a race.
 */
void child_enter_job(pid_t pgid, int foreground)
{
	int i;

	if (!job_control)
		return;
	setpgid(0, pgid);
	if (foreground)
		tcsetpgrp(STDIN_FILENO, getpgrp());
	for (i = 0; i < NR_JOB_SIGNALS; i++)
		signal(job_signals[i], SIG_DFL);
}

/* parent_add_to_job - the parent's half of child_enter_job() for @pid. */
void parent_add_to_job(pid_t pid, pid_t pgid)
{
	if (job_control)
		setpgid(pid, pgid);
}

/* give_terminal - the terminal to process group @pgid (0: back to the shell). */
void give_terminal(pid_t pgid)
{
	if (job_control)
		tcsetpgrp(STDIN_FILENO, pgid ? pgid : shell_pgid);
}

/*
 * add_job - remember process @pid of process group @pgid, started as
 * @name, in the background or @stopped.  Returns its index, or -1 if the
 * table is full: then it is not remembered (and stays a zombie until the
 * shell exits).
 */
int add_job(pid_t pid, pid_t pgid, const char *name, int stopped)
{
	if (njobs == MAX_JOBS) {
		fprintf(stderr, "sh: too many jobs; %d will not be waited for\n", pid);
		return -1;
	}
	jobs[njobs].pid = pid;
	jobs[njobs].pgid = pgid;
	jobs[njobs].stopped = stopped;
	jobs[njobs++].name = strdup(name);
	return njobs - 1;
}

static void forget_job(int i)
{
	free(jobs[i].name);
	memmove(&jobs[i], &jobs[i + 1], (njobs - i - 1) * sizeof(jobs[0]));
	njobs--;
}

/* The options for waiting on a job: with job control, stops count too. */
static int wait_options(void)
{
	return job_control ? WUNTRACED : 0;
}

static void say_stopped(int i)
{
	jobs[i].stopped = 1;
	printf("[%d] Stopped  %s\n", jobs[i].pid, jobs[i].name);
	fflush(stdout);
}

/*
 * Wait for job @i; returns its status.  If it ended it is reported and
 * forgotten (*@gone set); if it stopped it stays, marked and announced.
 */
static int wait_job(int i, int *gone)
{
	int status = 0;

	*gone = 0;
	if (wait_for(jobs[i].pid, &status, wait_options()) != jobs[i].pid) {
		forget_job(i);		/* not our child after all */
		*gone = 1;
		return STATUS_NOT_FOUND << 8;
	}
	if (WIFSTOPPED(status)) {
		say_stopped(i);
		return status;
	}
	report(jobs[i].name, status);
	forget_job(i);
	*gone = 1;
	return status;
}

/*
 * The builtin "wait [PID...]": wait for those jobs, or all, in the order
 * they were started (so the output is the same on every run).  A stopped
 * job is not waited for: it would never end.
 */
int builtin_wait(int argc, char **argv)
{
	int status, i, j, gone, ret = 0;

	if (argc == 1) {
		i = 0;
		while (i < njobs) {
			if (jobs[i].stopped) {
				i++;
				continue;
			}
			wait_job(i, &gone);
			if (!gone)
				i++;	/* it stopped meanwhile */
		}
		return 0;
	}
	for (i = 1; i < argc; i++) {
		pid_t pid = atoi(argv[i]);

		for (j = 0; j < njobs && jobs[j].pid != pid; j++)
			;
		if (j < njobs && jobs[j].stopped) {
			fprintf(stderr, "sh: wait: %d is stopped\n", pid);
			ret = STATUS_SIGNALED + SIGTSTP;
			continue;
		}
		if (j < njobs) {
			ret = status_code(wait_job(j, &gone));
			continue;
		}
		/* Not in the table: a child that was never a job, or none. */
		if (wait_for(pid, &status, 0) != pid) {
			fprintf(stderr, "sh: wait: pid %s is not a child of this shell\n",
				argv[i]);
			ret = STATUS_NOT_FOUND;
		} else {
			report(argv[i], status);
			ret = status_code(status);
		}
	}
	return ret;
}

/*
 * reap_jobs - reap the jobs that have finished, printing "[pid] Done" and
 * any failure, and announce the ones that stopped (a stopped job that a
 * kill -CONT continued is quietly running again).  Only an interactive
 * shell calls it, before a prompt: a script's output must not depend on
 * timing.
 */
void reap_jobs(void)
{
	int options = WNOHANG | (job_control ? WUNTRACED | WCONTINUED : 0);
	int i = 0, status;

	while (i < njobs) {
		if (wait_for(jobs[i].pid, &status, options) != jobs[i].pid) {
			i++;
		} else if (WIFSTOPPED(status)) {
			say_stopped(i++);
		} else if (WIFCONTINUED(status)) {
			jobs[i++].stopped = 0;
		} else {
			printf("[%d] Done\n", jobs[i].pid);
			report(jobs[i].name, status);
			forget_job(i);
		}
	}
}

/*
 * foreground_stopped - a process of the foreground pipeline in process
 * group @pgid stopped (^Z): it and the rest of the pipeline not yet
 * waited for, the @n processes @pids started as @names, become stopped
 * jobs.
 */
void foreground_stopped(const pid_t *pids, char *const *names, int n, pid_t pgid)
{
	int i, j;

	printf("\n");		/* the terminal's ^Z ends no line */
	for (i = 0; i < n; i++) {
		j = add_job(pids[i], pgid, names[i], 1);
		if (j >= 0)
			say_stopped(j);
	}
}

/* The job that "fg"/"bg" @argv[1] means (default: the latest); -1 after saying why. */
static int find_job(const char *cmd, int argc, char **argv)
{
	int i;

	if (!job_control) {
		fprintf(stderr, "sh: %s: no job control\n", cmd);
		return -1;
	}
	if (argc < 2) {
		if (!njobs)
			fprintf(stderr, "sh: %s: no current job\n", cmd);
		return njobs - 1;
	}
	for (i = njobs - 1; i >= 0; i--)
		if (jobs[i].pid == atoi(argv[1]) || jobs[i].pgid == atoi(argv[1]))
			return i;
	fprintf(stderr, "sh: %s: %s: no such job\n", cmd, argv[1]);
	return -1;
}

/*
 * The builtin "fg [PID]": continue job PID's pipeline (default: the
 * latest job) in the foreground and wait for it, as if just started.
 */
int builtin_fg(int argc, char **argv)
{
	int i = find_job("fg", argc, argv), status = 0, gone;
	pid_t pgid;

	if (i < 0)
		return 1;
	pgid = jobs[i].pgid;
	printf("%s\n", jobs[i].name);
	fflush(stdout);
	give_terminal(pgid);
	kill(-pgid, SIGCONT);
	for (i = 0; i < njobs; i++)
		if (jobs[i].pgid == pgid)
			jobs[i].stopped = 0;
	/* Wait for the pipeline in order, until it ends or stops again. */
	for (i = 0; i < njobs; ) {
		if (jobs[i].pgid != pgid) {
			i++;
			continue;
		}
		status = wait_job(i, &gone);
		if (!gone)
			break;
	}
	/* Stopped again: what is left of the pipeline stopped with it. */
	for (i = 0; i < njobs; i++)
		if (jobs[i].pgid == pgid && WIFSTOPPED(status))
			jobs[i].stopped = 1;
	give_terminal(0);
	return status_code(status);
}

/* The builtin "bg [PID]": continue job PID's pipeline in the background. */
int builtin_bg(int argc, char **argv)
{
	int i = find_job("bg", argc, argv), j;
	pid_t pgid;

	if (i < 0)
		return 1;
	pgid = jobs[i].pgid;
	for (j = 0; j < njobs; j++)
		if (jobs[j].pgid == pgid)
			jobs[j].stopped = 0;
	printf("[%d] %s &\n", jobs[i].pid, jobs[i].name);
	fflush(stdout);
	kill(-pgid, SIGCONT);
	return 0;
}
