/*
 * tests/user/signal.c - signal handlers in both frame styles, what they are
 * told (siginfo, ucontext) and what they run with (the mask, the direction
 * flag), registers restored afterwards, masks and pending signals, SIG_IGN,
 * SA_NODEFER/SA_RESETHAND/sa_mask, nesting, kill() and sigaction() errors,
 * and the signals init (pid 1) drops.
 *
 * Plain handlers (no SA_SIGINFO) get Linux's old i386 frame and return
 * through sigreturn (119); SA_SIGINFO handlers get the rt frame and return
 * through rt_sigreturn (173).  The C library supplies the restorer.
 */
#include <sys/syscall.h>
#include "check.h"

#define REG_EDX		0x12345678UL
#define REG_ESI		0x9abcdef0UL
#define REG_EDI		0x0badf00dUL
#define EFLAGS_DF	0x400UL
#define KERNEL_SIGSET	8	/* sigsetsize: 64 signals */

static volatile int handled, last_sig, info_code, info_pid, info_errno, had_context;
static volatile int blocked_self, blocked_other, df_in_handler;
static volatile char order[16];
static volatile int order_len;

static void note(char c)
{
	if (order_len < (int)sizeof(order) - 1)
		order[order_len++] = c;
}

static void on_plain(int sig)
{
	unsigned long flags;

	asm volatile("pushfl; popl %0" : "=r"(flags));
	df_in_handler = !!(flags & EFLAGS_DF);
	handled++;
	last_sig = sig;
	blocked_self = is_blocked(sig);
	blocked_other = is_blocked(SIGUSR2);
	/* Clobber the scratch registers the interrupted code must get back. */
	asm volatile("movl $1, %%ecx; movl $2, %%edx" ::: "ecx", "edx");
}

static void on_info(int sig, siginfo_t *si, void *uc)
{
	unsigned long flags;

	asm volatile("pushfl; popl %0" : "=r"(flags));
	df_in_handler = !!(flags & EFLAGS_DF);
	handled++;
	last_sig = si->si_signo == sig ? sig : -1;
	info_code = si->si_code;
	info_pid = si->si_pid;
	info_errno = si->si_errno;
	had_context = uc != NULL;
	asm volatile("movl $1, %%ecx; movl $2, %%edx" ::: "ecx", "edx");
}

static void on_outer(int sig)
{
	note('<');
	kill(getpid(), SIGUSR2);
	note('>');
	(void)sig;
}

static void on_inner(int sig)
{
	note('2');
	(void)sig;
}

static void reset_counters(void)
{
	handled = last_sig = info_code = info_pid = info_errno = had_context = 0;
	blocked_self = blocked_other = df_in_handler = 0;
}

/*
 * regs_survive - kill(getpid(), sig) by int $0x80 with known values in the
 * registers and the direction flag set; the handler clobbers ecx and edx.
 * Returns 1 if every register and DF came back as they were.
 */
static int regs_survive(int sig)
{
	unsigned long b, c, d, S, D, flags;
	long a, pid = getpid();

	asm volatile("std\n\t"
		     "int $0x80\n\t"
		     "pushfl\n\t"
		     "popl %6\n\t"
		     "cld"
		     : "=a"(a), "=b"(b), "=c"(c), "=d"(d), "=S"(S), "=D"(D), "=m"(flags)
		     : "0"(SYS_kill), "1"(pid), "2"(sig), "3"(REG_EDX), "4"(REG_ESI), "5"(REG_EDI)
		     : "memory", "cc");
	return a == 0 && b == (unsigned long)pid && c == (unsigned long)sig && d == REG_EDX &&
	       S == REG_ESI && D == REG_EDI && (flags & EFLAGS_DF);
}

static void test_plain(void)
{
	struct sigaction sa;

	reset_counters();
	CHECK_EQ(set_handler(SIGUSR1, on_plain, 0), 0, "plain: sigaction(SIGUSR1, handler)");
	CHECK_EQ(kill(getpid(), SIGUSR1), 0, "plain: kill(self, SIGUSR1)");
	CHECK(handled == 1, "plain: the handler ran once, before kill() returned");
	CHECK_EQ(last_sig, SIGUSR1, "plain: it was passed 10 (SIGUSR1)");
	CHECK(blocked_self, "plain: SIGUSR1 was blocked while its handler ran");
	CHECK(!is_blocked(SIGUSR1), "plain: and unblocked after it returned");

	reset_counters();
	CHECK(regs_survive(SIGUSR1) && handled == 1,
	      "plain: eax..edi and eflags.DF were restored after the handler");
	CHECK(!df_in_handler, "plain: the handler ran with DF clear");

	sigaction(SIGUSR1, NULL, &sa);
	CHECK(sa.sa_handler == on_plain && !(sa.sa_flags & SA_SIGINFO),
	      "plain: sigaction reads the handler back");
}

static void test_siginfo(void)
{
	int status;
	pid_t child;

	reset_counters();
	CHECK_EQ(set_action(SIGUSR2, on_info, 0), 0, "siginfo: sigaction(SIGUSR2, SA_SIGINFO)");
	kill(getpid(), SIGUSR2);
	CHECK(handled == 1, "siginfo: the handler ran once");
	CHECK_EQ(last_sig, SIGUSR2, "siginfo: signo argument and si_signo are 12");
	CHECK_EQ(info_code, SI_USER, "siginfo: si_code is SI_USER (0)");
	CHECK_EQ(info_pid, 1, "siginfo: si_pid is 1, init signalling itself");
	CHECK_EQ(info_errno, 0, "siginfo: si_errno is 0");
	CHECK(had_context, "siginfo: the ucontext pointer is not NULL");

	reset_counters();
	CHECK(regs_survive(SIGUSR2) && handled == 1,
	      "siginfo: eax..edi and eflags.DF were restored after the handler");
	CHECK(!df_in_handler, "siginfo: the handler ran with DF clear");

	/* From a child: si_pid is the child's pid as the parent knows it. */
	reset_counters();
	mask_signal(SIG_BLOCK, SIGUSR2);
	child = fork();
	if (child == 0) {
		kill(getppid(), SIGUSR2);
		_exit(0);
	}
	{
		sigset_t none;

		sigemptyset(&none);
		CHECK_ERR(sigsuspend(&none), EINTR, "siginfo: sigsuspend until the child's signal");
	}
	CHECK(handled == 1, "siginfo: the handler ran once");
	CHECK(info_pid == child, "siginfo: si_pid is the child's pid (what fork returned)");
	CHECK_EQ(info_code, SI_USER, "siginfo: si_code is SI_USER");
	CHECK(is_blocked(SIGUSR2), "siginfo: sigsuspend restored the mask (SIGUSR2 blocked)");
	mask_signal(SIG_UNBLOCK, SIGUSR2);
	status = wait_child(child);
	CHECK_EXITED(status, 0, "siginfo: the child exited 0");
}

/* sa_mask, SA_NODEFER, SA_RESETHAND, and one handler inside another. */
static void test_flags(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_plain;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGUSR2);
	sigaction(SIGUSR1, &sa, NULL);
	reset_counters();
	kill(getpid(), SIGUSR1);
	CHECK(handled == 1 && blocked_other, "flags: sa_mask's SIGUSR2 was blocked in the handler");
	CHECK(!is_blocked(SIGUSR2), "flags: and unblocked afterwards");

	set_handler(SIGUSR1, on_plain, SA_NODEFER);
	reset_counters();
	kill(getpid(), SIGUSR1);
	CHECK(handled == 1 && !blocked_self,
	      "flags: SA_NODEFER: SIGUSR1 not blocked in its handler");

	set_handler(SIGUSR1, on_plain, SA_RESETHAND);
	reset_counters();
	kill(getpid(), SIGUSR1);
	sigaction(SIGUSR1, NULL, &sa);
	CHECK(handled == 1 && sa.sa_handler == SIG_DFL,
	      "flags: SA_RESETHAND: ran once, then the action is SIG_DFL");

	set_handler(SIGUSR1, on_outer, 0);
	set_handler(SIGUSR2, on_inner, 0);
	order_len = 0;
	kill(getpid(), SIGUSR1);
	order[order_len] = '\0';
	CHECK(strcmp((const char *)order, "<2>") == 0,
	      "flags: SIGUSR2's handler ran inside SIGUSR1's, at its kill()");
}

/* Blocked signals stay pending; standard signals do not queue. */
static void test_mask(void)
{
	sigset_t all, none, cur;

	set_handler(SIGUSR1, on_plain, 0);
	reset_counters();
	mask_signal(SIG_BLOCK, SIGUSR1);
	kill(getpid(), SIGUSR1);
	kill(getpid(), SIGUSR1);
	CHECK(handled == 0, "mask: a blocked SIGUSR1 is not delivered");
	CHECK(is_pending(SIGUSR1), "mask: sigpending shows it");
	mask_signal(SIG_UNBLOCK, SIGUSR1);
	CHECK(handled == 1, "mask: unblocking delivers it, once for two kills");
	CHECK(!is_pending(SIGUSR1), "mask: and it is no longer pending");

	reset_counters();
	mask_signal(SIG_BLOCK, SIGUSR1);
	kill(getpid(), SIGUSR1);
	set_handler(SIGUSR1, SIG_IGN, 0);
	CHECK(!is_pending(SIGUSR1), "mask: setting SIG_IGN discards the pending SIGUSR1");
	set_handler(SIGUSR1, on_plain, 0);
	mask_signal(SIG_UNBLOCK, SIGUSR1);
	CHECK(handled == 0, "mask: nothing delivered after unblocking");

	set_handler(SIGUSR1, SIG_IGN, 0);
	CHECK_EQ(kill(getpid(), SIGUSR1), 0, "mask: kill with SIGUSR1 ignored returns 0");
	CHECK(!is_pending(SIGUSR1), "mask: an ignored signal is not left pending");

	sigfillset(&all);
	sigprocmask(SIG_SETMASK, &all, &cur);
	sigprocmask(SIG_SETMASK, NULL, &cur);
	CHECK(sigismember(&cur, SIGTERM) == 1, "mask: blocking every signal blocks SIGTERM");
	CHECK(!sigismember(&cur, SIGKILL) && !sigismember(&cur, SIGSTOP),
	      "mask: but never SIGKILL or SIGSTOP");
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	CHECK_ERR(sigprocmask(99, &none, NULL), EINVAL, "mask: sigprocmask with how 99");
}

/* The raw calls: a 64-bit kernel sigset, bit n-1 for signal n. */
static void test_raw(void)
{
	unsigned long set[2] = { 0, 0 }, old[2] = { 0, 0 };
	unsigned long act[5] = { 0, 0, 0, 0, 0 };

	set[0] = 1UL << (SIGUSR1 - 1);
	CHECK_EQ(syscall(SYS_rt_sigprocmask, SIG_BLOCK, set, NULL, KERNEL_SIGSET), 0,
		 "raw: rt_sigprocmask blocks bit 9 (SIGUSR1)");
	CHECK(is_blocked(SIGUSR1), "raw: sigprocmask sees SIGUSR1 blocked");
	syscall(SYS_rt_sigprocmask, SIG_UNBLOCK, set, old, KERNEL_SIGSET);
	CHECK(old[0] == 1UL << (SIGUSR1 - 1) && old[1] == 0,
	      "raw: the old set read back is bit 9 only");
	CHECK_ERR(syscall(SYS_rt_sigprocmask, SIG_BLOCK, set, NULL, 4), EINVAL,
		  "raw: rt_sigprocmask with sigsetsize 4");
	CHECK_ERR(syscall(SYS_rt_sigaction, SIGUSR1, NULL, act, 4), EINVAL,
		  "raw: rt_sigaction with sigsetsize 4");
	CHECK_ERR(syscall(SYS_rt_sigpending, old, 16), EINVAL,
		  "raw: rt_sigpending with sigsetsize 16");

	/* rt_sigpending takes any size up to 8 and writes only that many bytes. */
	set_handler(SIGUSR1, SIG_DFL, 0);
	mask_signal(SIG_BLOCK, SIGUSR1);
	kill(getpid(), SIGUSR1);
	old[0] = old[1] = ~0UL;
	CHECK_EQ(syscall(SYS_rt_sigpending, old, 4), 0,
		 "raw: rt_sigpending with sigsetsize 4 succeeds");
	CHECK(old[0] == 1UL << (SIGUSR1 - 1) && old[1] == ~0UL,
	      "raw: it wrote the first 4 bytes (SIGUSR1 pending) and no more");
	set_handler(SIGUSR1, SIG_IGN, 0); /* discards it */
	mask_signal(SIG_UNBLOCK, SIGUSR1);
}

static void test_errors(void)
{
	struct sigaction sa;

	CHECK_EQ(kill(getpid(), 0), 0, "errors: kill(self, 0) checks existence");
	CHECK_ERR(kill(getpid(), 65), EINVAL, "errors: kill with signal 65");
	CHECK_ERR(kill(getpid(), -1), EINVAL, "errors: kill with signal -1");
	CHECK_ERR(kill(30000, SIGUSR1), ESRCH, "errors: kill of a pid nobody has");
	CHECK_ERR(set_handler(SIGKILL, on_plain, 0), EINVAL, "errors: a handler for SIGKILL");
	CHECK_ERR(set_handler(SIGSTOP, SIG_IGN, 0), EINVAL, "errors: ignoring SIGSTOP");
	CHECK_ERR(set_handler(0, on_plain, 0), EINVAL, "errors: sigaction of signal 0");
	CHECK_ERR(set_handler(65, on_plain, 0), EINVAL, "errors: sigaction of signal 65");
	CHECK_EQ(sigaction(SIGKILL, NULL, &sa), 0, "errors: reading SIGKILL's action is allowed");
	CHECK(sa.sa_handler == SIG_DFL, "errors: and it is SIG_DFL");
}

/* Init ignores signals at the default action that come from inside. */
static int child_kills_init(void)
{
	if (kill(1, SIGTERM) != 0 || kill(1, SIGKILL) != 0 || kill(1, SIGUSR1) != 0)
		return 1;
	return 0;
}

static void test_init(void)
{
	int status;

	set_handler(SIGTERM, SIG_DFL, 0);
	set_handler(SIGUSR1, SIG_DFL, 0);
	CHECK_EQ(kill(getpid(), SIGTERM), 0, "init: kill(self, SIGTERM) at SIG_DFL returns 0");
	CHECK(!is_pending(SIGTERM), "init: and is dropped (init lives, nothing pending)");

	status = run_child(child_kills_init);
	CHECK_EXITED(status, 0, "init: a child's kill(1, SIGTERM/SIGKILL/SIGUSR1) returned 0");
	CHECK_EQ(getpid(), 1, "init: init survived them all");

	mask_signal(SIG_BLOCK, SIGTERM);
	kill(getpid(), SIGTERM);
	CHECK(is_pending(SIGTERM), "init: a blocked SIGTERM at SIG_DFL is queued (pending)");
	mask_signal(SIG_UNBLOCK, SIGTERM);
	CHECK(!is_pending(SIGTERM), "init: unblocked at SIG_DFL it is discarded, init lives");

	reset_counters();
	mask_signal(SIG_BLOCK, SIGUSR1);
	kill(getpid(), SIGUSR1);
	set_handler(SIGUSR1, on_plain, 0);
	mask_signal(SIG_UNBLOCK, SIGUSR1);
	CHECK(handled == 1, "init: blocked at SIG_DFL, handler installed, unblocked: it runs once");
	set_handler(SIGUSR1, SIG_DFL, 0);
}

int main(void)
{
	check_begin("signal");
	test_plain();
	test_siginfo();
	test_flags();
	test_mask();
	test_raw();
	test_errors();
	test_init();
	return check_done();
}
