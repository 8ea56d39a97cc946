/*
 * tests/host/tap.h - a tiny TAP producer for host unit tests.
 *
 * Host tests build pure-logic kernel files (mm/page_alloc.c, mm/slab.c) with
 * the host compiler under ASan and UBSan.  Each test program prints TAP:
 *
 *	TAP version 13
 *	ok 1 - buddy splits an order-3 block
 *	not ok 2 - buddy merges ...
 *	#   tests/host/test_buddy.c:42: expected a == b (3 != 4)
 *	1..2
 *
 * and exits non-zero if anything failed.  tests/run.py runs them
 * and counts the results for `make test`.
 *
 * Use:  TAP_TEST(name) { ... TAP_CHECK(cond); TAP_EQ(a, b); }  then in
 * main(): TAP_RUN(name); ... return tap_done();
 */
#ifndef NEST_TAP_H
#define NEST_TAP_H

#include <stdio.h>
#include <stdlib.h>

static int tap_n, tap_failed, tap_case_failed;

#define TAP_TEST(name) static void name(void)

#define TAP_CHECK(cond)							\
	do {								\
		if (!(cond)) {						\
			tap_case_failed = 1;				\
			printf("#   %s:%d: expected %s\n", __FILE__,	\
			       __LINE__, #cond);			\
		}							\
	} while (0)

#define TAP_EQ(a, b)							\
	do {								\
		long long __a = (long long)(a), __b = (long long)(b);	\
		if (__a != __b) {					\
			tap_case_failed = 1;				\
			printf("#   %s:%d: expected %s == %s (%lld != %lld)\n", \
			       __FILE__, __LINE__, #a, #b, __a, __b);	\
		}							\
	} while (0)

/* Run one case and print its result line. */
#define TAP_RUN(fn)							\
	do {								\
		if (tap_n == 0)						\
			printf("TAP version 13\n");			\
		tap_case_failed = 0;					\
		fn();							\
		tap_n++;						\
		tap_failed += tap_case_failed;				\
		printf("%sok %d - %s\n", tap_case_failed ? "not " : "", \
		       tap_n, #fn);					\
		fflush(stdout);						\
	} while (0)

static inline int tap_done(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#endif /* NEST_TAP_H */
