/*
 * user/lib/env.c - the environment: environ, set by __libc_start_main()
 * (start.c) from the initial stack, and getenv().
 */
#include <stdlib.h>
#include <string.h>

char **environ;

/*
 * getenv - the value of environment variable @name ("NAME=value"), or
 * NULL if it is not set.  The string belongs to the environment.
 */
char *getenv(const char *name)
{
	size_t len = strlen(name);
	char **e;

	if (!environ || !len || strchr(name, '='))
		return NULL;
	for (e = environ; *e; e++) {
		if (!strncmp(*e, name, len) && (*e)[len] == '=')
			return *e + len + 1;
	}
	return NULL;
}
