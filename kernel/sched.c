/*
 * kernel/sched.c - the scheduler's mechanism: the run queue, sleeping and
 * waking, the context switch, the tick, and nice values (set_user_nice,
 * the nice() system call).
 *
 * The run queue holds the runnable tasks.  schedule() takes the current
 * task off if it is going to sleep and switches to the task the policy
 * picks (pick_next_task_fair(), kernel/sched_fair.c: the smallest weighted
 * CPU time, round-robin among equals); the idle task (the boot task,
 * swapper/0) runs only when the queue is empty.  The timer tick charges
 * the running task and takes one tick off its time slice; when the slice
 * is used up it asks for a reschedule.
 *
 * The kernel is not preemptible, as classic Linux without CONFIG_PREEMPT:
 * a task in the kernel runs until it sleeps or returns to user mode, where
 * exit_to_user_mode() (kernel/entry.c) honours need_resched.  Everything
 * here runs with interrupts off; the lock is there for the reader and for
 * CONFIG_DEBUG_SPINLOCK.
 */
#include <nest/sched.h>
#include <nest/signal.h>
#include <nest/mm_types.h>
#include <nest/desc.h>
#include <nest/io.h>
#include <nest/irqflags.h>
#include <nest/bug.h>
#include <nest/printk.h>
#include <nest/pgtable.h>
#include <nest/mm.h>
#include <nest/fpu.h>
#include <nest/fs.h>
#include <nest/nsproxy.h>
#include <nest/interrupt.h>
#include <nest/syscalls.h>
#include <nest/binfmts.h>
#include <nest/errno.h>
#include "workqueue_internal.h"
#include "sched_internal.h"

extern char boot_stack[];

struct task_struct init_task = {
	.state = TASK_RUNNING,
	.stack = boot_stack,
	.flags = PF_KTHREAD | PF_IDLE,
	.usage = 2,
	.static_prio = DEFAULT_PRIO,	/* nice 0, which every task inherits */
	.run_list = LIST_HEAD_INIT(init_task.run_list),
	.tasks = LIST_HEAD_INIT(init_task.tasks),
	.children = LIST_HEAD_INIT(init_task.children),
	.sibling = LIST_HEAD_INIT(init_task.sibling),
	.thread_group = LIST_HEAD_INIT(init_task.thread_group),
	.real_parent = &init_task,
	.parent = &init_task,
	.group_leader = &init_task,
	.active_mm = &init_mm,
	.comm = "swapper/0",
	.thread = { .sp0 = 0 },	/* set by sched_init(): the boot stack's top */
};

struct task_struct *current = &init_task;

/* The last task switched away from, for finish_task_switch() in the next. */
static struct task_struct *switched_from;
static struct rq runqueue = RQ_INIT(runqueue);
static DEFINE_SPINLOCK(rq_lock);

bool task_stack_contains(const struct task_struct *tsk, unsigned long addr)
{
	unsigned long base = (unsigned long)tsk->stack;

	return addr >= base && addr < base + KERNEL_STACK_SIZE;
}

void sched_init(void)
{
	init_task.thread.sp0 = (unsigned long)boot_stack + KERNEL_STACK_SIZE;
	init_task.signal = &init_signals;
	init_task.sighand = &init_sighand;
	/* The kernel's own (empty) file table and cwd, which kthreads share. */
	init_task.files = &init_files;
	init_task.fs = &init_fs;
	init_task.nsproxy = &init_nsproxy;
	init_sigpending(&init_task.pending);
}

void enqueue_task(struct rq *rq, struct task_struct *p)
{
	if (p->on_rq || (p->flags & PF_IDLE))
		return;
	place_entity(rq, p);
	list_add_tail(&p->run_list, &rq->tasks);
	p->on_rq = true;
	rq->nr_running++;
}

void dequeue_task(struct rq *rq, struct task_struct *p)
{
	if (!p->on_rq)
		return;
	list_del_init(&p->run_list);
	p->on_rq = false;
	rq->nr_running--;
}

/*
 * Called by the next task right after the switch (from context_switch, or
 * from ret_from_fork for a task running for the first time): drop the
 * last reference to a task that switched away for the last time.
 */
static void finish_task_switch(struct task_struct *prev)
{
	if (prev->state == TASK_DEAD)
		put_task_struct(prev);	/* the reference the run queue held */
}

void schedule_tail(void)
{
	finish_task_switch(switched_from);
	local_irq_enable();
}

/* Switch address space (if needed), kernel stack for traps, then registers. */
static void context_switch(struct task_struct *prev, struct task_struct *next)
{
	struct mm_struct *mm = next->mm ? next->mm : prev->active_mm;

	/* A kernel thread has no mm of its own: it borrows the last one's. */
	next->active_mm = mm;
	if (mm != prev->active_mm) {
		write_cr3(__pa(mm->pgd));
		/* GDB: next's program (its AT_EXECFN string, readable now). */
		gdb_user_image_hook((const char *)mm->env_end);
	}
	load_sp0(next->thread.sp0);
	fpu_switch_out(prev);
	fpu_switch_in(next);
	switched_from = prev;
	current = next;
	__switch_to_asm(&prev->thread.sp, next->thread.sp);
	/* Here we are `prev` again, resumed by some later switch. */
	finish_task_switch(switched_from);
}

void schedule(void)
{
	struct task_struct *prev = current, *next;
	unsigned long flags;

	BUG_ON(in_interrupt());	/* a handler must never sleep */
	/*
	 * A workqueue worker going to sleep in a work function may let
	 * another worker take the queue's pending items, as Linux's
	 * sched_submit_work().  Before the run-queue lock: it wakes tasks.
	 */
	if (prev->state != TASK_RUNNING && (prev->flags & PF_WQ_WORKER))
		wq_worker_sleeping(prev);
	spin_lock_irqsave(&rq_lock, flags);
	prev->need_resched = false;
	/*
	 * A task that set itself sleeping leaves the queue, unless a signal
	 * is already pending for an interruptible sleep: then it stays
	 * runnable, so it sees the signal (Linux's signal_pending_state()).
	 */
	if (prev->state != TASK_RUNNING) {
		if (prev->state == TASK_INTERRUPTIBLE && signal_pending(prev))
			prev->state = TASK_RUNNING;
		else
			dequeue_task(&runqueue, prev);
	}
	if (!prev->time_slice)
		prev->time_slice = task_timeslice(prev);
	next = pick_next_task_fair(&runqueue, prev);
	if (!next)
		next = &init_task;
	spin_unlock(&rq_lock);
	if (next != prev)
		context_switch(prev, next);
	local_irq_restore(flags);
}

bool wake_up_state(struct task_struct *p, unsigned int state)
{
	unsigned long flags;
	bool woken = false;

	spin_lock_irqsave(&rq_lock, flags);
	if (p->state & state) {
		p->state = TASK_RUNNING;
		enqueue_task(&runqueue, p);
		if (current->flags & PF_IDLE)
			current->need_resched = true;
		woken = true;
	}
	spin_unlock_irqrestore(&rq_lock, flags);
	return woken;
}

bool wake_up_process(struct task_struct *p)
{
	return wake_up_state(p, TASK_NORMAL);
}

void wake_up_new_task(struct task_struct *p)
{
	unsigned long flags;

	spin_lock_irqsave(&rq_lock, flags);
	p->state = TASK_RUNNING;
	p->time_slice = task_timeslice(p);
	/* Its vruntime is its parent's (fork copied it); place_entity() may raise it. */
	enqueue_task(&runqueue, p);
	spin_unlock_irqrestore(&rq_lock, flags);
}

void scheduler_tick(void)
{
	struct task_struct *p = current;

	if (p->flags & PF_IDLE) {
		if (runqueue.nr_running)
			p->need_resched = true;
		return;
	}
	if (task_tick_fair(&runqueue, p))
		p->need_resched = true;
}

unsigned long nr_running(void)
{
	return runqueue.nr_running;
}

/*
 * The idle loop: sleep with hlt until an interrupt makes something
 * runnable.  sti; hlt is one sequence on x86 (sti takes effect after the
 * next instruction), so a wake-up between the check and the hlt is not lost.
 */
void cpu_idle(void)
{
	for (;;) {
		local_irq_disable();
		if (runqueue.nr_running) {
			local_irq_enable();
			schedule();
			continue;
		}
		asm volatile("sti; hlt" : : : "memory");
	}
}

SYSCALL_DEFINE0(sched_yield)
{
	schedule();
	return 0;
}

/*
 * The weight follows from static_prio (task_weight()), so a new nice value
 * counts from the next tick; the vruntime @p has is kept.  The turn in
 * progress is cut to the new slice if that is shorter: otherwise a child
 * that renices itself at once would still run the nice-0 slice fork gave
 * it.  Linux's set_user_nice() also reweights a queued task and may
 * preempt at once.
 */
void set_user_nice(struct task_struct *p, long nice)
{
	if (nice < MIN_NICE || nice > MAX_NICE)
		return;
	p->static_prio = NICE_TO_PRIO(nice);
	p->time_slice = min(p->time_slice, task_timeslice(p));
}

/*
 * Every privilege check for nice values is here, so a lab can add
 * credentials in one place (as ns_capable_sys_admin(), kernel/nsproxy.c).
 * Linux lets a task lower its nice value down to its RLIMIT_NICE, or
 * anywhere with CAP_SYS_NICE.  Nest has no users: every task is root's,
 * and root has CAP_SYS_NICE, so everyone may.
 */
bool can_nice(const struct task_struct *p, int nice)
{
	return true;
}

/*
 * nice(increment) - add @increment to the caller's nice value, clamped to
 * MIN_NICE..MAX_NICE.  Returns 0 (the raw call does not return the new
 * value; the C library's nice() asks getpriority() for it), or -EPERM when
 * lowering it is not allowed.  As Linux's kernel/sched/syscalls.c.
 */
SYSCALL_DEFINE1(nice, int, increment)
{
	/* BEGIN LAB 3 SOLUTION: clamp, check, set */
	long nice;

	/* First within +-40, so that adding cannot overflow (nice(INT_MAX)). */
	increment = clamp(increment, -NICE_WIDTH, NICE_WIDTH);
	nice = clamp(task_nice(current) + increment, MIN_NICE, MAX_NICE);
	if (increment < 0 && !can_nice(current, nice))
		return -EPERM;
	set_user_nice(current, nice);
	return 0;
	/* END LAB 3 SOLUTION */
	/* BEGIN LAB 3 STARTER
	return -ENOSYS;
	END LAB 3 STARTER */
}
