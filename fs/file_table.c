/*
 * fs/file_table.c - struct file: making one (alloc_file) and the last
 * fput(), which closes it (Linux's fs/file_table.c).
 *
 * A file is referenced by every fd that points at it (dup, fork) and, for
 * the length of a system call, by the call (fget).  The last reference
 * runs the file's release operation (a pipe end counts itself out, for
 * example) and drops the dentry and inode.  Called by fs/open.c,
 * fs/pipe.c and fs/file.c.
 */
#include <nest/fs.h>
#include <nest/slab.h>
#include <nest/bug.h>
#include <uapi/fcntl.h>

static struct kmem_cache *filp_cachep;

/* files_init - make the cache of struct file (vfs_caches_init() calls it). */
void files_init(void)
{
	filp_cachep = kmem_cache_create("filp", sizeof(struct file), 0,
					SLAB_PANIC, NULL);
}

/*
 * alloc_file - a struct file with one reference, open on @inode (named by
 * @dentry, or NULL for a pipe) with open() flags @flags and operations
 * @fop.  Takes its own references on @inode and @dentry.  The access mode
 * becomes f_mode the way Linux's OPEN_FMODE() does it: O_RDONLY (0) reads,
 * O_WRONLY (1) writes, O_RDWR (2) both, and 3 neither.  Returns NULL when
 * memory is short.  Does not call fop->open (see do_dentry_open()).
 */
struct file *alloc_file(struct dentry *dentry, struct inode *inode,
			unsigned int flags, const struct file_operations *fop)
{
	struct file *file = kmem_cache_zalloc(filp_cachep, GFP_KERNEL);

	if (!file)
		return NULL;
	file->f_count = 1;
	file->f_flags = flags;
	file->f_mode = ((flags + 1) & O_ACCMODE);
	file->f_inode = inode;
	ihold(inode);
	file->f_dentry = dget(dentry);
	file->f_op = fop;
	return file;
}

/* Free a file that was never opened (its open operation failed). */
void put_filp(struct file *file)
{
	dput(file->f_dentry);
	iput(file->f_inode);
	kmem_cache_free(filp_cachep, file);
}

/*
 * fput - drop a reference to @file; the last one calls its release
 * operation and frees it.  NULL is a no-op.  Process context: release may
 * wake other tasks (a pipe's other end).
 */
void fput(struct file *file)
{
	if (!file)
		return;
	BUG_ON(file->f_count <= 0);
	if (--file->f_count)
		return;
	if (file->f_op && file->f_op->release)
		file->f_op->release(file->f_inode, file);
	put_filp(file);
}
