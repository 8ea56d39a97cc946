/*
 * user/bin/libctest/signals.c - signals: handlers with and without
 * SA_SIGINFO (each returns through the library's restorer, sigreturn or
 * rt_sigreturn, and the interrupted code carries on), reading an action
 * back, the blocked mask and sigpending, SIG_IGN, a SIGSEGV handler that
 * sees the faulting address, abort(), and sigsuspend woken by a signal
 * from another process.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include "libctest.h"

static volatile sig_atomic_t got_plain, got_info, info_ok;

static void on_plain(int sig)
{
	got_plain = sig;
}

static void on_info(int sig, siginfo_t *si, void *uc_arg)
{
	struct ucontext *uc = uc_arg;

	got_info = sig;
	info_ok = si->si_signo == sig && si->si_code == SI_USER &&
		  si->si_pid == getpid() && uc && uc->uc_mcontext.ip != 0;
}

/* An address in the unmapped first page, so touching it faults. */
#define BAD_ADDRESS	16

static void on_segv(int sig, siginfo_t *si, void *uc)
{
	_exit(si->si_signo == SIGSEGV && si->si_addr == (void *)BAD_ADDRESS ? 42 : 1);
}

static void segfault(void)
{
	struct sigaction sa = { .sa_sigaction = on_segv, .sa_flags = SA_SIGINFO };
	/* volatile: the compiler must not see through to the constant. */
	int *volatile bad = (int *)BAD_ADDRESS;

	sigemptyset(&sa.sa_mask);
	sigaction(SIGSEGV, &sa, NULL);
	*bad = 1;
}

static void do_abort(void)
{
	abort();
}

void test_signals(void)
{
	struct sigaction sa = { .sa_handler = on_plain }, old;
	volatile unsigned int sum = 0;
	sigset_t set, pending;
	unsigned int i;
	int status;

	sigemptyset(&sa.sa_mask);
	check(sigaction(SIGUSR1, &sa, NULL) == 0, "sigaction without SA_SIGINFO");
	for (i = 0; i < 1000; i++) {
		sum += i;
		if (i == 500)
			raise(SIGUSR1);
	}
	check(got_plain == SIGUSR1 && sum == 499500,
	      "the handler ran and returned through sigreturn; the loop carried on (sum %u)",
	      sum);

	sa.sa_sigaction = on_info;
	sa.sa_flags = SA_SIGINFO;
	check(sigaction(SIGUSR2, &sa, &old) == 0 && old.sa_handler == SIG_DFL,
	      "sigaction with SA_SIGINFO; the old action was SIG_DFL");
	kill(getpid(), SIGUSR2);
	check(got_info == SIGUSR2 && info_ok,
	      "SA_SIGINFO handler got siginfo (signo, SI_USER, si_pid) and a ucontext, "
	      "returned through rt_sigreturn");
	sigaction(SIGUSR2, NULL, &old);
	check(old.sa_sigaction == on_info && (old.sa_flags & SA_SIGINFO) &&
	      (old.sa_flags & SA_RESTORER), "sigaction reads back the action, with SA_RESTORER");

	got_plain = 0;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, NULL);
	raise(SIGUSR1);
	sigpending(&pending);
	check(!got_plain && sigismember(&pending, SIGUSR1) == 1,
	      "a blocked signal waits in sigpending");
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	check(got_plain == SIGUSR1, "unblocking delivers it");

	check(signal(SIGUSR1, SIG_IGN) == on_plain, "signal() returns the old handler");
	raise(SIGUSR1);
	check(1, "an ignored signal does nothing");
	signal(SIGUSR1, SIG_DFL);

	status = in_child(segfault);
	check(WIFEXITED(status) && WEXITSTATUS(status) == 42,
	      "SIGSEGV handler sees si_addr of the bad access");
	status = in_child(do_abort);
	check(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT, "abort() dies of SIGABRT");
	check(sigaction(SIGKILL, &sa, NULL) == -1 && errno == EINVAL,
	      "sigaction(SIGKILL) fails with EINVAL");
}

void test_sigsuspend(void)
{
	struct sigaction sa = { .sa_handler = on_plain };
	sigset_t block, empty;
	pid_t pid;
	int r;

	got_plain = 0;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigprocmask(SIG_BLOCK, &block, NULL);
	pid = fork();
	if (pid == 0) {
		kill(getppid(), SIGUSR1);
		_exit(0);
	}
	sigemptyset(&empty);
	r = sigsuspend(&empty);
	check(r == -1 && errno == EINTR && got_plain == SIGUSR1,
	      "sigsuspend waits for a signal from another process");
	waitpid(pid, NULL, 0);
	sigprocmask(SIG_UNBLOCK, &block, NULL);
	signal(SIGUSR1, SIG_DFL);
}
