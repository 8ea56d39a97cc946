/*
 * include/nest/ktest.h - in-kernel tests, modelled on Linux's KUnit.
 *
 * A test is a function taking a struct ktest.  Tests are grouped in suites,
 * and each suite is registered in the .ktest_suites linker section with
 * KTEST_SUITE(), so adding a test file needs no central list.  The command
 * line picks suites: ktest=all, or ktest=slab,buddy.  Results go to the
 * serial console in KTAP version 1 (the format KUnit prints), then the
 * machine powers off with a status that says pass or fail (kernel/ktest.c).
 *
 * Around every suite the runner checks for leaks: the free page count and
 * each slab cache's active objects must be the same after the suite as
 * before it, or the suite fails and names the cache.
 *
 * Example:
 *
 *	static void slab_reuses_freed_object(struct ktest *t)
 *	{
 *		void *a = kmem_cache_alloc(c, GFP_KERNEL);
 *		KTEST_ASSERT_NOT_NULL(t, a);
 *		...
 *		KTEST_EXPECT_PTR_EQ(t, b, a);
 *	}
 *	static struct ktest_case slab_cases[] = {
 *		KTEST_CASE(slab_reuses_freed_object),
 *		{}
 *	};
 *	static struct ktest_suite slab_suite = { .name = "slab", .cases = slab_cases };
 *	KTEST_SUITE(slab_suite);
 */
#ifndef NEST_KTEST_H
#define NEST_KTEST_H

#include <nest/types.h>

struct ktest {
	const char *name;	/* the running case */
	bool failed;
	bool skipped;
	const char *skip_reason;
	unsigned int checks;	/* expectations evaluated, for the summary line */
};

struct ktest_case {
	const char *name;
	void (*run)(struct ktest *t);
};

struct ktest_suite {
	const char *name;
	struct ktest_case *cases;	/* ends with an all-zero entry */
	int (*init)(void);		/* optional, run once before the cases; what it
					 * sets up is outside the leak check */
	void (*exit)(void);		/* optional, run once after them */
	bool no_leak_check;		/* set only with a reason in a comment */
	bool explicit_only;		/* not in ktest=all: needs the runner's help */
};

#define KTEST_CASE(fn) { .name = #fn, .run = fn }

#define KTEST_SUITE(suite)						\
	static struct ktest_suite *__ktest_ptr_##suite			\
		__used __section(".ktest_suites") = &(suite)

/* Report a failed check with its location (used by the macros below). */
__printf(4, 5) void ktest_fail(struct ktest *t, const char *file, int line,
			       const char *fmt, ...);
/* A diagnostic line ("    # ...") in the KTAP output. */
__printf(2, 3) void ktest_info(struct ktest *t, const char *fmt, ...);
/* Mark the case skipped (it then neither passes nor fails). */
void ktest_skip(struct ktest *t, const char *reason);

/* Run the suites named in @selector ("all" or "a,b,c") and power off. */
__noreturn void ktest_run_and_power_off(const char *selector);

/*
 * Called by start_kernel() once the kernel is up: runs the crash test named
 * by crash=NAME, or the suites named by ktest=..., and powers off.  Returns
 * only when the command line asks for neither.
 */
void ktest_main(void);

/*
 * A crash test: a function that must end in a panic (a NULL dereference,
 * a stack overflow...).  Booting with crash=NAME runs it; the test runner
 * checks the panic report.  Registered like suites, in .ktest_crashes.
 */
struct ktest_crash {
	const char *name;
	void (*fn)(void);
};

#define KTEST_CRASH(cname, func)					\
	static const struct ktest_crash __ktest_crash_##func		\
		__used __section(".ktest_crashes") __aligned(4) = { cname, func }

#define __KTEST_CHECK(t, cond, ret, fmt, ...)				\
	do {								\
		(t)->checks++;						\
		if (unlikely(!(cond))) {				\
			ktest_fail(t, __FILE__, __LINE__, fmt, ##__VA_ARGS__); \
			ret;						\
		}							\
	} while (0)

#define __KTEST_BINARY(t, a, op, b, ret)				\
	do {								\
		long long __a = (long long)(a), __b = (long long)(b);	\
		__KTEST_CHECK(t, __a op __b, ret,			\
			      "expected %s %s %s, but %s == %lld, %s == %lld", \
			      #a, #op, #b, #a, __a, #b, __b);		\
	} while (0)

#define __KTEST_PTR(t, a, op, b, ret)					\
	do {								\
		const void *__a = (a), *__b = (b);			\
		__KTEST_CHECK(t, __a op __b, ret,			\
			      "expected %s %s %s, but %s == %p, %s == %p", \
			      #a, #op, #b, #a, __a, #b, __b);		\
	} while (0)

#define KTEST_EXPECT_TRUE(t, c)	__KTEST_CHECK(t, c, (void)0, "expected %s", #c)
#define KTEST_EXPECT_FALSE(t, c) __KTEST_CHECK(t, !(c), (void)0, "expected !(%s)", #c)
#define KTEST_EXPECT_EQ(t, a, b)	__KTEST_BINARY(t, a, ==, b, (void)0)
#define KTEST_EXPECT_NE(t, a, b)	__KTEST_BINARY(t, a, !=, b, (void)0)
#define KTEST_EXPECT_LT(t, a, b)	__KTEST_BINARY(t, a, <, b, (void)0)
#define KTEST_EXPECT_LE(t, a, b)	__KTEST_BINARY(t, a, <=, b, (void)0)
#define KTEST_EXPECT_GT(t, a, b)	__KTEST_BINARY(t, a, >, b, (void)0)
#define KTEST_EXPECT_GE(t, a, b)	__KTEST_BINARY(t, a, >=, b, (void)0)
#define KTEST_EXPECT_PTR_EQ(t, a, b)	__KTEST_PTR(t, a, ==, b, (void)0)
#define KTEST_EXPECT_PTR_NE(t, a, b)	__KTEST_PTR(t, a, !=, b, (void)0)
#define KTEST_EXPECT_NULL(t, p)		__KTEST_PTR(t, p, ==, NULL, (void)0)
#define KTEST_EXPECT_NOT_NULL(t, p)	__KTEST_PTR(t, p, !=, NULL, (void)0)

/* ASSERT variants end the case at the first failure (they `return`). */
#define KTEST_ASSERT_TRUE(t, c)	__KTEST_CHECK(t, c, return, "expected %s", #c)
#define KTEST_ASSERT_FALSE(t, c) __KTEST_CHECK(t, !(c), return, "expected !(%s)", #c)
#define KTEST_ASSERT_EQ(t, a, b)	__KTEST_BINARY(t, a, ==, b, return)
#define KTEST_ASSERT_NE(t, a, b)	__KTEST_BINARY(t, a, !=, b, return)
#define KTEST_ASSERT_GE(t, a, b)	__KTEST_BINARY(t, a, >=, b, return)
#define KTEST_ASSERT_NULL(t, p)		__KTEST_PTR(t, p, ==, NULL, return)
#define KTEST_ASSERT_NOT_NULL(t, p)	__KTEST_PTR(t, p, !=, NULL, return)

#endif /* NEST_KTEST_H */
