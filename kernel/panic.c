/*
 * kernel/panic.c - panic(), WARN and the symbolized backtrace.
 *
 * A panic prints its message in Linux's words ("Kernel panic - not
 * syncing: ..."), the registers and call chain of its caller, and powers
 * off with NEST_EXIT_PANIC so a test run ends at once instead of hanging.
 *
 * The backtrace follows the frame-pointer chain: every function built with
 * -fno-omit-frame-pointer starts with push %ebp; mov %esp,%ebp, so [ebp]
 * holds the caller's ebp and [ebp+4] the return address.  Each frame is
 * checked before it is read (mapped, aligned, moving up the stack), so a
 * corrupt stack ends the trace instead of faulting inside the report.
 */
#include <nest/bug.h>
#include <nest/printk.h>
#include <nest/reboot.h>
#include <nest/irqflags.h>
#include <nest/string.h>
#include <nest/kallsyms.h>
#include <nest/pgtable.h>
#include <nest/sched.h>
#include <nest/ptrace.h>

#define BACKTRACE_MAX_FRAMES	32
#define PANIC_MSG_MAX		256

bool oops_in_progress;

void oops_begin(void)
{
	local_irq_disable();
	/* A fault during the report itself: stop, rather than recurse. */
	if (oops_in_progress) {
		console_loglevel = 0;
		machine_power_off(NEST_EXIT_PANIC);
	}
	oops_in_progress = true;
	console_loglevel = CONSOLE_LOGLEVEL_DEFAULT + 1;	/* show everything */
}

/* Can we read the frame at @bp (two words)? */
static bool frame_readable(unsigned long bp)
{
	return IS_ALIGNED(bp, sizeof(long)) && bp >= KERNEL_VIRT_BASE &&
	       kern_addr_valid(bp) && kern_addr_valid(bp + sizeof(long));
}

/*
 * Print the trace: @ip, then @missed (a return address found on the stack
 * for a function with no frame, or 0), then the frame chain from @bp.
 */
static void print_trace(unsigned long ip, unsigned long missed, unsigned long bp)
{
	int n;

	printk(KERN_EMERG "Call Trace:\n");
	printk(KERN_EMERG " [<%08lx>] %pS\n", ip, (void *)ip);
	if (missed)
		printk(KERN_EMERG " [<%08lx>] %pS\n", missed, (void *)(missed - 1));
	for (n = 0; n < BACKTRACE_MAX_FRAMES && bp; n++) {
		unsigned long next, ret;

		if (!frame_readable(bp)) {
			printk(KERN_EMERG " (frame pointer %08lx is not readable)\n", bp);
			break;
		}
		next = ((unsigned long *)bp)[0];
		ret = ((unsigned long *)bp)[1];
		if (!ret)
			break;
		/* The return address points after the call: show the call itself. */
		printk(KERN_EMERG " [<%08lx>] %pS\n", ret, (void *)(ret - 1));
		if (next && next <= bp) {
			printk(KERN_EMERG " (stack goes backwards at %08lx)\n", next);
			break;
		}
		bp = next;
	}
}

void show_stack_from(unsigned long ip, unsigned long bp)
{
	print_trace(ip, 0, bp);
}

/*
 * The frame chain skips a function that had not yet pushed %ebp when the
 * fault hit: at its first instruction, or in a leaf that GCC built without
 * a frame.  Then its return address is still on top of the stack ([sp], or
 * [sp+4] after just the push), and printing it restores the missing caller,
 * as Linux's unwinder does for a fault at function entry.
 */
#define X86_PUSH_EBP		0x55
#define X86_MOV_ESP_EBP_1	0x89
#define X86_MOV_ESP_EBP_2	0xE5

void show_stack_regs(const struct pt_regs *regs)
{
	unsigned long ip = regs->ip, sp = kernel_stack_pointer(regs);
	unsigned long offset, size, ret = 0;
	const unsigned char *start;

	if (user_mode(regs) || !kallsyms_lookup(ip, &size, &offset)) {
		print_trace(ip, 0, regs->bp);
		return;
	}
	start = (const unsigned char *)(ip - offset);
	if (start[0] != X86_PUSH_EBP || start[1] != X86_MOV_ESP_EBP_1 ||
	    start[2] != X86_MOV_ESP_EBP_2 || offset == 0) {
		if (kern_addr_valid(sp))
			ret = *(unsigned long *)sp;
	} else if (offset == 1 && kern_addr_valid(sp + sizeof(long))) {
		ret = ((unsigned long *)sp)[1];
	}
	if (ret && !kallsyms_lookup(ret, NULL, NULL))
		ret = 0;	/* not a return address after all */
	print_trace(ip, ret, regs->bp);
}

__noinline void dump_stack(void)
{
	unsigned long bp = (unsigned long)__builtin_frame_address(0);

	show_stack_from((unsigned long)__builtin_return_address(0),
			((unsigned long *)bp)[0]);
}

void panic(const char *fmt, ...)
{
	static char buf[PANIC_MSG_MAX];
	bool nested = oops_in_progress;
	va_list args;

	local_irq_disable();
	oops_in_progress = true;
	console_loglevel = CONSOLE_LOGLEVEL_DEFAULT + 1;
	va_start(args, fmt);
	vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	/*
	 * After die() or the double-fault report the backtrace is already out,
	 * from the faulting frame; otherwise show who called panic().
	 */
	if (!nested) {
		printk(KERN_EMERG "CPU: 0 PID: %d Comm: %s\n", current->pid, current->comm);
		dump_stack();
	}
	printk(KERN_EMERG "Kernel panic - not syncing: %s\n", buf);
	printk(KERN_EMERG "---[ end Kernel panic - not syncing: %s ]---\n", buf);
	machine_power_off(NEST_EXIT_PANIC);
}

void __warn(const char *file, int line, const char *cond)
{
	printk(KERN_WARNING "WARNING: CPU: 0 PID: %d at %s:%d: %s (task %s)\n",
	       current->pid, file, line, cond, current->comm);
	dump_stack();
}
