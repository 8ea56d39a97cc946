/*
 * fs/readdir.c - reading a directory: iterate_dir() and getdents64
 * (Linux's fs/readdir.c).
 *
 * The directory's iterate_shared (dcache_readdir for ramfs) calls an
 * actor for each entry from the file position on; getdents64's actor,
 * filldir64, packs each as a struct linux_dirent64 into the buffer and
 * says stop when the next one does not fit.  The entry that did not fit
 * is given by the next call, because the position only moves past an
 * entry once it was stored.
 */
#include <nest/fs.h>
#include <nest/uaccess.h>
#include <nest/string.h>
#include <nest/errno.h>
#include <nest/syscalls.h>
#include <uapi/fcntl.h>

/* The bytes of a record: the fixed part, the name, its NUL, 8-aligned. */
#define DIRENT64_RECLEN(namelen) \
	ALIGN(offsetof(struct linux_dirent64, d_name) + (namelen) + 1, sizeof(u64))

/*
 * iterate_dir - list the directory open as @file from its position to
 * @ctx, and store the new position.  Returns 0, -ENOTDIR (not a
 * directory), -ENOENT (the directory was removed, as Linux).
 */
int iterate_dir(struct file *file, struct dir_context *ctx)
{
	int res;

	if (!file->f_op || !file->f_op->iterate_shared)
		return -ENOTDIR;
	if (IS_DEADDIR(file->f_inode))
		return -ENOENT;
	ctx->pos = file->f_pos;
	res = file->f_op->iterate_shared(file, ctx);
	file->f_pos = ctx->pos;
	return res;
}

struct getdents_callback64 {
	struct dir_context ctx;
	struct iov_iter *iter;		/* the caller's buffer */
	size_t written;			/* bytes of records stored */
	int error;			/* why the last entry was not stored */
};

/* Store one entry as a linux_dirent64; false when it does not fit. */
static bool filldir64(struct dir_context *ctx, const char *name, int namelen,
		      loff_t next_off, u64 ino, unsigned int d_type)
{
	struct getdents_callback64 *buf = container_of(ctx, struct getdents_callback64, ctx);
	size_t reclen = DIRENT64_RECLEN(namelen);
	union {
		struct linux_dirent64 d;
		char bytes[DIRENT64_RECLEN(NAME_MAX)];
	} rec;

	if (reclen > iov_iter_count(buf->iter)) {
		buf->error = -EINVAL;	/* only reported if nothing fitted */
		return false;
	}
	memset(&rec, 0, reclen);
	rec.d.d_ino = ino;
	rec.d.d_off = next_off;
	rec.d.d_reclen = reclen;
	rec.d.d_type = d_type;
	memcpy(rec.d.d_name, name, namelen);
	if (copy_to_iter(&rec, reclen, buf->iter) != reclen) {
		buf->error = -EFAULT;
		return false;
	}
	buf->written += reclen;
	return true;
}

/*
 * do_getdents64 - fill @iter with the next entries of the directory open
 * as @file.  Returns the bytes stored, 0 at the end of the directory,
 * -EINVAL if the buffer cannot hold even the next entry, -EFAULT,
 * -ENOTDIR, -ENOENT.
 */
long do_getdents64(struct file *file, struct iov_iter *iter)
{
	struct getdents_callback64 buf = {
		.ctx.actor = filldir64,
		.iter = iter,
	};
	int err = iterate_dir(file, &buf.ctx);

	if (buf.written)
		return buf.written;
	return err ? err : buf.error;
}

/* getdents64(fd, dirent, count): bytes stored or -errno (also -EBADF). */
SYSCALL_DEFINE3(getdents64, unsigned int, fd, struct linux_dirent64 __user *, dirent,
		unsigned int, count)
{
	struct iovec iov = { .iov_base = dirent, .iov_len = count };
	struct iov_iter iter;
	struct file *file = fget(fd);
	long ret;

	if (!file)
		return -EBADF;
	if (!access_ok(dirent, count)) {
		ret = -EFAULT;
	} else {
		iov_iter_init(&iter, &iov, 1, count);
		ret = do_getdents64(file, &iter);
	}
	fput(file);
	return ret;
}
