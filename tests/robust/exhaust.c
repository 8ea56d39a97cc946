/*
 * tests/robust/exhaust.c - running out of things, on purpose: the kernel
 * must refuse with the right error, keep running, and get everything back
 * once the hog is gone.  Nest only (tests/boot_tests.py):
 *
 *	init=/tests/exhaust leakcheck quiet GROUP
 *
 *	forkbomb  every process of a new pid namespace forks until fork fails
 *		  (EAGAIN or ENOMEM); then its init is killed, which kills
 *		  them all, and the memory comes back
 *	memory    mmap until the address space is full (ENOMEM); brk until it
 *		  is refused (sbrk: ENOMEM); a process that fills the
 *		  physical memory: its fork fails (ENOMEM), its next page
 *		  fault kills it (SIGKILL, Nest's stand-in for the OOM
 *		  killer); then the memory comes back
 *	pids      one process fills a new pid namespace with children until
 *		  clone fails (EAGAIN or ENOMEM), lets them all go, and the
 *		  namespace works again
 *
 * The work is done by a child of init, never by init itself: a page fault
 * with no memory left kills the task that took it, and init must not die.
 * "The memory comes back" is MemFree of /proc/meminfo within RECOVER_KB of
 * where it was; `leakcheck` checks it exactly at the end.
 *
 * Where Nest stops first: before pid_max (32768) a namespace runs out of
 * kernel stacks (the vmalloc area holds about 5400) or of memory, so the
 * pids group sees ENOMEM; EAGAIN at pid_max itself is checked in the
 * kernel (tests/ktest/pid_test.c).  File descriptors (EMFILE) and nesting
 * (ENOSPC) are checked against Linux by tests/user/fd.c and
 * tests/user/pidns_create.c.
 */
#include "robust.h"

#define RECOVER_KB		1024	/* slab caches may keep a few pages */
#define QUIET_MS		1000	/* a fork bomb is over when this quiet */
#define BOMB_DEADLINE_MS	60000
#define HOG_REGION		(512UL << 20)	/* more than the machine has */
#define HOG_CHUNK		(1UL << 20)
#define AS_CHUNK		(256UL << 20)	/* address space, in mmap steps */
#define BRK_STEP		(16UL << 20)
#define MAX_AS_CHUNKS		16

static long start_kb;

/*
 * Memory is back where it was (give deferred frees a moment), and a new
 * process can be made and run a program.
 */
static void check_recovered(const char *what)
{
	long kb = free_kb(), end = now_ms() + 2000;
	int status;
	pid_t pid;

	while (kb >= 0 && start_kb - kb > RECOVER_KB && now_ms() < end) {
		sleep_ms(20);
		kb = free_kb();
	}
	if (kb >= 0)
		check_why(start_kb - kb <= RECOVER_KB, "", "%s: the free memory is back "
			  "(within %d kB)", what, RECOVER_KB);
	pid = fork();
	if (pid == 0) {
		char *argv[] = { "true", NULL };

		execv("/bin/true", argv);
		_exit(99);
	}
	status = pid > 0 ? wait_child(pid) : -1;
	CHECK_EXITED(status, 0, "%s: fork and exec work again", what);
}

/* ---- forkbomb ---- */

/* Every process forks until fork fails, says why on @fd, then waits. */
static void bomb(int fd)
{
	char c;

	for (;;) {
		pid_t pid = fork();

		if (pid == 0)
			continue;		/* the child bombs too */
		if (pid > 0)
			continue;
		c = errno == EAGAIN ? 'A' : errno == ENOMEM ? 'M' : '?';
		write(fd, &c, 1);
		break;
	}
	for (;;)
		pause();
}

static int forkbomb(void)
{
	int fds[2], status, again = 0, nomem = 0, other = 0;
	long quiet_since, end;
	pid_t init;
	char buf[256];
	ssize_t n;

	if (pipe2(fds, O_NONBLOCK) < 0)
		return 1;
	init = syscall(__NR_clone, CLONE_NEWPID | SIGCHLD, 0, 0, 0, 0);
	if (init == 0) {
		close(fds[0]);
		if (fork() == 0)
			bomb(fds[1]);
		for (;;)
			pause();
	}
	close(fds[1]);
	if (!CHECK(init > 0, "forkbomb: a namespace for the bomb"))
		return 1;
	quiet_since = now_ms();
	end = quiet_since + BOMB_DEADLINE_MS;
	while (now_ms() < end) {
		n = read(fds[0], buf, sizeof(buf));
		if (n > 0) {
			for (ssize_t i = 0; i < n; i++) {
				again += buf[i] == 'A';
				nomem += buf[i] == 'M';
				other += buf[i] == '?';
			}
			quiet_since = now_ms();
		} else if (again + nomem + other && now_ms() - quiet_since > QUIET_MS) {
			break;
		} else {
			sleep_ms(20);
		}
	}
	say("forkbomb: %d forks failed with EAGAIN, %d with ENOMEM, %d otherwise",
	    again, nomem, other);
	CHECK(again + nomem > 0 && !other,
	      "forkbomb: the bomb was stopped by EAGAIN or ENOMEM, nothing else");
	CHECK(kill(init, SIGKILL) == 0, "forkbomb: its init killed");
	status = wait_child(init);
	CHECK_KILLED(status, SIGKILL, "forkbomb: init reaped, the namespace with it");
	close(fds[0]);
	check_recovered("forkbomb");
	return 0;
}

/* ---- memory ---- */

/* The hog: fill physical memory, try to fork, then fault (see the top). */
static void hog(int fd, int zero_fd)
{
	char *region, text[64];
	unsigned long got = 0;
	long ret;
	int len;

	region = mmap(NULL, HOG_REGION, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (region == MAP_FAILED)
		_exit(2);
	write(fd, "S", 1);	/* the pipe's page exists from here on */
	/* The kernel fills the pages: a short read means there are no more. */
	while (got < HOG_REGION) {
		ret = read(zero_fd, region + got, HOG_CHUNK);
		if (ret > 0)
			got += ret;
		if (ret != (long)HOG_CHUNK)
			break;
	}
	ret = fork_and_reap(__NR_clone, SIGCHLD, 0, 0, 0, 0);
	len = snprintf(text, sizeof(text), " %lu %ld", got >> 20, is_err(ret) ? -ret : 0L);
	write(fd, text, len);
	/* A page no one has: the fault finds no memory and kills us. */
	region[got + 2 * PAGE_SIZE] = 1;
	_exit(3);
}

static int memory(void)
{
	char *chunks[MAX_AS_CHUNKS], text[80];
	int fds[2], zero_fd, status, i, n, mb = 0, fork_err = -1;
	void *start, *cur;
	long err;
	pid_t pid;
	ssize_t len;

	/* The address space: mmap until there is no room (pages are lazy). */
	for (n = 0; n < MAX_AS_CHUNKS; n++) {
		chunks[n] = mmap(NULL, AS_CHUNK, PROT_READ | PROT_WRITE,
				 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (chunks[n] == MAP_FAILED)
			break;
	}
	err = errno;
	CHECK(n > 0 && n < MAX_AS_CHUNKS && err == ENOMEM,
	      "memory: mmap until the address space is full: ENOMEM");
	for (i = 0; i < n; i++)
		munmap(chunks[i], AS_CHUNK);
	CHECK(mmap(NULL, AS_CHUNK, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) != MAP_FAILED,
	      "memory: and after munmap there is room again");

	/* The break: grow it until it is refused. */
	start = sbrk(0);
	while ((cur = sbrk(BRK_STEP)) != (void *)-1)
		;
	CHECK_EQ(errno, ENOMEM, "memory: sbrk until the break is refused: ENOMEM");
	CHECK(brk(start) == 0 && sbrk(0) == start, "memory: brk back to the start");

	/* Physical memory: a hog that takes it all. */
	zero_fd = open("/dev/zero", O_RDONLY);
	if (pipe(fds) < 0 || zero_fd < 0)
		return 1;
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		hog(fds[1], zero_fd);
	}
	close(fds[1]);
	status = pid > 0 ? wait_child(pid) : -1;
	CHECK_KILLED(status, SIGKILL, "memory: the hog's page fault with no memory left "
		     "killed it");
	len = read(fds[0], text, sizeof(text) - 1);
	text[len > 0 ? len : 0] = '\0';
	if (text[0] == 'S' && text[1]) {	/* "S MiB errno" */
		char *end;

		mb = (int)strtol(text + 1, &end, 10);
		fork_err = (int)strtol(end, NULL, 10);
	}
	close(fds[0]);
	close(zero_fd);
	say("memory: the hog got %d MiB before the kernel had no more", mb);
	check_why(fork_err == ENOMEM || fork_err == EAGAIN, errno_name(fork_err),
		  "memory: its fork with no memory left: ENOMEM");
	check_recovered("memory");
	return 0;
}

/* ---- pids ---- */

/*
 * As init of a new namespace: children (sharing our memory, so that each
 * costs the kernel only its task) until clone fails, then let them all go.
 * Exits 0 if every check passed.
 */
static int fill_namespace(void)
{
	static char byte;
	int fds[2], status, err, reaped = 0;
	long n = 0, ret;

	if (pipe(fds) < 0)
		return 1;
	for (;;) {
		ret = clone_blocked(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | SIGCHLD,
				    fds[0], &byte);
		if (is_err(ret))
			break;
		n++;
	}
	err = (int)-ret;
	say("pids: %ld processes in the namespace, then clone failed with %s", n + 1,
	    errno_name(err));
	check_why(err == EAGAIN || err == ENOMEM, errno_name(err),
		  "pids: a full namespace: clone fails with EAGAIN or ENOMEM");
	close(fds[1]);		/* the children's reads end: they exit */
	while (waitpid(-1, &status, __WALL) > 0)
		reaped++;
	CHECK_EQ(reaped, n, "pids: every child let go and reaped");
	ret = fork_and_reap(__NR_clone, SIGCHLD, 0, 0, 0, 0);
	CHECK(!is_err(ret) && ret > 1, "pids: the namespace makes processes again");
	close(fds[0]);
	return check_failed ? 1 : 0;
}

static int pids(void)
{
	int status;
	pid_t pid = syscall(__NR_clone, CLONE_NEWPID | SIGCHLD, 0, 0, 0, 0);

	if (pid == 0)
		_exit(fill_namespace());
	status = pid > 0 ? wait_child(pid) : -1;
	CHECK_EXITED(status, 0, "pids: the namespace's init passed its checks");
	check_recovered("pids");
	return 0;
}

static const struct {
	const char *name;
	int (*fn)(void);
} groups[] = {
	{ "forkbomb", forkbomb },
	{ "memory", memory },
	{ "pids", pids },
};

/* The group runs in a child: see the top. */
int main(int argc, char **argv)
{
	const char *group = argc > 1 ? argv[1] : "";
	int mounted, status = -1;
	unsigned int i;
	pid_t pid;

	check_begin("exhaust");
	mounted = mount_proc();
	start_kb = free_kb();
	for (i = 0; i < sizeof(groups) / sizeof(groups[0]); i++) {
		if (strcmp(group, groups[i].name))
			continue;
		pid = fork();
		if (pid == 0)
			_exit(groups[i].fn() || check_failed ? 1 : 0);
		status = pid > 0 ? wait_child(pid) : -1;
		CHECK_EXITED(status, 0, "exhaust: %s: every check passed", group);
		break;
	}
	if (i == sizeof(groups) / sizeof(groups[0]))
		check(0, "exhaust: no group '%s' (forkbomb, memory, pids)", group);
	if (mounted)
		umount2("/proc", 0);
	return check_done();
}
