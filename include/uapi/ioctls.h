/*
 * include/uapi/ioctls.h - the ioctl requests Nest knows, Linux's numbers
 * (asm-generic/ioctls.h).  fs/ioctl.c handles the FIO* ones for every
 * file; fs/tty.c the terminal's.
 */
#ifndef UAPI_IOCTLS_H
#define UAPI_IOCTLS_H

#define TCGETS		0x5401	/* get the struct termios */
#define TCSETS		0x5402	/* set it now */
#define TCSETSW		0x5403	/* set it once output has drained */
#define TCSETSF		0x5404	/* the same, and throw away unread input */
#define TCFLSH		0x540B	/* throw away input and/or output (TCIFLUSH...) */
#define TIOCGPGRP	0x540F	/* the terminal's foreground process group */
#define TIOCSPGRP	0x5410	/* make a process group the foreground one */
#define TIOCGWINSZ	0x5413	/* get the struct winsize */
#define FIONREAD	0x541B	/* bytes ready to read */
#define FIONBIO		0x5421	/* set or clear O_NONBLOCK */
#define FIONCLEX	0x5450	/* clear close-on-exec */
#define FIOCLEX		0x5451	/* set close-on-exec */

#endif /* UAPI_IOCTLS_H */
