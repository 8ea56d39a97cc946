/*
 * kernel/signal_internal.h - what kernel/signal.c and kernel/signal_syscalls.c
 * share: the default-action sets and the helpers both use.
 */
#ifndef KERNEL_SIGNAL_INTERNAL_H
#define KERNEL_SIGNAL_INTERNAL_H

#include <nest/signal.h>

/* The default actions, as Linux's sig_kernel_*() sets. */
#define SIG_KERNEL_ONLY_MASK	(sigmask(SIGKILL) | sigmask(SIGSTOP))
#define SIG_KERNEL_STOP_MASK	(sigmask(SIGSTOP) | sigmask(SIGTSTP) | \
				 sigmask(SIGTTIN) | sigmask(SIGTTOU))
#define SIG_KERNEL_IGNORE_MASK	(sigmask(SIGCONT) | sigmask(SIGCHLD) | \
				 sigmask(SIGWINCH) | sigmask(SIGURG))
#define SIG_KERNEL_COREDUMP_MASK (sigmask(SIGQUIT) | sigmask(SIGILL) | \
				  sigmask(SIGTRAP) | sigmask(SIGABRT) | \
				  sigmask(SIGFPE) | sigmask(SIGSEGV) | \
				  sigmask(SIGBUS) | sigmask(SIGSYS) | \
				  sigmask(SIGXCPU) | sigmask(SIGXFSZ))

#define sig_in_mask(sig, mask)	((sig) < SIGRTMIN && (sigmask(sig) & (mask)))
#define sig_kernel_only(sig)	sig_in_mask(sig, SIG_KERNEL_ONLY_MASK)
#define sig_kernel_stop(sig)	sig_in_mask(sig, SIG_KERNEL_STOP_MASK)
#define sig_kernel_ignore(sig)	sig_in_mask(sig, SIG_KERNEL_IGNORE_MASK)
#define sig_kernel_coredump(sig) sig_in_mask(sig, SIG_KERNEL_COREDUMP_MASK)
#define valid_signal(sig)	((sig) >= 1 && (sig) <= _NSIG)

struct k_sigaction *sig_action(struct task_struct *t, int sig);
bool sig_handler_ignored(__sighandler_t handler, int sig);
/* Remove the signals in @mask from @s, and their queued siginfo. */
void flush_sigqueue_mask(const sigset_t *mask, struct sigpending *s);
/* kill() of one task by current: si_pid as the target's namespace sees it. */
int kill_task(int sig, struct task_struct *t);

#endif /* KERNEL_SIGNAL_INTERNAL_H */
