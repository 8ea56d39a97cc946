/*
 * tests/fuzz/fuzz.h - the system call fuzzer's shared declarations.
 *
 * The fuzzer (/bin/fuzz) is these parts:
 *	main.c		options, rounds in fresh pid namespaces, the watchdog
 *	worker.c	a worker process: its setup and its loop of calls
 *	rng.c		the PRNG, reseeded for every call
 *	call.c		one whole call: pick a spec, make up its arguments
 *	args.c		the scalar argument generators (args.h lists all)
 *	paths.c		the string generators: paths, fs types, argv
 *	structs.c	the structure generators: iovec, timespec, sigaction...
 *	table.c		the system calls, each with the types of its arguments
 *	raw.S		the traps themselves, and the one for fork-like calls
 *
 * Call number i of a run is a pure function of (seed, i): the worker
 * seeds the PRNG with both before it picks the call and its arguments.
 * So one call can be replayed on its own (fuzz -s SEED -f I -n 1 -v).
 */
#ifndef TESTS_FUZZ_FUZZ_H
#define TESTS_FUZZ_FUZZ_H

#include <stdint.h>
#include <stddef.h>
#include <uapi/unistd.h>

#define PAGE_SIZE		4096
#define MAX_ARGS		6

/* Descriptors a worker keeps for itself; the fd generator never picks them. */
#define LOG_FD			1000	/* the call log, /tmp/fuzz/log.N */
#define CONSOLE_FD		1001	/* the console, for -v and for reports */
#define FAIL_NTH_FD		1002	/* /dev/fail-nth, with -F */
#define RESERVED_FD_MIN		LOG_FD
#define RESERVED_FD_MAX		FAIL_NTH_FD

/* Where the fuzzer keeps its files; the path generator stays inside. */
#define FUZZ_DIR		"/tmp/fuzz"

/* Exit statuses of a worker: it finished its calls, or saw a bad result. */
#define WORKER_DONE		0
#define WORKER_ANOMALY		99

/* The last record of a worker's log, once its calls are done. */
#define LOG_END			"end\n"
/* An anomaly record starts with this, the call it is about after it. */
#define LOG_ANOMALY		'!'

/* ---- rng.c: the PRNG ---- */
void rng_seed(uint32_t seed, uint32_t call);
uint32_t rnd(void);
/* A number in [0, n); n > 0. */
uint32_t rnd_below(uint32_t n);
/* True one time in @n. */
int one_in(uint32_t n);

/* ---- the argument types (made up by args.c, paths.c, structs.c) ---- */
enum arg_type {
	ARG_NONE,
	ARG_UNDEF,	/* any word: an interesting value or noise */
	ARG_FD,		/* a descriptor: open ones, closed ones, absurd ones */
	ARG_PID,	/* a pid: ours, our parent's, our siblings', out of range */
	ARG_SIG,	/* a signal number, valid or not */
	ARG_LEN,	/* a length for the buffer before it */
	ARG_BUF,	/* a buffer the kernel writes (valid, NULL, kernel, ...) */
	ARG_CBUF,	/* a buffer the kernel reads */
	ARG_PATH,	/* a path it may only read: any file, or a bad pointer */
	ARG_WPATH,	/* a path it may change: in the worker's directory only */
	ARG_XPATH,	/* a program to execve */
	ARG_DPATH,	/* a directory to chdir to: never above the worker's */
	ARG_MODE,	/* file permission bits */
	ARG_FLAGS,	/* the spec's valid flags, with bits flipped */
	ARG_OP,		/* one of the spec's operations, or junk */
	ARG_ADDR,	/* an address to map or unmap */
	ARG_BRK,	/* a program break */
	ARG_IOVEC,	/* an array of struct iovec; the count follows */
	ARG_IOVCNT,
	ARG_TIMESPEC,	/* a struct timespec to read (short, or invalid) */
	ARG_SIGSET,	/* a sigset_t to read */
	ARG_SIGSETSIZE,
	ARG_SIGACTION,	/* a struct kernel_sigaction to read */
	ARG_ARGV,	/* an argv or envp array for execve */
	ARG_CLONE_ARGS,	/* a struct clone_args; its size follows */
	ARG_CLONE_SIZE,
	ARG_INTPTR,	/* where the kernel writes an int (or two) */
	ARG_FSTYPE,	/* a file system type that does not exist */
};

/*
 * One system call: its number and how to make up its arguments.  @flags
 * and @ops give ARG_FLAGS its valid bits and ARG_OP its choices (a list
 * ending in OPS_END), for the argument of that index.
 */
#define OPS_END		0x7eadbeefu
#define MAX_OPS		12

struct syscall_spec {
	const char *name;
	int nr;
	int nargs;
	enum arg_type arg[MAX_ARGS];
	uint32_t flags[MAX_ARGS];
	uint32_t ops[MAX_ARGS][MAX_OPS];
	unsigned int weight;		/* relative frequency; 0: never */
	unsigned int kind;		/* SC_* */
};

#define SC_PLAIN	0
#define SC_FORK		1	/* a new process: the child exits at once */
#define SC_EXEC		2	/* may replace the worker (that is fine) */

extern const struct syscall_spec syscall_table[];
extern const unsigned int nr_syscall_specs;

/* A call as generated: what the log shows and what raw.S is given. */
struct call {
	const struct syscall_spec *spec;
	int nr;				/* spec->nr, or a random number */
	unsigned long arg[MAX_ARGS];
	char what[MAX_ARGS];		/* per argument: a letter saying which variant */
};

/* ---- the generators' view of a worker (set up by worker.c) ---- */
struct worker_state {
	int pool[16];			/* descriptors opened at setup */
	int nr_pool;
	char *scratch;			/* SCRATCH_PAGES read-write pages... */
	char *scratch_end;		/* ...followed by an unmapped page */
	char *rdonly;			/* one read-only page */
	char *victim;			/* VICTIM_PAGES for munmap and MAP_FIXED */
	unsigned long brk0;		/* the break at setup */
	int worker;			/* index in the round, 0..workers-1 */
	int workers;
};

#define SCRATCH_PAGES	4
#define VICTIM_PAGES	8
/* The first pages of scratch hold the structures built for each argument. */
#define SLOT_SIZE	512

extern struct worker_state ws;

/* ---- call.c ---- */
/* Make up call @callno of the run with @seed into @c. */
void gen_call(struct call *c, uint32_t seed, uint32_t callno);
/* Its log line, "#N name(args)\n", in @buf; returns its length. */
int format_call(char *buf, size_t size, uint32_t callno, const struct call *c);

/* ---- table.c: per-call corrections after generation (see there) ---- */
void fixup_call(struct call *c);

/* ---- raw.S ---- */
long raw_syscall(long nr, long a1, long a2, long a3, long a4, long a5, long a6);
/* The same, but a child (eax 0) exits at once, touching no memory. */
long raw_fork_syscall(long nr, long a1, long a2, long a3, long a4, long a5, long a6);

/* ---- worker.c ---- */
extern int fuzz_verbose;
extern int fuzz_faults;		/* -F: fault injection before some calls */
void worker_main(int worker, int workers, uint32_t seed, uint32_t first, uint32_t end);
/* Is @ret an error value no system call may return to user space? */
int bad_result(long ret);

#endif /* TESTS_FUZZ_FUZZ_H */
