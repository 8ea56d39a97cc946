/*
 * user/lib/strsignal.c - strsignal(): a signal's description, with glibc's
 * texts ("Segmentation fault", "Killed", ...).  Real-time signals are
 * numbered from SIGRTMIN (32, the kernel's), where glibc starts at 34
 * because it keeps two for its threads.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>

static const char *const descriptions[] = {
	[SIGHUP] = "Hangup",
	[SIGINT] = "Interrupt",
	[SIGQUIT] = "Quit",
	[SIGILL] = "Illegal instruction",
	[SIGTRAP] = "Trace/breakpoint trap",
	[SIGABRT] = "Aborted",
	[SIGBUS] = "Bus error",
	[SIGFPE] = "Floating point exception",
	[SIGKILL] = "Killed",
	[SIGUSR1] = "User defined signal 1",
	[SIGSEGV] = "Segmentation fault",
	[SIGUSR2] = "User defined signal 2",
	[SIGPIPE] = "Broken pipe",
	[SIGALRM] = "Alarm clock",
	[SIGTERM] = "Terminated",
	[SIGSTKFLT] = "Stack fault",
	[SIGCHLD] = "Child exited",
	[SIGCONT] = "Continued",
	[SIGSTOP] = "Stopped (signal)",
	[SIGTSTP] = "Stopped",
	[SIGTTIN] = "Stopped (tty input)",
	[SIGTTOU] = "Stopped (tty output)",
	[SIGURG] = "Urgent I/O condition",
	[SIGXCPU] = "CPU time limit exceeded",
	[SIGXFSZ] = "File size limit exceeded",
	[SIGVTALRM] = "Virtual timer expired",
	[SIGPROF] = "Profiling timer expired",
	[SIGWINCH] = "Window changed",
	[SIGIO] = "I/O possible",
	[SIGPWR] = "Power failure",
	[SIGSYS] = "Bad system call",
};

/* Room for "Real-time signal 32" and "Unknown signal -2147483648". */
#define DESCRIPTION_LEN	32

/*
 * strsignal - the description of signal @sig.  Real-time and unknown
 * numbers are formatted into a static buffer that the next call reuses.
 */
char *strsignal(int sig)
{
	static char buf[DESCRIPTION_LEN];

	if (sig > 0 && sig < SIGRTMIN)
		return (char *)descriptions[sig];
	if (sig >= SIGRTMIN && sig <= SIGRTMAX)
		snprintf(buf, sizeof(buf), "Real-time signal %d", sig - SIGRTMIN);
	else
		snprintf(buf, sizeof(buf), "Unknown signal %d", sig);
	return buf;
}
