/*
 * user/bin/cat.c - cat [FILE...]: copy each file (or standard input, for
 * no file or "-") to standard output.  It reads and writes with the
 * system calls directly, so a pipe's data moves as it arrives.  Exit
 * status 1 if any file could not be read.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define CAT_BUF_SIZE	4096

/* Copy @fd to standard output; 0, or -1 after printing what went wrong. */
static int copy_fd(int fd, const char *name)
{
	static char buf[CAT_BUF_SIZE];
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) != 0) {
		ssize_t done = 0;

		if (n < 0) {
			if (errno == EINTR)
				continue;
			fprintf(stderr, "cat: %s: %s\n", name, strerror(errno));
			return -1;
		}
		while (done < n) {
			ssize_t w = write(STDOUT_FILENO, buf + done, n - done);

			if (w < 0 && errno == EINTR)
				continue;
			if (w <= 0) {
				fprintf(stderr, "cat: write error: %s\n",
					strerror(errno));
				return -1;
			}
			done += w;
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	int status = 0;
	int i;

	if (argc < 2)
		return copy_fd(STDIN_FILENO, "-") ? 1 : 0;
	for (i = 1; i < argc; i++) {
		int fd;

		if (!strcmp(argv[i], "-")) {
			if (copy_fd(STDIN_FILENO, "-"))
				status = 1;
			continue;
		}
		fd = open(argv[i], O_RDONLY);
		if (fd < 0) {
			fprintf(stderr, "cat: %s: %s\n", argv[i], strerror(errno));
			status = 1;
			continue;
		}
		if (copy_fd(fd, argv[i]))
			status = 1;
		close(fd);
	}
	return status;
}
