/*
 * include/nest/sched.h - struct task_struct and `current`.
 *
 * For now there is one task, the boot task (Linux calls it swapper/0; it
 * becomes the idle task).  The processes step grows this structure into
 * Linux's: pids, parents, children, mm, files, signals, and the scheduler.
 * What is here already is what the panic and stack-overflow reports need:
 * a name and the bounds of the kernel stack.
 */
#ifndef NEST_SCHED_H
#define NEST_SCHED_H

#include <nest/types.h>

#define TASK_COMM_LEN	16

struct task_struct {
	char comm[TASK_COMM_LEN];	/* the executable's name, as in Linux */
	void *stack;			/* lowest address of the kernel stack */
};

extern struct task_struct init_task;	/* swapper/0, the boot task */
extern struct task_struct *current;	/* the task running now */

/* Is @addr inside @tsk's kernel stack? */
bool task_stack_contains(const struct task_struct *tsk, unsigned long addr);

#endif /* NEST_SCHED_H */
