/*
 * user/bin/init.c - the first process, /sbin/init.
 *
 *	init			run /bin/sh (as "sh"); when it exits, power off
 *	init PROG [ARG...]	run PROG (looked up in PATH) with its ARGs; when
 *				it exits, print its status and power off
 *
 * The kernel starts init with file descriptors 0, 1 and 2 open on the
 * console; init opens nothing.  Before the shell, init prints a banner
 * that says what to try.  If the environment has no PATH, children get
 * PATH=/bin:/sbin.  When standard input is a terminal the child leads a
 * process group of its own and is given the terminal, so a typed ^C
 * interrupts it (a PROG run ends there) while init goes on.  Besides its
 * own child, init reaps every process that ends up as its child (orphans
 * are reparented to the namespace's init), so none stays a zombie.
 *
 * When the program has exited, init prints one line with its status, then:
 *   - as pid 1, it powers off with reboot(RB_POWER_OFF).  On Nest that ends
 *     the machine (and the QEMU run).  On Linux, as pid 1 of a new pid
 *     namespace ("unshare --pid --fork init PROG"), it ends the namespace:
 *     its init dies of SIGINT.
 *   - as any other pid, it does not reboot (that could power off a Linux
 *     host) but exits with the program's exit status (128 + N for death
 *     by signal N), so it can be tested as an ordinary program.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/reboot.h>
#include <sys/wait.h>
#include <unistd.h>

#define SHELL_PATH	"/bin/sh"
#define DEFAULT_PATH_ENV	"PATH=/bin:/sbin"
#define EXEC_FAILED	127	/* the exit status when PROG cannot be run */
#define SIGNAL_STATUS	128	/* a shell's exit status for "killed by signal" is 128 + N */

/* What a student sees before the first prompt. */
static const char banner[] =
	"\n"
	"Welcome to Nest, a small kernel that teaches pid namespaces.  Try:\n"
	"  nsdemo              one process, a different pid at each namespace level\n"
	"  ps                  every process with its pids, NSPID, from your level down\n"
	"  pstree -p           the process tree, namespace boundaries marked\n"
	"  cat /proc/slabinfo  the slab caches, pid_namespace and pid_N among them\n"
	"  help                the shell's builtins, keys and programs\n"
	"The up arrow recalls a command; ^C interrupts one; exit powers off.\n"
	"\n";

/* If the environment lacks PATH, a copy of it with DEFAULT_PATH_ENV added. */
static void ensure_path(void)
{
	static char *fallback[] = { DEFAULT_PATH_ENV, NULL };
	char **env;
	size_t n = 0;

	if (getenv("PATH"))
		return;
	while (environ && environ[n])
		n++;
	env = malloc((n + 2) * sizeof(*env));
	if (!env) {
		environ = fallback;
		return;
	}
	env[0] = DEFAULT_PATH_ENV;
	memcpy(env + 1, environ, n * sizeof(*env));
	env[n + 1] = NULL;
	environ = env;
}

/*
 * In the child, on a terminal: lead a process group of its own and make it
 * the terminal's foreground group, so what is typed (^C) goes to it and
 * not to init.  SIGTTOU is blocked meanwhile, so a terminal that has a
 * foreground group already (Linux) lets the background child take it.
 */
static void give_terminal_to_self(void)
{
	sigset_t ttou, old;

	if (!isatty(STDIN_FILENO))
		return;
	sigemptyset(&ttou);
	sigaddset(&ttou, SIGTTOU);
	sigprocmask(SIG_BLOCK, &ttou, &old);
	if (setpgid(0, 0) == 0)
		tcsetpgrp(STDIN_FILENO, getpgrp());
	sigprocmask(SIG_SETMASK, &old, NULL);
}

/* Start @path with @argv in a child; returns its pid, or -1. */
static pid_t start(const char *path, char **argv)
{
	pid_t pid = fork();

	if (pid < 0) {
		fprintf(stderr, "init: fork: %s\n", strerror(errno));
		return -1;
	}
	if (pid == 0) {
		give_terminal_to_self();
		execvp(path, argv);
		fprintf(stderr, "init: %s: %s\n", path, strerror(errno));
		_exit(EXEC_FAILED);
	}
	return pid;
}

/* Reap children (orphans too) until @child ends; returns its status. */
static int reap_until(pid_t child)
{
	int status;

	for (;;) {
		pid_t pid = waitpid(-1, &status, 0);

		if (pid == child)
			return status;
		if (pid < 0 && errno != EINTR) {
			fprintf(stderr, "init: waitpid: %s\n", strerror(errno));
			return EXEC_FAILED << 8;
		}
	}
}

int main(int argc, char **argv)
{
	static char *shell_argv[] = { "sh", NULL };
	const char *path = SHELL_PATH;
	char **child_argv = shell_argv;
	int status, code;
	pid_t child;

	if (argc > 1) {
		path = argv[1];
		child_argv = argv + 1;
	}
	ensure_path();
	if (argc == 1) {
		fputs(banner, stdout);
		fflush(stdout);
	}

	child = start(path, child_argv);
	status = child < 0 ? EXEC_FAILED << 8 : reap_until(child);
	if (WIFSIGNALED(status)) {
		if (WTERMSIG(status) == SIGINT)
			putchar('\n');		/* after the terminal's ^C */
		printf("init: %s killed by signal %d (%s)\n", path,
		       WTERMSIG(status), strsignal(WTERMSIG(status)));
		code = SIGNAL_STATUS + WTERMSIG(status);
	} else {
		printf("init: %s exited with status %d\n", path,
		       WEXITSTATUS(status));
		code = WEXITSTATUS(status);
	}

	if (getpid() != 1)
		return code;
	printf("init: powering off\n");
	fflush(stdout);
	reboot(RB_POWER_OFF);
	fprintf(stderr, "init: reboot: %s\n", strerror(errno));
	return code;
}
