/*
 * kernel/entry.c - system call dispatch and the way back to user mode.
 *
 * int $0x80 arrives through boot/entry.asm as vector 0x80 with a struct
 * pt_regs on the kernel stack: the number in orig_ax, the arguments in
 * bx, cx, dx, si, di, bp.  do_int80_syscall() calls the handler from
 * sys_call_table[] (built at boot from the SYSCALL_DEFINE entries,
 * include/nest/syscalls.h) and puts the result in regs->ax, which the
 * stub's pops then hand to user space.
 *
 * Every return to user mode (after a syscall, an interrupt or an
 * exception taken in user mode) goes through exit_to_user_mode(): the
 * place where a task is preempted and where signals are delivered, as in
 * Linux's exit_to_user_mode_loop().
 */
#include <nest/syscalls.h>
#include <nest/sched.h>
#include <nest/signal.h>
#include <nest/ptrace.h>
#include <nest/errno.h>
#include <nest/irqflags.h>
#include <nest/bug.h>
#include <nest/printk.h>

extern const struct syscall_entry __syscalls_start[], __syscalls_end[];

static syscall_fn_t sys_call_table[NR_syscalls];
static const char *sys_call_names[NR_syscalls];

void syscall_init(void)
{
	const struct syscall_entry *e;
	unsigned int n = 0;

	for (e = __syscalls_start; e < __syscalls_end; e++, n++) {
		if (e->nr >= NR_syscalls || sys_call_table[e->nr])
			panic("syscall_init: bad or duplicate number %u for %s",
			      e->nr, e->name);
		sys_call_table[e->nr] = e->fn;
		sys_call_names[e->nr] = e->name;
	}
	pr_info("syscalls: %u system calls registered\n", n);
}

/* The name of system call @nr, or NULL (for tracing and tests). */
const char *syscall_name(unsigned long nr)
{
	return nr < NR_syscalls ? sys_call_names[nr] : NULL;
}

void exit_to_user_mode(struct pt_regs *regs)
{
	if (!user_mode(regs))
		return;
	for (;;) {
		local_irq_disable();
		if (current->need_resched) {
			local_irq_enable();
			schedule();
			continue;
		}
		/* do_signal() takes one signal off each time, so this ends. */
		if (signal_pending(current) || current->restore_sigmask) {
			local_irq_enable();
			do_signal(regs);
			continue;
		}
		break;
	}
	/* The stub's pops and iret run with interrupts off, as entered. */
}

void do_int80_syscall(struct pt_regs *regs)
{
	unsigned long nr = regs->orig_ax;

	/* The gate turned interrupts off; a system call runs with them on. */
	local_irq_enable();
	if (nr < NR_syscalls && sys_call_table[nr])
		regs->ax = sys_call_table[nr](regs->bx, regs->cx, regs->dx,
					      regs->si, regs->di, regs->bp);
	else
		regs->ax = -ENOSYS;
	exit_to_user_mode(regs);
}
