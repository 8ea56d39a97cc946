/*
 * user/bin/kill.c - send a signal to processes.
 *
 *	kill [-SIGNAL | -s SIGNAL] PID...	SIGNAL: a number (9) or a name
 *						(KILL or SIGKILL); default TERM
 *	kill -l					list the signal names
 *
 * A PID is looked up in kill's own pid namespace; -1 and negative process
 * group ids work as in kill(2) (write "kill -- -1" or "kill -9 -1").  Exit
 * status 1 if any kill failed.
 */
#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const names[] = {
	[SIGHUP] = "HUP", [SIGINT] = "INT", [SIGQUIT] = "QUIT",
	[SIGILL] = "ILL", [SIGTRAP] = "TRAP", [SIGABRT] = "ABRT",
	[SIGBUS] = "BUS", [SIGFPE] = "FPE", [SIGKILL] = "KILL",
	[SIGUSR1] = "USR1", [SIGSEGV] = "SEGV", [SIGUSR2] = "USR2",
	[SIGPIPE] = "PIPE", [SIGALRM] = "ALRM", [SIGTERM] = "TERM",
	[SIGSTKFLT] = "STKFLT", [SIGCHLD] = "CHLD", [SIGCONT] = "CONT",
	[SIGSTOP] = "STOP", [SIGTSTP] = "TSTP", [SIGTTIN] = "TTIN",
	[SIGTTOU] = "TTOU", [SIGURG] = "URG", [SIGXCPU] = "XCPU",
	[SIGXFSZ] = "XFSZ", [SIGVTALRM] = "VTALRM", [SIGPROF] = "PROF",
	[SIGWINCH] = "WINCH", [SIGIO] = "IO", [SIGPWR] = "PWR",
	[SIGSYS] = "SYS",
};

#define NR_NAMES	((int)(sizeof(names) / sizeof(names[0])))

/* A signal number from "9", "KILL", "kill" or "SIGKILL"; -1 if none. */
static int parse_signal(const char *s)
{
	char *end;
	long n;
	int i;

	if (isdigit((unsigned char)*s)) {
		n = strtol(s, &end, 10);
		return *end || n < 0 || n > _NSIG ? -1 : (int)n;
	}
	if (!strncmp(s, "SIG", 3) || !strncmp(s, "sig", 3))
		s += 3;
	for (i = 1; i < NR_NAMES; i++) {
		const char *a = s, *b = names[i];

		while (*a && toupper((unsigned char)*a) == *b) {
			a++;
			b++;
		}
		if (!*a && !*b)
			return i;
	}
	return -1;
}

static void list_signals(void)
{
	int i;

	for (i = 1; i < NR_NAMES; i++)
		printf("%2d) SIG%s\n", i, names[i]);
}

static int usage(void)
{
	fprintf(stderr, "usage: kill [-SIGNAL | -s SIGNAL] PID...\n"
			"       kill -l\n");
	return 1;
}

int main(int argc, char **argv)
{
	int sig = SIGTERM;
	int status = 0;
	int i = 1;

	if (argc > 1 && !strcmp(argv[1], "-l")) {
		list_signals();
		return 0;
	}
	if (i < argc && !strcmp(argv[i], "-s")) {
		if (i + 1 >= argc)
			return usage();
		sig = parse_signal(argv[i + 1]);
		if (sig < 0) {
			fprintf(stderr, "kill: unknown signal '%s'\n", argv[i + 1]);
			return 1;
		}
		i += 2;
	} else if (i < argc && !strcmp(argv[i], "--")) {
		i++;
	} else if (i < argc && argv[i][0] == '-' && argv[i][1]) {
		sig = parse_signal(argv[i] + 1);
		if (sig < 0) {
			fprintf(stderr, "kill: unknown signal '%s'\n", argv[i] + 1);
			return 1;
		}
		i++;
	}
	if (i < argc && !strcmp(argv[i], "--"))
		i++;
	if (i >= argc)
		return usage();

	for (; i < argc; i++) {
		char *end;
		long pid = strtol(argv[i], &end, 10);

		if (!*argv[i] || *end) {
			fprintf(stderr, "kill: '%s': not a process id\n", argv[i]);
			status = 1;
			continue;
		}
		if (kill((pid_t)pid, sig)) {
			fprintf(stderr, "kill: %ld: %s\n", pid, strerror(errno));
			status = 1;
		}
	}
	return status;
}
