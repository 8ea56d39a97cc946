/*
 * sys/ioctl.h - ioctl() (termios.c) and its requests, Linux's numbers
 * from <uapi/ioctls.h>; struct winsize (TIOCGWINSZ) is <uapi/termbits.h>'s.
 */
#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

#include <uapi/ioctls.h>
#include <uapi/termbits.h>

int ioctl(int fd, unsigned long request, ...);

#endif /* _SYS_IOCTL_H */
