/*
 * user/lib/fprintf.c - formatted output to streams and file descriptors:
 * printf(), fprintf(), vfprintf(), vprintf(), dprintf(), vdprintf(), and
 * perror().  The formatting is printf.c's; the buffering is stdio.c's.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include "format.h"
#include "stdio_impl.h"

/* A sink that feeds a stream. */
struct file_sink {
	struct fmt_sink sink;
	FILE *f;
};

static void file_write(struct fmt_sink *sink, const char *s, size_t n)
{
	__stdio_put(((struct file_sink *)sink)->f, s, n);
}

/*
 * vfprintf - format into stream @f.  Returns the number of characters,
 * or -1 if writing failed.
 */
int vfprintf(FILE *f, const char *fmt, va_list ap)
{
	struct file_sink fs = { .sink.write = file_write, .f = f };
	int n = __vformat(&fs.sink, fmt, ap);

	return __stdio_end_call(f) ? -1 : n;
}

/* fprintf - vfprintf() with the arguments inline. */
int fprintf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfprintf(f, fmt, ap);
	va_end(ap);
	return n;
}

/* vprintf - vfprintf() to stdout. */
int vprintf(const char *fmt, va_list ap)
{
	return vfprintf(stdout, fmt, ap);
}

/* printf - vfprintf() to stdout, with the arguments inline. */
int printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfprintf(stdout, fmt, ap);
	va_end(ap);
	return n;
}

/* A sink that gathers output for a file descriptor in a small buffer. */
#define FD_SINK_BUF	256

struct fd_sink {
	struct fmt_sink sink;
	int fd;
	int error;
	size_t len;
	char buf[FD_SINK_BUF];
};

static void fd_sink_flush(struct fd_sink *fs)
{
	size_t done = 0;

	while (done < fs->len && !fs->error) {
		ssize_t r = write(fs->fd, fs->buf + done, fs->len - done);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			fs->error = 1;
		else
			done += r;
	}
	fs->len = 0;
}

static void fd_write(struct fmt_sink *sink, const char *s, size_t n)
{
	struct fd_sink *fs = (struct fd_sink *)sink;

	while (n) {
		size_t chunk = sizeof(fs->buf) - fs->len;

		if (chunk > n)
			chunk = n;
		memcpy(fs->buf + fs->len, s, chunk);
		fs->len += chunk;
		s += chunk;
		n -= chunk;
		if (fs->len == sizeof(fs->buf))
			fd_sink_flush(fs);
	}
}

/*
 * vdprintf - format straight to file descriptor @fd, with no stream in
 * between: one write() for output that fits in FD_SINK_BUF bytes.  stdout
 * is flushed first so the output keeps program order.  Returns the number
 * of characters, or -1 if writing failed.
 */
int vdprintf(int fd, const char *fmt, va_list ap)
{
	struct fd_sink fs = { .sink.write = fd_write, .fd = fd };
	int n;

	fflush(stdout);
	n = __vformat(&fs.sink, fmt, ap);
	fd_sink_flush(&fs);
	return fs.error ? -1 : n;
}

/* dprintf - vdprintf() with the arguments inline. */
int dprintf(int fd, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vdprintf(fd, fmt, ap);
	va_end(ap);
	return n;
}

/*
 * perror - print "@s: <message for errno>" on stderr (just the message if
 * @s is NULL or empty), as one write.
 */
void perror(const char *s)
{
	const char *msg = strerror(errno);

	if (s && *s)
		fprintf(stderr, "%s: %s\n", s, msg);
	else
		fprintf(stderr, "%s\n", msg);
}
