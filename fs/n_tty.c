/*
 * fs/n_tty.c - the console's line discipline: Linux's n_tty, with the
 * termios flags a shell and its programs use (ICRNL, ICANON, ECHO, ISIG,
 * IEXTEN) and the control characters in c_cc.
 *
 * Bytes typed arrive through n_tty_receive_char().  In canonical mode
 * (ICANON, the default) they are echoed and collected into the line being
 * edited: Enter (CR is taken as NL, ICRNL) finishes the line; only
 * finished lines can be read, and one read() returns at most one line
 * (n_tty_read).  Editing: DEL or BS erases a character, Ctrl-W a word,
 * Ctrl-U the line.  Ctrl-D finishes the line without a newline; on an
 * empty line that reads as end of file (0).
 *
 * In non-canonical ("raw") mode every byte can be read as soon as it
 * arrives, unedited; a program that edits its own line (the shell) turns
 * ICANON and ECHO off while it reads.
 *
 * With ISIG (in either mode) Ctrl-C, Ctrl-\ and Ctrl-Z echo ^C, ^\, ^Z,
 * throw away all pending input and ask for a signal through ldata->isig.
 *
 * Pure logic on a struct n_tty_data, so tests/host/test_n_tty.c runs it
 * on the host; fs/tty.c feeds it from the serial port and locks it.
 */
#include <nest/fs.h>
#include <nest/string.h>
#include <uapi/signal.h>

/* BS: many terminals send it for the erase key, so it erases too. */
#define ALT_ERASE_CHAR	0x08

/* What a finished line ends with when it ended with ^D (Linux's). */
#define __DISABLED_CHAR	'\0'

#define N_TTY_MASK	(N_TTY_BUF_SIZE - 1)

/* The modes, named as Linux names them (include/linux/tty.h). */
#define I_ICRNL(ld)	((ld)->termios.c_iflag & ICRNL)
#define L_ICANON(ld)	((ld)->termios.c_lflag & ICANON)
#define L_ECHO(ld)	((ld)->termios.c_lflag & ECHO)
#define L_ISIG(ld)	((ld)->termios.c_lflag & ISIG)
#define L_IEXTEN(ld)	((ld)->termios.c_lflag & IEXTEN)

/*
 * The default modes: Linux's tty_std_termios.  c_iflag ICRNL|IXON,
 * c_oflag OPOST|ONLCR, c_cflag B38400|CS8|CREAD|HUPCL, c_lflag
 * ISIG|ICANON|ECHO|ECHOE|ECHOK|ECHOCTL|ECHOKE|IEXTEN, c_cc INIT_C_CC
 * (^C ^\ DEL ^U ^D, VTIME 0, VMIN 1, ^Q ^S ^Z ^R ^O ^W ^V).
 */
const struct termios tty_std_termios = {
	.c_iflag = ICRNL | IXON,
	.c_oflag = OPOST | ONLCR,
	.c_cflag = B38400 | CS8 | CREAD | HUPCL,
	.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN,
	.c_cc = "\003\034\177\025\004\0\1\0\021\023\032\0\022\017\027\026\0",
};

static inline bool line_end_at(const struct n_tty_data *ldata, size_t i)
{
	i &= N_TTY_MASK;
	return ldata->read_flags[i / BITS_PER_LONG] & (1UL << (i % BITS_PER_LONG));
}

static inline void set_line_end(struct n_tty_data *ldata, size_t i, bool on)
{
	unsigned long bit = 1UL << ((i & N_TTY_MASK) % BITS_PER_LONG);
	unsigned long *word = &ldata->read_flags[(i & N_TTY_MASK) / BITS_PER_LONG];

	if (on)
		*word |= bit;
	else
		*word &= ~bit;
}

/* Is @c the control character c_cc[@idx] (and that one not disabled)? */
static inline bool is_cc(const struct n_tty_data *ldata, unsigned char c, int idx)
{
	return ldata->termios.c_cc[idx] != _POSIX_VDISABLE && c == ldata->termios.c_cc[idx];
}

/*
 * n_tty_init - an empty line discipline in the default modes
 * (tty_std_termios) that echoes with @echo and asks for signals with
 * @isig (either may be NULL).
 */
void n_tty_init(struct n_tty_data *ldata, void (*echo)(const char *, size_t),
		void (*isig)(int sig))
{
	memset(ldata, 0, sizeof(*ldata));
	ldata->termios = tty_std_termios;
	ldata->echo = echo;
	ldata->isig = isig;
}

static void echo(struct n_tty_data *ldata, const char *s, size_t len)
{
	if (ldata->echo && L_ECHO(ldata))
		ldata->echo(s, len);
}

/* Is @c echoed as two characters, ^X (ECHOCTL)?  Tab and newline are not. */
static bool is_ctl_echo(unsigned char c)
{
	return (c < 0x20 && c != '\t' && c != '\n') || c == 0x7f;
}

/* Echo @c as typed: ^X for a control character. */
static void echo_char(struct n_tty_data *ldata, unsigned char c)
{
	char s[2] = { '^', (char)(c ^ 0100) };

	if (is_ctl_echo(c))
		echo(ldata, s, 2);
	else
		echo(ldata, (const char *)&c, 1);
}

/* Remove the last character of the edited line and rub it out on screen. */
static void erase_one(struct n_tty_data *ldata)
{
	unsigned char c = ldata->read_buf[--ldata->read_head & N_TTY_MASK];

	echo(ldata, "\b \b", 3);
	if (is_ctl_echo(c))
		echo(ldata, "\b \b", 3);	/* its ^ as well */
}

/* ERASE, WERASE, KILL: rub out a character, a word, or the whole line. */
static void eraser(struct n_tty_data *ldata, unsigned char c)
{
	bool word = is_cc(ldata, c, VWERASE), kill = is_cc(ldata, c, VKILL);
	bool seen_word = false;

	while (ldata->read_head != ldata->canon_head) {
		unsigned char last = ldata->read_buf[(ldata->read_head - 1) & N_TTY_MASK];
		bool space = last == ' ' || last == '\t';

		if (word) {
			if (space && seen_word)
				break;
			seen_word |= !space;
		}
		erase_one(ldata);
		if (!word && !kill)
			break;
	}
}

/* Append @c to the input, if there is room short of @limit bytes. */
static bool put_char(struct n_tty_data *ldata, unsigned char c, size_t limit)
{
	if (ldata->read_head - ldata->read_tail >= limit)
		return false;
	ldata->read_buf[ldata->read_head++ & N_TTY_MASK] = c;
	return true;
}

/*
 * Finish the line with @c ('\n', or __DISABLED_CHAR for ^D).  The last
 * slot of the buffer is kept for this, so a full line can still end.
 */
static void finish_line(struct n_tty_data *ldata, unsigned char c)
{
	if (!put_char(ldata, c, N_TTY_BUF_SIZE))
		return;
	set_line_end(ldata, ldata->read_head - 1, true);
	ldata->canon_head = ldata->read_head;
}

/* Throw away all input, finished lines too (Linux's n_tty_flush_buffer). */
void n_tty_flush_input(struct n_tty_data *ldata)
{
	ldata->read_head = ldata->canon_head = ldata->read_tail = 0;
	memset(ldata->read_flags, 0, sizeof(ldata->read_flags));
}

/* ISIG: ^C, ^\ or ^Z: echo it, flush the input, ask for the signal. */
static void isig(struct n_tty_data *ldata, unsigned char c, int sig)
{
	echo_char(ldata, c);
	n_tty_flush_input(ldata);
	if (ldata->isig)
		ldata->isig(sig);
}

/* A signal character, if ISIG is on and @c is one: its signal, else 0. */
static int signal_char(const struct n_tty_data *ldata, unsigned char c)
{
	if (!L_ISIG(ldata))
		return 0;
	if (is_cc(ldata, c, VINTR))
		return SIGINT;
	if (is_cc(ldata, c, VQUIT))
		return SIGQUIT;
	if (is_cc(ldata, c, VSUSP))
		return SIGTSTP;
	return 0;
}

/* Canonical mode: edit the line, or finish it. */
static void receive_canon(struct n_tty_data *ldata, unsigned char c)
{
	if (is_cc(ldata, c, VERASE) || c == ALT_ERASE_CHAR || is_cc(ldata, c, VKILL) ||
	    (is_cc(ldata, c, VWERASE) && L_IEXTEN(ldata))) {
		eraser(ldata, c);
	} else if (is_cc(ldata, c, VEOF)) {
		finish_line(ldata, __DISABLED_CHAR);	/* not echoed, as Linux */
	} else if (c == '\n') {
		echo(ldata, "\n", 1);
		finish_line(ldata, '\n');
	} else if (put_char(ldata, c, N_TTY_BUF_SIZE - 1)) {
		echo_char(ldata, c);
	}
}

/*
 * n_tty_receive_char - one byte typed at the terminal.  Signals, then
 * edits and echoes in canonical mode, or just stores (and echoes, with
 * ECHO) in non-canonical mode, as the file comment says.  Bytes past the
 * buffer's room are dropped (a line end always fits).  Any context; the
 * caller serialises calls and reads.
 */
void n_tty_receive_char(struct n_tty_data *ldata, unsigned char c)
{
	int sig;

	if (c == '\r' && I_ICRNL(ldata))
		c = '\n';
	sig = signal_char(ldata, c);
	if (sig)
		isig(ldata, c, sig);
	else if (L_ICANON(ldata))
		receive_canon(ldata, c);
	else if (put_char(ldata, c, N_TTY_BUF_SIZE))
		echo_char(ldata, c);
}

/*
 * n_tty_set_termios - take new modes from @t (TCSETS).  Turning ICANON
 * on or off regroups what is unread, as Linux's n_tty_set_termios() does:
 * into non-canonical mode, everything unread (finished lines and the
 * line being typed) becomes readable bytes; into canonical mode, what is
 * unread is "pushed" as one finished line, readable at once.
 */
void n_tty_set_termios(struct n_tty_data *ldata, const struct termios *t)
{
	tcflag_t changed = (ldata->termios.c_lflag ^ t->c_lflag) & ICANON;

	ldata->termios = *t;
	if (!changed)
		return;
	memset(ldata->read_flags, 0, sizeof(ldata->read_flags));
	if (!L_ICANON(ldata) || ldata->read_head == ldata->read_tail) {
		ldata->canon_head = ldata->read_tail;
	} else {
		set_line_end(ldata, ldata->read_head - 1, true);
		ldata->canon_head = ldata->read_head;
	}
}

/*
 * n_tty_input_available - can a read take something now: a finished line
 * (or an end of file) in canonical mode, any byte in non-canonical mode?
 */
bool n_tty_input_available(const struct n_tty_data *ldata)
{
	if (!L_ICANON(ldata))
		return ldata->read_head != ldata->read_tail;
	return ldata->canon_head != ldata->read_tail;
}

/*
 * n_tty_read - take up to @nr bytes of input into @buf.  In canonical
 * mode that is the first finished line: *@eol is set once the line's end
 * has been taken (its last byte is included unless it is an end-of-file
 * mark, so an empty line ended by ^D gives 0 bytes with *@eol set), and a
 * line longer than @nr is left partly for the next call.  In
 * non-canonical mode it is whatever has arrived, and *@eol stays false.
 * Returns the bytes copied (0 and !*@eol: nothing to read).
 */
size_t n_tty_read(struct n_tty_data *ldata, char *buf, size_t nr, bool *eol)
{
	size_t n = 0;

	*eol = false;
	if (!L_ICANON(ldata)) {
		while (n < nr && ldata->read_tail != ldata->read_head)
			buf[n++] = ldata->read_buf[ldata->read_tail++ & N_TTY_MASK];
		ldata->canon_head = ldata->read_tail;
		return n;
	}
	while (n < nr && ldata->read_tail != ldata->canon_head) {
		size_t i = ldata->read_tail++;
		unsigned char c = ldata->read_buf[i & N_TTY_MASK];

		if (line_end_at(ldata, i)) {
			set_line_end(ldata, i, false);
			*eol = true;
			if (c != __DISABLED_CHAR)
				buf[n++] = c;
			break;
		}
		buf[n++] = c;
	}
	/* An end-of-file mark right after a line that filled @nr stays for
	 * the next read, which then returns 0, as in Linux. */
	return n;
}
