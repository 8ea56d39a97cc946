/*
 * tests/user/memory.c - a process's memory: the brk heap (raw brk, sbrk),
 * anonymous mmap/munmap, malloc/free on top of them, a deep stack, and
 * copy-on-write isolation between parent and child.
 *
 * Rules from Linux: brk(0) and a refused brk return the current break; a
 * break shrunk and grown again gives zeroed pages; mmap'd memory is zeroed;
 * munmap of part of a mapping leaves the rest; munmap of nothing is not an
 * error; a length of 0 or an unaligned address is EINVAL.
 * Faults are taken in children, which the test (init) waits for.
 */
#include <stdint.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include "check.h"

#define PAGE_SIZE	4096
#define BRK_PAGES	8
#define MAP_PAGES	4
#define STACK_BYTES	(64 * 1024)
#define BIG_MALLOC	(4 * 1024 * 1024)
#define SMALL_MALLOCS	1000

static int all_bytes(const unsigned char *p, long len, unsigned char value)
{
	long i;

	for (i = 0; i < len; i++)
		if (p[i] != value)
			return 0;
	return 1;
}

static unsigned long fault_at;

static int touch(void)
{
	*(volatile char *)fault_at = 1;
	return 0;
}

/* Before any malloc, so the C library's heap is not in the way. */
static void test_brk(void)
{
	unsigned long cur, start, top;
	unsigned char *p;
	void *old;

	cur = syscall(SYS_brk, 0);
	CHECK(cur != 0 && cur == (unsigned long)sbrk(0),
	      "brk: brk(0) is the current break, as sbrk(0)");

	/* Page-align the break so the shrink below drops whole pages. */
	start = (cur + PAGE_SIZE - 1) & ~(unsigned long)(PAGE_SIZE - 1);
	top = start + BRK_PAGES * PAGE_SIZE;
	CHECK(syscall(SYS_brk, top) == (long)top, "brk: growing by %d pages returns the new break",
	      BRK_PAGES);
	p = (unsigned char *)start;
	CHECK(all_bytes(p, BRK_PAGES * PAGE_SIZE, 0), "brk: the new memory reads as zero");
	memset(p, 0xa5, BRK_PAGES * PAGE_SIZE);
	CHECK(all_bytes(p, BRK_PAGES * PAGE_SIZE, 0xa5), "brk: and is writable");

	CHECK(syscall(SYS_brk, start) == (long)start, "brk: shrinking returns the lower break");
	fault_at = start + PAGE_SIZE;
	CHECK_KILLED(run_child(touch), SIGSEGV, "brk: a page above the break is gone (SIGSEGV)");
	CHECK(syscall(SYS_brk, top) == (long)top, "brk: growing again");
	CHECK(all_bytes(p, BRK_PAGES * PAGE_SIZE, 0),
	      "brk: the pages given back and taken again are zero");

	CHECK(syscall(SYS_brk, 1) == (long)top,
	      "brk: a break below the start is refused: returns the current");
	CHECK(syscall(SYS_brk, ((unsigned long)&cur + PAGE_SIZE) &
				       ~(unsigned long)(PAGE_SIZE - 1)) == (long)top,
	      "brk: a break up into the stack is refused: returns the current");
	syscall(SYS_brk, cur);

	old = sbrk(0);
	CHECK(sbrk(PAGE_SIZE) == old, "sbrk: sbrk(4096) returns the old break");
	CHECK((char *)sbrk(0) == (char *)old + PAGE_SIZE, "sbrk: the break moved by 4096");
	memset(old, 1, PAGE_SIZE);
	CHECK(sbrk(-PAGE_SIZE) == (char *)old + PAGE_SIZE, "sbrk: sbrk(-4096) gives it back");
	CHECK(sbrk(0) == old, "sbrk: the break is back where it was");
}

static void test_mmap(void)
{
	unsigned char *p;
	int status;
	pid_t child;

	p = mmap(NULL, MAP_PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
		 -1, 0);
	CHECK(p != MAP_FAILED, "mmap: %d anonymous pages", MAP_PAGES);
	CHECK(((uintptr_t)p & (PAGE_SIZE - 1)) == 0, "mmap: page-aligned");
	CHECK(all_bytes(p, MAP_PAGES * PAGE_SIZE, 0), "mmap: zero-filled");
	memset(p, 0x5a, MAP_PAGES * PAGE_SIZE);
	CHECK(all_bytes(p, MAP_PAGES * PAGE_SIZE, 0x5a), "mmap: writable");

	/* A private mapping is copied for a child, not shared. */
	child = fork();
	if (child == 0) {
		int ok = all_bytes(p, MAP_PAGES * PAGE_SIZE, 0x5a);

		memset(p, 0x11, MAP_PAGES * PAGE_SIZE);
		_exit(ok ? 0 : 1);
	}
	status = wait_child(child);
	CHECK_EXITED(status, 0, "mmap: a child sees the parent's data");
	CHECK(all_bytes(p, MAP_PAGES * PAGE_SIZE, 0x5a),
	      "mmap: the child's writes stay in the child");

	CHECK_EQ(munmap(p + PAGE_SIZE, PAGE_SIZE), 0, "munmap: the second page alone");
	fault_at = (unsigned long)p + PAGE_SIZE;
	CHECK_KILLED(run_child(touch), SIGSEGV, "munmap: touching it is SIGSEGV");
	CHECK(p[0] == 0x5a && p[2 * PAGE_SIZE] == 0x5a && p[MAP_PAGES * PAGE_SIZE - 1] == 0x5a,
	      "munmap: the pages around it are intact");
	CHECK_EQ(munmap(p, MAP_PAGES * PAGE_SIZE), 0, "munmap: the whole range, hole included");
	CHECK_EQ(munmap(p, MAP_PAGES * PAGE_SIZE), 0,
		 "munmap: again: nothing there is not an error");
	fault_at = (unsigned long)p;
	CHECK_KILLED(run_child(touch), SIGSEGV, "munmap: the first page is gone too");

	CHECK(mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED &&
		      errno == EINVAL,
	      "mmap: length 0: EINVAL");
	CHECK_ERR(munmap(p + 1, PAGE_SIZE), EINVAL, "munmap: an unaligned address");
	CHECK_ERR(munmap(p, 0), EINVAL, "munmap: length 0");

	p = mmap(NULL, PAGE_SIZE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p != MAP_FAILED && p[0] == 0 && p[PAGE_SIZE - 1] == 0,
	      "mmap: a PROT_READ page reads zero");
	fault_at = (unsigned long)p;
	CHECK_KILLED(run_child(touch), SIGSEGV, "mmap: writing it is SIGSEGV");
	munmap(p, PAGE_SIZE);
}

static void test_malloc(void)
{
	static void *blocks[SMALL_MALLOCS];
	unsigned char *big;
	int i, ok = 1;

	for (i = 0; i < SMALL_MALLOCS; i++) {
		blocks[i] = malloc(16 + i % 200);
		if (!blocks[i])
			ok = 0;
		else
			memset(blocks[i], i & 0xff, 16 + i % 200);
	}
	for (i = 0; ok && i < SMALL_MALLOCS; i++)
		ok = all_bytes(blocks[i], 16 + i % 200, i & 0xff);
	CHECK(ok, "malloc: %d small blocks, each keeps its own bytes", SMALL_MALLOCS);
	for (i = 0; i < SMALL_MALLOCS; i += 2)
		free(blocks[i]);
	for (i = 1; ok && i < SMALL_MALLOCS; i += 2)
		ok = all_bytes(blocks[i], 16 + i % 200, i & 0xff);
	CHECK(ok, "malloc: freeing every other block disturbs none of the rest");
	for (i = 1; i < SMALL_MALLOCS; i += 2)
		free(blocks[i]);

	big = malloc(BIG_MALLOC);
	CHECK(big != NULL, "malloc: %d MiB in one block", BIG_MALLOC >> 20);
	if (big) {
		memset(big, 0x3c, BIG_MALLOC);
		CHECK(big[0] == 0x3c && big[BIG_MALLOC / 2] == 0x3c && big[BIG_MALLOC - 1] == 0x3c,
		      "malloc: writable from end to end");
		free(big);
	}
}

/* A deep stack: several pages below where main started. */
static int __attribute__((noinline)) use_stack(int depth)
{
	volatile unsigned char frame[STACK_BYTES / 16];
	int i, sum = 0;

	for (i = 0; i < (int)sizeof(frame); i++)
		frame[i] = (unsigned char)(i + depth);
	if (depth > 1)
		sum = use_stack(depth - 1);
	for (i = 0; i < (int)sizeof(frame); i += PAGE_SIZE / 4)
		sum += frame[i] == (unsigned char)(i + depth);
	return sum;
}

int main(void)
{
	check_begin("memory");
	test_brk();
	test_mmap();
	test_malloc();
	CHECK_EQ(use_stack(16), 16 * (STACK_BYTES / 16) / (PAGE_SIZE / 4),
		 "stack: %d KiB of nested frames hold their values", STACK_BYTES / 1024);
	return check_done();
}
