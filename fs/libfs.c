/*
 * fs/libfs.c - the generic pieces a file system built on dentries alone
 * (ramfs) uses for its directories, as Linux's fs/libfs.c: listing a
 * directory from its dentries, seeking in one, and removing names.
 *
 * Called through ramfs's operation tables (fs/ramfs.c).
 */
#include <nest/fs.h>
#include <nest/errno.h>
#include <uapi/fcntl.h>

/* The d_type of a getdents entry for an inode of mode @mode. */
unsigned int dt_type(umode_t mode)
{
	switch (mode & S_IFMT) {
	case S_IFREG:
		return DT_REG;
	case S_IFDIR:
		return DT_DIR;
	case S_IFCHR:
		return DT_CHR;
	case S_IFIFO:
		return DT_FIFO;
	case S_IFLNK:
		return DT_LNK;
	default:
		return DT_UNKNOWN;
	}
}

/*
 * dcache_readdir - list the directory open as @file to @ctx: "." at
 * position 0, ".." at 1, then the children in creation order, each at its
 * d_off.  Stops when the actor says the buffer is full; ctx->pos is then
 * the entry to give next time.  Returns 0.
 */
int dcache_readdir(struct file *file, struct dir_context *ctx)
{
	struct dentry *dentry = file->f_dentry;
	struct dentry *child;

	if (ctx->pos == 0) {
		if (!ctx->actor(ctx, ".", 1, 1, dentry->d_inode->i_ino, DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!ctx->actor(ctx, "..", 2, DIR_FIRST_CHILD_OFF,
				dentry->d_parent->d_inode->i_ino, DT_DIR))
			return 0;
		ctx->pos = DIR_FIRST_CHILD_OFF;
	}
	list_for_each_entry(child, &dentry->d_subdirs, d_child) {
		if (child->d_off < ctx->pos)
			continue;
		if (!ctx->actor(ctx, child->d_name, child->d_name_len, child->d_off + 1,
				child->d_inode->i_ino, dt_type(child->d_inode->i_mode)))
			return 0;
		ctx->pos = child->d_off + 1;
	}
	return 0;
}

/*
 * dcache_dir_lseek - lseek on a directory: SEEK_SET and SEEK_CUR to any
 * position >= 0 (a position is where a listing continues); SEEK_END is
 * -EINVAL, as in Linux.
 */
loff_t dcache_dir_lseek(struct file *file, loff_t offset, int whence)
{
	switch (whence) {
	case SEEK_CUR:
		/* Past the largest loff_t is as invalid as below 0. */
		if (__builtin_add_overflow(offset, file->f_pos, &offset))
			return -EINVAL;
		/* fall through */
	case SEEK_SET:
		if (offset >= 0)
			break;
		/* fall through */
	default:
		return -EINVAL;
	}
	file->f_pos = offset;
	return offset;
}

/* generic_read_dir - read() on a directory: -EISDIR. */
ssize_t generic_read_dir(struct file *file, struct iov_iter *to, loff_t *ppos)
{
	return -EISDIR;
}

/* simple_empty - does directory @dentry have no entries but "." and ".."? */
bool simple_empty(const struct dentry *dentry)
{
	return list_empty(&dentry->d_subdirs);
}

/*
 * simple_unlink - remove the name @dentry from directory @dir.  The inode
 * lives on while files are open on it.  Returns 0.
 */
int simple_unlink(struct inode *dir, struct dentry *dentry)
{
	dentry->d_inode->i_nlink--;
	d_delete(dentry);
	return 0;
}

/*
 * simple_rmdir - remove the empty directory @dentry from @dir: 0, or
 * -ENOTEMPTY.  It is marked dead (S_DEAD), so a process whose cwd it was
 * can create nothing in it and list nothing (-ENOENT), as in Linux.
 */
int simple_rmdir(struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = dentry->d_inode;

	if (!simple_empty(dentry))
		return -ENOTEMPTY;
	inode->i_flags |= S_DEAD;
	inode->i_nlink = 0;
	dir->i_nlink--;		/* our ".." no longer names it */
	d_delete(dentry);
	return 0;
}

/* The operations of a directory that only its dentries describe. */
const struct file_operations simple_dir_operations = {
	.llseek = dcache_dir_lseek,
	.read_iter = generic_read_dir,
	.iterate_shared = dcache_readdir,
};
