/*
 * user/bin/libctest/files.c - files and directories: open with O_CREAT,
 * write, lseek, read, dup (a shared offset), dup2, close (EBADF), access,
 * unlink, mkdir, chdir, getcwd, rmdir, opendir/readdir.  Works under
 * TMP_FILE and TMP_DIR, removing them first and leaving nothing behind.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "libctest.h"

/* The calls on names and descriptors, each checked once. */
void test_files(void)
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
