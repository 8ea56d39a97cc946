/*
 * user/bin/libctest.c - libctest: check the C library and the system calls
 * under it, on Nest or on Linux (run it as root on Linux: it creates pid
 * namespaces).  Prints TAP: one "ok N - what" or "not ok N - what" line
 * per check, then "# N passed, N failed"; exit status 1 if any failed.
 *
 * Covered: printf formats, strings and number parsing, malloc/free/realloc
 * under a random stress loop (contents kept, heap reused after free),
 * signals with and without SA_SIGINFO (the handler returns through the
 * library's restorer and the interrupted code carries on), the signal
 * mask, fork/wait statuses, output not duplicated by fork, pipes, files,
 * directories, mmap, clocks, clone() with its own stack and with
 * CLONE_NEWPID, and unshare(CLONE_NEWPID).
 *
 * Run it with "libctest" or from init: "init /bin/libctest".
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define STRESS_SLOTS	256
#define STRESS_ROUNDS	20000
#define STRESS_BIG	(200 * 1024)	/* above malloc's mmap threshold */
#define STRESS_SEED	12345
#define CHILD_STACK	(16 * 1024)
#define PAGE		4096
#define TMP_DIR		"/tmp/libctest.dir"
#define TMP_FILE	"/tmp/libctest.file"

static int passed, failed;

/* Record one check: print "ok"/"not ok", its number and what it checked. */
static void check(int ok, const char *fmt, ...)
{
	va_list ap;

	printf("%s %d - ", ok ? "ok" : "not ok", passed + failed + 1);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (ok)
		passed++;
	else
		failed++;
}

/* Run @fn in a child and return its wait status. */
static int in_child(void (*fn)(void))
{
	int status = -1;
	pid_t pid = fork();

	if (pid == 0) {
		fn();
		_exit(0);
	}
	if (pid > 0)
		waitpid(pid, &status, 0);
	return status;
}

/* ---- formatting and strings ---- */

static void test_printf(void)
{
	static const struct {
		const char *fmt;
		long long val;
		const char *want;
	} cases[] = {
		{ "%d", -42, "-42" }, { "%5d|", 42, "   42|" }, { "%-5d|", 42, "42   |" },
		{ "%05d", -42, "-0042" }, { "%+d", 5, "+5" }, { "% d", 5, " 5" },
		{ "%.3d", 7, "007" }, { "%.0d", 0, "" }, { "%x", 255, "ff" },
		{ "%#X", 255, "0XFF" }, { "%#o", 8, "010" }, { "%#08x", 26, "0x00001a" },
		{ "%u", -1, "4294967295" }, { "%hhd", 257, "1" }, { "%hd", 65537, "1" },
		{ "%c", 'A', "A" },
	};
	char buf[64];
	unsigned int i;
	int n;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(buf, sizeof(buf), cases[i].fmt, (int)cases[i].val);
		check(!strcmp(buf, cases[i].want), "printf \"%s\" of %lld is \"%s\" (got \"%s\")",
		      cases[i].fmt, cases[i].val, cases[i].want, buf);
	}
	snprintf(buf, sizeof(buf), "%lld %llu %llx", -9876543210LL,
		 18446744073709551615ULL, 0x123456789abcdefULL);
	check(!strcmp(buf, "-9876543210 18446744073709551615 123456789abcdef"),
	      "printf 64-bit %%lld %%llu %%llx (got \"%s\")", buf);
	snprintf(buf, sizeof(buf), "%s|%.2s|%6s|%-6s|%p|%p", "str", "abc", "r", "l",
		 (void *)0, (void *)0x1f);
	check(!strcmp(buf, "str|ab|     r|l     |(nil)|0x1f"),
	      "printf %%s precision, width, %%p (got \"%s\")", buf);
	n = snprintf(buf, 4, "%d", 123456);
	check(n == 6 && !strcmp(buf, "123"), "snprintf truncates and returns the full length");
	snprintf(buf, sizeof(buf), "%*d|%-*d|%.*s", 4, 1, 3, 2, 2, "xyz");
	check(!strcmp(buf, "   1|2  |xy"), "printf * width and precision (got \"%s\")", buf);
}

static int cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

static void test_strings(void)
{
	char buf[32], *end, *tok, toks[] = "a, b,,c";
	int arr[] = { 5, -3, 9, 0, 5, 2, -8 }, sorted = 1;
	unsigned int i;

	strcpy(buf, "hello");
	strcat(buf, " world");
	check(strlen(buf) == 11 && !strcmp(buf, "hello world"), "strcpy, strcat, strlen");
	check(strchr(buf, 'o') == buf + 4 && strrchr(buf, 'o') == buf + 7 &&
	      strstr(buf, "wor") == buf + 6 && !strstr(buf, "xyz"),
	      "strchr, strrchr, strstr");
	check(strcmp("abc", "abd") < 0 && strncmp("abc", "abd", 2) == 0 &&
	      memcmp("\xff", "a", 1) > 0, "strcmp, strncmp, memcmp (unsigned)");
	memmove(buf + 1, buf, 5);
	check(!strncmp(buf, "hhello", 6), "memmove with overlap");
	tok = strtok(toks, ", ");
	check(tok && !strcmp(tok, "a") && !strcmp(strtok(NULL, ", "), "b") &&
	      !strcmp(strtok(NULL, ", "), "c") && !strtok(NULL, ", "), "strtok");
	check(strtol("  -0x1f", &end, 0) == -31 && !*end, "strtol base 0 hex");
	check(strtol("0777", NULL, 0) == 511 && atoi("-12abc") == -12, "strtol octal, atoi");
	errno = 0;
	check(strtol("99999999999", NULL, 10) == 2147483647L && errno == ERANGE,
	      "strtol overflow gives LONG_MAX and ERANGE");
	check(strtoul("-1", NULL, 10) == 4294967295UL, "strtoul(\"-1\") is ULONG_MAX");
	qsort(arr, sizeof(arr) / sizeof(arr[0]), sizeof(arr[0]), cmp_int);
	for (i = 1; i < sizeof(arr) / sizeof(arr[0]); i++)
		sorted &= arr[i - 1] <= arr[i];
	check(sorted, "qsort");
	check(!strcmp(strerror(ENOENT), "No such file or directory") &&
	      !strcmp(strerror(1000), "Unknown error 1000"), "strerror");
	check(!strcmp(strsignal(SIGSEGV), "Segmentation fault"), "strsignal");
}

/* ---- memory ---- */

static unsigned int rand_state = STRESS_SEED;

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

static void test_malloc(void)
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

static void test_malloc_errors(void)
{
	int status = in_child(blocked_break);

	check(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "malloc carries on with mmap when the break cannot move (status %#x)", status);
	status = in_child(double_free);

	check(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT,
	      "a double free aborts (SIGABRT)");
}

/* ---- signals ---- */

static volatile sig_atomic_t got_plain, got_info, info_ok;

static void on_plain(int sig)
{
	got_plain = sig;
}

static void on_info(int sig, siginfo_t *si, void *uc_arg)
{
	struct ucontext *uc = uc_arg;

	got_info = sig;
	info_ok = si->si_signo == sig && si->si_code == SI_USER &&
		  si->si_pid == getpid() && uc && uc->uc_mcontext.ip != 0;
}

/* An address in the unmapped first page, so touching it faults. */
#define BAD_ADDRESS	16

static void on_segv(int sig, siginfo_t *si, void *uc)
{
	_exit(si->si_signo == SIGSEGV && si->si_addr == (void *)BAD_ADDRESS ? 42 : 1);
}

static void segfault(void)
{
	struct sigaction sa = { .sa_sigaction = on_segv, .sa_flags = SA_SIGINFO };
	/* volatile: the compiler must not see through to the constant. */
	int *volatile bad = (int *)BAD_ADDRESS;

	sigemptyset(&sa.sa_mask);
	sigaction(SIGSEGV, &sa, NULL);
	*bad = 1;
}

static void do_abort(void)
{
	abort();
}

static void test_signals(void)
{
	struct sigaction sa = { .sa_handler = on_plain }, old;
	volatile unsigned int sum = 0;
	sigset_t set, pending;
	unsigned int i;
	int status;

	sigemptyset(&sa.sa_mask);
	check(sigaction(SIGUSR1, &sa, NULL) == 0, "sigaction without SA_SIGINFO");
	for (i = 0; i < 1000; i++) {
		sum += i;
		if (i == 500)
			raise(SIGUSR1);
	}
	check(got_plain == SIGUSR1 && sum == 499500,
	      "the handler ran and returned through sigreturn; the loop carried on (sum %u)",
	      sum);

	sa.sa_sigaction = on_info;
	sa.sa_flags = SA_SIGINFO;
	check(sigaction(SIGUSR2, &sa, &old) == 0 && old.sa_handler == SIG_DFL,
	      "sigaction with SA_SIGINFO; the old action was SIG_DFL");
	kill(getpid(), SIGUSR2);
	check(got_info == SIGUSR2 && info_ok,
	      "SA_SIGINFO handler got siginfo (signo, SI_USER, si_pid) and a ucontext, "
	      "returned through rt_sigreturn");
	sigaction(SIGUSR2, NULL, &old);
	check(old.sa_sigaction == on_info && (old.sa_flags & SA_SIGINFO) &&
	      (old.sa_flags & SA_RESTORER), "sigaction reads back the action, with SA_RESTORER");

	got_plain = 0;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, NULL);
	raise(SIGUSR1);
	sigpending(&pending);
	check(!got_plain && sigismember(&pending, SIGUSR1) == 1,
	      "a blocked signal waits in sigpending");
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	check(got_plain == SIGUSR1, "unblocking delivers it");

	check(signal(SIGUSR1, SIG_IGN) == on_plain, "signal() returns the old handler");
	raise(SIGUSR1);
	check(1, "an ignored signal does nothing");
	signal(SIGUSR1, SIG_DFL);

	status = in_child(segfault);
	check(WIFEXITED(status) && WEXITSTATUS(status) == 42,
	      "SIGSEGV handler sees si_addr of the bad access");
	status = in_child(do_abort);
	check(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT, "abort() dies of SIGABRT");
	check(sigaction(SIGKILL, &sa, NULL) == -1 && errno == EINVAL,
	      "sigaction(SIGKILL) fails with EINVAL");
}

static void test_sigsuspend(void)
{
	struct sigaction sa = { .sa_handler = on_plain };
	sigset_t block, empty;
	pid_t pid;
	int r;

	got_plain = 0;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigprocmask(SIG_BLOCK, &block, NULL);
	pid = fork();
	if (pid == 0) {
		kill(getppid(), SIGUSR1);
		_exit(0);
	}
	sigemptyset(&empty);
	r = sigsuspend(&empty);
	check(r == -1 && errno == EINTR && got_plain == SIGUSR1,
	      "sigsuspend waits for a signal from another process");
	waitpid(pid, NULL, 0);
	sigprocmask(SIG_UNBLOCK, &block, NULL);
	signal(SIGUSR1, SIG_DFL);
}

/* ---- processes ---- */

static int clone_fn(void *arg)
{
	int *shared = arg;

	*shared = 1234;
	return 7;
}

static int newpid_fn(void *arg)
{
	return getpid() == 1 && getppid() == 0 ? 0 : 1;
}

static void test_processes(void)
{
	static char stack[CHILD_STACK] __attribute__((aligned(16)));
	static int shared;
	int status, fds[2];
	pid_t pid;
	char c;

	pid = fork();
	if (pid == 0)
		_exit(3);
	check(pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 3, "fork, _exit(3), waitpid sees exit 3");
	pid = fork();
	if (pid == 0) {
		pause();
		_exit(0);
	}
	kill(pid, SIGTERM);
	check(wait(&status) == pid && WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM,
	      "kill(SIGTERM) of a paused child; wait sees the signal");
	check(wait(&status) == -1 && errno == ECHILD, "wait with no children: ECHILD");

	check(pipe(fds) == 0, "pipe");
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		write(fds[1], "x", 1);
		_exit(getppid() > 0 ? 0 : 1);
	}
	close(fds[1]);
	check(read(fds[0], &c, 1) == 1 && c == 'x' && read(fds[0], &c, 1) == 0,
	      "a byte through a pipe, then end of file");
	close(fds[0]);
	waitpid(pid, &status, 0);
	check(WIFEXITED(status) && !WEXITSTATUS(status), "the child saw its parent");

	pid = clone(clone_fn, stack + sizeof(stack), CLONE_VM | SIGCHLD, &shared);
	check(pid > 0 && waitpid(pid, &status, 0) == pid && WEXITSTATUS(status) == 7 &&
	      shared == 1234, "clone(CLONE_VM) on its own stack: fn's result is the exit status");
	pid = clone(newpid_fn, stack + sizeof(stack), CLONE_NEWPID | SIGCHLD, NULL);
	check(pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 0, "clone(CLONE_NEWPID): the child is pid 1 with ppid 0");
	check(clone(NULL, stack, SIGCHLD, NULL) == -1 && errno == EINVAL,
	      "clone without fn: EINVAL");

	pid = fork();
	if (pid == 0) {
		pid_t child;

		if (unshare(CLONE_NEWPID))
			_exit(2);
		child = fork();
		if (child == 0)
			_exit(getpid() == 1 && getppid() == 0 ? 0 : 3);
		waitpid(child, &status, 0);
		_exit(WIFEXITED(status) ? WEXITSTATUS(status) : 4);
	}
	waitpid(pid, &status, 0);
	check(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "unshare(CLONE_NEWPID): the next child is pid 1 of the new namespace");

	check(syscall(__NR_getpid) == getpid() && gettid() == getpid(),
	      "syscall(__NR_getpid) and gettid agree with getpid");
	check(syscall(NR_syscalls + 1000) == -1 && errno == ENOSYS,
	      "an unknown system call number: ENOSYS");
	check(getpgid(0) == getpgrp(), "getpgid(0) is getpgrp()");

	/* A session leader outside our namespace reads as 0; a new one is us. */
	pid = fork();
	if (pid == 0) {
		pid_t me = getpid();

		_exit(setsid() == me && getsid(0) == me && getpgrp() == me &&
		      setpgid(0, 0) == -1 ? 0 : 1);
	}
	waitpid(pid, &status, 0);
	check(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "setsid makes a session and group led by the caller (getsid, getpgrp)");
	pid = fork();
	if (pid == 0)
		_exit(setpgid(0, 0) == 0 && getpgid(0) == getpid() ? 0 : 1);
	waitpid(pid, &status, 0);
	check(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "setpgid(0, 0) makes a new process group");
}

/* Output buffered before fork() must come out once, not once per process. */
static void test_fork_flush(void)
{
	int fds[2], status, n = 0;
	char buf[64];
	ssize_t r;
	pid_t pid;

	pipe(fds);
	pid = fork();
	if (pid == 0) {
		dup2(fds[1], STDOUT_FILENO);
		close(fds[0]);
		close(fds[1]);
		printf("partial ");
		if (fork() == 0)
			exit(0);	/* exit() flushes: there must be nothing left to flush */
		wait(NULL);
		printf("line\n");
		exit(0);
	}
	close(fds[1]);
	while ((r = read(fds[0], buf + n, sizeof(buf) - 1 - n)) > 0)
		n += r;
	buf[n] = '\0';
	close(fds[0]);
	waitpid(pid, &status, 0);
	check(!strcmp(buf, "partial line\n"), "a partial line printed before fork() appears once");
}

/* ---- files, memory maps, time ---- */

static void test_files(void)
{
	char buf[64], *cwd;
	struct dirent *d;
	int fd, fd2, found = 0;
	DIR *dir;

	rmdir(TMP_DIR);
	unlink(TMP_FILE);
	fd = open(TMP_FILE, O_RDWR | O_CREAT | O_TRUNC, 0644);
	check(fd >= 0 && write(fd, "hello world", 11) == 11, "open(O_CREAT), write");
	check(lseek(fd, 6, SEEK_SET) == 6 && read(fd, buf, 5) == 5 && !memcmp(buf, "world", 5),
	      "lseek, read");
	fd2 = dup(fd);
	check(fd2 > fd && lseek(fd2, 0, SEEK_CUR) == 11, "dup shares the offset");
	check(dup2(fd, fd2) == fd2 && close(fd2) == 0 && close(fd) == 0, "dup2, close");
	check(close(fd) == -1 && errno == EBADF, "close of a closed fd: EBADF");
	check(access(TMP_FILE, F_OK) == 0 && unlink(TMP_FILE) == 0 &&
	      access(TMP_FILE, F_OK) == -1 && errno == ENOENT, "access, unlink");
	check(open("/nonexistent/x", O_RDONLY) == -1 && errno == ENOENT, "open: ENOENT");

	check(mkdir(TMP_DIR, 0755) == 0 && chdir(TMP_DIR) == 0, "mkdir, chdir");
	cwd = getcwd(buf, sizeof(buf));
	check(cwd && !strcmp(cwd, TMP_DIR), "getcwd is \"%s\"", cwd ? cwd : "(null)");
	check(chdir("/") == 0 && rmdir(TMP_DIR) == 0, "rmdir");

	dir = opendir("/");
	while (dir && (d = readdir(dir)))
		found |= !strcmp(d->d_name, "tmp") && d->d_type == DT_DIR;
	check(dir && found, "opendir/readdir of / finds the directory tmp");
	if (dir)
		closedir(dir);
	check(!opendir("/nonexistent") && errno == ENOENT, "opendir: ENOENT");
}

static void test_memory_and_time(void)
{
	struct timespec t0, t1, nap = { .tv_sec = 0, .tv_nsec = 20000000 };
	struct utsname u;
	char name[16] = "";
	long ms;
	char *p;

	p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	check(p != MAP_FAILED && p[0] == 0 && p[8191] == 0, "mmap anonymous memory is zeroed");
	if (p != MAP_FAILED) {
		p[4096] = 1;
		check(munmap(p, 8192) == 0, "munmap");
	}
	check(mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 100) == MAP_FAILED &&
	      errno == EINVAL, "mmap with an unaligned offset: EINVAL");

	clock_gettime(CLOCK_MONOTONIC, &t0);
	check(nanosleep(&nap, NULL) == 0, "nanosleep 20 ms");
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
	check(ms >= 19, "CLOCK_MONOTONIC advanced %ld ms across it", ms);
	check(time(NULL) > 0, "time()");
	check(uname(&u) == 0 && u.sysname[0], "uname: %s %s", u.sysname, u.machine);
	check(prctl(PR_SET_NAME, "libctest-x") == 0 && prctl(PR_GET_NAME, name) == 0 &&
	      !strcmp(name, "libctest-x"), "prctl PR_SET_NAME/PR_GET_NAME");
	check(getenv("LIBCTEST_UNSET") == NULL, "getenv of an unset variable");
}

int main(void)
{
	test_printf();
	test_strings();
	test_malloc();
	test_malloc_errors();
	test_signals();
	test_sigsuspend();
	test_processes();
	test_fork_flush();
	test_files();
	test_memory_and_time();
	printf("# %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
