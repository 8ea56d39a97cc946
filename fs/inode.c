/*
 * fs/inode.c - allocating, referencing and freeing inodes (Linux's
 * fs/inode.c, without the inode hash: nothing looks inodes up by number).
 *
 * An inode is born with one reference (new_inode), handed to the dentry
 * that names it or to the file that uses it; ihold() adds one for each
 * further user and iput() drops one.  At zero the inode is evicted: its
 * data goes (i_op->evict_inode: a ramfs file's pages) and the object
 * returns to the inode_cache.  Called by fs/ramfs.c, fs/pipe.c, fs/dcache.c.
 */
#include <nest/fs.h>
#include <nest/slab.h>
#include <nest/bug.h>

static struct kmem_cache *inode_cachep;
static unsigned long last_ino;

/* inode_init - make the inode cache (vfs_caches_init() calls it). */
void inode_init(void)
{
	inode_cachep = kmem_cache_create("inode_cache", sizeof(struct inode), 0,
					 SLAB_PANIC, NULL);
}

/*
 * get_next_ino - a fresh inode number, as Linux's for file systems
 * without a disk (ramfs, pipes).  Numbers start at 1 (the root).
 */
unsigned long get_next_ino(void)
{
	return ++last_ino;
}

/*
 * new_inode - a zeroed inode with one reference and a fresh number, or
 * NULL when memory is short.  The caller sets the mode and operations.
 */
struct inode *new_inode(void)
{
	struct inode *inode = kmem_cache_zalloc(inode_cachep, GFP_KERNEL);

	if (!inode)
		return NULL;
	inode->i_count = 1;
	inode->i_nlink = 1;
	inode->i_ino = get_next_ino();
	return inode;
}

/* ihold - take another reference on an inode the caller already holds. */
void ihold(struct inode *inode)
{
	BUG_ON(inode->i_count <= 0);
	inode->i_count++;
}

/*
 * iput - drop a reference; the last one evicts the inode: a regular
 * file's pages are freed (i_op->evict_inode), then the inode.  A pipe
 * inode's pipe is already gone (freed with its last file, fs/pipe.c).
 * NULL is a no-op.  Process context.
 */
void iput(struct inode *inode)
{
	if (!inode)
		return;
	BUG_ON(inode->i_count <= 0);
	if (--inode->i_count)
		return;
	if (inode->i_op && inode->i_op->evict_inode)
		inode->i_op->evict_inode(inode);
	kmem_cache_free(inode_cachep, inode);
}
