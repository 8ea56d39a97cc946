/*
 * user/lib/stdio.c - buffered streams: stdin, stdout and stderr, the
 * buffering rules (stdio.h), and the character and line functions
 * (fputc, fputs, puts, fwrite, fgetc, fgets, fread, fflush, ...).
 * Formatted output is in fprintf.c, opening and closing in fopen.c.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "libc.h"
#include "stdio_impl.h"

static char stdin_buf[BUFSIZ], stdout_buf[BUFSIZ], stderr_buf[BUFSIZ];

static struct __FILE stderr_file = {
	.fd = STDERR_FILENO, .flags = F_WRITE, .mode = _IONBF,
	.buf = stderr_buf, .size = BUFSIZ, .next = NULL,
};
static struct __FILE stdout_file = {
	.fd = STDOUT_FILENO, .flags = F_WRITE, .mode = _IOLBF,
	.buf = stdout_buf, .size = BUFSIZ, .next = &stderr_file,
};
static struct __FILE stdin_file = {
	.fd = STDIN_FILENO, .flags = F_READ, .mode = _IOLBF,
	.buf = stdin_buf, .size = BUFSIZ, .next = &stdout_file,
};

FILE *stdin = &stdin_file;
FILE *stdout = &stdout_file;
FILE *stderr = &stderr_file;

/* The head of the list of open streams; fopen() adds to it. */
static FILE *all_streams = &stdin_file;

/* __stdio_link - put @f on the list of open streams. */
void __stdio_link(FILE *f)
{
	f->next = all_streams;
	all_streams = f;
}

/* __stdio_unlink - take @f off the list of open streams. */
void __stdio_unlink(FILE *f)
{
	FILE **p;

	for (p = &all_streams; *p; p = &(*p)->next) {
		if (*p == f) {
			*p = f->next;
			return;
		}
	}
}

/* Write buf[0, n) out and keep the rest; 0 or EOF (stream marked in error). */
static int write_out(FILE *f, size_t n)
{
	size_t done = 0;

	while (done < n) {
		ssize_t r = write(f->fd, f->buf + done, n - done);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			/* Drop the output: retrying forever helps no one. */
			f->flags |= F_ERR;
			f->wlen = 0;
			return EOF;
		}
		done += r;
	}
	memmove(f->buf, f->buf + n, f->wlen - n);
	f->wlen -= n;
	return 0;
}

/*
 * fflush - write out @f's pending output; with @f NULL, every stream's.
 * Returns 0, or EOF if a write failed.
 */
int fflush(FILE *f)
{
	int ret = 0;

	if (!f) {
		for (f = all_streams; f; f = f->next) {
			if (fflush(f))
				ret = EOF;
		}
		return ret;
	}
	if (f->wlen)
		ret = write_out(f, f->wlen);
	return ret;
}

/* __stdio_flush_all - fflush(NULL), for fork(), execve() and exit(). */
void __stdio_flush_all(void)
{
	fflush(NULL);
}

/* __stdio_put - add @n bytes to @f's output, writing whenever it fills. */
void __stdio_put(FILE *f, const char *s, size_t n)
{
	/* Read-ahead is dropped: the two share one buffer. */
	f->rpos = f->rlen = 0;
	/* Whatever stdout holds was printed earlier and must come out first. */
	if (f->mode == _IONBF && f != stdout)
		fflush(stdout);
	while (n) {
		size_t room = f->size - f->wlen;
		size_t chunk = n < room ? n : room;

		memcpy(f->buf + f->wlen, s, chunk);
		f->wlen += chunk;
		s += chunk;
		n -= chunk;
		if (f->wlen == f->size && write_out(f, f->wlen))
			return;
	}
}

/*
 * __stdio_end_call - a library call that wrote to @f is finishing: apply
 * the buffering mode.  Unbuffered streams write everything; line-buffered
 * ones write up to the last newline and keep a partial line.  Returns 0,
 * or EOF if the stream is in error.
 */
int __stdio_end_call(FILE *f)
{
	size_t n = 0;

	if (f->mode == _IONBF) {
		n = f->wlen;
	} else if (f->mode == _IOLBF) {
		for (n = f->wlen; n && f->buf[n - 1] != '\n'; n--)
			;
	}
	if (n)
		write_out(f, n);
	return f->flags & F_ERR ? EOF : 0;
}

/* fwrite - write @nmemb items of @size bytes; returns the items written. */
size_t fwrite(const void *ptr, size_t size, size_t nmemb, FILE *f)
{
	if (!size || !nmemb)
		return 0;
	__stdio_put(f, ptr, size * nmemb);
	return __stdio_end_call(f) ? 0 : nmemb;
}

/* fputc - write the byte @c; returns it as an unsigned char, or EOF. */
int fputc(int c, FILE *f)
{
	char ch = (char)c;

	__stdio_put(f, &ch, 1);
	return __stdio_end_call(f) ? EOF : (unsigned char)ch;
}

/* putc - fputc(). */
int putc(int c, FILE *f)
{
	return fputc(c, f);
}

/* putchar - fputc(@c, stdout). */
int putchar(int c)
{
	return fputc(c, stdout);
}

/* fputs - write @s without its NUL; returns 0, or EOF on error. */
int fputs(const char *s, FILE *f)
{
	__stdio_put(f, s, strlen(s));
	return __stdio_end_call(f);
}

/* puts - write @s and a newline to stdout; returns 0, or EOF on error. */
int puts(const char *s)
{
	__stdio_put(stdout, s, strlen(s));
	__stdio_put(stdout, "\n", 1);
	return __stdio_end_call(stdout);
}

/*
 * Refill @f's buffer with one read().  Before blocking on input, write
 * out stdout, so a prompt is on the screen.  Returns the bytes read, 0 at
 * end of file, -1 on error (the stream is marked).
 */
static ssize_t fill(FILE *f)
{
	ssize_t r;

	fflush(stdout);
	if (f->wlen)
		fflush(f);
	do {
		r = read(f->fd, f->buf, f->size);
	} while (r < 0 && errno == EINTR);
	f->rpos = 0;
	f->rlen = r > 0 ? r : 0;
	if (r == 0)
		f->flags |= F_EOF;
	else if (r < 0)
		f->flags |= F_ERR;
	return r;
}

/* fgetc - the next byte of @f as an unsigned char, or EOF. */
int fgetc(FILE *f)
{
	if (f->rpos == f->rlen && fill(f) <= 0)
		return EOF;
	return (unsigned char)f->buf[f->rpos++];
}

/* getc - fgetc(). */
int getc(FILE *f)
{
	return fgetc(f);
}

/* getchar - fgetc(stdin). */
int getchar(void)
{
	return fgetc(stdin);
}

/*
 * fgets - read a line, with its newline, into @s: at most @size - 1
 * bytes, then a NUL.  Returns @s, or NULL if end of file or an error came
 * before any byte.
 */
char *fgets(char *s, int size, FILE *f)
{
	int n = 0, c;

	if (size <= 0)
		return NULL;
	while (n < size - 1) {
		c = fgetc(f);
		if (c == EOF)
			break;
		s[n++] = (char)c;
		if (c == '\n')
			break;
	}
	if (n == 0)
		return NULL;
	s[n] = '\0';
	return s;
}

/* fread - read up to @nmemb items of @size bytes; returns whole items read. */
size_t fread(void *ptr, size_t size, size_t nmemb, FILE *f)
{
	char *p = ptr;
	size_t want = size * nmemb, got = 0;

	if (!want)
		return 0;
	while (got < want) {
		size_t chunk;

		if (f->rpos == f->rlen && fill(f) <= 0)
			break;
		chunk = f->rlen - f->rpos;
		if (chunk > want - got)
			chunk = want - got;
		memcpy(p + got, f->buf + f->rpos, chunk);
		f->rpos += chunk;
		got += chunk;
	}
	return got / size;
}

/*
 * setvbuf - choose @f's buffering @mode (_IOFBF, _IOLBF, _IONBF) and,
 * if @buf is not NULL, use its @size bytes as the buffer.  Call it before
 * any other use of @f.  Returns 0, or -1 (EINVAL) for a bad mode.
 */
int setvbuf(FILE *f, char *buf, int mode, size_t size)
{
	if (mode != _IOFBF && mode != _IOLBF && mode != _IONBF) {
		errno = EINVAL;
		return -1;
	}
	fflush(f);
	f->mode = mode;
	if (buf && size) {
		if (f->flags & F_OWN_BUF)
			free(f->buf);
		f->flags &= ~F_OWN_BUF;
		f->buf = buf;
		f->size = size;
	}
	return 0;
}

/* feof - nonzero once a read of @f has hit end of file. */
int feof(FILE *f)
{
	return f->flags & F_EOF;
}

/* ferror - nonzero once a read or write of @f has failed. */
int ferror(FILE *f)
{
	return f->flags & F_ERR;
}

/* clearerr - forget @f's end-of-file and error marks. */
void clearerr(FILE *f)
{
	f->flags &= ~(F_EOF | F_ERR);
}

/* fileno - the file descriptor under @f. */
int fileno(FILE *f)
{
	return f->fd;
}
