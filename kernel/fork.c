/*
 * kernel/fork.c - making tasks: fork(), clone() and kernel threads.
 *
 * copy_process() builds the child from current: a task_struct and kernel
 * stack, copies (or shares, by clone flag) of the address space, the file
 * table, the cwd and the signal handlers, a new pid, and a kernel stack set
 * up so that the child's first switch-in "returns" to user mode with the
 * parent's registers and eax = 0 (ret_from_fork, boot/switch.asm).  As
 * Linux's kernel/fork.c.
 */
#include <nest/sched.h>
#include <nest/signal.h>
#include <nest/pid.h>
#include <nest/pid_namespace.h>
#include <nest/mman.h>
#include <nest/fs.h>
#include <nest/slab.h>
#include <nest/vmalloc.h>
#include <nest/syscalls.h>
#include <nest/uaccess.h>
#include <nest/ptrace.h>
#include <nest/string.h>
#include <nest/errno.h>
#include <nest/bug.h>
#include <nest/desc.h>
#include <nest/irqflags.h>
#include <nest/kthread.h>
#include <nest/fpu.h>
#include <nest/nsproxy.h>
#include <uapi/sched.h>

extern char ret_from_fork[], ret_from_kernel_thread[];

static struct kmem_cache *task_struct_cachep;
static unsigned long total_threads = 1;	/* the boot task */

/* The clone flags Nest implements; any other bit is -EINVAL. */
#define CLONE_SUPPORTED	(CSIGNAL | CLONE_VM | CLONE_FS | CLONE_FILES | \
			 CLONE_SIGHAND | CLONE_PARENT | CLONE_PARENT_SETTID | \
			 CLONE_NEWPID)

void fork_init(void)
{
	task_struct_cachep = kmem_cache_create("task_struct",
					       sizeof(struct task_struct), 0,
					       SLAB_HWCACHE_ALIGN | SLAB_PANIC, NULL);
}

unsigned long nr_threads(void)
{
	return total_threads;
}

/* Free a task whose last reference is gone (put_task_struct). */
void __put_task_struct(struct task_struct *tsk)
{
	BUG_ON(tsk == current || !(tsk->exit_state & EXIT_DEAD) ||
	       tsk->state != TASK_DEAD);
	free_thread_stack(tsk->stack);
	kmem_cache_free(task_struct_cachep, tsk);
	total_threads--;
}

/*
 * The child's kernel stack: its user registers at the top (a copy of the
 * parent's, or zeros for a kernel thread), and below them the frame that
 * __switch_to_asm pops: edi, esi, ebx, ebp and the address to "return" to.
 */
static void copy_thread(struct task_struct *p, unsigned long sp, bool kthread)
{
	struct pt_regs *childregs = task_pt_regs(p);
	unsigned long *frame = (unsigned long *)childregs - 5;

	if (kthread) {
		memset(childregs, 0, sizeof(*childregs));
		frame[4] = (unsigned long)ret_from_kernel_thread;
	} else {
		*childregs = *current_pt_regs();
		childregs->ax = 0;		/* fork() returns 0 in the child */
		if (sp)
			childregs->sp = sp;	/* clone() with a new stack */
		frame[4] = (unsigned long)ret_from_fork;
	}
	frame[0] = frame[1] = frame[2] = frame[3] = 0;	/* edi esi ebx ebp */
	p->thread.sp = (unsigned long)frame;
	p->thread.sp0 = (unsigned long)p->stack + KERNEL_STACK_SIZE;
}

static int copy_mm(unsigned long clone_flags, struct task_struct *tsk)
{
	struct mm_struct *oldmm = current->mm;

	tsk->mm = NULL;
	tsk->active_mm = &init_mm;
	if (!oldmm)		/* a kernel thread: nothing to copy */
		return 0;
	if (clone_flags & CLONE_VM) {
		oldmm->mm_users++;
		tsk->mm = oldmm;
	} else {
		tsk->mm = dup_mm(oldmm);
		if (!tsk->mm)
			return -ENOMEM;
	}
	tsk->active_mm = tsk->mm;
	return 0;
}

/*
 * The pgrp and session of the new process are its parent's.  A struct pid
 * lives while any task is linked to it (kernel/pid.c), so no reference is
 * taken here.
 */
static void attach_pids(struct task_struct *p, struct pid *pid)
{
	attach_pid(p, PIDTYPE_PID, pid);
	attach_pid(p, PIDTYPE_PGID, task_pgrp(current));
	attach_pid(p, PIDTYPE_SID, task_session(current));
}

static struct task_struct *copy_process(unsigned long clone_flags, unsigned long stack_start,
					bool kthread)
{
	struct task_struct *p;
	struct pid *pid;
	int err = -ENOMEM;

	if (clone_flags & ~CLONE_SUPPORTED)
		return ERR_PTR(-EINVAL);
	/* Kernel threads come from kernel threads (kthreadd): nothing user to inherit. */
	BUG_ON(kthread && current->mm);
	/* A thread cannot be in another pid namespace than its group (Linux). */
	if ((clone_flags & (CLONE_NEWPID | CLONE_THREAD)) == (CLONE_NEWPID | CLONE_THREAD))
		return ERR_PTR(-EINVAL);
	/* Shared handlers need a shared address space (Linux's rule). */
	if ((clone_flags & CLONE_SIGHAND) && !(clone_flags & CLONE_VM))
		return ERR_PTR(-EINVAL);
	/* CLONE_PARENT from an init would make a sibling of init (Linux: EINVAL). */
	if ((clone_flags & CLONE_PARENT) && current->signal->flags & SIGNAL_UNKILLABLE)
		return ERR_PTR(-EINVAL);

	p = kmem_cache_alloc(task_struct_cachep, GFP_KERNEL);
	if (!p)
		return ERR_PTR(-ENOMEM);
	*p = *current;
	p->stack = alloc_thread_stack(GFP_KERNEL);
	if (!p->stack)
		goto free_task;
	p->usage = 2;		/* one for being alive, one for the reaper */
	p->state = TASK_UNINTERRUPTIBLE;	/* not runnable until wake_up_new_task */
	p->flags = (current->flags & ~(PF_IDLE | PF_EXITING)) | (kthread ? PF_KTHREAD : 0);
	p->on_rq = false;
	p->need_resched = false;
	p->exit_state = 0;
	p->exit_code = 0;
	p->exit_signal = clone_flags & CSIGNAL;
	p->restore_sigmask = false;
	p->kthread_should_stop = false;
	p->fail_nth = 0;		/* a countdown is the writer's own, as Linux's */
	p->start_jiffies = jiffies;
	INIT_LIST_HEAD(&p->run_list);
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	INIT_LIST_HEAD(&p->thread_group);
	init_sigpending(&p->pending);
	p->group_leader = p;

	err = copy_files(clone_flags, p);
	if (err)
		goto free_stack;
	err = copy_fs(clone_flags, p);
	if (err)
		goto free_files;
	err = copy_sighand(clone_flags, p);
	if (err)
		goto free_fs;
	err = copy_signal(clone_flags, p);
	if (err)
		goto free_sighand;
	err = copy_mm(clone_flags, p);
	if (err)
		goto free_signal;
	err = copy_namespaces(clone_flags, p);
	if (err)
		goto free_mm;
	copy_thread(p, stack_start, kthread);
	if (p->mm)
		fpu_copy(p);

	/* Born in current's namespace-for-children, or the new one. */
	pid = alloc_pid(p->nsproxy->pid_ns_for_children);
	if (IS_ERR(pid)) {
		err = PTR_ERR(pid);
		goto free_namespaces;
	}

	/* From here the child is visible: link it in with interrupts off. */
	local_irq_disable();
	p->pid = pid_nr(pid);
	p->tgid = p->pid;
	p->real_parent = (clone_flags & CLONE_PARENT) ? current->real_parent : current;
	p->parent = p->real_parent;
	if (clone_flags & CLONE_PARENT)
		p->exit_signal = current->group_leader->exit_signal;
	list_add_tail(&p->sibling, &p->real_parent->children);
	list_add_tail(&p->tasks, &init_task.tasks);
	attach_pids(p, pid);
	/* BEGIN LAB 4 SOLUTION: a child is below every subreaper its parent is below */
	/*
	 * Not is_child_subreaper itself: that is the parent's own role.  The
	 * parent is real_parent, not current (CLONE_PARENT makes a sibling).
	 * Done with interrupts off, as prctl's walk over the tree, so a child
	 * born during PR_SET_CHILD_SUBREAPER is marked by one or the other.
	 */
	p->signal->has_child_subreaper = p->real_parent->signal->has_child_subreaper ||
					 p->real_parent->signal->is_child_subreaper;
	/* END LAB 4 SOLUTION */
	/*
	 * The first task of a namespace (number 1 there) is its init: it
	 * reaps orphans, and default-action signals from inside do not kill
	 * it (kernel/signal.c).  As Linux's is_child_reaper() case.
	 */
	if (pid->numbers[pid->level].nr == 1) {
		pid->numbers[pid->level].ns->child_reaper = p;
		p->signal->flags |= SIGNAL_UNKILLABLE;
	}
	total_threads++;
	local_irq_enable();
	return p;

free_namespaces:
	exit_task_namespaces(p);
free_mm:
	if (p->mm)
		mmput(p->mm);
free_signal:
	__cleanup_signal(p->signal);
free_sighand:
	__cleanup_sighand(p->sighand);
free_fs:
	exit_fs(p);
free_files:
	exit_files(p);
free_stack:
	free_thread_stack(p->stack);
free_task:
	kmem_cache_free(task_struct_cachep, p);
	return ERR_PTR(err);
}

/*
 * kernel_clone - fork or clone current.  Returns the child's pid as the
 * caller's namespace numbers it, or -errno.  (Linux's kernel_clone().)
 */
long kernel_clone(unsigned long clone_flags, unsigned long stack_start,
		  int __user *parent_tidptr)
{
	struct task_struct *p = copy_process(clone_flags, stack_start, false);
	long nr;

	if (IS_ERR(p))
		return PTR_ERR(p);
	nr = task_pid_vnr(p);
	if ((clone_flags & CLONE_PARENT_SETTID) && put_user(nr, parent_tidptr)) {
		/* Linux writes it before the child runs; a bad pointer is ignored. */
	}
	wake_up_new_task(p);
	return nr;
}

SYSCALL_DEFINE0(fork)
{
	return kernel_clone(SIGCHLD, 0, NULL);
}

/* i386 argument order: flags, new stack, parent_tid, tls, child_tid. */
SYSCALL_DEFINE5(clone, unsigned long, clone_flags, unsigned long, newsp,
		int __user *, parent_tidptr, unsigned long, tls,
		int __user *, child_tidptr)
{
	return kernel_clone(clone_flags, newsp, parent_tidptr);
}

/* clone3 is not implemented yet: -ENOSYS, as a kernel without it says. */
SYSCALL_DEFINE2(clone3, void __user *, uargs, size_t, size)
{
	return -ENOSYS;
}

/*
 * kernel_thread - start a kernel thread running @fn(@arg), as a child of
 * the calling kernel thread; @flags may add CLONE_FILES/CLONE_FS sharing.
 * Returns the new task (not yet running: wake_up_new_task() it), or
 * ERR_PTR.  Only start_kernel() and kthreadd call it; everything else uses
 * kthread_create() (kernel/kthread.c).
 */
struct task_struct *kernel_thread(int (*fn)(void *), void *arg, unsigned long flags)
{
	struct task_struct *p = copy_process(flags | CLONE_VM, 0, true);

	if (IS_ERR(p))
		return p;
	p->kthread_fn = fn;
	p->kthread_data = arg;
	return p;
}
