/*
 * tests/user/proc.h - what the /proc tests (tests/user/proc_*.c and
 * ps_golden.c) share, on top of check.h and pidns.h.
 *
 * Where they run (see pidns.h): on Nest the test is init at level 0 and
 * /proc is the boot-time mount of that namespace; on Linux it is pid 1 of
 * a namespace at level 1 with /proc mounted for it (unshare --mount-proc).
 * Either way the test is pid 1 of the namespace its /proc shows, and its
 * parent is not in it (PPid 0), so those are printed; the numbers of its
 * children at that level differ (Nest's kernel threads have taken some),
 * so only relations and the deeper levels are.
 *
 * A test that needs a /proc of its own namespace mounts one on /tmp and
 * unmounts it again: on Linux the mount stays inside the test's mount
 * namespace (unshare --mount-proc made one), on Nest /tmp is an empty
 * ramfs directory.
 *
 *	read_text(path, buf)		the whole file, NUL-terminated
 *	status_field(buf, key, out)	"Key:\tvalue" -> value
 *	nfields(value)			tab-separated fields in a value
 *	last_field(value)		the last of them
 *	read_link(path, buf)		readlink, NUL-terminated
 *	wait_state(pid, c)		poll /proc/PID/stat until its state is c
 *	wait_state_in(dir, pid, c)	the same in the /proc mounted at dir
 *	proc_listed(dir, pid)		does listing dir show pid?
 */
#ifndef TESTS_USER_PROC_H
#define TESTS_USER_PROC_H

#include "pidns.h"
#include <dirent.h>
#include <sys/mount.h>

#define TEXT_SIZE	8192
#define FIELD_SIZE	128
#define STATE_WAIT_MS	5000	/* give up waiting for a process to sleep */
#define PROC_MNT	"/tmp"	/* where a test mounts a /proc of its own */

/* Read all of @path into @buf (NUL-terminated).  The length, or -1 with errno. */
static inline int read_text(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY), len = 0, err;
	ssize_t n = 0;

	if (fd < 0)
		return -1;
	while ((size_t)len < size - 1 && (n = read(fd, buf + len, size - 1 - len)) > 0)
		len += n;
	err = errno;
	close(fd);
	buf[len] = '\0';
	errno = err;
	return n < 0 ? -1 : len;
}

/* The value of line "@key\t..." (key with its colon) in @buf, into @out. 1 if found. */
static inline int status_field(const char *buf, const char *key, char *out, size_t size)
{
	size_t klen = strlen(key);
	const char *p = buf;

	while (p && *p) {
		if (!strncmp(p, key, klen) && p[klen] == '\t') {
			const char *end = strchr(p + klen + 1, '\n');
			size_t len = end ? (size_t)(end - p - klen - 1) : strlen(p + klen + 1);

			if (len >= size)
				len = size - 1;
			memcpy(out, p + klen + 1, len);
			out[len] = '\0';
			return 1;
		}
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	out[0] = '\0';
	return 0;
}

/* The number of tab-separated fields in @value. */
static inline int nfields(const char *value)
{
	int n = *value ? 1 : 0;

	for (; *value; value++)
		n += *value == '\t';
	return n;
}

/* The last tab-separated field of @value. */
static inline const char *last_field(const char *value)
{
	const char *tab = strrchr(value, '\t');

	return tab ? tab + 1 : value;
}

/* The fields after the first, '|' between them ("" for one field), into @out. */
static inline const char *deeper_fields(const char *value, char *out, size_t size)
{
	const char *tab = strchr(value, '\t');
	size_t i;

	snprintf(out, size, "%s", tab ? tab + 1 : "");
	for (i = 0; out[i]; i++)
		if (out[i] == '\t')
			out[i] = '|';
	return out;
}

/* readlink @path into @buf, NUL-terminated: the length, or -1 with errno. */
static inline int read_link(const char *path, char *buf, size_t size)
{
	ssize_t n = readlink(path, buf, size - 1);

	buf[n > 0 ? n : 0] = '\0';
	return n;
}

/* The state letter of @dir/@pid/stat, or 0 if it cannot be read. */
static inline char proc_state(const char *dir, pid_t pid)
{
	char path[64], buf[1024], *paren;

	snprintf(path, sizeof(path), "%s/%d/stat", dir, (int)pid);
	if (read_text(path, buf, sizeof(buf)) <= 0)
		return 0;
	paren = strrchr(buf, ')');
	return paren && paren[1] == ' ' ? paren[2] : 0;
}

/*
 * Poll until process @pid of the /proc at @dir is in state @c (S: asleep,
 * Z: a zombie).  1 if it got there within STATE_WAIT_MS.
 */
static inline int wait_state_in(const char *dir, pid_t pid, char c)
{
	long end = deadline(STATE_WAIT_MS);

	while (!deadline_passed(end)) {
		if (proc_state(dir, pid) == c)
			return 1;
		sleep_ms(1);
	}
	return 0;
}

/* wait_state - wait_state_in() the /proc at /proc. */
static inline int wait_state(pid_t pid, char c)
{
	return wait_state_in("/proc", pid, c);
}

/* Does a listing of @dir have an entry named @pid? */
static inline int proc_listed(const char *dir, pid_t pid)
{
	char name[16];
	struct dirent *d;
	DIR *proc = opendir(dir);
	int found = 0;

	if (!proc)
		return 0;
	snprintf(name, sizeof(name), "%d", (int)pid);
	while ((d = readdir(proc)))
		if (!strcmp(d->d_name, name))
			found = 1;
	closedir(proc);
	return found;
}

#endif /* TESTS_USER_PROC_H */
