/*
 * mm/uaccess.c - copying between the kernel and user space
 * (include/nest/uaccess.h says why and how faults become -EFAULT).
 *
 * Each copy is one string instruction (rep movsb / lodsb-stosb) whose
 * address goes in the exception table (section __ex_table: pairs of
 * "instruction that may fault, where to resume").  If it faults, the page
 * fault handler finds it there (fixup_exception() below) and resumes at the
 * fixup with ecx still counting the bytes not yet copied.  That is Linux's
 * i386 __copy_user, in its simplest form.
 */
#include <nest/uaccess.h>
#include <nest/ptrace.h>
#include <nest/string.h>

struct exception_table_entry {
	unsigned long insn;	/* address of an instruction that may fault */
	unsigned long fixup;	/* where to continue if it does */
};

extern const struct exception_table_entry __start___ex_table[], __stop___ex_table[];

bool fixup_exception(struct pt_regs *regs)
{
	const struct exception_table_entry *e;

	for (e = __start___ex_table; e < __stop___ex_table; e++) {
		if (e->insn == regs->ip) {
			regs->ip = e->fixup;
			return true;
		}
	}
	return false;
}

/* Copy @n bytes; a fault stops it.  Returns the bytes left (0: all copied). */
static unsigned long __copy_user(void *to, const void *from, unsigned long n)
{
	unsigned long d0, d1;

	asm volatile("1:	rep movsb\n"
		     "2:\n"
		     ".section __ex_table, \"a\"\n"
		     "	.align 4\n"
		     "	.long 1b, 2b\n"
		     ".previous"
		     : "+c"(n), "=&D"(d0), "=&S"(d1)
		     : "1"(to), "2"(from)
		     : "memory");
	return n;
}

unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
	unsigned long left = n;

	if (access_ok(from, n))
		left = __copy_user(to, (const void __force *)from, n);
	/* As Linux: what could not be read is zeroed, never left stale. */
	if (left)
		memset((char *)to + (n - left), 0, left);
	return left;
}

unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	return __copy_user((void __force *)to, from, n);
}

unsigned long clear_user(void __user *to, unsigned long n)
{
	unsigned long d0;

	if (!access_ok(to, n))
		return n;
	asm volatile("1:	rep stosb\n"
		     "2:\n"
		     ".section __ex_table, \"a\"\n"
		     "	.align 4\n"
		     "	.long 1b, 2b\n"
		     ".previous"
		     : "+c"(n), "=&D"(d0)
		     : "a"(0), "1"(to)
		     : "memory");
	return n;
}

/*
 * Copy bytes until the NUL (copied too) or @count bytes.  lodsb may fault;
 * its fixup sets the result to -EFAULT.  The range is clamped to user
 * space first, so a string running into the kernel half faults cleanly
 * at the boundary instead of reading kernel memory.
 */
long strncpy_from_user(char *dst, const char __user *src, long count)
{
	unsigned long s = (unsigned long)src;
	long res, d0, d1, d2;

	if (count <= 0)
		return 0;
	if (s >= TASK_SIZE)
		return -EFAULT;
	if ((unsigned long)count > TASK_SIZE - s) {
		/* The string would run into kernel space: copy up to the edge. */
		long n = strncpy_from_user(dst, src, TASK_SIZE - s);

		return n == (long)(TASK_SIZE - s) ? -EFAULT : n;
	}
	asm volatile("	testl %1, %1\n"
		     "	jz 2f\n"
		     "0:	lodsb\n"
		     "	stosb\n"
		     "	testb %%al, %%al\n"
		     "	jz 1f\n"
		     "	decl %1\n"
		     "	jnz 0b\n"
		     "1:	subl %1, %0\n"
		     "2:\n"
		     ".section .fixup, \"ax\"\n"
		     "3:	movl %5, %0\n"
		     "	jmp 2b\n"
		     ".previous\n"
		     ".section __ex_table, \"a\"\n"
		     "	.align 4\n"
		     "	.long 0b, 3b\n"
		     ".previous"
		     : "=&d"(res), "=&c"(count), "=&a"(d0), "=&S"(d1), "=&D"(d2)
		     : "i"(-EFAULT), "0"(count), "1"(count), "3"(src), "4"(dst)
		     : "memory");
	return res;
}

long strnlen_user(const char __user *s, long n)
{
	unsigned long a = (unsigned long)s;
	long res, left = n, d0, d1;

	if (n <= 0 || a >= TASK_SIZE)
		return 0;
	if ((unsigned long)n > TASK_SIZE - a)
		left = n = TASK_SIZE - a;
	/*
	 * Count bytes up to and including the NUL; a fault gives 0.  n is read
	 * into res before the loop: GCC may give n the same register as left,
	 * which the loop counts down.
	 */
	asm volatile("	movl %4, %0\n"
		     "0:	lodsb\n"
		     "	testb %%al, %%al\n"
		     "	jz 1f\n"
		     "	decl %1\n"
		     "	jnz 0b\n"	/* no NUL within n: left is 0, so n + 1 */
		     "1:	subl %1, %0\n"
		     "	incl %0\n"
		     "2:\n"
		     ".section .fixup, \"ax\"\n"
		     "3:	xorl %0, %0\n"
		     "	jmp 2b\n"
		     ".previous\n"
		     ".section __ex_table, \"a\"\n"
		     "	.align 4\n"
		     "	.long 0b, 3b\n"
		     ".previous"
		     : "=&r"(res), "+c"(left), "=&a"(d0), "=&S"(d1)
		     : "g"(n), "3"(s)
		     : "memory");
	return res;
}
