/*
 * kernel/exit.c - how tasks end and how parents learn of it: do_exit(),
 * the zombie, reparenting of orphans, and wait4()/waitpid(), as Linux's
 * kernel/exit.c.
 *
 * do_exit() frees what the task owned (address space, files, cwd), hands
 * its children to a reaper, becomes a zombie and tells its parent (SIGCHLD
 * and a wake-up of the parent's wait4()).  The parent's wait collects the
 * status and calls release_task(), which frees the pid and the rest.  A
 * parent that ignores SIGCHLD gets its children reaped at once instead.
 */
#include <nest/exit.h>
#include <nest/sched.h>
#include <nest/signal.h>
#include <nest/pid.h>
#include <nest/pid_namespace.h>
#include <nest/mman.h>
#include <nest/fs.h>
#include <nest/syscalls.h>
#include <nest/uaccess.h>
#include <nest/errno.h>
#include <nest/limits.h>
#include <nest/bug.h>
#include <nest/printk.h>
#include <nest/reboot.h>
#include <nest/irqflags.h>
#include <nest/interrupt.h>
#include <nest/nsproxy.h>
#include <nest/leakcheck.h>
#include <uapi/wait.h>
#include <uapi/signal.h>

static void exit_mm(struct task_struct *tsk)
{
	struct mm_struct *mm = tsk->mm;

	if (!mm)
		return;
	/* Keep running on the kernel's page tables from here on. */
	tsk->mm = NULL;
	tsk->active_mm = &init_mm;
	activate_mm(&init_mm);
	mmput(mm);
}

/*
 * Who takes @father's children: the nearest ancestor in the same pid
 * namespace marked as a child subreaper, else the namespace's init.
 * (Linux's find_new_reaper(); threads, which would come first, are not
 * implemented.)
 */
static struct task_struct *find_new_reaper(struct task_struct *father)
{
	struct pid_namespace *ns = task_active_pid_ns(father);
	struct task_struct *reaper;

	if (father->signal->has_child_subreaper) {
		for (reaper = father->real_parent;
		     reaper != ns->child_reaper && reaper != &init_task;
		     reaper = reaper->real_parent) {
			if (task_active_pid_ns(reaper) != ns)
				break;
			if (reaper->signal->is_child_subreaper &&
			    !(reaper->flags & PF_EXITING))
				return reaper;
		}
	}
	return ns->child_reaper;
}

/*
 * Give every child of @father to a new parent.  A child that is already a
 * zombie is announced to its new parent, which must reap it (or, if that
 * parent ignores SIGCHLD, it is reaped now).
 */
static void forget_original_parent(struct task_struct *father)
{
	struct task_struct *p, *n, *reaper;

	if (list_empty(&father->children))
		return;
	reaper = find_new_reaper(father);
	list_for_each_entry_safe(p, n, &father->children, sibling) {
		p->real_parent = reaper;
		p->parent = reaper;
		list_move_tail(&p->sibling, &reaper->children);
		/* An orphan's death is always reported with SIGCHLD. */
		p->exit_signal = SIGCHLD;
		if (p->exit_state == EXIT_ZOMBIE && do_notify_parent(p, p->exit_signal)) {
			p->exit_state = EXIT_DEAD;
			release_task(p);
		}
	}
}

/* Become a zombie and tell the parent; reaped at once if nobody will wait. */
static void exit_notify(struct task_struct *tsk)
{
	bool autoreap;

	forget_original_parent(tsk);
	tsk->exit_state = EXIT_ZOMBIE;
	if (tsk->flags & PF_KTHREAD || tsk->exit_signal == 0)
		autoreap = true;	/* nobody waits for kernel threads */
	else
		autoreap = do_notify_parent(tsk, tsk->exit_signal);
	if (tsk->flags & PF_KTHREAD)
		wake_up(&kthread_exit_wait);
	if (autoreap) {
		tsk->exit_state = EXIT_DEAD;
		release_task(tsk);
	}
}

/*
 * The first init has nothing to hand its children to and nobody to tell:
 * Linux panics ("Attempted to kill init!"); Nest reports the status and
 * powers off, so running a program as init= ends the QEMU run with it.
 */
static __noreturn void init_exited(long code)
{
	bool ok = code == 0;

	/*
	 * With `leakcheck`: give back init's own memory, files and
	 * namespaces (an init that called unshare(CLONE_NEWPID) holds a new
	 * nsproxy and namespace), then compare.
	 */
	exit_mm(current);
	exit_files(current);
	exit_task_namespaces(current);
	if (!leakcheck_end())
		ok = false;
	if (WIFSIGNALED(code))
		pr_notice("Nest: init killed by signal %ld\n", (long)WTERMSIG(code));
	else
		pr_notice("Nest: init exited with status %ld\n", (long)WEXITSTATUS(code));
	machine_power_off(ok ? NEST_EXIT_SUCCESS : NEST_EXIT_FAILURE);
}

void do_exit(long code)
{
	struct task_struct *tsk = current;

	BUG_ON(in_interrupt());
	if (tsk->flags & PF_IDLE)
		panic("Attempted to kill the idle task!");
	if (tsk->flags & PF_EXITING)
		panic("recursive do_exit in task %s", tsk->comm);
	tsk->flags |= PF_EXITING;
	tsk->exit_code = code;
	if (tsk == init_pid_ns.child_reaper)
		init_exited(code);

	exit_signals(tsk);
	exit_mm(tsk);
	exit_files(tsk);
	exit_fs(tsk);
	exit_task_namespaces(tsk);
	/*
	 * A namespace's init takes its namespace with it: every task in it
	 * is killed and reaped before the init itself becomes a zombie, so
	 * its parent's wait() returns once the namespace is empty.
	 */
	if (task_active_pid_ns(tsk)->child_reaper == tsk)
		zap_pid_ns_processes(task_active_pid_ns(tsk));

	local_irq_disable();
	exit_notify(tsk);
	/*
	 * The last switch away: the next task's finish_task_switch() drops
	 * the reference this task held on itself, which frees the stack we
	 * are running on, once we are off it.
	 */
	tsk->state = TASK_DEAD;
	schedule();
	BUG();
	for (;;)
		;
}

void do_group_exit(int exit_code)
{
	do_exit(exit_code);
}

/*
 * Free the rest of a reaped task: its pids (the numbers go back to the
 * bitmaps), its place in its parent's children and in the task list, its
 * signal structures.  The task_struct itself goes when its last reference
 * does.  Called with interrupts off.
 */
void release_task(struct task_struct *p)
{
	BUG_ON(p->exit_state != EXIT_DEAD);
	list_del_init(&p->sibling);
	list_del_init(&p->tasks);
	detach_pid(p, PIDTYPE_PID);
	if (thread_group_leader(p)) {
		detach_pid(p, PIDTYPE_PGID);
		detach_pid(p, PIDTYPE_SID);
	}
	__cleanup_sighand(p->sighand);
	__cleanup_signal(p->signal);
	flush_sigqueue(&p->pending);
	put_task_struct(p);
}

struct wait_opts {
	enum pid_type wo_type;	/* PIDTYPE_MAX: any child */
	struct pid *wo_pid;
	int wo_flags;
	int __user *wo_stat;
	bool wo_nosignal;	/* the kernel waiting: signals do not interrupt */
};

/* Does child @p match the pid selector of this wait? */
static bool eligible_child(struct wait_opts *wo, struct task_struct *p)
{
	if (wo->wo_type < PIDTYPE_MAX) {
		struct pid *pid = wo->wo_type == PIDTYPE_PID ? task_pid(p) :
				  wo->wo_type == PIDTYPE_PGID ? task_pgrp(p) :
				  task_session(p);
		if (pid != wo->wo_pid)
			return false;
	}
	/*
	 * A "clone child" (exit signal other than SIGCHLD) is seen only with
	 * __WCLONE, an ordinary one only without it; __WALL sees both.
	 */
	if (((p->exit_signal != SIGCHLD) ^ !!(wo->wo_flags & __WCLONE)) &&
	    !(wo->wo_flags & __WALL))
		return false;
	return true;
}

/*
 * Collect a zombie: reap it, store its status, return its pid as we see
 * it.  As in Linux, the child is reaped even when the status cannot be
 * stored (the caller gets -EFAULT and the child is gone).
 */
static int wait_task_zombie(struct wait_opts *wo, struct task_struct *p)
{
	int pid = task_pid_vnr(p), status = p->exit_code;
	unsigned long flags;

	local_irq_save(flags);
	p->exit_state = EXIT_DEAD;
	release_task(p);
	local_irq_restore(flags);
	if (wo->wo_stat && put_user(status, wo->wo_stat))
		return -EFAULT;
	return pid;
}

/* Report a stopped or continued child (WUNTRACED / WCONTINUED). */
static int wait_task_stopped(struct wait_opts *wo, struct task_struct *p)
{
	struct signal_struct *sig = p->signal;
	int status;

	if ((wo->wo_flags & WUNTRACED) && (sig->flags & SIGNAL_STOP_STOPPED) &&
	    sig->group_exit_code) {
		status = (sig->group_exit_code << 8) | 0x7f;
		sig->group_exit_code = 0;
	} else if ((wo->wo_flags & WCONTINUED) && (sig->flags & SIGNAL_STOP_CONTINUED)) {
		sig->flags &= ~SIGNAL_STOP_CONTINUED;
		status = 0xffff;
	} else {
		return 0;
	}
	if (wo->wo_stat && put_user(status, wo->wo_stat))
		return -EFAULT;
	return task_pid_vnr(p);
}

static long do_wait(struct wait_opts *wo)
{
	DEFINE_WAIT(wait);
	long ret;

	for (;;) {
		struct task_struct *p, *n;
		bool found = false;

		prepare_to_wait(&current->signal->wait_chldexit, &wait,
				wo->wo_nosignal ? TASK_UNINTERRUPTIBLE : TASK_INTERRUPTIBLE);
		ret = 0;
		list_for_each_entry_safe(p, n, &current->children, sibling) {
			if (!eligible_child(wo, p))
				continue;
			found = true;
			if (p->exit_state == EXIT_ZOMBIE) {
				ret = wait_task_zombie(wo, p);
				goto out;
			}
			if (!p->exit_state) {
				ret = wait_task_stopped(wo, p);
				if (ret)
					goto out;
			}
		}
		if (!found) {
			ret = -ECHILD;
			break;
		}
		if (wo->wo_flags & WNOHANG) {
			ret = 0;
			break;
		}
		if (!wo->wo_nosignal && signal_pending(current)) {
			ret = -ERESTARTSYS;
			break;
		}
		schedule();
	}
out:
	finish_wait(&current->signal->wait_chldexit, &wait);
	return ret;
}

/* rusage is not kept: wait4 zeroes the caller's buffer, which Linux would fill. */
#define RUSAGE_BYTES	72	/* sizeof(struct rusage) on i386 */

SYSCALL_DEFINE4(wait4, int, upid, int __user *, stat_addr, int, options,
		void __user *, ru)
{
	struct wait_opts wo = { .wo_flags = options, .wo_stat = stat_addr };
	long ret;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WCLONE | __WALL))
		return -EINVAL;
	/* -INT_MIN is undefined; Linux answers ESRCH (kernel_wait4()). */
	if (upid == INT_MIN)
		return -ESRCH;
	if (upid == -1) {
		wo.wo_type = PIDTYPE_MAX;
	} else if (upid < 0) {
		wo.wo_type = PIDTYPE_PGID;
		wo.wo_pid = find_vpid(-upid);
	} else if (upid == 0) {
		wo.wo_type = PIDTYPE_PGID;
		wo.wo_pid = task_pgrp(current);
	} else {
		wo.wo_type = PIDTYPE_PID;
		wo.wo_pid = find_vpid(upid);
	}
	/* A pid that does not exist in our view matches no child. */
	if (wo.wo_type < PIDTYPE_MAX && !wo.wo_pid)
		return -ECHILD;
	ret = do_wait(&wo);
	if (ret > 0 && ru && clear_user(ru, RUSAGE_BYTES))
		return -EFAULT;
	return ret;
}

/*
 * Reap one child matching @upid (as wait4) for the kernel itself, even
 * with a signal pending: the dying namespace init reaps its namespace with
 * SIGKILL already queued for it.  Returns the pid, or -ECHILD.
 */
long kernel_wait4_uninterruptible(int upid, int options)
{
	struct wait_opts wo = { .wo_flags = options, .wo_nosignal = true,
				.wo_type = PIDTYPE_MAX };

	if (upid != -1) {
		wo.wo_type = PIDTYPE_PID;
		wo.wo_pid = find_vpid(upid);
	}
	return do_wait(&wo);
}

SYSCALL_DEFINE3(waitpid, int, pid, int __user *, stat_addr, int, options)
{
	return sys_wait4(pid, stat_addr, options, NULL);
}

SYSCALL_DEFINE1(exit, int, error_code)
{
	do_exit((error_code & 0xff) << 8);
}

SYSCALL_DEFINE1(exit_group, int, error_code)
{
	do_group_exit((error_code & 0xff) << 8);
}
