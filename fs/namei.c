/*
 * fs/namei.c - from a path name to a dentry, and the calls that create
 * and remove names: open's lookup and O_CREAT, mkdir, rmdir, unlink
 * (Linux's fs/namei.c, without permissions).
 *
 * The walk (link_path_walk) starts at fs->root for "/x" and at fs->pwd
 * for "x", takes one component at a time, skips repeated slashes, stays
 * put on ".", goes to the parent on ".." (but not above fs->root), and
 * requires every component but the last to be a directory (ENOTDIR).
 * The last component is left for the caller, which looks it up
 * (lookup_last), creates it, or removes it.  A trailing slash means "the
 * last component must be a directory" (LOOKUP_DIRECTORY).
 *
 * Three things make a step more than a d_lookup():
 *   - a directory whose names are not all in the dcache (procfs) is asked
 *     through its inode's lookup operation (lookup_one);
 *   - a directory with a file system mounted on it is replaced by the
 *     mounted root, and ".." at a mounted root leaves through the covered
 *     directory (follow_mount, follow_dotdot; include/nest/mount.h);
 *   - a symbolic link is followed, in the middle of a name always and as
 *     the last component with LOOKUP_FOLLOW, by walking its target from
 *     the link's directory (follow_link), at most MAXSYMLINKS in all.
 *
 * Each walk takes an explicit fs_struct, so the syscalls pass current's
 * and the initramfs unpacker and the tests pass one rooted in a scratch
 * directory.  Nothing sleeps during a walk.
 */
#include <nest/fs.h>
#include <nest/sched.h>
#include <nest/slab.h>
#include <nest/string.h>
#include <nest/uaccess.h>
#include <nest/errno.h>
#include <nest/syscalls.h>
#include <nest/mount.h>
#include <uapi/fcntl.h>

/* What the last component of a name is (Linux's LAST_* values). */
enum { LAST_NORM, LAST_ROOT, LAST_DOT, LAST_DOTDOT };

/* The state of one walk. */
struct nameidata {
	struct fs_struct *fs;		/* its root bounds ".." */
	struct dentry *dentry;		/* where we are: a directory, referenced */
	const char *last;		/* the last component, inside the name */
	unsigned int last_len;
	int last_type;			/* LAST_* */
	unsigned int flags;		/* LOOKUP_DIRECTORY: a trailing slash; LOOKUP_FOLLOW */
	unsigned int depth;		/* symlinks being followed inside each other */
	unsigned int total_links;	/* symlinks followed in this walk */
};

/*
 * getname - copy a path name from user space into a PATH_MAX buffer from
 * names_cache; free it with putname().  Returns the buffer or
 * ERR_PTR(-EFAULT), ERR_PTR(-ENAMETOOLONG) (no NUL in PATH_MAX bytes),
 * ERR_PTR(-ENOENT) (the empty name), ERR_PTR(-ENOMEM).
 */
char *getname(const char __user *filename)
{
	char *name = kmem_cache_alloc(names_cachep, GFP_KERNEL);
	long len;

	if (!name)
		return ERR_PTR(-ENOMEM);
	len = strncpy_from_user(name, filename, PATH_MAX);
	if (len == PATH_MAX)
		len = -ENAMETOOLONG;	/* no NUL in PATH_MAX bytes */
	else if (len == 0)
		len = -ENOENT;		/* "" names nothing */
	if (len < 0) {
		putname(name);
		return ERR_PTR(len);
	}
	return name;
}

/* putname - free a name getname() returned. */
void putname(char *name)
{
	kmem_cache_free(names_cachep, name);
}

/*
 * Look up @name in directory @dir: the child with a new reference, or
 * ERR_PTR(-ENOENT) (no such name, or @dir was removed), or
 * ERR_PTR(-ENAMETOOLONG), or an error of the file system's lookup.  A name
 * the dcache does not have is asked of the directory's lookup operation,
 * if it has one (Linux's lookup_slow()).
 */
static struct dentry *lookup_one(struct dentry *dir, const char *name, unsigned int len)
{
	const struct inode_operations *iop = dir->d_inode->i_op;
	struct dentry *child, *res;

	if (len > NAME_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	if (IS_DEADDIR(dir->d_inode))
		return ERR_PTR(-ENOENT);
	child = d_lookup(dir, name, len);
	if (child)
		return child;
	if (!iop || !iop->lookup)
		return ERR_PTR(-ENOENT);
	child = d_alloc(dir, name, len);
	if (!child)
		return ERR_PTR(-ENOMEM);
	res = iop->lookup(dir->d_inode, child, 0);
	if (IS_ERR(res)) {
		dput(child);
		return res;
	}
	return child;
}

/* If @dentry is covered by a mount, the mounted root instead (the reference moves). */
static struct dentry *follow_mount(struct dentry *dentry)
{
	struct vfsmount *mnt;

	while ((mnt = lookup_mnt(dentry))) {
		struct dentry *root = dget(mnt->mnt_root);

		dput(dentry);
		dentry = root;
	}
	return dentry;
}

/*
 * ".." of @dir: its parent; at the process's root, or the tree's, itself;
 * at a mounted root, the parent of the directory the mount covers.
 * Returns a new reference.
 */
static struct dentry *follow_dotdot(struct nameidata *nd, struct dentry *dir)
{
	struct vfsmount *mnt;

	while (dir != nd->fs->root && (mnt = lookup_mnt_root(dir)))
		dir = mnt->mnt_mountpoint;
	if (dir == nd->fs->root)
		return dget(dir);
	return dget(dir->d_parent);
}

static int link_path_walk(const char *name, struct nameidata *nd);
static int walk_component(struct nameidata *nd, const char *name,
			  unsigned int len, int type, bool follow);

/*
 * Follow the symbolic link @link found in nd->dentry: walk its target from
 * there (or from the root for "/..."), leaving nd->dentry at what the
 * target names.  Consumes the reference on @link.  Returns 0, -ELOOP (more
 * than MAXSYMLINKS links, or nested more than MAX_NESTED_LINKS deep),
 * -ENOENT (an empty target), -ENOMEM, or the walk's errors; on an error
 * nd->dentry is still a referenced dentry, somewhere along the way.
 */
static int follow_link(struct nameidata *nd, struct dentry *link)
{
	const struct inode_operations *iop = link->d_inode->i_op;
	const char *saved_last = nd->last;
	unsigned int saved_len = nd->last_len, saved_flags = nd->flags;
	int saved_type = nd->last_type, len, err;
	char *target;

	if (nd->depth >= MAX_NESTED_LINKS || ++nd->total_links > MAXSYMLINKS) {
		dput(link);
		return -ELOOP;
	}
	target = kmem_cache_alloc(names_cachep, GFP_KERNEL);
	if (!target) {
		dput(link);
		return -ENOMEM;
	}
	len = iop && iop->get_link ? iop->get_link(link, target, PATH_MAX - 1) : -EINVAL;
	dput(link);
	if (len == 0)
		len = -ENOENT;
	err = len;
	if (len < 0)
		goto out;
	target[len] = '\0';
	if (target[0] == '/') {
		dput(nd->dentry);
		nd->dentry = dget(nd->fs->root);
	}
	nd->depth++;
	nd->flags = 0;
	err = link_path_walk(target, nd);
	if (!err)
		err = walk_component(nd, nd->last, nd->last_len, nd->last_type, true);
	if (!err && (nd->flags & LOOKUP_DIRECTORY) && !d_is_dir(nd->dentry))
		err = -ENOTDIR;
	nd->depth--;
	nd->last = saved_last;
	nd->last_len = saved_len;
	nd->last_type = saved_type;
	nd->flags = saved_flags;
out:
	kmem_cache_free(names_cachep, target);
	return err;
}

/*
 * Step from nd->dentry through one component of type @type, following a
 * symbolic link there if @follow.  On an error nd->dentry is unchanged,
 * unless a link was being followed (see follow_link()); either way it is
 * the caller's reference to drop.
 */
static int walk_component(struct nameidata *nd, const char *name,
			  unsigned int len, int type, bool follow)
{
	struct dentry *dir = nd->dentry, *next;

	switch (type) {
	case LAST_ROOT:
	case LAST_DOT:
		return 0;
	case LAST_DOTDOT:
		next = follow_dotdot(nd, dir);
		break;
	default:
		next = lookup_one(dir, name, len);
		if (IS_ERR(next))
			return PTR_ERR(next);
		next = follow_mount(next);
		if (follow && d_is_symlink(next))
			return follow_link(nd, next);
		break;
	}
	nd->dentry = next;
	dput(dir);
	return 0;
}

/* Start a walk of @name: at the root or the cwd of @fs. */
static int path_init(struct nameidata *nd, struct fs_struct *fs, const char *name)
{
	nd->fs = fs;
	nd->flags = 0;
	nd->depth = 0;
	nd->total_links = 0;
	nd->dentry = NULL;
	if (!*name)
		return -ENOENT;
	if (strnlen(name, PATH_MAX) == PATH_MAX)
		return -ENAMETOOLONG;
	nd->dentry = dget(*name == '/' ? fs->root : fs->pwd);
	return 0;
}

/*
 * Walk every component of @name but the last, which is left in nd->last.
 * Errors: -ENOENT, -ENOTDIR, -ENAMETOOLONG (a component over NAME_MAX).
 */
static int link_path_walk(const char *name, struct nameidata *nd)
{
	while (*name == '/')
		name++;
	if (!*name) {			/* "/" or "//": the root itself */
		nd->last = name;
		nd->last_len = 0;
		nd->last_type = LAST_ROOT;
		return 0;
	}
	for (;;) {
		const char *comp = name;
		unsigned int len = 0;
		int type = LAST_NORM, err;

		while (name[len] && name[len] != '/')
			len++;
		if (len > NAME_MAX)
			return -ENAMETOOLONG;
		if (comp[0] == '.' && len == 1)
			type = LAST_DOT;
		else if (comp[0] == '.' && comp[1] == '.' && len == 2)
			type = LAST_DOTDOT;
		name += len;
		while (*name == '/')
			name++;
		if (!*name) {
			if (comp[len] == '/')
				nd->flags |= LOOKUP_DIRECTORY;
			nd->last = comp;
			nd->last_len = len;
			nd->last_type = type;
			return 0;
		}
		err = walk_component(nd, comp, len, type, true);
		if (err)
			return err;
		if (!d_is_dir(nd->dentry))
			return -ENOTDIR;
	}
}

/* Walk to the parent of @name's last component: path_init + link_path_walk. */
static int path_parentat(struct fs_struct *fs, const char *name, struct nameidata *nd)
{
	int err = path_init(nd, fs, name);

	if (!err)
		err = link_path_walk(name, nd);
	if (err) {
		dput(nd->dentry);
		nd->dentry = NULL;
	}
	return err;
}

/*
 * Finish a walk: step through the last component (following a symbolic
 * link there with LOOKUP_FOLLOW); check the trailing slash, which also
 * makes a link be followed, as in Linux.
 */
static int lookup_last(struct nameidata *nd)
{
	bool follow = nd->flags & (LOOKUP_FOLLOW | LOOKUP_DIRECTORY);
	int err = walk_component(nd, nd->last, nd->last_len, nd->last_type, follow);

	if (!err && (nd->flags & LOOKUP_DIRECTORY) && !d_is_dir(nd->dentry))
		err = -ENOTDIR;
	return err;
}

/*
 * kern_path - the dentry @name names, walked in @fs, with a new reference
 * in *@res.  @flags: LOOKUP_DIRECTORY to require a directory,
 * LOOKUP_FOLLOW to follow a symbolic link in the last component.  Returns
 * 0, -ENOENT, -ENOTDIR, -ENAMETOOLONG, -ELOOP.
 */
int kern_path(struct fs_struct *fs, const char *name, unsigned int flags,
	      struct dentry **res)
{
	struct nameidata nd;
	int err = path_parentat(fs, name, &nd);

	if (err)
		return err;
	nd.flags |= flags;
	err = lookup_last(&nd);
	if (err) {
		dput(nd.dentry);
		return err;
	}
	*res = nd.dentry;
	return 0;
}

/*
 * A new dentry for the last component of a walk, to be created in
 * nd->dentry (Linux's filename_create()).  -EEXIST if the name exists or
 * is ".", "..", "/"; -ENOENT if the directory was removed, or for a
 * trailing slash on anything but a directory (@is_dir); -ENOMEM.
 */
static struct dentry *filename_create(struct nameidata *nd, bool is_dir)
{
	struct dentry *dir = nd->dentry, *dentry;

	if (nd->last_type != LAST_NORM)
		return ERR_PTR(-EEXIST);
	dentry = lookup_one(dir, nd->last, nd->last_len);
	if (!IS_ERR(dentry)) {
		dput(dentry);
		return ERR_PTR(-EEXIST);
	}
	if (PTR_ERR(dentry) != -ENOENT)
		return dentry;
	if (IS_DEADDIR(dir->d_inode))
		return ERR_PTR(-ENOENT);
	/*
	 * A file system that makes its names up on demand (procfs) has said
	 * "no such name" itself, and has no room for new ones: its ENOENT
	 * stands, as in Linux, whose proc_root_lookup() returns the error
	 * rather than a negative dentry to create in.
	 */
	if (dir->d_inode->i_op->lookup)
		return ERR_PTR(-ENOENT);
	if ((nd->flags & LOOKUP_DIRECTORY) && !is_dir)
		return ERR_PTR(-ENOENT);
	dentry = d_alloc(dir, nd->last, nd->last_len);
	return dentry ? dentry : ERR_PTR(-ENOMEM);
}

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

/* The fs_struct a kernel-side walk uses: current's, or init's if none. */
struct fs_struct *current_fs(void)
{
	return current->fs ? current->fs : &init_fs;
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
