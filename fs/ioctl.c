/*
 * fs/ioctl.c - ioctl(): the requests every file understands, then the
 * file's own (Linux's fs/ioctl.c).  Only the console has its own
 * (fs/tty.c: termios, the foreground process group, the window size);
 * everything else is -ENOTTY, "not a terminal", which is how isatty()
 * tells files from terminals.
 */
#include <nest/fs.h>
#include <nest/uaccess.h>
#include <nest/errno.h>
#include <nest/syscalls.h>
#include <uapi/fcntl.h>

/*
 * ioctl(fd, cmd, arg):
 *   FIOCLEX, FIONCLEX  set / clear close-on-exec
 *   FIONBIO            *(int *)arg ? set : clear O_NONBLOCK
 *   FIONREAD           bytes left to read in a regular file (pipes: fs/pipe.c)
 *   anything else      the file's unlocked_ioctl, or -ENOTTY
 * -EBADF for an fd that is not open, -EFAULT for a bad arg pointer.
 */
SYSCALL_DEFINE3(ioctl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	struct file *file = fget(fd);
	int __user *argp = (int __user *)arg;
	long err = 0;
	int on;

	if (!file)
		return -EBADF;
	switch (cmd) {
	case FIOCLEX:
		set_close_on_exec(fd, true);
		break;
	case FIONCLEX:
		set_close_on_exec(fd, false);
		break;
	case FIONBIO:
		err = get_user(on, argp);
		if (err)
			break;
		if (on)
			file->f_flags |= O_NONBLOCK;
		else
			file->f_flags &= ~O_NONBLOCK;
		break;
	case FIONREAD:
		if (S_ISREG(file->f_inode->i_mode)) {
			loff_t left = file->f_inode->i_size - file->f_pos;

			err = put_user(left > 0 ? (int)left : 0, argp);
			break;
		}
		/* fall through */
	default:
		err = -ENOTTY;
		if (file->f_op && file->f_op->unlocked_ioctl)
			err = file->f_op->unlocked_ioctl(file, cmd, arg);
		break;
	}
	fput(file);
	return err;
}
