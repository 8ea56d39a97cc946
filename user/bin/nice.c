/*
 * user/bin/nice.c - nice [-n ADJUSTMENT] [COMMAND [ARG]...]: run COMMAND
 * with its nice value raised by ADJUSTMENT (default 10; a negative one
 * lowers it, which root may do), as coreutils' nice.  Without a COMMAND,
 * print the current nice value.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DEFAULT_ADJUSTMENT	10
#define EXIT_CANNOT_INVOKE	126	/* coreutils: found but could not run */
#define EXIT_ENOENT		127	/* coreutils: not found */

int main(int argc, char **argv)
{
	int adjustment = DEFAULT_ADJUSTMENT, i = 1;
	char *end;

	if (i + 1 < argc && !strcmp(argv[i], "-n")) {
		adjustment = strtol(argv[i + 1], &end, 10);
		if (!*argv[i + 1] || *end) {
			fprintf(stderr, "nice: invalid adjustment '%s'\n", argv[i + 1]);
			return EXIT_CANNOT_INVOKE - 1;
		}
		i += 2;
	}
	if (i == argc) {
		errno = 0;
		adjustment = nice(0);	/* nice(0) is the current value */
		if (adjustment == -1 && errno) {
			perror("nice");
			return 1;
		}
		printf("%d\n", adjustment);
		return 0;
	}
	errno = 0;
	if (nice(adjustment) == -1 && errno)
		perror("nice: cannot set niceness");	/* and run it anyway, as coreutils */
	execvp(argv[i], argv + i);
	fprintf(stderr, "nice: %s: %s\n", argv[i], strerror(errno));
	return errno == ENOENT ? EXIT_ENOENT : EXIT_CANNOT_INVOKE;
}
