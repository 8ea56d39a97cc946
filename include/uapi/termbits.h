/*
 * include/uapi/termbits.h - struct termios and its flags, Linux i386's
 * (asm-generic/termbits.h; the flag values are octal).  TCGETS and TCSETS
 * (<uapi/ioctls.h>) pass this 36-byte structure; the C library's
 * tcgetattr()/tcsetattr() hand it over unchanged.
 *
 * The console's line discipline (fs/n_tty.c) acts on ICRNL, ICANON, ECHO,
 * ISIG, IEXTEN and the control characters below; every other flag is
 * stored and reported back, and does nothing.
 */
#ifndef UAPI_TERMBITS_H
#define UAPI_TERMBITS_H

typedef unsigned char cc_t;
typedef unsigned int speed_t;
typedef unsigned int tcflag_t;

#define NCCS	19
struct termios {
	tcflag_t c_iflag;		/* input modes */
	tcflag_t c_oflag;		/* output modes */
	tcflag_t c_cflag;		/* control modes */
	tcflag_t c_lflag;		/* local modes */
	cc_t c_line;			/* line discipline (0, N_TTY) */
	cc_t c_cc[NCCS];		/* control characters */
};

/* c_cc: which byte does what; _POSIX_VDISABLE turns one off. */
#define VINTR		0	/* ^C: SIGINT */
#define VQUIT		1	/* ^\: SIGQUIT */
#define VERASE		2	/* DEL: erase a character */
#define VKILL		3	/* ^U: erase the line */
#define VEOF		4	/* ^D: end the line; on an empty one, end of file */
#define VTIME		5	/* non-canonical read timeout (not implemented) */
#define VMIN		6	/* non-canonical read: bytes to wait for */
#define VSWTC		7
#define VSTART		8
#define VSTOP		9
#define VSUSP		10	/* ^Z: SIGTSTP */
#define VEOL		11
#define VREPRINT	12
#define VDISCARD	13
#define VWERASE		14	/* ^W: erase a word (with IEXTEN) */
#define VLNEXT		15
#define VEOL2		16
#define _POSIX_VDISABLE	'\0'

/* c_iflag */
#define IGNBRK	0000001
#define BRKINT	0000002
#define IGNPAR	0000004
#define PARMRK	0000010
#define INPCK	0000020
#define ISTRIP	0000040
#define INLCR	0000100
#define IGNCR	0000200
#define ICRNL	0000400		/* turn a typed CR into NL */
#define IUCLC	0001000
#define IXON	0002000
#define IXANY	0004000
#define IXOFF	0010000
#define IMAXBEL	0020000
#define IUTF8	0040000

/* c_oflag */
#define OPOST	0000001
#define OLCUC	0000002
#define ONLCR	0000004		/* write NL as CR NL (the serial driver always does) */
#define OCRNL	0000010
#define ONOCR	0000020
#define ONLRET	0000040

/* c_cflag */
#define CBAUD	0010017
#define B0	0000000
#define B9600	0000015
#define B38400	0000017
#define CSIZE	0000060
#define CS8	0000060
#define CSTOPB	0000100
#define CREAD	0000200
#define PARENB	0000400
#define PARODD	0001000
#define HUPCL	0002000
#define CLOCAL	0004000

/* c_lflag */
#define ISIG	0000001		/* ^C, ^\, ^Z send signals */
#define ICANON	0000002		/* canonical mode: whole, edited lines */
#define XCASE	0000004
#define ECHO	0000010		/* echo what is typed */
#define ECHOE	0000020
#define ECHOK	0000040
#define ECHONL	0000100
#define NOFLSH	0000200
#define TOSTOP	0000400
#define ECHOCTL	0001000
#define ECHOPRT	0002000
#define ECHOKE	0004000
#define FLUSHO	0010000
#define PENDIN	0040000
#define IEXTEN	0100000		/* ^W (and, in Linux, ^V and others) */
#define EXTPROC	0200000

/* tcsetattr()'s actions: TCSETS + action is the ioctl. */
#define TCSANOW		0
#define TCSADRAIN	1
#define TCSAFLUSH	2

/* tcflush()'s queues (TCFLSH) */
#define TCIFLUSH	0
#define TCOFLUSH	1
#define TCIOFLUSH	2

/* TIOCGWINSZ's answer: rows and columns (0 on a serial line). */
struct winsize {
	unsigned short ws_row, ws_col, ws_xpixel, ws_ypixel;
};

#endif /* UAPI_TERMBITS_H */
