/*
 * fs/tty.c - /dev/console, the terminal on the serial port (Linux's
 * drivers/tty/tty_io.c, reduced to one terminal).
 *
 * Writing goes straight to console_write() (serial and VGA; the serial
 * driver turns "\n" into "\r\n", Linux's ONLCR).  Reading goes through the
 * line discipline (fs/n_tty.c): the bytes the serial interrupt stored are
 * moved into it (console_receive_input), which echoes and edits them, and
 * a reader sleeps on serial_rx_wait (include/nest/console.h), which the
 * serial interrupt wakes on every byte, until a whole line is there.
 *
 * Also here: console_on_rootfs(), which gives init its fds 0, 1 and 2,
 * and console_interrupt(), where typed ^C will turn into SIGINT.
 */
#include <nest/fs.h>
#include <nest/console.h>
#include <nest/sched.h>
#include <nest/signal.h>
#include <nest/wait.h>
#include <nest/spinlock.h>
#include <nest/uaccess.h>
#include <nest/string.h>
#include <nest/printk.h>
#include <nest/errno.h>
#include <uapi/fcntl.h>

/* /dev/console is character device 5:1 (Linux's TTYAUX_MAJOR). */
#define TTYAUX_MAJOR	5
#define CONSOLE_DEV	MKDEV(TTYAUX_MAJOR, 1)

/* Bytes moved per step between a user buffer and the console. */
#define TTY_CHUNK	128

/* struct termios as TCGETS returns it on i386: 4 flag words, c_line, c_cc[19]. */
#define NCCS		19
struct termios {
	unsigned int c_iflag, c_oflag, c_cflag, c_lflag;
	unsigned char c_line;
	unsigned char c_cc[NCCS];
};

struct winsize {
	unsigned short ws_row, ws_col, ws_xpixel, ws_ypixel;
};

/*
 * What TCGETS reports: Linux's tty_std_termios, which is exactly what
 * n_tty.c implements.  c_iflag ICRNL|IXON, c_oflag OPOST|ONLCR, c_cflag
 * B38400|CS8|CREAD|HUPCL, c_lflag ISIG|ICANON|ECHO|ECHOE|ECHOK|ECHOCTL|
 * ECHOKE|IEXTEN, c_cc INIT_C_CC (^C ^\ DEL ^U ^D, VMIN 1, ^Q ^S ^Z ^R ^O
 * ^W ^V).
 */
static const struct termios tty_std_termios = {
	.c_iflag = 0000400 | 0002000,
	.c_oflag = 0000001 | 0000004,
	.c_cflag = 0000017 | 0000060 | 0000200 | 0002000,
	.c_lflag = 0000001 | 0000002 | 0000010 | 0000020 | 0000040 |
		   0001000 | 0004000 | 0100000,
	.c_cc = "\003\034\177\025\004\0\1\0\021\023\032\0\022\017\027\026\0",
};

static struct n_tty_data console_ldata;
static DEFINE_SPINLOCK(console_ldata_lock);

/*
 * console_interrupt - ^C (SIGINT), ^\ (SIGQUIT) or ^Z (SIGTSTP) was typed
 * on the console.  n_tty has echoed it and flushed the input.
 *
 * HOOK for the process code: Linux sends @sig to the terminal's
 * foreground process group (isig() -> kill_pgrp(tty->pgrp)).  Nest has no
 * controlling terminals yet, so nothing is sent.  Called with the line
 * discipline locked and interrupts off; it must not sleep.
 */
void console_interrupt(int sig)
{
	(void)sig;
}

/*
 * console_receive_input - feed the bytes the serial port received to the
 * line discipline.  Any context (interrupts may call it too).
 */
void console_receive_input(void)
{
	unsigned long flags;
	int c;

	spin_lock_irqsave(&console_ldata_lock, flags);
	while ((c = serial_getc()) >= 0)
		n_tty_receive_char(&console_ldata, c);
	spin_unlock_irqrestore(&console_ldata_lock, flags);
}

/* Is a finished line waiting, after taking in what has arrived? */
static bool console_line_ready(void)
{
	console_receive_input();
	return n_tty_input_available(&console_ldata);
}

/* Take up to @nr bytes of the first line (see n_tty_read()). */
static size_t console_take(char *buf, size_t nr, bool *eol)
{
	unsigned long flags;
	size_t n;

	spin_lock_irqsave(&console_ldata_lock, flags);
	n = n_tty_read(&console_ldata, buf, nr, eol);
	spin_unlock_irqrestore(&console_ldata_lock, flags);
	return n;
}

/*
 * tty_read - one line at most: wait until a line is finished (or -EAGAIN
 * with O_NONBLOCK, -ERESTARTSYS on a signal), then copy it out.  Returns
 * the bytes read, 0 for ^D on an empty line, -EFAULT.
 */
static ssize_t tty_read(struct file *file, struct iov_iter *to, loff_t *ppos)
{
	size_t count = iov_iter_count(to), done = 0;
	bool eol = false;

	if (!count)
		return 0;
	for (;;) {
		if (!console_line_ready()) {
			int err;

			if (file->f_flags & O_NONBLOCK)
				return -EAGAIN;
			err = wait_event_interruptible(serial_rx_wait, console_line_ready());
			if (err)
				return err;
		}
		while (done < count && !eol) {
			char kbuf[TTY_CHUNK];
			size_t n = console_take(kbuf, min(count - done, sizeof(kbuf)), &eol);
			size_t copied = copy_to_iter(kbuf, n, to);

			done += copied;
			if (copied < n)
				return done ? (ssize_t)done : -EFAULT;
			if (!n)
				break;
		}
		/*
		 * Nothing taken and no line end: a ^C flushed the line between
		 * the check and the take (possible once input is fed from the
		 * interrupt).  That is not an end of file: wait again.
		 */
		if (done || eol)
			return done;
	}
}

/* tty_write - everything to the console; -EFAULT if nothing could be read. */
static ssize_t tty_write(struct file *file, struct iov_iter *from, loff_t *ppos)
{
	size_t count = iov_iter_count(from), done = 0;

	while (done < count) {
		char kbuf[TTY_CHUNK];
		size_t want = min(count - done, sizeof(kbuf));
		size_t n = copy_from_iter(kbuf, want, from);

		console_write(kbuf, n);
		done += n;
		if (n < want)
			return done ? (ssize_t)done : -EFAULT;
	}
	return done;
}

/*
 * tty_ioctl - TCGETS (so isatty() and tcgetattr() work) and TIOCGWINSZ
 * (musl's isatty; a serial line has no size, so 0x0 as on Linux); -EFAULT
 * for a bad pointer, -ENOTTY for the rest.  TIOCGPGRP/TIOCSPGRP come with
 * job control.
 */
static long tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct winsize ws = { 0 };

	switch (cmd) {
	case TCGETS:
		return copy_to_user((void __user *)arg, &tty_std_termios,
				    sizeof(tty_std_termios)) ? -EFAULT : 0;
	case TIOCGWINSZ:
		return copy_to_user((void __user *)arg, &ws, sizeof(ws)) ? -EFAULT : 0;
	default:
		return -ENOTTY;
	}
}

static const struct file_operations console_fops = {
	.llseek = no_llseek,
	.read_iter = tty_read,
	.write_iter = tty_write,
	.unlocked_ioctl = tty_ioctl,
};

/* tty_init - set up the line discipline and register /dev/console (5:1). */
void tty_init(void)
{
	n_tty_init(&console_ldata, console_write, console_interrupt);
	register_chrdev(CONSOLE_DEV, "console", &console_fops);
}

/*
 * console_on_rootfs - give current (init) /dev/console as fds 0, 1 and 2:
 * one open file, three fds, as Linux's console_on_rootfs().  Returns 0 or
 * -errno (and says so: init would run without output).
 */
int console_on_rootfs(void)
{
	struct file *file;
	int i, fd;

	if (!current->files) {
		pr_err("Warning: unable to open an initial console (no file table).\n");
		return -EBADF;
	}
	file = filp_open("/dev/console", O_RDWR, 0);
	if (IS_ERR(file)) {
		pr_err("Warning: unable to open an initial console.\n");
		return PTR_ERR(file);
	}
	for (i = 0; i < 3; i++) {
		fd = get_unused_fd_flags(0);
		if (fd < 0) {
			fput(file);
			return fd;
		}
		fd_install(fd, get_file(file));
	}
	fput(file);
	return 0;
}
