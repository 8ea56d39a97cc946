/*
 * fs/namei_syscalls.c - the calls that add a name to a directory or take
 * one away: mknod (do_mknodat, for the initramfs and the tests), mkdir,
 * rmdir and unlink (as in Linux's fs/namei.c, without permissions).
 *
 * Each walks to the parent directory of its name (path_parentat, in
 * fs/namei.c, through fs/internal.h), checks what the last component is
 * ("." and ".." are never created or removed), and hands the dentry to
 * the directory's inode operation (->mkdir, ->create, ->mknod, ->rmdir,
 * ->unlink; ramfs has them, fs/ramfs.c and fs/libfs.c).  A file system without the operation
 * (procfs) gets -EPERM.  The other calls on names are in fs/open.c (open,
 * access, chdir) and fs/stat.c (readlink).
 */
#include <nest/fs.h>
#include <nest/errno.h>
#include <nest/syscalls.h>
#include "internal.h"

/*
 * do_mknodat - create a directory (S_IFDIR in @mode), regular file or
 * device node @name, walked in @fs, with @mode's permissions less the
 * umask.  Returns 0, -EEXIST, -ENOENT, -ENOTDIR, -ENAMETOOLONG, -EPERM
 * (a directory that cannot hold such a thing), -ENOMEM.
 */
int do_mknodat(struct fs_struct *fs, const char *name, umode_t mode, dev_t dev)
{
	struct nameidata nd;
	struct dentry *dentry;
	const struct inode_operations *iop;
	int err = path_parentat(fs, name, &nd);

	if (err)
		return err;
	dentry = filename_create(&nd, S_ISDIR(mode));
	if (IS_ERR(dentry)) {
		err = PTR_ERR(dentry);
		goto out;
	}
	iop = nd.dentry->d_inode->i_op;
	mode = (mode & S_IFMT) | (mode & S_IALLUGO & ~fs->umask);
	err = -EPERM;
	if (S_ISDIR(mode) && iop->mkdir)
		err = iop->mkdir(nd.dentry->d_inode, dentry, mode);
	else if (S_ISREG(mode) && iop->create)
		err = iop->create(nd.dentry->d_inode, dentry, mode);
	else if (!S_ISDIR(mode) && !S_ISREG(mode) && iop->mknod)
		err = iop->mknod(nd.dentry->d_inode, dentry, mode, dev);
	dput(dentry);
out:
	dput(nd.dentry);
	return err;
}

/* do_mkdirat - mkdir(): do_mknodat() of a directory. */
int do_mkdirat(struct fs_struct *fs, const char *name, umode_t mode)
{
	return do_mknodat(fs, name, S_IFDIR | (mode & S_IALLUGO), 0);
}

/*
 * do_rmdir - remove the empty directory @name.  Errors as Linux's:
 * -ENOENT, -ENOTDIR, -ENOTEMPTY (also for ".."), -EINVAL ("."), -EBUSY
 * (the root, or a directory with a file system mounted on it), -EPERM (a
 * file system that removes nothing).
 */
int do_rmdir(struct fs_struct *fs, const char *name)
{
	struct nameidata nd;
	struct dentry *dentry;
	int err = path_parentat(fs, name, &nd);

	if (err)
		return err;
	switch (nd.last_type) {
	case LAST_DOTDOT:
		err = -ENOTEMPTY;
		goto out;
	case LAST_DOT:
		err = -EINVAL;
		goto out;
	case LAST_ROOT:
		err = -EBUSY;
		goto out;
	}
	dentry = lookup_one(nd.dentry, nd.last, nd.last_len);
	if (IS_ERR(dentry)) {
		err = PTR_ERR(dentry);
		goto out;
	}
	if (!d_is_dir(dentry))
		err = -ENOTDIR;
	else if (dentry == fs->root || (dentry->d_flags & DCACHE_MOUNTED))
		err = -EBUSY;
	else if (!nd.dentry->d_inode->i_op->rmdir)
		err = -EPERM;		/* a file system without it: procfs */
	else
		err = nd.dentry->d_inode->i_op->rmdir(nd.dentry->d_inode, dentry);
	dput(dentry);
out:
	dput(nd.dentry);
	return err;
}

/*
 * do_unlinkat - remove the name @name of a non-directory.  Open files on
 * it keep working; the inode goes with the last of them.  Errors:
 * -ENOENT, -EISDIR (a directory, or ".", ".." or "/"), -ENOTDIR (a
 * trailing slash on a file, or a file as a middle component), -EPERM (a
 * file system that removes nothing).
 */
int do_unlinkat(struct fs_struct *fs, const char *name)
{
	struct nameidata nd;
	struct dentry *dentry;
	int err = path_parentat(fs, name, &nd);

	if (err)
		return err;
	err = -EISDIR;
	if (nd.last_type != LAST_NORM)
		goto out;
	dentry = lookup_one(nd.dentry, nd.last, nd.last_len);
	if (IS_ERR(dentry)) {
		err = PTR_ERR(dentry);
		goto out;
	}
	if (d_is_dir(dentry))
		err = -EISDIR;
	else if (nd.flags & LOOKUP_DIRECTORY)
		err = -ENOTDIR;
	else if (!nd.dentry->d_inode->i_op->unlink)
		err = -EPERM;		/* a file system without it: procfs */
	else
		err = nd.dentry->d_inode->i_op->unlink(nd.dentry->d_inode, dentry);
	dput(dentry);
out:
	dput(nd.dentry);
	return err;
}

/* mkdir(path, mode): 0 or -errno (do_mkdirat, plus -EFAULT). */
SYSCALL_DEFINE2(mkdir, const char __user *, pathname, umode_t, mode)
{
	char *name = getname(pathname);
	int err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = do_mkdirat(current_fs(), name, mode);
	putname(name);
	return err;
}

/* rmdir(path): 0 or -errno (do_rmdir, plus -EFAULT). */
SYSCALL_DEFINE1(rmdir, const char __user *, pathname)
{
	char *name = getname(pathname);
	int err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = do_rmdir(current_fs(), name);
	putname(name);
	return err;
}

/* unlink(path): 0 or -errno (do_unlinkat, plus -EFAULT). */
SYSCALL_DEFINE1(unlink, const char __user *, pathname)
{
	char *name = getname(pathname);
	int err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = do_unlinkat(current_fs(), name);
	putname(name);
	return err;
}
