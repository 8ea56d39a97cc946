/*
 * user/bin/sh/run.c - running a pipeline: a child per command, pipes
 * between them, redirections, execvp() through PATH, then waiting and
 * reporting how each one ended.  Called by main.c with what parse.c built;
 * hands builtins to builtin.c and background children to its job table.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "sh.h"

#define CREATE_MODE	0644	/* permissions of a file "> FILE" creates */

/*
 * report - tell what a failed command's @status was; say nothing of
 * success.  The statuses of a command that could not be run (126, 127)
 * are not repeated: the child has already said why.
 */
void report(const char *name, int status)
{
	if (WIFSIGNALED(status))
		fprintf(stderr, "sh: %s: killed by signal %d (%s)\n", name,
			WTERMSIG(status), strsignal(WTERMSIG(status)));
	else if (WEXITSTATUS(status) && WEXITSTATUS(status) != STATUS_NOT_FOUND &&
		 WEXITSTATUS(status) != STATUS_NOT_RUNNABLE)
		fprintf(stderr, "sh: %s: exit %d\n", name, WEXITSTATUS(status));
}

/*
 * status_code - $? for a wait @status: the exit code, or 128 + the signal
 * that killed (or stopped) the process.
 */
int status_code(int status)
{
	if (WIFSIGNALED(status))
		return STATUS_SIGNALED + WTERMSIG(status);
	if (WIFSTOPPED(status))
		return STATUS_SIGNALED + WSTOPSIG(status);
	return WEXITSTATUS(status);
}

/* wait_for - waitpid() that retries when a signal interrupts it. */
pid_t wait_for(pid_t pid, int *status, int options)
{
	pid_t r;

	do {
		r = waitpid(pid, status, options);
	} while (r < 0 && errno == EINTR);
	return r;
}

/* Open @path onto @fd (0 or 1).  0, or -1 after saying why. */
static int redirect(const char *path, int fd, int flags)
{
	int f = open(path, flags, CREATE_MODE);

	if (f < 0) {
		fprintf(stderr, "sh: %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (f != fd) {
		dup2(f, fd);
		close(f);
	}
	return 0;
}

/* apply_redirections - open @c's "< FILE" and "> FILE"; 0, or -1 after saying why. */
int apply_redirections(const struct cmd *c)
{
	if (c->in && redirect(c->in, STDIN_FILENO, O_RDONLY))
		return -1;
	if (c->out && redirect(c->out, STDOUT_FILENO, O_WRONLY | O_CREAT |
			       (c->append ? O_APPEND : O_TRUNC)))
		return -1;
	return 0;
}

/* In a child: set up its standard input and output, then run @c. */
__attribute__((noreturn)) static void run_child(struct cmd *c, int in, int out,
						int unused)
{
	if (input_fd != STDIN_FILENO)
		close(input_fd);	/* the script being read is not theirs */
	if (unused >= 0)
		close(unused);
	if (in != STDIN_FILENO) {
		dup2(in, STDIN_FILENO);
		close(in);
	}
	if (out != STDOUT_FILENO) {
		dup2(out, STDOUT_FILENO);
		close(out);
	}
	if (apply_redirections(c))
		_exit(1);
	if (is_builtin(c->argv[0]))
		exit(run_builtin(c));
	execvp(c->argv[0], c->argv);
	if (errno == ENOENT) {
		fprintf(stderr, "sh: %s: not found\n", c->argv[0]);
		_exit(STATUS_NOT_FOUND);
	}
	fprintf(stderr, "sh: %s: %s\n", c->argv[0], strerror(errno));
	_exit(STATUS_NOT_RUNNABLE);
}

/*
 * run_pipeline - run @pl: start every command, connected by pipes, then
 * wait for each in order and report failures, unless it is in the
 * background (then print "[pid]" and leave them to the job table).  Sets
 * $? to the last command's status.  A lone builtin runs in the shell.
 * With job control the pipeline is a process group of its own (led by
 * its first command) and, in the foreground, holds the terminal until it
 * ends or stops (jobs.c).
 */
void run_pipeline(struct pipeline *pl)
{
	pid_t pids[MAX_CMDS], pgid = 0;
	char *names[MAX_CMDS];
	int in = STDIN_FILENO;
	int i, j, status, interrupted = 0;

	if (pl->n == 1 && !pl->background && is_builtin(pl->cmds[0].argv[0])) {
		last_status = run_builtin_here(&pl->cmds[0]);
		return;
	}
	for (i = 0; i < pl->n; i++) {
		int fds[2] = { -1, STDOUT_FILENO };

		if (i + 1 < pl->n && pipe(fds)) {
			perror("sh: pipe");
			break;
		}
		names[i] = pl->cmds[i].argv[0];
		pids[i] = fork();
		if (pids[i] == 0) {
			child_enter_job(pgid, !pl->background);
			run_child(&pl->cmds[i], in, fds[1], fds[0]);
		}
		if (pids[i] < 0)
			perror("sh: fork");
		if (in != STDIN_FILENO)
			close(in);
		if (fds[1] != STDOUT_FILENO)
			close(fds[1]);
		in = fds[0];
		if (pids[i] < 0)
			break;
		if (!pgid)
			pgid = pids[i];
		parent_add_to_job(pids[i], pgid);
	}
	if (in > STDIN_FILENO)
		close(in);

	if (pl->background) {
		for (j = 0; j < i; j++)
			add_job(pids[j], job_control ? pgid : 0, names[j], 0);
		if (i) {
			last_bg_pid = pids[i - 1];
			printf("[%d]\n", last_bg_pid);
			fflush(stdout);
		}
		last_status = 0;
		return;
	}
	if (i)
		give_terminal(pgid);
	last_status = 1;
	for (j = 0; j < i; j++) {
		if (wait_for(pids[j], &status, job_control ? WUNTRACED : 0) != pids[j])
			continue;
		if (WIFSTOPPED(status)) {
			/* ^Z: the rest of the pipeline is stopped too. */
			foreground_stopped(pids + j, names + j, i - j, pgid);
			last_status = status_code(status);
			break;
		}
		/*
		 * A pipeline's reader may go first: SIGPIPE upstream is
		 * normal.  A ^C needs no words, only a new line after the
		 * terminal's "^C", as in other shells.
		 */
		if (job_control && WIFSIGNALED(status) && WTERMSIG(status) == SIGINT)
			interrupted = 1;
		else if (!(j + 1 < pl->n && WIFSIGNALED(status) &&
			   WTERMSIG(status) == SIGPIPE))
			report(pl->cmds[j].argv[0], status);
		if (j == pl->n - 1)
			last_status = status_code(status);
	}
	if (interrupted)
		putchar('\n');
	give_terminal(0);
}
