/*
 * stdlib.h - memory allocation (malloc.c), process exit (exit.c), number
 * parsing (strtol.c), the environment (env.c), qsort (qsort.c), abs.
 */
#ifndef _STDLIB_H
#define _STDLIB_H

#include <stddef.h>

#define EXIT_SUCCESS	0
#define EXIT_FAILURE	1

void *malloc(size_t size);
void free(void *ptr);
void *calloc(size_t nmemb, size_t size);
void *realloc(void *ptr, size_t size);

__attribute__((noreturn)) void exit(int status);
__attribute__((noreturn)) void _Exit(int status);
__attribute__((noreturn)) void abort(void);
int atexit(void (*fn)(void));

int atoi(const char *s);
long atol(const char *s);
long long atoll(const char *s);
long strtol(const char *s, char **end, int base);
unsigned long strtoul(const char *s, char **end, int base);
long long strtoll(const char *s, char **end, int base);
unsigned long long strtoull(const char *s, char **end, int base);

extern char **environ;
char *getenv(const char *name);

void qsort(void *base, size_t nmemb, size_t size,
	   int (*compar)(const void *, const void *));

int abs(int x);
long labs(long x);
long long llabs(long long x);

#endif /* _STDLIB_H */
