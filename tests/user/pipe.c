/*
 * tests/user/pipe.c - pipes: data in order, short reads, EOF only when the
 * last writer is gone, a reader blocking until data comes, a writer blocking
 * while the pipe is full, atomic small writes from several writers, and a
 * write with no reader: SIGPIPE (kills a child, runs a handler, or is
 * ignored) and EPIPE.  Init, being init, is not killed by its own SIGPIPE.
 *
 * The pipe's capacity differs between kernels, so it is never printed:
 * transfers are larger than any capacity and only their content is checked.
 */
#include "check.h"

#define BIG_TRANSFER	(256 * 1024)	/* more than a pipe holds, on Linux or Nest */
#define RECORD		64		/* a write well below PIPE_BUF is atomic */
#define RECORDS		100		/* per writer */

static volatile int sigpipe_count;

static void on_sigpipe(int sig)
{
	if (sig == SIGPIPE)
		sigpipe_count++;
}

static void test_basic(void)
{
	int fds[2];
	char buf[100];

	CHECK_EQ(pipe(fds), 0, "pipe: created");
	CHECK(fds[0] == 3 && fds[1] == 4, "pipe: the two lowest free fds, 3 and 4");
	CHECK_EQ(write(fds[1], "hello", 5), 5, "pipe: write 5 bytes");
	CHECK_EQ(read(fds[0], buf, sizeof(buf)), 5, "pipe: a read of 100 returns the 5 there are");
	CHECK(memcmp(buf, "hello", 5) == 0, "pipe: the bytes are \"hello\"");

	write(fds[1], "0123456789", 10);
	CHECK_EQ(read(fds[0], buf, 4), 4, "pipe: a short read takes 4 of 10");
	CHECK_EQ(read(fds[0], buf + 4, 90), 6, "pipe: the next read takes the other 6");
	CHECK(memcmp(buf, "0123456789", 10) == 0, "pipe: in order");

	CHECK_ERR(write(fds[0], "x", 1), EBADF, "pipe: write to the read end");
	CHECK_ERR(read(fds[1], buf, 1), EBADF, "pipe: read from the write end");
	CHECK_ERR(lseek(fds[0], 0, SEEK_SET), ESPIPE, "pipe: lseek");

	write(fds[1], "ab", 2);
	close(fds[1]);
	CHECK_EQ(read(fds[0], buf, 100), 2, "pipe: data written before the close is still read");
	CHECK_EQ(read(fds[0], buf, 100), 0, "pipe: then EOF (0) with no writer left");
	CHECK_EQ(read(fds[0], buf, 100), 0, "pipe: and EOF again");
	close(fds[0]);
}

/* A reader blocks until a writer writes, or until the last writer closes. */
static void test_blocking_read(void)
{
	int fds[2], status;
	char buf[16] = "";
	pid_t child;

	pipe(fds);
	child = fork();
	if (child == 0) {
		sleep_ms(50);
		write(fds[1], "late", 4);
		sleep_ms(50);
		_exit(0); /* its write end closes here */
	}
	close(fds[1]);
	CHECK_EQ(read(fds[0], buf, sizeof(buf)), 4, "block: read waited for the child's write");
	CHECK(memcmp(buf, "late", 4) == 0, "block: and got \"late\"");
	CHECK_EQ(read(fds[0], buf, sizeof(buf)), 0,
		 "block: read waited for the child's exit, then EOF");
	status = wait_child(child);
	CHECK_EXITED(status, 0, "block: the writer exited 0");
	close(fds[0]);

	/* A copy of the write end held by a child keeps EOF away. */
	pipe(fds);
	child = fork();
	if (child == 0) {
		sleep_ms(50);
		_exit(0);
	}
	close(fds[1]);
	CHECK_EQ(read(fds[0], buf, sizeof(buf)), 0, "block: EOF only once the child's copy closed");
	wait_child(child);
	close(fds[0]);
}

/* A writer blocks while the pipe is full and resumes as the reader drains it. */
static void test_big_transfer(void)
{
	static unsigned char buf[8192];
	long total = 0, bad = 0;
	int fds[2], status, i;
	pid_t child;
	ssize_t n;

	pipe(fds);
	child = fork();
	if (child == 0) {
		long sent = 0;

		close(fds[0]);
		while (sent < BIG_TRANSFER) {
			for (i = 0; i < (int)sizeof(buf); i++)
				buf[i] = (unsigned char)((sent + i) * 7);
			n = write(fds[1], buf, sizeof(buf));
			if (n != sizeof(buf))
				_exit(1);
			sent += n;
		}
		_exit(0);
	}
	close(fds[1]);
	while ((n = read(fds[0], buf, 1000)) > 0) {
		for (i = 0; i < n; i++)
			if (buf[i] != (unsigned char)((total + i) * 7))
				bad++;
		total += n;
	}
	CHECK_EQ(total, BIG_TRANSFER, "big: read all %d bytes through the pipe", BIG_TRANSFER);
	CHECK_EQ(bad, 0, "big: every byte in order");
	status = wait_child(child);
	CHECK_EXITED(status, 0, "big: every write of %d bytes wrote all of it", (int)sizeof(buf));
	close(fds[0]);
}

/* Two writers, small records: no record is split or interleaved. */
static void test_atomic_writes(void)
{
	static char stream[2 * RECORDS * RECORD];
	int fds[2], w, i, j, good = 1, count[2] = { 0, 0 };
	pid_t child[2];
	long total = 0;
	ssize_t n;

	pipe(fds);
	for (w = 0; w < 2; w++) {
		child[w] = fork();
		if (child[w] == 0) {
			char rec[RECORD];

			close(fds[0]);
			memset(rec, 'A' + w, RECORD);
			for (i = 0; i < RECORDS; i++)
				if (write(fds[1], rec, RECORD) != RECORD)
					_exit(1);
			_exit(0);
		}
	}
	close(fds[1]);
	while (total < (long)sizeof(stream) &&
	       (n = read(fds[0], stream + total, sizeof(stream) - total)) > 0)
		total += n;
	for (i = 0; i < 2 * RECORDS && good; i++) {
		char c = stream[i * RECORD];

		for (j = 1; j < RECORD; j++)
			if (stream[i * RECORD + j] != c)
				good = 0;
		if (c == 'A' || c == 'B')
			count[c - 'A']++;
	}
	CHECK_EQ(total, sizeof(stream), "atomic: read %d records of %d bytes", 2 * RECORDS, RECORD);
	CHECK(good && count[0] == RECORDS && count[1] == RECORDS,
	      "atomic: no record from two writers was split or mixed");
	CHECK_EXITED(wait_child(child[0]), 0, "atomic: writer A exited 0");
	CHECK_EXITED(wait_child(child[1]), 0, "atomic: writer B exited 0");
	close(fds[0]);
}

/* A write with no reader left. */
static int write_no_reader(void)
{
	int fds[2];

	pipe(fds);
	close(fds[0]);
	if (write(fds[1], "x", 1) == -1 && errno == EPIPE)
		return 3;
	return 4;
}

static int write_no_reader_handled(void)
{
	set_handler(SIGPIPE, on_sigpipe, 0);
	sigpipe_count = 0;
	return write_no_reader() == 3 && sigpipe_count == 1 ? 5 : 6;
}

static int write_no_reader_ignored(void)
{
	set_handler(SIGPIPE, SIG_IGN, 0);
	return write_no_reader();
}

static void test_no_reader(void)
{
	int fds[2], status;
	pid_t child;
	ssize_t n;

	CHECK_KILLED(run_child(write_no_reader), SIGPIPE,
		     "epipe: a child's write with no reader: killed by SIGPIPE (13)");
	CHECK_EXITED(run_child(write_no_reader_handled), 5,
		     "epipe: with a SIGPIPE handler: the handler ran once, write gave EPIPE");
	CHECK_EXITED(run_child(write_no_reader_ignored), 3,
		     "epipe: with SIGPIPE ignored: write gave EPIPE");

	/* Init's SIGPIPE at the default action is dropped: init lives, gets EPIPE. */
	pipe(fds);
	close(fds[0]);
	CHECK_ERR(write(fds[1], "x", 1), EPIPE, "epipe: init's own write with no reader");
	CHECK(!is_pending(SIGPIPE), "epipe: init survived, no SIGPIPE left pending");
	close(fds[1]);

	/* A writer blocked on a full pipe wakes up when the reader goes away. */
	pipe(fds);
	child = fork();
	if (child == 0) {
		static char chunk[BIG_TRANSFER];

		set_handler(SIGPIPE, SIG_IGN, 0);
		close(fds[0]);
		n = write(fds[1], chunk, sizeof(chunk));
		/* Linux returns the bytes written so far, or EPIPE if none. */
		_exit((n > 0 && n < (ssize_t)sizeof(chunk)) || (n == -1 && errno == EPIPE) ? 7 : 8);
	}
	close(fds[1]);
	sleep_ms(50);
	close(fds[0]);
	status = wait_child(child);
	CHECK_EXITED(status, 7,
		     "epipe: a writer blocked on a full pipe wakes when the reader closes");
}

int main(void)
{
	check_begin("pipe");
	test_basic();
	test_blocking_read();
	test_big_transfer();
	test_atomic_writes();
	test_no_reader();
	return check_done();
}
