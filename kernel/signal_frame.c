/*
 * kernel/signal_frame.c - the i386 signal frames and sigreturn, laid out
 * exactly as Linux's (arch/x86/kernel/signal_32.c, asm/sigframe.h), so a
 * handler compiled for Linux finds its arguments where it expects them.
 *
 * To run a handler, the kernel pushes a frame on the user stack and points
 * eip at the handler and esp at the frame, whose first word is a return
 * address: the "restorer", which makes the sigreturn system call.  That
 * call reads the saved registers and mask back from the frame, and the
 * task continues where the signal found it.
 *
 *   old frame (no SA_SIGINFO)       rt frame (SA_SIGINFO)
 *   pretcode  <- esp at entry       pretcode  <- esp at entry
 *   sig                             sig
 *   struct sigcontext sc            siginfo_t *pinfo  (-> info)
 *   fpstate_unused (624 bytes)      struct ucontext *puc (-> uc)
 *   extramask[1]                    siginfo_t info
 *   retcode[8]                      struct ucontext uc
 *                                   retcode[8]
 *
 * The handler returns into pretcode: the SA_RESTORER given by the C
 * library, or retcode, a copy of the restorer's instructions in the frame.
 * Nest saves no FPU state in the frame (fpstate is 0): Nest programs use
 * none yet.
 */
#include <nest/signal.h>
#include <nest/sched.h>
#include <nest/ptrace.h>
#include <nest/uaccess.h>
#include <nest/syscalls.h>
#include <nest/desc.h>
#include <nest/string.h>
#include <nest/errno.h>
#include <nest/irqflags.h>
#include <uapi/signal.h>

#define FPSTATE_32_SIZE		624	/* sizeof(struct _fpstate_32) */
#define RETCODE_SIZE		8
#define X86_TRAP_PF		14
#define UC_FP_XSTATE		0x1
#define STACK_ALIGN		16

/* EFLAGS bits a handler may change through sigreturn (Linux's FIX_EFLAGS). */
#define X86_EFLAGS_CF	0x0001
#define X86_EFLAGS_PF	0x0004
#define X86_EFLAGS_AF	0x0010
#define X86_EFLAGS_ZF	0x0040
#define X86_EFLAGS_SF	0x0080
#define X86_EFLAGS_TF	0x0100
#define X86_EFLAGS_DF	0x0400
#define X86_EFLAGS_OF	0x0800
#define X86_EFLAGS_RF	0x00010000
#define X86_EFLAGS_AC	0x00040000
#define FIX_EFLAGS	(X86_EFLAGS_AC | X86_EFLAGS_OF | X86_EFLAGS_DF | X86_EFLAGS_TF | \
			 X86_EFLAGS_SF | X86_EFLAGS_ZF | X86_EFLAGS_AF | X86_EFLAGS_PF | \
			 X86_EFLAGS_CF | X86_EFLAGS_RF)

struct sigframe {
	u32 pretcode;
	int sig;
	struct sigcontext sc;
	u8 fpstate_unused[FPSTATE_32_SIZE];
	unsigned long extramask[1];
	u8 retcode[RETCODE_SIZE];
};

struct rt_sigframe {
	u32 pretcode;
	int sig;
	u32 pinfo;
	u32 puc;
	siginfo_t info;
	struct ucontext uc;
	u8 retcode[RETCODE_SIZE];
};

/* popl %eax; movl $__NR_sigreturn, %eax; int $0x80 */
static const u8 sigreturn_code[RETCODE_SIZE] = {
	0x58, 0xb8, 119, 0, 0, 0, 0xcd, 0x80 };
/* movl $__NR_rt_sigreturn, %eax; int $0x80; (pad) */
static const u8 rt_sigreturn_code[RETCODE_SIZE] = {
	0xb8, 173, 0, 0, 0, 0xcd, 0x80, 0x00 };

/*
 * The frame's address: below the user esp, aligned as Linux aligns it.
 * NULL if it does not fit below esp at all (a stack pointer near 0): the
 * address would wrap, and so would the pointers into the frame.
 */
static void __user *get_sigframe(struct pt_regs *regs, size_t frame_size)
{
	unsigned long sp = regs->sp - frame_size;

	if (regs->sp < frame_size + STACK_ALIGN)
		return NULL;
	/* At the handler's first instruction, (esp + 4) is 16-byte aligned. */
	sp = ((sp + 4) & -(unsigned long)STACK_ALIGN) - 4;
	return (void __user *)sp;
}

static void fill_sigcontext(struct sigcontext *sc, struct pt_regs *regs,
			    unsigned long mask)
{
	memset(sc, 0, sizeof(*sc));
	sc->gs = regs->gs;
	sc->fs = regs->fs;
	sc->es = regs->es;
	sc->ds = regs->ds;
	sc->di = regs->di;
	sc->si = regs->si;
	sc->bp = regs->bp;
	sc->sp = regs->sp;
	sc->bx = regs->bx;
	sc->dx = regs->dx;
	sc->cx = regs->cx;
	sc->ax = regs->ax;
	sc->trapno = regs->vector;
	sc->err = regs->orig_ax;
	sc->ip = regs->ip;
	sc->cs = regs->cs;
	sc->flags = regs->flags;
	sc->sp_at_signal = regs->sp;
	sc->ss = regs->ss;
	sc->fpstate = 0;
	sc->oldmask = mask;
}

/* Point the registers at the handler, with the frame as its stack. */
static void enter_handler(struct pt_regs *regs, struct k_sigaction *ka,
			  void __user *frame, int sig, unsigned long arg2, unsigned long arg3)
{
	regs->sp = (unsigned long)frame;
	regs->ip = (unsigned long)ka->sa.sa_handler;
	/* The handler's arguments also in registers, as Linux does (regparm). */
	regs->ax = sig;
	regs->dx = arg2;
	regs->cx = arg3;
	regs->ds = regs->es = regs->ss = __USER_DS;
	regs->cs = __USER_CS;
	regs->flags &= ~(X86_EFLAGS_DF | X86_EFLAGS_RF | X86_EFLAGS_TF);
}

static int setup_frame(int sig, struct k_sigaction *ka, sigset_t *set,
		       struct pt_regs *regs)
{
	struct sigframe __user *frame = get_sigframe(regs, sizeof(struct sigframe));
	struct sigframe f;

	if (!frame)
		return -EFAULT;
	memset(&f, 0, sizeof(f));
	f.sig = sig;
	fill_sigcontext(&f.sc, regs, set->sig[0]);
	f.extramask[0] = set->sig[1];
	memcpy(f.retcode, sigreturn_code, RETCODE_SIZE);
	f.pretcode = (ka->sa.sa_flags & SA_RESTORER) ? (u32)ka->sa.sa_restorer :
		     (u32)&frame->retcode;
	if (copy_to_user(frame, &f, sizeof(f)))
		return -EFAULT;
	enter_handler(regs, ka, frame, sig, 0, 0);
	return 0;
}

static int setup_rt_frame(int sig, struct k_sigaction *ka, siginfo_t *info,
			  sigset_t *set, struct pt_regs *regs)
{
	struct rt_sigframe __user *frame = get_sigframe(regs, sizeof(struct rt_sigframe));
	struct rt_sigframe f;

	if (!frame)
		return -EFAULT;
	memset(&f, 0, sizeof(f));
	f.sig = sig;
	f.pinfo = (u32)&frame->info;
	f.puc = (u32)&frame->uc;
	f.info = *info;
	f.uc.uc_flags = 0;
	f.uc.uc_link = NULL;
	f.uc.uc_stack.ss_flags = 2;	/* SS_DISABLE: no alternate stack */
	fill_sigcontext(&f.uc.uc_mcontext, regs, set->sig[0]);
	f.uc.uc_sigmask = *set;
	memcpy(f.retcode, rt_sigreturn_code, RETCODE_SIZE);
	f.pretcode = (ka->sa.sa_flags & SA_RESTORER) ? (u32)ka->sa.sa_restorer :
		     (u32)&frame->retcode;
	if (copy_to_user(frame, &f, sizeof(f)))
		return -EFAULT;
	enter_handler(regs, ka, frame, sig, f.pinfo, f.puc);
	return 0;
}

/* Called by do_signal() (kernel/signal.c); 0 or -EFAULT (then SIGSEGV). */
int setup_signal_frame(int sig, struct k_sigaction *ka, siginfo_t *info,
		       sigset_t *oldset, struct pt_regs *regs)
{
	if (ka->sa.sa_flags & SA_SIGINFO)
		return setup_rt_frame(sig, ka, info, oldset, regs);
	return setup_frame(sig, ka, oldset, regs);
}

/* Is @sel a ring-3 selector of ours (or null, for the data segments)? */
static bool user_selector(unsigned long sel, bool may_be_null)
{
	sel &= 0xffff;
	if (may_be_null && (sel & ~3UL) == 0)
		return true;
	return sel == __USER_CS || sel == __USER_DS;
}

/*
 * Load the registers from @sc.  Segment selectors must be user ones, and
 * only the arithmetic flags may change: a handler cannot give itself
 * ring 0 or turn interrupts off through a forged frame.
 */
static int restore_sigcontext(struct pt_regs *regs, const struct sigcontext *sc)
{
	if (!user_selector(sc->cs, false) || !user_selector(sc->ss, false) ||
	    !user_selector(sc->ds, true) || !user_selector(sc->es, true) ||
	    !user_selector(sc->fs, true) || !user_selector(sc->gs, true))
		return -EFAULT;
	regs->gs = sc->gs;
	regs->fs = sc->fs;
	regs->es = sc->es;
	regs->ds = sc->ds;
	regs->di = sc->di;
	regs->si = sc->si;
	regs->bp = sc->bp;
	regs->sp = sc->sp;
	regs->bx = sc->bx;
	regs->dx = sc->dx;
	regs->cx = sc->cx;
	regs->ax = sc->ax;
	regs->ip = sc->ip;
	regs->cs = sc->cs;
	regs->ss = sc->ss;
	regs->flags = (regs->flags & ~FIX_EFLAGS) | (sc->flags & FIX_EFLAGS);
	/* Not a system call any more: nothing to restart. */
	regs->orig_ax = -1;
	return 0;
}

/* The old restorer popped the signal number: the frame began 8 bytes below. */
SYSCALL_DEFINE0(sigreturn)
{
	struct pt_regs *regs = current_pt_regs();
	struct sigframe __user *frame = (struct sigframe __user *)(regs->sp - 8);
	struct sigframe f;
	sigset_t set;

	if (copy_from_user(&f, frame, sizeof(f)))
		goto badframe;
	set.sig[0] = f.sc.oldmask;
	set.sig[1] = f.extramask[0];
	if (restore_sigcontext(regs, &f.sc))
		goto badframe;
	set_current_blocked(&set);
	return regs->ax;
badframe:
	force_sig(SIGSEGV);
	return 0;
}

/* The rt restorer did not pop: the frame began 4 bytes below (pretcode). */
SYSCALL_DEFINE0(rt_sigreturn)
{
	struct pt_regs *regs = current_pt_regs();
	struct rt_sigframe __user *frame = (struct rt_sigframe __user *)(regs->sp - 4);
	struct rt_sigframe f;

	if (copy_from_user(&f, frame, sizeof(f)))
		goto badframe;
	if (restore_sigcontext(regs, &f.uc.uc_mcontext))
		goto badframe;
	set_current_blocked(&f.uc.uc_sigmask);
	return regs->ax;
badframe:
	force_sig(SIGSEGV);
	return 0;
}
