/*
 * user/bin/libctest/malloc.c - the allocator: a random stress loop of
 * malloc, realloc and free (each block's contents checked before it is
 * freed or moved), heap reuse after everything is freed, alignment,
 * calloc (zeroed, and its overflow check), malloc falling back on mmap
 * when the break cannot move, and a double free caught (SIGABRT).
 *
 * The stress loop draws from its own PRNG with a fixed seed, so that a
 * second run makes the same requests and must fit in the same heap.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include "libctest.h"

#define STRESS_SLOTS	256
#define STRESS_ROUNDS	20000
#define STRESS_BIG	(200 * 1024)	/* above malloc's mmap threshold */
#define STRESS_SEED	12345

static unsigned int rand_state = STRESS_SEED;

/* The stress loop's PRNG (an LCG): the same numbers for the same seed. */
static unsigned int next_rand(void)
{
	rand_state = rand_state * 1103515245 + 12345;
	return rand_state >> 8;
}

/* Fill @p with a pattern derived from @seed; check it later with verify(). */
static void fill(unsigned char *p, size_t n, unsigned int seed)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = (unsigned char)(seed + i * 7);
}

/* Does @p still hold the pattern fill() wrote with @seed? */
static int verify(const unsigned char *p, size_t n, unsigned int seed)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (p[i] != (unsigned char)(seed + i * 7))
			return 0;
	}
	return 1;
}

/*
 * One run of the stress loop: random malloc, realloc and free of blocks
 * from 0 bytes to past the mmap threshold, each filled with a pattern
 * that is checked before it is freed or moved.  Frees everything at the
 * end.  Returns whether every check held; *@aligned: all 16-byte aligned.
 */
static int malloc_stress(int *aligned)
{
	static unsigned char *ptr[STRESS_SLOTS];
	static size_t len[STRESS_SLOTS];
	static unsigned int seed[STRESS_SLOTS];
	int i, ok = 1;

	for (i = 0; i < STRESS_ROUNDS; i++) {
		int s = next_rand() % STRESS_SLOTS;
		size_t n = next_rand() % 10 == 0 ? next_rand() % STRESS_BIG :
			   next_rand() % 600;

		if (ptr[s]) {
			ok &= verify(ptr[s], len[s], seed[s]);
			if (next_rand() % 2) {
				unsigned char *p = realloc(ptr[s], n + 1);

				if (!p) {
					ok = 0;
					continue;
				}
				/* realloc keeps the smaller of the two sizes. */
				ok &= verify(p, len[s] < n + 1 ? len[s] : n + 1, seed[s]);
				ptr[s] = p;
				len[s] = n + 1;
				seed[s] = next_rand();
				fill(p, len[s], seed[s]);
				continue;
			}
			free(ptr[s]);
			ptr[s] = NULL;
			continue;
		}
		ptr[s] = malloc(n);
		if (!ptr[s]) {
			ok = 0;
			continue;
		}
		*aligned &= ((unsigned long)ptr[s] % 16) == 0;
		len[s] = n;
		seed[s] = next_rand();
		fill(ptr[s], n, seed[s]);
	}
	for (i = 0; i < STRESS_SLOTS; i++) {
		if (ptr[i])
			ok &= verify(ptr[i], len[i], seed[i]);
		free(ptr[i]);
		ptr[i] = NULL;
	}
	return ok;
}

void test_malloc(void)
{
	char *brk_first, *brk_second, *big;
	int i, ok, aligned = 1;

	ok = malloc_stress(&aligned);
	check(ok, "malloc/realloc/free stress: %d operations keep every block's contents",
	      STRESS_ROUNDS);
	check(aligned, "malloc returns 16-byte aligned memory");

	/*
	 * Everything is free again.  If the free blocks merged back into one,
	 * the same sequence fits in the same heap: the break does not move.
	 */
	brk_first = sbrk(0);
	rand_state = STRESS_SEED;
	ok = malloc_stress(&aligned);
	brk_second = sbrk(0);
	check(ok && brk_second == brk_first,
	      "a second identical run reuses the freed heap (break %p, then %p)",
	      brk_first, brk_second);

	big = calloc(1000, 4);
	ok = big != NULL;
	for (i = 0; big && i < 4000; i++)
		ok &= big[i] == 0;
	check(ok, "calloc returns zeroed memory");
	free(big);
	errno = 0;
	check(!calloc(0x10000, 0x10000) && errno == ENOMEM, "calloc overflow gives ENOMEM");
}

/* In a child: free the same block twice, which must abort. */
static void double_free(void)
{
	char *p = malloc(10);

	free(p);
	free(p);
}

/* Block the break with a mapping just above it; malloc must still work. */
static void blocked_break(void)
{
	unsigned long top = ((unsigned long)sbrk(0) + PAGE - 1) & ~(PAGE - 1);
	void *wall = mmap((void *)top, PAGE, PROT_NONE,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	char *p;
	int i;

	if (wall == MAP_FAILED || sbrk(2 * PAGE) != (void *)-1)
		_exit(2);
	/* 6 MB in blocks under the mmap threshold: far more than the free heap. */
	for (i = 0; i < 64; i++) {
		p = malloc(100000);
		if (!p)
			_exit(3);
		memset(p, i, 100000);
	}
	_exit(0);
}

void test_malloc_errors(void)
{
	int status = in_child(blocked_break);

	check(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "malloc carries on with mmap when the break cannot move (status %#x)", status);
	status = in_child(double_free);

	check(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT,
	      "a double free aborts (SIGABRT)");
}
