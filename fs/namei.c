/*
 * fs/namei.c - from a path name to a dentry: getname(), the walk, and
 * kern_path() (the lookup half of Linux's fs/namei.c).
 *
 * The walk (link_path_walk) starts at fs->root for "/x" and at fs->pwd
 * for "x", takes one component at a time, skips repeated slashes, stays
 * put on ".", goes to the parent on ".." (but not above fs->root), and
 * requires every component but the last to be a directory (ENOTDIR).
 * The last component is left for the caller, which looks it up
 * (lookup_last), creates it (filename_create), or removes it.  A trailing
 * slash means "the last component must be a directory" (LOOKUP_DIRECTORY).
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
 * (current_fs(), fs/fs_struct.c) and the initramfs unpacker and the tests
 * pass one rooted in a scratch directory.  Nothing sleeps during a walk.
 *
 * The calls built on the walk: fs/open.c (open, access, chdir),
 * fs/namei_syscalls.c (mknod, mkdir, rmdir, unlink), fs/stat.c
 * (readlink), fs/namespace.c (mount); they share the walk's steps through
 * fs/internal.h.
 */
#include <nest/fs.h>
#include <nest/slab.h>
#include <nest/string.h>
#include <nest/uaccess.h>
#include <nest/errno.h>
#include <nest/mount.h>
#include "internal.h"

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
struct dentry *lookup_one(struct dentry *dir, const char *name, unsigned int len)
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
int path_parentat(struct fs_struct *fs, const char *name, struct nameidata *nd)
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
int lookup_last(struct nameidata *nd)
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
struct dentry *filename_create(struct nameidata *nd, bool is_dir)
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
