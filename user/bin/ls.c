/*
 * user/bin/ls.c - ls [-a] [PATH...]: list each directory's entries, one per
 * line, sorted by name (byte order), directories marked with a trailing
 * '/'.  Names starting with '.' are left out unless -a is given.  A PATH
 * that is not a directory is printed as it is.  With several PATHs, each
 * listing is headed "PATH:".  Exit status 1 if any PATH could not be read.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct entry {
	char *name;
	int is_dir;
};

static int show_all;

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->name,
		      ((const struct entry *)b)->name);
}

/* Whether @dir/@name is a directory, when getdents64 did not say. */
static int probe_dir(const char *dir, const char *name)
{
	char path[PATH_MAX];
	int fd;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fd = open(path, O_RDONLY | O_DIRECTORY);
	if (fd < 0)
		return 0;
	close(fd);
	return 1;
}

/* Read @path's entries, sort them and print them.  0, or -1 on an error. */
static int list_dir(const char *path, DIR *dir)
{
	struct entry *entries = NULL;
	size_t n = 0, cap = 0, i;
	struct dirent *d;
	int ret = -1;

	for (;;) {
		/* readdir() leaves errno alone at the end, so clear it first. */
		errno = 0;
		d = readdir(dir);
		if (!d)
			break;
		if (d->d_name[0] == '.' && !show_all)
			continue;
		if (n == cap) {
			struct entry *more;

			cap = cap ? cap * 2 : 32;
			more = realloc(entries, cap * sizeof(*entries));
			if (!more) {
				perror("ls");
				goto out;
			}
			entries = more;
		}
		entries[n].name = strdup(d->d_name);
		if (!entries[n].name) {
			perror("ls");
			goto out;
		}
		if (d->d_type == DT_UNKNOWN)
			entries[n].is_dir = probe_dir(path, d->d_name);
		else
			entries[n].is_dir = d->d_type == DT_DIR;
		n++;
	}
	if (errno) {
		fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
		goto out;
	}
	qsort(entries, n, sizeof(*entries), by_name);
	for (i = 0; i < n; i++)
		printf("%s%s\n", entries[i].name, entries[i].is_dir ? "/" : "");
	ret = 0;
out:
	for (i = 0; i < n; i++)
		free(entries[i].name);
	free(entries);
	return ret;
}

/* List @path: a directory's entries, or a file's own name. */
static int list(const char *path, int header)
{
	DIR *dir = opendir(path);
	int ret;

	if (!dir) {
		if (errno == ENOTDIR) {
			printf("%s\n", path);
			return 0;
		}
		fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (header)
		printf("%s:\n", path);
	ret = list_dir(path, dir);
	closedir(dir);
	return ret;
}

int main(int argc, char **argv)
{
	int status = 0;
	int i = 1, first;

	if (i < argc && !strcmp(argv[i], "-a")) {
		show_all = 1;
		i++;
	}
	if (i == argc)
		return list(".", 0) ? 1 : 0;
	for (first = i; i < argc; i++) {
		if (i > first && argc - first > 1)
			putchar('\n');
		if (list(argv[i], argc - first > 1))
			status = 1;
	}
	return status;
}
