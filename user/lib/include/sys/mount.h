/*
 * sys/mount.h - mount(), umount() and umount2() (mount.c), with the
 * MS_* and MNT_* flags of <uapi/mount.h>.  Nest mounts only "proc".
 */
#ifndef _SYS_MOUNT_H
#define _SYS_MOUNT_H

#include <uapi/mount.h>

int mount(const char *source, const char *target, const char *type,
	  unsigned long flags, const void *data);
int umount(const char *target);
int umount2(const char *target, int flags);

#endif /* _SYS_MOUNT_H */
