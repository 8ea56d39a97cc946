/*
 * fs/tty.c - /dev/console, the terminal on the serial port (Linux's
 * drivers/tty/tty_io.c, tty_ioctl.c and tty_jobctrl.c, reduced to one
 * terminal).
 *
 * Writing goes straight to console_write() (serial and VGA; the serial
 * driver turns "\n" into "\r\n", Linux's ONLCR).  Reading goes through the
 * line discipline (fs/n_tty.c): the serial interrupt moves every byte it
 * receives into it (console_receive_input), which echoes and edits, and a
 * reader sleeps on serial_rx_wait (include/nest/console.h), which the
 * interrupt wakes, until there is something to read: a whole line in
 * canonical mode, or bytes in non-canonical mode (termios, TCSETS).
 *
 * Job control, as Linux does it: the console has a foreground process
 * group (TIOCSPGRP, what tcsetpgrp() sets).  A typed ^C, ^\ or ^Z signals
 * that group (console_interrupt); a process of the console's session in
 * another group that reads the console, or changes its modes or its
 * foreground group, gets SIGTTIN or SIGTTOU (tty_check_change).  Nest has
 * no controlling terminals: the console is the controlling terminal of the
 * session of whoever first sets its foreground group (the shell's).
 *
 * Also here: console_on_rootfs(), which gives init its fds 0, 1 and 2.
 */
#include <nest/fs.h>
#include <nest/console.h>
#include <nest/sched.h>
#include <nest/signal.h>
#include <nest/pid.h>
#include <nest/wait.h>
#include <nest/spinlock.h>
#include <nest/irqflags.h>
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

static struct n_tty_data console_ldata;
static DEFINE_SPINLOCK(console_ldata_lock);

/*
 * The console's foreground process group and the session it belongs to
 * (Linux's tty->ctrl.pgrp and .session), each holding a reference; NULL
 * until the first TIOCSPGRP.  Changed with interrupts off, because the
 * serial interrupt reads console_pgrp (console_interrupt).
 */
static struct pid *console_pgrp, *console_session;

/*
 * console_interrupt - ^C (SIGINT), ^\ (SIGQUIT) or ^Z (SIGTSTP) was typed
 * on the console; n_tty has echoed it and flushed the input.  Send @sig to
 * the foreground process group, as Linux's isig() -> kill_pgrp(tty->pgrp)
 * (nothing before a group is set).  Called with the line discipline
 * locked and interrupts off, often from the serial interrupt; no sleeping.
 */
void console_interrupt(int sig)
{
	if (console_pgrp)
		kill_pgrp(console_pgrp, sig, 1);
}

/*
 * console_receive_input - feed the bytes the serial port received to the
 * line discipline.  Any context: the serial interrupt calls it for every
 * byte that arrives, readers before they look.
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

/* Can a read take something now, after taking in what has arrived? */
static bool console_input_ready(void)
{
	console_receive_input();
	return n_tty_input_available(&console_ldata);
}

/* Take up to @nr bytes (see n_tty_read()). */
static size_t console_take(char *buf, size_t nr, bool *eol)
{
	unsigned long flags;
	size_t n;

	spin_lock_irqsave(&console_ldata_lock, flags);
	n = n_tty_read(&console_ldata, buf, nr, eol);
	spin_unlock_irqrestore(&console_ldata_lock, flags);
	return n;
}

/* A snapshot of the console's modes. */
static void console_get_termios(struct termios *t)
{
	unsigned long flags;

	spin_lock_irqsave(&console_ldata_lock, flags);
	*t = console_ldata.termios;
	spin_unlock_irqrestore(&console_ldata_lock, flags);
}

/* Does current ignore or block @sig?  Then job control does not stop it. */
static bool is_ignored(int sig)
{
	return sigismember(&current->blocked, sig) ||
	       current->sighand->action[sig - 1].sa.sa_handler == SIG_IGN;
}

/*
 * tty_check_change - may current act on the console as its foreground
 * does (read it with @sig SIGTTIN; change its modes or foreground group
 * with SIGTTOU)?  Only a process of the console's session outside the
 * foreground group may not: its group is sent @sig, which stops it, and
 * the call is restarted once it continues, as Linux's __tty_check_change().
 * Returns 0; -ERESTARTSYS after sending @sig; -EIO for a read while
 * SIGTTIN is ignored or blocked (SIGTTOU ignored or blocked: 0, go ahead),
 * or when the signal could not stop current.  Linux also answers -EIO in
 * an orphaned process group; Nest does not check for that.  May be called
 * from process context only.
 */
static int tty_check_change(int sig)
{
	struct pid *pgrp = task_pgrp(current);
	unsigned long flags;
	int ret = 0;

	local_irq_save(flags);
	if (!console_pgrp || pgrp == console_pgrp ||
	    task_session(current) != console_session)
		goto out;
	if (is_ignored(sig)) {
		if (sig == SIGTTIN)
			ret = -EIO;
		goto out;
	}
	kill_pgrp(pgrp, sig, 1);
	/* A namespace init drops it: fail rather than restart for ever. */
	ret = signal_pending(current) ? -ERESTARTSYS : -EIO;
out:
	local_irq_restore(flags);
	return ret;
}

/*
 * tty_read - wait until there is input (or -EAGAIN with O_NONBLOCK,
 * -ERESTARTSYS on a signal), then copy it out: in canonical mode one line
 * at most; in non-canonical mode what has arrived, once there are VMIN
 * bytes (or @count, if less; VMIN 0 does not wait; VTIME is not
 * implemented).  Returns the bytes read, 0 for ^D on an empty line,
 * -EFAULT, or -EIO/-ERESTARTSYS from job control (tty_check_change).
 */
static ssize_t tty_read(struct file *file, struct iov_iter *to, loff_t *ppos)
{
	size_t count = iov_iter_count(to), done = 0;
	bool eol = false;
	int err;

	if (!count)
		return 0;
	err = tty_check_change(SIGTTIN);
	if (err)
		return err;
	for (;;) {
		struct termios t;

		console_receive_input();
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
		console_get_termios(&t);
		if (t.c_lflag & ICANON) {
			/*
			 * Nothing and no line end: no line yet, or a ^C
			 * flushed it after the wake-up.  Not an end of file.
			 */
			if (done || eol)
				return done;
		} else if (done >= min((size_t)t.c_cc[VMIN], count)) {
			return done;
		}
		if (file->f_flags & O_NONBLOCK)
			return done ? (ssize_t)done : -EAGAIN;
		err = wait_event_interruptible(serial_rx_wait, console_input_ready());
		if (err)
			return done ? (ssize_t)done : err;
	}
}

/*
 * tty_write - everything to the console; -EFAULT if nothing could be read.
 * Each chunk goes out with interrupts off, so the echo of what is typed
 * meanwhile comes between chunks, not inside one.
 */
static ssize_t tty_write(struct file *file, struct iov_iter *from, loff_t *ppos)
{
	size_t count = iov_iter_count(from), done = 0;

	while (done < count) {
		char kbuf[TTY_CHUNK];
		size_t want = min(count - done, sizeof(kbuf));
		size_t n = copy_from_iter(kbuf, want, from);
		unsigned long flags;

		local_irq_save(flags);
		console_write(kbuf, n);
		local_irq_restore(flags);
		done += n;
		if (n < want)
			return done ? (ssize_t)done : -EFAULT;
	}
	return done;
}

/*
 * TCSETS, TCSETSW, TCSETSF: new modes from @arg.  Output is written
 * synchronously, so there is never any to drain; TCSETSF also throws away
 * unread input.  Readers are woken: what they may read has changed.
 */
static int set_termios(unsigned int cmd, const void __user *arg)
{
	struct termios t;
	unsigned long flags;
	int err = tty_check_change(SIGTTOU);

	if (err)
		return err;
	if (copy_from_user(&t, arg, sizeof(t)))
		return -EFAULT;
	spin_lock_irqsave(&console_ldata_lock, flags);
	if (cmd == TCSETSF)
		n_tty_flush_input(&console_ldata);
	n_tty_set_termios(&console_ldata, &t);
	spin_unlock_irqrestore(&console_ldata_lock, flags);
	wake_up(&serial_rx_wait);
	return 0;
}

/* TCFLSH: throw away unread input (TCIFLUSH, TCIOFLUSH); output has none. */
static int tty_flush(unsigned long queue)
{
	unsigned long flags;
	int err = tty_check_change(SIGTTOU);

	if (err)
		return err;
	if (queue != TCIFLUSH && queue != TCOFLUSH && queue != TCIOFLUSH)
		return -EINVAL;
	if (queue != TCOFLUSH) {
		spin_lock_irqsave(&console_ldata_lock, flags);
		n_tty_flush_input(&console_ldata);
		spin_unlock_irqrestore(&console_ldata_lock, flags);
	}
	return 0;
}

/*
 * TIOCGPGRP: the foreground process group as current's namespace numbers
 * it (0 if none is set, or it cannot see it).  -ENOTTY from another
 * session than the console's, whose controlling terminal it is not.
 */
static int tiocgpgrp(int __user *p)
{
	unsigned long flags;
	int nr;

	local_irq_save(flags);
	if (console_session && task_session(current) != console_session) {
		local_irq_restore(flags);
		return -ENOTTY;
	}
	nr = pid_vnr(console_pgrp);
	local_irq_restore(flags);
	return put_user(nr, p);
}

/*
 * TIOCSPGRP: make process group *@p (a number in current's namespace) the
 * foreground one, as Linux's tiocspgrp().  The first call also makes the
 * console the controlling terminal of current's session.  Errors:
 * -ENOTTY from another session, -EFAULT, -EINVAL for a negative number,
 * -ESRCH if no such group, -EPERM if it is in another session; and job
 * control's (a background caller gets SIGTTOU unless it ignores it).
 */
static int tiocspgrp(int __user *p)
{
	struct pid *pgrp, *old_pgrp, *old_session;
	struct task_struct *leader;
	unsigned long flags;
	int nr, err;

	if (console_session && task_session(current) != console_session)
		return -ENOTTY;
	err = tty_check_change(SIGTTOU);
	if (err)
		return err == -EIO ? -ENOTTY : err;
	if (get_user(nr, p))
		return -EFAULT;
	if (nr < 0)
		return -EINVAL;
	pgrp = find_vpid(nr);
	if (!pgrp)
		return -ESRCH;
	leader = pid_task(pgrp, PIDTYPE_PGID);
	if (!leader || task_session(leader) != task_session(current))
		return -EPERM;

	local_irq_save(flags);
	old_pgrp = console_pgrp;
	old_session = console_session;
	console_pgrp = get_pid(pgrp);
	console_session = get_pid(task_session(current));
	local_irq_restore(flags);
	put_pid(old_pgrp);
	put_pid(old_session);
	return 0;
}

/*
 * tty_ioctl - the terminal's requests: TCGETS and TCSETS/TCSETSW/TCSETSF
 * (struct termios, <uapi/termbits.h>), TCFLSH, TIOCGPGRP and TIOCSPGRP,
 * TIOCGWINSZ (a serial line has no size: 0x0, as on Linux).  -EFAULT for
 * a bad pointer, -ENOTTY for anything else.
 */
static long tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	void __user *argp = (void __user *)arg;
	struct winsize ws = { 0 };
	struct termios t;

	switch (cmd) {
	case TCGETS:
		console_get_termios(&t);
		return copy_to_user(argp, &t, sizeof(t)) ? -EFAULT : 0;
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		return set_termios(cmd, argp);
	case TCFLSH:
		return tty_flush(arg);
	case TIOCGPGRP:
		return tiocgpgrp(argp);
	case TIOCSPGRP:
		return tiocspgrp(argp);
	case TIOCGWINSZ:
		return copy_to_user(argp, &ws, sizeof(ws)) ? -EFAULT : 0;
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
