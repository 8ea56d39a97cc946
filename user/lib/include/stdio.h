/*
 * stdio.h - buffered streams (stdio.c, fopen.c) and formatted output
 * (printf.c).
 *
 * Buffering is the same on Nest and on Linux, so transcripts match:
 * stdout is line-buffered always (even into a pipe), stderr is unbuffered
 * (each call is one write()), and stdout is flushed before anything is
 * written to stderr, before fork(), clone(), execve() and exit(), and
 * before reading from stdin.  A program that prints and then forks never
 * prints a line twice.
 */
#ifndef _STDIO_H
#define _STDIO_H

#include <stddef.h>
#include <stdarg.h>
#include <sys/types.h>
#include <uapi/fcntl.h>		/* SEEK_SET, SEEK_CUR, SEEK_END */

#define EOF		(-1)
#define BUFSIZ		1024

/* setvbuf() modes */
#define _IOFBF		0	/* write when the buffer is full */
#define _IOLBF		1	/* write at each newline */
#define _IONBF		2	/* write at the end of each call */

typedef struct __FILE FILE;	/* opaque; see stdio_impl.h */

extern FILE *stdin;
extern FILE *stdout;
extern FILE *stderr;

int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int fprintf(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int dprintf(int fd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int sprintf(char *buf, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int vprintf(const char *fmt, va_list ap);
int vfprintf(FILE *f, const char *fmt, va_list ap);
int vdprintf(int fd, const char *fmt, va_list ap);
int vsprintf(char *buf, const char *fmt, va_list ap);
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

int fputc(int c, FILE *f);
int putc(int c, FILE *f);
int putchar(int c);
int fputs(const char *s, FILE *f);
int puts(const char *s);
size_t fwrite(const void *ptr, size_t size, size_t nmemb, FILE *f);

int fgetc(FILE *f);
int getc(FILE *f);
int getchar(void);
char *fgets(char *s, int size, FILE *f);
size_t fread(void *ptr, size_t size, size_t nmemb, FILE *f);

int fflush(FILE *f);
int setvbuf(FILE *f, char *buf, int mode, size_t size);
int feof(FILE *f);
int ferror(FILE *f);
void clearerr(FILE *f);
int fileno(FILE *f);
FILE *fopen(const char *path, const char *mode);
FILE *fdopen(int fd, const char *mode);
int fclose(FILE *f);

void perror(const char *s);

#endif /* _STDIO_H */
