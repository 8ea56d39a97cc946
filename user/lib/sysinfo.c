/* user/lib/sysinfo.c - sysinfo(), over the system call of the same name (116). */
#include <sys/sysinfo.h>
#include "syscall_i386.h"

/* The ABI is 64 bytes on i386; a different size would mean the header is wrong. */
_Static_assert(sizeof(struct sysinfo) == 64, "struct sysinfo must be Linux i386's 64 bytes");

/* sysinfo - fill @info; 0, or -1 with errno (EFAULT for a bad @info, ENOSYS without the call). */
int sysinfo(struct sysinfo *info)
{
	return syscall1(__NR_sysinfo, info);
}
