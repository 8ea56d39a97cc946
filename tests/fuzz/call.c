/*
 * tests/fuzz/call.c - one whole call: gen_call picks a system call from
 * the table (table.c) by weight, or rarely a random number, and makes up
 * each argument with the generator for its type (args.c, paths.c,
 * structs.c); format_call writes the call's log line.
 *
 * Call @callno of the run with @seed depends on nothing else: gen_call
 * reseeds the PRNG (rng.c) with both before it draws anything.  So the
 * order in which the generators are called here, and how many numbers
 * each draws, is what a seed means: changing either changes every run.
 *
 * Entry points (fuzz.h): gen_call, format_call; called by worker.c.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include "args.h"

/* System calls a random number must never reach (see table.c). */
static int never_random(int nr)
{
	unsigned int k;

	if (nr == __NR_exit || nr == __NR_exit_group || nr == __NR_pause ||
	    nr == __NR_rt_sigsuspend || nr == __NR_reboot || nr == 190 /* vfork */)
		return 1;
	for (k = 0; k < nr_syscall_specs; k++)
		if (syscall_table[k].nr == nr)
			return 1;
	return 0;
}

/* Highest number a random call tries: past the end of Linux i386's table. */
#define NR_RANDOM_MAX	460

/* Paths chosen for the log, per argument. */
static const char *call_strings[MAX_ARGS];

/* A spec from the table, each as often as its weight says. */
static const struct syscall_spec *pick_spec(void)
{
	static unsigned int total;
	unsigned int k, r;

	if (!total)
		for (k = 0; k < nr_syscall_specs; k++)
			total += syscall_table[k].weight;
	r = rnd_below(total);
	for (k = 0; k < nr_syscall_specs; k++) {
		if (r < syscall_table[k].weight)
			return &syscall_table[k];
		r -= syscall_table[k].weight;
	}
	return &syscall_table[0];
}

/*
 * gen_call - make up call @callno of the run with @seed: pick a system
 * call by weight (or, rarely, a random number with random words) and an
 * argument of each type its spec says.
 */
void gen_call(struct call *c, uint32_t seed, uint32_t callno)
{
	const struct syscall_spec *s;
	unsigned int count = 0;
	int i;

	rng_seed(seed, callno);
	memset(c, 0, sizeof(*c));
	memset(call_strings, 0, sizeof(call_strings));
	if (one_in(50)) {
		c->spec = NULL;
		do
			c->nr = (int)rnd_below(NR_RANDOM_MAX);
		while (never_random(c->nr));
		for (i = 0; i < MAX_ARGS; i++)
			c->arg[i] = gen_undef(&c->what[i]);
		return;
	}
	s = c->spec = pick_spec();
	c->nr = s->nr;
	for (i = 0; i < s->nargs; i++) {
		char *w = &c->what[i];
		uint32_t v;

		switch (s->arg[i]) {
		case ARG_NONE:		v = 0; *w = '-'; break;
		case ARG_UNDEF:		v = gen_undef(w); break;
		case ARG_FD:		v = gen_fd(w); break;
		case ARG_PID:		v = gen_pid(w); break;
		case ARG_SIG:		v = gen_sig(w); break;
		case ARG_LEN:		v = gen_len(w); break;
		case ARG_BUF:		v = gen_ptr(w, 1); break;
		case ARG_CBUF:		v = gen_ptr(w, 1); break;
		case ARG_INTPTR:	v = gen_ptr(w, 4); break;
		case ARG_PATH:
		case ARG_WPATH:
		case ARG_XPATH:
		case ARG_DPATH:
			v = gen_path(i, s->arg[i], w, &call_strings[i]);
			break;
		case ARG_FSTYPE:	v = gen_fstype(i, w, &call_strings[i]); break;
		case ARG_MODE:
			*w = 'v';
			v = one_in(8) ? gen_undef(w) : rnd_below(010000);
			break;
		case ARG_FLAGS:		v = gen_flags(s->flags[i], w); break;
		case ARG_OP:		v = gen_op(s->ops[i], w); break;
		case ARG_ADDR:		v = gen_addr(w); break;
		case ARG_BRK:		v = gen_brk(w); break;
		case ARG_IOVEC:		v = gen_iovec(i, w, &count); break;
		case ARG_IOVCNT:
			v = one_in(4) ? gen_undef(w) : count;
			break;
		case ARG_TIMESPEC:	v = gen_timespec(i, w); break;
		case ARG_SIGSET:	v = gen_sigset(i, w); break;
		case ARG_SIGSETSIZE:	v = one_in(8) ? gen_undef(w) : 8; break;
		case ARG_SIGACTION:	v = gen_sigaction(i, w); break;
		case ARG_ARGV:		v = gen_argv(i, w); break;
		case ARG_CLONE_ARGS:	v = gen_clone_args(i, s->flags[i], w); break;
		case ARG_CLONE_SIZE: {
			static const uint32_t sizes[] = { 64, 80, 88, 0, 63, 4097 };

			*w = 'o';
			v = sizes[rnd_below(NR(sizes))];
			break;
		}
		default:		v = gen_undef(w);
		}
		c->arg[i] = v;
	}
	fixup_call(c);
}

/* The log line of a call: "#N name(arg, ...)" with paths shown as text. */
int format_call(char *buf, size_t size, uint32_t callno, const struct call *c)
{
	int n, i, nargs = c->spec ? c->spec->nargs : MAX_ARGS;

	if (c->spec)
		n = snprintf(buf, size, "#%u %s(", callno, c->spec->name);
	else
		n = snprintf(buf, size, "#%u syscall_%d(", callno, c->nr);
	for (i = 0; i < nargs && n < (int)size; i++) {
		if (call_strings[i])
			n += snprintf(buf + n, size - n, "%s\"%.40s\"", i ? ", " : "",
				      call_strings[i]);
		else
			n += snprintf(buf + n, size - n, "%s%c:%#lx", i ? ", " : "",
				      c->what[i] ? c->what[i] : '?', c->arg[i]);
	}
	if (n < (int)size)
		n += snprintf(buf + n, size - n, ")\n");
	return n < (int)size ? n : (int)size - 1;
}
