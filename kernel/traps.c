/*
 * kernel/traps.c - the interrupt descriptor table and CPU exceptions.
 *
 * Every vector 0-47 and the system call (0x80) enter through a stub in
 * boot/entry.asm that builds a struct pt_regs and calls do_interrupt().
 * An exception in user mode becomes a signal for the task, as in Linux:
 * a page fault outside the task's areas or a general protection fault is
 * SIGSEGV, an invalid opcode SIGILL, a divide error SIGFPE.  An exception
 * in the kernel is a kernel bug, except a fault in a user-copy routine
 * (include/nest/uaccess.h): die() prints what happened, the registers and
 * a symbolized backtrace, then panics.  Vector 8, the double fault, is a task gate instead:
 * it switches to a task with its own stack, so that even a kernel stack
 * overflow, which leaves no stack to push an exception frame on, is
 * reported by name rather than ending in a silent triple fault.
 */
#include <nest/desc.h>
#include <nest/interrupt.h>
#include <nest/io.h>
#include <nest/irqflags.h>
#include <nest/printk.h>
#include <nest/bug.h>
#include <nest/sched.h>
#include <nest/kallsyms.h>
#include <nest/vmalloc.h>
#include <nest/mm.h>
#include <nest/mman.h>
#include <nest/signal.h>
#include <nest/syscalls.h>
#include <nest/uaccess.h>

#define IDT_ENTRIES		256
#define NR_EXCEPTION_VECTORS	32
#define NR_STUB_VECTORS		48	/* exceptions and the 16 legacy IRQs */
#define DOUBLE_FAULT_VECTOR	8
#define PAGE_FAULT_VECTOR	14

/* Gate types and attributes (Intel SDM vol. 3, 6.11). */
#define GATE_PRESENT	0x80
#define GATE_INTERRUPT	0x0E	/* 32-bit interrupt gate: clears IF on entry */
#define GATE_TASK	0x05
#define GATE_DPL3	0x60	/* int $n allowed from ring 3 */

/* Page-fault error code bits. */
#define PF_PROT		(1 << 0)	/* 0: page not present, 1: protection */
#define PF_WRITE	(1 << 1)
#define PF_USER		(1 << 2)
#define PF_INSTR	(1 << 4)

struct gate_desc {
	u16 offset_low;
	u16 segment;
	u8 reserved;
	u8 type_attr;
	u16 offset_high;
} __packed;

static struct gate_desc idt[IDT_ENTRIES] __aligned(8);
extern const u32 isr_stub_table[NR_STUB_VECTORS];
extern char entry_INT80_32[];

static const char *const exception_names[NR_EXCEPTION_VECTORS] = {
	"divide error", "debug", "NMI", "int3", "overflow", "bounds",
	"invalid opcode", "device not available", "double fault",
	"coprocessor segment overrun", "invalid TSS", "segment not present",
	"stack segment", "general protection", "page fault", "reserved",
	"x87 FPU error", "alignment check", "machine check", "SIMD exception",
	"virtualization exception", "control protection",
};

static void set_gate(unsigned int vector, u32 handler, u16 segment, u8 type_attr)
{
	idt[vector].offset_low = handler & 0xFFFF;
	idt[vector].offset_high = handler >> 16;
	idt[vector].segment = segment;
	idt[vector].reserved = 0;
	idt[vector].type_attr = type_attr;
}

void idt_init(void)
{
	struct desc_ptr idtr;
	unsigned int v;

	for (v = 0; v < NR_STUB_VECTORS; v++)
		set_gate(v, isr_stub_table[v], __KERNEL_CS,
			 GATE_PRESENT | GATE_INTERRUPT);
	/* A task gate: the handler's address is the TSS's eip, not this. */
	set_gate(DOUBLE_FAULT_VECTOR, 0, DOUBLEFAULT_TSS_SELECTOR,
		 GATE_PRESENT | GATE_TASK);
	/* The system call: the one gate user mode may use with int $n. */
	set_gate(SYSCALL_VECTOR, (u32)entry_INT80_32, __KERNEL_CS,
		 GATE_PRESENT | GATE_INTERRUPT | GATE_DPL3);

	idtr.size = sizeof(idt) - 1;
	idtr.address = (u32)idt;
	asm volatile("lidt %0" : : "m"(idtr));
}

void show_regs(const struct pt_regs *regs)
{
	printk(KERN_EMERG "EIP: %04lx:%08lx EFLAGS: %08lx  %pS\n",
	       regs->cs & 0xFFFF, regs->ip, regs->flags, (void *)regs->ip);
	printk(KERN_EMERG "EAX: %08lx EBX: %08lx ECX: %08lx EDX: %08lx\n",
	       regs->ax, regs->bx, regs->cx, regs->dx);
	printk(KERN_EMERG "ESI: %08lx EDI: %08lx EBP: %08lx ESP: %08lx\n",
	       regs->si, regs->di, regs->bp, kernel_stack_pointer(regs));
	printk(KERN_EMERG "DS: %04lx ES: %04lx FS: %04lx GS: %04lx"
	       " CR0: %08lx CR2: %08lx CR3: %08lx CR4: %08lx\n",
	       regs->ds & 0xFFFF, regs->es & 0xFFFF, regs->fs & 0xFFFF,
	       regs->gs & 0xFFFF, read_cr0(), read_cr2(), read_cr3(), read_cr4());
}

/*
 * A kernel-mode exception: report it as Linux's die() does and panic.
 * The backtrace starts at the faulting instruction, not at die().  The
 * caller has already called oops_begin() (a second call would take it for
 * a fault inside the report).
 */
static __noreturn void die(const char *what, struct pt_regs *regs)
{
	printk(KERN_EMERG "Oops: %s, error %04lx [#1] in task %s\n", what,
	       regs->orig_ax, current->comm);
	show_regs(regs);
	show_stack_regs(regs);
	panic("Fatal exception: %s", what);
}

/* Report a kernel-mode page fault, as Linux's page_fault_oops(), and die. */
static __noreturn void page_fault_oops(struct pt_regs *regs, unsigned long address)
{
	unsigned long error = regs->orig_ax;

	oops_begin();
	printk(KERN_EMERG "BUG: unable to handle page fault for address: %08lx\n",
	       address);
	printk(KERN_EMERG "#PF: %s %s access in %s mode\n",
	       error & PF_USER ? "user" : "supervisor",
	       error & PF_INSTR ? "instruction fetch" :
	       error & PF_WRITE ? "write" : "read",
	       user_mode(regs) ? "user" : "kernel");
	printk(KERN_EMERG "#PF: error_code(0x%04lx) - %s\n", error,
	       error & PF_PROT ? "permissions violation" : "not-present page");
	if (address < PAGE_SIZE)
		printk(KERN_EMERG "#PF: a NULL pointer dereference\n");
	if (is_stack_guard_page(address))
		printk(KERN_EMERG "#PF: the address is a kernel stack guard page\n");
	die("page fault", regs);
}

/*
 * A page fault.  On a user address of a task with an mm, the page may
 * simply not be there yet (demand-zero, mm/memory.c).  Otherwise: from user
 * mode, SIGSEGV; from a user-copy routine, its fixup (-EFAULT); anything
 * else in the kernel is a bug.
 */
static void do_page_fault(struct pt_regs *regs)
{
	unsigned long address = read_cr2();
	struct mm_struct *mm = current->mm;
	int si_code = SEGV_MAPERR, err = -EFAULT;

	if (address < TASK_SIZE && mm) {
		/* A fault may allocate: let interrupts in, if they were on. */
		if (regs->flags & X86_EFLAGS_IF)
			local_irq_enable();
		err = handle_mm_fault(mm, address, regs->orig_ax & PF_WRITE, &si_code);
		local_irq_disable();
		if (!err)
			return;
	}
	if (user_mode(regs)) {
		/* No memory for the page: Linux's OOM killer would pick a task. */
		if (err == -ENOMEM)
			force_sig(SIGKILL);
		else
			force_sig_fault(SIGSEGV, si_code, (void __user *)address);
		return;
	}
	if (fixup_exception(regs))
		return;
	page_fault_oops(regs, address);
}

/* What each user-mode exception becomes (Linux's do_trap table). */
static void do_user_trap(struct pt_regs *regs)
{
	switch (regs->vector) {
	case 0:		/* divide error */
		force_sig_fault(SIGFPE, FPE_INTDIV, (void __user *)regs->ip);
		break;
	case 6:		/* invalid opcode */
		force_sig_fault(SIGILL, ILL_ILLOPN, (void __user *)regs->ip);
		break;
	case 1:		/* debug */
	case 3:		/* int3 */
		force_sig(SIGTRAP);
		break;
	case 16:	/* x87 error */
	case 19:	/* SIMD error */
		force_sig(SIGFPE);
		break;
	case 17:	/* alignment check */
		force_sig(SIGBUS);
		break;
	default:	/* general protection, segment faults, ... */
		force_sig(SIGSEGV);
		break;
	}
}

void do_interrupt(struct pt_regs *regs)
{
	unsigned long vector = regs->vector;

	if (vector == SYSCALL_VECTOR) {
		do_int80_syscall(regs);
		return;
	}
	if (vector >= FIRST_EXTERNAL_VECTOR) {
		handle_irq(vector - FIRST_EXTERNAL_VECTOR, regs);
	} else if (vector == PAGE_FAULT_VECTOR) {
		do_page_fault(regs);
	} else if (user_mode(regs)) {
		do_user_trap(regs);
	} else {
		oops_begin();
		die(exception_names[vector] ? exception_names[vector] : "exception", regs);
	}
	exit_to_user_mode(regs);
}

/*
 * The double-fault task.  The CPU got here by a task switch, so the state
 * of whatever faulted was saved in cpu_tss: its esp tells whether it ran
 * off the end of its kernel stack into the guard page below it.  This runs
 * on doublefault_tss's private stack, with interrupts off, and never
 * returns (there is nothing sane to return to).
 */
void double_fault_task(void)
{
	const struct x86_hw_tss *t = &cpu_tss;
	unsigned long cr2 = read_cr2();

	oops_begin();
	if (is_stack_guard_page(t->sp) || is_stack_guard_page(cr2) ||
	    is_stack_guard_page(t->sp - 4)) {
		printk(KERN_EMERG "BUG: kernel stack overflow in task %s: "
		       "esp %08x, guard page hit at %08lx\n",
		       current->comm, t->sp, cr2);
	} else {
		printk(KERN_EMERG "BUG: double fault in task %s\n", current->comm);
	}
	printk(KERN_EMERG "EIP: %04x:%08x EFLAGS: %08x  %pS\n", t->cs, t->ip,
	       t->flags, (void *)t->ip);
	printk(KERN_EMERG "EAX: %08x EBX: %08x ECX: %08x EDX: %08x\n",
	       t->ax, t->bx, t->cx, t->dx);
	printk(KERN_EMERG "ESI: %08x EDI: %08x EBP: %08x ESP: %08x CR2: %08lx\n",
	       t->si, t->di, t->bp, t->sp, cr2);
	show_stack_from(t->ip, t->bp);
	panic("kernel stack overflow or double fault in task %s", current->comm);
}
