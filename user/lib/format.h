/*
 * user/lib/format.h - the printf engine's interface (internal).  printf.c
 * formats; where the characters go is a "sink": a string for snprintf()
 * (printf.c), a FILE for fprintf() (stdio.c).
 */
#ifndef USER_LIB_FORMAT_H
#define USER_LIB_FORMAT_H

#include <stdarg.h>
#include <stddef.h>

struct fmt_sink {
	/* Take @n characters at @s. */
	void (*write)(struct fmt_sink *sink, const char *s, size_t n);
};

int __vformat(struct fmt_sink *sink, const char *fmt, va_list ap);

#endif /* USER_LIB_FORMAT_H */
