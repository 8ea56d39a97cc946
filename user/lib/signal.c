/*
 * user/lib/signal.c - signal actions, the signal mask, and sending
 * signals: sigaction(), signal(), sigprocmask(), sigpending(),
 * sigsuspend(), kill(), raise().  Signal sets are sigset.c's; the return
 * trampolines are sigrestore.S's.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include "libc.h"
#include "syscall_i386.h"

/*
 * sigaction - set and/or fetch the action for @sig.  @act: the new action,
 * or NULL to leave it.  @oact: where to store the old one, or NULL.
 *
 * Like glibc, it always passes SA_RESTORER and its own trampoline: one
 * that calls rt_sigreturn for an SA_SIGINFO handler (the kernel builds an
 * rt frame with siginfo and ucontext) and sigreturn otherwise (the old
 * frame).  Returns 0, or -1 (EINVAL: bad signal, or SIGKILL/SIGSTOP).
 */
int sigaction(int sig, const struct sigaction *act, struct sigaction *oact)
{
	struct kernel_sigaction kact, koact;
	long ret;

	if (act) {
		kact.sa_handler = act->sa_handler;
		kact.sa_flags = act->sa_flags | SA_RESTORER;
		kact.sa_restorer = act->sa_flags & SA_SIGINFO ? __restore_rt :
							      __restore;
		kact.sa_mask = act->sa_mask;
	}
	ret = syscall4(__NR_rt_sigaction, sig, act ? &kact : NULL,
		       oact ? &koact : NULL, KERNEL_SIGSET_SIZE);
	if (ret == 0 && oact) {
		oact->sa_handler = koact.sa_handler;
		oact->sa_flags = koact.sa_flags;
		oact->sa_restorer = koact.sa_restorer;
		oact->sa_mask = koact.sa_mask;
	}
	return ret;
}

/*
 * signal - install @handler (or SIG_DFL, SIG_IGN) for @sig with glibc's
 * BSD semantics: the handler stays installed, @sig is blocked while it
 * runs, and interrupted system calls restart.  Returns the old handler,
 * or SIG_ERR with errno set.
 */
sighandler_t signal(int sig, sighandler_t handler)
{
	struct sigaction sa, old;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sa.sa_flags = SA_RESTART;
	if (sigaction(sig, &sa, &old))
		return SIG_ERR;
	return old.sa_handler;
}

/*
 * sigprocmask - change the blocked set.  @how: SIG_BLOCK adds @set,
 * SIG_UNBLOCK removes it, SIG_SETMASK replaces the mask with it; @set NULL
 * changes nothing.  @oldset: where to store the previous mask, or NULL.
 * SIGKILL and SIGSTOP cannot be blocked (the kernel quietly drops them).
 */
int sigprocmask(int how, const sigset_t *set, sigset_t *oldset)
{
	return syscall4(__NR_rt_sigprocmask, how, set, oldset,
			KERNEL_SIGSET_SIZE);
}

/* sigpending - store in @set the signals that are blocked and waiting. */
int sigpending(sigset_t *set)
{
	return syscall2(__NR_rt_sigpending, set, KERNEL_SIGSET_SIZE);
}

/*
 * sigsuspend - replace the mask with @mask and sleep until a handler has
 * run, then restore the mask.  Always returns -1 with EINTR.
 */
int sigsuspend(const sigset_t *mask)
{
	return syscall2(__NR_rt_sigsuspend, mask, KERNEL_SIGSET_SIZE);
}

/*
 * kill - send @sig to @pid: > 0 that process, 0 the caller's process
 * group, -1 every process the caller may signal except itself (and init),
 * < -1 process group -@pid.  @sig 0 only checks.  Returns 0, or -1
 * (ESRCH: no such process in the caller's namespace; EINVAL; EPERM).
 */
int kill(pid_t pid, int sig)
{
	return syscall2(__NR_kill, pid, sig);
}

/*
 * raise - send @sig to the caller.  A handler runs before raise()
 * returns.  (glibc uses tgkill to target the thread; Nest's processes
 * are single-threaded, so kill() of our own pid is the same.)
 */
int raise(int sig)
{
	return kill(getpid(), sig);
}
