/*
 * user/lib/dirent.c - reading directories: opendir(), readdir(),
 * closedir() over getdents64 (220), which fills a buffer with packed
 * struct linux_dirent64 records of varying length (<uapi/fcntl.h>).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "syscall_i386.h"

/* How many bytes of records one getdents64 call may return. */
#define DIR_BUF_SIZE	2048

struct __DIR {
	int fd;
	size_t pos;		/* the next record in buf */
	size_t len;		/* bytes of records in buf */
	struct dirent entry;	/* what readdir() returns */
	char buf[DIR_BUF_SIZE];
};

/*
 * opendir - open directory @path for reading.  Returns the stream, or NULL
 * with errno set (ENOENT, ENOTDIR, ENOMEM, ...).
 */
DIR *opendir(const char *path)
{
	DIR *dir;
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd < 0)
		return NULL;
	dir = malloc(sizeof(*dir));
	if (!dir) {
		close(fd);
		return NULL;
	}
	dir->fd = fd;
	dir->pos = dir->len = 0;
	return dir;
}

/*
 * readdir - the next entry of @dir, in the order the file system keeps
 * them ("." and ".." included), or NULL at the end (errno unchanged) or
 * on an error (errno set).  The entry is overwritten by the next call.
 */
struct dirent *readdir(DIR *dir)
{
	struct linux_dirent64 *d;
	size_t namelen;

	if (dir->pos >= dir->len) {
		long n = syscall3(__NR_getdents64, dir->fd, dir->buf,
				  sizeof(dir->buf));

		if (n <= 0)
			return NULL;
		dir->len = n;
		dir->pos = 0;
	}
	d = (struct linux_dirent64 *)(dir->buf + dir->pos);
	dir->pos += d->d_reclen;

	dir->entry.d_ino = d->d_ino;
	dir->entry.d_off = d->d_off;
	dir->entry.d_reclen = sizeof(dir->entry);
	dir->entry.d_type = d->d_type;
	namelen = strnlen(d->d_name, NAME_MAX);
	memcpy(dir->entry.d_name, d->d_name, namelen);
	dir->entry.d_name[namelen] = '\0';
	return &dir->entry;
}

/* closedir - close @dir and free it.  Returns 0, or -1 if close() failed. */
int closedir(DIR *dir)
{
	int ret = close(dir->fd);

	free(dir);
	return ret;
}

/* dirfd - the file descriptor under @dir. */
int dirfd(DIR *dir)
{
	return dir->fd;
}
