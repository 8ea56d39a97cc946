/*
 * include/uapi/signal.h - signal numbers, actions and the structures the
 * kernel and user space exchange: Linux i386's values and layouts
 * (asm/signal.h, asm-generic/siginfo.h, asm/sigcontext.h, asm/ucontext.h).
 */
#ifndef UAPI_SIGNAL_H
#define UAPI_SIGNAL_H

#define SIGHUP		1
#define SIGINT		2
#define SIGQUIT		3
#define SIGILL		4
#define SIGTRAP		5
#define SIGABRT		6
#define SIGBUS		7
#define SIGFPE		8
#define SIGKILL		9
#define SIGUSR1		10
#define SIGSEGV		11
#define SIGUSR2		12
#define SIGPIPE		13
#define SIGALRM		14
#define SIGTERM		15
#define SIGSTKFLT	16
#define SIGCHLD		17
#define SIGCONT		18
#define SIGSTOP		19
#define SIGTSTP		20
#define SIGTTIN		21
#define SIGTTOU		22
#define SIGURG		23
#define SIGXCPU		24
#define SIGXFSZ		25
#define SIGVTALRM	26
#define SIGPROF		27
#define SIGWINCH	28
#define SIGIO		29
#define SIGPWR		30
#define SIGSYS		31
#define SIGRTMIN	32
#define _NSIG		64	/* signals 1.._NSIG */

/* sa_flags */
#define SA_NOCLDSTOP	0x00000001
#define SA_NOCLDWAIT	0x00000002
#define SA_SIGINFO	0x00000004
#define SA_RESTORER	0x04000000
#define SA_ONSTACK	0x08000000
#define SA_RESTART	0x10000000
#define SA_NODEFER	0x40000000
#define SA_RESETHAND	0x80000000

/* rt_sigprocmask's how */
#define SIG_BLOCK	0
#define SIG_UNBLOCK	1
#define SIG_SETMASK	2

#define SIG_DFL		((__sighandler_t)0)
#define SIG_IGN		((__sighandler_t)1)
#define SIG_ERR		((__sighandler_t)-1)

typedef void (*__sighandler_t)(int);
typedef void (*__sigrestore_t)(void);

/* The kernel's signal set: 64 bits, what rt_sigprocmask's sigsetsize 8 means. */
typedef struct {
	unsigned long sig[2];
} kernel_sigset_t;

/* The struct rt_sigaction (174) reads and writes: handler, flags, restorer, mask. */
struct kernel_sigaction {
	__sighandler_t sa_handler;	/* or void (*)(int, siginfo_t *, void *) */
	unsigned long sa_flags;
	__sigrestore_t sa_restorer;
	kernel_sigset_t sa_mask;
};

/* si_code values */
#define SI_USER		0	/* kill() */
#define SI_KERNEL	0x80
#define SI_TKILL	(-6)
#define CLD_EXITED	1
#define CLD_KILLED	2
#define CLD_DUMPED	3
#define CLD_TRAPPED	4
#define CLD_STOPPED	5
#define CLD_CONTINUED	6
#define SEGV_MAPERR	1	/* address not mapped */
#define SEGV_ACCERR	2	/* no permission */
#define ILL_ILLOPN	2
#define FPE_INTDIV	1

#define SI_MAX_SIZE	128

/* siginfo_t: 128 bytes; the union's fields depend on the signal and si_code. */
typedef struct siginfo {
	int si_signo;
	int si_errno;
	int si_code;
	union {
		int _pad[(SI_MAX_SIZE / sizeof(int)) - 3];
		struct {		/* kill(), and SIGCHLD (with status) */
			int _pid;
			unsigned int _uid;
			int _status;
			long _utime;
			long _stime;
		} _kill;
		struct {		/* SIGSEGV, SIGILL, SIGFPE, SIGBUS */
			void *_addr;
		} _sigfault;
	} _sifields;
} siginfo_t;

#define si_pid		_sifields._kill._pid
#define si_uid		_sifields._kill._uid
#define si_status	_sifields._kill._status
#define si_utime	_sifields._kill._utime
#define si_stime	_sifields._kill._stime
#define si_addr		_sifields._sigfault._addr

/* The registers saved in a signal frame (asm/sigcontext.h, 32-bit). */
struct sigcontext {
	unsigned short gs, __gsh;
	unsigned short fs, __fsh;
	unsigned short es, __esh;
	unsigned short ds, __dsh;
	unsigned long di;
	unsigned long si;
	unsigned long bp;
	unsigned long sp;
	unsigned long bx;
	unsigned long dx;
	unsigned long cx;
	unsigned long ax;
	unsigned long trapno;
	unsigned long err;
	unsigned long ip;
	unsigned short cs, __csh;
	unsigned long flags;
	unsigned long sp_at_signal;
	unsigned short ss, __ssh;
	unsigned long fpstate;		/* a pointer; 0: no FPU state saved */
	unsigned long oldmask;
	unsigned long cr2;
};

typedef struct sigaltstack {
	void *ss_sp;
	int ss_flags;
	unsigned long ss_size;
} stack_t;

/* The third argument of an SA_SIGINFO handler. */
struct ucontext {
	unsigned long uc_flags;
	struct ucontext *uc_link;
	stack_t uc_stack;
	struct sigcontext uc_mcontext;
	kernel_sigset_t uc_sigmask;
};

#endif /* UAPI_SIGNAL_H */
