/*
 * tests/user/fd.c - the file descriptor table: init starts with 0, 1 and 2
 * open; new fds are the lowest free; dup/dup2 share the open file (and its
 * offset); open/read/lseek on a file (the test's own binary); EBADF for
 * every bad fd; ENOENT/ENOTDIR for bad paths; EMFILE when the table is full.
 *
 * The table's size (RLIMIT_NOFILE: 1024 on Linux by default, and on Nest)
 * is never printed; only that the limit exists and behaves.
 */
#include <fcntl.h>
#include <limits.h>
#include "check.h"

#define MIN_FDS		64	/* the table holds at least this many */
#define FD_SANITY	(1 << 20)	/* stop counting here: no limit at all */

static const char *self;

static void test_start(void)
{
	int fd;

	CHECK(lseek(0, 0, SEEK_CUR) != -1 || errno != EBADF, "start: fd 0 is open");
	CHECK(write(1, "", 0) == 0, "start: fd 1 is open");
	CHECK(write(2, "", 0) == 0, "start: fd 2 is open");
	fd = dup(1);
	CHECK_EQ(fd, 3, "start: the first free fd is 3");
	close(fd);
}

static void test_dup(void)
{
	int fd, a, b;
	char buf[4];

	fd = open(self, O_RDONLY);
	CHECK_EQ(fd, 3, "dup: open returns the lowest free fd, 3");
	a = dup(fd);
	CHECK_EQ(a, 4, "dup: dup returns the next lowest, 4");
	CHECK_EQ(read(fd, buf, 4), 4, "dup: read 4 bytes through fd 3");
	CHECK_EQ(lseek(a, 0, SEEK_CUR), 4, "dup: fd 4 shares the offset, now 4");
	close(fd);
	CHECK_EQ(dup(a), 3, "dup: after closing 3, dup gives 3 again");
	close(3);

	b = dup2(a, 10);
	CHECK_EQ(b, 10, "dup2: to fd 10 returns 10");
	CHECK_EQ(lseek(10, 0, SEEK_SET), 0, "dup2: fd 10 works (lseek to 0)");
	CHECK_EQ(lseek(a, 0, SEEK_CUR), 0, "dup2: and moved fd 4's offset too");
	CHECK_EQ(dup2(a, a), a, "dup2: onto itself returns the fd");
	fd = open(self, O_RDONLY);
	lseek(fd, 100, SEEK_SET);
	CHECK_EQ(dup2(fd, 10), 10, "dup2: onto an open fd closes it silently");
	CHECK_EQ(lseek(10, 0, SEEK_CUR), 100, "dup2: fd 10 is now the other file (offset 100)");
	close(fd);
	close(10);
	CHECK_EQ(dup(1), 3, "dup: the lowest free is 3 again");
	close(3);
	close(a);
}

static void test_file(void)
{
	char buf[8];
	off_t size;
	int fd;

	fd = open(self, O_RDONLY);
	CHECK_EQ(read(fd, buf, 4), 4, "file: read 4 bytes of the test's own binary");
	CHECK(memcmp(buf, "\177ELF", 4) == 0, "file: they are the ELF magic");
	CHECK_EQ(lseek(fd, 0, SEEK_CUR), 4, "file: SEEK_CUR says 4");
	CHECK_EQ(lseek(fd, 1, SEEK_SET), 1, "file: SEEK_SET to 1");
	CHECK_EQ(read(fd, buf, 3), 3, "file: read 3 from there");
	CHECK(memcmp(buf, "ELF", 3) == 0, "file: \"ELF\"");
	size = lseek(fd, 0, SEEK_END);
	CHECK(size > 4, "file: SEEK_END gives the size");
	CHECK_EQ(read(fd, buf, 8), 0, "file: read at the end returns 0");
	CHECK(lseek(fd, 1000, SEEK_END) == size + 1000, "file: seeking past the end is allowed");
	CHECK_EQ(read(fd, buf, 8), 0, "file: and reads 0");
	CHECK(lseek(fd, -4, SEEK_END) == size - 4, "file: SEEK_END -4");
	CHECK_EQ(read(fd, buf, 8), 4, "file: reads the last 4 bytes");
	CHECK_ERR(lseek(fd, -1, SEEK_SET), EINVAL, "file: lseek to -1");
	CHECK_ERR(lseek(fd, 0, 7), EINVAL, "file: lseek with whence 7");
	close(fd);

	CHECK_ERR(open("/nonexistent/file", O_RDONLY), ENOENT, "open: a missing file");
	CHECK_ERR(open("", O_RDONLY), ENOENT, "open: an empty path");
	{
		char path[256];

		snprintf(path, sizeof(path), "%s/x", self);
		CHECK_ERR(open(path, O_RDONLY), ENOTDIR, "open: a path through a file");
	}
	fd = open(self, O_RDONLY);
	CHECK_ERR(write(fd, "x", 1), EBADF, "open: write to an O_RDONLY fd");
	close(fd);
}

static void test_ebadf(void)
{
	char buf[4];
	int fd = dup(1);

	close(fd);
	CHECK_ERR(read(fd, buf, 1), EBADF, "ebadf: read on a closed fd");
	CHECK_ERR(write(fd, "x", 1), EBADF, "ebadf: write on a closed fd");
	CHECK_ERR(close(fd), EBADF, "ebadf: close of a closed fd");
	CHECK_ERR(lseek(fd, 0, SEEK_SET), EBADF, "ebadf: lseek on a closed fd");
	CHECK_ERR(dup(fd), EBADF, "ebadf: dup of a closed fd");
	CHECK_ERR(dup2(fd, 20), EBADF, "ebadf: dup2 from a closed fd");
	CHECK_ERR(read(-1, buf, 1), EBADF, "ebadf: read on fd -1");
	CHECK_ERR(write(-1, "x", 1), EBADF, "ebadf: write on fd -1");
	CHECK_ERR(close(-1), EBADF, "ebadf: close(-1)");
	CHECK_ERR(dup(-1), EBADF, "ebadf: dup(-1)");
	CHECK_ERR(dup2(-1, 20), EBADF, "ebadf: dup2(-1, 20)");
	CHECK_ERR(dup2(1, -1), EBADF, "ebadf: dup2(1, -1)");
	CHECK_ERR(dup2(1, INT_MAX), EBADF, "ebadf: dup2(1, INT_MAX), past any limit");
	CHECK_ERR(read(INT_MAX, buf, 1), EBADF, "ebadf: read on fd INT_MAX");
	CHECK_ERR(close(20), EBADF, "ebadf: close(20), never opened");
}

static void test_emfile(void)
{
	int first, fd, last = -1, count = 0, in_order = 1, hole, fds[2];

	first = fd = dup(0);
	while (fd >= 0 && count < FD_SANITY) {
		if (fd != first + count)
			in_order = 0;
		count++;
		last = fd;
		fd = dup(0);
	}
	CHECK(fd == -1 && errno == EMFILE, "emfile: dup until it fails: EMFILE");
	CHECK(count >= MIN_FDS, "emfile: at least %d fds could be opened first", MIN_FDS);
	CHECK(in_order, "emfile: each dup returned the lowest free fd");
	CHECK_ERR(open(self, O_RDONLY), EMFILE, "emfile: open with the table full");
	CHECK_ERR(pipe(fds), EMFILE, "emfile: pipe with the table full");
	CHECK_ERR(dup2(0, last + 1), EBADF, "emfile: dup2 to the first fd past the limit");

	hole = first + count / 2;
	close(hole);
	CHECK_EQ(pipe(fds), -1, "emfile: pipe with one free fd fails (it needs two)");
	CHECK_EQ(errno, EMFILE, "emfile: with EMFILE");
	CHECK_EQ(open(self, O_RDONLY), hole, "emfile: after one close, open gets that fd");
	CHECK_ERR(dup(0), EMFILE, "emfile: then the table is full again");

	for (fd = first; fd <= last; fd++)
		close(fd);
	CHECK_EQ(dup(0), first, "emfile: all closed, the lowest free fd is back");
	close(first);
}

int main(int argc, char **argv)
{
	self = argc > 0 ? argv[0] : "/tests/fd";
	check_begin("fd");
	test_start();
	test_dup();
	test_file();
	test_ebadf();
	test_emfile();
	return check_done();
}
