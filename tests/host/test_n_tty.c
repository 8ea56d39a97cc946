/*
 * tests/host/test_n_tty.c - the console's line discipline (fs/n_tty.c)
 * on the host, under ASan and UBSan: what is echoed for what is typed,
 * and what read() then gets, for the editing keys, ^D, ^C and a full
 * buffer; then the termios modes: non-canonical input, ECHO, ISIG and
 * ICRNL turned off, other control characters, and switching between
 * canonical and non-canonical mode with input pending.
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

/* Change the modes: clear @clear and set @set in c_lflag. */
static void set_lflag(tcflag_t clear, tcflag_t set)
{
	struct termios t = ld.termios;

	t.c_lflag = (t.c_lflag & ~clear) | set;
	n_tty_set_termios(&ld, &t);
}

TAP_TEST(n_tty_defaults_are_linux)
{
	reset();
	TAP_EQ(ld.termios.c_iflag, 02400);	/* ICRNL IXON */
	TAP_EQ(ld.termios.c_oflag, 05);		/* OPOST ONLCR */
	TAP_EQ(ld.termios.c_cflag, 02277);	/* B38400 CS8 CREAD HUPCL */
	TAP_EQ(ld.termios.c_lflag, 0105073);	/* stty sane's local modes */
	TAP_EQ(ld.termios.c_cc[VINTR], 003);
	TAP_EQ(ld.termios.c_cc[VERASE], 0177);
	TAP_EQ(ld.termios.c_cc[VMIN], 1);
	TAP_EQ(sizeof(struct termios), 36);	/* Linux i386's */
}

TAP_TEST(n_tty_raw_bytes_come_at_once)
{
	char buf[64];
	bool eol;

	reset();
	set_lflag(ICANON | ECHO | ISIG, 0);
	TAP_CHECK(!n_tty_input_available(&ld));
	type("a");
	TAP_CHECK(n_tty_input_available(&ld));	/* no Enter needed */
	TAP_EQ(read_line(buf, sizeof(buf), &eol), 1);
	TAP_CHECK(!eol && !strcmp(buf, "a"));
	/* Editing, signal and end-of-file keys are bytes like any other. */
	type("x\177\025\027\004\003\032\033[A\r");
	TAP_EQ(read_line(buf, sizeof(buf), &eol), 11);
	TAP_CHECK(!strcmp(buf, "x\177\025\027\004\003\032\033[A\n"));	/* ICRNL still */
	TAP_EQ(last_sig, 0);
	TAP_EQ(echoed_len, 0);			/* ECHO off: the reader shows it */
	/* A short read leaves the rest. */
	type("hello");
	TAP_EQ(read_line(buf, 2, &eol), 2);
	TAP_CHECK(!strcmp(buf, "he"));
	TAP_EQ(read_line(buf, sizeof(buf), &eol), 3);
	TAP_CHECK(!strcmp(buf, "llo"));
	TAP_CHECK(!n_tty_input_available(&ld));
}

TAP_TEST(n_tty_raw_with_echo_and_isig)
{
	char buf[64];
	bool eol;

	reset();
	set_lflag(ICANON, 0);			/* ECHO and ISIG stay on */
	type("ab\001\177");
	TAP_CHECK(!strcmp(echoed, "ab^A^?"));	/* echoed as typed, not edited */
	type("\003");				/* ^C still signals and flushes */
	TAP_EQ(last_sig, SIGINT);
	TAP_CHECK(!n_tty_input_available(&ld));
	type("z");
	TAP_EQ(read_line(buf, sizeof(buf), &eol), 1);
	TAP_CHECK(!strcmp(buf, "z"));
}

TAP_TEST(n_tty_canonical_without_echo)
{
	char buf[64];
	bool eol;

	reset();
	set_lflag(ECHO, 0);			/* a password prompt */
	type("secrex\177t\n");
	TAP_EQ(echoed_len, 0);
	TAP_EQ(read_line(buf, sizeof(buf), &eol), 7);
	TAP_CHECK(eol && !strcmp(buf, "secret\n"));	/* still edited */
	type("\003");
	TAP_EQ(last_sig, SIGINT);
	TAP_EQ(echoed_len, 0);			/* not even ^C */
}

TAP_TEST(n_tty_no_isig_no_icrnl)
{
	struct termios t;
	char buf[64];
	bool eol;

	reset();
	set_lflag(ISIG, 0);
	type("a\003b\n");			/* ^C is an ordinary character */
	TAP_EQ(last_sig, 0);
	TAP_CHECK(!strcmp(echoed, "a^Cb\n"));
	TAP_EQ(read_line(buf, sizeof(buf), &eol), 4);
	TAP_CHECK(!strcmp(buf, "a\003b\n"));
	/* Without ICRNL a CR does not end a canonical line. */
	t = ld.termios;
	t.c_iflag &= ~ICRNL;
	n_tty_set_termios(&ld, &t);
	type("cr\r");
	TAP_CHECK(!n_tty_input_available(&ld));
	type("\n");
	TAP_EQ(read_line(buf, sizeof(buf), &eol), 4);
	TAP_CHECK(!strcmp(buf, "cr\r\n"));
}

TAP_TEST(n_tty_control_chars_from_c_cc)
{
	struct termios t;
	char buf[64];
	bool eol;

	reset();
	t = ld.termios;
	t.c_cc[VINTR] = 'q';			/* any byte can be made the interrupt */
	t.c_cc[VSUSP] = _POSIX_VDISABLE;	/* and a key can be turned off */
	t.c_cc[VKILL] = '@';
	n_tty_set_termios(&ld, &t);
	type("ab\032@cd\n");
	TAP_EQ(last_sig, 0);
	TAP_EQ(read_line(buf, sizeof(buf), &eol), 3);
	TAP_CHECK(!strcmp(buf, "cd\n"));
	type("xq");
	TAP_EQ(last_sig, SIGINT);
	TAP_CHECK(!n_tty_input_available(&ld));
	/* ^W only with IEXTEN. */
	set_lflag(IEXTEN, 0);
	type("one two\027\n");
	TAP_EQ(read_line(buf, sizeof(buf), &eol), 9);
	TAP_CHECK(!strcmp(buf, "one two\027\n"));
}

TAP_TEST(n_tty_mode_switch_regroups_input)
{
	char buf[64];
	bool eol;

	reset();
	type("done\nhalf");			/* a finished line and a partial one */
	set_lflag(ICANON, 0);
	TAP_CHECK(n_tty_input_available(&ld));	/* all of it is bytes now */
	TAP_EQ(read_line(buf, sizeof(buf), &eol), 9);
	TAP_CHECK(!eol && !strcmp(buf, "done\nhalf"));
	/* Into canonical mode, what is unread is pushed as one line. */
	type("ty");
	set_lflag(0, ICANON);
	TAP_CHECK(n_tty_input_available(&ld));
	type("\177\177\177new\n");		/* erasing stops at the pushed line */
	TAP_EQ(read_line(buf, sizeof(buf), &eol), 2);
	TAP_CHECK(eol && !strcmp(buf, "ty"));
	TAP_EQ(read_line(buf, sizeof(buf), &eol), 4);
	TAP_CHECK(eol && !strcmp(buf, "new\n"));
	/* Nothing pending: nothing to push. */
	set_lflag(ICANON, 0);
	set_lflag(0, ICANON);
	TAP_CHECK(!n_tty_input_available(&ld));
	/* A switch that leaves ICANON alone changes nothing pending. */
	type("keep");
	set_lflag(ECHO, 0);
	TAP_CHECK(!n_tty_input_available(&ld));
	type("\n");
	TAP_EQ(read_line(buf, sizeof(buf), &eol), 5);
	TAP_CHECK(!strcmp(buf, "keep\n"));
}

TAP_TEST(n_tty_flush_input_empties)
{
	reset();
	type("line\npartial");
	n_tty_flush_input(&ld);
	TAP_CHECK(!n_tty_input_available(&ld));
	set_lflag(ICANON, 0);
	TAP_CHECK(!n_tty_input_available(&ld));
}

int main(void)
{
	TAP_RUN(n_tty_line_needs_enter);
	TAP_RUN(n_tty_one_line_per_read);
	TAP_RUN(n_tty_erase_and_kill);
	TAP_RUN(n_tty_ctrl_d);
	TAP_RUN(n_tty_ctrl_c_flushes_and_signals);
	TAP_RUN(n_tty_full_buffer);
	TAP_RUN(n_tty_defaults_are_linux);
	TAP_RUN(n_tty_raw_bytes_come_at_once);
	TAP_RUN(n_tty_raw_with_echo_and_isig);
	TAP_RUN(n_tty_canonical_without_echo);
	TAP_RUN(n_tty_no_isig_no_icrnl);
	TAP_RUN(n_tty_control_chars_from_c_cc);
	TAP_RUN(n_tty_mode_switch_regroups_input);
	TAP_RUN(n_tty_flush_input_empties);
	return tap_done();
}
