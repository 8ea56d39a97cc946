/*
 * user/bin/slabinfo.c - slabinfo [-n N] [FILE]: a summary of the kernel's
 * slab caches, like procps's slabtop printed once, read from
 * /proc/slabinfo (version 2.1) or from FILE in that format ("-": the
 * standard input).
 *
 * The output is stable (a golden test feeds it a fixed FILE):
 *
 *	 Active / Total Objects (% used)    : 4107 / 4481 (91.7%)
 *	 Active / Total Slabs (% used)      : 153 / 153 (100.0%)
 *	 Active / Total Caches (% used)     : 31 / 45 (68.9%)
 *	 Active / Total Size (% used)       : 512.34K / 600.00K (85.4%)
 *	 Minimum / Average / Maximum Object : 0.01K / 0.13K / 4.00K
 *
 *	  OBJS ACTIVE  USE OBJ SIZE  SLABS OBJ/SLAB CACHE SIZE NAME
 *	   180    172  95%    0.06K      3       60       12K kmalloc-64
 *
 *   - Objects and slabs are summed over the caches; a cache is active when
 *     it has an active object; a size is objects times the object size,
 *     in KiB with two decimals; the average object is the total size over
 *     the total objects.  Percentages have one decimal, rounded; 0.0%
 *     when the total is 0.
 *   - One line per cache, slabtop's columns: objects, active ones, the
 *     percentage in use (whole, rounded down), the object size, slabs,
 *     objects per slab, the slabs' memory (pages per slab times slabs, in
 *     KiB, with 4 KiB pages), the name.
 *   - Sorted by objects, most first, then by name; -n N prints the first
 *     N caches only.
 *
 * A file that is not version 2.1 or cannot be read: a message on stderr
 * and exit status 1.  A bad option: status 2.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LINE_MAX_LEN	512
#define NAME_LEN	64
#define PAGE_KB		4	/* i386 pages, in KiB */
#define SLABINFO_HEADER	"slabinfo - version: 2.1"

struct cache {
	char name[NAME_LEN];
	unsigned long active_objs, num_objs, objsize, objperslab, pagesperslab;
	unsigned long active_slabs, num_slabs;
};

/* Parse one cache line; 0, or -1 if it is not one. */
static int parse_cache(char *line, struct cache *c)
{
	unsigned long *fields[] = {
		&c->active_objs, &c->num_objs, &c->objsize, &c->objperslab, &c->pagesperslab,
	};
	char *save, *tok = strtok_r(line, " \t\n", &save);
	unsigned int i;

	if (!tok || tok[0] == '#')
		return -1;
	snprintf(c->name, sizeof(c->name), "%s", tok);
	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		tok = strtok_r(NULL, " \t\n", &save);
		if (!tok)
			return -1;
		*fields[i] = strtoul(tok, NULL, 10);
	}
	/* ": tunables <limit> <batchcount> <sharedfactor> : slabdata <active> <num> <shared>" */
	while ((tok = strtok_r(NULL, " \t\n", &save)) && strcmp(tok, "slabdata"))
		;
	if (!tok)
		return -1;
	tok = strtok_r(NULL, " \t\n", &save);
	c->active_slabs = tok ? strtoul(tok, NULL, 10) : 0;
	tok = strtok_r(NULL, " \t\n", &save);
	if (!tok)
		return -1;
	c->num_slabs = strtoul(tok, NULL, 10);
	return 0;
}

static int by_objects(const void *a, const void *b)
{
	const struct cache *c = a, *d = b;

	if (c->num_objs != d->num_objs)
		return c->num_objs < d->num_objs ? 1 : -1;
	return strcmp(c->name, d->name);
}

/* @bytes in KiB with two decimals, rounded, as "%lu.%02luK" into @buf. */
static const char *kib(char *buf, size_t size, unsigned long long bytes)
{
	unsigned long long hundredths = (bytes * 100 + 512) / 1024;

	snprintf(buf, size, "%llu.%02lluK", hundredths / 100, hundredths % 100);
	return buf;
}

/* @part of @whole as a percentage with one decimal, rounded: "91.7". */
static const char *percent(char *buf, size_t size, unsigned long long part,
			   unsigned long long whole)
{
	unsigned long long tenths = whole ? (part * 1000 + whole / 2) / whole : 0;

	snprintf(buf, size, "%llu.%llu", tenths / 10, tenths % 10);
	return buf;
}

static void usage(void)
{
	fprintf(stderr, "usage: slabinfo [-n N] [FILE]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	const char *path = "/proc/slabinfo";
	unsigned long long objs = 0, active_objs = 0, slabs = 0, active_slabs = 0;
	unsigned long long size = 0, active_size = 0;
	unsigned long min_obj = 0, max_obj = 0, limit = (unsigned long)-1;
	unsigned long ncaches = 0, active_caches = 0, i;
	struct cache *caches = NULL;
	char line[LINE_MAX_LEN], a[32], b[32], c[32];
	size_t cap = 0;
	FILE *f;
	int arg;

	for (arg = 1; arg < argc; arg++) {
		if (!strcmp(argv[arg], "-n") && arg + 1 < argc)
			limit = strtoul(argv[++arg], NULL, 10);
		else if ((argv[arg][0] == '-' && argv[arg][1]) || arg + 1 < argc)
			usage();
		else
			path = argv[arg];
	}
	f = strcmp(path, "-") ? fopen(path, "r") : fdopen(0, "r");
	if (!f) {
		fprintf(stderr, "slabinfo: %s: %s\n", path, strerror(errno));
		return 1;
	}
	if (!fgets(line, sizeof(line), f) ||
	    strncmp(line, SLABINFO_HEADER, strlen(SLABINFO_HEADER))) {
		fprintf(stderr, "slabinfo: %s: not \"%s\"\n", path, SLABINFO_HEADER);
		fclose(f);
		return 1;
	}
	while (fgets(line, sizeof(line), f)) {
		if (ncaches == cap) {
			struct cache *more;

			cap = cap ? cap * 2 : 64;
			more = realloc(caches, cap * sizeof(*caches));
			if (!more) {
				perror("slabinfo");
				return 1;
			}
			caches = more;
		}
		if (parse_cache(line, &caches[ncaches]) == 0)
			ncaches++;
	}
	fclose(f);

	for (i = 0; i < ncaches; i++) {
		struct cache *k = &caches[i];

		objs += k->num_objs;
		active_objs += k->active_objs;
		slabs += k->num_slabs;
		active_slabs += k->active_slabs;
		size += (unsigned long long)k->num_objs * k->objsize;
		active_size += (unsigned long long)k->active_objs * k->objsize;
		active_caches += k->active_objs > 0;
		if (!i || k->objsize < min_obj)
			min_obj = k->objsize;
		if (k->objsize > max_obj)
			max_obj = k->objsize;
	}
	printf(" Active / Total Objects (%% used)    : %llu / %llu (%s%%)\n",
	       active_objs, objs, percent(a, sizeof(a), active_objs, objs));
	printf(" Active / Total Slabs (%% used)      : %llu / %llu (%s%%)\n",
	       active_slabs, slabs, percent(a, sizeof(a), active_slabs, slabs));
	printf(" Active / Total Caches (%% used)     : %lu / %lu (%s%%)\n",
	       active_caches, ncaches, percent(a, sizeof(a), active_caches, ncaches));
	printf(" Active / Total Size (%% used)       : %s / %s (%s%%)\n",
	       kib(a, sizeof(a), active_size), kib(b, sizeof(b), size),
	       percent(c, sizeof(c), active_size, size));
	printf(" Minimum / Average / Maximum Object : %s / %s / %s\n",
	       kib(a, sizeof(a), min_obj), kib(b, sizeof(b), objs ? size / objs : 0),
	       kib(c, sizeof(c), max_obj));
	printf("\n  OBJS ACTIVE  USE OBJ SIZE  SLABS OBJ/SLAB CACHE SIZE NAME\n");
	if (caches)
		qsort(caches, ncaches, sizeof(*caches), by_objects);
	for (i = 0; i < ncaches && i < limit; i++) {
		struct cache *k = &caches[i];

		printf("%6lu %6lu %3lu%% %8s %6lu %8lu %9luK %s\n", k->num_objs, k->active_objs,
		       k->num_objs ? k->active_objs * 100 / k->num_objs : 0,
		       kib(a, sizeof(a), k->objsize), k->num_slabs, k->objperslab,
		       k->num_slabs * k->pagesperslab * PAGE_KB, k->name);
	}
	free(caches);
	return 0;
}
