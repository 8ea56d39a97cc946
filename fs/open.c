/*
 * fs/open.c - opening and closing files, and the calls about a name that
 * do not change the tree: open, close, access, chdir (Linux's fs/open.c).
 * Also the kernel's own way in: filp_open() and open_exec().
 *
 * open = get a free fd, walk and maybe create (do_filp_open), make the
 * struct file (dentry_open), install it.  The fd is taken first, as in
 * Linux, so a full table gives EMFILE even for a name that does not exist.
 * do_filp_open is in fs/namei.c in Linux; here it sits with the rest of
 * open and takes the walk's steps from fs/namei.c through fs/internal.h.
 */
#include <nest/fs.h>
#include <nest/sched.h>
#include <nest/errno.h>
#include <nest/syscalls.h>
#include <uapi/fcntl.h>
#include "internal.h"

/* Open flags that only matter during open(); Linux drops them from f_flags. */
#define OPEN_ONLY_FLAGS	(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_CLOEXEC)

/*
 * do_truncate - set the size of the regular file @inode to @length:
 * 0, -EINVAL, -EFBIG (from the file system), -EISDIR / -EINVAL for a
 * directory / anything else that is not a regular file.
 */
int do_truncate(struct inode *inode, loff_t length)
{
	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(inode->i_mode) || !inode->i_op || !inode->i_op->setsize)
		return -EINVAL;
	return inode->i_op->setsize(inode, length);
}

/*
 * dentry_open - open the file @dentry names, with open() @flags: the
 * access checks that depend on the type (no writing to a directory, as
 * Linux's may_open), the struct file, the driver's open, then O_TRUNC on
 * a regular file (Linux truncates even with O_RDONLY).  Returns the file
 * or ERR_PTR(-EISDIR, -ENXIO, -ENOMEM, ...).
 */
struct file *dentry_open(struct dentry *dentry, int flags)
{
	struct inode *inode = dentry->d_inode;
	int acc = flags & O_ACCMODE;
	struct file *file;
	int err;

	if (S_ISDIR(inode->i_mode) && (acc != O_RDONLY || (flags & O_TRUNC)))
		return ERR_PTR(-EISDIR);
	file = alloc_file(dentry, inode, flags & ~OPEN_ONLY_FLAGS, inode->i_fop);
	if (!file)
		return ERR_PTR(-ENOMEM);
	if (file->f_op && file->f_op->open) {
		err = file->f_op->open(inode, file);
		if (err) {
			put_filp(file);
			return ERR_PTR(err);
		}
	}
	if ((flags & O_TRUNC) && S_ISREG(inode->i_mode)) {
		err = do_truncate(inode, 0);
		if (err) {
			fput(file);
			return ERR_PTR(err);
		}
	}
	return file;
}

/*
 * do_filp_open - open @name, walked in @fs, as open(2) with @flags and
 * @mode: the lookup (following a symbolic link at the end unless
 * O_NOFOLLOW), O_CREAT (with O_EXCL), O_DIRECTORY; then dentry_open()
 * does the rest (O_TRUNC, the driver's open).  Returns the file or
 * ERR_PTR: -ENOENT, -ENOTDIR, -EISDIR, -EEXIST, -ENAMETOOLONG, -ELOOP (a
 * link with O_NOFOLLOW), -EINVAL (O_CREAT | O_DIRECTORY, as Linux since
 * 6.4), -ENXIO (a device without a driver), -ENOMEM.  O_CREAT through a
 * link to a missing name does not create it (Linux does): -ENOENT.
 */
struct file *do_filp_open(struct fs_struct *fs, const char *name, int flags, umode_t mode)
{
	struct nameidata nd;
	struct dentry *dentry;
	struct file *file;
	int err;

	if ((flags & (O_CREAT | O_DIRECTORY)) == (O_CREAT | O_DIRECTORY))
		return ERR_PTR(-EINVAL);
	err = path_parentat(fs, name, &nd);
	if (err)
		return ERR_PTR(err);
	if (!(flags & O_NOFOLLOW))
		nd.flags |= LOOKUP_FOLLOW;
	if (!(flags & O_CREAT)) {
		err = lookup_last(&nd);
		if (err)
			goto out;
		dentry = dget(nd.dentry);
	} else {
		/* O_CREAT of "/", ".", ".." or "name/" is -EISDIR in Linux. */
		err = -EISDIR;
		if (nd.last_type != LAST_NORM || (nd.flags & LOOKUP_DIRECTORY))
			goto out;
		dentry = lookup_one(nd.dentry, nd.last, nd.last_len);
		if (!IS_ERR(dentry)) {
			err = -EEXIST;
			if (flags & O_EXCL)
				goto out_dput;
			/* It exists: open what it names, through a mount or a link. */
			dput(dentry);
			err = lookup_last(&nd);
			if (err)
				goto out;
			dentry = dget(nd.dentry);
			err = -EISDIR;
			if (d_is_dir(dentry))
				goto out_dput;
		} else {
			dentry = filename_create(&nd, false);
			if (IS_ERR(dentry)) {
				err = PTR_ERR(dentry);
				goto out;
			}
			err = -EPERM;
			if (nd.dentry->d_inode->i_op->create)
				err = nd.dentry->d_inode->i_op->create(nd.dentry->d_inode,
					dentry, (mode & S_IALLUGO & ~fs->umask) | S_IFREG);
			if (err)
				goto out_dput;
		}
	}
	err = -ELOOP;			/* only with O_NOFOLLOW: a link itself */
	if (d_is_symlink(dentry))
		goto out_dput;
	err = -ENOTDIR;
	if ((flags & O_DIRECTORY) && !d_is_dir(dentry))
		goto out_dput;
	file = dentry_open(dentry, flags);
	dput(dentry);
	dput(nd.dentry);
	return file;

out_dput:
	dput(dentry);
out:
	dput(nd.dentry);
	return ERR_PTR(err);
}

/*
 * do_sys_open - open(@filename, @flags, @mode) into current's file table,
 * walking in @fs: the new fd (with close-on-exec for O_CLOEXEC), or
 * -EMFILE and the errors of do_filp_open().
 */
long do_sys_open(struct fs_struct *fs, const char *filename, int flags, umode_t mode)
{
	struct file *file;
	int fd;

	if (!current->files)
		return -EMFILE;
	fd = get_unused_fd_flags(flags);
	if (fd < 0)
		return fd;
	file = do_filp_open(fs, filename, flags, mode);
	if (IS_ERR(file)) {
		put_unused_fd(fd);
		return PTR_ERR(file);
	}
	fd_install(fd, file);
	return fd;
}

/* open(path, flags, mode): the lowest free fd, or -errno (do_sys_open). */
SYSCALL_DEFINE3(open, const char __user *, filename, int, flags, umode_t, mode)
{
	char *name = getname(filename);
	long ret;

	if (IS_ERR(name))
		return PTR_ERR(name);
	ret = do_sys_open(current_fs(), name, flags, mode);
	putname(name);
	return ret;
}

/* close(fd): 0 or -EBADF. */
SYSCALL_DEFINE1(close, unsigned int, fd)
{
	return close_fd(fd);
}

/*
 * do_faccessat - access(@name, @mode).  Nest has no users, so every
 * process is treated as Linux treats root: the file must exist, and X_OK
 * needs a directory or an execute bit somewhere in the mode.  Returns 0,
 * -EINVAL (a bit other than R_OK | W_OK | X_OK), -EACCES, or the walk's
 * errors.
 */
int do_faccessat(struct fs_struct *fs, const char *name, int mode)
{
	struct dentry *dentry;
	umode_t i_mode;
	int err;

	if (mode & ~(R_OK | W_OK | X_OK))
		return -EINVAL;
	err = kern_path(fs, name, LOOKUP_FOLLOW, &dentry);
	if (err)
		return err;
	i_mode = dentry->d_inode->i_mode;
	if ((mode & X_OK) && !S_ISDIR(i_mode) && !(i_mode & S_IXUGO))
		err = -EACCES;
	dput(dentry);
	return err;
}

/* access(path, mode): 0 or -errno (do_faccessat, plus -EFAULT). */
SYSCALL_DEFINE2(access, const char __user *, filename, int, mode)
{
	char *name = getname(filename);
	int err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = do_faccessat(current_fs(), name, mode);
	putname(name);
	return err;
}

/* do_chdir - make directory @name @fs's cwd: 0, -ENOTDIR, -ENOENT, ... */
int do_chdir(struct fs_struct *fs, const char *name)
{
	struct dentry *dentry;
	int err = kern_path(fs, name, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &dentry);

	if (err)
		return err;
	set_fs_pwd(fs, dentry);
	dput(dentry);
	return 0;
}

/* chdir(path): 0 or -errno (do_chdir, plus -EFAULT). */
SYSCALL_DEFINE1(chdir, const char __user *, filename)
{
	char *name = getname(filename);
	int err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = current->fs ? do_chdir(current->fs, name) : -ENOENT;
	putname(name);
	return err;
}

/*
 * filp_open - open a file from inside the kernel (a kernel string,
 * current's root and cwd): the file, to drop with fput(), or ERR_PTR.
 */
struct file *filp_open(const char *filename, int flags, umode_t mode)
{
	return do_filp_open(current_fs(), filename, flags, mode);
}

/*
 * open_exec - open @name for execve: read-only, and only a regular file
 * with an execute bit (Linux's rule for root) may run: anything else is
 * ERR_PTR(-EACCES).  A missing file is ERR_PTR(-ENOENT); the other walk
 * errors (-ENOTDIR, -ENAMETOOLONG) pass through.
 */
struct file *open_exec(const char *name)
{
	struct dentry *dentry;
	struct file *file;
	int err = kern_path(current_fs(), name, LOOKUP_FOLLOW, &dentry);

	if (err)
		return ERR_PTR(err);
	if (!S_ISREG(dentry->d_inode->i_mode) || !(dentry->d_inode->i_mode & S_IXUGO))
		file = ERR_PTR(-EACCES);
	else
		file = dentry_open(dentry, O_RDONLY);
	dput(dentry);
	return file;
}

/* i_size_read_file - the size of the file @file is open on. */
loff_t i_size_read_file(struct file *file)
{
	return file->f_inode->i_size;
}
