/*
 * kernel/vsprintf.c - formatted output for printk() and snprintf().
 *
 * Supports the C conversions the kernel uses (%d %i %u %x %X %o %c %s %p %%)
 * with flags (- 0 + space #), width, precision (also as *) and the length
 * modifiers hh h l ll z.  Like Linux it adds %pS: the argument is a code
 * address, printed as "function+0xoff/0xsize" from kernel/kallsyms.c.
 * Output is truncated at @size but the full length is returned, as in C.
 */
#include <nest/string.h>
#include <nest/kallsyms.h>
#include <nest/math64.h>

#define FLAG_LEFT	0x01
#define FLAG_ZERO	0x02
#define FLAG_PLUS	0x04
#define FLAG_SPACE	0x08
#define FLAG_ALT	0x10
#define FLAG_UPPER	0x20

struct out {
	char *buf;
	size_t size, len;	/* len counts what would have been written */
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void put_padded(struct out *o, const char *s, size_t n, int width, int flags)
{
	int pad = width > (int)n ? width - (int)n : 0;

	if (!(flags & FLAG_LEFT))
		while (pad-- > 0)
			put(o, ' ');
	while (n--)
		put(o, *s++);
	while (pad-- > 0)
		put(o, ' ');
}

static void put_number(struct out *o, unsigned long long num, bool negative,
		       unsigned int base, int width, int precision, int flags)
{
	const char *digits = flags & FLAG_UPPER ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24], sign = 0;
	const char *prefix = "";
	int n = 0, zeros, pad;

	if (negative)
		sign = '-';
	else if (flags & FLAG_PLUS)
		sign = '+';
	else if (flags & FLAG_SPACE)
		sign = ' ';
	if ((flags & FLAG_ALT) && base == 16 && num)
		prefix = flags & FLAG_UPPER ? "0X" : "0x";
	do {
		u32 digit;

		num = div_u64_rem(num, base, &digit);
		tmp[n++] = digits[digit];
	} while (num);
	if (precision == 0 && n == 1 && tmp[0] == '0')
		n = 0;
	zeros = precision > n ? precision - n : 0;
	pad = width - n - zeros - (sign ? 1 : 0) - (int)strlen(prefix);
	/* The 0 flag pads with zeros after the sign, unless a precision is given. */
	if ((flags & FLAG_ZERO) && !(flags & FLAG_LEFT) && precision < 0 && pad > 0) {
		zeros += pad;
		pad = 0;
	}
	if (!(flags & FLAG_LEFT))
		while (pad-- > 0)
			put(o, ' ');
	if (sign)
		put(o, sign);
	while (*prefix)
		put(o, *prefix++);
	while (zeros-- > 0)
		put(o, '0');
	while (n > 0)
		put(o, tmp[--n]);
	while (pad-- > 0)
		put(o, ' ');
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct out o = { .buf = buf, .size = size, .len = 0 };

	for (; *fmt; fmt++) {
		int flags = 0, width = -1, precision = -1, lmod = 0;
		unsigned long long num;
		bool negative = false;
		unsigned int base = 10;

		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}
		/* Flags. */
		for (;;) {
			char c = *++fmt;

			if (c == '-')
				flags |= FLAG_LEFT;
			else if (c == '0')
				flags |= FLAG_ZERO;
			else if (c == '+')
				flags |= FLAG_PLUS;
			else if (c == ' ')
				flags |= FLAG_SPACE;
			else if (c == '#')
				flags |= FLAG_ALT;
			else
				break;
		}
		/* Width and precision. */
		if (*fmt == '*') {
			width = va_arg(args, int);
			if (width < 0) {
				flags |= FLAG_LEFT;
				width = -width;
			}
			fmt++;
		} else {
			for (width = 0; *fmt >= '0' && *fmt <= '9'; fmt++)
				width = width * 10 + (*fmt - '0');
		}
		if (*fmt == '.') {
			fmt++;
			if (*fmt == '*') {
				precision = va_arg(args, int);
				fmt++;
			} else {
				for (precision = 0; *fmt >= '0' && *fmt <= '9'; fmt++)
					precision = precision * 10 + (*fmt - '0');
			}
		}
		/* Length: lmod counts 'l's (2 = long long); 'h' is read and ignored. */
		while (*fmt == 'l' || *fmt == 'h' || *fmt == 'z') {
			if (*fmt == 'l')
				lmod++;
			else if (*fmt == 'z')
				lmod = 1;	/* size_t is long-sized */
			fmt++;
		}

		switch (*fmt) {
		case 'c': {
			char c = (char)va_arg(args, int);

			put_padded(&o, &c, 1, width, flags);
			continue;
		}
		case 's': {
			const char *s = va_arg(args, const char *);

			if (!s)
				s = "(null)";
			put_padded(&o, s, precision >= 0 ? strnlen(s, precision) : strlen(s),
				   width, flags);
			continue;
		}
		case 'p': {
			void *p = va_arg(args, void *);

			if (fmt[1] == 'S' || fmt[1] == 's') {
				char sym[KSYM_SYMBOL_LEN];

				fmt++;
				sprint_symbol(sym, sizeof(sym), (unsigned long)p);
				put_padded(&o, sym, strlen(sym), width, flags);
			} else {
				put_number(&o, (unsigned long)p, false, 16, 8, -1,
					   FLAG_ZERO);
			}
			continue;
		}
		case '%':
			put(&o, '%');
			continue;
		case 'd':
		case 'i': {
			long long v = lmod >= 2 ? va_arg(args, long long) :
				      lmod == 1 ? va_arg(args, long) : va_arg(args, int);

			negative = v < 0;
			num = negative ? -(unsigned long long)v : (unsigned long long)v;
			break;
		}
		case 'X':
			flags |= FLAG_UPPER;
			/* fall through */
		case 'x':
			base = 16;
			goto unsigned_num;
		case 'o':
			base = 8;
			/* fall through */
		case 'u':
unsigned_num:
			num = lmod >= 2 ? va_arg(args, unsigned long long) :
			      lmod == 1 ? va_arg(args, unsigned long) :
			      va_arg(args, unsigned int);
			break;
		default:
			/* Unknown conversion: print it as is, so the mistake shows. */
			put(&o, '%');
			if (*fmt)
				put(&o, *fmt);
			else
				fmt--;
			continue;
		}
		put_number(&o, num, negative, base, width, precision, flags);
	}
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int r;

	va_start(args, fmt);
	r = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return r;
}
