/*
 * tests/user/pidns_create.c - making pid namespaces: clone(CLONE_NEWPID)
 * and unshare(CLONE_NEWPID), what the first process of a namespace sees,
 * the depth limit (ENOSPC), the flags refused with CLONE_NEWPID or from
 * an init (EINVAL), and ENOMEM once a namespace's init is dead.
 *
 * Pids are printed only from inside namespaces the test makes and fills
 * itself ("lab" namespaces, see pidns.h), where they count 1, 2, 3 ... on
 * Linux and Nest alike.  Not tested: EPERM without privilege (Nest has no
 * credentials yet).
 */
#include "pidns.h"

static char thread_stack[CLONE_STACK_SIZE] __attribute__((aligned(16)));

static int thread_fn(void *arg)
{
	return 0;
}

static int newpid_fn(void *arg)
{
	return getpid() == 1 && getppid() == 0 ? 0 : 1;
}

/*
 * The test itself makes a namespace.  Its child prints what it sees, then
 * holds still until the parent has checked it from outside.
 */
static void test_clone(void)
{
	int printed[2], gate[2], status;
	pid_t pid;

	pipe(printed);
	pipe(gate);
	pid = fork_newpid();
	if (pid == 0) {
		close(gate[1]);
		child_begin();
		CHECK_EQ(getpid(), 1, "clone: the child's getpid() is 1");
		CHECK_EQ(sys_gettid(), 1, "clone: its gettid() is 1");
		CHECK_EQ(getppid(), 0,
			 "clone: its getppid() is 0: the parent is in another namespace");
		status = child_end();
		send_byte(printed[1], 'p');
		recv_byte(gate[0]);
		_exit(status);
	}
	close(gate[0]);
	CHECK(pid > 0 && recv_byte(printed[0]) == 'p',
	      "clone: clone(CLONE_NEWPID) returned a pid to the parent");
	CHECK_EQ(kill(pid, 0), 0, "clone: the parent reaches the child by that pid");
	close(gate[1]);
	status = 0;
	CHECK(waitpid(pid, &status, 0) == pid, "clone: waitpid returns that pid");
	CHECK_EXITED(status, 0, "clone: the child exited 0");
	tally_collect();
	close(printed[0]);
	close(printed[1]);

	/* The C library's clone(fn, stack, ...) goes the same way. */
	pid = clone(newpid_fn, thread_stack + sizeof(thread_stack), CLONE_NEWPID | SIGCHLD, NULL);
	CHECK(pid > 0, "clone: the library's clone(fn, stack, CLONE_NEWPID) works too");
	CHECK_EXITED(wait_child(pid), 0, "clone: fn ran as pid 1 with getppid() 0");
}

/* Inside a lab namespace: the numbers clone returns and the child sees. */
static void lab_clone(void)
{
	int status;
	pid_t a, b;

	a = fork();
	if (a == 0)
		sleep_forever();
	CHECK_EQ(a, 2, "lab: the first child of a namespace's init is pid 2");
	b = fork_newpid();
	if (b == 0)
		_exit(newpid_fn(NULL));
	CHECK_EQ(b, 3, "lab: clone(CLONE_NEWPID) returns 3, the child's pid in the lab");
	status = 0;
	CHECK_EQ(waitpid(b, &status, 0), 3, "lab: waitpid returns 3 as well");
	CHECK_EXITED(status, 0, "lab: while the child itself saw getpid() 1, getppid() 0");
	kill(a, SIGKILL);
	CHECK_KILLED(wait_child(a), SIGKILL, "lab: the sleeper is killed and reaped");
}

/*
 * The depth limit.  dig() nests one level at a time, each new level's
 * first process reporting 'y' on @levels if it is pid 1 with parent 0,
 * until clone(CLONE_NEWPID) fails; the deepest process then reports what
 * failed and what still works there on @result.  Each level exits with
 * its child's status, so the whole chain unwinds bottom up.
 */
struct bottom {
	int clone_err;		/* errno of the clone(CLONE_NEWPID) that failed */
	int unshare_err;	/* errno of unshare(CLONE_NEWPID) there */
	int fork_ok;		/* a plain fork there made pid 2 with parent 1 */
};

static void dig(int levels, int result)
{
	struct bottom b;
	pid_t pid;
	int status;

	for (;;) {
		pid = fork_newpid();
		if (pid == 0) {
			send_byte(levels, getpid() == 1 && getppid() == 0 ? 'y' : 'n');
			continue;
		}
		if (pid > 0)
			break;
		b.clone_err = errno;
		b.unshare_err = unshare(CLONE_NEWPID) == 0 ? 0 : errno;
		pid = fork();
		if (pid == 0)
			_exit(getpid() == 2 && getppid() == 1 ? 0 : 1);
		b.fork_ok = pid == 2 && wait_child(pid) == 0;
		write(result, &b, sizeof(b));
		_exit(0);
	}
	status = wait_status(pid);
	_exit(WIFEXITED(status) ? WEXITSTATUS(status) : 100);
}

/*
 * run_dig - dig from a plain child (fork) or from a new namespace's init
 * (one level lower).  Returns how many new levels it made, or -1.
 */
static int run_dig(int lower, struct bottom *b, int *status)
{
	int levels[2], result[2], n = 0, c;
	pid_t pid;

	pipe(levels);
	pipe(result);
	pid = lower ? fork_newpid() : fork();
	if (pid == 0) {
		close(levels[0]);
		close(result[0]);
		dig(levels[1], result[1]);
	}
	close(levels[1]);
	close(result[1]);
	memset(b, 0, sizeof(*b));
	*status = wait_status(pid);
	while ((c = recv_byte(levels[0])) != -1)
		n = c == 'y' && n >= 0 ? n + 1 : -1;
	if (recv_bytes(result[0], (char *)b, sizeof(*b)) != sizeof(*b))
		n = -1;
	close(levels[0]);
	close(result[0]);
	return n;
}

static void test_depth(void)
{
	struct bottom b;
	int n, lower, status;

	n = run_dig(0, &b, &status);
	CHECK(n > 0, "depth: every new level's first process had getpid() 1, getppid() 0");
	check_why(b.clone_err == ENOSPC, errno_name(b.clone_err),
		  "depth: nesting ended with clone(CLONE_NEWPID) failing: ENOSPC");
	check_why(b.unshare_err == ENOSPC, errno_name(b.unshare_err),
		  "depth: unshare(CLONE_NEWPID) at the deepest level: ENOSPC too");
	CHECK(b.fork_ok, "depth: the deepest namespace still forks: pid 2, parent 1");
	/*
	 * Levels 1..32 may exist.  The test itself runs at level 1 on Linux
	 * (under unshare) and at level 0 on Nest, so 31 or 32 more fit; which
	 * one is not printed.  Starting one level lower must give one fewer.
	 */
	CHECK(n == 31 || n == 32,
	      "depth: 31 or 32 levels below the test: 32 below the initial namespace");
	CHECK_EXITED(status, 0, "depth: the chain unwound, every level exited 0");
	lower = run_dig(1, &b, &status);
	CHECK(n > 0 && lower == n - 1,
	      "depth: from one level lower, exactly one level fewer fits: the limit is absolute");
	check_why(b.clone_err == ENOSPC, errno_name(b.clone_err),
		  "depth: ending with ENOSPC again");
	CHECK_EXITED(status, 0, "depth: that chain unwound too");
}

/* The flags clone refuses. */
static void test_flags(void)
{
	CHECK_ERR(clone(thread_fn, thread_stack + sizeof(thread_stack),
			CLONE_VM | CLONE_SIGHAND | CLONE_THREAD | CLONE_NEWPID, NULL),
		  EINVAL, "flags: clone(CLONE_NEWPID | CLONE_THREAD) for a thread");
	CHECK_ERR(try_clone(CLONE_PARENT | SIGCHLD), EINVAL,
		  "flags: clone(CLONE_PARENT) from init (the test)");
	CHECK_ERR(try_clone(CLONE_PARENT | CLONE_NEWPID | SIGCHLD), EINVAL,
		  "flags: clone(CLONE_PARENT | CLONE_NEWPID) from init");
}

/*
 * In a lab: CLONE_PARENT from the lab's init fails, from its child it
 * makes a sibling: a second child of the init, which reaps both.
 */
static void lab_parent(void)
{
	int status, seen = 0, i;
	pid_t pid, got;

	CHECK_ERR(try_clone(CLONE_PARENT | SIGCHLD), EINVAL,
		  "flags: clone(CLONE_PARENT) from a namespace's init");
	pid = fork();
	if (pid == 0) {
		pid_t sib = clone_raw(CLONE_PARENT | SIGCHLD);

		if (sib == 0)
			_exit(getppid() == 1 ? 30 : 1);
		if (sib != 3)
			_exit(1);
		sib = clone_raw(CLONE_PARENT | CLONE_NEWPID | SIGCHLD);
		if (sib == 0)
			_exit(getpid() == 1 && getppid() == 0 ? 40 : 1);
		if (sib != 4)
			_exit(2);
		/* Neither is this process's child. */
		_exit(waitpid(-1, NULL, 0) == -1 && errno == ECHILD ? 20 : 3);
	}
	for (i = 0; i < 3; i++) {
		got = waitpid(-1, &status, 0);
		if (got >= 2 && got <= 4 && WIFEXITED(status) &&
		    WEXITSTATUS(status) == (int)got * 10)
			seen |= 1 << got;
	}
	CHECK_EQ(seen, 1 << 2 | 1 << 3 | 1 << 4,
		 "flags: from pid 2, clone(CLONE_PARENT) made 3 and "
		 "clone(CLONE_PARENT | CLONE_NEWPID) made 4, both children of the init");
	CHECK_ERR(waitpid(-1, NULL, WNOHANG), ECHILD, "flags: the init reaped all three");
}

/*
 * unshare(CLONE_NEWPID) from pid 2 of a lab.  Its three children are
 * pids 1, 2, 3 of the new namespace (3, 4, 5 in the lab); then the init
 * exits, which kills the other two, and the namespace takes no one else.
 */
#define NR_UNSHARE_CHILDREN	3
#define UNSHARE_INIT_STATUS	7

static void unsharer(void)
{
	int report[2], gate[2], alive[2], i, status, ids[2];
	pid_t child[NR_UNSHARE_CHILDREN];

	CHECK_EQ(unshare(CLONE_NEWPID), 0, "unshare: unshare(CLONE_NEWPID) from pid 2");
	CHECK_EQ(getpid(), 2, "unshare: the caller keeps its pid, 2");
	CHECK_EQ(getppid(), 1, "unshare: and its parent, 1");
	CHECK_ERR(unshare(CLONE_NEWPID), EINVAL, "unshare: a second unshare before any child");
	CHECK_ERR(try_clone(CLONE_NEWPID | SIGCHLD), EINVAL,
		  "unshare: clone(CLONE_NEWPID) from the unsharer");

	pipe(report);
	pipe(gate);
	pipe(alive);
	for (i = 0; i < NR_UNSHARE_CHILDREN; i++) {
		child[i] = fork();
		if (child[i] == 0) {
			close(gate[1]);
			close(alive[0]);
			ids[0] = getpid();
			ids[1] = getppid();
			write(report[1], ids, sizeof(ids));
			if (i > 0)
				sleep_forever();
			recv_byte(gate[0]);
			_exit(UNSHARE_INIT_STATUS);
		}
		memset(ids, -1, sizeof(ids));
		recv_bytes(report[0], (char *)ids, sizeof(ids));
		CHECK(ids[0] == i + 1 && ids[1] == 0,
		      "unshare: child %d is pid %d of the new namespace, getppid() 0", i + 1,
		      i + 1);
		CHECK_EQ(child[i], 3 + i, "unshare: fork returned %d, its pid in the lab", 3 + i);
	}
	close(report[0]);
	close(report[1]);
	close(gate[0]);
	close(alive[1]);
	CHECK_ERR(unshare(CLONE_NEWPID), EINVAL, "unshare: unshare again, after the children");
	CHECK_ERR(try_clone(CLONE_NEWPID | SIGCHLD), EINVAL,
		  "unshare: clone(CLONE_NEWPID) after the children");

	/* Let the init go; the pipe says when all three are gone. */
	close(gate[1]);
	wait_eof(alive[0]);
	close(alive[0]);
	sleep_ms(50);
	CHECK_EQ(waitpid(child[0], &status, WNOHANG), 0,
		 "unshare: the init's exit waits until its parent has reaped the other two");
	for (i = 1; i < NR_UNSHARE_CHILDREN; i++)
		CHECK_KILLED(wait_child(child[i]), SIGKILL,
			     "unshare: child %d died of SIGKILL when the init exited", i + 1);
	CHECK_EXITED(wait_child(child[0]), UNSHARE_INIT_STATUS,
		     "unshare: then the init is reaped, with its own status %d",
		     UNSHARE_INIT_STATUS);
	CHECK_ERR(try_fork(), ENOMEM, "unshare: fork into the namespace once its init is dead");
	CHECK_ERR(unshare(CLONE_NEWPID), EINVAL,
		  "unshare: and no second namespace: unshare(CLONE_NEWPID) still fails");
}

/* The shortest way to a dead namespace: its init exits at once. */
static void unsharer_short(void)
{
	pid_t pid;

	CHECK_EQ(unshare(CLONE_NEWPID), 0, "dead: unshare(CLONE_NEWPID)");
	pid = fork();
	if (pid == 0)
		_exit(getpid() == 1 ? 0 : 1);
	CHECK_EXITED(wait_child(pid), 0, "dead: the first child, pid 1, exited");
	CHECK_ERR(try_fork(), ENOMEM, "dead: the next fork");
	CHECK_ERR(try_fork(), ENOMEM, "dead: and the one after");
}

static void lab_unshare(void)
{
	in_child("unshare", unsharer);
	in_child("dead", unsharer_short);
	CHECK_ERR(waitpid(-1, NULL, WNOHANG), ECHILD, "unshare: the lab's init has nothing left");
}

int main(void)
{
	pidns_begin("pidns_create");
	test_clone();
	in_new_ns("lab", lab_clone);
	test_depth();
	test_flags();
	in_new_ns("flags", lab_parent);
	in_new_ns("unshare", lab_unshare);
	return pidns_done();
}
