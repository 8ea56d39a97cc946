/*
 * user/bin/nestdepth.c - nestdepth [-v]: nest pid namespaces until the
 * kernel refuses, and report how deep they went.
 *
 * Each level's first process is pid 1 of a new namespace (getppid() 0:
 * its parent is in the level above) and clones the next one, until
 * clone(CLONE_NEWPID) fails.  Linux, and Nest after it, allow levels
 * 1..32 below the initial namespace (level 0); making level 33 fails with
 * ENOSPC (MAX_PID_NS_LEVEL in the kernel).  So the number of levels made
 * says where nestdepth started: 32 - made.  Run as Nest's init, or from
 * Nest's shell, it makes 32; under "unshare --pid --fork" on Linux, 31.
 *
 * Where /proc shows NSpid (Linux's /proc/PID/status; Nest's once /proc
 * has it), the deepest process also reads its own line: one number per
 * level from /proc's namespace down to its own, a check that needs no
 * knowledge of the limit.
 *
 * The clones are fork-like: clone(flags, stack 0), straight through
 * syscall(), so the child goes on from the same point on a copy of the
 * parent's stack, as after fork().  -v prints a line per level.
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_PID_NS_LEVEL	32	/* the kernel's limit, for the report */
#define STATUS_SIZE		2048
#define NSPID_SIZE		256

/* What the deepest process found, sent up through a pipe. */
struct bottom {
	int clone_err;		/* errno of the clone(CLONE_NEWPID) that failed */
	int unshare_err;	/* errno of unshare(CLONE_NEWPID) there, 0 if it worked */
	int nspid_count;	/* numbers on its NSpid line, 0 if none */
	char nspid[NSPID_SIZE];	/* the line itself */
};

static const char *errno_name(int e)
{
	switch (e) {
	case 0: return "no error";
	case EPERM: return "EPERM";
	case EINVAL: return "EINVAL";
	case ENOMEM: return "ENOMEM";
	case ENOSPC: return "ENOSPC";
	case EAGAIN: return "EAGAIN";
	case ENOSYS: return "ENOSYS";
	default: return "another errno";
	}
}

/* read_nspid - the "NSpid:" line of /proc/self/status into b; 0 if none. */
static void read_nspid(struct bottom *b)
{
	char buf[STATUS_SIZE], *line, *end, *p;
	int fd = open("/proc/self/status", O_RDONLY), n;

	b->nspid_count = 0;
	b->nspid[0] = '\0';
	if (fd < 0)
		return;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return;
	buf[n] = '\0';
	line = strstr(buf, "NSpid:");
	if (!line)
		return;
	end = strchr(line, '\n');
	if (end)
		*end = '\0';
	snprintf(b->nspid, sizeof(b->nspid), "%s", line);
	for (p = line + strlen("NSpid:"); *p; p++)
		if (*p >= '0' && *p <= '9' && (p[-1] == '\t' || p[-1] == ' ' || p[-1] == ':'))
			b->nspid_count++;
}

/*
 * dig - the chain.  Each new level writes one byte on @levels ('y' if it
 * is pid 1 with parent 0), the deepest writes a struct bottom on
 * @result.  Every level exits with its child's status.
 */
static void __attribute__((noreturn)) dig(int levels, int result, int verbose)
{
	struct bottom b;
	int depth = 0, status;
	pid_t pid;

	for (;;) {
		pid = syscall(SYS_clone, CLONE_NEWPID | SIGCHLD, 0, 0, 0, 0);
		if (pid == 0) {
			depth++;
			if (verbose)
				dprintf(STDOUT_FILENO, "  level +%-2d  getpid() %d, getppid() %d\n",
					depth, getpid(), getppid());
			write(levels, getpid() == 1 && getppid() == 0 ? "y" : "n", 1);
			continue;
		}
		if (pid > 0)
			break;
		memset(&b, 0, sizeof(b));
		b.clone_err = errno;
		b.unshare_err = unshare(CLONE_NEWPID) == 0 ? 0 : errno;
		read_nspid(&b);
		write(result, &b, sizeof(b));
		_exit(0);
	}
	waitpid(pid, &status, 0);
	_exit(WIFEXITED(status) ? WEXITSTATUS(status) : 1);
}

int main(int argc, char **argv)
{
	int levels[2], result[2], verbose = argc > 1 && !strcmp(argv[1], "-v");
	int made = 0, all_pid1 = 1, status, n;
	struct bottom b;
	pid_t pid;
	char c;

	printf("nestdepth: nest pid namespaces until the kernel refuses\n\n"
	       "Each level's first process is pid 1 of a new namespace, and clones the next.\n");
	fflush(stdout);
	if (pipe(levels) || pipe(result)) {
		perror("nestdepth: pipe");
		return 1;
	}
	pid = fork();
	if (pid == 0) {
		close(levels[0]);
		close(result[0]);
		dig(levels[1], result[1], verbose);
	}
	close(levels[1]);
	close(result[1]);
	while (read(levels[0], &c, 1) == 1) {
		made++;
		all_pid1 = all_pid1 && c == 'y';
	}
	memset(&b, 0, sizeof(b));
	n = read(result[0], &b, sizeof(b));
	waitpid(pid, &status, 0);
	if (n != sizeof(b)) {
		fprintf(stderr, "nestdepth: the deepest process did not report\n");
		return 1;
	}

	printf("  made %d levels below nestdepth's own namespace; %s\n", made,
	       all_pid1 ? "each new init saw getpid() 1, getppid() 0"
			: "some new init did NOT see getpid() 1, getppid() 0");
	printf("  then clone(CLONE_NEWPID) failed: %s (%s)\n", errno_name(b.clone_err),
	       strerror(b.clone_err));
	printf("  and unshare(CLONE_NEWPID) at the deepest level: %s\n",
	       b.unshare_err ? errno_name(b.unshare_err) : "it worked");

	if (b.clone_err == ENOSPC && made <= MAX_PID_NS_LEVEL)
		printf("\nThe kernel allows %d levels below the initial namespace, so nestdepth\n"
		       "ran at level %d and the deepest namespace was level %d.\n",
		       MAX_PID_NS_LEVEL, MAX_PID_NS_LEVEL - made, MAX_PID_NS_LEVEL);
	if (b.nspid_count)
		printf("\n/proc/self/status in the deepest process: %d numbers on its NSpid\n"
		       "line, one per level from /proc's namespace down: it is %d levels below\n"
		       "the namespace /proc was mounted in.\n", b.nspid_count, b.nspid_count - 1);
	else
		printf("\n(No NSpid line in /proc/self/status here, so no second opinion.)\n");
	return 0;
}
