/*
 * user/lib/prctl.c - prctl(), process controls such as PR_SET_NAME and
 * PR_SET_CHILD_SUBREAPER, over the system call of the same name (172).
 */
#include <stdarg.h>
#include <sys/prctl.h>
#include "syscall_i386.h"

/*
 * prctl - apply @option with up to four unsigned long arguments (unused
 * ones are passed as whatever the caller left; the kernel ignores them).
 * Returns the option's result, or -1 with errno set (EINVAL).
 */
int prctl(int option, ...)
{
	unsigned long a, b, c, d;
	va_list ap;

	va_start(ap, option);
	a = va_arg(ap, unsigned long);
	b = va_arg(ap, unsigned long);
	c = va_arg(ap, unsigned long);
	d = va_arg(ap, unsigned long);
	va_end(ap);
	return syscall5(__NR_prctl, option, a, b, c, d);
}
