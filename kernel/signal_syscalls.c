/*
 * kernel/signal_syscalls.c - the signal system calls: kill(), rt_sigaction(),
 * rt_sigprocmask(), rt_sigpending(), rt_sigsuspend() and pause(), as in
 * Linux's kernel/signal.c.  Sending and delivery are in kernel/signal.c;
 * the frames and sigreturn in kernel/signal_frame.c.
 *
 * kill() looks the target up in the caller's pid namespace, so a process
 * can signal only what it can see; -1 means every visible process but the
 * caller and the namespace's init, 0 and -pgid a process group.
 */
#include <nest/signal.h>
#include <nest/sched.h>
#include <nest/pid.h>
#include <nest/pid_namespace.h>
#include <nest/syscalls.h>
#include <nest/uaccess.h>
#include <nest/errno.h>
#include <uapi/signal.h>
#include "signal_internal.h"

/* Deliver to one process (thread group): its leader, for now the only thread. */
static int group_send_sig(int sig, struct task_struct *p)
{
	return kill_task(sig, p);
}

/* kill(-1, sig): every process we can see with pid > 1, except ourselves. */
static int kill_all_visible(int sig)
{
	struct pid_namespace *ns = task_active_pid_ns(current);
	struct task_struct *p;
	int count = 0, err, ret = 0;

	for_each_process(p) {
		if (p->flags & PF_KTHREAD || p->exit_state ||
		    p->group_leader == current->group_leader)
			continue;
		if (task_pid_nr_ns(p, ns) <= 1)
			continue;	/* not visible, or an init */
		err = group_send_sig(sig, p);
		count++;
		if (err != -EPERM)
			ret = err;
	}
	return count ? ret : -ESRCH;
}

int kill_pgrp(struct pid *pgrp, int sig, int priv)
{
	struct task_struct *p;
	int found = 0;

	do_each_pid_task(pgrp, PIDTYPE_PGID, p) {
		if (!p->exit_state) {
			if (priv)
				send_sig(sig, p, 1);
			else
				group_send_sig(sig, p);
			found = 1;
		}
	}
	return found ? 0 : -ESRCH;
}

SYSCALL_DEFINE2(kill, int, pid, int, sig)
{
	struct task_struct *p;

	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	if (pid > 0) {
		p = pid_task(find_vpid(pid), PIDTYPE_PID);
		if (!p || p->exit_state == EXIT_DEAD)
			return -ESRCH;
		return group_send_sig(sig, p);
	}
	if (pid == -1)
		return kill_all_visible(sig);
	if (pid == 0)
		return kill_pgrp(task_pgrp(current), sig, 0);
	if (pid == (int)0x80000000)	/* -pid would overflow: Linux says ESRCH */
		return -ESRCH;
	return kill_pgrp(find_vpid(-pid), sig, 0);
}

SYSCALL_DEFINE4(rt_sigaction, int, sig, const struct kernel_sigaction __user *, act,
		struct kernel_sigaction __user *, oact, size_t, sigsetsize)
{
	struct kernel_sigaction new_ka, old_ka;
	struct k_sigaction *k;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (!valid_signal(sig) || (act && sig_kernel_only(sig)))
		return -EINVAL;
	if (act && copy_from_user(&new_ka, act, sizeof(new_ka)))
		return -EFAULT;
	k = sig_action(current, sig);
	old_ka = k->sa;
	if (act) {
		sigdelset(&new_ka.sa_mask, SIGKILL);
		sigdelset(&new_ka.sa_mask, SIGSTOP);
		k->sa = new_ka;
		/*
		 * POSIX: setting SIG_IGN (or SIG_DFL for an ignored-by-default
		 * signal) discards that signal if it is pending.
		 */
		if (sig_handler_ignored(k->sa.sa_handler, sig)) {
			sigset_t mask;

			sigemptyset(&mask);
			sigaddset(&mask, sig);
			flush_sigqueue_mask(&mask, &current->pending);
			flush_sigqueue_mask(&mask, &current->signal->shared_pending);
		}
	}
	if (oact && copy_to_user(oact, &old_ka, sizeof(old_ka)))
		return -EFAULT;
	return 0;
}

/* Change the blocked set; SIGKILL and SIGSTOP can never be blocked. */
void set_current_blocked(sigset_t *newset)
{
	sigdelset(newset, SIGKILL);
	sigdelset(newset, SIGSTOP);
	current->blocked = *newset;
}

SYSCALL_DEFINE4(rt_sigprocmask, int, how, sigset_t __user *, nset,
		sigset_t __user *, oset, size_t, sigsetsize)
{
	sigset_t old = current->blocked, new;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (nset) {
		if (copy_from_user(&new, nset, sizeof(new)))
			return -EFAULT;
		switch (how) {
		case SIG_BLOCK:
			new.sig[0] |= old.sig[0];
			new.sig[1] |= old.sig[1];
			break;
		case SIG_UNBLOCK:
			new.sig[0] = old.sig[0] & ~new.sig[0];
			new.sig[1] = old.sig[1] & ~new.sig[1];
			break;
		case SIG_SETMASK:
			break;
		default:
			return -EINVAL;
		}
		set_current_blocked(&new);
	}
	if (oset && copy_to_user(oset, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE2(rt_sigpending, sigset_t __user *, uset, size_t, sigsetsize)
{
	sigset_t pending;

	if (sigsetsize > sizeof(sigset_t))
		return -EINVAL;
	pending.sig[0] = (current->pending.signal.sig[0] |
			  current->signal->shared_pending.signal.sig[0]) &
			 current->blocked.sig[0];
	pending.sig[1] = (current->pending.signal.sig[1] |
			  current->signal->shared_pending.signal.sig[1]) &
			 current->blocked.sig[1];
	return copy_to_user(uset, &pending, sigsetsize) ? -EFAULT : 0;
}

/* Sleep with @mask until a signal's handler runs; the old mask comes back after. */
SYSCALL_DEFINE2(rt_sigsuspend, sigset_t __user *, unewset, size_t, sigsetsize)
{
	sigset_t newset;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&newset, unewset, sizeof(newset)))
		return -EFAULT;
	current->saved_sigmask = current->blocked;
	set_current_blocked(&newset);
	while (!signal_pending(current)) {
		set_current_state(TASK_INTERRUPTIBLE);
		schedule();
	}
	current->restore_sigmask = true;
	return -ERESTARTNOHAND;
}

SYSCALL_DEFINE0(pause)
{
	while (!signal_pending(current)) {
		set_current_state(TASK_INTERRUPTIBLE);
		schedule();
	}
	return -ERESTARTNOHAND;
}
