/*
 * tests/fuzz/args.c - the PRNG and the typed argument generators, in the
 * manner of trinity: an argument is not a random word but a value of its
 * type, most often a plausible one and otherwise one of the classic ways
 * to get it wrong (a closed descriptor, NULL, a kernel address, a buffer
 * that runs off the end of its mapping, a flag bit that should not be set).
 *
 * Each generated argument also gets a letter saying which variant it is
 * ("v" valid, "n" NULL, "k" kernel, "u" unmapped, "a" misaligned, "e" runs
 * off the end, "r" read-only, "x" noise...), which the log shows.
 *
 * Everything a generator points to lives in the worker's scratch pages
 * (struct worker_state, set up by worker.c): argument i's structure is
 * built in slot i, the first SLOT_SIZE * MAX_ARGS bytes, and buffers point
 * anywhere in the pages.  The page after them is unmapped on purpose.
 */
#include <signal.h>
#include <string.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <sched.h>
#include <fcntl.h>
#include <unistd.h>
#include <time.h>
#include <limits.h>
#include <uapi/misc.h>
#include "fuzz.h"

struct worker_state ws;

/* ---- the PRNG: xorshift32, reseeded for every call ---- */

static uint32_t rng_state;

/* A good 32-bit mixer (Chris Wellons' lowbias32). */
static uint32_t hash32(uint32_t x)
{
	x ^= x >> 16;
	x *= 0x7feb352du;
	x ^= x >> 15;
	x *= 0x846ca68bu;
	x ^= x >> 16;
	return x;
}

/* Seed the PRNG for call @call of the run with seed @seed. */
void rng_seed(uint32_t seed, uint32_t call)
{
	rng_state = hash32(hash32(seed) ^ (call * 0x9e3779b9u + 0x7f4a7c15u));
	if (!rng_state)
		rng_state = 1;
}

uint32_t rnd(void)
{
	uint32_t x = rng_state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return rng_state = x;
}

uint32_t rnd_below(uint32_t n)
{
	return rnd() % n;
}

int one_in(uint32_t n)
{
	return rnd_below(n) == 0;
}

/* ---- plain numbers ---- */

/* The values that find bugs: edges of types, pages and the address space. */
static const uint32_t interesting[] = {
	0, 1, 2, 3, 4, 7, 8, 16, 31, 32, 63, 64, 127, 128, 255, 256, 511, 512,
	1023, 1024, 4095, 4096, 4097, 0x7fff, 0x8000, 0xffff, 0x10000,
	0x7ffff000, 0x7fffffff, 0x80000000, 0x80000001, 0xbfffffff, 0xc0000000,
	0xfffff000, 0xfffffffe, 0xffffffff,
};
#define NR_INTERESTING	(sizeof(interesting) / sizeof(interesting[0]))

static uint32_t gen_undef(char *what)
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

static uint32_t scratch_size(void)
{
	return (uint32_t)(ws.scratch_end - ws.scratch);
}

static uint32_t gen_len(char *what)
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
 * A pointer to @len bytes for the kernel to read or write; @align is the
 * alignment of a valid one.  @writable: the kernel writes there, so the
 * read-only page counts as a mistake to try.
 */
static uint32_t gen_ptr(char *what, uint32_t align)
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
static char *struct_place(int i, size_t size, char *what)
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
static void place(char *p, const void *src, size_t size, char what)
{
	if (what == 'v')
		memcpy(p, src, size);
	else if (what == 'e')
		memcpy(p, src, (size_t)(ws.scratch_end - p));
}

/* ---- descriptors, pids, signals ---- */

static uint32_t gen_fd(char *what)
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

static uint32_t gen_pid(char *what)
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

static uint32_t gen_sig(char *what)
{
	if (one_in(8))
		return gen_undef(what);
	*what = 'v';
	return rnd_below(_NSIG + 2);
}

/* ---- paths ---- */

/* Paths that exist or not, anywhere: only looked at, never changed. */
static const char *const read_paths[] = {
	"/etc/motd", "/dev/null", "/dev/zero", "/", "/bin", "/tmp", "/bin/true",
	"/nonexistent", "/etc/motd/x", "", ".", "..", "file", "d", "d/f", "n0",
	FUZZ_DIR, "//etc///motd", "/bin/../etc/motd", "/dev", "/proc",
	/* procfs, when the supervisor could mount it */
	"/proc/self/status", "/proc/self/stat", "/proc/self/cmdline", "/proc/1/status",
	"/proc/2/comm", "/proc/meminfo", "/proc/slabinfo", "/proc/self/ns/pid",
	"/proc/sys/kernel/pid_max", "/proc/self", "/proc/1/ns",
};
/*
 * Paths the call may create, remove or truncate: under the worker's own
 * directory (its cwd), which the monitor removes after the round.  The
 * cwd only ever moves down from there (dir_paths), so ".." is at worst
 * FUZZ_DIR, which is never empty while workers run.
 */
static const char *const write_paths[] = {
	"file", "d", "d/f", "n0", "n1", "n2", "n3", "d/n4", "d/sub", "d/sub/n5",
	"nonexist/x", "", ".", "..", "file/x", "d/sub/..",
};
/* Where chdir may go: down from the worker's directory, never up. */
static const char *const dir_paths[] = {
	".", "d", "d/sub", "file", "nonexist", "",
};
/* Mostly a real program: then the worker is replaced and restarted. */
static const char *const exec_paths[] = {
	"/bin/true", "/bin/true", "/bin/true", "/bin/false", "/etc/motd", "/bin",
	"/nonexistent", "file", "/dev/null", "d",
};
#define NR(a)	(sizeof(a) / sizeof((a)[0]))

/*
 * A path for argument @i: one of @list copied into its slot (returned in
 * *@str for the log), or one of the bad strings.
 */
static uint32_t gen_path(int i, const char *const *list, unsigned int n,
			 char *what, const char **str)
{
	char *slot = ws.scratch + i * SLOT_SIZE;
	char *p;

	*str = NULL;
	switch (rnd_below(16)) {
	case 0:
		*what = 'n';
		return 0;
	case 1:
		*what = 'k';
		return 0xc0000000u;
	case 2:
		*what = 'u';
		return (uint32_t)ws.scratch_end;
	case 3:
		*what = 'e';		/* no NUL before the unmapped page */
		p = ws.scratch_end - 1 - rnd_below(32);
		memset(p, 'x', (size_t)(ws.scratch_end - p));
		return (uint32_t)p;
	case 4:
		*what = 'l';		/* longer than PATH_MAX, in the last pages */
		p = ws.scratch + PAGE_SIZE;
		memset(p, 'a', PATH_MAX + 16);
		for (unsigned int k = 1; k < PATH_MAX + 16; k += 2)
			p[k] = '/';
		p[PATH_MAX + 16] = '\0';
		return (uint32_t)p;
	default:
		*what = 's';
		*str = list[rnd_below(n)];
		strcpy(slot, *str);
		return (uint32_t)slot;
	}
}

/* A file system type for mount that no kernel has: the call must fail. */
static uint32_t gen_fstype(int i, char *what, const char **str)
{
	static const char *const types[] = { "", "nosuchfs", "ramfs-", "proc\001" };

	return gen_path(i, types, NR(types), what, str);
}

/* ---- structures ---- */

struct iovec32 {
	uint32_t base, len;
};

#define MAX_IOV		8

static uint32_t gen_iovec(int i, char *what, unsigned int *count)
{
	struct iovec32 iov[MAX_IOV];
	unsigned int n = rnd_below(MAX_IOV + 1), k;
	char w, *p;

	for (k = 0; k < n; k++) {
		iov[k].base = gen_ptr(&w, 1);
		iov[k].len = one_in(4) ? gen_len(&w) : rnd_below(256);
	}
	*count = n;
	p = struct_place(i, n * sizeof(iov[0]), what);
	place(p, iov, n * sizeof(iov[0]), *what);
	return (uint32_t)p;
}

/* A timespec no longer than 2 ms, or an invalid one: never a real sleep. */
static uint32_t gen_timespec(int i, char *what)
{
	int32_t ts[2];
	char *p;

	switch (rnd_below(4)) {
	case 0:
		ts[0] = -1 - (int32_t)rnd_below(3);
		ts[1] = (int32_t)rnd();
		break;
	case 1:
		ts[0] = 0;
		ts[1] = one_in(2) ? 1000000000 : -1;
		break;
	default:
		ts[0] = 0;
		ts[1] = (int32_t)rnd_below(2000000);
	}
	p = struct_place(i, sizeof(ts), what);
	place(p, ts, sizeof(ts), *what);
	return (uint32_t)p;
}

static uint32_t gen_sigset(int i, char *what)
{
	uint32_t set[2] = { rnd(), one_in(2) ? rnd() : 0 };
	char *p = struct_place(i, sizeof(set), what);

	place(p, set, sizeof(set), *what);
	return (uint32_t)p;
}

/* The library's signal trampolines (user/lib/sigrestore.S). */
void __restore(void);
void __restore_rt(void);

/* A handler that returns: signals then go through a real frame and back. */
static void fuzz_handler(int sig)
{
	(void)sig;
}

static uint32_t gen_sigaction(int i, char *what)
{
	struct {
		uint32_t handler, flags, restorer, mask[2];
	} act;
	static const uint32_t flag_bits = SA_NOCLDSTOP | SA_NOCLDWAIT | SA_SIGINFO |
		SA_RESTART | SA_NODEFER | SA_RESETHAND | SA_ONSTACK;
	char w, *p;

	switch (rnd_below(8)) {
	case 0: case 1:
		act.handler = (uint32_t)SIG_DFL;
		break;
	case 2: case 3:
		act.handler = (uint32_t)SIG_IGN;
		break;
	case 7:
		act.handler = gen_undef(&w);
		break;
	default:
		act.handler = (uint32_t)fuzz_handler;
	}
	act.flags = (rnd() & flag_bits) | (one_in(8) ? 0 : SA_RESTORER);
	if (one_in(16))
		act.flags ^= 1u << rnd_below(32);
	act.restorer = act.flags & SA_SIGINFO ? (uint32_t)__restore_rt :
		(uint32_t)__restore;
	if (one_in(16))
		act.restorer = gen_undef(&w);
	act.mask[0] = rnd();
	act.mask[1] = rnd();
	p = struct_place(i, sizeof(act), what);
	place(p, &act, sizeof(act), *what);
	return (uint32_t)p;
}

/*
 * An argv or envp: a few strings, or far too many (E2BIG), or an array
 * with a bad pointer in it, or one that runs into the unmapped page.
 */
static uint32_t gen_argv(int i, char *what)
{
	char *slot = ws.scratch + i * SLOT_SIZE;
	uint32_t *v = (uint32_t *)slot, *big;
	char *str = slot + SLOT_SIZE / 2, w;
	unsigned int n, k;

	switch (rnd_below(10)) {
	case 0:
		*what = 'n';
		return 0;
	case 1:
		*what = 'k';
		return 0xc0000000u;
	case 2:
		*what = 'e';		/* no NULL before the unmapped page */
		big = (uint32_t *)(ws.scratch_end - 16);
		for (k = 0; k < 4; k++)
			big[k] = (uint32_t)read_paths[0];
		return (uint32_t)big;
	case 3:
		*what = 'b';		/* thousands of long strings */
		big = (uint32_t *)(ws.scratch + 2 * PAGE_SIZE);
		memset(ws.scratch + PAGE_SIZE, 'b', PAGE_SIZE - 1);
		ws.scratch[2 * PAGE_SIZE - 1] = '\0';
		for (k = 0; k < PAGE_SIZE / 4 - 1; k++)
			big[k] = (uint32_t)(ws.scratch + PAGE_SIZE);
		big[k] = 0;
		return (uint32_t)big;
	default:
		*what = 'v';
		n = rnd_below(5);
		strcpy(str, "fuzz");
		for (k = 0; k < n; k++)
			v[k] = one_in(6) ? gen_ptr(&w, 1) : (uint32_t)str;
		v[n] = 0;
		return (uint32_t)slot;
	}
}

/* struct clone_args (Linux's, all __aligned_u64) as far as version 2. */
struct clone_args64 {
	uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack,
		stack_size, tls, set_tid, set_tid_size, cgroup;
};

static uint32_t gen_clone_args(int i, uint32_t flags_mask, char *what)
{
	struct clone_args64 a;
	char w, *p;

	memset(&a, 0, sizeof(a));
	a.flags = (rnd() & flags_mask) | (one_in(8) ? (uint64_t)rnd() << 32 : 0);
	if (one_in(4))
		a.flags ^= 1u << rnd_below(32);
	a.child_tid = one_in(2) ? gen_ptr(&w, 4) : 0;
	a.parent_tid = one_in(2) ? gen_ptr(&w, 4) : 0;
	a.exit_signal = one_in(4) ? gen_sig(&w) : SIGCHLD;
	if (one_in(4)) {
		a.stack = gen_ptr(&w, 16);
		a.stack_size = gen_len(&w);
	}
	if (one_in(8)) {
		a.set_tid = gen_ptr(&w, 4);
		a.set_tid_size = rnd_below(4);
	}
	p = struct_place(i, sizeof(a), what);
	place(p, &a, sizeof(a), *what);
	return (uint32_t)p;
}

/* ---- memory ---- */

/* An address to map at or unmap: the victim pages, the hole, or worse. */
static uint32_t gen_addr(char *what)
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

static uint32_t gen_brk(char *what)
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

/* Valid flags from @mask, each in or out at random; sometimes one stray bit. */
static uint32_t gen_flags(uint32_t mask, char *what)
{
	uint32_t v = rnd() & mask;

	*what = 'f';
	if (one_in(4)) {
		v ^= 1u << rnd_below(32);
		*what = 'F';
	}
	return v;
}

static uint32_t gen_op(const uint32_t *ops, char *what)
{
	unsigned int n = 0;

	while (n < MAX_OPS && ops[n] != OPS_END)
		n++;
	if (!n || one_in(8))
		return gen_undef(what);
	*what = 'o';
	return ops[rnd_below(n)];
}

/* ---- a whole call ---- */

/* System calls a random number must never reach (see table.c). */
static int never_random(int nr)
{
	unsigned int k;

	if (nr == __NR_exit || nr == __NR_exit_group || nr == __NR_pause ||
	    nr == __NR_rt_sigsuspend || nr == __NR_reboot || nr == 190 /* vfork */)
		return 1;
	for (k = 0; k < nr_syscall_specs; k++)
		if (syscall_table[k].nr == nr)
			return 1;
	return 0;
}

/* Highest number a random call tries: past the end of Linux i386's table. */
#define NR_RANDOM_MAX	460

/* Paths chosen for the log, per argument. */
static const char *call_strings[MAX_ARGS];

static const struct syscall_spec *pick_spec(void)
{
	static unsigned int total;
	unsigned int k, r;

	if (!total)
		for (k = 0; k < nr_syscall_specs; k++)
			total += syscall_table[k].weight;
	r = rnd_below(total);
	for (k = 0; k < nr_syscall_specs; k++) {
		if (r < syscall_table[k].weight)
			return &syscall_table[k];
		r -= syscall_table[k].weight;
	}
	return &syscall_table[0];
}

/*
 * gen_call - make up call @callno of the run with @seed: pick a system
 * call by weight (or, rarely, a random number with random words) and an
 * argument of each type its spec says.
 */
void gen_call(struct call *c, uint32_t seed, uint32_t callno)
{
	const struct syscall_spec *s;
	unsigned int count = 0;
	int i;

	rng_seed(seed, callno);
	memset(c, 0, sizeof(*c));
	memset(call_strings, 0, sizeof(call_strings));
	if (one_in(50)) {
		c->spec = NULL;
		do
			c->nr = (int)rnd_below(NR_RANDOM_MAX);
		while (never_random(c->nr));
		for (i = 0; i < MAX_ARGS; i++)
			c->arg[i] = gen_undef(&c->what[i]);
		return;
	}
	s = c->spec = pick_spec();
	c->nr = s->nr;
	for (i = 0; i < s->nargs; i++) {
		char *w = &c->what[i];
		uint32_t v;

		switch (s->arg[i]) {
		case ARG_NONE:		v = 0; *w = '-'; break;
		case ARG_UNDEF:		v = gen_undef(w); break;
		case ARG_FD:		v = gen_fd(w); break;
		case ARG_PID:		v = gen_pid(w); break;
		case ARG_SIG:		v = gen_sig(w); break;
		case ARG_LEN:		v = gen_len(w); break;
		case ARG_BUF:		v = gen_ptr(w, 1); break;
		case ARG_CBUF:		v = gen_ptr(w, 1); break;
		case ARG_INTPTR:	v = gen_ptr(w, 4); break;
		case ARG_PATH:
			v = gen_path(i, read_paths, NR(read_paths), w, &call_strings[i]);
			break;
		case ARG_WPATH:
			v = gen_path(i, write_paths, NR(write_paths), w, &call_strings[i]);
			break;
		case ARG_XPATH:
			v = gen_path(i, exec_paths, NR(exec_paths), w, &call_strings[i]);
			break;
		case ARG_DPATH:
			v = gen_path(i, dir_paths, NR(dir_paths), w, &call_strings[i]);
			break;
		case ARG_FSTYPE:	v = gen_fstype(i, w, &call_strings[i]); break;
		case ARG_MODE:
			*w = 'v';
			v = one_in(8) ? gen_undef(w) : rnd_below(010000);
			break;
		case ARG_FLAGS:		v = gen_flags(s->flags[i], w); break;
		case ARG_OP:		v = gen_op(s->ops[i], w); break;
		case ARG_ADDR:		v = gen_addr(w); break;
		case ARG_BRK:		v = gen_brk(w); break;
		case ARG_IOVEC:		v = gen_iovec(i, w, &count); break;
		case ARG_IOVCNT:
			v = one_in(4) ? gen_undef(w) : count;
			break;
		case ARG_TIMESPEC:	v = gen_timespec(i, w); break;
		case ARG_SIGSET:	v = gen_sigset(i, w); break;
		case ARG_SIGSETSIZE:	v = one_in(8) ? gen_undef(w) : 8; break;
		case ARG_SIGACTION:	v = gen_sigaction(i, w); break;
		case ARG_ARGV:		v = gen_argv(i, w); break;
		case ARG_CLONE_ARGS:	v = gen_clone_args(i, s->flags[i], w); break;
		case ARG_CLONE_SIZE: {
			static const uint32_t sizes[] = { 64, 80, 88, 0, 63, 4097 };

			*w = 'o';
			v = sizes[rnd_below(NR(sizes))];
			break;
		}
		default:		v = gen_undef(w);
		}
		c->arg[i] = v;
	}
	fixup_call(c);
}

/* The log line of a call: "#N name(arg, ...)" with paths shown as text. */
int format_call(char *buf, size_t size, uint32_t callno, const struct call *c)
{
	int n, i, nargs = c->spec ? c->spec->nargs : MAX_ARGS;

	if (c->spec)
		n = snprintf(buf, size, "#%u %s(", callno, c->spec->name);
	else
		n = snprintf(buf, size, "#%u syscall_%d(", callno, c->nr);
	for (i = 0; i < nargs && n < (int)size; i++) {
		if (call_strings[i])
			n += snprintf(buf + n, size - n, "%s\"%.40s\"", i ? ", " : "",
				      call_strings[i]);
		else
			n += snprintf(buf + n, size - n, "%s%c:%#lx", i ? ", " : "",
				      c->what[i] ? c->what[i] : '?', c->arg[i]);
	}
	if (n < (int)size)
		n += snprintf(buf + n, size - n, ")\n");
	return n < (int)size ? n : (int)size - 1;
}
