/*
 * include/nest/syscalls.h - defining system calls, as Linux's
 * SYSCALL_DEFINEn():
 *
 *	SYSCALL_DEFINE3(read, unsigned int, fd, char __user *, buf, size_t, count)
 *	{
 *		...
 *	}
 *
 * defines `long sys_read(unsigned int fd, char __user *buf, size_t count)`
 * and registers it under __NR_read (include/uapi/unistd.h) in the
 * .syscalls section.  kernel/entry.c builds sys_call_table[] from that
 * section at boot, so a new system call needs no central list: define it
 * anywhere and give it a number.  Every argument is one 32-bit register
 * (ebx, ecx, edx, esi, edi, ebp in that order), as on Linux i386.
 */
#ifndef NEST_SYSCALLS_H
#define NEST_SYSCALLS_H

#include <nest/types.h>
#include <nest/compiler.h>
#include <uapi/unistd.h>

typedef long (*syscall_fn_t)(long, long, long, long, long, long);

struct syscall_entry {
	unsigned int nr;
	syscall_fn_t fn;
	const char *name;
};

/* "t1, a1, t2, a2" -> "t1 a1, t2 a2" (Linux's __MAP). */
#define __MAP0(m, ...)
#define __MAP1(m, t, a, ...)	m(t, a)
#define __MAP2(m, t, a, ...)	m(t, a), __MAP1(m, __VA_ARGS__)
#define __MAP3(m, t, a, ...)	m(t, a), __MAP2(m, __VA_ARGS__)
#define __MAP4(m, t, a, ...)	m(t, a), __MAP3(m, __VA_ARGS__)
#define __MAP5(m, t, a, ...)	m(t, a), __MAP4(m, __VA_ARGS__)
#define __MAP6(m, t, a, ...)	m(t, a), __MAP5(m, __VA_ARGS__)
#define __MAP(n, ...)		__MAP##n(__VA_ARGS__)
#define __SC_DECL(t, a)		t a

#define __SYSCALL_REGISTER(name)					\
	static const struct syscall_entry __syscall_##name		\
		__used __section(".syscalls") __aligned(4) = {		\
		__NR_##name, (syscall_fn_t)(void *)sys_##name, #name }

#define SYSCALL_DEFINE0(name)						\
	long sys_##name(void);						\
	__SYSCALL_REGISTER(name);					\
	long sys_##name(void)

#define SYSCALL_DEFINEx(x, name, ...)					\
	long sys_##name(__MAP(x, __SC_DECL, __VA_ARGS__));		\
	__SYSCALL_REGISTER(name);					\
	long sys_##name(__MAP(x, __SC_DECL, __VA_ARGS__))

#define SYSCALL_DEFINE1(name, ...) SYSCALL_DEFINEx(1, name, __VA_ARGS__)
#define SYSCALL_DEFINE2(name, ...) SYSCALL_DEFINEx(2, name, __VA_ARGS__)
#define SYSCALL_DEFINE3(name, ...) SYSCALL_DEFINEx(3, name, __VA_ARGS__)
#define SYSCALL_DEFINE4(name, ...) SYSCALL_DEFINEx(4, name, __VA_ARGS__)
#define SYSCALL_DEFINE5(name, ...) SYSCALL_DEFINEx(5, name, __VA_ARGS__)
#define SYSCALL_DEFINE6(name, ...) SYSCALL_DEFINEx(6, name, __VA_ARGS__)

/* Build sys_call_table[] from the registered entries (kernel/entry.c). */
void syscall_init(void);
const char *syscall_name(unsigned long nr);

struct pt_regs;
/* The int $0x80 handler, and the common way back to user mode (kernel/entry.c). */
void do_int80_syscall(struct pt_regs *regs);
void exit_to_user_mode(struct pt_regs *regs);

#define SYSCALL_VECTOR	0x80

#endif /* NEST_SYSCALLS_H */
