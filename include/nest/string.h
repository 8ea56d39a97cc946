/*
 * include/nest/string.h - the string and memory functions the kernel uses
 * (kernel/string.c), and snprintf (kernel/vsprintf.c).
 *
 * vsnprintf understands Linux's %pS: the argument is a code address, printed
 * as symbol+offset/size from the kernel's symbol table (kernel/kallsyms.c).
 * On the host (unit tests) the C library provides all of these.
 */
#ifndef NEST_STRING_H
#define NEST_STRING_H

#include <nest/types.h>

#ifdef NEST_HOST
#include <string.h>
#include <stdio.h>
#else
void *memset(void *s, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);
char *strcpy(char *dst, const char *src);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
#endif

/* Copy at most size-1 bytes and always NUL-terminate; returns strlen(src). */
size_t strlcpy(char *dst, const char *src, size_t size);

/* The first byte in [s, s+n) that is not @c, or NULL (Linux's memchr_inv). */
void *memchr_inv(const void *s, int c, size_t n);

/* Parse an unsigned decimal or 0x-hex number; *end points past it. */
unsigned long simple_strtoul(const char *s, char **end, unsigned int base);

#endif /* NEST_STRING_H */
