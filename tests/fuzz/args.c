/*
 * tests/fuzz/args.c - the scalar argument generators, in the manner of
 * trinity: an argument is not a random word but a value of its type, most
 * often a plausible one and otherwise one of the classic ways to get it
 * wrong (a closed descriptor, NULL, a kernel address, a buffer that runs
 * off the end of its mapping, a flag bit that should not be set).
 *
 * Each generated argument also gets a letter saying which variant it is
 * ("v" valid, "n" NULL, "k" kernel, "u" unmapped, "a" misaligned, "e" runs
 * off the end, "r" read-only, "x" noise...), which the log shows.
 *
 * Here: plain numbers and lengths, pointers (and where a structure goes:
 * struct_place, place), descriptors, pids, signals, addresses to map,
 * program breaks, flags and operations.  Strings are in paths.c and
 * structures in structs.c; call.c picks a generator for each argument.
 *
 * Everything a generator points to lives in the worker's scratch pages
 * (struct worker_state, set up by worker.c): argument i's structure is
 * built in slot i, the first SLOT_SIZE * MAX_ARGS bytes, and buffers point
 * anywhere in the pages.  The page after them is unmapped on purpose.
 */
#include <signal.h>
#include <unistd.h>
#include <string.h>
#include "args.h"

/* ---- plain numbers ---- */

/* The values that find bugs: edges of types, pages and the address space. */
static const uint32_t interesting[] = {
	0, 1, 2, 3, 4, 7, 8, 16, 31, 32, 63, 64, 127, 128, 255, 256, 511, 512,
	1023, 1024, 4095, 4096, 4097, 0x7fff, 0x8000, 0xffff, 0x10000,
	0x7ffff000, 0x7fffffff, 0x80000000, 0x80000001, 0xbfffffff, 0xc0000000,
	0xfffff000, 0xfffffffe, 0xffffffff,
};
#define NR_INTERESTING	(sizeof(interesting) / sizeof(interesting[0]))

uint32_t gen_undef(char *what)
{
	switch (rnd_below(4)) {
	case 0:
	case 1:
		*what = 'i';
		return interesting[rnd_below(NR_INTERESTING)];
	case 2:
		*what = 's';
		return rnd_below(256);
	default:
		*what = 'x';
		return rnd();
	}
}

/* How many bytes of scratch the worker has (SCRATCH_PAGES of them). */
static uint32_t scratch_size(void)
{
	return (uint32_t)(ws.scratch_end - ws.scratch);
}

uint32_t gen_len(char *what)
{
	switch (rnd_below(8)) {
	case 0:
		*what = '0';
		return 0;
	case 1:
	case 2:
		*what = 's';
		return 1 + rnd_below(64);
	case 3:
		*what = 'm';
		return rnd_below(2 * PAGE_SIZE);
	case 4:
		*what = 'p';
		return PAGE_SIZE;
	case 5:
		*what = 'w';			/* all of scratch, and more */
		return scratch_size() + rnd_below(2) * PAGE_SIZE;
	default:
		return gen_undef(what);
	}
}

/* ---- pointers ---- */

/*
 * A pointer to bytes for the kernel to read or write; @align is the
 * alignment of a valid one.  The read-only page is one of the mistakes
 * tried: it is wrong wherever the kernel writes.
 */
uint32_t gen_ptr(char *what, uint32_t align)
{
	uint32_t off;

	switch (rnd_below(20)) {
	case 0: case 1: case 2: case 3: case 4: case 5: case 6: case 7:
		*what = 'v';
		off = rnd_below(scratch_size());
		return (uint32_t)ws.scratch + (off & ~(align - 1));
	case 8:
		*what = 'a';
		return (uint32_t)ws.scratch + rnd_below(scratch_size() - 4) * 4 + 1 +
			rnd_below(3);
	case 9: case 10:
		*what = 'e';			/* the unmapped page is next */
		return (uint32_t)ws.scratch_end - 1 - rnd_below(64);
	case 11:
		*what = 'n';
		return 0;
	case 12:
		*what = 'k';
		return one_in(2) ? 0xc0000000u + (rnd() & 0x00fffffcu) : 0xfffff000u;
	case 13: case 14:
		*what = 'u';
		return (uint32_t)ws.scratch_end + rnd_below(PAGE_SIZE);
	case 15: case 16:
		*what = 'r';
		return (uint32_t)ws.rdonly + (rnd_below(PAGE_SIZE) & ~(align - 1));
	case 17:
		*what = 'h';			/* just below the kernel */
		return 0xc0000000u - 1 - rnd_below(16);
	default:
		return gen_undef(what);
	}
}

/*
 * Where the structure of argument @i goes: its slot (what 'v'), or a bad
 * place.  The caller fills the structure only when the result is its slot
 * or straddles the unmapped page ('e': the structure is cut short).
 */
char *struct_place(int i, size_t size, char *what)
{
	switch (rnd_below(12)) {
	case 0:
		*what = 'n';
		return NULL;
	case 1:
		*what = 'k';
		return (char *)0xc0001000u;
	case 2:
		*what = 'u';
		return ws.scratch_end + 16;
	case 3:
		*what = 'e';
		return ws.scratch_end - size / 2;
	default:
		*what = 'v';
		return ws.scratch + i * SLOT_SIZE;
	}
}

/* Copy @size bytes of a built structure to @p, as far as the mapping goes. */
void place(char *p, const void *src, size_t size, char what)
{
	if (what == 'v')
		memcpy(p, src, size);
	else if (what == 'e')
		memcpy(p, src, (size_t)(ws.scratch_end - p));
}

/* ---- descriptors, pids, signals ---- */

uint32_t gen_fd(char *what)
{
	static const int bad[] = { -1, 1023, 1024, 1 << 20, 0x7fffffff, (int)0x80000000 };
	int fd;

	switch (rnd_below(10)) {
	case 0: case 1: case 2: case 3: case 4: case 5:
		*what = 'p';
		fd = ws.nr_pool ? ws.pool[rnd_below(ws.nr_pool)] : 3;
		break;
	case 6: case 7:
		*what = 's';
		fd = rnd_below(40);
		break;
	case 8:
		*what = 'b';
		fd = bad[rnd_below(sizeof(bad) / sizeof(bad[0]))];
		break;
	default:
		fd = (int)gen_undef(what);
	}
	if (fd >= RESERVED_FD_MIN && fd <= RESERVED_FD_MAX)
		fd = 3;
	return (uint32_t)fd;
}

uint32_t gen_pid(char *what)
{
	static const int out[] = { 32768, 32769, 0x7fffffff, (int)0x80000000,
				   4194304, -32769 };

	switch (rnd_below(10)) {
	case 0:
		*what = '0';
		return 0;
	case 1: case 2:
		*what = 'm';
		return (uint32_t)getpid();
	case 3:
		*what = 'i';			/* the namespace's init, the monitor */
		return 1;
	case 4: case 5:
		*what = 's';			/* a sibling, a child, or nobody */
		return 2 + rnd_below(64);
	case 6:
		*what = 'g';			/* a process group */
		return (uint32_t)-(int)(1 + rnd_below(64));
	case 7:
		*what = '-';
		return (uint32_t)-1;
	case 8:
		*what = 'o';
		return (uint32_t)out[rnd_below(sizeof(out) / sizeof(out[0]))];
	default:
		return gen_undef(what);
	}
}

uint32_t gen_sig(char *what)
{
	if (one_in(8))
		return gen_undef(what);
	*what = 'v';
	return rnd_below(_NSIG + 2);
}

/* ---- memory ---- */

/* An address to map at or unmap: the victim pages, the hole, or worse. */
uint32_t gen_addr(char *what)
{
	switch (rnd_below(10)) {
	case 0: case 1: case 2: case 3:
		*what = 'v';
		return (uint32_t)ws.victim + rnd_below(VICTIM_PAGES) * PAGE_SIZE;
	case 4:
		*what = 'a';
		return (uint32_t)ws.victim + 1 + rnd_below(PAGE_SIZE - 1);
	case 5:
		*what = 'u';
		return (uint32_t)ws.scratch_end;
	case 6:
		*what = 'n';
		return 0;
	case 7:
		*what = 'k';
		return one_in(2) ? 0xc0000000u : 0xbffff000u;
	default:
		*what = 'x';
		return rnd() & ~(PAGE_SIZE - 1);
	}
}

uint32_t gen_brk(char *what)
{
	switch (rnd_below(6)) {
	case 0:
		*what = '0';
		return 0;
	case 1: case 2:
		*what = '+';
		return ws.brk0 + rnd_below(64) * PAGE_SIZE + rnd_below(2) * rnd_below(PAGE_SIZE);
	case 3:
		*what = '-';
		return ws.brk0 - rnd_below(16) * PAGE_SIZE;
	default:
		return gen_undef(what);
	}
}

/* ---- flags and operations ---- */

/* Valid flags from @mask, each in or out at random; sometimes one stray bit. */
uint32_t gen_flags(uint32_t mask, char *what)
{
	uint32_t v = rnd() & mask;

	*what = 'f';
	if (one_in(4)) {
		v ^= 1u << rnd_below(32);
		*what = 'F';
	}
	return v;
}

uint32_t gen_op(const uint32_t *ops, char *what)
{
	unsigned int n = 0;

	while (n < MAX_OPS && ops[n] != OPS_END)
		n++;
	if (!n || one_in(8))
		return gen_undef(what);
	*what = 'o';
	return ops[rnd_below(n)];
}
