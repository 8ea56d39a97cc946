/*
 * include/nest/sched.h - struct task_struct, its states, and the scheduler's
 * entry points, with Linux's names.
 *
 * A task is a kernel thread or a user process (a user process is a task
 * with an mm).  Each has its own kernel stack with the struct pt_regs of
 * its user context at the top (task_pt_regs()).  kernel/sched.c runs them,
 * preempting on the timer tick, in the order kernel/sched_fair.c's policy
 * picks (weighted by each task's nice value); kernel/fork.c makes them and
 * kernel/exit.c ends them.
 */
#ifndef NEST_SCHED_H
#define NEST_SCHED_H

#include <nest/types.h>
#include <nest/list.h>
#include <nest/layout.h>
#include <nest/wait.h>
#include <nest/signal_types.h>
#include <nest/jiffies.h>
#include <nest/compiler.h>

#define TASK_COMM_LEN	16

/* task->state (Linux's values). */
#define TASK_RUNNING		0x0000
#define TASK_INTERRUPTIBLE	0x0001	/* sleeping; a signal wakes it */
#define TASK_UNINTERRUPTIBLE	0x0002	/* sleeping; only the event wakes it */
#define __TASK_STOPPED		0x0004	/* SIGSTOP */
#define TASK_DEAD		0x0080	/* ran do_exit(); never runs again */
#define TASK_NORMAL		(TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)

/* task->exit_state */
#define EXIT_ZOMBIE	0x0010	/* exited; its parent has not waited yet */
#define EXIT_DEAD	0x0020	/* reaped; being freed */

/* task->flags */
#define PF_IDLE		0x00000002	/* the idle task */
#define PF_EXITING	0x00000004	/* in do_exit() */
#define PF_WQ_WORKER	0x00000020	/* a workqueue worker (kernel/workqueue.c) */
#define PF_KTHREAD	0x00200000	/* a kernel thread: no user context */

/* The longest time slice, a nice-0 task's, in ticks (see task_timeslice()). */
#define RR_TIMESLICE	(100 * HZ / 1000)	/* 100 ms */

/*
 * Nice values and priorities, as Linux's include/linux/sched/prio.h.  A
 * task's nice value (-20, the most favoured, to 19, the least) is kept as
 * its static_prio, 100 + 20 + nice: priorities below 100 are Linux's
 * real-time ones, which Nest does not have.
 */
#define MAX_NICE	19
#define MIN_NICE	-20
#define NICE_WIDTH	(MAX_NICE - MIN_NICE + 1)	/* 40 */
#define MAX_RT_PRIO	100
#define DEFAULT_PRIO	(MAX_RT_PRIO + NICE_WIDTH / 2)	/* 120: nice 0 */
#define NICE_TO_PRIO(nice)	((nice) + DEFAULT_PRIO)
#define PRIO_TO_NICE(prio)	((prio) - DEFAULT_PRIO)

typedef int pid_t;

/* The x87 state fnsave stores: 108 bytes (Intel SDM vol. 1, 8.1.10). */
#define FPU_STATE_SIZE	108

/* What the context switch keeps (boot/switch.asm, kernel/fpu.c). */
struct thread_struct {
	unsigned long sp;	/* kernel esp while switched out */
	unsigned long sp0;	/* top of the kernel stack: the TSS's esp0 */
	u8 fpu[FPU_STATE_SIZE] __aligned(16);	/* a user task's x87 state, while out */
};

struct mm_struct;
struct files_struct;
struct fs_struct;
struct pid;
struct nsproxy;

/* The ids a task has: its own pid, its process group's, its session's. */
enum pid_type {
	PIDTYPE_PID,
	PIDTYPE_PGID,
	PIDTYPE_SID,
	PIDTYPE_MAX,
};

/* A task's link into the task list of one of its struct pids. */
struct pid_link {
	struct list_head node;
	struct pid *pid;
};

struct task_struct {
	volatile long state;		/* TASK_* */
	void *stack;			/* lowest address of the kernel stack */
	unsigned int flags;		/* PF_* */
	int usage;			/* references; freed at 0 (put_task_struct) */

	/* Scheduling (kernel/sched.c). */
	bool on_rq;			/* on the run queue */
	bool need_resched;		/* reschedule at the next safe point */
	unsigned int time_slice;	/* ticks left */
	int static_prio;		/* NICE_TO_PRIO(nice); inherited by fork */
	u64 vruntime;			/* weighted CPU time, ns (kernel/sched_fair.c) */
	struct list_head run_list;	/* in the run queue */
	struct list_head tasks;		/* every task, from init_task.tasks */

	/* Exit and wait (kernel/exit.c). */
	int exit_state;			/* EXIT_ZOMBIE, EXIT_DEAD or 0 */
	int exit_code;			/* the wait status the parent gets */
	int exit_signal;		/* sent to the parent at exit: SIGCHLD */

	/* Ids (kernel/pid.c).  pid and tgid are the numbers in the initial
	 * namespace, as Linux's task->pid; user space sees them translated. */
	pid_t pid;
	pid_t tgid;
	struct pid_link pids[PIDTYPE_MAX];

	/* Family. */
	struct task_struct *real_parent;	/* who forked it */
	struct task_struct *parent;		/* who gets SIGCHLD and waits for it */
	struct list_head children;		/* its children */
	struct list_head sibling;		/* in its parent's children */
	struct task_struct *group_leader;	/* the thread group's first task */
	struct list_head thread_group;		/* the other threads of the group */

	/* Resources: NULL for a kernel thread's mm; shared or copied by clone(). */
	struct mm_struct *mm;
	struct mm_struct *active_mm;	/* the address space in use (kthreads borrow) */
	struct fs_struct *fs;
	struct files_struct *files;
	struct nsproxy *nsproxy;	/* namespaces; kernel/nsproxy.c */

	/* Signals (kernel/signal.c). */
	struct signal_struct *signal;	/* shared by the thread group */
	struct sighand_struct *sighand;	/* the actions; shared with CLONE_SIGHAND */
	sigset_t blocked;
	sigset_t saved_sigmask;		/* restored after sigsuspend's handler */
	bool restore_sigmask;
	struct sigpending pending;	/* signals sent to this thread */

	/* Kernel threads (kernel/kthread.c). */
	int (*kthread_fn)(void *data);
	void *kthread_data;
	bool kthread_should_stop;

	char comm[TASK_COMM_LEN];	/* the executable's name */
	unsigned int fail_nth;		/* /dev/fail-nth's countdown (fault-inject.h) */
	unsigned long start_jiffies;
	struct thread_struct thread;
};

extern struct task_struct init_task;	/* swapper/0: the boot task, then idle */
extern struct task_struct *current;	/* the task running now */

#define task_pt_regs(tsk) \
	((struct pt_regs *)((unsigned long)(tsk)->stack + KERNEL_STACK_SIZE) - 1)
#define current_pt_regs()	task_pt_regs(current)

/* Is @addr inside @tsk's kernel stack? */
bool task_stack_contains(const struct task_struct *tsk, unsigned long addr);

#define for_each_process(p) \
	list_for_each_entry(p, &init_task.tasks, tasks)

static inline bool thread_group_leader(const struct task_struct *p)
{
	return p->group_leader == p;
}

/* @p's nice value, -20..19 (Linux's task_nice()). */
static inline int task_nice(const struct task_struct *p)
{
	return PRIO_TO_NICE(p->static_prio);
}

/* The priority /proc/PID/stat shows: 20 + nice, 0..39 (Linux's task_prio()). */
static inline int task_prio(const struct task_struct *p)
{
	return p->static_prio - MAX_RT_PRIO;
}

/* ---- kernel/sched.c ---- */
void sched_init(void);
/* Give up the CPU; returns when this task is chosen again. */
void schedule(void);
/* Make a sleeping task runnable; returns false if it was not sleeping. */
bool wake_up_process(struct task_struct *p);
bool wake_up_state(struct task_struct *p, unsigned int state);
/* Called from the timer interrupt: account the tick, maybe preempt. */
void scheduler_tick(void);
/* The idle loop, run by the boot task once the system is up. */
__noreturn void cpu_idle(void);
/* Put a new task on the run queue (fork, kthread_create). */
void wake_up_new_task(struct task_struct *p);
/* Give @p the nice value @nice (MIN_NICE..MAX_NICE; others are ignored). */
void set_user_nice(struct task_struct *p, long nice);
/* May @p lower its nice value to @nice?  (Linux: RLIMIT_NICE or CAP_SYS_NICE.) */
bool can_nice(const struct task_struct *p, int nice);
/* Tasks on the run queue, and every task that exists (for ps and tests). */
unsigned long nr_running(void);
unsigned long nr_threads(void);

/* Sleep for at least @timeout ticks in @state (TASK_INTERRUPTIBLE: a signal
 * ends it early).  Returns the ticks left (0 when the full time passed). */
long schedule_timeout(long timeout);
long schedule_timeout_interruptible(long timeout);
long schedule_timeout_uninterruptible(long timeout);
void msleep(unsigned int msecs);

static inline void set_current_state(long state)
{
	current->state = state;
}

/* Reference counting of task_structs (kernel/fork.c). */
static inline void get_task_struct(struct task_struct *t)
{
	t->usage++;
}
void __put_task_struct(struct task_struct *t);
static inline void put_task_struct(struct task_struct *t)
{
	if (--t->usage == 0)
		__put_task_struct(t);
}

/* boot/switch.asm: save the callee-saved registers and esp in *@prev_sp, load @next_sp's. */
void __switch_to_asm(unsigned long *prev_sp, unsigned long next_sp);
/* The first thing a new task does after its first switch-in (kernel/sched.c). */
void schedule_tail(void);

/* kernel/fork.c */
void fork_init(void);
long kernel_clone(unsigned long clone_flags, unsigned long stack_start,
		  int __user *parent_tidptr);

#endif /* NEST_SCHED_H */
