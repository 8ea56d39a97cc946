/*
 * user/lib/syscall.c - the error convention of system calls, and
 * syscall(), the way to make any call by number.  The inline __syscallN()
 * that do the trapping are in syscall_i386.h.
 */
#include <errno.h>
#include <stdarg.h>
#include <unistd.h>
#include "syscall_i386.h"

/*
 * __syscall_ret - turn a raw result into the C library's convention.
 * @ret: what the kernel left in eax.  A value in [-MAX_ERRNO, -1] is an
 * error: store it, made positive, in errno and return -1.  Anything else is
 * a result and comes back unchanged (brk and mmap return addresses above
 * 2 GiB, which look negative, so the test is on the unsigned value).
 */
long __syscall_ret(unsigned long ret)
{
	if (ret > -(unsigned long)(MAX_ERRNO + 1)) {
		errno = -(long)ret;
		return -1;
	}
	return ret;
}

/*
 * syscall - make system call @nr with up to six long arguments.  Returns
 * the kernel's result, or -1 with errno set.  All six argument slots are
 * read whether or not the caller passed them, as glibc's syscall() does:
 * the kernel ignores the ones a call does not use.
 */
long syscall(long nr, ...)
{
	va_list ap;
	long a, b, c, d, e, f;

	va_start(ap, nr);
	a = va_arg(ap, long);
	b = va_arg(ap, long);
	c = va_arg(ap, long);
	d = va_arg(ap, long);
	e = va_arg(ap, long);
	f = va_arg(ap, long);
	va_end(ap);
	return __syscall_ret(__syscall6(nr, a, b, c, d, e, f));
}
