/*
 * tests/user/lab5_pid_max.c - lab 5: each pid namespace has its own
 * pid_max, read and written through /proc/sys/kernel/pid_max (Linux 6.14
 * and later; the host runs 6.18).
 *
 * The file shows the pid_max of the caller's own namespace.  Every test
 * below runs in namespaces the test makes itself, so their pids are
 * 1, 2, 3, ... on both kernels and can be printed:
 *
 *   default   the test's own namespace reads a number above 300, and
 *             still the same at the end, whatever its children wrote
 *   writes    a new namespace C starts at PID_MAX_LIMIT (the largest a
 *             write may set: 32768 on i386, 4194304 on a 64-bit Linux, so
 *             neither is printed); the write rules of proc_dointvec_minmax
 *             (EINVAL for junk and for values outside 301..PID_MAX_LIMIT,
 *             the old value kept); the test's namespace keeps its value
 *   wrap      C at pid_max 500: children 2 .. 499, then 300, 301
 *   nested    a namespace G made after C's write starts at PID_MAX_LIMIT
 *             again, and its own pids pass 500
 *   full      F at 301 with 290 children; a namespace H below it may set
 *             a larger pid_max, but F's numbers run out first: 8
 *             children, then EAGAIN; after the wrap only 300 comes back
 *   lowered   K's pid_max lowered below its cursor and below a live pid:
 *             the next fork wraps within the new limit (EAGAIN here)
 *
 * Each part runs in namespaces of its own; "lab5_pid_max wrap full" runs
 * only those parts (the grader scores them apart), no argument all five.
 * Every loop is bounded, so without the lab (pid_max read-only, EACCES
 * on opening it for writing) the checks fail instead of hanging.
 */
#include "pidns.h"

#define PID_MAX_FILE	"/proc/sys/kernel/pid_max"
#define RESERVED_PIDS	300		/* where the cursor wraps to */
#define PID_MAX_MIN	(RESERVED_PIDS + 1)	/* the least value a write may set */
#define SMALL_MAX	500		/* C's pid_max */
#define WRAP_BOUND	(SMALL_MAX + 100)	/* forks before giving up on the wrap */
#define NESTED_FORKS	(SMALL_MAX + 100)	/* G's children, one after another */
#define F_SLEEPERS	290		/* F's children kept alive: pids 2 .. 291 */
/* F's numbers left for H's children: 1 is F's init, 292 H's, so 293 .. 300. */
#define H_LEFT		(RESERVED_PIDS - (F_SLEEPERS + 2))
#define H_BOUND		50		/* H's forks before giving up */
#define H_MAX		1000		/* H's own pid_max, above F's */
#define K_KEEP_A	300		/* K's children kept alive across the lowering */
#define K_KEEP_B	310
#define K_RAISED	305		/* K's pid_max after that */

static int test_max;		/* the test's own namespace's pid_max */
static int fresh_max;		/* what a new namespace starts at */

/* pid_max as read by the caller: the number, or -1 (and say why). */
static int read_pid_max(void)
{
	char buf[32];
	int fd = open(PID_MAX_FILE, O_RDONLY), n;

	if (fd < 0) {
		say("    (open %s: %s)", PID_MAX_FILE, errno_name(errno));
		return -1;
	}
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n < 2 || buf[n - 1] != '\n' || (int)strspn(buf, "0123456789") != n - 1) {
		say("    (%s does not read as a number and a newline)", PID_MAX_FILE);
		return -1;
	}
	buf[n] = '\0';
	return atoi(buf);
}

/* write(2) @text to pid_max through a fresh open: its result, errno kept. */
static long write_text(const char *text, size_t len)
{
	int fd = open(PID_MAX_FILE, O_WRONLY), err;
	long n;

	if (fd < 0)
		return -1;
	n = write(fd, text, len);
	err = errno;
	close(fd);
	errno = err;
	return n;
}

static long write_str(const char *text)
{
	return write_text(text, strlen(text));
}

/* The check that writing @text returns @want; a FAIL names a failed write's errno. */
static int check_write_v(const char *text, long want, const char *fmt, va_list ap)
{
	long n = write_str(text);
	int err = errno;
	char why[64];

	if (n == -1)
		snprintf(why, sizeof(why), "got %s", errno_name(err));
	else
		snprintf(why, sizeof(why), "got %ld, want %ld", n, want);
	return check_report(n == want, why, fmt, ap);
}

static CHECK_PRINTF(3, 4) int check_write(const char *text, long want, const char *fmt, ...)
{
	va_list ap;
	int ok;

	va_start(ap, fmt);
	ok = check_write_v(text, want, fmt, ap);
	va_end(ap);
	return ok;
}

/* check_set - set pid_max to @value ("%d\n"), checking that all of it is taken. */
static CHECK_PRINTF(2, 3) int check_set(int value, const char *fmt, ...)
{
	char buf[32];
	va_list ap;
	int ok;

	snprintf(buf, sizeof(buf), "%d\n", value);
	va_start(ap, fmt);
	ok = check_write_v(buf, strlen(buf), fmt, ap);
	va_end(ap);
	return ok;
}

/* fork a child that exits at once and reap it: its pid, or -1. */
static pid_t spawn_reaped(void)
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(0);
	if (pid > 0)
		waitpid(pid, NULL, 0);
	return pid;
}

/* fork a child that waits until every write end of @gate is closed. */
static pid_t spawn_sleeper(int gate[2])
{
	pid_t pid = fork();

	if (pid == 0) {
		close(gate[1]);
		wait_eof(gate[0]);
		_exit(0);
	}
	return pid;
}

/* Let the sleepers of @gate go, and reap every child: how many there were. */
static int release_all(int gate[2])
{
	int reaped = 0;
	pid_t got;

	close(gate[1]);
	close(gate[0]);
	while ((got = waitpid(-1, NULL, 0)) > 0 || (got == -1 && errno == EINTR))
		reaped += got > 0;
	return reaped;
}

/* The write rules, in a new namespace C (left at SMALL_MAX). */
static void c_writes(void)
{
	char buf[32];
	int fd, err;

	fresh_max = read_pid_max();
	CHECK(fresh_max >= PID_MAX_MIN, "writes: C, a new namespace, reads a pid_max of its own");
	check_set(fresh_max, "writes: writing back the value it started at is taken whole");
	snprintf(buf, sizeof(buf), "%d\n", fresh_max + 1);
	CHECK_ERR(write_str(buf), EINVAL,
		  "writes: one more is refused: a new namespace starts at PID_MAX_LIMIT, the largest");
	check_write("500\n", 4, "writes: \"500\\n\" is taken whole");
	CHECK_EQ(read_pid_max(), 500, "writes: pid_max reads 500");
	check_write("501", 3, "writes: \"501\" without a newline is taken too");
	CHECK_EQ(read_pid_max(), 501, "writes: pid_max reads 501");
	check_write(" 0x1f4\n", 7, "writes: \" 0x1f4\\n\" (C notation, space first) is taken");
	CHECK_EQ(read_pid_max(), 500, "writes: pid_max reads 500");
	CHECK_ERR(write_str("abc"), EINVAL, "writes: \"abc\" is refused");
	CHECK_ERR(write_str("\n"), EINVAL, "writes: a newline alone is refused");
	CHECK_ERR(write_str("501abc"), EINVAL, "writes: \"501abc\" (junk after the number) is refused");
	CHECK_ERR(write_str("-1"), EINVAL, "writes: -1 is refused");
	CHECK_ERR(write_str("300"), EINVAL, "writes: 300 is refused: pid_max must exceed RESERVED_PIDS");
	check_write("301", 3, "writes: 301, the least value, is taken");
	CHECK_ERR(write_str("2147483648"), EINVAL, "writes: 2147483648 (beyond int) is refused");
	CHECK_EQ(read_pid_max(), 301, "writes: after the refused writes pid_max still reads 301");
	check_write("", 0, "writes: an empty write returns 0");
	check_write("502 junk", 4,
		 "writes: \"502 junk\" takes \"502 \" (4 bytes) and leaves the rest");
	CHECK_EQ(read_pid_max(), 502, "writes: pid_max reads 502");

	fd = open(PID_MAX_FILE, O_WRONLY);
	err = errno;
	check_why(fd >= 0, errno_name(err), "writes: pid_max opens for writing (mode 0644)");
	CHECK(fd >= 0 && write(fd, "510", 3) == 3, "writes: one open file: \"510\" is taken");
	CHECK(write(fd, "520", 3) == 3 && read_pid_max() == 510,
	      "writes: a second write, not at position 0, returns 3 and changes nothing");
	CHECK(lseek(fd, 0, SEEK_SET) == 0 && write(fd, "520", 3) == 3 && read_pid_max() == 520,
	      "writes: after lseek to 0 it is taken: 520");
	close(fd);
	fd = open(PID_MAX_FILE, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	err = errno;
	check_why(fd >= 0, errno_name(err),
		  "writes: it opens as a shell's \"echo 500 >\" opens it (O_CREAT|O_TRUNC)");
	CHECK(fd >= 0 && write(fd, "500\n", 4) == 4 && read_pid_max() == SMALL_MAX,
	      "writes: and \"500\\n\" through it is taken: 500");
	if (fd >= 0)
		close(fd);
}

/* C at pid_max 500: children 2 .. 499 in order, then the wrap to 300. */
static void c_wrap(void)
{
	pid_t pid = 0, last = 1;
	int forks, in_order = 1;

	for (forks = 0; forks < WRAP_BOUND; forks++) {
		pid = spawn_reaped();
		if (pid < 0) {
			say("    (fork failed after %d: %s)", forks, errno_name(errno));
			break;
		}
		if (pid < last)
			break;
		in_order = in_order && pid == last + 1;
		last = pid;
	}
	CHECK(in_order, "wrap: C's children, forked and reaped one by one, are 2, 3, 4, ...");
	CHECK_EQ(last, SMALL_MAX - 1, "wrap: up to %d, the last below pid_max", SMALL_MAX - 1);
	CHECK_EQ(pid, RESERVED_PIDS, "wrap: then %d: the cursor wrapped to RESERVED_PIDS",
		 RESERVED_PIDS);
	CHECK_EQ(spawn_reaped(), RESERVED_PIDS + 1, "wrap: then %d", RESERVED_PIDS + 1);
}

/* G, made by C after C's write: its own pid_max, its own numbers. */
static void g_nested(void)
{
	pid_t pid, last = 1;
	int i, in_order = 1;

	CHECK(read_pid_max() == fresh_max,
	      "nested: G, made after C's write, starts at PID_MAX_LIMIT, not C's %d", SMALL_MAX);
	for (i = 0; i < NESTED_FORKS; i++) {
		pid = spawn_reaped();
		if (pid < 0) {
			say("    (fork failed after %d: %s)", i, errno_name(errno));
			break;
		}
		in_order = in_order && pid == last + 1;
		last = pid;
	}
	CHECK(in_order && last == NESTED_FORKS + 1,
	      "nested: G's children are 2 .. %d in order: past C's %d, below G's own pid_max",
	      NESTED_FORKS + 1, SMALL_MAX);
}

static void lab_wrap(void)
{
	check_set(SMALL_MAX, "wrap: C sets pid_max %d", SMALL_MAX);
	c_wrap();
}

static void lab_nested(void)
{
	fresh_max = read_pid_max();	/* for G: what a new namespace starts at */
	check_set(SMALL_MAX, "nested: C sets pid_max %d", SMALL_MAX);
	in_new_ns("nested", g_nested);
	CHECK_EQ(read_pid_max(), SMALL_MAX, "nested: C still reads %d", SMALL_MAX);
}

static int f_gate[2];

/* H, below a full-but-for-8 F: H's larger pid_max does not help it. */
static void h_below_full_parent(void)
{
	int gate[2], forked = 0, err = 0;

	close(f_gate[0]);
	close(f_gate[1]);
	CHECK(read_pid_max() == fresh_max, "full: H, below F, starts at PID_MAX_LIMIT");
	check_set(H_MAX, "full: H may set %d, more than F's %d", H_MAX, PID_MAX_MIN);
	pipe(gate);
	while (forked < H_BOUND) {
		pid_t pid = spawn_sleeper(gate);

		if (pid < 0) {
			err = errno;
			break;
		}
		forked++;
	}
	CHECK_EQ(forked, H_LEFT, "full: H's init forks %d children: F had %d numbers left", H_LEFT,
		 H_LEFT);
	CHECK_EQ(err, EAGAIN, "full: then fork fails with EAGAIN");
	CHECK_EQ(release_all(gate), forked, "full: H's children released and reaped");
}

static void lab_full(void)
{
	pid_t pid, last = 0, h;
	int i;

	fresh_max = read_pid_max();	/* for H: what a new namespace starts at */
	check_set(PID_MAX_MIN, "full: F sets pid_max %d, the least", PID_MAX_MIN);
	pipe(f_gate);
	for (i = 0; i < F_SLEEPERS; i++) {
		pid = spawn_sleeper(f_gate);
		if (pid < 0) {
			say("    (fork failed after %d: %s)", i, errno_name(errno));
			break;
		}
		last = pid;
	}
	CHECK_EQ(last, F_SLEEPERS + 1, "full: F's init has %d children alive, pids 2 .. %d",
		 F_SLEEPERS, F_SLEEPERS + 1);
	h = fork_newpid();
	if (h == 0) {
		child_begin();
		h_below_full_parent();
		_exit(child_end());
	}
	if (h < 0) {
		check_why(0, errno_name(errno), "full: clone(CLONE_NEWPID) for H");
	} else {
		/* H prints its own checks meanwhile: F prints again once H is done. */
		CHECK_EXITED(wait_status(h), 0, "full: H's init passed its checks");
		tally_collect();
		CHECK_EQ(h, F_SLEEPERS + 2, "full: H's init was %d in F", F_SLEEPERS + 2);
	}
	/* The cursor passed 300: 292 .. 299 are free but below RESERVED_PIDS. */
	pid = spawn_sleeper(f_gate);
	CHECK_EQ(pid, RESERVED_PIDS, "full: H gone, F's next child is %d, the only number "
		 "the wrap searches", RESERVED_PIDS);
	CHECK_ERR(try_fork(), EAGAIN, "full: then fork fails although %d .. %d are free",
		  F_SLEEPERS + 2, RESERVED_PIDS - 1);
	check_set(PID_MAX_MIN + 1, "full: F raises pid_max to %d", PID_MAX_MIN + 1);
	CHECK_EQ(spawn_sleeper(f_gate), PID_MAX_MIN, "full: F's next child is %d", PID_MAX_MIN);
	CHECK_EQ(release_all(f_gate), F_SLEEPERS + 2, "full: F's %d children released and reaped",
		 F_SLEEPERS + 2);
}

/* K: pid_max lowered below the cursor and below a live process. */
static void lab_lowered(void)
{
	int gate[2];
	pid_t pid = 0;

	pipe(gate);
	while (pid >= 0 && pid < K_KEEP_B) {
		pid = fork();
		if (pid == 0) {
			close(gate[1]);
			if (getpid() == K_KEEP_A || getpid() == K_KEEP_B)
				wait_eof(gate[0]);
			_exit(0);
		}
		if (pid > 0 && pid != K_KEEP_A && pid != K_KEEP_B)
			waitpid(pid, NULL, 0);
	}
	CHECK_EQ(pid, K_KEEP_B, "lowered: K forked up to %d, keeping %d and %d alive", K_KEEP_B,
		 K_KEEP_A, K_KEEP_B);
	check_set(PID_MAX_MIN, "lowered: K sets pid_max %d, below its cursor and below %d",
	      PID_MAX_MIN, K_KEEP_B);
	CHECK_ERR(try_fork(), EAGAIN,
		  "lowered: fork fails: the wrap searches only %d, which is in use", RESERVED_PIDS);
	CHECK_EQ(kill(K_KEEP_B, 0), 0, "lowered: %d, above pid_max now, lives on", K_KEEP_B);
	check_set(K_RAISED, "lowered: K sets pid_max %d", K_RAISED);
	CHECK_EQ(spawn_reaped(), PID_MAX_MIN, "lowered: the next child is %d, the first free "
		 "after the wrap", PID_MAX_MIN);
	CHECK_EQ(release_all(gate), 2, "lowered: %d and %d released and reaped", K_KEEP_A, K_KEEP_B);
}

/* The parts, each in namespaces of its own: all of them, or those named in argv. */
static const struct {
	const char *name;
	void (*fn)(void);
} parts[] = {
	{ "writes", c_writes },
	{ "wrap", lab_wrap },
	{ "nested", lab_nested },
	{ "full", lab_full },
	{ "lowered", lab_lowered },
};

#define NR_PARTS	(sizeof(parts) / sizeof(parts[0]))

static int wanted(int argc, char **argv, const char *name)
{
	int i;

	for (i = 1; i < argc; i++)
		if (!strcmp(argv[i], name))
			return 1;
	return argc <= 1;
}

int main(int argc, char **argv)
{
	unsigned int i;
	int known = 0, a;

	pidns_begin("lab5_pid_max");
	for (a = 1; a < argc; a++)
		for (i = 0; i < NR_PARTS; i++)
			known += !strcmp(argv[a], parts[i].name);
	CHECK_EQ(known, argc - 1, "lab5_pid_max: every part named on the command line exists");
	test_max = read_pid_max();
	CHECK(test_max > RESERVED_PIDS, "default: pid_max reads as a number above %d",
	      RESERVED_PIDS);
	for (i = 0; i < NR_PARTS; i++)
		if (wanted(argc, argv, parts[i].name))
			in_new_ns(parts[i].name, parts[i].fn);
	CHECK_EQ(read_pid_max(), test_max, "default: the test's own namespace still reads its value");
	return pidns_done();
}
