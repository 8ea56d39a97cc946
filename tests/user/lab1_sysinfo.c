/*
 * tests/user/lab1_sysinfo.c - Lab 1: sysinfo(2) (116), as a program sees it.
 *
 * Four parts, each also run alone by the grader (tests/labs/lab1.py) so
 * each earns its own points; with no argument all four run:
 *
 *   fields   the call returns 0 and writes exactly the 64 bytes of the
 *            i386 struct (pad and _f zero, the bytes after it untouched);
 *            mem_unit a power of two; freeram <= totalram; totalram in
 *            bytes equals MemTotal of /proc/meminfo
 *   uptime   never less than CLOCK_MONOTONIC's seconds, at least 1 more
 *            after a 1.1 s sleep, and counting seconds (it advances no
 *            faster than the monotonic clock, give or take rounding)
 *   procs    counts tasks: at least 1; at least 21 with 20 children alive
 *            and still with those 20 as zombies (a task counts until it is
 *            reaped); one more while a forked child lives, one less after
 *            it is reaped
 *   efault   NULL, 1, a kernel address, an unmapped page, a struct that
 *            runs off its page and a read-only page: EFAULT
 *
 * On Linux the test is pid 1 of a new pid namespace, but sysinfo() counts
 * the whole host's tasks and memory, so only relations are printed, and
 * every procs check holds however the host's other processes come and go:
 * lower bounds by children the test itself holds, and "one more" / "one
 * less" need only one of PROCS_TRIES attempts with no stranger in between.
 * The bad pointers go through syscall(SYS_sysinfo, ...) so no C library
 * wrapper touches them first.
 */
#include "proc.h"		/* first: it asks glibc for its GNU names */
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>

#define KERNEL_ADDR	0xC0001000UL
#define PAGE_SIZE	4096
#define SI_SIZE		64	/* Linux i386's sizeof(struct sysinfo) */
#define CANARY		0xA5
#define NR_CHILDREN	20	/* held alive, then as zombies */
#define PROCS_TRIES	20	/* attempts at "one more" / "one less" */
#define SLEEP_MS	1100

/* A raw sysinfo(): no wrapper, so a bad pointer reaches the kernel as it is. */
static long raw_sysinfo(void *info)
{
	return syscall(SYS_sysinfo, info);
}

/* sysinfo()'s procs, or -1 if the call failed. */
static long procs_now(void)
{
	struct sysinfo si;

	return sysinfo(&si) == 0 ? si.procs : -1;
}

/* MemTotal of /proc/meminfo in kB, or -1. */
static long long meminfo_total_kb(void)
{
	char text[1024], *p;

	if (read_text("/proc/meminfo", text, sizeof(text)) <= 0)
		return -1;
	p = strstr(text, "MemTotal:");
	return p ? (long long)strtoull(p + strlen("MemTotal:"), NULL, 10) : -1;
}

static void test_fields(void)
{
	unsigned char buf[SI_SIZE + 16];
	struct sysinfo *si = (struct sysinfo *)buf;
	unsigned long long total_kb;
	long long memtotal;
	unsigned int i, zero = 1, untouched = 1;

	CHECK_EQ(sizeof(struct sysinfo), SI_SIZE, "fields: struct sysinfo is 64 bytes");
	memset(buf, CANARY, sizeof(buf));
	if (!CHECK_EQ(sysinfo(si), 0, "fields: sysinfo returns 0"))
		say("    (errno %s)", errno_name(errno));
	CHECK_EQ(si->pad, 0, "fields: pad is zero");
	for (i = 0; i < sizeof(si->_f); i++)
		zero &= si->_f[i] == 0;
	CHECK(zero, "fields: the padding _f[] is zero");
	for (i = SI_SIZE; i < sizeof(buf); i++)
		untouched &= buf[i] == CANARY;
	CHECK(untouched, "fields: nothing written past the 64 bytes");

	CHECK(si->mem_unit != 0 && (si->mem_unit & (si->mem_unit - 1)) == 0,
	      "fields: mem_unit is a power of two");
	CHECK(si->totalram > 0, "fields: totalram > 0");
	CHECK(si->freeram <= si->totalram, "fields: freeram <= totalram");
	CHECK(si->totalhigh <= si->totalram && si->freehigh <= si->totalhigh,
	      "fields: freehigh <= totalhigh <= totalram");
	CHECK(si->freeswap <= si->totalswap, "fields: freeswap <= totalswap");

	/* MemTotal is the same counter (Linux's totalram_pages()) in kB. */
	total_kb = (unsigned long long)si->totalram * si->mem_unit / 1024;
	memtotal = meminfo_total_kb();
	CHECK(memtotal > 0, "fields: /proc/meminfo has MemTotal");
	if (!CHECK(memtotal >= 0 && total_kb == (unsigned long long)memtotal,
		   "fields: totalram * mem_unit / 1024 is MemTotal"))
		say("    (totalram %lu, mem_unit %u: %llu kB; MemTotal %lld kB)", si->totalram,
		    si->mem_unit, total_kb, memtotal);
}

static void test_uptime(void)
{
	struct timespec t0, t1;
	struct sysinfo a, b;
	long advance;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	CHECK_EQ(sysinfo(&a), 0, "uptime: sysinfo returns 0");
	sleep_ms(SLEEP_MS);
	CHECK_EQ(sysinfo(&b), 0, "uptime: and again after sleeping 1.1 s");
	clock_gettime(CLOCK_MONOTONIC, &t1);

	CHECK(a.uptime >= 0, "uptime: not negative");
	/*
	 * The seconds since boot, rounded up, cannot be fewer than the
	 * monotonic clock's whole seconds read before (Linux's boot-time
	 * clock is the monotonic one plus time suspended).
	 */
	if (!CHECK(a.uptime >= t0.tv_sec, "uptime: at least CLOCK_MONOTONIC's seconds"))
		say("    (uptime %ld, monotonic %ld s)", a.uptime, (long)t0.tv_sec);
	CHECK(b.uptime >= a.uptime, "uptime: does not go back");
	CHECK(b.uptime >= a.uptime + 1, "uptime: at least 1 more after 1.1 s");
	/*
	 * In seconds, not ticks or milliseconds: it advanced no more than the
	 * monotonic clock's whole seconds, plus 1 for each reading's rounding.
	 */
	advance = b.uptime - a.uptime;
	if (!CHECK(advance <= t1.tv_sec - t0.tv_sec + 2,
		   "uptime: counts seconds (advances with the monotonic clock)"))
		say("    (uptime advanced %ld while the monotonic clock advanced %ld s)", advance,
		    (long)(t1.tv_sec - t0.tv_sec));
}

/* A child that waits until @fd (a pipe's read end) reaches EOF, then exits 0. */
static pid_t fork_waiter(int fds[2])
{
	pid_t pid = fork();
	char c;

	if (pid == 0) {
		close(fds[1]);
		while (read(fds[0], &c, 1) > 0)
			;
		_exit(0);
	}
	return pid;
}

static void test_procs(void)
{
	pid_t pids[NR_CHILDREN];
	int fds[2], i, forked = 0, zombies = 0, reaped = 0, more = 0, less = 0;
	long n, before, during, after;

	n = procs_now();
	CHECK(n >= 1, "procs: at least 1 (this process)");

	/* NR_CHILDREN children, each blocked reading a pipe nobody writes. */
	pipe(fds);
	for (i = 0; i < NR_CHILDREN; i++) {
		pids[i] = fork_waiter(fds);
		forked += pids[i] > 0;
	}
	CHECK_EQ(forked, NR_CHILDREN, "procs: forked %d children", NR_CHILDREN);
	n = procs_now();
	if (!CHECK(n >= NR_CHILDREN + 1, "procs: at least %d with %d children alive",
		   NR_CHILDREN + 1, NR_CHILDREN))
		say("    (procs %ld)", n);

	/* Closing the write end lets them exit; unreaped, they are zombies. */
	close(fds[1]);
	close(fds[0]);
	for (i = 0; i < NR_CHILDREN; i++)
		zombies += pids[i] > 0 && wait_state(pids[i], 'Z');
	CHECK_EQ(zombies, NR_CHILDREN, "procs: all %d children are zombies now", NR_CHILDREN);
	n = procs_now();
	if (!CHECK(n >= NR_CHILDREN + 1, "procs: still at least %d: a zombie counts until reaped",
		   NR_CHILDREN + 1))
		say("    (procs %ld)", n);
	for (i = 0; i < NR_CHILDREN; i++)
		reaped += pids[i] > 0 && WIFEXITED(wait_child(pids[i]));
	CHECK_EQ(reaped, NR_CHILDREN, "procs: reaped them all");

	/*
	 * One more while a child lives, one less once it is reaped.  On Linux
	 * another process of the host may start or end in between, so each
	 * needs to be seen only once in PROCS_TRIES attempts.
	 */
	for (i = 0; i < PROCS_TRIES && !(more && less); i++) {
		pid_t pid;

		pipe(fds);
		before = procs_now();
		pid = fork_waiter(fds);
		during = procs_now();
		close(fds[1]);
		close(fds[0]);
		if (pid < 0 || wait_child(pid) < 0)
			break;
		after = procs_now();
		more |= during >= before + 1;
		less |= after <= during - 1;
	}
	CHECK(more, "procs: one more while a forked child lives");
	CHECK(less, "procs: one less once it is reaped");
}

static void test_efault(void)
{
	char *page = mmap(NULL, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *ro = mmap(NULL, PAGE_SIZE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct sysinfo si;

	CHECK_ERR(raw_sysinfo(NULL), EFAULT, "efault: sysinfo(NULL)");
	CHECK_ERR(raw_sysinfo((void *)1), EFAULT, "efault: sysinfo(1)");
	CHECK_ERR(raw_sysinfo((void *)KERNEL_ADDR), EFAULT, "efault: a kernel address");

	CHECK(page != MAP_FAILED && ro != MAP_FAILED, "efault: mmap the pages");
	if (page == MAP_FAILED || ro == MAP_FAILED)
		return;
	/* The second page goes: the first ends 32 bytes into the struct. */
	CHECK_EQ(munmap(page + PAGE_SIZE, PAGE_SIZE), 0, "efault: unmap the second page");
	CHECK_ERR(raw_sysinfo(page + PAGE_SIZE), EFAULT, "efault: an unmapped page");
	CHECK_ERR(raw_sysinfo(page + PAGE_SIZE - SI_SIZE / 2), EFAULT,
		  "efault: a struct that runs off the end of its page");
	CHECK_EQ(raw_sysinfo(page + PAGE_SIZE - SI_SIZE), 0,
		 "efault: one that ends exactly at the end of the page: 0");
	CHECK_ERR(raw_sysinfo(ro), EFAULT, "efault: a read-only page");
	munmap(page, PAGE_SIZE);
	munmap(ro, PAGE_SIZE);

	CHECK_EQ(sysinfo(&si), 0, "efault: the process lives on and sysinfo works");
}

static const struct {
	const char *name;
	void (*fn)(void);
} parts[] = {
	{ "fields", test_fields },
	{ "uptime", test_uptime },
	{ "procs", test_procs },
	{ "efault", test_efault },
};

/* Run the parts named in argv (words the kernel passed to init), or all. */
int main(int argc, char **argv)
{
	unsigned int i;
	int a;

	check_begin("lab1_sysinfo");
	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		int wanted = argc < 2;

		for (a = 1; a < argc; a++)
			wanted |= !strcmp(argv[a], parts[i].name);
		if (wanted)
			parts[i].fn();
	}
	for (a = 1; a < argc; a++) {
		int known = 0;

		for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
			known |= !strcmp(argv[a], parts[i].name);
		CHECK(known, "argument \"%s\" names a part", argv[a]);
	}
	return check_done();
}
