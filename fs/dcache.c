/*
 * fs/dcache.c - dentries, the names of the directory tree, and
 * vfs_caches_init(), which brings the whole VFS up at boot.
 *
 * In Linux the dcache caches names that a disk file system stores; ramfs
 * has no disk, so its tree lives in the dcache alone.  Nest's dentries are
 * that tree and nothing more: each directory dentry lists its children on
 * d_subdirs, lookup walks the list (d_lookup), and there is no hash table
 * and no negative (non-existent) name.  Names are compared byte for byte.
 *
 * Lifetime (see struct dentry): d_alloc() gives a dentry with one
 * reference, not yet in its parent; d_add() attaches the inode and links
 * it, and the parent's list takes a reference of its own; d_delete()
 * unlinks it and drops that reference; the last dput() frees it, drops
 * its inode and its parent.  Called by fs/namei.c and fs/ramfs.c.
 */
#include <nest/fs.h>
#include <nest/slab.h>
#include <nest/string.h>
#include <nest/bug.h>
#include <nest/printk.h>

static struct kmem_cache *dentry_cache;
struct kmem_cache *names_cachep;	/* PATH_MAX buffers: getname() */

/*
 * d_alloc - a new dentry called @name (@len bytes, no NUL needed) under
 * @parent, with one reference, no inode, and not yet linked into @parent
 * (d_add() does that).  Returns NULL when memory is short.
 */
struct dentry *d_alloc(struct dentry *parent, const char *name, unsigned int len)
{
	struct dentry *dentry = kmem_cache_zalloc(dentry_cache, GFP_KERNEL);
	char *dname = dentry ? dentry->d_iname : NULL;

	if (!dentry)
		return NULL;
	if (len >= DNAME_INLINE_LEN) {
		dname = kmalloc(len + 1, GFP_KERNEL);
		if (!dname) {
			kmem_cache_free(dentry_cache, dentry);
			return NULL;
		}
	}
	memcpy(dname, name, len);
	dname[len] = '\0';
	dentry->d_name = dname;
	dentry->d_name_len = len;
	dentry->d_count = 1;
	dentry->d_flags = DCACHE_UNLINKED;
	dentry->d_parent = dget(parent);
	dentry->d_next_off = DIR_FIRST_CHILD_OFF;
	INIT_LIST_HEAD(&dentry->d_child);
	INIT_LIST_HEAD(&dentry->d_subdirs);
	return dentry;
}

/*
 * d_make_root - the dentry of a file system's root directory @root_inode
 * (its inode reference passes to the dentry).  Its parent is itself, so
 * ".." at the root stays there.  NULL when memory is short (the inode
 * reference is dropped).
 */
struct dentry *d_make_root(struct inode *root_inode)
{
	struct dentry *root = kmem_cache_zalloc(dentry_cache, GFP_KERNEL);

	if (!root) {
		iput(root_inode);
		return NULL;
	}
	root->d_iname[0] = '/';
	root->d_name = root->d_iname;
	root->d_name_len = 1;
	root->d_count = 1;
	root->d_parent = root;
	root->d_inode = root_inode;
	root->d_next_off = DIR_FIRST_CHILD_OFF;
	INIT_LIST_HEAD(&root->d_child);
	INIT_LIST_HEAD(&root->d_subdirs);
	return root;
}

/*
 * d_add - give @dentry (from d_alloc) its inode, whose reference passes to
 * the dentry, and link it into its parent's directory at the next
 * position.  The directory's list takes a reference of its own.
 */
void d_add(struct dentry *dentry, struct inode *inode)
{
	struct dentry *parent = dentry->d_parent;

	BUG_ON(!(dentry->d_flags & DCACHE_UNLINKED) || dentry->d_inode);
	dentry->d_inode = inode;
	dentry->d_off = parent->d_next_off++;
	dentry->d_flags &= ~DCACHE_UNLINKED;
	list_add_tail(&dentry->d_child, &parent->d_subdirs);
	dget(dentry);
}

/*
 * d_instantiate - give @dentry (from d_alloc) its inode, whose reference
 * passes to the dentry, without linking it into its parent: it stays
 * reachable only through the references to it and is freed at the last
 * dput() (DCACHE_DONTCACHE).  A file system's lookup uses it for names it
 * makes up on demand and does not want cached (procfs).
 */
void d_instantiate(struct dentry *dentry, struct inode *inode)
{
	BUG_ON(!(dentry->d_flags & DCACHE_UNLINKED) || dentry->d_inode);
	dentry->d_inode = inode;
	dentry->d_flags = (dentry->d_flags & ~DCACHE_UNLINKED) | DCACHE_DONTCACHE;
}

/*
 * d_delete - unlink @dentry from its directory (unlink, rmdir).  Whoever
 * still holds it (an open file, a cwd) keeps a valid but nameless dentry.
 */
void d_delete(struct dentry *dentry)
{
	BUG_ON(dentry->d_flags & DCACHE_UNLINKED);
	list_del_init(&dentry->d_child);
	dentry->d_flags |= DCACHE_UNLINKED;
	dput(dentry);
}

/* dget - another reference on @dentry; returns it.  NULL is passed through. */
struct dentry *dget(struct dentry *dentry)
{
	if (dentry) {
		BUG_ON(dentry->d_count <= 0);
		dentry->d_count++;
	}
	return dentry;
}

/*
 * dput - drop a reference.  The last one frees the dentry, drops its inode
 * and then its reference on the parent, which may free the parent in turn
 * (a loop, not recursion: a deep removed tree must not overflow the
 * kernel stack).  NULL is a no-op.  Process context.
 */
void dput(struct dentry *dentry)
{
	while (dentry) {
		struct dentry *parent = dentry->d_parent;

		BUG_ON(dentry->d_count <= 0);
		if (--dentry->d_count)
			return;
		/* A linked dentry is held by its directory: it cannot get here. */
		BUG_ON(!(dentry->d_flags & (DCACHE_UNLINKED | DCACHE_DONTCACHE)) &&
		       parent != dentry);
		BUG_ON(dentry->d_flags & DCACHE_MOUNTED);	/* the mount holds it */
		BUG_ON(!list_empty(&dentry->d_subdirs));
		iput(dentry->d_inode);
		if (dentry->d_name != dentry->d_iname)
			kfree(dentry->d_name);
		kmem_cache_free(dentry_cache, dentry);
		if (parent == dentry)
			return;		/* a root */
		dentry = parent;
	}
}

/*
 * d_lookup - the child of @parent called @name (@len bytes), with a new
 * reference, or NULL if there is none.
 */
struct dentry *d_lookup(const struct dentry *parent, const char *name,
			unsigned int len)
{
	struct dentry *child;

	list_for_each_entry(child, &parent->d_subdirs, d_child)
		if (child->d_name_len == len && !memcmp(child->d_name, name, len))
			return dget(child);
	return NULL;
}

/*
 * vfs_caches_init - bring the VFS up: the slab caches, the character
 * devices (/dev/console, /dev/null, /dev/zero), then the root ramfs as
 * init_fs's root and cwd, and the proc file system type (mounted on /proc
 * by kernel_init() once the initramfs has made the directory).  Called
 * once by start_kernel() after kmem_cache_init(); panics if there is no
 * memory for the root.
 */
void vfs_caches_init(void)
{
	dentry_cache = kmem_cache_create("dentry", sizeof(struct dentry), 0,
					 SLAB_PANIC, NULL);
	names_cachep = kmem_cache_create("names_cache", PATH_MAX, 0,
					 SLAB_PANIC, NULL);
	inode_init();
	files_init();
	files_cache_init();
	fs_cache_init();
	chr_dev_init();
	tty_init();
	mnt_init();
	proc_root_init();
}
