/*
 * include/uapi/mount.h - the flags of mount(2) (21) and umount2(2) (52),
 * Linux's values (include/uapi/linux/mount.h, include/linux/fs.h).  Nest
 * mounts only "proc" and knows only the flags below (fs/namespace.c).
 */
#ifndef UAPI_MOUNT_H
#define UAPI_MOUNT_H

/* mount() flags */
#define MS_RDONLY	0x00000001	/* ignored: procfs is read-only anyway */
#define MS_NOSUID	0x00000002	/* ignored */
#define MS_NODEV	0x00000004	/* ignored */
#define MS_NOEXEC	0x00000008	/* ignored */
#define MS_REMOUNT	0x00000020	/* change an existing mount: EINVAL in Nest */
#define MS_BIND		0x00001000	/* bind mount: EINVAL in Nest */
#define MS_MOVE		0x00002000	/* move a mount: EINVAL in Nest */
#define MS_MGC_VAL	0xC0ED0000	/* the old magic in the top 16 bits: ignored */
#define MS_MGC_MSK	0xffff0000

/* umount2() flags */
#define MNT_FORCE	0x00000001	/* accepted; there is nothing to force */
#define MNT_DETACH	0x00000002	/* lazy umount: EINVAL in Nest */
#define MNT_EXPIRE	0x00000004	/* EINVAL in Nest */
#define UMOUNT_NOFOLLOW	0x00000008	/* do not follow a symbolic link in the name */

#endif /* UAPI_MOUNT_H */
