/*
 * sys/syscall.h - the system call numbers: Linux's __NR_* names (from
 * <uapi/unistd.h>, the one place the numbers are written) and glibc's
 * SYS_* names for the same, for syscall(SYS_read, ...).  syscall() itself
 * is declared in <unistd.h>.  A call added to <uapi/unistd.h> gets its
 * SYS_ name here too.
 */
#ifndef _SYS_SYSCALL_H
#define _SYS_SYSCALL_H

#include <uapi/unistd.h>

#define SYS_exit	__NR_exit
#define SYS_fork	__NR_fork
#define SYS_read	__NR_read
#define SYS_write	__NR_write
#define SYS_open	__NR_open
#define SYS_close	__NR_close
#define SYS_waitpid	__NR_waitpid
#define SYS_unlink	__NR_unlink
#define SYS_execve	__NR_execve
#define SYS_chdir	__NR_chdir
#define SYS_lseek	__NR_lseek
#define SYS_getpid	__NR_getpid
#define SYS_mount	__NR_mount
#define SYS_pause	__NR_pause
#define SYS_access	__NR_access
#define SYS_nice	__NR_nice
#define SYS_kill	__NR_kill
#define SYS_mkdir	__NR_mkdir
#define SYS_rmdir	__NR_rmdir
#define SYS_dup		__NR_dup
#define SYS_pipe	__NR_pipe
#define SYS_brk		__NR_brk
#define SYS_umount2	__NR_umount2
#define SYS_ioctl	__NR_ioctl
#define SYS_fcntl	__NR_fcntl
#define SYS_setpgid	__NR_setpgid
#define SYS_dup2	__NR_dup2
#define SYS_getppid	__NR_getppid
#define SYS_getpgrp	__NR_getpgrp
#define SYS_setsid	__NR_setsid
#define SYS_readlink	__NR_readlink
#define SYS_reboot	__NR_reboot
#define SYS_munmap	__NR_munmap
#define SYS_getpriority	__NR_getpriority
#define SYS_setpriority	__NR_setpriority
#define SYS_wait4	__NR_wait4
#define SYS_sysinfo	__NR_sysinfo
#define SYS_sigreturn	__NR_sigreturn
#define SYS_clone	__NR_clone
#define SYS_uname	__NR_uname
#define SYS_getpgid	__NR_getpgid
#define SYS_getsid	__NR_getsid
#define SYS_sched_yield	__NR_sched_yield
#define SYS_nanosleep	__NR_nanosleep
#define SYS_prctl	__NR_prctl
#define SYS_rt_sigreturn	__NR_rt_sigreturn
#define SYS_rt_sigaction	__NR_rt_sigaction
#define SYS_rt_sigprocmask	__NR_rt_sigprocmask
#define SYS_rt_sigpending	__NR_rt_sigpending
#define SYS_rt_sigsuspend	__NR_rt_sigsuspend
#define SYS_getcwd	__NR_getcwd
#define SYS_mmap2	__NR_mmap2
#define SYS_getdents64	__NR_getdents64
#define SYS_gettid	__NR_gettid
#define SYS_exit_group	__NR_exit_group
#define SYS_clock_gettime	__NR_clock_gettime
#define SYS_unshare	__NR_unshare
#define SYS_pipe2	__NR_pipe2
#define SYS_clone3	__NR_clone3

#endif /* _SYS_SYSCALL_H */
