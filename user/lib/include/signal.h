/*
 * signal.h - signals (signal.c, sigset.c, strsignal.c).  Numbers, flags,
 * siginfo_t and the ucontext come from <uapi/signal.h>, shared with the
 * kernel.  sigset_t is the kernel's 64-bit set, so sigprocmask() and
 * sigaction() hand it to the kernel unchanged (sigsetsize 8).
 */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <sys/types.h>
#include <uapi/signal.h>

#define NSIG		(_NSIG + 1)	/* one past the highest signal number */
#define SIGRTMAX	_NSIG

typedef kernel_sigset_t sigset_t;
typedef int sig_atomic_t;
typedef __sighandler_t sighandler_t;

/*
 * What a program passes to sigaction().  The kernel's struct
 * kernel_sigaction orders the fields differently; sigaction() converts.
 * sa_restorer is ignored on the way in: the library always supplies its
 * own (sigrestore.S), as glibc does.
 */
struct sigaction {
	union {
		void (*sa_handler)(int);
		void (*sa_sigaction)(int, siginfo_t *, void *);
	};
	sigset_t sa_mask;
	int sa_flags;
	void (*sa_restorer)(void);
};

int sigaction(int sig, const struct sigaction *act, struct sigaction *oact);
sighandler_t signal(int sig, sighandler_t handler);
int sigprocmask(int how, const sigset_t *set, sigset_t *oldset);
int sigpending(sigset_t *set);
int sigsuspend(const sigset_t *mask);
int kill(pid_t pid, int sig);
int raise(int sig);

int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int sig);
int sigdelset(sigset_t *set, int sig);
int sigismember(const sigset_t *set, int sig);

char *strsignal(int sig);

#endif /* _SIGNAL_H */
