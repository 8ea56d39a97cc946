/*
 * termios.h - terminal modes (termios.c).  struct termios and its flags
 * are the kernel's, <uapi/termbits.h>: tcgetattr() and tcsetattr() pass
 * the structure to TCGETS and TCSETS unchanged.  tcgetpgrp() and
 * tcsetpgrp() are in <unistd.h>, as POSIX has them.
 */
#ifndef _TERMIOS_H
#define _TERMIOS_H

#include <sys/types.h>
#include <uapi/termbits.h>

int tcgetattr(int fd, struct termios *t);
int tcsetattr(int fd, int action, const struct termios *t);
int tcflush(int fd, int queue);

#endif /* _TERMIOS_H */
