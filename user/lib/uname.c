/* user/lib/uname.c - uname(), over the system call of the same name (122). */
#include <sys/utsname.h>
#include "syscall_i386.h"

_Static_assert(sizeof(struct utsname) == sizeof(struct new_utsname),
	       "struct utsname must match the kernel's struct new_utsname");

/* uname - the system's name, release, version and machine into @buf. */
int uname(struct utsname *buf)
{
	return syscall1(__NR_uname, buf);
}
