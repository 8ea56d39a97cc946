/*
 * user/lib/readlink.c - readlink(), the system call of the same name (85):
 * the target of a symbolic link, such as /proc/self.
 */
#include <unistd.h>
#include "syscall_i386.h"

/*
 * readlink - copy the target of the link @path into @buf, at most @size
 * bytes and WITHOUT a terminating NUL.  Returns the bytes stored, or -1
 * with errno set (EINVAL: not a link; ENOENT...).
 */
ssize_t readlink(const char *path, char *buf, size_t size)
{
	return syscall3(__NR_readlink, path, buf, size);
}
