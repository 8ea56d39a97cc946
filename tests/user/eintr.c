/*
 * tests/user/eintr.c - blocking calls interrupted by a handled signal:
 * pause, sigsuspend, nanosleep (with its remaining time), waitpid, wait4
 * and read on an empty pipe fail with EINTR; with SA_RESTART, read and
 * waitpid are restarted and finish, while pause and nanosleep still give
 * EINTR (Linux's -ERESTARTNOHAND and -ERESTART_RESTARTBLOCK); a signal that
 * is ignored interrupts nothing.
 *
 * The signal comes from a "pinger" child that sends SIGUSR1 to the test
 * every PING_MS until it is killed, so nothing depends on the test being
 * inside the call by a given moment: a ping that comes early is followed by
 * another.
 */
#include "check.h"

#define PING_MS		20
#define LONG_SLEEP_S	5

static volatile int handled;

static void on_usr1(int sig)
{
	(void)sig;
	handled++;
}

/* start_pinger - fork a child that sends sig to the test every PING_MS. */
static pid_t start_pinger(int sig, int count)
{
	pid_t parent = getpid(), pid = fork();
	int i;

	if (pid == 0) {
		for (i = 0; count < 0 || i < count; i++) {
			sleep_ms(PING_MS);
			if (kill(parent, sig) != 0)
				_exit(1);
		}
		_exit(0);
	}
	return pid;
}

/* stop_pinger - SIGKILL the pinger and reap it. */
static int stop_pinger(pid_t pid)
{
	kill(pid, SIGKILL);
	return WIFSIGNALED(wait_child(pid));
}

static void test_no_restart(void)
{
	struct timespec req = { LONG_SLEEP_S, 0 }, rem = { -1, -1 };
	char buf[8];
	int fds[2], status;
	pid_t pinger;

	set_handler(SIGUSR1, on_usr1, 0);

	pinger = start_pinger(SIGUSR1, -1);
	CHECK_ERR(pause(), EINTR, "pause");
	CHECK(handled > 0, "pause: the handler ran first");
	CHECK(stop_pinger(pinger), "pause: pinger stopped");

	handled = 0;
	pinger = start_pinger(SIGUSR1, -1);
	CHECK_ERR(nanosleep(&req, &rem), EINTR, "nanosleep of %d s", LONG_SLEEP_S);
	CHECK(rem.tv_sec >= 0 && rem.tv_sec <= LONG_SLEEP_S && rem.tv_nsec >= 0 &&
		      rem.tv_nsec < 1000000000 && (rem.tv_sec > 0 || rem.tv_nsec > 0) &&
		      (rem.tv_sec < LONG_SLEEP_S || rem.tv_nsec == 0),
	      "nanosleep: the remaining time is filled in, between 0 and %d s", LONG_SLEEP_S);
	CHECK(stop_pinger(pinger), "nanosleep: pinger stopped");

	pipe(fds);
	pinger = start_pinger(SIGUSR1, -1);
	CHECK_ERR(read(fds[0], buf, sizeof(buf)), EINTR, "read on an empty pipe");
	CHECK(stop_pinger(pinger), "read: pinger stopped");
	close(fds[0]);
	close(fds[1]);

	/* Wait for the pinger itself, which never exits on its own. */
	pinger = start_pinger(SIGUSR1, -1);
	CHECK_ERR(waitpid(pinger, &status, 0), EINTR, "waitpid for a running child");
	CHECK_ERR(wait4(pinger, &status, 0, NULL), EINTR, "wait4 for a running child");
	CHECK(stop_pinger(pinger), "waitpid: pinger stopped");

	/* sigsuspend always returns -1/EINTR, after the handler. */
	{
		sigset_t none;

		handled = 0;
		mask_signal(SIG_BLOCK, SIGUSR1);
		pinger = start_pinger(SIGUSR1, 1);
		sigemptyset(&none);
		CHECK_ERR(sigsuspend(&none), EINTR, "sigsuspend");
		CHECK(handled == 1, "sigsuspend: the handler ran once");
		mask_signal(SIG_UNBLOCK, SIGUSR1);
		CHECK_EXITED(wait_child(pinger), 0, "sigsuspend: the one-shot pinger exited 0");
	}
}

static void test_restart(void)
{
	struct timespec req = { LONG_SLEEP_S, 0 };
	char buf[8] = "";
	int fds[2], status;
	pid_t child;

	set_handler(SIGUSR1, on_usr1, SA_RESTART);

	/* read: three pings, then data; the read is restarted, not failed. */
	pipe(fds);
	child = fork();
	if (child == 0) {
		int i;

		for (i = 0; i < 3; i++) {
			sleep_ms(PING_MS);
			kill(getppid(), SIGUSR1);
		}
		sleep_ms(PING_MS);
		write(fds[1], "data", 4);
		_exit(0);
	}
	CHECK_EQ(read(fds[0], buf, sizeof(buf)), 4, "SA_RESTART: read restarted and got the data");
	CHECK(memcmp(buf, "data", 4) == 0, "SA_RESTART: the data is \"data\"");
	CHECK_EXITED(wait_child(child), 0, "SA_RESTART: the writer exited 0");
	close(fds[0]);
	close(fds[1]);

	/* waitpid: three pings, then the child exits with 7. */
	child = start_pinger(SIGUSR1, 3);
	CHECK(waitpid(child, &status, 0) == child,
	      "SA_RESTART: waitpid restarted and returned the child");
	CHECK_EXITED(status, 0, "SA_RESTART: the pinger exited 0 after 3 pings");

	/* pause and nanosleep are never restarted. */
	child = start_pinger(SIGUSR1, -1);
	CHECK_ERR(pause(), EINTR, "SA_RESTART: pause still");
	CHECK_ERR(nanosleep(&req, NULL), EINTR, "SA_RESTART: nanosleep still");
	CHECK(stop_pinger(child), "SA_RESTART: pinger stopped");
}

/* An ignored signal does not interrupt a blocking call. */
static void test_ignored(void)
{
	char buf[8] = "";
	int fds[2];
	pid_t child;

	set_handler(SIGUSR1, SIG_IGN, 0);
	pipe(fds);
	child = fork();
	if (child == 0) {
		int i;

		for (i = 0; i < 3; i++) {
			sleep_ms(PING_MS);
			kill(getppid(), SIGUSR1);
		}
		write(fds[1], "late", 4);
		_exit(0);
	}
	CHECK_EQ(read(fds[0], buf, sizeof(buf)), 4,
		 "ignored: SIGUSR1 at SIG_IGN did not interrupt read");
	CHECK_EXITED(wait_child(child), 0, "ignored: the writer exited 0");
	close(fds[0]);
	close(fds[1]);

	/* Init's SIGUSR1 at SIG_DFL is dropped: it interrupts nothing either. */
	set_handler(SIGUSR1, SIG_DFL, 0);
	pipe(fds);
	child = fork();
	if (child == 0) {
		int i;

		for (i = 0; i < 3; i++) {
			sleep_ms(PING_MS);
			kill(getppid(), SIGUSR1);
		}
		write(fds[1], "late", 4);
		_exit(0);
	}
	CHECK_EQ(read(fds[0], buf, sizeof(buf)), 4,
		 "ignored: init's SIGUSR1 at SIG_DFL did not interrupt read");
	CHECK_EXITED(wait_child(child), 0, "ignored: the writer exited 0");
	close(fds[0]);
	close(fds[1]);
}

int main(void)
{
	check_begin("eintr");
	test_no_restart();
	test_restart();
	test_ignored();
	return check_done();
}
