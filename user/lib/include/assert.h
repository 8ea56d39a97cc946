/*
 * assert.h - assert(): on a false expression, print where and abort().
 * The message has glibc's shape, so a transcript reads the same on Linux.
 */
#ifndef _ASSERT_H
#define _ASSERT_H

__attribute__((noreturn)) void __assert_fail(const char *expr, const char *file,
					     unsigned int line, const char *func);

#endif /* _ASSERT_H */

/* Outside the guard, as C requires: each inclusion re-reads NDEBUG. */
#undef assert
#ifdef NDEBUG
#define assert(expr)	((void)0)
#else
#define assert(expr) \
	((expr) ? (void)0 : __assert_fail(#expr, __FILE__, __LINE__, __func__))
#endif
