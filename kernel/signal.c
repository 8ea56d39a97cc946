/*
 * kernel/signal.c - generating, queueing and delivering signals, as
 * Linux's kernel/signal.c (the system calls are in kernel/signal_syscalls.c,
 * the frames in kernel/signal_frame.c).
 *
 * Sending (kill(), a fault, a child's death) puts the signal in the
 * target's pending set with its siginfo, unless it would be ignored, and
 * wakes the target.  Delivery happens on the way back to user mode
 * (exit_to_user_mode() calls do_signal()): the default action (ignore,
 * stop, terminate), or a handler run through a frame that
 * kernel/signal_frame.c builds on the user stack.
 *
 * A namespace init (SIGNAL_UNKILLABLE) is protected as Linux protects it:
 * signals at their default action that come from inside its namespace are
 * dropped, even SIGKILL; from an ancestor namespace only SIGKILL and
 * SIGSTOP get through.  The reference (pidns-semantics.md) states the rules.
 */
#include <nest/signal.h>
#include <nest/sched.h>
#include <nest/exit.h>
#include <nest/pid.h>
#include <nest/pid_namespace.h>
#include <nest/slab.h>
#include <nest/syscalls.h>
#include <nest/uaccess.h>
#include <nest/ptrace.h>
#include <nest/string.h>
#include <nest/errno.h>
#include <nest/bug.h>
#include <nest/irqflags.h>
#include <uapi/signal.h>
#include <uapi/wait.h>
#include <uapi/sched.h>
#include "signal_internal.h"

static struct kmem_cache *sigqueue_cachep;
static struct kmem_cache *sighand_cachep;
static struct kmem_cache *signal_cachep;

struct sighand_struct init_sighand = { .count = 1 };
struct signal_struct init_signals = {
	.count = 1,
	.live = 1,
	.wait_chldexit = __WAIT_QUEUE_HEAD_INITIALIZER(init_signals.wait_chldexit),
};

void signals_init(void)
{
	sigqueue_cachep = kmem_cache_create("sigqueue", sizeof(struct sigqueue), 0,
					    SLAB_PANIC, NULL);
	sighand_cachep = kmem_cache_create("sighand_cache", sizeof(struct sighand_struct),
					   0, SLAB_HWCACHE_ALIGN | SLAB_PANIC, NULL);
	signal_cachep = kmem_cache_create("signal_cache", sizeof(struct signal_struct),
					  0, SLAB_HWCACHE_ALIGN | SLAB_PANIC, NULL);
	init_sigpending(&init_signals.shared_pending);
}

void init_sigpending(struct sigpending *sig)
{
	sigemptyset(&sig->signal);
	INIT_LIST_HEAD(&sig->list);
}

void flush_sigqueue(struct sigpending *queue)
{
	struct sigqueue *q, *n;

	sigemptyset(&queue->signal);
	list_for_each_entry_safe(q, n, &queue->list, list) {
		list_del(&q->list);
		kmem_cache_free(sigqueue_cachep, q);
	}
}

/* ---- fork, exit and exec ---- */

int copy_sighand(unsigned long clone_flags, struct task_struct *tsk)
{
	struct sighand_struct *sig;

	if (clone_flags & CLONE_SIGHAND) {
		current->sighand->count++;
		return 0;
	}
	sig = kmem_cache_alloc(sighand_cachep, GFP_KERNEL);
	if (!sig)
		return -ENOMEM;
	sig->count = 1;
	memcpy(sig->action, current->sighand->action, sizeof(sig->action));
	tsk->sighand = sig;
	return 0;
}

void __cleanup_sighand(struct sighand_struct *sighand)
{
	if (--sighand->count == 0 && sighand != &init_sighand)
		kmem_cache_free(sighand_cachep, sighand);
}

int copy_signal(unsigned long clone_flags, struct task_struct *tsk)
{
	struct signal_struct *sig = kmem_cache_zalloc(signal_cachep, GFP_KERNEL);

	if (!sig)
		return -ENOMEM;
	sig->count = 1;
	sig->live = 1;
	init_waitqueue_head(&sig->wait_chldexit);
	init_sigpending(&sig->shared_pending);
	tsk->signal = sig;
	return 0;
}

void __cleanup_signal(struct signal_struct *sig)
{
	if (--sig->count == 0 && sig != &init_signals) {
		flush_sigqueue(&sig->shared_pending);
		kmem_cache_free(signal_cachep, sig);
	}
}

void exit_signals(struct task_struct *tsk)
{
	tsk->signal->live--;
}

/* exec: handlers go back to SIG_DFL; ignored signals stay ignored (POSIX). */
void flush_signal_handlers(struct task_struct *t)
{
	int i;

	for (i = 0; i < _NSIG; i++) {
		struct kernel_sigaction *ka = &t->sighand->action[i].sa;

		if (ka->sa_handler != SIG_IGN)
			ka->sa_handler = SIG_DFL;
		ka->sa_flags = 0;
		ka->sa_restorer = NULL;
		sigemptyset(&ka->sa_mask);
	}
}

/* ---- pending signals ---- */

/* The lowest pending signal in @pending not blocked by @blocked, or 0. */
static int next_signal(const struct sigpending *pending, const sigset_t *blocked)
{
	unsigned int i;

	for (i = 0; i < 2; i++) {
		unsigned long x = pending->signal.sig[i] & ~blocked->sig[i];

		if (x)
			return i * 32 + __builtin_ctzl(x) + 1;
	}
	return 0;
}

bool signal_pending(struct task_struct *p)
{
	return next_signal(&p->pending, &p->blocked) ||
	       next_signal(&p->signal->shared_pending, &p->blocked);
}

bool fatal_signal_pending(struct task_struct *p)
{
	return sigismember(&p->pending.signal, SIGKILL);
}

struct k_sigaction *sig_action(struct task_struct *t, int sig)
{
	return &t->sighand->action[sig - 1];
}

bool sig_handler_ignored(__sighandler_t handler, int sig)
{
	return handler == SIG_IGN || (handler == SIG_DFL && sig_kernel_ignore(sig));
}

/*
 * Would @t ignore @sig?  A blocked signal is never ignored at this point:
 * the handler may change before it is unblocked.  @force: the sender is
 * in an ancestor namespace of a namespace init (see the file comment).
 */
static bool sig_task_ignored(struct task_struct *t, int sig, bool force)
{
	__sighandler_t handler = sig_action(t, sig)->sa.sa_handler;

	if ((t->signal->flags & SIGNAL_UNKILLABLE) && handler == SIG_DFL &&
	    !(force && sig_kernel_only(sig)))
		return true;
	return sig_handler_ignored(handler, sig);
}

static bool sig_ignored(struct task_struct *t, int sig, bool force)
{
	if (sigismember(&t->blocked, sig))
		return false;
	return sig_task_ignored(t, sig, force);
}

/* Remove the signals in @mask from @s, and their queued siginfo. */
void flush_sigqueue_mask(const sigset_t *mask, struct sigpending *s)
{
	struct sigqueue *q, *n;

	s->signal.sig[0] &= ~mask->sig[0];
	s->signal.sig[1] &= ~mask->sig[1];
	list_for_each_entry_safe(q, n, &s->list, list) {
		if (sigismember(mask, q->info.si_signo)) {
			list_del(&q->list);
			kmem_cache_free(sigqueue_cachep, q);
		}
	}
}

/*
 * What sending @sig does before it is queued (Linux's prepare_signal()):
 * a stop signal cancels a pending SIGCONT, SIGCONT cancels pending stops
 * and resumes a stopped group.  Returns false if @sig is to be dropped.
 */
static bool prepare_signal(int sig, struct task_struct *p, bool force)
{
	struct signal_struct *signal = p->signal;
	sigset_t mask;

	if (p->exit_state || (signal->flags & SIGNAL_GROUP_EXIT))
		return sig == SIGKILL && !p->exit_state;
	sigemptyset(&mask);
	if (sig_kernel_stop(sig)) {
		sigaddset(&mask, SIGCONT);
		flush_sigqueue_mask(&mask, &p->pending);
	} else if (sig == SIGCONT) {
		mask.sig[0] = SIG_KERNEL_STOP_MASK;
		flush_sigqueue_mask(&mask, &p->pending);
		if (signal->flags & SIGNAL_STOP_STOPPED) {
			signal->flags = (signal->flags & ~SIGNAL_STOP_STOPPED) |
					SIGNAL_STOP_CONTINUED;
			signal->group_exit_code = 0;
			wake_up_state(p, __TASK_STOPPED);
			do_notify_parent_cldstop(p, CLD_CONTINUED);
		}
	}
	return !sig_ignored(p, sig, force);
}

/* Wake @t to handle a signal: from an interruptible sleep, or any sleep for SIGKILL. */
static void signal_wake_up(struct task_struct *t, bool fatal)
{
	wake_up_state(t, fatal ? TASK_NORMAL | __TASK_STOPPED : TASK_INTERRUPTIBLE);
}

/*
 * Queue @sig with @info for @t.  A standard signal already pending is not
 * queued twice (its first siginfo is kept), as in Linux.
 */
static int __send_signal(int sig, const siginfo_t *info, struct task_struct *t, bool force)
{
	struct sigpending *pending = &t->pending;
	struct sigqueue *q;
	unsigned long flags;

	local_irq_save(flags);
	if (!prepare_signal(sig, t, force))
		goto out;
	if (sigismember(&pending->signal, sig))
		goto out;
	q = kmem_cache_alloc(sigqueue_cachep, GFP_ATOMIC);
	if (q) {
		q->info = *info;
		list_add_tail(&q->list, &pending->list);
	}
	/* No memory for the siginfo: the signal still arrives, without it. */
	sigaddset(&pending->signal, sig);
	if (!sigismember(&t->blocked, sig))
		signal_wake_up(t, sig == SIGKILL);
out:
	local_irq_restore(flags);
	return 0;
}

/* Is the current task outside @t's namespace (in an ancestor of it)? */
static bool from_ancestor_ns(struct task_struct *t)
{
	return task_pid_nr_ns(current, task_active_pid_ns(t)) == 0;
}

/*
 * Send @sig from the current task (kill()) to @t.  As Linux's kill():
 * si_pid is the sender's pid in the sender's own namespace
 * (prepare_kill_siginfo), set to 0 when the target cannot see the sender
 * (an ancestor namespace, send_signal()).  So a signal going up from a
 * child namespace carries the child namespace's number, untranslated.
 */
int kill_task(int sig, struct task_struct *t)
{
	siginfo_t info;
	bool force = from_ancestor_ns(t);

	if (!sig)
		return 0;	/* signal 0: only check that the target exists */
	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_code = SI_USER;
	info.si_pid = force ? 0 : task_tgid_vnr(current);
	return __send_signal(sig, &info, t, force);
}

int send_sig_info(int sig, siginfo_t *info, struct task_struct *p)
{
	if (!valid_signal(sig))
		return -EINVAL;
	return __send_signal(sig, info, p, true);
}

int send_sig(int sig, struct task_struct *p, int priv)
{
	siginfo_t info;

	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_code = priv ? SI_KERNEL : SI_USER;
	info.si_pid = priv ? 0 : task_tgid_nr_ns(current, task_active_pid_ns(p));
	return send_sig_info(sig, &info, p);
}

/*
 * A synchronous fault (Linux's force_sig_fault): the task cannot go on
 * without handling it, so a blocked or ignored signal is unblocked and
 * reset to the default action, and even a namespace init dies of it.
 */
void force_sig_fault(int sig, int code, void __user *addr)
{
	struct task_struct *t = current;
	struct k_sigaction *action = sig_action(t, sig);
	siginfo_t info;

	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_code = code;
	info.si_addr = addr;
	if (action->sa.sa_handler == SIG_IGN || sigismember(&t->blocked, sig)) {
		action->sa.sa_handler = SIG_DFL;
		sigdelset(&t->blocked, sig);
	}
	if (action->sa.sa_handler == SIG_DFL)
		t->signal->flags &= ~SIGNAL_UNKILLABLE;
	sigdelset(&t->pending.signal, sig);	/* queue this instance, with its info */
	__send_signal(sig, &info, t, true);
}

void force_sig(int sig)
{
	force_sig_fault(sig, SI_KERNEL, NULL);
}

/*
 * force_sigsegv - the frame for a handler of @sig could not be written (no
 * room on the user stack): SIGSEGV, as Linux's force_sigsegv().  If @sig
 * was SIGSEGV itself, its handler would meet the same stack, and the
 * signal would come straight back for ever: the default action instead.
 */
static void force_sigsegv(int sig)
{
	if (sig == SIGSEGV)
		sig_action(current, SIGSEGV)->sa.sa_handler = SIG_DFL;
	force_sig(SIGSEGV);
}

/* Take the next deliverable signal off current's queues; 0 if none. */
static int dequeue_signal(siginfo_t *info)
{
	struct task_struct *t = current;
	struct sigpending *pending = &t->pending;
	struct sigqueue *q;
	int sig = next_signal(pending, &t->blocked);

	if (!sig) {
		pending = &t->signal->shared_pending;
		sig = next_signal(pending, &t->blocked);
		if (!sig)
			return 0;
	}
	sigdelset(&pending->signal, sig);
	memset(info, 0, sizeof(*info));
	info->si_signo = sig;
	info->si_code = SI_KERNEL;
	list_for_each_entry(q, &pending->list, list) {
		if (q->info.si_signo == sig) {
			*info = q->info;
			list_del(&q->list);
			kmem_cache_free(sigqueue_cachep, q);
			break;
		}
	}
	return sig;
}

/* ---- telling the parent ---- */

bool do_notify_parent(struct task_struct *tsk, int sig)
{
	struct task_struct *parent = tsk->parent;
	struct k_sigaction *psig = sig_action(parent, SIGCHLD);
	bool autoreap = false;
	siginfo_t info;
	int status = tsk->exit_code;

	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_pid = task_pid_nr_ns(tsk, task_active_pid_ns(parent));
	if (WIFSIGNALED(status)) {
		info.si_code = WCOREDUMP(status) ? CLD_DUMPED : CLD_KILLED;
		info.si_status = WTERMSIG(status);
	} else {
		info.si_code = CLD_EXITED;
		info.si_status = WEXITSTATUS(status);
	}
	/*
	 * A parent that ignores SIGCHLD (or asked SA_NOCLDWAIT) does not wait:
	 * POSIX says the child is reaped at once.
	 */
	if (sig == SIGCHLD && (psig->sa.sa_handler == SIG_IGN ||
			       (psig->sa.sa_flags & SA_NOCLDWAIT))) {
		autoreap = true;
		if (psig->sa.sa_handler == SIG_IGN)
			sig = 0;
	}
	if (sig && valid_signal(sig))
		__send_signal(sig, &info, parent, true);
	wake_up(&parent->signal->wait_chldexit);
	return autoreap;
}

/* Tell the parent a child stopped or continued (SIGCHLD unless SA_NOCLDSTOP). */
void do_notify_parent_cldstop(struct task_struct *tsk, int why)
{
	struct task_struct *parent = tsk->parent;
	struct k_sigaction *psig = sig_action(parent, SIGCHLD);
	siginfo_t info;

	memset(&info, 0, sizeof(info));
	info.si_signo = SIGCHLD;
	info.si_code = why;
	info.si_pid = task_pid_nr_ns(tsk, task_active_pid_ns(parent));
	info.si_status = why == CLD_CONTINUED ? SIGCONT : tsk->signal->group_exit_code;
	if (psig->sa.sa_handler != SIG_IGN && !(psig->sa.sa_flags & SA_NOCLDSTOP))
		__send_signal(SIGCHLD, &info, parent, true);
	wake_up(&parent->signal->wait_chldexit);
}

/* A stop signal at its default action: stop until SIGCONT (or SIGKILL). */
static void do_signal_stop(int sig)
{
	struct signal_struct *signal = current->signal;

	signal->flags |= SIGNAL_STOP_STOPPED;
	signal->flags &= ~SIGNAL_STOP_CONTINUED;
	signal->group_exit_code = sig;
	do_notify_parent_cldstop(current, CLD_STOPPED);
	while (signal->flags & SIGNAL_STOP_STOPPED) {
		set_current_state(__TASK_STOPPED);
		if (fatal_signal_pending(current)) {
			set_current_state(TASK_RUNNING);
			break;
		}
		schedule();
	}
}

/* ---- delivery ---- */

/* After a handler is set up: block what sa_mask says, and the signal itself. */
static void signal_delivered(int sig, struct k_sigaction *ka)
{
	struct task_struct *t = current;

	t->blocked.sig[0] |= ka->sa.sa_mask.sig[0];
	t->blocked.sig[1] |= ka->sa.sa_mask.sig[1];
	if (!(ka->sa.sa_flags & SA_NODEFER))
		sigaddset(&t->blocked, sig);
	sigdelset(&t->blocked, SIGKILL);
	sigdelset(&t->blocked, SIGSTOP);
	if (ka->sa.sa_flags & SA_RESETHAND)
		ka->sa.sa_handler = SIG_DFL;
}

/*
 * A system call interrupted by this signal: make it return -EINTR, or
 * restart it (point eip back at int $0x80 with the number in eax) when
 * the rules say so.  @ka is the handler about to run, or NULL if none.
 */
static void handle_syscall_restart(struct pt_regs *regs, struct k_sigaction *ka)
{
	if (regs->vector != SYSCALL_VECTOR)
		return;
	switch ((long)regs->ax) {
	case -ERESTARTNOHAND:
		if (!ka)
			goto restart;
		regs->ax = -EINTR;
		break;
	case -ERESTARTSYS:
		if (!ka || (ka->sa.sa_flags & SA_RESTART))
			goto restart;
		regs->ax = -EINTR;
		break;
	case -ERESTARTNOINTR:
		goto restart;
	}
	return;
restart:
	regs->ax = regs->orig_ax;
	regs->ip -= 2;		/* int $0x80 is two bytes: cd 80 */
}

void do_signal(struct pt_regs *regs)
{
	struct task_struct *t = current;
	struct k_sigaction *ka;
	siginfo_t info;
	sigset_t *oldset;
	int sig;

	for (;;) {
		sig = dequeue_signal(&info);
		if (!sig)
			break;
		ka = sig_action(t, sig);
		if (ka->sa.sa_handler == SIG_IGN)
			continue;
		if (ka->sa.sa_handler != SIG_DFL) {
			handle_syscall_restart(regs, ka);
			/* sigsuspend's caller sees its own mask in the frame. */
			oldset = t->restore_sigmask ? &t->saved_sigmask : &t->blocked;
			if (setup_signal_frame(sig, ka, &info, oldset, regs)) {
				force_sigsegv(sig);	/* no stack for the frame */
				return;
			}
			t->restore_sigmask = false;
			signal_delivered(sig, ka);
			return;
		}
		/* The default action. */
		if (sig_kernel_ignore(sig))
			continue;
		/* A namespace init survives its own default actions, but SIGKILL/SIGSTOP
		 * that were let through at sending (from an ancestor) are honoured. */
		if ((t->signal->flags & SIGNAL_UNKILLABLE) && !sig_kernel_only(sig))
			continue;
		if (sig_kernel_stop(sig)) {
			do_signal_stop(sig);
			continue;
		}
		/* Terminate.  No core file is written, so WCOREDUMP stays clear. */
		t->signal->flags |= SIGNAL_GROUP_EXIT;
		do_group_exit(sig);
	}
	/* No handler ran: restart interrupted calls, restore sigsuspend's mask. */
	handle_syscall_restart(regs, NULL);
	if (t->restore_sigmask) {
		t->restore_sigmask = false;
		t->blocked = t->saved_sigmask;
	}
}
