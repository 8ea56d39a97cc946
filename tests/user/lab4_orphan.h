/*
 * tests/user/lab4_orphan.h - what tests/user/lab4_subreaper.c drives its
 * orphans with, on top of pidns.h: an orphan that answers questions, and
 * waits that cannot hang.
 *
 *	struct orphan		M (a middle process) and G, its child: M exits
 *				when released, G then answers over a pipe
 *	orphan_init/close	its pipes
 *	orphan_spawn(o, z)	fork M, which forks G (with @z, G dies at
 *				once and is a zombie when M exits)
 *	orphan_release(o)	let M exit
 *	orphan_ask(o)		G's getppid(), once G has been reparented
 *	orphan_end(o)		let G exit, with ORPHAN_STATUS
 *	orphan_from_child	the same through a plain child P of the caller
 *	wait_within/bounded	waitpid(WNOHANG) polled for a limited time
 *	reaped(pid, code)	reaped within the bound, with that exit code
 *	recv_int(fd, &v)	an int from a non-blocking pipe, or -1 in time
 *	get_flag/set_flag	PR_GET_CHILD_SUBREAPER / PR_SET_CHILD_SUBREAPER
 *
 * Every wait here ends: on a kernel that gives an orphan to the wrong
 * process, a check fails instead of the test hanging.
 */
#ifndef TESTS_USER_LAB4_ORPHAN_H
#define TESTS_USER_LAB4_ORPHAN_H

#include "pidns.h"
#include <sys/resource.h>

#define ORPHAN_STATUS	42	/* G's exit status */
#define ZOMBIE_STATUS	43	/* an orphan that died before its parent */
#define WAIT_BOUND_MS	5000	/* the longest one wait lasts */

/* Waits are bounded in time: deadline() and deadline_passed() (check.h). */

/*
 * wait_within - waitpid(@pid, WNOHANG) polled until @ms milliseconds passed;
 * wait_bounded - the same for WAIT_BOUND_MS.
 * Returns the pid reaped, -1 at once when there is no such child (ECHILD),
 * or 0 when time ran out.
 */
static pid_t wait_within(pid_t pid, int *status, long ms)
{
	long end = deadline(ms);
	pid_t got;

	*status = 0;
	while ((got = wait4(pid, status, WNOHANG, NULL)) == 0 && !deadline_passed(end))
		sleep_ms(1);
	return got;
}

static pid_t wait_bounded(pid_t pid, int *status)
{
	return wait_within(pid, status, WAIT_BOUND_MS);
}

/* reaped - @pid was reaped within the bound and exited with @code. */
static int reaped(pid_t pid, int code)
{
	int status;

	return pid > 0 && wait_bounded(pid, &status) == pid && WIFEXITED(status) &&
	       WEXITSTATUS(status) == code;
}

/* recv_int - an int from a non-blocking pipe within the bound; -1 if none. */
static int recv_int(int fd, int *v)
{
	long end = deadline(WAIT_BOUND_MS);
	ssize_t n;

	while (!deadline_passed(end)) {
		n = read(fd, v, sizeof(*v));
		if (n == sizeof(*v))
			return 0;
		if (n == 0)
			return -1;	/* every writer is gone */
		sleep_ms(1);
	}
	return -1;
}

/* get_flag - PR_GET_CHILD_SUBREAPER's answer, or -1 if the call failed. */
static int get_flag(void)
{
	int flag = -1;

	if (prctl(PR_GET_CHILD_SUBREAPER, &flag, 0, 0, 0) != 0)
		return -1;
	return flag;
}

static int set_flag(long value)
{
	return prctl(PR_SET_CHILD_SUBREAPER, value, 0, 0, 0);
}

/*
 * An orphan-to-be: G, and M, its parent, which exits when told.
 *	go	M exits when a byte arrives (or every writer is gone)
 *	cmd	to G: 'p' asks for getpid() and getppid(), anything else
 *		(or EOF) makes G exit with ORPHAN_STATUS
 *	out	G's answers, two ints each (one atomic write); non-blocking
 */
struct orphan {
	pid_t pid;			/* G in the asker's view, after orphan_ask() */
	int go[2], cmd[2], out[2];
};

static void orphan_init(struct orphan *o)
{
	pipe(o->go);
	pipe(o->cmd);
	pipe(o->out);
	fcntl(o->out[0], F_SETFL, O_NONBLOCK);
	o->pid = -1;
}

static void orphan_close(struct orphan *o)
{
	close(o->go[0]);
	close(o->go[1]);
	close(o->cmd[0]);
	close(o->cmd[1]);
	close(o->out[0]);
	close(o->out[1]);
}

/*
 * G: wait (bounded) until M is no longer the parent, that is, until the
 * kernel reparented G in M's exit, then answer questions.
 */
static void __attribute__((noreturn)) orphan_agent(struct orphan *o, pid_t m)
{
	long end = deadline(WAIT_BOUND_MS);
	int answer[2];

	close(o->go[1]);
	close(o->cmd[1]);
	while (getppid() == m && !deadline_passed(end))
		sleep_ms(1);
	while (recv_byte(o->cmd[0]) == 'p') {
		answer[0] = getpid();
		answer[1] = getppid();
		write(o->out[1], answer, sizeof(answer));
	}
	_exit(ORPHAN_STATUS);
}

/*
 * orphan_spawn - fork M, which forks G and waits to be released.  With
 * @zombie, G exits at once and M waits for its SIGCHLD, so G is a zombie
 * when M exits.  The caller (M's parent) reaps M after orphan_release().
 * Returns M's pid.
 */
static pid_t orphan_spawn(struct orphan *o, int zombie)
{
	pid_t m = fork();
	long end = deadline(WAIT_BOUND_MS);

	if (m != 0)
		return m;
	m = getpid();
	close(o->go[1]);
	if (zombie) {
		mask_signal(SIG_BLOCK, SIGCHLD);
		if (fork() == 0)
			_exit(ZOMBIE_STATUS);
		while (!is_pending(SIGCHLD) && !deadline_passed(end))
			sleep_ms(1);
	} else if (fork() == 0) {
		orphan_agent(o, m);
	}
	recv_byte(o->go[0]);
	_exit(0);
}

static void orphan_release(struct orphan *o)
{
	send_byte(o->go[1], 'g');
}

/* orphan_ask - G's getppid(), as G sees it; -1 if G did not answer. */
static pid_t orphan_ask(struct orphan *o)
{
	int answer[2];

	send_byte(o->cmd[1], 'p');
	if (recv_int(o->out[0], &answer[0]) || recv_int(o->out[0], &answer[1]))
		return -1;
	o->pid = answer[0];
	return answer[1];
}

static void orphan_end(struct orphan *o)
{
	send_byte(o->cmd[1], 'q');
}

/*
 * orphan_from_child - the usual shape: the caller's plain child P makes M
 * and G, releases M and reaps it, then waits on @gate until the caller
 * closes it.  Returns P's pid.
 */
static pid_t orphan_from_child(struct orphan *o, int gate[2], int zombie)
{
	pid_t p = fork();
	int status;

	if (p != 0)
		return p;
	close(gate[1]);
	p = orphan_spawn(o, zombie);
	orphan_release(o);
	wait_bounded(p, &status);
	recv_byte(gate[0]);
	_exit(0);
}

#endif /* TESTS_USER_LAB4_ORPHAN_H */
