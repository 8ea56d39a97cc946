/*
 * fs/ramfs.c - the root file system: files kept in memory, as Linux's
 * fs/ramfs (whose root Linux also unpacks the initramfs into).
 *
 * Directories are their dentries (fs/dcache.c) with the generic directory
 * code of fs/libfs.c.  A regular file's bytes live in whole pages: page i
 * of inode->i_pages[] holds bytes [i * PAGE_SIZE, (i + 1) * PAGE_SIZE).
 * The array grows as the file does; a page that was never written is NULL
 * and reads as zeros (a hole, after lseek past the end and a write).
 *
 * Nothing here sleeps but the user copies, and those do not sleep in Nest
 * (no page is ever swapped out), so the page array cannot change under a
 * read or write.  A lab that makes copy_to_user() sleep needs Linux's
 * i_rwsem here.  Entry points: ramfs_get_inode(), mnt_init() (the root),
 * and the operation tables.
 */
#include <nest/fs.h>
#include <nest/mm.h>
#include <nest/slab.h>
#include <nest/string.h>
#include <nest/errno.h>
#include <nest/bug.h>
#include <uapi/fcntl.h>

/* Grow a file's page array at least this much, so appends are not O(n^2). */
#define RAMFS_MIN_PAGES	8

/* The page index of byte @pos, and @pos's offset in that page. */
static inline unsigned long pos_index(loff_t pos)
{
	return (unsigned long)(pos >> PAGE_SHIFT);
}

static inline unsigned int pos_offset(loff_t pos)
{
	return (unsigned int)pos & (PAGE_SIZE - 1);
}

/* Make i_pages[] hold at least @nr entries; 0 or -ENOMEM. */
static int ramfs_grow_pages(struct inode *inode, unsigned long nr)
{
	unsigned long new_max = max(inode->i_pages_max * 2, (unsigned long)RAMFS_MIN_PAGES);
	struct page **pages;

	if (nr <= inode->i_pages_max)
		return 0;
	if (new_max < nr)
		new_max = nr;
	pages = kzalloc(new_max * sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	if (inode->i_pages)
		memcpy(pages, inode->i_pages, inode->i_pages_max * sizeof(*pages));
	kfree(inode->i_pages);
	inode->i_pages = pages;
	inode->i_pages_max = new_max;
	return 0;
}

/* Free pages [@first, end) of a file. */
static void ramfs_free_pages_from(struct inode *inode, unsigned long first)
{
	unsigned long i;

	for (i = first; i < inode->i_pages_max; i++) {
		if (inode->i_pages[i]) {
			__free_page(inode->i_pages[i]);
			inode->i_pages[i] = NULL;
		}
	}
}

/*
 * ramfs_setsize - make regular file @inode @size bytes long (O_TRUNC,
 * do_truncate).  Shrinking frees the pages past the end and zeroes the
 * rest of the last one, so growing again later reads zeros there.
 * Returns 0, -EINVAL (@size negative) or -EFBIG (past MAX_NON_LFS).
 */
static int ramfs_setsize(struct inode *inode, loff_t size)
{
	if (size < 0)
		return -EINVAL;
	if (size > MAX_NON_LFS)
		return -EFBIG;
	if (size < inode->i_size && inode->i_pages) {
		unsigned long keep = pos_index(size + PAGE_SIZE - 1);

		ramfs_free_pages_from(inode, keep);
		if (pos_offset(size) && keep <= inode->i_pages_max &&
		    inode->i_pages[keep - 1]) {
			char *p = page_address(inode->i_pages[keep - 1]);

			memset(p + pos_offset(size), 0, PAGE_SIZE - pos_offset(size));
		}
		if (!size) {
			kfree(inode->i_pages);
			inode->i_pages = NULL;
			inode->i_pages_max = 0;
		}
	}
	inode->i_size = size;
	return 0;
}

/* The last iput() of a regular file: free its pages and the array. */
static void ramfs_evict_inode(struct inode *inode)
{
	if (inode->i_pages) {
		ramfs_free_pages_from(inode, 0);
		kfree(inode->i_pages);
		inode->i_pages = NULL;
	}
}

/*
 * ramfs_read_iter - read from *@ppos up to the end of the file.  Returns
 * the bytes read (0 at or past the end), or -EFAULT if the buffer was bad
 * before anything was copied.
 */
static ssize_t ramfs_read_iter(struct file *file, struct iov_iter *to, loff_t *ppos)
{
	struct inode *inode = file->f_inode;
	loff_t pos = *ppos;
	size_t done = 0, want;

	if (pos >= inode->i_size)
		return 0;
	want = min((loff_t)iov_iter_count(to), inode->i_size - pos);
	if (!want)
		return 0;
	while (done < want) {
		unsigned long index = pos_index(pos);
		unsigned int offset = pos_offset(pos);
		size_t n = min(want - done, (size_t)(PAGE_SIZE - offset));
		struct page *page = index < inode->i_pages_max ?
				    inode->i_pages[index] : NULL;
		size_t copied;

		if (page)
			copied = copy_to_iter((char *)page_address(page) + offset, n, to);
		else
			copied = iov_iter_zero(n, to);
		done += copied;
		pos += copied;
		if (copied < n)
			break;
	}
	*ppos = pos;
	return done ? (ssize_t)done : -EFAULT;
}

/*
 * ramfs_write_iter - write at *@ppos (at the end with O_APPEND), growing
 * the file.  Returns the bytes written, or -EFBIG (at MAX_NON_LFS),
 * -ENOMEM, -EFAULT when nothing could be written; a partial count when
 * memory or the buffer ran out part way, as Linux.
 */
static ssize_t ramfs_write_iter(struct file *file, struct iov_iter *from, loff_t *ppos)
{
	struct inode *inode = file->f_inode;
	loff_t pos = file->f_flags & O_APPEND ? inode->i_size : *ppos;
	size_t count = iov_iter_count(from), done = 0;
	int err = 0;

	if (!count)
		return 0;
	/* Linux's generic_write_check_limits() for a file without O_LARGEFILE. */
	if (pos >= MAX_NON_LFS)
		return -EFBIG;
	count = min((loff_t)count, MAX_NON_LFS - pos);
	err = ramfs_grow_pages(inode, pos_index(pos + count - 1) + 1);
	if (err)
		return err;
	while (done < count) {
		unsigned long index = pos_index(pos);
		unsigned int offset = pos_offset(pos);
		size_t n = min(count - done, (size_t)(PAGE_SIZE - offset));
		size_t copied;

		if (!inode->i_pages[index]) {
			inode->i_pages[index] = alloc_page(GFP_KERNEL | __GFP_ZERO);
			if (!inode->i_pages[index]) {
				err = -ENOMEM;
				break;
			}
		}
		copied = copy_from_iter((char *)page_address(inode->i_pages[index]) + offset,
					n, from);
		done += copied;
		pos += copied;
		if (pos > inode->i_size)
			inode->i_size = pos;
		if (copied < n) {
			err = -EFAULT;
			break;
		}
	}
	*ppos = pos;
	return done ? (ssize_t)done : err;
}

static int ramfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev);

static int ramfs_create(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	return ramfs_mknod(dir, dentry, (mode & S_IALLUGO) | S_IFREG, 0);
}

static int ramfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	int err = ramfs_mknod(dir, dentry, (mode & S_IALLUGO) | S_IFDIR, 0);

	if (!err)
		dir->i_nlink++;		/* the new directory's ".." */
	return err;
}

static const struct inode_operations ramfs_dir_inode_operations = {
	.create = ramfs_create,
	.mkdir = ramfs_mkdir,
	.mknod = ramfs_mknod,
	.unlink = simple_unlink,
	.rmdir = simple_rmdir,
};

static const struct inode_operations ramfs_file_inode_operations = {
	.setsize = ramfs_setsize,
	.evict_inode = ramfs_evict_inode,
};

const struct file_operations ramfs_file_operations = {
	.llseek = generic_file_llseek,
	.read_iter = ramfs_read_iter,
	.write_iter = ramfs_write_iter,
};

/*
 * ramfs_get_inode - a new ramfs inode of @mode (type and permissions);
 * @dev is the device of a device node.  NULL when memory is short.
 */
struct inode *ramfs_get_inode(umode_t mode, dev_t dev)
{
	struct inode *inode = new_inode();

	if (!inode)
		return NULL;
	inode->i_mode = mode;
	switch (mode & S_IFMT) {
	case S_IFREG:
		inode->i_op = &ramfs_file_inode_operations;
		inode->i_fop = &ramfs_file_operations;
		break;
	case S_IFDIR:
		inode->i_op = &ramfs_dir_inode_operations;
		inode->i_fop = &simple_dir_operations;
		inode->i_nlink = 2;	/* its name and its "." */
		break;
	default:
		init_special_inode(inode, mode, dev);
		break;
	}
	return inode;
}

/* Give the new name @dentry in @dir an inode of @mode: 0 or -ENOMEM. */
static int ramfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev)
{
	struct inode *inode = ramfs_get_inode(mode, dev);

	if (!inode)
		return -ENOMEM;
	d_add(dentry, inode);
	return 0;
}

/*
 * mnt_init - make the root directory, a ramfs, and make it the root and
 * cwd of init_fs (so of every process, until chdir).  Called by
 * vfs_caches_init(); panics without memory, as Linux would.
 */
void mnt_init(void)
{
	struct inode *inode = ramfs_get_inode(S_IFDIR | 0755, 0);
	struct dentry *root = inode ? d_make_root(inode) : NULL;

	if (!root)
		panic("VFS: cannot make the root file system");
	init_fs.root = root;		/* the reference d_make_root() gave */
	init_fs.pwd = dget(root);
}
