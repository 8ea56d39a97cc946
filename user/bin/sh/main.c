/*
 * user/bin/sh/main.c - sh, a small shell: its command line and its
 * read-run loop.  The other files: parse.c reads commands, run.c runs
 * them, builtin.c has the builtins and the background jobs (see sh.h).
 *
 *	sh			read commands from standard input, prompting "nest$ "
 *	sh FILE [ARG...]	run the commands in FILE ($0 is FILE, $1... the ARGs)
 *	sh -c CMD [ARG0 ARG...]	run CMD
 *
 * The language, a small subset of the POSIX shell's:
 *   - words are separated by blanks; '...' is taken literally; "..." allows
 *     \" \\ \$ and $-expansion inside; a backslash outside quotes takes the
 *     next character literally; # starts a comment at the start of a word
 *   - $? the last status, $$ the shell's pid, $! the last background pid,
 *     $0..$9 and $# the arguments, $NAME an environment variable
 *   - a | b | c	a pipeline; its status is c's
 *   - cmd &		run in the background; the shell prints "[pid]"
 *   - a ; b		one after the other (so is a newline)
 *   - < FILE, > FILE, >> FILE	redirect standard input or output
 *   - builtins: cd [DIR], exit [N], wait [PID...], fg [PID], bg [PID],
 *     pwd, help
 * Programs are found through PATH (execvp).  When a command fails the shell
 * says so on stderr: "sh: cmd: exit 3", "sh: cmd: killed by signal 11
 * (Segmentation fault)".  Background jobs are reaped by "wait" (in the
 * order they were started, so the output is the same on every run) or,
 * when interactive, just before a prompt.
 *
 * When it reads commands from a terminal the shell edits the line itself,
 * with a history (edit.c), and does job control (jobs.c): ^C interrupts
 * the program in the foreground, not the shell.  From anything else (a
 * file, a pipe) it does neither.
 *
 * Input is read a byte at a time with read(), never ahead: a command that
 * reads the same standard input gets what follows its own line.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

#define LINE_MAX_LEN	4096	/* longest input line */
#define PROMPT		"nest$ "

/* The shell's state (sh.h); interactive only matters here. */
int last_status;
pid_t last_bg_pid;
int nargs;
char **args;
int input_fd = STDIN_FILENO;
static int interactive;		/* commands from standard input: prompts */
static int editing;		/* ... and it is a terminal: edit.c reads them */

/* Run every command on one line (or a -c string). */
static void run_line(const char *line)
{
	struct pipeline pl;
	int more = 1;

	while (more) {
		int r = parse_pipeline(&line, &pl, &more);

		if (r > 0)
			run_pipeline(&pl);
		free_pipeline(&pl);
		if (r < 0)
			break;
	}
}

/*
 * Read one line from @fd into @buf, without its newline, a byte at a time
 * so nothing past the line is consumed.  Returns the length, or -1 at end
 * of input with nothing read.
 */
static int read_line(int fd, char *buf, int size)
{
	int n = 0, too_long = 0;
	char c;

	for (;;) {
		ssize_t r = read(fd, &c, 1);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			if (n == 0 && !too_long)
				return -1;
			break;
		}
		if (c == '\n')
			break;
		if (n < size - 1)
			buf[n++] = c;
		else
			too_long = 1;
	}
	buf[n] = '\0';
	if (too_long)
		fprintf(stderr, "sh: line too long, cut to %d bytes\n", size - 1);
	return n;
}

int main(int argc, char **argv)
{
	static char line[LINE_MAX_LEN];

	if (argc > 2 && !strcmp(argv[1], "-c")) {
		/* $0 is the word after the command, if any, as in POSIX sh. */
		args = argc > 3 ? argv + 3 : argv;
		nargs = argc > 3 ? argc - 3 : 1;
		run_line(argv[2]);
		return last_status;
	}
	if (argc > 1) {
		input_fd = open(argv[1], O_RDONLY);
		if (input_fd < 0) {
			fprintf(stderr, "sh: %s: %s\n", argv[1], strerror(errno));
			return STATUS_NOT_FOUND;
		}
		args = argv + 1;
		nargs = argc - 1;
	} else {
		interactive = 1;
		args = argv;
		nargs = 1;
	}

	/* On a terminal: job control and line editing. */
	if (interactive && edit_init()) {
		editing = 1;
		init_job_control();
	}

	for (;;) {
		int n;

		if (interactive)
			reap_jobs();
		if (editing) {
			n = edit_line(PROMPT, line, sizeof(line));
			if (n == EDIT_INTERRUPTED) {
				last_status = STATUS_SIGNALED + SIGINT;
				continue;
			}
		} else {
			if (interactive) {
				fputs(PROMPT, stdout);
				fflush(stdout);
			}
			n = read_line(input_fd, line, sizeof(line));
		}
		if (n < 0)
			break;
		run_line(line);
	}
	return last_status;
}

