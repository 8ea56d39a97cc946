/*
 * kernel/string.c - memory and string functions for a freestanding kernel.
 * Plain byte loops, easy to step through, except memset and memcpy, which
 * move four bytes per step with rep stosl/movsl as Linux i386's do: they
 * zero and copy whole pages (boot, exec, copy-on-write), where bytes at a
 * time cost four times the instructions.  GCC may also emit calls to
 * memcpy/memset/memmove/memcmp on its own, so these four must exist with
 * exactly the C library's behaviour.
 */
#include <nest/string.h>

#define BYTE_TO_WORD	0x01010101u	/* the byte repeated in all four */

void *memset(void *s, int c, size_t n)
{
	unsigned long d0, d1;

	/* n / 4 words, then the n % 4 bytes left (ecx is reloaded between). */
	asm volatile("rep stosl\n\t"
		     "movl %4, %%ecx\n\t"
		     "rep stosb"
		     : "=&c"(d0), "=&D"(d1)
		     : "a"((unsigned char)c * BYTE_TO_WORD), "0"(n / 4), "g"(n & 3), "1"(s)
		     : "memory");
	return s;
}

void *memcpy(void *dst, const void *src, size_t n)
{
	unsigned long d0, d1, d2;

	asm volatile("rep movsl\n\t"
		     "movl %4, %%ecx\n\t"
		     "rep movsb"
		     : "=&c"(d0), "=&D"(d1), "=&S"(d2)
		     : "0"(n / 4), "g"(n & 3), "1"(dst), "2"(src)
		     : "memory");
	return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d < s) {
		while (n--)
			*d++ = *s++;
	} else {
		/* Overlapping with dst above src: copy from the end. */
		while (n--)
			d[n] = s[n];
	}
	return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

void *memchr_inv(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n; n--, p++)
		if (*p != (unsigned char)c)
			return (void *)p;
	return NULL;
}

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}

size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (unsigned char)*a - (unsigned char)*b;
}

int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		if (!*a)
			break;
	}
	return 0;
}

char *strchr(const char *s, int c)
{
	for (; *s; s++)
		if (*s == (char)c)
			return (char *)s;
	return c ? NULL : (char *)s;
}

char *strstr(const char *haystack, const char *needle)
{
	size_t n = strlen(needle);

	for (; *haystack; haystack++)
		if (!strncmp(haystack, needle, n))
			return (char *)haystack;
	return n ? NULL : (char *)haystack;
}

char *strcpy(char *dst, const char *src)
{
	char *d = dst;

	while ((*d++ = *src++))
		;
	return dst;
}

size_t strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size) {
		size_t n = len < size - 1 ? len : size - 1;

		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}

unsigned long simple_strtoul(const char *s, char **end, unsigned int base)
{
	unsigned long v = 0;

	if ((base == 0 || base == 16) && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		s += 2;
		base = 16;
	} else if (base == 0) {
		base = 10;
	}
	for (;; s++) {
		unsigned int d;

		if (*s >= '0' && *s <= '9')
			d = *s - '0';
		else if (*s >= 'a' && *s <= 'f')
			d = *s - 'a' + 10;
		else if (*s >= 'A' && *s <= 'F')
			d = *s - 'A' + 10;
		else
			break;
		if (d >= base)
			break;
		v = v * base + d;
	}
	if (end)
		*end = (char *)s;
	return v;
}
