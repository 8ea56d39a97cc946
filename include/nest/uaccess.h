/*
 * include/nest/uaccess.h - copying to and from user space, as Linux's.
 *
 * A user pointer may be anything: NULL, a kernel address, an unmapped page.
 * These functions check that the range lies below TASK_SIZE (so user space
 * can never make the kernel read or write kernel memory) and then copy with
 * instructions that may fault; a fault there is not a kernel bug but a bad
 * pointer, and the page-fault handler finds the faulting instruction in the
 * exception table (mm/uaccess.c) and resumes at its fixup, which makes the
 * copy return how much was left.  So the caller sees -EFAULT, never a panic.
 *
 * All may fault user pages in (demand-zero, mm/memory.c); call them
 * from process context only.
 */
#ifndef NEST_UACCESS_H
#define NEST_UACCESS_H

#include <nest/types.h>
#include <nest/compiler.h>
#include <nest/errno.h>
#include <nest/layout.h>


/* Is [addr, addr+size) entirely user space?  (Linux's access_ok()) */
static inline bool access_ok(const void __user *addr, unsigned long size)
{
	unsigned long a = (unsigned long)addr;

	return size <= TASK_SIZE && a <= TASK_SIZE - size;
}

/*
 * copy_from_user / copy_to_user - copy @n bytes.
 * Return the number of bytes NOT copied: 0 on success.  Callers turn a
 * non-zero result into -EFAULT.
 */
unsigned long copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n);

/* Zero @n bytes of user memory; returns the bytes not cleared. */
unsigned long clear_user(void __user *to, unsigned long n);

/*
 * strncpy_from_user - copy a NUL-terminated string of at most @count bytes
 * (NUL included).  Returns its length without the NUL, -EFAULT for a bad
 * pointer, or @count if no NUL was found within @count bytes (the caller
 * decides: usually -ENAMETOOLONG or -E2BIG).
 */
long strncpy_from_user(char *dst, const char __user *src, long count);

/*
 * strnlen_user - the length of a user string, NUL included, looking at no
 * more than @n bytes.  Returns 0 on a fault and n + 1 if there is no NUL
 * within @n bytes, as Linux's.
 */
long strnlen_user(const char __user *s, long n);

/* get_user / put_user for one 8-, 16- or 32-bit value: 0 or -EFAULT. */
#define get_user(x, ptr)						\
	({								\
		unsigned long __gu_val = 0;				\
		long __gu_err = copy_from_user(&__gu_val, (ptr), sizeof(*(ptr))) ? \
				-EFAULT : 0;				\
		(x) = (typeof(*(ptr)))__gu_val;				\
		__gu_err;						\
	})

#define put_user(x, ptr)						\
	({								\
		typeof(*(ptr)) __pu_val = (x);				\
		copy_to_user((ptr), &__pu_val, sizeof(*(ptr))) ? -EFAULT : 0; \
	})

/*
 * The exception table: for each instruction in the user-copy routines that
 * may fault, the address to resume at.  Called by the page-fault handler;
 * returns true (and moves regs->ip) if @regs faulted at such an instruction.
 */
struct pt_regs;
bool fixup_exception(struct pt_regs *regs);

#endif /* NEST_UACCESS_H */
