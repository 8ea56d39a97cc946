/*
 * fs/namespace.c - the mount table, and the mount and umount2 system
 * calls (Linux's fs/namespace.c, without mount namespaces).
 *
 * How a mount works in Nest is in include/nest/mount.h: a covered ramfs
 * directory is marked DCACHE_MOUNTED, and fs/namei.c's walk steps from it
 * to the mounted root (lookup_mnt) and back up from that root to it
 * (lookup_mnt_root).  The table is a short list, searched in order.
 *
 * Called by the path walk (fs/namei.c), getcwd (fs/d_path.c), and at boot
 * by kernel_init() through init_mount() ("/proc").
 */
#include <nest/fs.h>
#include <nest/mount.h>
#include <nest/nsproxy.h>
#include <nest/slab.h>
#include <nest/string.h>
#include <nest/uaccess.h>
#include <nest/errno.h>
#include <nest/syscalls.h>

static LIST_HEAD(mount_list);
static unsigned int mount_count;

/* lookup_mnt - the mount covering @mountpoint, or NULL. */
struct vfsmount *lookup_mnt(const struct dentry *mountpoint)
{
	struct vfsmount *mnt;

	if (!(mountpoint->d_flags & DCACHE_MOUNTED))
		return NULL;
	list_for_each_entry(mnt, &mount_list, mnt_list)
		if (mnt->mnt_mountpoint == mountpoint)
			return mnt;
	return NULL;
}

/* lookup_mnt_root - the mount whose root is @root, or NULL. */
struct vfsmount *lookup_mnt_root(const struct dentry *root)
{
	struct vfsmount *mnt;

	if (!IS_ROOT(root))
		return NULL;
	list_for_each_entry(mnt, &mount_list, mnt_list)
		if (mnt->mnt_root == root)
			return mnt;
	return NULL;
}

/* nr_mounts - how many mounts there are (the tests compare before and after). */
unsigned int nr_mounts(void)
{
	return mount_count;
}

/*
 * May @mp be covered?  Only a live directory of the ramfs tree: not "/"
 * or a mounted root (Nest does not stack mounts), not a removed directory,
 * not a name a file system made up on demand (procfs), which lives only
 * while it is used.
 */
static int check_mountpoint(const struct dentry *mp)
{
	if (!d_is_dir(mp))
		return -ENOTDIR;
	if (IS_ROOT(mp) || (mp->d_flags & DCACHE_MOUNTED))
		return -EBUSY;
	if (d_unlinked(mp))
		return -ENOENT;
	if (mp->d_flags & DCACHE_DONTCACHE)
		return -EINVAL;
	return 0;
}

int do_mount(struct fs_struct *fs, const char *dev_name, const char *dir_name,
	     const char *type, unsigned long flags, void *data)
{
	struct file_system_type *fs_type;
	struct dentry *mp, *root;
	struct vfsmount *mnt;
	int err;

	if (!ns_capable_sys_admin())
		return -EPERM;
	/* Before Linux 2.4 the top half had to be this magic; it is ignored. */
	if ((flags & MS_MGC_MSK) == MS_MGC_VAL)
		flags &= ~MS_MGC_MSK;
	if (flags & (MS_REMOUNT | MS_BIND | MS_MOVE))
		return -EINVAL;
	/* The directory first: as in Linux, a missing one is ENOENT whatever the type. */
	err = kern_path(fs, dir_name, LOOKUP_FOLLOW, &mp);
	if (err)
		return err;
	err = check_mountpoint(mp);
	if (err)
		goto out_put;
	err = -EINVAL;
	if (!type)
		goto out_put;
	err = -ENODEV;
	fs_type = get_fs_type(type);
	if (!fs_type)
		goto out_put;
	mnt = kzalloc(sizeof(*mnt), GFP_KERNEL);
	err = -ENOMEM;
	if (!mnt)
		goto out_put;
	root = fs_type->mount(fs_type, flags, dev_name, data);
	if (IS_ERR(root)) {
		err = PTR_ERR(root);
		kfree(mnt);
		goto out_put;
	}
	mnt->mnt_root = root;
	mnt->mnt_mountpoint = mp;	/* the walk's reference passes to the mount */
	mnt->mnt_type = fs_type;
	mp->d_flags |= DCACHE_MOUNTED;
	list_add_tail(&mnt->mnt_list, &mount_list);
	mount_count++;
	return 0;

out_put:
	dput(mp);
	return err;
}

int do_umount(struct fs_struct *fs, const char *name, int flags)
{
	struct vfsmount *mnt;
	struct dentry *root;
	int err;

	if (!ns_capable_sys_admin())
		return -EPERM;
	if (flags & ~(MNT_FORCE | UMOUNT_NOFOLLOW))
		return -EINVAL;
	err = kern_path(fs, name, flags & UMOUNT_NOFOLLOW ? 0 : LOOKUP_FOLLOW, &root);
	if (err)
		return err;
	mnt = lookup_mnt_root(root);
	if (!mnt) {
		dput(root);
		return -EINVAL;
	}
	/*
	 * Busy?  The mount holds the root once and our walk once; any other
	 * reference is a user: an open file, a cwd, or a dentry below (each
	 * holds its parent, up to the root).
	 */
	if (root->d_count > 2) {
		dput(root);
		return -EBUSY;
	}
	list_del(&mnt->mnt_list);
	mount_count--;
	mnt->mnt_mountpoint->d_flags &= ~DCACHE_MOUNTED;
	dput(mnt->mnt_mountpoint);
	dput(root);			/* the walk's; the mount's goes in kill_sb */
	mnt->mnt_type->kill_sb(root);
	kfree(mnt);
	return 0;
}

int init_mount(const char *dev_name, const char *dir_name, const char *type,
	       unsigned long flags, void *data)
{
	return do_mount(current_fs(), dev_name, dir_name, type, flags, data);
}

/*
 * Copy a short string argument (the source, the type) into @buf of
 * FS_NAME_MAX bytes.  A NULL pointer gives NULL; a longer string is cut
 * (no type has such a name, and the source is not used).  ERR_PTR(-EFAULT).
 */
static char *copy_mount_string(const char __user *s, char *buf)
{
	long len;

	if (!s)
		return NULL;
	len = strncpy_from_user(buf, s, FS_NAME_MAX);
	if (len < 0)
		return ERR_PTR(len);
	buf[FS_NAME_MAX - 1] = '\0';
	return buf;
}

/*
 * mount(source, target, type, flags, data): 0 or -errno (do_mount, plus
 * -EFAULT).  @data, the file system's options, is not read: procfs takes
 * none in Nest.
 */
SYSCALL_DEFINE5(mount, char __user *, dev_name, char __user *, dir_name,
		char __user *, type, unsigned long, flags, void __user *, data)
{
	char dev_buf[FS_NAME_MAX], type_buf[FS_NAME_MAX];
	char *dev = copy_mount_string(dev_name, dev_buf);
	char *kind = copy_mount_string(type, type_buf);
	char *dir;
	int err;

	if (IS_ERR(dev))
		return PTR_ERR(dev);
	if (IS_ERR(kind))
		return PTR_ERR(kind);
	dir = getname(dir_name);
	if (IS_ERR(dir))
		return PTR_ERR(dir);
	err = do_mount(current_fs(), dev ? dev : "", dir, kind, flags, data);
	putname(dir);
	return err;
}

/* umount2(target, flags): 0 or -errno (do_umount, plus -EFAULT). */
SYSCALL_DEFINE2(umount2, char __user *, name, int, flags)
{
	char *kname = getname(name);
	int err;

	if (IS_ERR(kname))
		return PTR_ERR(kname);
	err = do_umount(current_fs(), kname, flags);
	putname(kname);
	return err;
}
