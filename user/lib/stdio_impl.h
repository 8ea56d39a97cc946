/*
 * user/lib/stdio_impl.h - what a FILE is (internal to stdio.c, fopen.c and
 * fprintf.c; programs only see the opaque type).
 *
 * A stream has one buffer.  Output waits in buf[0, wlen) until a flush
 * rule fires (see stdio.h); input read ahead sits in buf[rpos, rlen).  A
 * stream used both ways switches: writing drops read-ahead, reading
 * flushes pending output first.
 */
#ifndef USER_LIB_STDIO_IMPL_H
#define USER_LIB_STDIO_IMPL_H

#include <stdio.h>

/* Bits of struct __FILE's flags. */
#define F_READ		0x01	/* opened for reading */
#define F_WRITE		0x02	/* opened for writing */
#define F_EOF		0x04	/* a read found end of file */
#define F_ERR		0x08	/* a read or write failed */
#define F_OWN_BUF	0x10	/* buf was malloc()ed by the library */
#define F_OWN_FILE	0x20	/* the FILE itself was malloc()ed (fopen) */

struct __FILE {
	int fd;
	int flags;
	int mode;		/* _IOFBF, _IOLBF or _IONBF */
	char *buf;
	size_t size;		/* bytes in buf */
	size_t wlen;		/* output waiting: buf[0, wlen) */
	size_t rpos, rlen;	/* input read ahead: buf[rpos, rlen) */
	struct __FILE *next;	/* every open stream, for fflush(NULL) */
};

/* Add @f to the list fflush(NULL) and exit() walk; remove it (stdio.c). */
void __stdio_link(FILE *f);
void __stdio_unlink(FILE *f);

/*
 * Writing to a stream happens in two steps: __stdio_put() buffers bytes
 * (writing when the buffer is full), and __stdio_end_call() applies the
 * buffering mode when a library call finishes, so one printf() of a
 * line is one write().
 */
void __stdio_put(FILE *f, const char *s, size_t n);
int __stdio_end_call(FILE *f);

#endif /* USER_LIB_STDIO_IMPL_H */
