/*
 * include/nest/signal.h - sending and checking signals from the kernel
 * (kernel/signal.c), with Linux's names.
 */
#ifndef NEST_SIGNAL_H
#define NEST_SIGNAL_H

#include <nest/sched.h>
#include <nest/compiler.h>

/* Is a signal waiting that the task does not block?  (Linux's check.) */
bool signal_pending(struct task_struct *p);
/* A pending SIGKILL: the task is dying, stop waiting for anything. */
bool fatal_signal_pending(struct task_struct *p);

/*
 * send_sig - send @sig to task @p as the kernel would (si_code SI_KERNEL
 * when @priv, else SI_USER from current).  Returns 0 or -errno.
 */
int send_sig(int sig, struct task_struct *p, int priv);
int send_sig_info(int sig, siginfo_t *info, struct task_struct *p);

/*
 * kill_pgrp - send @sig to every process of process group @pgrp: from the
 * kernel (si_code SI_KERNEL) when @priv, else as kill() from current.
 * 0, or -ESRCH if the group is empty.  (The console's ^C uses it.)
 */
struct pid;
int kill_pgrp(struct pid *pgrp, int sig, int priv);

/* A synchronous fault: deliver @sig now, even if blocked or ignored. */
void force_sig_fault(int sig, int code, void __user *addr);
void force_sig(int sig);

/* Called on every return to user mode (kernel/entry.c): deliver signals. */
struct pt_regs;
void do_signal(struct pt_regs *regs);

/* Fork and exit helpers. */
int copy_sighand(unsigned long clone_flags, struct task_struct *tsk);
int copy_signal(unsigned long clone_flags, struct task_struct *tsk);
void exit_signals(struct task_struct *tsk);
void flush_signal_handlers(struct task_struct *t);	/* exec */
void __cleanup_sighand(struct sighand_struct *sighand);
void __cleanup_signal(struct signal_struct *sig);
extern struct signal_struct init_signals;
extern struct sighand_struct init_sighand;
void flush_sigqueue(struct sigpending *queue);
void init_sigpending(struct sigpending *sig);
void signals_init(void);

/*
 * Tell the parent that @tsk died: SIGCHLD (or @sig) with si_status, and a
 * wake-up of its wait4().  Returns true if nobody will wait for @tsk (the
 * parent ignores SIGCHLD or set SA_NOCLDWAIT): the caller reaps it now.
 */
bool do_notify_parent(struct task_struct *tsk, int sig);

/* Build the frame for a handler on the user stack (kernel/signal_frame.c). */
int setup_signal_frame(int sig, struct k_sigaction *ka, siginfo_t *info,
		       sigset_t *oldset, struct pt_regs *regs);

/* Tell the parent @tsk stopped or continued (why: CLD_STOPPED, CLD_CONTINUED). */
void do_notify_parent_cldstop(struct task_struct *tsk, int why);
void set_current_blocked(sigset_t *newset);

/* Set helpers on the 64-bit sigset_t. */
static inline void sigaddset(sigset_t *set, int sig)
{
	sig--;
	set->sig[sig / 32] |= 1UL << (sig % 32);
}

static inline void sigdelset(sigset_t *set, int sig)
{
	sig--;
	set->sig[sig / 32] &= ~(1UL << (sig % 32));
}

static inline bool sigismember(const sigset_t *set, int sig)
{
	sig--;
	return set->sig[sig / 32] & (1UL << (sig % 32));
}

static inline void sigemptyset(sigset_t *set)
{
	set->sig[0] = set->sig[1] = 0;
}

static inline bool sigisemptyset(const sigset_t *set)
{
	return !(set->sig[0] | set->sig[1]);
}

#define sigmask(sig)	(1UL << ((sig) - 1))

#endif /* NEST_SIGNAL_H */
