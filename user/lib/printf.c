/*
 * user/lib/printf.c - the printf engine, __vformat(), and the string
 * printers built on it: vsnprintf(), snprintf(), vsprintf(), sprintf().
 * stdio.c builds printf(), fprintf() and dprintf() on the same engine.
 *
 * Conversions: %d %i %u %x %X %o %c %s %p %n %%.  Flags: - + space # 0.
 * Width and precision as numbers or *.  Lengths: hh h l ll z j t.  The
 * output matches glibc's, down to "(null)" and "(nil)".  No floating
 * point: Nest's kernel does not save FPU state.
 */
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "format.h"

/* Flag bits of one conversion. */
#define FL_LEFT		0x01	/* '-': pad on the right */
#define FL_PLUS		0x02	/* '+': a sign even when positive */
#define FL_SPACE	0x04	/* ' ': a space where a '+' would go */
#define FL_ALT		0x08	/* '#': 0x for %x, a leading 0 for %o */
#define FL_ZERO		0x10	/* '0': pad with zeros after the sign */

/* Length modifiers, in order of size. */
enum fmt_length { LEN_HH, LEN_H, LEN_INT, LEN_L, LEN_LL, LEN_SIZE };

/* 64 bits in octal is 22 digits. */
#define MAX_DIGITS	24

/* One conversion specification, once parsed. */
struct fmt_spec {
	int flags;
	int width;
	int precision;		/* -1: none given */
	enum fmt_length length;
};

/* Counts what went to the sink, for printf()'s return value. */
struct fmt_state {
	struct fmt_sink *sink;
	int count;
};

static void emit(struct fmt_state *st, const char *s, size_t n)
{
	if (n) {
		st->sink->write(st->sink, s, n);
		st->count += n;
	}
}

static void emit_pad(struct fmt_state *st, char c, int n)
{
	while (n-- > 0)
		emit(st, &c, 1);
}

/* Emit @body of @len bytes, padded with spaces to the spec's width. */
static void emit_padded(struct fmt_state *st, const struct fmt_spec *sp,
			const char *body, int len)
{
	if (!(sp->flags & FL_LEFT))
		emit_pad(st, ' ', sp->width - len);
	emit(st, body, len);
	if (sp->flags & FL_LEFT)
		emit_pad(st, ' ', sp->width - len);
}

/*
 * Emit an integer: @prefix (sign or "0x"), then zeros up to the
 * precision (or, with '0' and no precision, up to the width), then the
 * digits of @val in @base, all padded to the width.
 */
static void emit_integer(struct fmt_state *st, const struct fmt_spec *sp,
			 unsigned long long val, unsigned int base, int upper,
			 const char *prefix)
{
	const char *xdigits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char digits[MAX_DIGITS];
	int n = 0, zeros, plen = strlen(prefix), total;

	/* Digits, least significant first; precision 0 prints no digit for 0. */
	while (val) {
		digits[n++] = xdigits[val % base];
		val /= base;
	}
	if (n == 0 && sp->precision != 0)
		digits[n++] = '0';
	zeros = sp->precision > n ? sp->precision - n : 0;
	/* '#' with %o: the first digit printed must be a 0. */
	if ((sp->flags & FL_ALT) && base == 8 && zeros == 0 &&
	    (n == 0 || digits[n - 1] != '0'))
		zeros = 1;
	if ((sp->flags & (FL_ZERO | FL_LEFT)) == FL_ZERO && sp->precision < 0 &&
	    sp->width > plen + n)
		zeros = sp->width - plen - n;
	total = plen + zeros + n;

	if (!(sp->flags & FL_LEFT))
		emit_pad(st, ' ', sp->width - total);
	emit(st, prefix, plen);
	emit_pad(st, '0', zeros);
	while (n)
		emit(st, &digits[--n], 1);
	if (sp->flags & FL_LEFT)
		emit_pad(st, ' ', sp->width - total);
}

/* Fetch a signed argument of the spec's length, widened. */
static long long arg_signed(const struct fmt_spec *sp, va_list *ap)
{
	switch (sp->length) {
	case LEN_HH:
		return (signed char)va_arg(*ap, int);
	case LEN_H:
		return (short)va_arg(*ap, int);
	case LEN_L:
		return va_arg(*ap, long);
	case LEN_LL:
		return va_arg(*ap, long long);
	case LEN_SIZE:
		return va_arg(*ap, ptrdiff_t);
	default:
		return va_arg(*ap, int);
	}
}

/* Fetch an unsigned argument of the spec's length, widened. */
static unsigned long long arg_unsigned(const struct fmt_spec *sp, va_list *ap)
{
	switch (sp->length) {
	case LEN_HH:
		return (unsigned char)va_arg(*ap, unsigned int);
	case LEN_H:
		return (unsigned short)va_arg(*ap, unsigned int);
	case LEN_L:
		return va_arg(*ap, unsigned long);
	case LEN_LL:
		return va_arg(*ap, unsigned long long);
	case LEN_SIZE:
		return va_arg(*ap, size_t);
	default:
		return va_arg(*ap, unsigned int);
	}
}

/* %n: store the count so far through a pointer of the spec's length. */
static void store_count(const struct fmt_spec *sp, va_list *ap, int count)
{
	switch (sp->length) {
	case LEN_HH:
		*va_arg(*ap, signed char *) = count;
		break;
	case LEN_H:
		*va_arg(*ap, short *) = count;
		break;
	case LEN_LL:
		*va_arg(*ap, long long *) = count;
		break;
	default:	/* int, long, size_t and ptrdiff_t are all 32 bits */
		*va_arg(*ap, int *) = count;
		break;
	}
}

/* Parse flags, width, precision and length after a '%'; returns the conversion's position. */
static const char *parse_spec(const char *p, struct fmt_spec *sp, va_list *ap)
{
	sp->flags = 0;
	sp->width = 0;
	sp->precision = -1;
	sp->length = LEN_INT;

	for (;; p++) {
		if (*p == '-')
			sp->flags |= FL_LEFT;
		else if (*p == '+')
			sp->flags |= FL_PLUS;
		else if (*p == ' ')
			sp->flags |= FL_SPACE;
		else if (*p == '#')
			sp->flags |= FL_ALT;
		else if (*p == '0')
			sp->flags |= FL_ZERO;
		else
			break;
	}
	if (*p == '*') {
		/* A negative width from an argument means '-' and its magnitude. */
		sp->width = va_arg(*ap, int);
		if (sp->width < 0) {
			sp->flags |= FL_LEFT;
			sp->width = -sp->width;
		}
		p++;
	} else {
		while (*p >= '0' && *p <= '9')
			sp->width = sp->width * 10 + (*p++ - '0');
	}
	if (*p == '.') {
		p++;
		sp->precision = 0;
		if (*p == '*') {
			/* A negative precision from an argument means none. */
			sp->precision = va_arg(*ap, int);
			if (sp->precision < 0)
				sp->precision = -1;
			p++;
		} else {
			while (*p >= '0' && *p <= '9')
				sp->precision = sp->precision * 10 + (*p++ - '0');
		}
	}
	switch (*p) {
	case 'h':
		sp->length = p[1] == 'h' ? LEN_HH : LEN_H;
		p += p[1] == 'h' ? 2 : 1;
		break;
	case 'l':
		sp->length = p[1] == 'l' ? LEN_LL : LEN_L;
		p += p[1] == 'l' ? 2 : 1;
		break;
	case 'q':
	case 'L':
		sp->length = LEN_LL;
		p++;
		break;
	case 'z':
	case 't':
	case 'j':
		/* size_t and ptrdiff_t are 32 bits; intmax_t is 64. */
		sp->length = *p == 'j' ? LEN_LL : LEN_SIZE;
		p++;
		break;
	}
	return p;
}

/*
 * __vformat - format @fmt with the arguments in @ap into @sink.  Returns
 * the number of characters produced.  A conversion it does not know is
 * copied to the output as it was written, as glibc does.
 */
int __vformat(struct fmt_sink *sink, const char *fmt, va_list ap)
{
	struct fmt_state st = { .sink = sink, .count = 0 };
	struct fmt_spec sp;
	va_list args;

	/* Work on a copy so the helpers can take its address portably. */
	va_copy(args, ap);
	while (*fmt) {
		const char *start = fmt;
		const char *s;
		long long sval;
		char c;

		fmt += strcspn(fmt, "%");
		emit(&st, start, fmt - start);
		if (!*fmt)
			break;
		start = fmt;
		fmt = parse_spec(fmt + 1, &sp, &args);

		switch (*fmt) {
		case 'd':
		case 'i':
			sval = arg_signed(&sp, &args);
			emit_integer(&st, &sp,
				     sval < 0 ? -(unsigned long long)sval :
					       (unsigned long long)sval,
				     10, 0,
				     sval < 0 ? "-" :
				     sp.flags & FL_PLUS ? "+" :
				     sp.flags & FL_SPACE ? " " : "");
			break;
		case 'u':
			emit_integer(&st, &sp, arg_unsigned(&sp, &args), 10, 0, "");
			break;
		case 'o':
			emit_integer(&st, &sp, arg_unsigned(&sp, &args), 8, 0, "");
			break;
		case 'x':
		case 'X': {
			unsigned long long v = arg_unsigned(&sp, &args);
			const char *prefix = "";

			if ((sp.flags & FL_ALT) && v)
				prefix = *fmt == 'x' ? "0x" : "0X";
			emit_integer(&st, &sp, v, 16, *fmt == 'X', prefix);
			break;
		}
		case 'p': {
			uintptr_t v = (uintptr_t)va_arg(args, void *);

			if (!v) {
				emit_padded(&st, &sp, "(nil)", 5);
				break;
			}
			emit_integer(&st, &sp, v, 16, 0,
				     sp.flags & FL_PLUS ? "+0x" :
				     sp.flags & FL_SPACE ? " 0x" : "0x");
			break;
		}
		case 'c':
			c = (char)va_arg(args, int);
			emit_padded(&st, &sp, &c, 1);
			break;
		case 's':
			s = va_arg(args, const char *);
			/* glibc prints "(null)" unless the precision cuts it short. */
			if (!s)
				s = sp.precision < 0 || sp.precision >= 6 ? "(null)" : "";
			emit_padded(&st, &sp, s,
				    sp.precision < 0 ? strlen(s) :
				    strnlen(s, sp.precision));
			break;
		case 'n':
			store_count(&sp, &args, st.count);
			break;
		case '%':
			emit(&st, "%", 1);
			break;
		default:
			/* Unknown, or the format ended inside a specification. */
			if (!*fmt) {
				emit(&st, start, fmt - start);
				goto out;
			}
			emit(&st, start, fmt + 1 - start);
			break;
		}
		fmt++;
	}
out:
	va_end(args);
	return st.count;
}

/* A sink that fills a caller's buffer and counts what did not fit. */
struct string_sink {
	struct fmt_sink sink;
	char *buf;
	size_t size;		/* the buffer's size, the NUL included */
	size_t len;		/* characters produced so far */
};

static void string_write(struct fmt_sink *sink, const char *s, size_t n)
{
	struct string_sink *ss = (struct string_sink *)sink;

	/* Keep one byte for the NUL; count everything for the return value. */
	if (ss->size && ss->len < ss->size - 1) {
		size_t room = ss->size - 1 - ss->len;

		memcpy(ss->buf + ss->len, s, n < room ? n : room);
	}
	ss->len += n;
}

/*
 * vsnprintf - format into @buf, writing at most @size bytes including the
 * terminating NUL (nothing at all if @size is 0).  Returns the length the
 * whole output has, so a result >= @size means it was cut short.
 */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct string_sink ss = {
		.sink.write = string_write, .buf = buf, .size = size, .len = 0,
	};
	int n = __vformat(&ss.sink, fmt, ap);

	if (size)
		buf[ss.len < size ? ss.len : size - 1] = '\0';
	return n;
}

/* snprintf - vsnprintf() with the arguments inline. */
int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

/* vsprintf - vsnprintf() into a buffer the caller promises is big enough. */
int vsprintf(char *buf, const char *fmt, va_list ap)
{
	return vsnprintf(buf, INT_MAX, fmt, ap);
}

/* sprintf - vsprintf() with the arguments inline. */
int sprintf(char *buf, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsprintf(buf, fmt, ap);
	va_end(ap);
	return n;
}
