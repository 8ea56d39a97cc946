/*
 * tests/fuzz/table.c - the system calls the fuzzer makes, each with the
 * type of each argument (call.c makes them up) and a weight: how often it
 * is picked, relative to the others.
 *
 * Some calls must never be made, and some only with their teeth pulled:
 *
 *	exit, exit_group	would end the worker: weight 0
 *	pause, rt_sigsuspend	would block until the watchdog: weight 0
 *	reboot			magic1 is never the magic (fixup_call)
 *	mount			the type never exists (ARG_FSTYPE): nothing is
 *				ever mounted, so nothing outlives the run
 *	nanosleep		never longer than 2 ms (ARG_TIMESPEC)
 *	fork, clone, clone3	the child exits at once (raw_fork_syscall)
 *	execve			allowed: if it works, /bin/true replaces the
 *				worker, which the monitor then restarts
 *	kill			any pid, -1 included: the worker is in the
 *				round's pid namespace, so it reaches only the
 *				round's processes (the monitor, its init, is
 *				immune), never the supervisor or the kernel's
 *	fcntl(F_SETFL)		keeps O_NONBLOCK, so pipes never block
 *	setpriority, nice	the value is always 0 (fixup_call): every which
 *				and who is looked up, but no nice value ever
 *				changes.  A worker at nice -20 would starve the
 *				monitor; a monitor reniced to 19 would pay for
 *				each tick it runs with 68 ticks of waiting
 *	open, unlink...		change files only under the worker's directory
 *				(ARG_WPATH); anything else is opened read-only
 *
 * The rest of the "must not block" rule is the pool (worker.c): its pipes
 * are non-blocking and the console is not in it.
 */
#include <fcntl.h>
#include <signal.h>
#include <sched.h>
#include <sys/wait.h>
#include <sys/mman.h>
#include <uapi/unistd.h>
#include <uapi/misc.h>
#include <uapi/ioctls.h>
#include <uapi/resource.h>
#include "fuzz.h"

#define O_ALL_FLAGS	(O_ACCMODE | O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_APPEND | \
			 O_NONBLOCK | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
#define WAIT_FLAGS	(WNOHANG | WUNTRACED | WCONTINUED | __WALL | __WCLONE)
/*
 * The flags a call takes; gen_flags() sets each at random and sometimes
 * flips one more bit, which brings in the ones Nest does not implement
 * (CLONE_THREAD, CLONE_SETTLS...) often enough to check their EINVAL.
 */
#define CLONE_FLAGS	(CSIGNAL | CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | \
			 CLONE_VFORK | CLONE_PARENT | CLONE_PARENT_SETTID | CLONE_NEWPID)
#define UNSHARE_FLAGS	(CLONE_NEWPID | CLONE_FS | CLONE_FILES)
#define PROT_ALL	(PROT_READ | PROT_WRITE | PROT_EXEC)
#define MAP_ANON_PRIVATE (MAP_PRIVATE | MAP_ANONYMOUS)

#define E		OPS_END
#define A(...)		.arg = { __VA_ARGS__ }

const struct syscall_spec syscall_table[] = {
	{ "fork", __NR_fork, 0, A(ARG_NONE), .weight = 3, .kind = SC_FORK },
	{ "read", __NR_read, 3, A(ARG_FD, ARG_BUF, ARG_LEN), .weight = 10 },
	{ "write", __NR_write, 3, A(ARG_FD, ARG_CBUF, ARG_LEN), .weight = 10 },
	{ "open", __NR_open, 3, A(ARG_WPATH, ARG_FLAGS, ARG_MODE),
	  .flags = { 0, O_ALL_FLAGS }, .weight = 6 },
	{ "open", __NR_open, 3, A(ARG_PATH, ARG_FLAGS, ARG_MODE),
	  .flags = { 0, O_ALL_FLAGS & ~(O_ACCMODE | O_CREAT | O_TRUNC | O_APPEND) },
	  .weight = 5 },
	{ "close", __NR_close, 1, A(ARG_FD), .weight = 6 },
	{ "waitpid", __NR_waitpid, 3, A(ARG_PID, ARG_INTPTR, ARG_FLAGS),
	  .flags = { 0, 0, WAIT_FLAGS }, .weight = 3 },
	{ "unlink", __NR_unlink, 1, A(ARG_WPATH), .weight = 4 },
	{ "execve", __NR_execve, 3, A(ARG_XPATH, ARG_ARGV, ARG_ARGV), .weight = 2,
	  .kind = SC_EXEC },
	{ "chdir", __NR_chdir, 1, A(ARG_DPATH), .weight = 2 },
	{ "lseek", __NR_lseek, 3, A(ARG_FD, ARG_UNDEF, ARG_OP),
	  .ops = { [2] = { SEEK_SET, SEEK_CUR, SEEK_END, 3, 4, E } }, .weight = 5 },
	{ "getpid", __NR_getpid, 0, A(ARG_NONE), .weight = 1 },
	{ "mount", __NR_mount, 5, A(ARG_PATH, ARG_PATH, ARG_FSTYPE, ARG_UNDEF, ARG_CBUF),
	  .weight = 1 },
	{ "access", __NR_access, 2, A(ARG_PATH, ARG_FLAGS), .flags = { 0, 7 }, .weight = 3 },
	{ "kill", __NR_kill, 2, A(ARG_PID, ARG_SIG), .weight = 3 },
	{ "nice", __NR_nice, 1, A(ARG_UNDEF), .weight = 1 },
	{ "getpriority", __NR_getpriority, 2, A(ARG_OP, ARG_PID),
	  .ops = { { PRIO_PROCESS, PRIO_PGRP, PRIO_USER, 3, E } }, .weight = 1 },
	{ "setpriority", __NR_setpriority, 3, A(ARG_OP, ARG_PID, ARG_UNDEF),
	  .ops = { { PRIO_PROCESS, PRIO_PGRP, PRIO_USER, 3, E } }, .weight = 1 },
	{ "mkdir", __NR_mkdir, 2, A(ARG_WPATH, ARG_MODE), .weight = 4 },
	{ "rmdir", __NR_rmdir, 1, A(ARG_WPATH), .weight = 3 },
	{ "dup", __NR_dup, 1, A(ARG_FD), .weight = 4 },
	{ "pipe", __NR_pipe, 1, A(ARG_INTPTR), .weight = 3 },
	{ "brk", __NR_brk, 1, A(ARG_BRK), .weight = 3 },
	{ "umount2", __NR_umount2, 2, A(ARG_PATH, ARG_FLAGS), .flags = { 0, 0xf },
	  .weight = 1 },
	{ "ioctl", __NR_ioctl, 3, A(ARG_FD, ARG_OP, ARG_BUF),
	  .ops = { [1] = { TCGETS, TCSETS, TCSETSW, TCSETSF, TCFLSH, TIOCGPGRP,
			   TIOCSPGRP, TIOCGWINSZ, FIONREAD, FIONBIO, FIOCLEX, E } },
	  .weight = 4 },
	{ "fcntl", __NR_fcntl, 3, A(ARG_FD, ARG_OP, ARG_UNDEF),
	  .ops = { [1] = { F_DUPFD, F_GETFD, F_SETFD, F_GETFL, F_SETFL,
			   F_DUPFD_CLOEXEC, E } }, .weight = 5 },
	{ "setpgid", __NR_setpgid, 2, A(ARG_PID, ARG_PID), .weight = 2 },
	{ "umask", __NR_umask, 1, A(ARG_MODE), .weight = 1 },
	{ "dup2", __NR_dup2, 2, A(ARG_FD, ARG_FD), .weight = 3 },
	{ "getppid", __NR_getppid, 0, A(ARG_NONE), .weight = 1 },
	{ "getpgrp", __NR_getpgrp, 0, A(ARG_NONE), .weight = 1 },
	{ "setsid", __NR_setsid, 0, A(ARG_NONE), .weight = 1 },
	{ "reboot", __NR_reboot, 4, A(ARG_UNDEF, ARG_UNDEF, ARG_OP, ARG_BUF),
	  .ops = { [2] = { LINUX_REBOOT_CMD_RESTART, LINUX_REBOOT_CMD_HALT,
			   LINUX_REBOOT_CMD_POWER_OFF, E } }, .weight = 1 },
	{ "munmap", __NR_munmap, 2, A(ARG_ADDR, ARG_LEN), .weight = 4 },
	{ "wait4", __NR_wait4, 4, A(ARG_PID, ARG_INTPTR, ARG_FLAGS, ARG_BUF),
	  .flags = { 0, 0, WAIT_FLAGS }, .weight = 3 },
	{ "sysinfo", __NR_sysinfo, 1, A(ARG_BUF), .weight = 1 },
	{ "sigreturn", __NR_sigreturn, 0, A(ARG_NONE), .weight = 1 },
	{ "clone", __NR_clone, 5, A(ARG_FLAGS, ARG_UNDEF, ARG_INTPTR, ARG_UNDEF, ARG_INTPTR),
	  .flags = { CLONE_FLAGS }, .weight = 4, .kind = SC_FORK },
	{ "uname", __NR_uname, 1, A(ARG_BUF), .weight = 1 },
	{ "getpgid", __NR_getpgid, 1, A(ARG_PID), .weight = 2 },
	{ "_llseek", __NR__llseek, 5, A(ARG_FD, ARG_UNDEF, ARG_UNDEF, ARG_INTPTR, ARG_OP),
	  .ops = { [4] = { SEEK_SET, SEEK_CUR, SEEK_END, E } }, .weight = 3 },
	{ "readv", __NR_readv, 3, A(ARG_FD, ARG_IOVEC, ARG_IOVCNT), .weight = 4 },
	{ "writev", __NR_writev, 3, A(ARG_FD, ARG_IOVEC, ARG_IOVCNT), .weight = 4 },
	{ "getsid", __NR_getsid, 1, A(ARG_PID), .weight = 2 },
	{ "sched_yield", __NR_sched_yield, 0, A(ARG_NONE), .weight = 1 },
	{ "nanosleep", __NR_nanosleep, 2, A(ARG_TIMESPEC, ARG_BUF), .weight = 2 },
	{ "prctl", __NR_prctl, 5, A(ARG_OP, ARG_BUF, ARG_UNDEF, ARG_UNDEF, ARG_UNDEF),
	  .ops = { { PR_SET_NAME, PR_GET_NAME, PR_SET_CHILD_SUBREAPER,
		     PR_GET_CHILD_SUBREAPER, 1, 4, 22, E } }, .weight = 3 },
	{ "rt_sigreturn", __NR_rt_sigreturn, 0, A(ARG_NONE), .weight = 1 },
	{ "rt_sigaction", __NR_rt_sigaction, 4,
	  A(ARG_SIG, ARG_SIGACTION, ARG_BUF, ARG_SIGSETSIZE), .weight = 4 },
	{ "rt_sigprocmask", __NR_rt_sigprocmask, 4,
	  A(ARG_OP, ARG_SIGSET, ARG_BUF, ARG_SIGSETSIZE),
	  .ops = { { SIG_BLOCK, SIG_UNBLOCK, SIG_SETMASK, E } }, .weight = 3 },
	{ "rt_sigpending", __NR_rt_sigpending, 2, A(ARG_BUF, ARG_SIGSETSIZE), .weight = 2 },
	{ "getcwd", __NR_getcwd, 2, A(ARG_BUF, ARG_LEN), .weight = 2 },
	{ "mmap2", __NR_mmap2, 6, A(ARG_ADDR, ARG_LEN, ARG_FLAGS, ARG_OP, ARG_FD, ARG_UNDEF),
	  .flags = { 0, 0, PROT_ALL },
	  .ops = { [3] = { MAP_ANON_PRIVATE, MAP_ANON_PRIVATE, MAP_ANON_PRIVATE,
			   MAP_ANON_PRIVATE | MAP_FIXED, MAP_SHARED | MAP_ANONYMOUS,
			   MAP_PRIVATE, MAP_SHARED, MAP_ANON_PRIVATE | MAP_SHARED, E } },
	  .weight = 5 },
	{ "getdents64", __NR_getdents64, 3, A(ARG_FD, ARG_BUF, ARG_LEN), .weight = 4 },
	{ "gettid", __NR_gettid, 0, A(ARG_NONE), .weight = 1 },
	{ "clock_gettime", __NR_clock_gettime, 2, A(ARG_OP, ARG_BUF),
	  .ops = { { CLOCK_REALTIME, CLOCK_MONOTONIC, 2, 3, 4, 7, E } }, .weight = 2 },
	{ "unshare", __NR_unshare, 1, A(ARG_FLAGS), .flags = { UNSHARE_FLAGS }, .weight = 2 },
	{ "pipe2", __NR_pipe2, 2, A(ARG_INTPTR, ARG_FLAGS),
	  .flags = { 0, O_NONBLOCK | O_CLOEXEC }, .weight = 3 },
	{ "clone3", __NR_clone3, 2, A(ARG_CLONE_ARGS, ARG_CLONE_SIZE),
	  .flags = { CLONE_FLAGS & ~CSIGNAL }, .weight = 1, .kind = SC_FORK },
#ifdef __NR_readlink
	{ "readlink", __NR_readlink, 3, A(ARG_PATH, ARG_BUF, ARG_LEN), .weight = 2 },
#endif
	/* Never made: see the top of the file. */
	{ "exit", __NR_exit, 1, A(ARG_UNDEF), .weight = 0 },
	{ "exit_group", __NR_exit_group, 1, A(ARG_UNDEF), .weight = 0 },
	{ "pause", __NR_pause, 0, A(ARG_NONE), .weight = 0 },
	{ "rt_sigsuspend", __NR_rt_sigsuspend, 2, A(ARG_SIGSET, ARG_SIGSETSIZE), .weight = 0 },
};

const unsigned int nr_syscall_specs = sizeof(syscall_table) / sizeof(syscall_table[0]);

/*
 * fixup_call - the corrections that keep a call from ending the run
 * instead of testing the kernel (see the top of the file).
 */
void fixup_call(struct call *c)
{
	if (!c->spec)
		return;
	switch (c->nr) {
	case __NR_reboot:
		if (c->arg[0] == LINUX_REBOOT_MAGIC1)
			c->arg[0] ^= 1;
		break;
	case __NR_fcntl:
		if (c->arg[1] == F_SETFL)
			c->arg[2] |= O_NONBLOCK;
		break;
	case __NR_ioctl:
		/* FIONBIO with a pointer to 0 would make a pipe block again. */
		if (c->arg[1] == FIONBIO)
			c->arg[1] = FIONREAD;
		break;
	case __NR_open:
		/* The open that looks at the whole tree only reads it. */
		if (c->spec->arg[0] == ARG_PATH)
			c->arg[1] &= ~(unsigned long)(O_ACCMODE | O_CREAT | O_TRUNC | O_APPEND);
		break;
	case __NR_nice:
		c->arg[0] = 0;		/* see the top of the file */
		break;
	case __NR_setpriority:
		c->arg[2] = 0;
		break;
	case __NR_mmap2:
		/* Mostly anonymous memory: a descriptor of -1. */
		if (!one_in(4))
			c->arg[4] = (unsigned long)-1;
		break;
	}
}
