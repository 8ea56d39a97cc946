/*
 * include/nest/mount.h - file system types and the mount table (fs/
 * filesystems.c, fs/namespace.c), with Linux's names.
 *
 * Nest's tree is one ramfs; other file systems (procfs) are mounted on its
 * directories.  The design is the smallest that fits the path walk of
 * fs/namei.c, which knows only dentries (Linux walks struct path, a
 * vfsmount and a dentry together):
 *
 *   - mount() makes a new instance of the type (its own root dentry, never
 *     shared with another mount) and marks the covered ramfs directory
 *     DCACHE_MOUNTED.  A struct vfsmount on mount_list links the two.
 *   - The walk, stepping onto a DCACHE_MOUNTED dentry, continues at the
 *     mounted root instead (follow_mount); ".." at a mounted root goes to
 *     the covered directory's parent (follow_dotdot); getcwd crosses the
 *     same way (fs/d_path.c).  Since every mount has its own root, a
 *     root dentry names its mount: no struct path is needed.
 *   - umount() refuses while anything inside is in use (an open file, a
 *     cwd, a walk): each of those holds a dentry, and every dentry holds
 *     its parent, so the root's reference count says it all.
 *
 * Left out, as a lab could add them: one mount per directory (no
 * stacking), no mount on "/" or on a mounted root, no bind or move
 * mounts, no lazy umount (MNT_DETACH), no mount namespaces (the table is
 * the whole system's, as if every process shared one mount namespace).
 */
#ifndef NEST_MOUNT_H
#define NEST_MOUNT_H

#include <nest/types.h>
#include <nest/list.h>
#include <uapi/mount.h>		/* MS_*, MNT_* */

struct dentry;
struct fs_struct;

/* The longest file system type name and source name mount() copies in. */
#define FS_NAME_MAX	32

/*
 * struct file_system_type - a kind of file system that mount() can make
 * (Linux's; its mount() is the old ->mount, before fs_context).
 */
struct file_system_type {
	const char *name;
	/*
	 * A new instance for @dev_name (ignored by procfs) with @flags: its
	 * root dentry, with one reference for the mount, or ERR_PTR.  Called
	 * in the mounting process, so it may look at current.
	 */
	struct dentry *(*mount)(struct file_system_type *fs_type, unsigned long flags,
				const char *dev_name, void *data);
	/*
	 * umount: the instance is unused; drop the mount's reference on
	 * @root and free what mount() made.
	 */
	void (*kill_sb)(struct dentry *root);
	struct file_system_type *next;	/* in the list of registered types */
};

/* struct vfsmount - one entry of the mount table. */
struct vfsmount {
	struct dentry *mnt_root;	/* the mounted instance's root (referenced) */
	struct dentry *mnt_mountpoint;	/* the directory it covers (referenced) */
	struct file_system_type *mnt_type;
	struct list_head mnt_list;	/* in mount_list, oldest first */
};

/* fs/filesystems.c */
int register_filesystem(struct file_system_type *fs);
struct file_system_type *get_fs_type(const char *name);

/* fs/namespace.c */
/* The mount on the DCACHE_MOUNTED directory @mountpoint, or NULL. */
struct vfsmount *lookup_mnt(const struct dentry *mountpoint);
/* The mount whose root is @root, or NULL (also for the tree's own root). */
struct vfsmount *lookup_mnt_root(const struct dentry *root);
/* Mounts in the table now (for tests). */
unsigned int nr_mounts(void);

/*
 * do_mount - mount a new @type instance on directory @dir_name (walked in
 * @fs), as mount(2) with kernel strings.  Returns 0, -ENODEV (an unknown
 * type), -ENOENT, -ENOTDIR, -EBUSY (already a mount point, or a root),
 * -EINVAL (MS_REMOUNT/MS_BIND/MS_MOVE, or a directory not in the ramfs
 * tree), -EPERM, -ENOMEM.
 */
int do_mount(struct fs_struct *fs, const char *dev_name, const char *dir_name,
	     const char *type, unsigned long flags, void *data);
/*
 * do_umount - unmount the file system mounted at @name: 0, -EINVAL (not a
 * mount point; an unsupported flag), -EBUSY (in use), -EPERM, or the
 * walk's errors.
 */
int do_umount(struct fs_struct *fs, const char *name, int flags);
/* init_mount - do_mount() in the calling kernel thread's fs_struct (Linux's). */
int init_mount(const char *dev_name, const char *dir_name, const char *type,
	       unsigned long flags, void *data);

#endif /* NEST_MOUNT_H */
