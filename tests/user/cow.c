/*
 * tests/user/cow.c - fork's memory is private to each side: whatever one
 * process writes after the fork, the other never sees.  On Nest fork
 * shares every page copy-on-write (mm/memory.c), so each check here is a
 * first write to a shared page from one side or the other: by the program
 * itself (globals, bss, heap, stack, mmap), by the kernel on its behalf
 * (read() into a shared buffer), after the other side has exited (the
 * last reference: Nest makes the page writable again instead of copying),
 * three generations deep, and across a 4 MiB heap.  Write-protected areas
 * still refuse writes after a fork, and an unmap on one side leaves the
 * other's pages alone.
 *
 * A child reports through its exit status: 0 when all its checks held,
 * else the number of the first one that failed (so "got exit 3" names it).
 * Pages and slab objects coming back to their starting counts is checked
 * by the kernel's leakcheck gate, which every user test boots with.
 */
#include <stdint.h>
#include <sys/mman.h>
#include "check.h"

#define PAGE_SIZE	4096
#define BIG_BYTES	(4 * 1024 * 1024)
#define BIG_PAGES	(BIG_BYTES / PAGE_SIZE)
#define MAP_PAGES	8
#define STACK_BYTES	(16 * 1024)
#define GENERATIONS	3

/* Globals in .data and in .bss, each a page or more. */
static unsigned char data_buf[2 * PAGE_SIZE] = { 1 };
static unsigned char bss_buf[2 * PAGE_SIZE];

static int all_bytes(const unsigned char *p, long len, unsigned char value)
{
	long i;

	for (i = 0; i < len; i++)
		if (p[i] != value)
			return 0;
	return 1;
}

/* The areas one test writes, all filled with one byte. */
struct areas {
	unsigned char *heap;
	unsigned char *map;
	unsigned char *stack;
};

static void fill(const struct areas *a, unsigned char v)
{
	memset(data_buf, v, sizeof(data_buf));
	memset(bss_buf, v, sizeof(bss_buf));
	memset(a->heap, v, PAGE_SIZE);
	memset(a->map, v, MAP_PAGES * PAGE_SIZE);
	memset(a->stack, v, STACK_BYTES);
}

/* 0 if every area holds @v, else the number of the first that does not. */
static int holds(const struct areas *a, unsigned char v)
{
	if (!all_bytes(data_buf, sizeof(data_buf), v))
		return 1;
	if (!all_bytes(bss_buf, sizeof(bss_buf), v))
		return 2;
	if (!all_bytes(a->heap, PAGE_SIZE, v))
		return 3;
	if (!all_bytes(a->map, MAP_PAGES * PAGE_SIZE, v))
		return 4;
	if (!all_bytes(a->stack, STACK_BYTES, v))
		return 5;
	return 0;
}

/* Parent and child each see their own writes, whoever writes first. */
static void test_both_sides(void)
{
	unsigned char stack[STACK_BYTES];
	struct areas a = { malloc(PAGE_SIZE), NULL, stack };
	int go[2], status;
	char c;
	pid_t pid;

	a.map = mmap(NULL, MAP_PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(a.heap && a.map != MAP_FAILED, "setup: a heap block and %d mmap pages", MAP_PAGES);
	if (!a.heap || a.map == MAP_FAILED)
		return;
	fill(&a, 0xa1);

	/* The child writes first; the parent looks after it is gone. */
	pid = fork();
	if (pid == 0) {
		int bad = holds(&a, 0xa1);

		if (bad)
			_exit(bad);
		fill(&a, 0xc1);
		bad = holds(&a, 0xc1);
		_exit(bad ? 10 + bad : 0);
	}
	CHECK_EXITED(wait_child(pid), 0,
		     "child first: the child saw the parent's bytes, then its own");
	CHECK_EQ(holds(&a, 0xa1), 0,
		 "child first: the parent's globals, bss, heap, mmap and stack are unchanged");

	/* The parent writes first, while the child waits on a pipe. */
	if (pipe(go) < 0)
		return;
	pid = fork();
	if (pid == 0) {
		int bad;

		close(go[1]);
		if (read(go[0], &c, 1) != 1)
			_exit(20);
		bad = holds(&a, 0xa1);
		if (bad)
			_exit(bad);
		fill(&a, 0xc2);
		bad = holds(&a, 0xc2);
		_exit(bad ? 10 + bad : 0);
	}
	close(go[0]);
	fill(&a, 0xa2);
	CHECK_EQ(holds(&a, 0xa2), 0, "parent first: the parent sees its new bytes");
	CHECK_EQ(write(go[1], "g", 1), 1, "parent first: the child is told to look");
	close(go[1]);
	status = wait_child(pid);
	CHECK_EXITED(status, 0,
		     "parent first: the child still saw the bytes of the fork, then its own");
	CHECK_EQ(holds(&a, 0xa2), 0, "parent first: the child's writes stayed in the child");

	munmap(a.map, MAP_PAGES * PAGE_SIZE);
	free(a.heap);
}

/*
 * The kernel writes into a page shared since the fork: read() from a pipe
 * into data_buf in the child, while the parent's copy keeps its bytes.
 */
static void test_kernel_writes(void)
{
	static const char msg[] = "written by read()";
	int fds[2], status;
	pid_t pid;

	memset(data_buf, 0x33, sizeof(data_buf));
	if (pipe(fds) < 0)
		return;
	CHECK_EQ(write(fds[1], msg, sizeof(msg)), (long)sizeof(msg),
		 "kernel writes: a message waits in a pipe");
	pid = fork();
	if (pid == 0) {
		if (read(fds[0], data_buf + PAGE_SIZE - 4, sizeof(msg)) != (long)sizeof(msg))
			_exit(1);
		if (memcmp(data_buf + PAGE_SIZE - 4, msg, sizeof(msg)) != 0)
			_exit(2);
		_exit(all_bytes(data_buf, PAGE_SIZE - 4, 0x33) ? 0 : 3);
	}
	status = wait_child(pid);
	CHECK_EXITED(status, 0,
		     "kernel writes: read() into a buffer straddling two shared pages works in the child");
	CHECK(all_bytes(data_buf, sizeof(data_buf), 0x33),
	      "kernel writes: the parent's buffer is unchanged");
	close(fds[0]);
	close(fds[1]);
}

/*
 * A child writes after its parent has exited: the page has one user left.
 * init forks P; P fills bss_buf, forks C, sends C's pid to init and exits;
 * C waits for end of file on a pipe only P held (so P is gone), then writes.
 */
static void test_after_parent_exits(void)
{
	int to_init[2], hold[2], status;
	pid_t p, c = -1;

	memset(bss_buf, 0, sizeof(bss_buf));
	if (pipe(to_init) < 0 || pipe(hold) < 0)
		return;
	p = fork();
	if (p == 0) {
		pid_t child;

		close(to_init[0]);
		memset(bss_buf, 0x44, sizeof(bss_buf));
		child = fork();
		if (child == 0) {
			char ch;

			close(hold[1]);
			close(to_init[1]);
			if (read(hold[0], &ch, 1) != 0)	/* end of file: P has exited */
				_exit(1);
			if (!all_bytes(bss_buf, sizeof(bss_buf), 0x44))
				_exit(2);
			memset(bss_buf, 0x55, sizeof(bss_buf));
			_exit(all_bytes(bss_buf, sizeof(bss_buf), 0x55) ? 0 : 3);
		}
		close(hold[0]);
		if (write(to_init[1], &child, sizeof(child)) != sizeof(child))
			_exit(1);
		_exit(0);
	}
	close(to_init[1]);
	close(hold[0]);
	close(hold[1]);
	CHECK_EXITED(wait_child(p), 0, "orphan: the parent forked and exited");
	CHECK_EQ(read(to_init[0], &c, sizeof(c)), (long)sizeof(c),
		 "orphan: init learnt the grandchild's pid");
	close(to_init[0]);
	status = c > 0 ? wait_child(c) : -1;
	CHECK_EXITED(status, 0,
		     "orphan: after its parent exited the child read the bytes of the fork and wrote its own");
	CHECK(all_bytes(bss_buf, sizeof(bss_buf), 0),
	      "orphan: init's bss is unchanged by both");
}

/*
 * Three generations write the same page in turn: each writes its byte and
 * forks the next, and after its child is gone still reads its own byte.
 */
static void test_generations(void)
{
	pid_t pid;
	int i;

	memset(data_buf, 0x60, sizeof(data_buf));
	pid = fork();
	if (pid == 0) {
		for (i = 1; i < GENERATIONS; i++) {
			pid_t next;
			int status;

			memset(data_buf, 0x60 + i, sizeof(data_buf));
			next = fork();
			if (next != 0) {
				status = wait_child(next);
				/* After the child is gone, ours is still ours. */
				if (!all_bytes(data_buf, sizeof(data_buf), 0x60 + i))
					_exit(10 + i);
				_exit(WIFEXITED(status) ? WEXITSTATUS(status) : 9);
			}
			if (!all_bytes(data_buf, sizeof(data_buf), 0x60 + i))
				_exit(20 + i);
		}
		memset(data_buf, 0x6f, sizeof(data_buf));
		_exit(all_bytes(data_buf, sizeof(data_buf), 0x6f) ? 0 : 30);
	}
	CHECK_EXITED(wait_child(pid), 0,
		     "generations: %d nested forks each wrote and kept their own bytes", GENERATIONS);
	CHECK(all_bytes(data_buf, sizeof(data_buf), 0x60),
	      "generations: init's page is unchanged");
}

/* A fork of a process with 4 MiB touched; the child rewrites half of it. */
static void test_big(void)
{
	unsigned char *big = malloc(BIG_BYTES);
	int i, status;
	pid_t pid;

	CHECK(big != NULL, "4 MiB: allocated");
	if (!big)
		return;
	for (i = 0; i < BIG_PAGES; i++)
		memset(big + (long)i * PAGE_SIZE, i & 0xff, PAGE_SIZE);
	pid = fork();
	if (pid == 0) {
		for (i = 0; i < BIG_PAGES; i++)
			if (!all_bytes(big + (long)i * PAGE_SIZE, PAGE_SIZE, i & 0xff))
				_exit(1);
		for (i = 0; i < BIG_PAGES; i += 2)
			memset(big + (long)i * PAGE_SIZE, 0xee, PAGE_SIZE);
		for (i = 0; i < BIG_PAGES; i++)
			if (!all_bytes(big + (long)i * PAGE_SIZE, PAGE_SIZE,
				       i % 2 ? i & 0xff : 0xee))
				_exit(2);
		_exit(0);
	}
	status = wait_child(pid);
	CHECK_EXITED(status, 0,
		     "4 MiB: the child read all %d pages, rewrote every other one and read them back",
		     BIG_PAGES);
	for (i = 0; i < BIG_PAGES; i++)
		if (!all_bytes(big + (long)i * PAGE_SIZE, PAGE_SIZE, i & 0xff))
			break;
	CHECK_EQ(i, BIG_PAGES, "4 MiB: every page of the parent's is unchanged");
	/* The parent writes too, now that the child is gone: the pages are its own. */
	memset(big, 0x77, BIG_BYTES);
	CHECK(all_bytes(big, BIG_BYTES, 0x77), "4 MiB: the parent rewrote all of it");
	free(big);
}

static unsigned char *fault_at;

static int write_fault_at(void)
{
	*(volatile unsigned char *)fault_at = 1;
	return 0;
}

static int read_fault_at(void)
{
	return *(volatile unsigned char *)fault_at == 0x5a ? 0 : 1;
}

/* Write protection and unmapping after a fork. */
static void test_protection_and_unmap(void)
{
	unsigned char *ro, *rw;
	int go[2];
	pid_t pid;

	ro = mmap(NULL, PAGE_SIZE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	rw = mmap(NULL, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(ro != MAP_FAILED && rw != MAP_FAILED, "protection: a PROT_READ page and two RW pages");
	if (ro == MAP_FAILED || rw == MAP_FAILED)
		return;
	CHECK_EQ(ro[0], 0, "protection: the PROT_READ page reads zero");
	fault_at = ro;
	CHECK_KILLED(run_child(write_fault_at), SIGSEGV,
		     "protection: a child's write to the shared PROT_READ page is SIGSEGV");
	CHECK_EQ(ro[0], 0, "protection: the page still reads zero");

	memset(rw, 0x5a, 2 * PAGE_SIZE);
	pid = fork();
	if (pid == 0)
		_exit(munmap(rw, 2 * PAGE_SIZE) == 0 && munmap(ro, PAGE_SIZE) == 0 ? 0 : 1);
	CHECK_EXITED(wait_child(pid), 0, "unmap: a child unmapped the shared pages");
	CHECK(all_bytes(rw, 2 * PAGE_SIZE, 0x5a), "unmap: the parent still has its bytes");
	memset(rw, 0x5b, 2 * PAGE_SIZE);
	CHECK(all_bytes(rw, 2 * PAGE_SIZE, 0x5b), "unmap: and can write them");

	/* And the other way: the parent unmaps first, the child then reads. */
	memset(rw, 0x5a, 2 * PAGE_SIZE);
	fault_at = rw + PAGE_SIZE;
	if (pipe(go) < 0)
		return;
	pid = fork();
	if (pid == 0) {
		char c;

		close(go[1]);
		if (read(go[0], &c, 1) != 1)
			_exit(3);
		_exit(read_fault_at());
	}
	close(go[0]);
	CHECK_EQ(munmap(rw, 2 * PAGE_SIZE), 0, "unmap: the parent unmapped its pages");
	CHECK_EQ(write(go[1], "g", 1), 1, "unmap: then told the child to read");
	close(go[1]);
	CHECK_EXITED(wait_child(pid), 0, "unmap: the child still reads its copy");
	munmap(ro, PAGE_SIZE);
}

int main(void)
{
	check_begin("cow");
	test_both_sides();
	test_kernel_writes();
	test_after_parent_exits();
	test_generations();
	test_big();
	test_protection_and_unmap();
	return check_done();
}
