/*
 * tests/user/exec.c - execve() and execv(): argv and envp arrive intact, the
 * pid, open fds, ignored signals, the signal mask and pending signals
 * survive, handled signals go back to SIG_DFL, errors leave the caller as it
 * was, and init itself can exec.
 *
 * The program execs itself (argv[0], i.e. /tests/exec on Nest; the harness
 * passes an absolute path on Linux) with a mode word in argv[1]:
 *
 *	(none)		the test proper, run as init
 *	exec-child	image started by execve() with a chosen argv and envp
 *	execv-child	image started by execv(), which passes environ on
 *	many-args	image started with MANY_ARGS arguments
 *	final		init's own new image, which finishes the count
 *
 * A child image prints its own checks (its parent is blocked in waitpid)
 * and exits with the number that failed.
 */
#include <fcntl.h>
#include "check.h"

#define MANY_ARGS	200
#define ARG_LEN		40

extern char **environ;

static char *const child_envp[] = { "NEST_A=1", "NEST_EMPTY=", "NEST_SPACES=a b c", NULL };

/* The image started by execve(): what it was given, and what it kept. */
static int exec_child(int argc, char **argv, char **envp)
{
	struct sigaction sa;
	int i, n;

	check_test = "exec-child";
	CHECK_EQ(argc, 7, "exec-child: argc is 7");
	if (argc != 7)
		return 1;
	CHECK(strcmp(argv[0], "renamed") == 0, "exec-child: argv[0] is the name the caller chose");
	CHECK(strcmp(argv[5], "two words") == 0,
	      "exec-child: an argument with a space arrived whole");
	CHECK(strcmp(argv[6], "") == 0, "exec-child: an empty argument arrived");
	CHECK(argv[argc] == NULL, "exec-child: argv[argc] is NULL");

	for (n = 0; envp[n]; n++)
		;
	CHECK_EQ(n, 3, "exec-child: the environment has the 3 strings passed");
	for (i = 0; i < 3 && i < n; i++)
		CHECK(strcmp(envp[i], child_envp[i]) == 0, "exec-child: envp[%d] is \"%s\"", i,
		      child_envp[i]);
	CHECK(environ == envp, "exec-child: environ is main's envp");

	CHECK(getpid() == atoi(argv[3]), "exec-child: the pid is the same as before exec");
	CHECK_EQ(getppid(), atoi(argv[2]), "exec-child: the parent is the same (1)");
	n = atoi(argv[4]);
	CHECK_EQ(write(n, "hi", 2), 2, "exec-child: the inherited pipe fd is still open");

	sigaction(SIGUSR1, NULL, &sa);
	CHECK(sa.sa_handler == SIG_DFL, "exec-child: SIGUSR1 (had a handler) is back to SIG_DFL");
	sigaction(SIGUSR2, NULL, &sa);
	CHECK(sa.sa_handler == SIG_IGN, "exec-child: SIGUSR2 (was ignored) is still ignored");
	CHECK(is_blocked(SIGTERM), "exec-child: SIGTERM is still blocked");
	CHECK(is_pending(SIGINT), "exec-child: SIGINT raised while blocked is still pending");
	return check_failed;
}

/* The image started by execv(): environ is the caller's. */
static int execv_child(int argc, char **argv)
{
	int n;

	check_test = "execv-child";
	CHECK_EQ(argc, 3, "execv-child: argc is 3");
	if (argc != 3)
		return 1;
	for (n = 0; environ[n]; n++)
		;
	CHECK(n == atoi(argv[2]), "execv-child: environ has as many strings as the caller's");
	return check_failed;
}

static void make_arg(char *buf, int i)
{
	int len;

	len = snprintf(buf, ARG_LEN, "arg-%03d-", i);
	for (; len < ARG_LEN - 1; len++)
		buf[len] = 'a' + (i + len) % 26;
	buf[len] = '\0';
}

static int many_args(int argc, char **argv)
{
	char want[ARG_LEN];
	int i, ok = argc == MANY_ARGS + 2;

	for (i = 0; ok && i < MANY_ARGS; i++) {
		make_arg(want, i);
		ok = strcmp(argv[i + 2], want) == 0;
	}
	check_test = "many-args";
	CHECK(ok, "many-args: %d arguments of %d bytes arrived intact", MANY_ARGS, ARG_LEN - 1);
	return check_failed;
}

/* Init's own new image: still pid 1, and it finishes the count. */
static int final(char **argv)
{
	check_test = "exec";
	check_passed = atoi(argv[2]);
	check_failed = atoi(argv[3]);
	CHECK_EQ(getpid(), 1, "exec: init's new image is still pid 1");
	CHECK_EQ(getppid(), 0, "exec: and its getppid() is still 0");
	CHECK(strcmp(argv[4], "last") == 0, "exec: init's new image got its arguments");
	return check_done();
}

static void on_signal(int sig)
{
	(void)sig;
}

static void test_execve(const char *self)
{
	char ppid[16], pid[16], fd[16], got[4] = "";
	char *args[] = { "renamed", "exec-child", ppid, pid, fd, "two words", "", NULL };
	int fds[2], status;
	pid_t child;

	pipe(fds);
	child = fork();
	if (child == 0) {
		close(fds[0]);
		snprintf(ppid, sizeof(ppid), "%d", (int)getppid());
		snprintf(pid, sizeof(pid), "%d", (int)getpid());
		snprintf(fd, sizeof(fd), "%d", fds[1]);
		set_handler(SIGUSR1, on_signal, 0);
		set_handler(SIGUSR2, SIG_IGN, 0);
		mask_signal(SIG_BLOCK, SIGTERM);
		mask_signal(SIG_BLOCK, SIGINT);
		kill(getpid(), SIGINT);
		execve(self, args, child_envp);
		_exit(127);
	}
	close(fds[1]);
	status = wait_child(child);
	CHECK_EXITED(status, 0, "execve: the new image's checks passed");
	CHECK_EQ(read(fds[0], got, 2), 2, "execve: the new image wrote to the inherited pipe");
	CHECK(strcmp(got, "hi") == 0, "execve: it wrote \"hi\"");
	close(fds[0]);
}

static void test_execv(const char *self)
{
	char count[16];
	char *args[] = { (char *)self, "execv-child", count, NULL };
	int n, status;
	pid_t child;

	for (n = 0; environ[n]; n++)
		;
	snprintf(count, sizeof(count), "%d", n);
	child = fork();
	if (child == 0) {
		execv(self, args);
		_exit(127);
	}
	status = wait_child(child);
	CHECK_EXITED(status, 0, "execv: the new image kept the caller's environment");
}

static void test_many_args(const char *self)
{
	static char bufs[MANY_ARGS][ARG_LEN];
	char *args[MANY_ARGS + 3];
	int i, status;
	pid_t child;

	args[0] = (char *)self;
	args[1] = "many-args";
	for (i = 0; i < MANY_ARGS; i++) {
		make_arg(bufs[i], i);
		args[i + 2] = bufs[i];
	}
	args[MANY_ARGS + 2] = NULL;
	child = fork();
	if (child == 0) {
		execve(self, args, child_envp);
		_exit(127);
	}
	status = wait_child(child);
	CHECK_EXITED(status, 0, "execve: %d arguments passed through", MANY_ARGS);
}

/* Failing execs return to the caller, which carries on unchanged. */
static void test_errors(const char *self)
{
	char *args[] = { "x", NULL };
	char path[256];

	CHECK_ERR(execve("/nonexistent/program", args, child_envp), ENOENT,
		  "execve: a missing file");
	CHECK_ERR(execve("", args, child_envp), ENOENT, "execve: an empty path");
	CHECK_ERR(execve("/", args, child_envp), EACCES, "execve: a directory");
	snprintf(path, sizeof(path), "%s/x", self);
	CHECK_ERR(execve(path, args, child_envp), ENOTDIR, "execve: a path through a file");
	CHECK_EQ(getpid(), 1, "execve: the caller is still running as pid 1");
}

int main(int argc, char **argv, char **envp)
{
	const char *self = argc > 0 ? argv[0] : "/tests/exec";
	char passed[16], failed[16];
	char *args[] = { (char *)self, "final", passed, failed, "last", NULL };

	if (argc > 1 && strcmp(argv[1], "exec-child") == 0)
		return exec_child(argc, argv, envp);
	if (argc > 1 && strcmp(argv[1], "execv-child") == 0)
		return execv_child(argc, argv);
	if (argc > 1 && strcmp(argv[1], "many-args") == 0)
		return many_args(argc, argv);
	if (argc > 4 && strcmp(argv[1], "final") == 0)
		return final(argv);

	check_begin("exec");
	CHECK_EQ(getpid(), 1, "exec: the test is init (pid 1)");
	test_execve(self);
	test_execv(self);
	test_many_args(self);
	test_errors(self);

	/* Last, init replaces itself; "final" prints the summary. */
	snprintf(passed, sizeof(passed), "%d", check_passed);
	snprintf(failed, sizeof(failed), "%d", check_failed);
	execve(self, args, envp);
	CHECK(0, "exec: init's execve of itself");
	return check_done();
}
