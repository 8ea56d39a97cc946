/*
 * fs/stat.c - what a name is, without opening it: readlink (Linux's
 * fs/stat.c, which also has stat(); Nest has no stat yet).
 *
 * do_readlinkat walks to the name without following a link in its last
 * component (kern_path() without LOOKUP_FOLLOW, fs/namei.c) and asks the
 * link's ->get_link for its target.  Only procfs has links today, and
 * makes their targets up (/proc/self, /proc/PID/ns/pid).
 */
#include <nest/fs.h>
#include <nest/slab.h>
#include <nest/uaccess.h>
#include <nest/errno.h>
#include <nest/syscalls.h>

/*
 * do_readlinkat - the target of the symbolic link @name (the last
 * component is not followed) into @buf, at most @bufsiz bytes and no NUL.
 * Returns the length, -EINVAL (not a link, or @bufsiz <= 0), or the
 * walk's and the file system's errors.
 */
int do_readlinkat(struct fs_struct *fs, const char *name, char *buf, int bufsiz)
{
	struct dentry *dentry;
	const struct inode_operations *iop;
	int err;

	if (bufsiz <= 0)
		return -EINVAL;
	err = kern_path(fs, name, 0, &dentry);
	if (err)
		return err;
	iop = dentry->d_inode->i_op;
	if (!d_is_symlink(dentry) || !iop || !iop->get_link)
		err = -EINVAL;
	else
		err = iop->get_link(dentry, buf, bufsiz);
	dput(dentry);
	return err;
}

/*
 * readlink(path, buf, bufsiz): the bytes of the link's target stored (no
 * NUL is added), or -errno (do_readlinkat, plus -EFAULT).
 */
SYSCALL_DEFINE3(readlink, const char __user *, pathname, char __user *, buf, int, bufsiz)
{
	char *name = getname(pathname), *target;
	int len;

	if (IS_ERR(name))
		return PTR_ERR(name);
	target = kmem_cache_alloc(names_cachep, GFP_KERNEL);
	len = -ENOMEM;
	if (target)
		len = do_readlinkat(current_fs(), name, target, min(bufsiz, PATH_MAX));
	if (len > 0 && copy_to_user(buf, target, len))
		len = -EFAULT;
	if (target)
		kmem_cache_free(names_cachep, target);
	putname(name);
	return len;
}
