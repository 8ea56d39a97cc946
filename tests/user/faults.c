/*
 * tests/user/faults.c - CPU exceptions in user mode become signals: a bad
 * access is SIGSEGV (SEGV_MAPERR where nothing is mapped or the address is
 * the kernel's, SEGV_ACCERR for a write to a read-only page), ud2 is SIGILL
 * (ILL_ILLOPN), a division by zero or INT_MIN / -1 is SIGFPE (FPE_INTDIV),
 * and a privileged instruction (hlt) is SIGSEGV with SI_KERNEL.
 *
 * Each fault happens in a child.  With a handler, the handler checks
 * si_signo, si_code and si_addr and exits with 40 (or 41 wrong signo, 42
 * wrong code, 43 wrong address); without one, the child dies and the parent
 * sees the signal in WTERMSIG.  A fault kills even when its signal is
 * blocked or ignored.  The test itself (init) never faults.
 */
#include <sys/mman.h>
#include "check.h"

#define KERNEL_ADDR	0xC0001000UL
#define LOW_ADDR	0x10UL
#define PAGE_SIZE	4096
#define HANDLED_OK	40

/* The faulting instructions, where si_addr can name them. */
asm(".pushsection .text\n"
    ".globl fault_ud2\n"
    "fault_ud2:\n\t"
    "ud2\n\t"
    "ret\n"
    ".globl fault_div0\n"
    "fault_div0:\n\t"
    "movl $1, %eax\n\t"
    "xorl %ecx, %ecx\n\t"
    "cltd\n"
    ".globl fault_div0_insn\n"
    "fault_div0_insn:\n\t"
    "idivl %ecx\n\t"
    "ret\n"
    ".globl fault_overflow\n"
    "fault_overflow:\n\t"
    "movl $0x80000000, %eax\n\t"
    "movl $-1, %ecx\n\t"
    "cltd\n"
    ".globl fault_overflow_insn\n"
    "fault_overflow_insn:\n\t"
    "idivl %ecx\n\t"
    "ret\n"
    ".globl fault_hlt\n"
    "fault_hlt:\n\t"
    "hlt\n\t"
    "ret\n"
    ".popsection\n");
void fault_ud2(void);
void fault_div0(void);
void fault_overflow(void);
void fault_hlt(void);
extern char fault_div0_insn[], fault_overflow_insn[];

static const char read_only[] = "a string in .rodata";

/* What the handler expects to be told. */
static int want_sig, want_code;
static void *want_addr;

static void on_fault(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	if (sig != want_sig || si->si_signo != want_sig)
		_exit(41);
	if (si->si_code != want_code)
		_exit(42);
	if (si->si_addr != want_addr)
		_exit(43);
	_exit(HANDLED_OK);
}

/*
 * peek/poke - read or write the int at addr.  The address goes through a
 * volatile variable so the compiler neither warns nor reasons about it.
 */
static volatile unsigned long target;

static int peek(unsigned long addr)
{
	target = addr;
	return *(volatile int *)target;
}

static void poke(unsigned long addr)
{
	target = addr;
	*(volatile int *)target = 1;
}

/* The faults; each returns only if nothing happened. */
static int write_null(void)
{
	poke(0);
	return 1;
}

static int read_low(void)
{
	return peek(LOW_ADDR) + 1;
}

static int read_kernel(void)
{
	return peek(KERNEL_ADDR) + 1;
}

static int write_kernel(void)
{
	poke(KERNEL_ADDR);
	return 1;
}

static int write_rodata(void)
{
	target = (unsigned long)read_only;
	*(volatile char *)target = 'A';
	return 1;
}

static void *page;

static int write_page(void)
{
	poke((unsigned long)page);
	return 1;
}

static int call_null(void)
{
	void (*volatile fn)(void) = NULL;

	fn();
	return 1;
}

static int illegal(void)
{
	fault_ud2();
	return 1;
}

static int divide_by_zero(void)
{
	fault_div0();
	return 1;
}

static int divide_overflow(void)
{
	fault_overflow();
	return 1;
}

static int privileged(void)
{
	fault_hlt();
	return 1;
}

/*
 * handled - run fault in a child with an SA_SIGINFO handler for sig that
 * expects code and addr; returns the child's wait status.
 */
static int handled(int (*fault)(void), int sig, int code, void *addr)
{
	pid_t pid = fork();

	if (pid == 0) {
		want_sig = sig;
		want_code = code;
		want_addr = addr;
		set_action(sig, on_fault, 0);
		_exit(fault());
	}
	return wait_child(pid);
}

static void test_handled(void)
{
	int st;

	st = handled(write_null, SIGSEGV, SEGV_MAPERR, NULL);
	CHECK_EXITED(st, HANDLED_OK, "handled: write to NULL: SIGSEGV, SEGV_MAPERR, si_addr 0");
	st = handled(read_low, SIGSEGV, SEGV_MAPERR, (void *)LOW_ADDR);
	CHECK_EXITED(st, HANDLED_OK, "handled: read of 0x10: SIGSEGV, SEGV_MAPERR, si_addr 0x10");
	st = handled(read_kernel, SIGSEGV, SEGV_MAPERR, (void *)KERNEL_ADDR);
	CHECK_EXITED(st, HANDLED_OK,
		     "handled: read of 0xc0001000: SIGSEGV, SEGV_MAPERR, that si_addr");
	st = handled(write_kernel, SIGSEGV, SEGV_MAPERR, (void *)KERNEL_ADDR);
	CHECK_EXITED(st, HANDLED_OK,
		     "handled: write to 0xc0001000: SIGSEGV, SEGV_MAPERR, that si_addr");
	st = handled(write_rodata, SIGSEGV, SEGV_ACCERR, (void *)read_only);
	CHECK_EXITED(st, HANDLED_OK,
		     "handled: write to a string constant: SIGSEGV, SEGV_ACCERR, its address");
	st = handled(call_null, SIGSEGV, SEGV_MAPERR, NULL);
	CHECK_EXITED(st, HANDLED_OK,
		     "handled: call through a NULL pointer: SIGSEGV, SEGV_MAPERR, si_addr 0");

	page = mmap(NULL, PAGE_SIZE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	st = handled(write_page, SIGSEGV, SEGV_ACCERR, page);
	CHECK_EXITED(st, HANDLED_OK,
		     "handled: write to a PROT_READ page: SIGSEGV, SEGV_ACCERR, the page");
	munmap(page, PAGE_SIZE);
	st = handled(write_page, SIGSEGV, SEGV_MAPERR, page);
	CHECK_EXITED(st, HANDLED_OK,
		     "handled: write to an unmapped page: SIGSEGV, SEGV_MAPERR, the page");

	st = handled(illegal, SIGILL, ILL_ILLOPN, (void *)fault_ud2);
	CHECK_EXITED(st, HANDLED_OK, "handled: ud2: SIGILL, ILL_ILLOPN, si_addr the ud2");
	st = handled(divide_by_zero, SIGFPE, FPE_INTDIV, fault_div0_insn);
	CHECK_EXITED(st, HANDLED_OK, "handled: 1 / 0: SIGFPE, FPE_INTDIV, si_addr the idiv");
	st = handled(divide_overflow, SIGFPE, FPE_INTDIV, fault_overflow_insn);
	CHECK_EXITED(st, HANDLED_OK, "handled: INT_MIN / -1: SIGFPE, FPE_INTDIV, si_addr the idiv");
	st = handled(privileged, SIGSEGV, SI_KERNEL, NULL);
	CHECK_EXITED(st, HANDLED_OK, "handled: hlt in user mode: SIGSEGV, SI_KERNEL, si_addr 0");
}

static void test_default(void)
{
	CHECK_KILLED(run_child(write_null), SIGSEGV,
		     "default: write to NULL kills with SIGSEGV (11)");
	CHECK_KILLED(run_child(read_kernel), SIGSEGV, "default: read of a kernel address: SIGSEGV");
	CHECK_KILLED(run_child(write_rodata), SIGSEGV,
		     "default: write to a string constant: SIGSEGV");
	CHECK_KILLED(run_child(illegal), SIGILL, "default: ud2 kills with SIGILL (4)");
	CHECK_KILLED(run_child(divide_by_zero), SIGFPE, "default: 1 / 0 kills with SIGFPE (8)");
	CHECK_KILLED(run_child(privileged), SIGSEGV, "default: hlt kills with SIGSEGV");
}

static int blocked_segv(void)
{
	mask_signal(SIG_BLOCK, SIGSEGV);
	return write_null();
}

static int ignored_segv(void)
{
	set_handler(SIGSEGV, SIG_IGN, 0);
	return write_null();
}

static int blocked_handled_fpe(void)
{
	want_sig = SIGFPE;
	want_code = FPE_INTDIV;
	want_addr = fault_div0_insn;
	set_action(SIGFPE, on_fault, 0);
	mask_signal(SIG_BLOCK, SIGFPE);
	return divide_by_zero();
}

static void test_forced(void)
{
	CHECK_KILLED(run_child(blocked_segv), SIGSEGV,
		     "forced: with SIGSEGV blocked, still killed by it");
	CHECK_KILLED(run_child(ignored_segv), SIGSEGV,
		     "forced: with SIGSEGV ignored, still killed by it");
	CHECK_KILLED(run_child(blocked_handled_fpe), SIGFPE,
		     "forced: SIGFPE blocked with a handler: killed, the handler does not run");
	CHECK_EQ(getpid(), 1, "forced: the test (init) is unharmed");
}

int main(void)
{
	check_begin("faults");
	test_handled();
	test_default();
	test_forced();
	return check_done();
}
