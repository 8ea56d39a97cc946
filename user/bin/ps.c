/*
 * user/bin/ps.c - ps [--proc DIR]: list the processes a /proc shows (the
 * one at /proc, or at DIR), sorted by pid, reading /proc only, as Linux's
 * ps does.  Every pid is as that /proc's pid namespace numbers it: the
 * namespace of whoever mounted it.
 *
 * The output, one header line and one line per process, is stable (the
 * golden tests compare it):
 *
 *	  PID  PPID NSPID STAT CMD
 *	    1     0 1     S    nsdemo
 *	    2     1 2|1   S    nsdemo child
 *	    3     1 3     Z    [worker] <defunct>
 *
 *	PID    %5d, the process's pid; PPID %5d, its parent's (0: not in
 *	       this namespace)
 *	NSPID  the pids from this namespace's level down to the process's
 *	       own namespace, '|' between them ("2|1": 2 here, 1 in its own),
 *	       left-aligned in a column as wide as the widest entry (at least
 *	       5, the header's width)
 *	STAT   the state letter of /proc/PID/stat (R, S, D, I, T, Z), in 4
 *	       columns
 *	CMD    the command line, arguments joined with single spaces; when it
 *	       is empty, "[comm]" (a kernel thread), and for a zombie
 *	       "[comm] <defunct>", as procps prints them
 *
 * Columns are separated by one space.  Without a readable /proc, ps says
 * so on stderr and exits with status 1; a bad option gives status 2.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "procfs.h"

#define NSPID_MIN_WIDTH	5	/* strlen("NSPID") */

static void usage(void)
{
	fprintf(stderr, "usage: ps [--proc DIR]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	const char *dir = "/proc";
	struct proc_info *procs;
	size_t n, i;
	int width = NSPID_MIN_WIDTH, a;

	for (a = 1; a < argc; a++)
		if (proc_dir_arg(argc, argv, &a, &dir) != 1)
			usage();
	procs = read_procs(dir, &n);
	if (!procs) {
		fprintf(stderr, "ps: cannot read %s\n", dir);
		return 1;
	}
	for (i = 0; i < n; i++)
		if ((int)strlen(procs[i].nspid) > width)
			width = strlen(procs[i].nspid);
	printf("%5s %5s %-*s %-4s %s\n", "PID", "PPID", width, "NSPID", "STAT", "CMD");
	for (i = 0; i < n; i++) {
		struct proc_info *p = &procs[i];

		printf("%5d %5d %-*s %-4c ", p->pid, p->ppid, width, p->nspid, p->state);
		if (p->cmd[0])
			printf("%s\n", p->cmd);
		else
			printf("[%s]%s\n", p->comm, p->state == 'Z' ? " <defunct>" : "");
	}
	free(procs);
	return 0;
}
