/*
 * user/lib/syscall_i386.h - how the library enters the kernel on i386
 * (internal to the library; programs use syscall() from <unistd.h>).
 *
 * The number goes in eax and up to six arguments in ebx, ecx, edx, esi,
 * edi, ebp; "int $0x80" traps into the kernel, which puts the result in
 * eax.  A result in [-4095, -1] is -errno: __syscall_ret() turns it into
 * errno and -1.  __syscallN() return the raw result, so a wrapper can
 * test for one particular error without touching errno.
 */
#ifndef USER_LIB_SYSCALL_I386_H
#define USER_LIB_SYSCALL_I386_H

#include <uapi/unistd.h>

/* The largest errno a system call can return, as Linux's MAX_ERRNO. */
#define MAX_ERRNO	4095

long __syscall_ret(unsigned long ret);

static inline long __syscall0(long nr)
{
	long ret;

	__asm__ volatile("int $0x80" : "=a"(ret) : "a"(nr) : "memory");
	return ret;
}

static inline long __syscall1(long nr, long a)
{
	long ret;

	__asm__ volatile("int $0x80" : "=a"(ret) : "a"(nr), "b"(a) : "memory");
	return ret;
}

static inline long __syscall2(long nr, long a, long b)
{
	long ret;

	__asm__ volatile("int $0x80" : "=a"(ret) : "a"(nr), "b"(a), "c"(b)
			 : "memory");
	return ret;
}

static inline long __syscall3(long nr, long a, long b, long c)
{
	long ret;

	__asm__ volatile("int $0x80" : "=a"(ret)
			 : "a"(nr), "b"(a), "c"(b), "d"(c) : "memory");
	return ret;
}

static inline long __syscall4(long nr, long a, long b, long c, long d)
{
	long ret;

	__asm__ volatile("int $0x80" : "=a"(ret)
			 : "a"(nr), "b"(a), "c"(b), "d"(c), "S"(d) : "memory");
	return ret;
}

static inline long __syscall5(long nr, long a, long b, long c, long d, long e)
{
	long ret;

	__asm__ volatile("int $0x80" : "=a"(ret)
			 : "a"(nr), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e)
			 : "memory");
	return ret;
}

/*
 * The sixth argument goes in ebp, which is the frame pointer and cannot be
 * named as an operand.  So eax points at {nr, f}: save ebp, load the
 * argument and the number through eax, trap, restore ebp.  Nothing reads
 * a stack or frame address while ebp is borrowed.
 */
static inline long __syscall6(long nr, long a, long b, long c, long d, long e,
			      long f)
{
	long nr_and_f[2] = { nr, f };
	long ret;

	__asm__ volatile("push %%ebp\n\t"
			 "movl 4(%%eax), %%ebp\n\t"
			 "movl (%%eax), %%eax\n\t"
			 "int $0x80\n\t"
			 "pop %%ebp"
			 : "=a"(ret)
			 : "a"(nr_and_f), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e)
			 : "memory");
	return ret;
}

/* The same, returning -1 with errno set on failure: what wrappers use. */
#define syscall0(nr)		__syscall_ret(__syscall0(nr))
#define syscall1(nr, a)		__syscall_ret(__syscall1(nr, (long)(a)))
#define syscall2(nr, a, b)	__syscall_ret(__syscall2(nr, (long)(a), (long)(b)))
#define syscall3(nr, a, b, c) \
	__syscall_ret(__syscall3(nr, (long)(a), (long)(b), (long)(c)))
#define syscall4(nr, a, b, c, d) \
	__syscall_ret(__syscall4(nr, (long)(a), (long)(b), (long)(c), (long)(d)))
#define syscall5(nr, a, b, c, d, e) \
	__syscall_ret(__syscall5(nr, (long)(a), (long)(b), (long)(c), \
				 (long)(d), (long)(e)))
#define syscall6(nr, a, b, c, d, e, f) \
	__syscall_ret(__syscall6(nr, (long)(a), (long)(b), (long)(c), \
				 (long)(d), (long)(e), (long)(f)))

#endif /* USER_LIB_SYSCALL_I386_H */
