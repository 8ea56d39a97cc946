/* include/nest/limits.h - Linux's limits on names and paths, and of int and long. */
#ifndef NEST_LIMITS_H
#define NEST_LIMITS_H

#ifndef PATH_MAX
#define PATH_MAX	4096	/* bytes in a path, NUL included */
#endif
#ifndef NAME_MAX
#define NAME_MAX	255	/* bytes in one file name */
#endif

#ifndef INT_MAX
#define INT_MAX		((int)(~0U >> 1))
#define INT_MIN		(-INT_MAX - 1)
#endif
#ifndef ULONG_MAX
#define ULONG_MAX	(~0UL)
#endif

#endif /* NEST_LIMITS_H */
