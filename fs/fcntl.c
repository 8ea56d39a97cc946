/*
 * fs/fcntl.c - fcntl(): duplicating an fd at or above a number, the
 * close-on-exec flag, and the file status flags (Linux's fs/fcntl.c).
 */
#include <nest/fs.h>
#include <nest/errno.h>
#include <nest/syscalls.h>
#include <uapi/fcntl.h>

/*
 * The status flags F_SETFL may change.  Linux's SETFL_MASK also has
 * O_DIRECT, O_NOATIME and O_ASYNC, which Nest does not implement.
 */
#define SETFL_MASK	(O_APPEND | O_NONBLOCK)

/*
 * fcntl(fd, cmd, arg):
 *   F_DUPFD, F_DUPFD_CLOEXEC  the lowest free fd >= arg (-EINVAL past the
 *                             limit, -EMFILE)
 *   F_GETFD, F_SETFD          FD_CLOEXEC
 *   F_GETFL                   the access mode and status flags
 *   F_SETFL                   O_APPEND and O_NONBLOCK; other bits ignored
 * -EBADF for an fd that is not open, -EINVAL for any other cmd.
 */
SYSCALL_DEFINE3(fcntl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	struct file *file = fget(fd);
	long err;

	if (!file)
		return -EBADF;
	switch (cmd) {
	case F_DUPFD:
		err = f_dupfd(arg, file, 0);
		break;
	case F_DUPFD_CLOEXEC:
		err = f_dupfd(arg, file, O_CLOEXEC);
		break;
	case F_GETFD:
		err = get_close_on_exec(fd) ? FD_CLOEXEC : 0;
		break;
	case F_SETFD:
		set_close_on_exec(fd, arg & FD_CLOEXEC);
		err = 0;
		break;
	case F_GETFL:
		err = file->f_flags;
		break;
	case F_SETFL:
		file->f_flags = (arg & SETFL_MASK) | (file->f_flags & ~SETFL_MASK);
		err = 0;
		break;
	default:
		err = -EINVAL;
		break;
	}
	fput(file);
	return err;
}
