/*
 * tests/fuzz/args.h - the typed argument generators, shared by the files
 * that make up a call's arguments and by call.c, which picks one per
 * argument type (gen_call).  main.c and worker.c do not need them: they
 * see only gen_call and format_call (fuzz.h).
 *
 *	args.c		numbers, pointers, descriptors, pids, signals,
 *			flags and operations, addresses and breaks
 *	paths.c		strings the kernel copies in: paths, file system
 *			types, argv arrays
 *	structs.c	structures the kernel reads: iovecs, timespecs,
 *			sigsets, sigactions, clone_args
 *
 * Every generator returns the argument's value and sets *@what to a
 * letter saying which variant it chose (the log shows it; see args.c).
 * @i, where given, is the argument's index: its structure or string is
 * built in slot i of the worker's scratch (SLOT_SIZE, fuzz.h).
 */
#ifndef TESTS_FUZZ_ARGS_H
#define TESTS_FUZZ_ARGS_H

#include "fuzz.h"

#define NR(a)	(sizeof(a) / sizeof((a)[0]))

/* ---- args.c ---- */
uint32_t gen_undef(char *what);
uint32_t gen_len(char *what);
/* A pointer to memory for the kernel; @align is a valid one's alignment. */
uint32_t gen_ptr(char *what, uint32_t align);
/* Where argument @i's structure of @size bytes goes (slot or bad place). */
char *struct_place(int i, size_t size, char *what);
/* Copy a built structure there, as far as the mapping goes. */
void place(char *p, const void *src, size_t size, char what);
uint32_t gen_fd(char *what);
uint32_t gen_pid(char *what);
uint32_t gen_sig(char *what);
uint32_t gen_addr(char *what);
uint32_t gen_brk(char *what);
uint32_t gen_flags(uint32_t mask, char *what);
uint32_t gen_op(const uint32_t *ops, char *what);

/* ---- paths.c ---- */
/*
 * A path of @type (ARG_PATH, ARG_WPATH, ARG_XPATH or ARG_DPATH) for
 * argument @i; *@str is the string chosen, for the log, or NULL.
 */
uint32_t gen_path(int i, enum arg_type type, char *what, const char **str);
uint32_t gen_fstype(int i, char *what, const char **str);
uint32_t gen_argv(int i, char *what);

/* ---- structs.c ---- */
/* An iovec array; *@count is its length, for the ARG_IOVCNT after it. */
uint32_t gen_iovec(int i, char *what, unsigned int *count);
uint32_t gen_timespec(int i, char *what);
uint32_t gen_sigset(int i, char *what);
uint32_t gen_sigaction(int i, char *what);
uint32_t gen_clone_args(int i, uint32_t flags_mask, char *what);

#endif /* TESTS_FUZZ_ARGS_H */
