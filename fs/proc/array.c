/*
 * fs/proc/array.c - /proc/PID/status and /proc/PID/stat, in Linux's
 * formats (Linux's fs/proc/array.c), so a program that parses Linux's
 * files parses Nest's.
 *
 * Every pid in them is translated into the MOUNT's namespace (the one the
 * /proc was mounted from), not the reader's: Pid, PPid (0 when the parent
 * has no number there: it lives in an ancestor namespace), Tgid, and in
 * status the NS* lines, which give the number at each level from the
 * mount's namespace down to the task's own, tab-separated:
 *
 *	NSpid:	47	12	1	seen from the mount's level, then each
 *				level below, the task's own number last
 *
 * Nest has no users, accounting or scheduling classes: Uid and Gid are
 * root's and times are 0, as an idle Linux shows; priority and nice are
 * the task's (20 + nice, and nice).
 * Fields Nest has no value for are printed as Linux prints them when they
 * are 0, so the field count and order stay Linux's (52 in stat).
 */
#include <nest/pid.h>
#include <nest/pid_namespace.h>
#include <nest/sched.h>
#include <nest/signal_types.h>
#include <nest/mm.h>
#include <nest/mm_types.h>
#include <nest/list.h>
#include <nest/string.h>
#include "internal.h"

/* stat's rsslim: RLIM_INFINITY, as an unsigned long on i386. */
#define PROC_RLIM_INFINITY	(~0UL)
/* stat's tpgid when the process has no controlling terminal. */
#define PROC_NO_TTY_PGRP	(-1)
/* A kB count from pages. */
#define PAGES_TO_KB(n)		((n) << (PAGE_SHIFT - 10))

/*
 * The task's state as Linux's get_task_state() words it.  Nest has no
 * TASK_NOLOAD: a kernel thread's uninterruptible sleep is its idle wait
 * (kthreadd, the kworkers), which Linux reports as "I (idle)".
 */
static const char *get_task_state(const struct task_struct *tsk)
{
	if (tsk->exit_state == EXIT_ZOMBIE)
		return "Z (zombie)";
	if (tsk->exit_state == EXIT_DEAD)
		return "X (dead)";
	if (tsk->state & __TASK_STOPPED)
		return "T (stopped)";
	if (tsk->state & TASK_INTERRUPTIBLE)
		return "S (sleeping)";
	if (tsk->state & TASK_UNINTERRUPTIBLE)
		return tsk->flags & PF_KTHREAD ? "I (idle)" : "D (disk sleep)";
	return "R (running)";
}

/* The parent's thread-group id in @ns, 0 if it has none there. */
static int task_ppid_nr_ns(const struct task_struct *task, struct pid_namespace *ns)
{
	return task->real_parent ? task_tgid_nr_ns(task->real_parent, ns) : 0;
}

static u64 sigset_to_u64(const sigset_t *set)
{
	return ((u64)set->sig[1] << 32) | set->sig[0];
}

/* The signals @task ignores and catches (Linux's collect_sigign_sigcatch()). */
static void collect_sigign_sigcatch(const struct task_struct *task, u64 *ign, u64 *catch)
{
	int i;

	*ign = *catch = 0;
	if (!task->sighand)
		return;
	for (i = 1; i <= _NSIG; i++) {
		__sighandler_t handler = task->sighand->action[i - 1].sa.sa_handler;

		if (handler == SIG_IGN)
			*ign |= 1ULL << (i - 1);
		else if (handler != SIG_DFL)
			*catch |= 1ULL << (i - 1);
	}
}

/* One NS* line: @pid's number at each level from @ns's down to @task's. */
static void show_ns_line(struct seq_file *m, const char *name, struct pid *which,
			 struct pid_namespace *ns, struct pid *pid)
{
	unsigned int g;

	seq_puts(m, name);
	for (g = ns->level; g <= pid->level; g++)
		seq_printf(m, "\t%d", pid_nr_ns(which, pid->numbers[g].ns));
	seq_putc(m, '\n');
}

/* Name..Kthread: the ids (Linux's task_state()). */
static void task_state(struct seq_file *m, struct pid_namespace *ns, struct pid *pid,
		       struct task_struct *task)
{
	unsigned int max_fds = task->files ? task->files->fdt->max_fds : 0;

	if (task->fs)
		seq_printf(m, "Umask:\t%04o\n", task->fs->umask);
	seq_printf(m, "State:\t%s\n", get_task_state(task));
	seq_printf(m, "Tgid:\t%d\nNgid:\t0\nPid:\t%d\nPPid:\t%d\nTracerPid:\t0\n",
		   task_tgid_nr_ns(task, ns), pid_nr_ns(pid, ns), task_ppid_nr_ns(task, ns));
	seq_puts(m, "Uid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\n");
	/* Linux leaves a space after the (here empty) list of groups. */
	seq_printf(m, "FDSize:\t%u\nGroups:\t \n", max_fds);
	show_ns_line(m, "NStgid:", task_tgid(task), ns, pid);
	show_ns_line(m, "NSpid:", pid, ns, pid);
	show_ns_line(m, "NSpgid:", task_pgrp(task), ns, pid);
	show_ns_line(m, "NSsid:", task_session(task), ns, pid);
	seq_printf(m, "Kthread:\t%c\n", task->flags & PF_KTHREAD ? '1' : '0');
}

/* The bytes of every area of @mm. */
static unsigned long mm_total_vm(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	unsigned long bytes = 0;

	list_for_each_entry(vma, &mm->mmap, vm_list)
		bytes += vma->vm_end - vma->vm_start;
	return bytes;
}

/* The memory lines (Linux's task_mem(), the ones Nest can count). */
static void task_mem(struct seq_file *m, struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	unsigned long data = 0, stack = 0;

	list_for_each_entry(vma, &mm->mmap, vm_list) {
		unsigned long pages = (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;

		if (vma->vm_flags & VM_GROWSDOWN)
			stack += pages;
		else if (vma->vm_flags & VM_WRITE)
			data += pages;
	}
	seq_printf(m, "VmSize:\t%8lu kB\n", PAGES_TO_KB(mm_total_vm(mm) >> PAGE_SHIFT));
	seq_printf(m, "VmRSS:\t%8lu kB\n", PAGES_TO_KB(mm->nr_pages));
	seq_printf(m, "VmData:\t%8lu kB\n", PAGES_TO_KB(data));
	seq_printf(m, "VmStk:\t%8lu kB\n", PAGES_TO_KB(stack));
	seq_printf(m, "VmExe:\t%8lu kB\n",
		   (PAGE_ALIGN(mm->end_code) - (mm->start_code & PAGE_MASK)) >> 10);
}

/* Threads and the signal sets (Linux's task_sig(), without SigQ). */
static void task_sig(struct seq_file *m, struct task_struct *task)
{
	u64 ign, catch;

	collect_sigign_sigcatch(task, &ign, &catch);
	seq_printf(m, "Threads:\t%d\n", task->signal ? task->signal->count : 0);
	seq_printf(m, "SigPnd:\t%016llx\n", sigset_to_u64(&task->pending.signal));
	seq_printf(m, "ShdPnd:\t%016llx\n",
		   task->signal ? sigset_to_u64(&task->signal->shared_pending.signal) : 0ULL);
	seq_printf(m, "SigBlk:\t%016llx\n", sigset_to_u64(&task->blocked));
	seq_printf(m, "SigIgn:\t%016llx\n", ign);
	seq_printf(m, "SigCgt:\t%016llx\n", catch);
}

/*
 * proc_pid_status - /proc/PID/status: Name, Umask (while the process has
 * its fs), State, the ids and NS* lines, the memory lines while it has an
 * address space, Threads and the signal sets.
 */
int proc_pid_status(struct seq_file *m, struct pid_namespace *ns,
		    struct pid *pid, struct task_struct *task)
{
	seq_printf(m, "Name:\t%s\n", task->comm);
	task_state(m, ns, pid, task);
	if (task->mm && !(task->flags & PF_KTHREAD))
		task_mem(m, task->mm);
	task_sig(m, task);
	return 0;
}

/*
 * proc_tgid_stat - /proc/PID/stat: one line of 52 fields in Linux's order
 * (see proc(5)): pid (comm) state ppid pgrp session tty_nr tpgid flags,
 * fault counts, times, priority nice num_threads itrealvalue starttime
 * vsize rss rsslim, code and stack addresses, signal sets, wchan ...
 * exit_signal processor ..., data, brk, argument and environment
 * addresses, exit_code.  comm may hold spaces and ')': a parser finds its
 * end at the last ')'.
 */
int proc_tgid_stat(struct seq_file *m, struct pid_namespace *ns,
		   struct pid *pid, struct task_struct *task)
{
	struct mm_struct *mm = task->flags & PF_KTHREAD ? NULL : task->mm;
	unsigned long vsize = mm ? mm_total_vm(mm) : 0, rss = mm ? mm->nr_pages : 0;
	u64 ign, catch;

	collect_sigign_sigcatch(task, &ign, &catch);
	seq_printf(m, "%d (%s) %c %d %d %d 0 %d %u ", pid_nr_ns(pid, ns), task->comm,
		   get_task_state(task)[0], task_ppid_nr_ns(task, ns),
		   pid_nr_ns(task_pgrp(task), ns), pid_nr_ns(task_session(task), ns),
		   PROC_NO_TTY_PGRP, task->flags);
	/* minflt cminflt majflt cmajflt utime stime cutime cstime */
	seq_puts(m, "0 0 0 0 0 0 0 0 ");
	/* priority nice num_threads itrealvalue starttime (clock ticks: HZ is USER_HZ) */
	seq_printf(m, "%d %d %d 0 %lu ", task_prio(task), task_nice(task),
		   task->signal ? task->signal->count : 0, task->start_jiffies);
	seq_printf(m, "%lu %lu %lu ", vsize, rss, PROC_RLIM_INFINITY);
	/* startcode endcode startstack kstkesp kstkeip */
	seq_printf(m, "%lu %lu %lu 0 0 ", mm ? mm->start_code : 0, mm ? mm->end_code : 0,
		   mm ? mm->start_stack : 0);
	/* signal blocked sigignore sigcatch: the first word of each set, as Linux */
	seq_printf(m, "%lu %lu %lu %lu ", task->pending.signal.sig[0], task->blocked.sig[0],
		   (unsigned long)ign, (unsigned long)catch);
	/* wchan nswap cnswap exit_signal processor rt_priority policy blkio guest cguest */
	seq_printf(m, "0 0 0 %d 0 0 0 0 0 0 ", task->exit_signal);
	/* start_data end_data start_brk arg_start arg_end env_start env_end exit_code */
	if (mm)
		seq_printf(m, "%lu %lu %lu %lu %lu %lu %lu ", mm->start_data, mm->end_data,
			   mm->start_brk, mm->arg_start, mm->arg_end, mm->env_start,
			   mm->env_end);
	else
		seq_puts(m, "0 0 0 0 0 0 0 ");
	seq_printf(m, "%d\n", task->exit_code);
	return 0;
}
