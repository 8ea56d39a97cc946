/*
 * user/bin/libctest/libctest.h - what libctest's files share: the check()
 * that prints one TAP line, in_child(), the scratch names, and each
 * file's tests, which main.c runs in order.
 *
 *	main.c		check(), in_child(), the order of the tests, the summary
 *	strings.c	printf formats, strings, number parsing, qsort, strerror
 *	malloc.c	malloc/realloc/free under a random stress loop, calloc,
 *			a blocked break, a double free
 *	signals.c	handlers with and without SA_SIGINFO, the mask, SIGSEGV,
 *			abort, sigsuspend
 *	process.c	fork/wait statuses, pipes, clone, pid namespaces, sessions
 *			and groups, output not duplicated by fork
 *	files.c		open/read/write/lseek/dup, access, unlink, mkdir, chdir,
 *			getcwd, rmdir, readdir
 *	memory_time.c	mmap, munmap, clocks, nanosleep, uname, prctl, getenv
 *
 * The checks are numbered in the order they run, so the order of the
 * calls in main() is part of the output (a transcript compared with an
 * older one must still line up).
 */
#ifndef LIBCTEST_H
#define LIBCTEST_H

#define CHILD_STACK	(16 * 1024)
#define PAGE		4096
#define TMP_DIR		"/tmp/libctest.dir"
#define TMP_FILE	"/tmp/libctest.file"

/* main.c */
/* Record one check: print "ok"/"not ok", its number and what it checked. */
void check(int ok, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Run @fn in a child and return its wait status. */
int in_child(void (*fn)(void));

/* strings.c */
void test_printf(void);
void test_strings(void);

/* malloc.c */
void test_malloc(void);
void test_malloc_errors(void);

/* signals.c */
void test_signals(void);
void test_sigsuspend(void);

/* process.c */
void test_processes(void);
void test_fork_flush(void);

/* files.c */
void test_files(void);

/* memory_time.c */
void test_memory_and_time(void);

#endif /* LIBCTEST_H */
