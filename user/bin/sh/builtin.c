/*
 * user/bin/sh/builtin.c - the builtins: cd, pwd, exit, help, and the job
 * builtins wait, fg and bg, which jobs.c implements.  run.c calls them,
 * in the shell itself for a builtin alone in the foreground.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

#define STATUS_MASK	0xff	/* a parent sees the low 8 bits of exit's argument */
#define PROGRAM_DIR	"/bin"	/* where help looks for the programs to list */
#define MAX_PROGRAMS	128	/* programs help lists */
#define HELP_COLUMNS	72	/* help's list of programs wraps here */

static const char *const builtins[] = { "cd", "pwd", "exit", "wait", "fg", "bg", "help" };
#define NR_BUILTINS	(int)(sizeof(builtins) / sizeof(builtins[0]))

/* What "help" says before its list of the programs in /bin. */
static const char help_text[] =
	"Builtins:\n"
	"  cd [DIR]        change directory (to $HOME, or /, without DIR)\n"
	"  pwd             print the current directory\n"
	"  exit [N]        leave the shell, with status N (default: $?)\n"
	"  wait [PID...]   wait for background jobs (all of them, without PIDs)\n"
	"  fg [PID]        continue a stopped (^Z) or background job in the foreground\n"
	"  bg [PID]        continue a stopped job in the background\n"
	"  help            this text\n"
	"Commands: a | b (pipe), a ; b, cmd & (background), < FILE, > FILE, >> FILE,\n"
	"  'literal', \"with $VARS\", $? (last status), $$, $!, $0..$9, $#.\n"
	"Keys: Backspace, ^U (erase the line), ^W (a word), Up/Down (history),\n"
	"  ^C (interrupt the running program), ^Z (stop it), ^D (leave).\n"
	"Demos:\n"
	"  nsdemo              one process in nested pid namespaces\n"
	"  ps                  processes, with their pids at every namespace level\n"
	"  pstree -p           the process tree; [pid ns N] marks namespace boundaries\n"
	"  cat /proc/slabinfo  the slab caches, pid_namespace and pid_N among them\n";

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The builtin "help": the text above, then the programs in PROGRAM_DIR, sorted. */
static int builtin_help(void)
{
	char *names[MAX_PROGRAMS];
	struct dirent *d;
	int n = 0, i, col;
	DIR *dir;

	fputs(help_text, stdout);
	dir = opendir(PROGRAM_DIR);
	if (dir) {
		while ((d = readdir(dir)) && n < MAX_PROGRAMS)
			if (d->d_name[0] != '.')
				names[n++] = strdup(d->d_name);
		closedir(dir);
	}
	qsort(names, n, sizeof(names[0]), compare_names);
	fputs("Programs in " PROGRAM_DIR ":", stdout);
	col = HELP_COLUMNS;
	for (i = 0; i < n; i++) {
		if (col + 1 + (int)strlen(names[i]) > HELP_COLUMNS) {
			fputs("\n ", stdout);
			col = 1;
		}
		col += printf(" %s", names[i]);
		free(names[i]);
	}
	fputs("\n", stdout);
	fflush(stdout);
	return 0;
}

/* is_builtin - whether @name is a builtin (builtins[]). */
int is_builtin(const char *name)
{
	int i;

	for (i = 0; i < NR_BUILTINS; i++)
		if (!strcmp(name, builtins[i]))
			return 1;
	return 0;
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
	if (!strcmp(name, "fg"))
		return builtin_fg(c->argc, c->argv);
	if (!strcmp(name, "bg"))
		return builtin_bg(c->argc, c->argv);
	if (!strcmp(name, "help"))
		return builtin_help();

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

