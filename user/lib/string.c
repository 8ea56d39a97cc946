/*
 * user/lib/string.c - the mem*() and str*() functions of <string.h>,
 * written plainly: a byte at a time, easy to step through in a debugger.
 * (The build uses -fno-tree-loop-distribute-patterns so the compiler does
 * not turn memset's loop back into a call to memset.)
 */
#include <string.h>
#include <stdlib.h>

/* memset - fill @n bytes at @s with the byte @c.  Returns @s. */
void *memset(void *s, int c, size_t n)
{
	unsigned char *p = s;

	while (n--)
		*p++ = (unsigned char)c;
	return s;
}

/* memcpy - copy @n bytes from @src to @dst, which must not overlap. */
void *memcpy(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	while (n--)
		*d++ = *s++;
	return dst;
}

/* memmove - copy @n bytes from @src to @dst; they may overlap. */
void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d == s || n == 0)
		return dst;
	if (d < s) {
		while (n--)
			*d++ = *s++;
	} else {
		/* Copy from the end, so a source overlapping above is read first. */
		d += n;
		s += n;
		while (n--)
			*--d = *--s;
	}
	return dst;
}

/* memcmp - compare @n bytes as unsigned chars: <0, 0 or >0. */
int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *p = a, *q = b;

	for (; n; n--, p++, q++) {
		if (*p != *q)
			return *p - *q;
	}
	return 0;
}

/* memchr - the first byte equal to @c in @n bytes at @s, or NULL. */
void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n; n--, p++) {
		if (*p == (unsigned char)c)
			return (void *)p;
	}
	return NULL;
}

/* strlen - the number of bytes before the NUL. */
size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}

/* strnlen - strlen(), but looking at no more than @max bytes. */
size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

/* strcmp - compare two strings as unsigned chars: <0, 0 or >0. */
int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return (unsigned char)*a - (unsigned char)*b;
}

/* strncmp - strcmp() of at most @n bytes. */
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

/* strcpy - copy @src with its NUL to @dst.  Returns @dst. */
char *strcpy(char *dst, const char *src)
{
	char *d = dst;

	while ((*d++ = *src++))
		;
	return dst;
}

/*
 * strncpy - copy at most @n bytes of @src to @dst, padding with NULs to
 * @n.  As the standard says, @dst is not terminated if @src is too long.
 */
char *strncpy(char *dst, const char *src, size_t n)
{
	size_t i = 0;

	for (; i < n && src[i]; i++)
		dst[i] = src[i];
	for (; i < n; i++)
		dst[i] = '\0';
	return dst;
}

/* strcat - append @src to the string in @dst.  Returns @dst. */
char *strcat(char *dst, const char *src)
{
	strcpy(dst + strlen(dst), src);
	return dst;
}

/* strncat - append at most @n bytes of @src, then a NUL, to @dst. */
char *strncat(char *dst, const char *src, size_t n)
{
	char *d = dst + strlen(dst);

	while (n-- && *src)
		*d++ = *src++;
	*d = '\0';
	return dst;
}

/* strchr - the first @c in @s (the NUL counts), or NULL. */
char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}

/* strrchr - the last @c in @s (the NUL counts), or NULL. */
char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (!*s)
			return (char *)last;
	}
}

/* strstr - the first occurrence of @needle in @haystack, or NULL. */
char *strstr(const char *haystack, const char *needle)
{
	size_t n = strlen(needle);

	for (; *haystack; haystack++) {
		if (!strncmp(haystack, needle, n))
			return (char *)haystack;
	}
	return n ? NULL : (char *)haystack;
}

/* strspn - the length of @s's prefix made only of bytes in @accept. */
size_t strspn(const char *s, const char *accept)
{
	size_t n = 0;

	while (s[n] && strchr(accept, s[n]))
		n++;
	return n;
}

/* strcspn - the length of @s's prefix with no byte from @reject. */
size_t strcspn(const char *s, const char *reject)
{
	size_t n = 0;

	while (s[n] && !strchr(reject, s[n]))
		n++;
	return n;
}

/* strpbrk - the first byte of @s that is in @accept, or NULL. */
char *strpbrk(const char *s, const char *accept)
{
	s += strcspn(s, accept);
	return *s ? (char *)s : NULL;
}

/* strdup - a malloc()ed copy of @s, or NULL (errno ENOMEM). */
char *strdup(const char *s)
{
	return strndup(s, strlen(s));
}

/* strndup - a malloc()ed copy of at most @n bytes of @s, terminated. */
char *strndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *p = malloc(len + 1);

	if (!p)
		return NULL;
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

/*
 * strtok_r - split a string into tokens separated by bytes of @delim.
 * @s: the string on the first call (it is modified), NULL afterwards.
 * @save: where the position is kept between calls.  Returns the next
 * token, or NULL when there are no more.
 */
char *strtok_r(char *s, const char *delim, char **save)
{
	char *tok;

	if (!s)
		s = *save;
	s += strspn(s, delim);
	if (!*s) {
		*save = s;
		return NULL;
	}
	tok = s;
	s += strcspn(s, delim);
	if (*s)
		*s++ = '\0';
	*save = s;
	return tok;
}

/* strtok - strtok_r() with one hidden position shared by all callers. */
char *strtok(char *s, const char *delim)
{
	static char *save;

	return strtok_r(s, delim, &save);
}
