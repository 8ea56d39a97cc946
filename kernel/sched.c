/*
 * kernel/sched.c - the boot task and `current`.
 *
 * The boot task runs start_kernel() on the boot stack from boot/multiboot.asm.
 * Its name is Linux's, swapper/0, so a stack-overflow report in it reads
 * the same as Linux's would.  The processes step adds the scheduler here.
 */
#include <nest/sched.h>
#include <nest/layout.h>

extern char boot_stack[];

struct task_struct init_task = {
	.comm = "swapper/0",
	.stack = boot_stack,
};

struct task_struct *current = &init_task;

bool task_stack_contains(const struct task_struct *tsk, unsigned long addr)
{
	unsigned long base = (unsigned long)tsk->stack;

	return addr >= base && addr < base + KERNEL_STACK_SIZE;
}
