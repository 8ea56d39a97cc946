/*
 * user/lib/exec.c - running a program: execve(), and execv() and execvp()
 * built on it.  On success none of them returns.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "libc.h"
#include "syscall_i386.h"

/* Where execvp() looks when PATH is not set. */
#define DEFAULT_PATH	"/bin:/sbin"

/*
 * execve - replace the program with @path, given @argv and @envp (both
 * NULL-terminated).  Streams are flushed first, since the new program
 * cannot.  Returns only on failure: -1 with errno set.
 */
int execve(const char *path, char *const argv[], char *const envp[])
{
	__stdio_flush_all();
	return syscall3(__NR_execve, path, argv, envp);
}

/* execv - execve() with the current environment. */
int execv(const char *path, char *const argv[])
{
	return execve(path, argv, environ);
}

/*
 * execvp - execv() that looks for @file in each directory of PATH
 * (DEFAULT_PATH if unset) unless @file contains a '/'.  Tries every
 * directory; if all fail, errno says why: EACCES if some file was there
 * but could not be run, else the last error (normally ENOENT).
 */
int execvp(const char *file, char *const argv[])
{
	const char *path = getenv("PATH");
	char buf[PATH_MAX];
	int saw_eacces = 0;

	if (!*file) {
		errno = ENOENT;
		return -1;
	}
	if (strchr(file, '/'))
		return execv(file, argv);
	if (!path)
		path = DEFAULT_PATH;

	for (;;) {
		size_t dirlen = strcspn(path, ":");
		size_t flen = strlen(file);

		/* An empty entry means the current directory, as in POSIX. */
		if (dirlen + 1 + flen + 1 <= sizeof(buf)) {
			size_t len = dirlen;

			memcpy(buf, path, len);
			if (len)
				buf[len++] = '/';
			memcpy(buf + len, file, flen + 1);
			execv(buf, argv);
			if (errno == EACCES)
				saw_eacces = 1;
			/* Not there or not runnable: try the next directory. */
			else if (errno != ENOENT && errno != ENOTDIR &&
				 errno != ENAMETOOLONG)
				return -1;
		}
		if (!path[dirlen])
			break;
		path += dirlen + 1;
	}
	if (saw_eacces)
		errno = EACCES;
	return -1;
}
