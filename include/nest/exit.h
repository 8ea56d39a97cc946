/*
 * include/nest/exit.h - ending tasks (kernel/exit.c).
 */
#ifndef NEST_EXIT_H
#define NEST_EXIT_H

#include <nest/sched.h>
#include <nest/wait.h>

/*
 * do_exit - end the current task with wait status @code (Linux's encoding:
 * (status & 0xff) << 8 for exit(), the signal number for a fatal signal).
 * Never returns.
 */
__noreturn void do_exit(long code);
/* The whole thread group exits (exit_group(), a fatal signal). */
__noreturn void do_group_exit(int exit_code);
/* wait4() for the kernel, deaf to signals (kernel/exit.c). */
long kernel_wait4_uninterruptible(int upid, int options);
/*
 * The task that takes @father's children when @father exits: a subreaper
 * above it in its pid namespace, else the namespace's init.  Interrupts
 * off.  (kernel/exit.c; outside it only for the lab4_reaper ktest suite.)
 */
struct task_struct *find_new_reaper(struct task_struct *father);
/* Free what is left of a reaped zombie. */
void release_task(struct task_struct *p);

extern wait_queue_head_t kthread_exit_wait;

#endif /* NEST_EXIT_H */
