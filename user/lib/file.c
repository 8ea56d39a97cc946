/*
 * user/lib/file.c - files and file descriptors: open, read, write, close,
 * lseek, dup, dup2, pipe, pipe2, fcntl, and the path calls access, unlink,
 * mkdir, rmdir, chdir, getcwd.  Each is the system call of the same name;
 * each returns -1 with errno set on failure.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "syscall_i386.h"

/* open - open @path with @flags (O_*); with O_CREAT, a mode_t follows. */
int open(const char *path, int flags, ...)
{
	mode_t mode = 0;

	if (flags & O_CREAT) {
		va_list ap;

		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	return syscall3(__NR_open, path, flags, mode);
}

/* creat - open(@path, O_WRONLY | O_CREAT | O_TRUNC, @mode). */
int creat(const char *path, mode_t mode)
{
	return open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
}

/* read - read up to @count bytes into @buf; returns the count, 0 at end of file. */
ssize_t read(int fd, void *buf, size_t count)
{
	return syscall3(__NR_read, fd, buf, count);
}

/* write - write up to @count bytes from @buf; returns the count written. */
ssize_t write(int fd, const void *buf, size_t count)
{
	return syscall3(__NR_write, fd, buf, count);
}

/* close - release @fd. */
int close(int fd)
{
	return syscall1(__NR_close, fd);
}

/* lseek - move @fd's offset to @offset from @whence (SEEK_*); returns the new offset. */
off_t lseek(int fd, off_t offset, int whence)
{
	return syscall3(__NR_lseek, fd, offset, whence);
}

/* dup - the lowest free descriptor, made to refer to @fd's open file. */
int dup(int fd)
{
	return syscall1(__NR_dup, fd);
}

/* dup2 - make @newfd refer to @oldfd's open file (closing @newfd first). */
int dup2(int oldfd, int newfd)
{
	return syscall2(__NR_dup2, oldfd, newfd);
}

/* pipe - a new pipe: @fds[0] reads, @fds[1] writes. */
int pipe(int fds[2])
{
	return syscall1(__NR_pipe, fds);
}

/* pipe2 - pipe() with @flags (O_CLOEXEC, O_NONBLOCK). */
int pipe2(int fds[2], int flags)
{
	return syscall2(__NR_pipe2, fds, flags);
}

/* fcntl - descriptor command @cmd (F_*), with one int or pointer argument. */
int fcntl(int fd, int cmd, ...)
{
	va_list ap;
	long arg;

	va_start(ap, cmd);
	arg = va_arg(ap, long);
	va_end(ap);
	return syscall3(__NR_fcntl, fd, cmd, arg);
}

/* access - whether @path exists (F_OK) or may be read, written, run (R_OK, W_OK, X_OK). */
int access(const char *path, int mode)
{
	return syscall2(__NR_access, path, mode);
}

/* unlink - remove the name @path. */
int unlink(const char *path)
{
	return syscall1(__NR_unlink, path);
}

/* mkdir - create directory @path with permissions @mode (less umask). */
int mkdir(const char *path, mode_t mode)
{
	return syscall2(__NR_mkdir, path, mode);
}

/* rmdir - remove the empty directory @path. */
int rmdir(const char *path)
{
	return syscall1(__NR_rmdir, path);
}

/* chdir - make @path the working directory. */
int chdir(const char *path)
{
	return syscall1(__NR_chdir, path);
}

/*
 * getcwd - the working directory's path, in @buf of @size bytes.  With
 * @buf NULL, a malloc()ed buffer of @size bytes (PATH_MAX if @size is 0).
 * Returns the buffer, or NULL with errno set (ERANGE: too small).
 */
char *getcwd(char *buf, size_t size)
{
	char *mine = NULL;

	if (!buf) {
		if (!size)
			size = PATH_MAX;
		buf = mine = malloc(size);
		if (!buf)
			return NULL;
	}
	/* The system call returns the length, NUL included, not the buffer. */
	if (syscall2(__NR_getcwd, buf, size) < 0) {
		free(mine);
		return NULL;
	}
	return buf;
}
