/*
 * include/uapi/unistd.h - system call numbers, Linux i386's (arch/x86/entry/
 * syscalls/syscall_32.tbl).  A program puts the number in eax and the
 * arguments in ebx, ecx, edx, esi, edi, ebp, then executes int $0x80; the
 * result comes back in eax, with -4095..-1 meaning -errno.
 *
 * Only the calls Nest implements (or will, in the steps named) are listed;
 * any other number returns -ENOSYS.
 */
#ifndef UAPI_UNISTD_H
#define UAPI_UNISTD_H

#define __NR_exit		1
#define __NR_fork		2
#define __NR_read		3
#define __NR_write		4
#define __NR_open		5
#define __NR_close		6
#define __NR_waitpid		7
#define __NR_unlink		10
#define __NR_execve		11
#define __NR_chdir		12
#define __NR_lseek		19
#define __NR_getpid		20
#define __NR_mount		21
#define __NR_pause		29
#define __NR_access		33
#define __NR_nice		34
#define __NR_kill		37
#define __NR_mkdir		39
#define __NR_rmdir		40
#define __NR_dup		41
#define __NR_pipe		42
#define __NR_brk		45
#define __NR_umount2		52
#define __NR_ioctl		54
#define __NR_fcntl		55
#define __NR_setpgid		57
#define __NR_umask		60
#define __NR_dup2		63
#define __NR_getppid		64
#define __NR_getpgrp		65
#define __NR_setsid		66
#define __NR_readlink		85
#define __NR_reboot		88
#define __NR_munmap		91
#define __NR_getpriority	96
#define __NR_setpriority	97
#define __NR_wait4		114
#define __NR_sysinfo		116
#define __NR_sigreturn		119
#define __NR_clone		120
#define __NR_uname		122
#define __NR_getpgid		132
#define __NR__llseek		140
#define __NR_readv		145
#define __NR_writev		146
#define __NR_getsid		147
#define __NR_sched_yield	158
#define __NR_nanosleep		162
#define __NR_prctl		172
#define __NR_rt_sigreturn	173
#define __NR_rt_sigaction	174
#define __NR_rt_sigprocmask	175
#define __NR_rt_sigpending	176
#define __NR_rt_sigsuspend	179
#define __NR_getcwd		183
#define __NR_mmap2		192
#define __NR_getdents64		220
#define __NR_gettid		224
#define __NR_exit_group		252
#define __NR_clock_gettime	265
#define __NR_unshare		310
#define __NR_pipe2		331
#define __NR_clone3		435

#define NR_syscalls		436	/* one past the highest number above */

#endif /* UAPI_UNISTD_H */
