/*
 * user/bin/sh/sh.h - what the shell's files share: a command and a
 * pipeline as the parser builds them, the shell's state, and each file's
 * entry points.
 *
 *	main.c		the command line (sh, sh FILE, sh -c) and the read-run loop
 *	edit.c		reading a line on a terminal: editing keys and history
 *	parse.c		words, $-expansion, the lexer and the parser
 *	run.c		running a pipeline: fork, pipes, redirections, exec, wait
 *	builtin.c	cd, pwd, exit, help, and the dispatch of the builtins
 *	jobs.c		background and stopped jobs, job control, wait, fg, bg
 */
#ifndef SH_H
#define SH_H

#include <sys/types.h>

#define MAX_ARGS	64	/* words in one command */
#define MAX_CMDS	16	/* commands in one pipeline */

/* Exit statuses with a meaning, as in POSIX shells. */
#define STATUS_USAGE		2	/* a syntax error or a bad builtin argument */
#define STATUS_NOT_RUNNABLE	126	/* found, but exec failed */
#define STATUS_NOT_FOUND	127	/* command not found */
#define STATUS_SIGNALED		128	/* $? is 128 + N after death by signal N */

/* One command of a pipeline: its words and redirections. */
struct cmd {
	char *argv[MAX_ARGS + 1];
	int argc;
	char *in, *out;		/* redirection targets, or NULL */
	int append;		/* out is ">>" */
};

struct pipeline {
	struct cmd cmds[MAX_CMDS];
	int n;
	int background;		/* ended with '&' */
};

/* The shell's state (main.c): what $?, $!, $0... and $# read. */
extern int last_status;
extern pid_t last_bg_pid;
extern int nargs;
extern char **args;
extern int input_fd;		/* where commands come from; not for children */

/* parse.c */
int parse_pipeline(const char **p, struct pipeline *pl, int *more);
void free_pipeline(struct pipeline *pl);

/* run.c */
void run_pipeline(struct pipeline *pl);
void report(const char *name, int status);
int status_code(int status);
pid_t wait_for(pid_t pid, int *status, int options);
int apply_redirections(const struct cmd *c);

/* builtin.c */
int is_builtin(const char *name);
int run_builtin(struct cmd *c);
int run_builtin_here(struct cmd *c);

/* jobs.c */
extern int job_control;		/* pipelines get process groups and the terminal */
void init_job_control(void);
void child_enter_job(pid_t pgid, int foreground);
void parent_add_to_job(pid_t pid, pid_t pgid);
void give_terminal(pid_t pgid);
int add_job(pid_t pid, pid_t pgid, const char *name, int stopped);
void foreground_stopped(const pid_t *pids, char *const *names, int n, pid_t pgid);
void reap_jobs(void);
int builtin_wait(int argc, char **argv);
int builtin_fg(int argc, char **argv);
int builtin_bg(int argc, char **argv);

/* edit.c */
#define EDIT_EOF		(-1)	/* ^D on an empty line, or the input ended */
#define EDIT_INTERRUPTED	(-2)	/* ^C: the line was thrown away */
int edit_init(void);
int edit_line(const char *prompt, char *buf, int size);

#endif /* SH_H */
