/*
 * user/lib/brk.c - the program break, the end of the heap: brk() and
 * sbrk(), over the brk system call (45).  malloc.c grows its heap here.
 *
 * The kernel's brk(addr) moves the break to @addr if it can and returns
 * the break as it then is; brk(0) just reports it.  So failure shows as a
 * result below the address asked for, not as -errno.  (A kernel without
 * the call returns -ENOSYS, which is taken as an error too.)
 */
#include <errno.h>
#include <unistd.h>
#include "syscall_i386.h"

static void *cur_brk;	/* the break as last reported; NULL: not asked yet */

/* Ask the kernel to move the break to @addr; the new break, or NULL (errno set). */
static void *sys_brk(void *addr)
{
	long ret = __syscall_ret(__syscall1(__NR_brk, (long)addr));

	return ret == -1 ? NULL : (void *)ret;
}

/* brk - move the program break to @addr.  Returns 0, or -1 with ENOMEM. */
int brk(void *addr)
{
	void *now = sys_brk(addr);

	if (!now)
		return -1;
	cur_brk = now;
	if (now < addr) {
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

/*
 * sbrk - move the program break by @increment bytes (may be negative).
 * Returns the old break, the start of any new memory, or (void *)-1 with
 * ENOMEM.  sbrk(0) returns the current break.
 */
void *sbrk(long increment)
{
	char *old;

	if (!cur_brk) {
		cur_brk = sys_brk(NULL);
		if (!cur_brk)
			return (void *)-1;
	}
	old = cur_brk;
	if (increment == 0)
		return old;
	if ((increment > 0 && (unsigned long)old + increment < (unsigned long)old) ||
	    (increment < 0 && (unsigned long)old < (unsigned long)-increment)) {
		errno = ENOMEM;
		return (void *)-1;
	}
	if (brk(old + increment))
		return (void *)-1;
	return old;
}
