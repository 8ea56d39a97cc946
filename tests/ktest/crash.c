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

/*
 * Undefined behaviour that the UBSan runtime (kernel/ubsan.c, make
 * UBSAN=1) must report with this file's name and line: a shift past the
 * width of int, a signed overflow and an index past the end of an array.
 * The operands come through volatiles so that GCC cannot see them at
 * compile time.  Then a panic, as every crash test ends; without UBSan
 * there are no reports and the boot test is skipped.
 */
#define UBSAN_ARRAY_LEN		4
static int ubsan_array[UBSAN_ARRAY_LEN];

static __noinline void crash_ubsan(void)
{
	volatile int width = 32, big = 0x7fffffff, index = UBSAN_ARRAY_LEN;
	volatile int sink;

	sink = 1 << width;
	sink = big + 1;
	sink = ubsan_array[index];
	(void)sink;
	panic("crash test 'ubsan': undefined behaviour done");
}
KTEST_CRASH("ubsan", crash_ubsan);
