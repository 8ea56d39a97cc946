/*
 * fs/n_tty.c - the console's line discipline: Linux's n_tty in canonical
 * ("cooked") mode with its default settings (ICRNL, ECHO, ECHOE, ECHOK,
 * ECHOCTL, ISIG, IEXTEN), as a shell user expects of a terminal.
 *
 * Bytes typed arrive through n_tty_receive_char(); they are echoed and
 * collected into the line being edited.  Enter (CR is taken as NL)
 * finishes the line; only finished lines can be read, and one read()
 * returns at most one line (n_tty_read).  Editing: DEL or BS erases a
 * character, Ctrl-W a word, Ctrl-U the line.  Ctrl-D finishes the line
 * without a newline; on an empty line that reads as end of file (0).
 * Ctrl-C, Ctrl-\ and Ctrl-Z echo ^C, ^\, ^Z, throw away all pending input
 * and ask for a signal through ldata->isig.
 *
 * Pure logic on a struct n_tty_data, so tests/host/test_n_tty.c runs it
 * on the host; fs/tty.c feeds it from the serial port and locks it.
 */
#include <nest/fs.h>
#include <nest/string.h>
#include <uapi/signal.h>

/* The control characters of Linux's INIT_C_CC (drivers/tty/tty_io.c). */
#define INTR_CHAR	0x03	/* ^C */
#define EOF_CHAR	0x04	/* ^D */
#define ERASE_CHAR	0x7f	/* DEL */
#define ALT_ERASE_CHAR	0x08	/* BS: many terminals send it for the erase key */
#define KILL_CHAR	0x15	/* ^U */
#define WERASE_CHAR	0x17	/* ^W */
#define SUSP_CHAR	0x1a	/* ^Z */
#define QUIT_CHAR	0x1c	/* ^\ */

/* What a finished line ends with when it ended with ^D (Linux's). */
#define __DISABLED_CHAR	'\0'

#define N_TTY_MASK	(N_TTY_BUF_SIZE - 1)

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

/*
 * n_tty_init - an empty line discipline that echoes with @echo and asks
 * for signals with @isig (either may be NULL).
 */
void n_tty_init(struct n_tty_data *ldata, void (*echo)(const char *, size_t),
		void (*isig)(int sig))
{
	memset(ldata, 0, sizeof(*ldata));
	ldata->echo = echo;
	ldata->isig = isig;
}

static void echo(struct n_tty_data *ldata, const char *s, size_t len)
{
	if (ldata->echo)
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
	bool seen_word = false;

	while (ldata->read_head != ldata->canon_head) {
		unsigned char last = ldata->read_buf[(ldata->read_head - 1) & N_TTY_MASK];
		bool space = last == ' ' || last == '\t';

		if (c == WERASE_CHAR) {
			if (space && seen_word)
				break;
			seen_word |= !space;
		}
		erase_one(ldata);
		if (c == ERASE_CHAR || c == ALT_ERASE_CHAR)
			break;
	}
}

/* Append @c to the line being edited, if there is room. */
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
static void flush_input(struct n_tty_data *ldata)
{
	ldata->read_head = ldata->canon_head = ldata->read_tail = 0;
	memset(ldata->read_flags, 0, sizeof(ldata->read_flags));
}

/* ISIG: ^C, ^\ or ^Z: echo it, flush the input, ask for the signal. */
static void isig(struct n_tty_data *ldata, unsigned char c, int sig)
{
	echo_char(ldata, c);
	flush_input(ldata);
	if (ldata->isig)
		ldata->isig(sig);
}

/*
 * n_tty_receive_char - one byte typed at the terminal.  Edits, echoes,
 * finishes lines, signals, as the file comment says.  Bytes past the
 * buffer's room are dropped (the line end always fits).  Any context;
 * the caller serialises calls and reads.
 */
void n_tty_receive_char(struct n_tty_data *ldata, unsigned char c)
{
	if (c == '\r')
		c = '\n';		/* ICRNL */
	switch (c) {
	case INTR_CHAR:
		isig(ldata, c, SIGINT);
		break;
	case QUIT_CHAR:
		isig(ldata, c, SIGQUIT);
		break;
	case SUSP_CHAR:
		isig(ldata, c, SIGTSTP);
		break;
	case ERASE_CHAR:
	case ALT_ERASE_CHAR:
	case WERASE_CHAR:
	case KILL_CHAR:
		eraser(ldata, c);
		break;
	case EOF_CHAR:
		finish_line(ldata, __DISABLED_CHAR);	/* not echoed, as Linux */
		break;
	case '\n':
		echo(ldata, "\n", 1);
		finish_line(ldata, '\n');
		break;
	default:
		if (put_char(ldata, c, N_TTY_BUF_SIZE - 1))
			echo_char(ldata, c);
		break;
	}
}

/* n_tty_input_available - is a finished line (or an end of file) waiting? */
bool n_tty_input_available(const struct n_tty_data *ldata)
{
	return ldata->canon_head != ldata->read_tail;
}

/*
 * n_tty_read - take up to @nr bytes of the first finished line into @buf.
 * Sets *@eol once the line's end has been taken: its '\n' is included, an
 * end-of-file mark is not, so an empty line ended by ^D gives 0 bytes with
 * *@eol set.  A line longer than @nr is left partly for the next call.
 * Returns the bytes copied (0 and !*@eol: no finished line).
 */
size_t n_tty_read(struct n_tty_data *ldata, char *buf, size_t nr, bool *eol)
{
	size_t n = 0;

	*eol = false;
	while (n < nr && ldata->read_tail != ldata->canon_head) {
		size_t i = ldata->read_tail++;
		unsigned char c = ldata->read_buf[i & N_TTY_MASK];

		if (line_end_at(ldata, i)) {
			set_line_end(ldata, i, false);
			*eol = true;
			if (c == '\n')
				buf[n++] = c;
			break;
		}
		buf[n++] = c;
	}
	/* An end-of-file mark right after a line that filled @nr stays for
	 * the next read, which then returns 0, as in Linux. */
	return n;
}
