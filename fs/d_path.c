/*
 * fs/d_path.c - from a dentry back to its path name: getcwd (Linux's
 * fs/d_path.c).
 *
 * The name is built from the end of a buffer towards its start, one
 * "/component" per step up the d_parent chain, until the walk reaches the
 * process's root (or the tree's, whose parent is itself).  A mounted file
 * system's root leads on to the directory it covers (include/nest/mount.h).
 */
#include <nest/fs.h>
#include <nest/mount.h>
#include <nest/sched.h>
#include <nest/slab.h>
#include <nest/string.h>
#include <nest/uaccess.h>
#include <nest/errno.h>
#include <nest/syscalls.h>

/*
 * Prepend "/name" of each dentry from @dentry up to @root to the buffer
 * ending at *@end (@buflen bytes free before it).  At the root of a
 * mounted file system the walk continues from the directory the mount
 * covers.  Returns 0, with *@end at the path's first byte, or
 * -ENAMETOOLONG.
 */
static int prepend_path(const struct dentry *dentry, const struct dentry *root,
			char **end, int *buflen)
{
	char *start = *end;

	while (dentry != root) {
		int len = dentry->d_name_len;

		if (IS_ROOT(dentry)) {
			struct vfsmount *mnt = lookup_mnt_root(dentry);

			if (!mnt)
				break;		/* the tree's own root */
			dentry = mnt->mnt_mountpoint;
			continue;
		}
		if (*buflen < len + 1)
			return -ENAMETOOLONG;
		*end -= len;
		memcpy(*end, dentry->d_name, len);
		*--*end = '/';
		*buflen -= len + 1;
		dentry = dentry->d_parent;
	}
	if (*end == start) {		/* the root itself: "/" */
		if (*buflen < 1)
			return -ENAMETOOLONG;
		*--*end = '/';
		(*buflen)--;
	}
	return 0;
}

/*
 * do_getcwd - the absolute name of @fs's cwd, NUL-terminated, into @buf
 * of @size bytes.  Returns the length including the NUL (Linux's getcwd
 * system call does), -ERANGE if @size is too small, -ENOENT if the cwd
 * was removed, -ENOMEM.
 */
long do_getcwd(struct fs_struct *fs, char *buf, size_t size)
{
	char *page, *end;
	int buflen = PATH_MAX - 1;
	long len;
	int err;

	if (d_unlinked(fs->pwd))
		return -ENOENT;
	page = kmem_cache_alloc(names_cachep, GFP_KERNEL);
	if (!page)
		return -ENOMEM;
	end = page + PATH_MAX - 1;
	*end = '\0';
	err = prepend_path(fs->pwd, fs->root, &end, &buflen);
	len = page + PATH_MAX - end;
	if (err)
		len = err;
	else if ((size_t)len > size)
		len = -ERANGE;
	else
		memcpy(buf, end, len);
	putname(page);
	return len;
}

/*
 * getcwd(buf, size): the length of the name with its NUL, or -ERANGE,
 * -ENOENT (cwd removed), -EFAULT, -ENAMETOOLONG.
 */
SYSCALL_DEFINE2(getcwd, char __user *, buf, unsigned long, size)
{
	char *page;
	long len;

	if (!current->fs)
		return -ENOENT;
	page = kmem_cache_alloc(names_cachep, GFP_KERNEL);
	if (!page)
		return -ENOMEM;
	len = do_getcwd(current->fs, page, min(size, (unsigned long)PATH_MAX));
	if (len > 0 && copy_to_user(buf, page, len))
		len = -EFAULT;
	putname(page);
	return len;
}
