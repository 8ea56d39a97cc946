/*
 * user/lib/start.c - __libc_start_main(), the C half of program start-up:
 * called by _start (crt0.S) with what the kernel left on the stack.
 */
#include <stdlib.h>
#include <string.h>
#include "libc.h"

int main(int argc, char **argv, char **envp);

const char *__progname = "";

/*
 * __libc_start_main - publish the environment and the program's name, run
 * main(), exit with its return value.  @argc, @argv, @envp: from the
 * initial stack.  The auxiliary vector after envp is not needed yet.
 * Never returns.
 */
void __libc_start_main(int argc, char **argv, char **envp)
{
	environ = envp;
	if (argc > 0 && argv[0]) {
		const char *slash = strrchr(argv[0], '/');

		__progname = slash ? slash + 1 : argv[0];
	}
	exit(main(argc, argv, envp));
}
