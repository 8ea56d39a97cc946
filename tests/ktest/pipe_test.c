/*
 * tests/ktest/pipe_test.c - the `pipe` suite: pipes through their file
 * operations, on the test thread (so nothing here may block for real: a
 * wait is only ever entered with a signal pending, which ends it).
 *
 * Checks the counts a program on Linux sees: 65536 one-byte writes fill a
 * pipe, 1000-byte writes stop at 64000, PIPE_BUF writes are all or
 * nothing; end of file without writers; EPIPE and SIGPIPE without
 * readers; EAGAIN, ESPIPE, EBADF, EINVAL; -ERESTARTSYS when a signal
 * interrupts a wait.  Every pipe is closed again, and the leak check
 * around the suite sees its pages freed.
 */
#include <nest/ktest.h>
#include <nest/fs.h>
#include <nest/sched.h>
#include <nest/signal.h>
#include <nest/mm.h>
#include <nest/slab.h>
#include <nest/string.h>
#include <nest/errno.h>
#include <uapi/fcntl.h>

/* From fs_test.c. */
bool test_files_begin(struct ktest *t);
void test_files_end(void);

#define PIPE_CAPACITY	(PIPE_DEF_BUFFERS * 4096)	/* 65536, Linux's default */

static char big[PIPE_CAPACITY + 8192];

/* A pipe as two struct files (no fds): res[0] reads, res[1] writes. */
static bool make_pipe(struct ktest *t, struct file **res, int flags)
{
	int err = create_pipe_files(res, flags);

	KTEST_EXPECT_EQ(t, err, 0);
	return !err;
}

static ssize_t pwrite(struct file *f, const void *buf, size_t n)
{
	return kernel_write(f, buf, n, NULL);
}

static ssize_t pread(struct file *f, void *buf, size_t n)
{
	return kernel_read(f, buf, n, NULL);
}

/* Write @chunk bytes at a time until the pipe says EAGAIN; the total. */
static long fill(struct file *w, size_t chunk)
{
	long total = 0;
	ssize_t n;

	while ((n = pwrite(w, big, chunk)) > 0)
		total += n;
	return n == -EAGAIN ? total : n;
}

static void pipe_fills_like_linux(struct ktest *t)
{
	struct file *p[2];
	unsigned long free_before, free_made;
	long total = 0;
	ssize_t n;
	unsigned int i;

	for (i = 0; i < sizeof(big); i++)
		big[i] = (char)(i % 251);
	kmem_cache_shrink_all();
	free_before = nr_free_pages();
	KTEST_ASSERT_TRUE(t, make_pipe(t, p, O_NONBLOCK));
	free_made = nr_free_pages();	/* the pipe's own objects may take a slab page */
	ktest_info(t, "one-byte O_NONBLOCK writes: 65536 fit in 16 pages, then EAGAIN");
	while ((n = pwrite(p[1], big + (total % 251), 1)) == 1)
		total++;
	KTEST_EXPECT_EQ(t, n, -EAGAIN);
	KTEST_EXPECT_EQ(t, total, PIPE_CAPACITY);
	KTEST_EXPECT_EQ(t, free_made - nr_free_pages(), PIPE_DEF_BUFFERS);
	ktest_info(t, "they read back in order; an empty pipe with a writer: EAGAIN");
	KTEST_EXPECT_EQ(t, pread(p[0], big + PIPE_CAPACITY, 8192), 8192);
	KTEST_EXPECT_EQ(t, memcmp(big + PIPE_CAPACITY, big, 8192), 0);
	KTEST_EXPECT_EQ(t, pread(p[0], big + PIPE_CAPACITY, 8192), 8192);
	KTEST_EXPECT_EQ(t, memcmp(big + PIPE_CAPACITY, big + 8192 % 251, 8192), 0);
	while (pread(p[0], big + PIPE_CAPACITY, 8192) > 0)
		;
	KTEST_EXPECT_EQ(t, pread(p[0], big + PIPE_CAPACITY, 1), -EAGAIN);
	ktest_info(t, "drained, it holds one spare page (Linux's tmp_page)");
	KTEST_EXPECT_EQ(t, free_made - nr_free_pages(), 1);

	ktest_info(t, "1000-byte writes stop at 64000 (4 per page), as on Linux");
	for (i = 0; i < sizeof(big); i++)
		big[i] = (char)(i % 251);
	KTEST_EXPECT_EQ(t, fill(p[1], 1000), 64000);
	while (pread(p[0], big + PIPE_CAPACITY, 8192) > 0)
		;
	ktest_info(t, "4096-byte writes: 16 of them");
	KTEST_EXPECT_EQ(t, fill(p[1], 4096), PIPE_CAPACITY);
	KTEST_EXPECT_EQ(t, pread(p[0], big, 4096), 4096);
	ktest_info(t, "more than PIPE_BUF with one page free: a partial write of 4096");
	KTEST_EXPECT_EQ(t, pwrite(p[1], big, 5000), 4096);
	KTEST_EXPECT_EQ(t, pwrite(p[1], big, 1), -EAGAIN);
	ktest_info(t, "closed, every page is back");
	fput(p[0]);
	fput(p[1]);
	kmem_cache_shrink_all();
	KTEST_EXPECT_EQ(t, nr_free_pages(), free_before);
}

static void pipe_buf_writes_are_atomic(struct ktest *t)
{
	struct file *p[2];
	char c[2] = "xy";
	int i;

	KTEST_ASSERT_TRUE(t, make_pipe(t, p, O_NONBLOCK));
	ktest_info(t, "65535 bytes in: a 2-byte write does not fit whole, so EAGAIN; 1 byte does");
	for (i = 0; i < PIPE_CAPACITY - 1; i++)
		KTEST_ASSERT_EQ(t, pwrite(p[1], c, 1), 1);
	KTEST_EXPECT_EQ(t, pwrite(p[1], c, 2), -EAGAIN);
	KTEST_EXPECT_EQ(t, pwrite(p[1], c, 1), 1);
	KTEST_EXPECT_EQ(t, pwrite(p[1], c, 1), -EAGAIN);
	ktest_info(t, "a zero-byte write and read succeed with 0");
	KTEST_EXPECT_EQ(t, pwrite(p[1], c, 0), 0);
	KTEST_EXPECT_EQ(t, pread(p[0], c, 0), 0);
	fput(p[0]);
	fput(p[1]);
}

static void pipe_eof_and_epipe(struct ktest *t)
{
	struct file *p[2];
	sigset_t saved_blocked = current->blocked;
	bool was_pending = sigismember(&current->pending.signal, SIGPIPE);
	char buf[8];

	KTEST_ASSERT_TRUE(t, make_pipe(t, p, 0));
	ktest_info(t, "the writer closes: the data is still read, then 0 (end of file)");
	KTEST_EXPECT_EQ(t, pwrite(p[1], "abc", 3), 3);
	fput(p[1]);
	KTEST_EXPECT_EQ(t, pread(p[0], buf, sizeof(buf)), 3);
	KTEST_EXPECT_EQ(t, memcmp(buf, "abc", 3), 0);
	KTEST_EXPECT_EQ(t, pread(p[0], buf, sizeof(buf)), 0);
	KTEST_EXPECT_EQ(t, pread(p[0], buf, sizeof(buf)), 0);
	fput(p[0]);

	ktest_info(t, "no reader: write is EPIPE and SIGPIPE is sent to the writer");
	KTEST_ASSERT_TRUE(t, make_pipe(t, p, 0));
	fput(p[0]);
	KTEST_EXPECT_FALSE(t, was_pending);
	/* Blocked, so it stays pending even for an init or a kernel thread. */
	sigaddset(&current->blocked, SIGPIPE);
	KTEST_EXPECT_EQ(t, pwrite(p[1], "abc", 3), -EPIPE);
	KTEST_EXPECT_TRUE(t, sigismember(&current->pending.signal, SIGPIPE));
	flush_sigqueue(&current->pending);
	current->blocked = saved_blocked;
	fput(p[1]);
}

static void pipe_signal_interrupts_wait(struct ktest *t)
{
	struct file *p[2];
	char buf[8];

	KTEST_ASSERT_TRUE(t, make_pipe(t, p, 0));
	/*
	 * A pending unblocked signal makes every wait return at once, so the
	 * blocking paths can run on the test thread.  It is set by hand: sent
	 * properly it could be dropped (an init ignores default actions).
	 */
	KTEST_ASSERT_FALSE(t, sigismember(&current->blocked, SIGUSR1));
	sigaddset(&current->pending.signal, SIGUSR1);
	KTEST_ASSERT_TRUE(t, signal_pending(current));
	ktest_info(t, "blocking read of an empty pipe with a signal pending: -ERESTARTSYS");
	KTEST_EXPECT_EQ(t, pread(p[0], buf, 1), -ERESTARTSYS);
	ktest_info(t, "blocking write to a full pipe: -ERESTARTSYS, or the count written so far");
	KTEST_EXPECT_EQ(t, pwrite(p[1], big, PIPE_CAPACITY - 4096), PIPE_CAPACITY - 4096);
	KTEST_EXPECT_EQ(t, pwrite(p[1], big, 3 * 4096), 4096);
	KTEST_EXPECT_EQ(t, pwrite(p[1], big, 10), -ERESTARTSYS);
	sigdelset(&current->pending.signal, SIGUSR1);
	KTEST_EXPECT_FALSE(t, signal_pending(current));
	ktest_info(t, "a blocking read with data returns what is there without waiting");
	KTEST_EXPECT_EQ(t, pread(p[0], big, 10), 10);
	fput(p[0]);
	fput(p[1]);
}

static void pipe_fds_and_flags(struct ktest *t)
{
	struct file *r, *w;
	int fds[2];
	char c = 'q';

	KTEST_ASSERT_TRUE(t, test_files_begin(t));
	ktest_info(t, "pipe2 takes the two lowest fds, read end first");
	KTEST_ASSERT_EQ(t, do_pipe_flags(fds, 0), 0);
	KTEST_EXPECT_EQ(t, fds[0], 0);
	KTEST_EXPECT_EQ(t, fds[1], 1);
	r = fget(fds[0]);
	w = fget(fds[1]);
	KTEST_ASSERT_NOT_NULL(t, r);
	KTEST_ASSERT_NOT_NULL(t, w);
	KTEST_EXPECT_EQ(t, sys_fcntl(0, F_GETFL, 0), O_RDONLY);
	KTEST_EXPECT_EQ(t, sys_fcntl(1, F_GETFL, 0), O_WRONLY);
	KTEST_EXPECT_TRUE(t, S_ISFIFO(r->f_inode->i_mode));
	ktest_info(t, "reading the write end or writing the read end: EBADF; lseek: ESPIPE");
	KTEST_EXPECT_EQ(t, pread(w, &c, 1), -EBADF);
	KTEST_EXPECT_EQ(t, pwrite(r, &c, 1), -EBADF);
	KTEST_EXPECT_EQ(t, sys_lseek(0, 0, SEEK_CUR), -ESPIPE);
	KTEST_EXPECT_EQ(t, sys_lseek(1, 0, SEEK_SET), -ESPIPE);
	fput(r);
	fput(w);
	ktest_info(t, "O_CLOEXEC | O_NONBLOCK apply to both ends; other flags: EINVAL");
	KTEST_ASSERT_EQ(t, do_pipe_flags(fds, O_CLOEXEC | O_NONBLOCK), 0);
	KTEST_EXPECT_EQ(t, fds[0], 2);
	KTEST_EXPECT_EQ(t, sys_fcntl(2, F_GETFD, 0), FD_CLOEXEC);
	KTEST_EXPECT_EQ(t, sys_fcntl(3, F_GETFD, 0), FD_CLOEXEC);
	KTEST_EXPECT_EQ(t, sys_fcntl(2, F_GETFL, 0), O_RDONLY | O_NONBLOCK);
	KTEST_EXPECT_EQ(t, do_pipe_flags(fds, O_APPEND), -EINVAL);
	ktest_info(t, "closing an fd of a dup'ed end keeps the end open");
	KTEST_EXPECT_EQ(t, sys_dup(1), 4);
	KTEST_EXPECT_EQ(t, sys_close(1), 0);
	w = fget(4);
	r = fget(0);
	KTEST_EXPECT_EQ(t, pwrite(w, "z", 1), 1);
	KTEST_EXPECT_EQ(t, sys_close(4), 0);
	KTEST_EXPECT_EQ(t, pread(r, &c, 1), 1);
	KTEST_EXPECT_EQ(t, c, 'z');
	fput(w);		/* the last write end: now end of file */
	KTEST_EXPECT_EQ(t, pread(r, &c, 1), 0);
	fput(r);
	test_files_end();
}

static struct ktest_case pipe_cases[] = {
	KTEST_CASE(pipe_fills_like_linux),
	KTEST_CASE(pipe_buf_writes_are_atomic),
	KTEST_CASE(pipe_eof_and_epipe),
	KTEST_CASE(pipe_signal_interrupts_wait),
	KTEST_CASE(pipe_fds_and_flags),
	{}
};

static struct ktest_suite pipe_suite = { .name = "pipe", .cases = pipe_cases };
KTEST_SUITE(pipe_suite);
