/*
 * user/lib/mount.c - mount(), umount() and umount2(), the system calls
 * mount (21) and umount2 (52).  Each returns 0, or -1 with errno set.
 */
#include <sys/mount.h>
#include "syscall_i386.h"

/*
 * mount - mount a @type file system (Nest: "proc") on directory @target.
 * @source names the device (ignored by proc); @data are the file
 * system's options (proc on Nest takes none).
 */
int mount(const char *source, const char *target, const char *type,
	  unsigned long flags, const void *data)
{
	return syscall5(__NR_mount, source, target, type, flags, data);
}

/* umount2 - unmount the file system at @target; @flags: MNT_*, UMOUNT_NOFOLLOW. */
int umount2(const char *target, int flags)
{
	return syscall2(__NR_umount2, target, flags);
}

/* umount - umount2(@target, 0). */
int umount(const char *target)
{
	return umount2(target, 0);
}
