/*
 * user/lib/fopen.c - opening and closing streams: fopen(), fdopen(),
 * fclose().  The streams themselves are stdio.c's.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include "stdio_impl.h"

/* The permissions fopen() asks for when it creates a file (less umask). */
#define FOPEN_MODE	0666

/*
 * Translate an fopen() mode ("r", "w", "a", each optionally with "+" and
 * "b") into open() flags and the stream's F_READ/F_WRITE.  Returns -1
 * (EINVAL) for anything else.
 */
static int parse_mode(const char *mode, int *oflags, int *fflags)
{
	int plus = mode[0] && (mode[1] == '+' || (mode[1] && mode[2] == '+'));

	switch (mode[0]) {
	case 'r':
		*oflags = plus ? O_RDWR : O_RDONLY;
		break;
	case 'w':
		*oflags = (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_TRUNC;
		break;
	case 'a':
		*oflags = (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_APPEND;
		break;
	default:
		errno = EINVAL;
		return -1;
	}
	if (plus)
		*fflags = F_READ | F_WRITE;
	else
		*fflags = mode[0] == 'r' ? F_READ : F_WRITE;
	return 0;
}

/*
 * fdopen - a fully buffered stream on the open file descriptor @fd, for
 * @mode (as fopen's).  Returns NULL with errno set (EINVAL, ENOMEM).
 */
FILE *fdopen(int fd, const char *mode)
{
	int oflags, fflags;
	FILE *f;

	if (parse_mode(mode, &oflags, &fflags))
		return NULL;
	f = calloc(1, sizeof(*f));
	if (!f)
		return NULL;
	f->buf = malloc(BUFSIZ);
	if (!f->buf) {
		free(f);
		return NULL;
	}
	f->fd = fd;
	f->flags = fflags | F_OWN_BUF | F_OWN_FILE;
	f->mode = _IOFBF;
	f->size = BUFSIZ;
	__stdio_link(f);
	return f;
}

/*
 * fopen - open @path as a stream.  @mode: "r" read, "w" write (created or
 * truncated), "a" append (created); "+" adds the other direction.
 * Returns NULL with errno set (open()'s errors, EINVAL, ENOMEM).
 */
FILE *fopen(const char *path, const char *mode)
{
	int oflags, fflags, fd;
	FILE *f;

	if (parse_mode(mode, &oflags, &fflags))
		return NULL;
	fd = open(path, oflags | O_CLOEXEC, FOPEN_MODE);
	if (fd < 0)
		return NULL;
	f = fdopen(fd, mode);
	if (!f)
		close(fd);
	return f;
}

/*
 * fclose - flush @f, close its file descriptor and free it (stdin, stdout
 * and stderr are static and only closed).  Returns 0, or EOF if the
 * flush or the close failed.
 */
int fclose(FILE *f)
{
	int ret = fflush(f);

	if (close(f->fd))
		ret = EOF;
	if (f->flags & F_OWN_BUF)
		free(f->buf);
	if (f->flags & F_OWN_FILE) {
		__stdio_unlink(f);
		free(f);
	} else {
		/* A static stream stays listed; make sure nothing is flushed to a stale fd. */
		f->wlen = f->rpos = f->rlen = 0;
		f->flags |= F_ERR;
	}
	return ret;
}
