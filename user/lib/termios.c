/*
 * user/lib/termios.c - terminals: ioctl(), isatty(), the termios calls
 * tcgetattr, tcsetattr and tcflush, and job control's tcgetpgrp and
 * tcsetpgrp.  Each is one ioctl, as in musl; each returns -1 with errno
 * set on failure (ENOTTY: not a terminal).
 */
#include <errno.h>
#include <stdarg.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include "syscall_i386.h"

/* ioctl - request @request of @fd's file, with one argument (or none). */
int ioctl(int fd, unsigned long request, ...)
{
	va_list ap;
	void *arg;

	va_start(ap, request);
	arg = va_arg(ap, void *);
	va_end(ap);
	return syscall3(__NR_ioctl, fd, request, arg);
}

/* isatty - 1 if @fd is a terminal, else 0 with errno ENOTTY (or EBADF). */
int isatty(int fd)
{
	struct termios t;

	return tcgetattr(fd, &t) == 0;
}

/* tcgetattr - @fd's modes into *@t. */
int tcgetattr(int fd, struct termios *t)
{
	return ioctl(fd, TCGETS, t);
}

/*
 * tcsetattr - set @fd's modes to *@t: now (TCSANOW), once output is
 * written (TCSADRAIN), or that and unread input thrown away (TCSAFLUSH).
 */
int tcsetattr(int fd, int action, const struct termios *t)
{
	if (action < TCSANOW || action > TCSAFLUSH) {
		errno = EINVAL;
		return -1;
	}
	return ioctl(fd, TCSETS + action, t);
}

/* tcflush - throw away unread input (TCIFLUSH), unwritten output, or both. */
int tcflush(int fd, int queue)
{
	return ioctl(fd, TCFLSH, (void *)(long)queue);
}

/* tcgetpgrp - the foreground process group of terminal @fd. */
pid_t tcgetpgrp(int fd)
{
	int pgrp;

	if (ioctl(fd, TIOCGPGRP, &pgrp) < 0)
		return -1;
	return pgrp;
}

/*
 * tcsetpgrp - make process group @pgrp the foreground one of terminal
 * @fd.  A caller in the background gets SIGTTOU unless it ignores or
 * blocks it (a shell ignores it).
 */
int tcsetpgrp(int fd, pid_t pgrp)
{
	int nr = pgrp;

	return ioctl(fd, TIOCSPGRP, &nr);
}
