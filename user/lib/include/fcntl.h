/* fcntl.h - open() and fcntl() (file.c); the flags are <uapi/fcntl.h>'s. */
#ifndef _FCNTL_H
#define _FCNTL_H

#include <sys/types.h>
#include <uapi/fcntl.h>

int open(const char *path, int flags, ...);	/* mode_t mode with O_CREAT */
int creat(const char *path, mode_t mode);
int fcntl(int fd, int cmd, ...);

#endif /* _FCNTL_H */
