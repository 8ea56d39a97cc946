/*
 * tests/fuzz/structs.c - the generators of structures the kernel reads
 * from user memory: iovec arrays, timespecs, sigsets, sigactions and
 * clone_args.  Each is built on the stack and copied to where
 * struct_place (args.c) put argument i's: its slot in the worker's
 * scratch, or a bad place (NULL, kernel, unmapped, or straddling the
 * unmapped page so that the kernel's copy runs off the end).
 *
 * The values inside are made as the scalar generators make them
 * (gen_ptr, gen_len, gen_sig), but bounded where the kernel would
 * otherwise block or stop the worker for real: a timespec is never
 * longer than 2 ms, and a sigaction's handler, when it is a function,
 * returns.
 *
 * Entry points (args.h): gen_iovec, gen_timespec, gen_sigset,
 * gen_sigaction, gen_clone_args; called by call.c.
 */
#include <signal.h>
#include <string.h>
#include "args.h"

/* struct iovec as an i386 kernel reads it: two 32-bit words. */
struct iovec32 {
	uint32_t base, len;
};

#define MAX_IOV		8

/* Up to MAX_IOV entries, each a pointer from gen_ptr and a length. */
uint32_t gen_iovec(int i, char *what, unsigned int *count)
{
	struct iovec32 iov[MAX_IOV];
	unsigned int n = rnd_below(MAX_IOV + 1), k;
	char w, *p;

	for (k = 0; k < n; k++) {
		iov[k].base = gen_ptr(&w, 1);
		iov[k].len = one_in(4) ? gen_len(&w) : rnd_below(256);
	}
	*count = n;
	p = struct_place(i, n * sizeof(iov[0]), what);
	place(p, iov, n * sizeof(iov[0]), *what);
	return (uint32_t)p;
}

/* A timespec no longer than 2 ms, or an invalid one: never a real sleep. */
uint32_t gen_timespec(int i, char *what)
{
	int32_t ts[2];
	char *p;

	switch (rnd_below(4)) {
	case 0:
		ts[0] = -1 - (int32_t)rnd_below(3);
		ts[1] = (int32_t)rnd();
		break;
	case 1:
		ts[0] = 0;
		ts[1] = one_in(2) ? 1000000000 : -1;
		break;
	default:
		ts[0] = 0;
		ts[1] = (int32_t)rnd_below(2000000);
	}
	p = struct_place(i, sizeof(ts), what);
	place(p, ts, sizeof(ts), *what);
	return (uint32_t)p;
}

/* A signal mask: random bits, the high word often clear. */
uint32_t gen_sigset(int i, char *what)
{
	uint32_t set[2] = { rnd(), one_in(2) ? rnd() : 0 };
	char *p = struct_place(i, sizeof(set), what);

	place(p, set, sizeof(set), *what);
	return (uint32_t)p;
}

/* The library's signal trampolines (user/lib/sigrestore.S). */
void __restore(void);
void __restore_rt(void);

/* A handler that returns: signals then go through a real frame and back. */
static void fuzz_handler(int sig)
{
	(void)sig;
}

/*
 * A struct kernel_sigaction: default, ignore, our handler or junk; random
 * flags (SA_RESTORER mostly set, with the library's trampoline) and mask.
 */
uint32_t gen_sigaction(int i, char *what)
{
	struct {
		uint32_t handler, flags, restorer, mask[2];
	} act;
	static const uint32_t flag_bits = SA_NOCLDSTOP | SA_NOCLDWAIT | SA_SIGINFO |
		SA_RESTART | SA_NODEFER | SA_RESETHAND | SA_ONSTACK;
	char w, *p;

	switch (rnd_below(8)) {
	case 0: case 1:
		act.handler = (uint32_t)SIG_DFL;
		break;
	case 2: case 3:
		act.handler = (uint32_t)SIG_IGN;
		break;
	case 7:
		act.handler = gen_undef(&w);
		break;
	default:
		act.handler = (uint32_t)fuzz_handler;
	}
	act.flags = (rnd() & flag_bits) | (one_in(8) ? 0 : SA_RESTORER);
	if (one_in(16))
		act.flags ^= 1u << rnd_below(32);
	act.restorer = act.flags & SA_SIGINFO ? (uint32_t)__restore_rt :
		(uint32_t)__restore;
	if (one_in(16))
		act.restorer = gen_undef(&w);
	act.mask[0] = rnd();
	act.mask[1] = rnd();
	p = struct_place(i, sizeof(act), what);
	place(p, &act, sizeof(act), *what);
	return (uint32_t)p;
}

/* struct clone_args (Linux's, all __aligned_u64) as far as version 2. */
struct clone_args64 {
	uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack,
		stack_size, tls, set_tid, set_tid_size, cgroup;
};

/* clone3's argument: @flags_mask gives the flags that may be set. */
uint32_t gen_clone_args(int i, uint32_t flags_mask, char *what)
{
	struct clone_args64 a;
	char w, *p;

	memset(&a, 0, sizeof(a));
	a.flags = (rnd() & flags_mask) | (one_in(8) ? (uint64_t)rnd() << 32 : 0);
	if (one_in(4))
		a.flags ^= 1u << rnd_below(32);
	a.child_tid = one_in(2) ? gen_ptr(&w, 4) : 0;
	a.parent_tid = one_in(2) ? gen_ptr(&w, 4) : 0;
	a.exit_signal = one_in(4) ? gen_sig(&w) : SIGCHLD;
	if (one_in(4)) {
		a.stack = gen_ptr(&w, 16);
		a.stack_size = gen_len(&w);
	}
	if (one_in(8)) {
		a.set_tid = gen_ptr(&w, 4);
		a.set_tid_size = rnd_below(4);
	}
	p = struct_place(i, sizeof(a), what);
	place(p, &a, sizeof(a), *what);
	return (uint32_t)p;
}
