/*
 * user/lib/strtol.c - numbers from text: strtol() and friends, atoi().
 * One parser, strtox(), does the work; the others clamp its result to
 * their type's range and set ERANGE as the C standard says.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>

/* The value of a digit in any base up to 36, or 36 if @c is no digit. */
static int digit_value(int c)
{
	if (isdigit(c))
		return c - '0';
	if (islower(c))
		return c - 'a' + 10;
	if (isupper(c))
		return c - 'A' + 10;
	return 36;
}

/*
 * strtox - parse [space][+|-][0x|0]digits in @base (0: from the prefix).
 * Sets *@neg for a minus sign, *@end (if not NULL) past the last digit or
 * to @s if there were none, and *@overflow if the magnitude does not fit
 * in 64 bits.  Returns the magnitude.
 */
static unsigned long long strtox(const char *s, char **end, int base,
				 int *neg, int *overflow)
{
	const char *p = s;
	unsigned long long val = 0;
	int any = 0;

	*neg = 0;
	*overflow = 0;
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '+' || *p == '-')
		*neg = *p++ == '-';
	/* "0x" is a prefix only if a hex digit follows; else it is the 0. */
	if ((base == 0 || base == 16) && p[0] == '0' &&
	    (p[1] == 'x' || p[1] == 'X') && digit_value(p[2]) < 16) {
		p += 2;
		base = 16;
	} else if (base == 0) {
		base = *p == '0' ? 8 : 10;
	}
	if (base < 2 || base > 36) {
		errno = EINVAL;
		p = s;
		goto out;
	}
	for (; digit_value((unsigned char)*p) < base; p++) {
		unsigned int d = digit_value((unsigned char)*p);

		if (val > (ULLONG_MAX - d) / base)
			*overflow = 1;
		val = val * base + d;
		any = 1;
	}
	if (!any)
		p = s;
out:
	if (end)
		*end = (char *)p;
	return val;
}

/*
 * strtoll - parse a signed 64-bit number (see strtox for the syntax).
 * @s: the text; @end: set past the number if not NULL; @base: 2..36, or 0.
 * Out of range: LLONG_MIN or LLONG_MAX with errno ERANGE.
 */
long long strtoll(const char *s, char **end, int base)
{
	int neg, overflow;
	unsigned long long v = strtox(s, end, base, &neg, &overflow);

	if (neg) {
		if (overflow || v > (unsigned long long)LLONG_MAX + 1) {
			errno = ERANGE;
			return LLONG_MIN;
		}
		return -(long long)(v - 1) - 1;
	}
	if (overflow || v > LLONG_MAX) {
		errno = ERANGE;
		return LLONG_MAX;
	}
	return v;
}

/*
 * strtoull - parse an unsigned 64-bit number.  A minus sign negates the
 * value in unsigned arithmetic, as the standard says ("-1" is the maximum).
 * Out of range: ULLONG_MAX with errno ERANGE.
 */
unsigned long long strtoull(const char *s, char **end, int base)
{
	int neg, overflow;
	unsigned long long v = strtox(s, end, base, &neg, &overflow);

	if (overflow) {
		errno = ERANGE;
		return ULLONG_MAX;
	}
	return neg ? -v : v;
}

/* strtol - strtoll() for a long: LONG_MIN or LONG_MAX and ERANGE if out of range. */
long strtol(const char *s, char **end, int base)
{
	long long v = strtoll(s, end, base);

	if (v > LONG_MAX) {
		errno = ERANGE;
		return LONG_MAX;
	}
	if (v < LONG_MIN) {
		errno = ERANGE;
		return LONG_MIN;
	}
	return v;
}

/*
 * strtoul - strtoull() for an unsigned long: ULONG_MAX and ERANGE if the
 * magnitude does not fit (a minus sign negates it, as in strtoull).
 */
unsigned long strtoul(const char *s, char **end, int base)
{
	int neg, overflow;
	unsigned long long v = strtox(s, end, base, &neg, &overflow);

	if (overflow || v > ULONG_MAX) {
		errno = ERANGE;
		return ULONG_MAX;
	}
	return neg ? -(unsigned long)v : (unsigned long)v;
}

/* atoi - strtol(@s, NULL, 10) as an int, with no error reporting. */
int atoi(const char *s)
{
	return (int)strtol(s, NULL, 10);
}

/* atol - strtol(@s, NULL, 10). */
long atol(const char *s)
{
	return strtol(s, NULL, 10);
}

/* atoll - strtoll(@s, NULL, 10). */
long long atoll(const char *s)
{
	return strtoll(s, NULL, 10);
}
