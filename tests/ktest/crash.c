/*
 * tests/ktest/crash.c - crash tests: code that must end in a panic report.
 *
 * Booting with crash=NAME runs one (kernel/ktest.c); tests/boot_tests.py
 * checks that the report names the right thing: the faulting function in a
 * symbolized backtrace, or the task whose stack overflowed.  The functions
 * are noinline and their names are part of the check, so keep them.
 */
#include <nest/ktest.h>
#include <nest/bug.h>
#include <nest/types.h>

#define RECURSION_FRAME_BYTES	256

/* A write through a NULL pointer: a page fault at address 0. */
static __noinline void crash_null(void)
{
	volatile int *p = NULL;

	*p = 1;
}
KTEST_CRASH("null", crash_null);

/*
 * Unbounded recursion: each frame holds RECURSION_FRAME_BYTES, so the 8 KiB
 * boot stack runs into its guard page after some thirty calls.  The
 * volatile buffer and the use of the result keep GCC from turning this
 * into a loop.
 */
#pragma GCC diagnostic ignored "-Winfinite-recursion"
static __noinline int crash_stack_recurse(int depth)
{
	volatile char frame[RECURSION_FRAME_BYTES];

	frame[0] = (char)depth;
	return crash_stack_recurse(depth + 1) + frame[0];
}

static __noinline void crash_stack(void)
{
	crash_stack_recurse(0);
}
KTEST_CRASH("stack", crash_stack);

/* ud2 is the instruction Intel defines to be invalid. */
static __noinline void crash_invalid_opcode(void)
{
	asm volatile("ud2");
}
KTEST_CRASH("ud2", crash_invalid_opcode);

/* A broken invariant: BUG_ON() panics with the file and line. */
static __noinline void crash_bug_on(void)
{
	volatile int invariant_broken = 1;

	BUG_ON(invariant_broken);
}
KTEST_CRASH("bug", crash_bug_on);
