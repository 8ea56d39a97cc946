/*
 * user/bin/procfs.h - reading the processes out of a /proc, for ps and
 * pstree (user/bin/ps.c, user/bin/pstree.c).  They read /proc only, as
 * Linux's procps does, so the same binaries work on Linux.
 *
 * read_procs(dir, &n) gives every process listed in the proc file system
 * mounted at @dir, sorted by pid, each with:
 *
 *	pid, ppid, state   from /proc/PID/stat: "pid (comm) state ppid ..."
 *	comm               the same line, between the first '(' and the LAST
 *	                   ')' (a comm may itself hold ") ")
 *	nspid, levels      /proc/PID/status's NSpid line, its tab-separated
 *	                   numbers joined with '|' ("7|1"): the pid from the
 *	                   mount's namespace down to the process's own; levels
 *	                   is how many there are
 *	cmd                /proc/PID/cmdline, the NUL-separated arguments
 *	                   joined with spaces ("" for a kernel thread or a
 *	                   zombie)
 *
 * All numbers are as the mount's namespace sees them.  A process that
 * goes away while it is being read is left out.
 */
#ifndef USER_BIN_PROCFS_H
#define USER_BIN_PROCFS_H

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PROC_FILE_MAX	4096	/* /proc/PID/status and stat fit in this */
#define PROC_COMM_LEN	64
#define PROC_NSPID_LEN	160	/* 33 levels of 5-digit pids and '|' */
#define PROC_CMD_LEN	256	/* longer command lines are cut */
#define PROC_PATH_LEN	512

struct proc_info {
	int pid;
	int ppid;
	char state;
	int levels;
	char comm[PROC_COMM_LEN];
	char nspid[PROC_NSPID_LEN];
	char cmd[PROC_CMD_LEN];
};

/* Read @dir/@pid/@name into @buf (NUL-terminated): the length, or -1. */
static int proc_read(const char *dir, int pid, const char *name, char *buf, size_t size)
{
	char path[PROC_PATH_LEN];
	size_t len = 0;
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "%s/%d/%s", dir, pid, name);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	while (len < size - 1 && (n = read(fd, buf + len, size - 1 - len)) > 0)
		len += n;
	close(fd);
	buf[len] = '\0';
	return n < 0 ? -1 : (int)len;
}

/* Fill pid, comm, state and ppid from the stat line in @buf.  0 or -1. */
static int proc_parse_stat(const char *buf, struct proc_info *p)
{
	const char *open_paren = strchr(buf, '('), *close_paren = strrchr(buf, ')');
	size_t len;

	if (!open_paren || !close_paren || close_paren < open_paren ||
	    close_paren[1] != ' ' || !close_paren[2] || close_paren[3] != ' ')
		return -1;
	len = close_paren - open_paren - 1;
	if (len >= sizeof(p->comm))
		len = sizeof(p->comm) - 1;
	memcpy(p->comm, open_paren + 1, len);
	p->comm[len] = '\0';
	p->pid = atoi(buf);
	p->state = close_paren[2];
	p->ppid = atoi(close_paren + 4);
	return 0;
}

/* Fill nspid and levels from the NSpid line of the status text in @buf. */
static int proc_parse_nspid(const char *buf, struct proc_info *p)
{
	const char *line = strstr(buf, "\nNSpid:");
	size_t len = 0;

	p->levels = 0;
	if (!line)
		return -1;
	line += strlen("\nNSpid:");
	while (*line == '\t') {
		size_t digits = strspn(++line, "0123456789");

		if (len + digits + 2 > sizeof(p->nspid))
			return -1;
		if (p->levels++)
			p->nspid[len++] = '|';
		memcpy(p->nspid + len, line, digits);
		len += digits;
		line += digits;
	}
	p->nspid[len] = '\0';
	return p->levels ? 0 : -1;
}

/* Fill cmd from /proc/PID/cmdline: the arguments joined with spaces. */
static void proc_read_cmdline(const char *dir, struct proc_info *p)
{
	int len = proc_read(dir, p->pid, "cmdline", p->cmd, sizeof(p->cmd)), i;

	if (len < 0)
		len = 0;
	while (len > 0 && p->cmd[len - 1] == '\0')
		len--;
	for (i = 0; i < len; i++)
		if (p->cmd[i] == '\0')
			p->cmd[i] = ' ';
	p->cmd[len] = '\0';
}

/* Everything about process @pid of the /proc at @dir.  0, or -1 if it is gone. */
static int proc_read_info(const char *dir, int pid, struct proc_info *p)
{
	char buf[PROC_FILE_MAX];

	if (proc_read(dir, pid, "stat", buf, sizeof(buf)) <= 0 || proc_parse_stat(buf, p))
		return -1;
	if (proc_read(dir, pid, "status", buf, sizeof(buf)) <= 0 || proc_parse_nspid(buf, p))
		return -1;
	proc_read_cmdline(dir, p);
	return 0;
}

static int proc_by_pid(const void *a, const void *b)
{
	const struct proc_info *p = a, *q = b;

	return (p->pid > q->pid) - (p->pid < q->pid);
}

/*
 * read_procs - every process of the /proc at @dir, sorted by pid, in a
 * malloc'd array (free it); *@count gets how many.  NULL if @dir cannot
 * be read or memory runs out.
 */
static struct proc_info *read_procs(const char *dir, size_t *count)
{
	struct proc_info *procs = NULL;
	size_t n = 0, cap = 0;
	struct dirent *d;
	DIR *proc = opendir(dir);

	if (!proc)
		return NULL;
	while ((d = readdir(proc))) {
		char *end;
		long pid = strtol(d->d_name, &end, 10);

		if (*end || pid <= 0)
			continue;
		if (n == cap) {
			struct proc_info *more;

			cap = cap ? cap * 2 : 64;
			more = realloc(procs, cap * sizeof(*procs));
			if (!more) {
				free(procs);
				closedir(proc);
				return NULL;
			}
			procs = more;
		}
		if (proc_read_info(dir, pid, &procs[n]) == 0)
			n++;
	}
	closedir(proc);
	if (!procs)
		procs = malloc(sizeof(*procs));		/* an empty list, not an error */
	qsort(procs, n, sizeof(*procs), proc_by_pid);
	*count = n;
	return procs;
}

/*
 * proc_dir_arg - the /proc to read: "/proc", or DIR from "--proc DIR" in
 * argv[*i] (advancing *i).  Returns 1 if argv[*i] was that option, 0 if
 * not, -1 if DIR is missing.
 */
static int proc_dir_arg(int argc, char **argv, int *i, const char **dir)
{
	if (strcmp(argv[*i], "--proc"))
		return 0;
	if (*i + 1 >= argc)
		return -1;
	*dir = argv[++*i];
	return 1;
}

#endif /* USER_BIN_PROCFS_H */
