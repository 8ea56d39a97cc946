/*
 * user/bin/ps.c - ps: list the processes visible in ps's pid namespace,
 * from /proc, sorted by pid:
 *
 *	  PID  PPID STAT CMD
 *	    1     0 S    init
 *
 * Each numeric directory of /proc is a process; /proc/PID/stat's first
 * fields are "pid (comm) state ppid".  Without /proc, ps says so and exits
 * with status 1.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* /proc/PID/stat is longer, but its first fields fit easily. */
#define STAT_BUF_SIZE	512
#define COMM_LEN	64

struct proc {
	int pid;
	int ppid;
	char state;
	char comm[COMM_LEN];
};

static int by_pid(const void *a, const void *b)
{
	const struct proc *p = a, *q = b;

	return (p->pid > q->pid) - (p->pid < q->pid);
}

/* Read /proc/@pid/stat into @p.  0, or -1 if the process is gone. */
static int read_stat(int pid, struct proc *p)
{
	char path[COMM_LEN], buf[STAT_BUF_SIZE];
	char *open_paren, *close_paren;
	ssize_t n;
	size_t len;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';

	/* comm may itself hold ')' or spaces: it ends at the last ')'. */
	open_paren = strchr(buf, '(');
	close_paren = strrchr(buf, ')');
	if (!open_paren || !close_paren || close_paren < open_paren ||
	    close_paren[1] != ' ' || !close_paren[2])
		return -1;
	len = close_paren - open_paren - 1;
	if (len >= sizeof(p->comm))
		len = sizeof(p->comm) - 1;
	memcpy(p->comm, open_paren + 1, len);
	p->comm[len] = '\0';
	p->pid = pid;
	p->state = close_paren[2];
	p->ppid = atoi(close_paren + 4);
	return 0;
}

int main(void)
{
	struct proc *procs = NULL;
	size_t n = 0, cap = 0, i;
	struct dirent *d;
	DIR *proc = opendir("/proc");

	if (!proc) {
		fprintf(stderr, "ps: cannot open /proc\n");
		return 1;
	}
	while ((d = readdir(proc))) {
		char *end;
		long pid = strtol(d->d_name, &end, 10);

		if (*end || pid <= 0)
			continue;
		if (n == cap) {
			struct proc *more;

			cap = cap ? cap * 2 : 64;
			more = realloc(procs, cap * sizeof(*procs));
			if (!more) {
				perror("ps");
				return 1;
			}
			procs = more;
		}
		if (read_stat(pid, &procs[n]) == 0)
			n++;
	}
	closedir(proc);

	qsort(procs, n, sizeof(*procs), by_pid);
	printf("%5s %5s %-4s %s\n", "PID", "PPID", "STAT", "CMD");
	for (i = 0; i < n; i++)
		printf("%5d %5d %-4c %s\n", procs[i].pid, procs[i].ppid,
		       procs[i].state, procs[i].comm);
	free(procs);
	return 0;
}
