/*
 * user/bin/sh/edit.c - reading a command line on a terminal, with editing
 * keys and a history, as a small readline.
 *
 * The terminal's own canonical mode edits a line too, but cannot recall
 * an earlier one.  So while the shell reads a line it puts the terminal in
 * non-canonical mode without echo or signals (ICANON, ECHO, ISIG and
 * IEXTEN off: every key arrives at once, as a byte) and does the editing
 * and the echoing itself; before running the line it puts back the modes
 * it found at start-up, so programs see an ordinary terminal.
 *
 *	Backspace, DEL		erase the last character
 *	^U			erase the line
 *	^W			erase the last word
 *	^C			throw the line away ($? becomes 130, as in bash)
 *	^D			on an empty line: end of input (the shell exits)
 *	Up, Down (ESC [ A/B)	the previous and next line of the history
 *	Enter (CR or LF)	run the line
 *
 * Editing happens at the end of the line only (no cursor movement), and
 * erasing writes "\b \b", so any terminal works, as with the kernel's own
 * line editing.  main.c calls edit_line() for each prompt when standard
 * input is a terminal.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include "sh.h"

#define HISTORY_MAX	100	/* lines remembered */

#define CTRL(c)		((c) & 0x1f)
#define KEY_DEL		0x7f
#define KEY_ESC		0x1b

static struct termios cooked;	/* the modes the shell found: programs run in them */
static char *history[HISTORY_MAX];
static int history_len;

/*
 * edit_init - remember the terminal's modes for programs.  Returns 1 if
 * standard input is a terminal (edit_line may be used), else 0.
 */
int edit_init(void)
{
	return tcgetattr(STDIN_FILENO, &cooked) == 0;
}

/* The modes for editing: the start-up ones without ICANON, ECHO, ISIG, IEXTEN. */
static void raw_mode(void)
{
	struct termios raw = cooked;

	raw.c_lflag &= ~(ICANON | ECHO | ISIG | IEXTEN);
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	tcsetattr(STDIN_FILENO, TCSADRAIN, &raw);
}

static void cooked_mode(void)
{
	tcsetattr(STDIN_FILENO, TCSADRAIN, &cooked);
}

static void out(const char *s, size_t n)
{
	while (n) {
		ssize_t w = write(STDOUT_FILENO, s, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		s += w;
		n -= w;
	}
}

static void outs(const char *s)
{
	out(s, strlen(s));
}

/* One byte from the terminal, or -1 at the end of input. */
static int get_key(void)
{
	unsigned char c;
	ssize_t r;

	do {
		r = read(STDIN_FILENO, &c, 1);
	} while (r < 0 && errno == EINTR);
	return r == 1 ? c : -1;
}

/* The line being edited. */
struct line {
	char *buf;
	int len, size;
};

/* Rub out the last @n characters on the screen and in @l. */
static void rub_out(struct line *l, int n)
{
	while (n-- > 0 && l->len > 0) {
		l->len--;
		outs("\b \b");
	}
}

/* ^W: rub out the blanks before the cursor, then the word before them. */
static void rub_out_word(struct line *l)
{
	int n = l->len;

	while (n > 0 && (l->buf[n - 1] == ' ' || l->buf[n - 1] == '\t'))
		n--;
	while (n > 0 && l->buf[n - 1] != ' ' && l->buf[n - 1] != '\t')
		n--;
	rub_out(l, l->len - n);
}

/* Replace the whole line with @s, on the screen too. */
static void replace_line(struct line *l, const char *s)
{
	int n = strlen(s);

	rub_out(l, l->len);
	if (n > l->size - 1)
		n = l->size - 1;
	memcpy(l->buf, s, n);
	l->len = n;
	out(l->buf, n);
}

/* Remember @s, unless it is empty or the same as the line before. */
static void history_add(const char *s)
{
	if (!*s || (history_len && !strcmp(history[history_len - 1], s)))
		return;
	if (history_len == HISTORY_MAX) {
		free(history[0]);
		memmove(history, history + 1, (HISTORY_MAX - 1) * sizeof(history[0]));
		history_len--;
	}
	history[history_len] = strdup(s);
	if (history[history_len])
		history_len++;
}

/*
 * The rest of an escape sequence after ESC: "[" or "O", parameters, and a
 * final byte, which is returned ('A' for Up, 'B' for Down); 0 for any
 * other sequence, -1 at the end of input.
 */
static int read_escape(void)
{
	int c = get_key();

	if (c != '[' && c != 'O')
		return c < 0 ? -1 : 0;
	do {
		c = get_key();
	} while (c >= 0 && !(c >= 0x40 && c <= 0x7e));
	return c;
}

/* Up or Down (@key 'A' or 'B'): show the previous or the next history line. */
static void history_move(struct line *l, int key, int *pos, char **draft)
{
	if (key == 'A' && *pos > 0) {
		if (*pos == history_len) {	/* leaving the new line: keep it */
			free(*draft);
			l->buf[l->len] = '\0';
			*draft = strdup(l->buf);
		}
		replace_line(l, history[--*pos]);
	} else if (key == 'B' && *pos < history_len) {
		++*pos;
		replace_line(l, *pos < history_len ? history[*pos] : *draft ? *draft : "");
	}
}

/*
 * edit_line - print @prompt and read one line into @buf (of @size bytes,
 * NUL-terminated, without its newline), with the keys in the file
 * comment.  Returns its length, EDIT_EOF at ^D on an empty line or the
 * end of input, EDIT_INTERRUPTED after ^C.
 */
int edit_line(const char *prompt, char *buf, int size)
{
	struct line l = { buf, 0, size };
	char *draft = NULL;		/* the new line, while the history is shown */
	int pos = history_len;		/* history[pos] is shown; history_len: the draft */
	const char *end = "\n";	/* what finishes the line on the screen */
	int ret;

	fflush(stdout);
	raw_mode();
	outs(prompt);
	for (;;) {
		int c = get_key();

		if (c == KEY_ESC) {
			c = read_escape();
			if (c > 0)
				history_move(&l, c, &pos, &draft);
			if (c >= 0)
				continue;
		}
		if (c < 0 || (c == CTRL('D') && !l.len)) {
			ret = EDIT_EOF;
			break;
		}
		if (c == '\r' || c == '\n') {
			ret = l.len;
			break;
		}
		if (c == CTRL('C')) {
			end = "^C\n";
			ret = EDIT_INTERRUPTED;
			break;
		}
		if (c == KEY_DEL || c == CTRL('H')) {
			rub_out(&l, 1);
		} else if (c == CTRL('U')) {
			rub_out(&l, l.len);
		} else if (c == CTRL('W')) {
			rub_out_word(&l);
		} else if ((c >= ' ' || c == '\t') && l.len < size - 1) {
			buf[l.len++] = c;
			out(buf + l.len - 1, 1);
		}
		/* Any other control character is ignored. */
	}
	/*
	 * The programs' modes come back before the newline goes out: what is
	 * typed once the line is seen finished is typed to them.
	 */
	cooked_mode();
	outs(end);
	buf[ret > 0 ? l.len : 0] = '\0';
	if (ret > 0)
		history_add(buf);
	free(draft);
	return ret;
}
