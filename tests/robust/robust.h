/*
 * tests/robust/robust.h - what the Nest-only tests in tests/robust/ share,
 * on top of tests/user/check.h: raw system calls, fork-like calls whose
 * child touches no memory, and /proc/meminfo.
 */
#ifndef TESTS_ROBUST_ROBUST_H
#define TESTS_ROBUST_ROBUST_H

#include <fcntl.h>
#include <sched.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include "../user/check.h"

#define PAGE_SIZE		4096

/* Is a raw result -errno?  (An address above 2 GiB is not.) */
static inline int is_err(long ret)
{
	return (unsigned long)ret >= (unsigned long)-4095;
}

/* A system call's raw result: the value, or -errno. */
static inline long raw(long nr, long a, long b, long c, long d, long e, long f)
{
	long ret = syscall(nr, a, b, c, d, e, f);

	return ret == -1 ? -errno : ret;
}

/*
 * fork_and_reap - a fork-like system call @nr(@a1..@a5) whose child exits
 * at once without touching memory, and whose parent reaps the child (with
 * wait4 and __WALL) before it writes to memory again: with copy on write,
 * a write while the pages are shared would be an allocation of its own.
 * Returns the child's pid, or -errno.  The i386 system call registers:
 * eax the number, ebx, ecx, edx, esi, edi the arguments.
 */
static inline long fork_and_reap(long nr, long a1, long a2, long a3, long a4, long a5)
{
	long ret = nr;

	asm volatile("int $0x80\n\t"
		     "testl %%eax, %%eax\n\t"
		     "jnz 1f\n\t"
		     "movl %[exit], %%eax\n\t"		/* the child: exit(0) */
		     "xorl %%ebx, %%ebx\n\t"
		     "int $0x80\n"
		     "1:\n\t"
		     "jl 2f\n\t"			/* -errno: nothing to reap */
		     "movl %%eax, %%edi\n\t"
		     "movl %%eax, %%ebx\n\t"		/* wait4(pid, NULL, __WALL, NULL) */
		     "xorl %%ecx, %%ecx\n\t"
		     "movl %[wall], %%edx\n\t"
		     "xorl %%esi, %%esi\n\t"
		     "movl %[wait4], %%eax\n\t"
		     "int $0x80\n\t"
		     "movl %%edi, %%eax\n"
		     "2:"
		     : "+a"(ret), "+b"(a1), "+c"(a2), "+d"(a3), "+S"(a4), "+D"(a5)
		     : [exit] "i"(__NR_exit), [wall] "i"(__WALL), [wait4] "i"(__NR_wait4)
		     : "memory", "cc");
	return ret;
}

/*
 * clone_blocked - clone(@flags) a child that, with registers only, reads
 * one byte from @fd into @buf (which must stay mapped) and then exits:
 * it waits until the last writer of the pipe @fd is closed.  Costs the
 * child no memory of its own with CLONE_VM.  Returns its pid or -errno.
 * @fd and @buf ride in esi and edi, clone's tls and child_tid, which are
 * unused without CLONE_SETTLS and CLONE_CHILD_*TID; the child gets the
 * parent's registers.
 */
static inline long clone_blocked(long flags, int fd, void *buf)
{
	long ret = __NR_clone, b = flags, c = 0, d = 0, S = fd, D = (long)buf;

	asm volatile("int $0x80\n\t"
		     "testl %%eax, %%eax\n\t"
		     "jnz 1f\n\t"
		     "movl %[read], %%eax\n\t"		/* the child: read(fd, buf, 1) */
		     "movl %%esi, %%ebx\n\t"
		     "movl %%edi, %%ecx\n\t"
		     "movl $1, %%edx\n\t"
		     "int $0x80\n\t"
		     "movl %[exit], %%eax\n\t"		/* exit(0) */
		     "xorl %%ebx, %%ebx\n\t"
		     "int $0x80\n"
		     "1:"
		     : "+a"(ret), "+b"(b), "+c"(c), "+d"(d), "+S"(S), "+D"(D)
		     : [read] "i"(__NR_read), [exit] "i"(__NR_exit)
		     : "memory", "cc");
	return ret;
}

/*
 * free_kb - MemFree from /proc/meminfo in kB, or -1 without /proc.
 * The caller mounts proc on /proc (mount_proc()).
 */
static inline long free_kb(void)
{
	char buf[256], *p;
	int fd = open("/proc/meminfo", O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	p = strstr(buf, "MemFree:");
	return p ? strtol(p + strlen("MemFree:"), NULL, 10) : -1;
}

/* mount_proc - proc on /proc; returns 1 if it was mounted (for umount2). */
static inline int mount_proc(void)
{
	return mount("proc", "/proc", "proc", 0, NULL) == 0;
}

#endif /* TESTS_ROBUST_ROBUST_H */
