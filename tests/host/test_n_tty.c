/*
 * tests/host/test_n_tty.c - the console's line discipline (fs/n_tty.c)
 * on the host, under ASan and UBSan: what is echoed for what is typed,
 * and what read() then gets, for the editing keys, ^D, ^C and a full
 * buffer.
 *
 * Strict ISO C for the C library's headers: their default (BSD and
 * System V) names include a loff_t and a dev_t of other widths than the
 * kernel's.
 */
#define _ISOC11_SOURCE
#include <nest/fs.h>
#include <uapi/signal.h>
#include <string.h>
#include "tap.h"

static struct n_tty_data ld;
static char echoed[16384];
static size_t echoed_len;
static int last_sig;

static void echo(const char *s, size_t len)
{
	if (echoed_len + len < sizeof(echoed)) {
		memcpy(echoed + echoed_len, s, len);
		echoed_len += len;
		echoed[echoed_len] = '\0';
	}
}

static void isig(int sig)
{
	last_sig = sig;
}

static void reset(void)
{
	n_tty_init(&ld, echo, isig);
	echoed_len = 0;
	echoed[0] = '\0';
	last_sig = 0;
}

static void type(const char *s)
{
	while (*s)
		n_tty_receive_char(&ld, (unsigned char)*s++);
}

/* One read() of up to @nr bytes into @buf (NUL-terminated); its length. */
static long read_line(char *buf, size_t nr, bool *eol)
{
	size_t n = n_tty_read(&ld, buf, nr, eol);

	buf[n] = '\0';
	return n;
}

TAP_TEST(n_tty_line_needs_enter)
{
	char buf[64];
	bool eol;

	reset();
	type("ls -l");
	TAP_CHECK(!n_tty_input_available(&ld));
	TAP_CHECK(!strcmp(echoed, "ls -l"));
	type("\r");				/* CR is taken as NL */
	TAP_CHECK(n_tty_input_available(&ld));
	TAP_CHECK(!strcmp(echoed, "ls -l\n"));
	TAP_EQ(read_line(buf, sizeof(buf), &eol), 6);
	TAP_CHECK(eol && !strcmp(buf, "ls -l\n"));
	TAP_CHECK(!n_tty_input_available(&ld));
}

TAP_TEST(n_tty_one_line_per_read)
{
	char buf[64];
	bool eol;

	reset();
	type("one\ntwo\nthr");
	TAP_EQ(read_line(buf, sizeof(buf), &eol), 4);
	TAP_CHECK(!strcmp(buf, "one\n"));
	TAP_EQ(read_line(buf, sizeof(buf), &eol), 4);
	TAP_CHECK(!strcmp(buf, "two\n"));
	TAP_EQ(read_line(buf, sizeof(buf), &eol), 0);	/* "thr" is not finished */
	TAP_CHECK(!eol);
	/* A short read takes part of a line; the rest comes next. */
	type("ee\n");
	TAP_EQ(read_line(buf, 2, &eol), 2);
	TAP_CHECK(!eol && !strcmp(buf, "th"));
	TAP_EQ(read_line(buf, sizeof(buf), &eol), 4);
	TAP_CHECK(eol && !strcmp(buf, "ree\n"));
}

TAP_TEST(n_tty_erase_and_kill)
{
	char buf[64];
	bool eol;

	reset();
	type("helo\177lo\b\n");			/* DEL and BS both erase */
	TAP_EQ(read_line(buf, sizeof(buf), &eol), 5);
	TAP_CHECK(!strcmp(buf, "hell\n"));
	TAP_CHECK(!strcmp(echoed, "helo\b \blo\b \b\n"));
	reset();
	type("\177x");				/* erase on an empty line: nothing */
	TAP_CHECK(!strcmp(echoed, "x"));
	type("yz\025ok\n");			/* ^U kills the line */
	TAP_EQ(read_line(buf, sizeof(buf), &eol), 3);
	TAP_CHECK(!strcmp(buf, "ok\n"));
	TAP_CHECK(!strcmp(echoed, "xyz\b \b\b \b\b \bok\n"));
	reset();
	type("cat  foo bar  \027\027x\n");	/* ^W erases words */
	TAP_EQ(read_line(buf, sizeof(buf), &eol), 7);
	TAP_CHECK(!strcmp(buf, "cat  x\n"));
	reset();
	type("a\001\177\n");			/* ^A echoes as ^A and erases as two */
	TAP_CHECK(!strcmp(echoed, "a^A\b \b\b \b\n"));
	/* Erasing stops at the start of the line: finished lines stay. */
	reset();
	type("keep\n\177\177\025");
	TAP_EQ(read_line(buf, sizeof(buf), &eol), 5);
	TAP_CHECK(!strcmp(buf, "keep\n"));
}

TAP_TEST(n_tty_ctrl_d)
{
	char buf[64];
	bool eol;

	reset();
	type("\004");				/* on an empty line: end of file */
	TAP_CHECK(n_tty_input_available(&ld));
	TAP_EQ(read_line(buf, sizeof(buf), &eol), 0);
	TAP_CHECK(eol);
	TAP_CHECK(!n_tty_input_available(&ld));
	TAP_EQ(echoed_len, 0);			/* ^D is not echoed */
	type("abc\004");			/* mid-line: the line without a newline */
	TAP_EQ(read_line(buf, sizeof(buf), &eol), 3);
	TAP_CHECK(eol && !strcmp(buf, "abc"));
	TAP_CHECK(!n_tty_input_available(&ld));
	type("xyz\004");			/* a read that just fills leaves the mark */
	TAP_EQ(read_line(buf, 3, &eol), 3);
	TAP_CHECK(!eol);
	TAP_EQ(read_line(buf, sizeof(buf), &eol), 0);
	TAP_CHECK(eol);
}

TAP_TEST(n_tty_ctrl_c_flushes_and_signals)
{
	char buf[64];
	bool eol;

	reset();
	type("done\nhalf");
	type("\003");
	TAP_EQ(last_sig, SIGINT);
	TAP_CHECK(!strcmp(echoed, "done\nhalf^C"));
	TAP_CHECK(!n_tty_input_available(&ld));	/* everything flushed */
	type("new\n");
	TAP_EQ(read_line(buf, sizeof(buf), &eol), 4);
	TAP_CHECK(!strcmp(buf, "new\n"));
	type("\034");
	TAP_EQ(last_sig, SIGQUIT);
	type("\032");
	TAP_EQ(last_sig, SIGTSTP);
}

TAP_TEST(n_tty_full_buffer)
{
	char buf[N_TTY_BUF_SIZE + 8];
	bool eol;
	int i;

	reset();
	for (i = 0; i < N_TTY_BUF_SIZE + 100; i++)
		n_tty_receive_char(&ld, 'a');
	TAP_CHECK(!n_tty_input_available(&ld));
	type("\n");				/* the newline still fits */
	TAP_EQ(read_line(buf, sizeof(buf), &eol), N_TTY_BUF_SIZE);
	TAP_CHECK(eol && buf[N_TTY_BUF_SIZE - 1] == '\n');
	/* The ring wraps: lines keep working after thousands of bytes. */
	for (i = 0; i < 3000; i++) {
		type("wrap test\n");
		if (read_line(buf, sizeof(buf), &eol) != 10 || strcmp(buf, "wrap test\n"))
			break;
	}
	TAP_EQ(i, 3000);
}

int main(void)
{
	TAP_RUN(n_tty_line_needs_enter);
	TAP_RUN(n_tty_one_line_per_read);
	TAP_RUN(n_tty_erase_and_kill);
	TAP_RUN(n_tty_ctrl_d);
	TAP_RUN(n_tty_ctrl_c_flushes_and_signals);
	TAP_RUN(n_tty_full_buffer);
	return tap_done();
}
