/*
 * include/nest/bug.h - panic(), BUG_ON() and WARN_ON(), as in Linux.
 *
 * BUG_ON() is for broken kernel invariants only, never for bad user input:
 * a user program must never be able to reach one.  panic() prints the
 * message, the registers of the caller and a symbolized backtrace, then
 * powers the machine off with the panic exit code (kernel/panic.c).
 */
#ifndef NEST_BUG_H
#define NEST_BUG_H

#include <nest/types.h>

__printf(1, 2) __noreturn void panic(const char *fmt, ...);

/*
 * Start a fatal report: quiet the rest of the kernel's output and make sure
 * a fault inside the report itself does not recurse forever.
 */
void oops_begin(void);
extern bool oops_in_progress;

/* Print the call chain from @ip with frame pointer @bp, symbolized. */
void show_stack_from(unsigned long ip, unsigned long bp);
/* The same from saved registers, recovering a frameless function's caller. */
struct pt_regs;
void show_stack_regs(const struct pt_regs *regs);
/* The same from the caller of dump_stack(), as in Linux. */
void dump_stack(void);

/* Print "WARNING: file:line" and a backtrace, and carry on. */
void __warn(const char *file, int line, const char *cond);

#define BUG() panic("kernel BUG at %s:%d!", __FILE__, __LINE__)

#define BUG_ON(cond)							\
	do {								\
		if (unlikely(cond))					\
			panic("kernel BUG at %s:%d: %s", __FILE__,	\
			      __LINE__, #cond);				\
	} while (0)

/* Evaluates to the truth of @cond, so `if (WARN_ON(x)) return -EINVAL;` works. */
#define WARN_ON(cond)							\
	({								\
		bool __c = !!(cond);					\
		if (unlikely(__c))					\
			__warn(__FILE__, __LINE__, #cond);		\
		__c;							\
	})

#endif /* NEST_BUG_H */
