/*
 * user/bin/pstree.c - pstree [-p] [--proc DIR]: the processes a /proc
 * shows (the one at /proc, or at DIR) as a tree, reading /proc only, as
 * Linux's pstree does, and marking where a child lives in a deeper pid
 * namespace than its parent.
 *
 * The output is stable (the golden tests compare it).  Each process is
 * its comm; with -p, followed by its pids in parentheses, from this
 * /proc's namespace down to the process's own, '|' between them:
 *
 *	nsdemo(1)─┬─sleeper(2)
 *	          ├─[pid ns 1] nsinit(3|1)───worker(4|2)
 *	          └─[pid ns 1] nsinit(5|1)───[pid ns 2] deep(6|2|1)
 *
 *   - A child whose namespace is deeper than its parent's has its label
 *     prefixed "[pid ns L] ", L being its namespace's depth below this
 *     /proc's (the number of its pids minus one).  The marker says where
 *     a namespace begins; two different namespaces at the same depth
 *     both read "[pid ns 1]".
 *   - The drawing is pstree's, in UTF-8: "───" to an only child, "─┬─"
 *     to the first of several, then "├─" and, for the last, "└─" under
 *     the "┬", with "│" carrying on past deeper lines.
 *   - Children are in pid order (Linux's pstree -n; its default sorts by
 *     name).  Identical subtrees are not merged (pstree does not merge
 *     them either with -p).
 *   - Every process whose parent is not listed (PPID 0: the parent is in
 *     an ancestor namespace, or it is the first process) starts a tree of
 *     its own, in pid order.
 *
 * Without a readable /proc pstree says so on stderr and exits with status
 * 1; a bad option gives status 2.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "procfs.h"

#define LABEL_MAX	(PROC_COMM_LEN + PROC_NSPID_LEN + 32)
#define PREFIX_MAX	4096	/* the indentation of the deepest line, in bytes */

/* The box-drawing pieces (UTF-8); each is three columns wide. */
#define ONLY_CHILD	"───"
#define FIRST_CHILD	"─┬─"
#define NEXT_CHILD	" ├─"
#define LAST_CHILD	" └─"
#define BAR		" │ "
#define BLANK		"   "

static struct proc_info *procs;
static size_t nprocs;
static int show_pids;

/* The index of pid @pid in procs[], or -1. */
static long find(int pid)
{
	size_t i;

	for (i = 0; i < nprocs; i++)
		if (procs[i].pid == pid)
			return i;
	return -1;
}

/* Is procs[@i] a child of procs[@parent]? */
static int is_child(size_t i, size_t parent)
{
	return procs[i].ppid == procs[parent].pid && i != parent;
}

/* The next child of @parent after index @after (-1: the first), or -1. */
static long next_child(size_t parent, long after)
{
	size_t i;

	for (i = after + 1; i < nprocs; i++)
		if (is_child(i, parent))
			return i;
	return -1;
}

/* @p's label: "[pid ns L] " if it is deeper than @parent, then comm, then "(pids)". */
static int make_label(char *buf, size_t size, const struct proc_info *p,
		      const struct proc_info *parent)
{
	int len = 0;

	if (parent && p->levels > parent->levels)
		len += snprintf(buf, size, "[pid ns %d] ", p->levels - 1);
	len += snprintf(buf + len, size - len, "%s", p->comm);
	if (show_pids)
		len += snprintf(buf + len, size - len, "(%s)", p->nspid);
	return len;
}

/* The width of @s in columns: its characters, not its bytes (UTF-8). */
static size_t columns(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if ((*s & 0xc0) != 0x80)	/* not a continuation byte */
			n++;
	return n;
}

/*
 * Print the subtree of procs[@i] whose label starts at the current
 * position; @prefix is what starts every further line of it (the columns
 * to the left of the label, drawn).
 */
static void print_tree(size_t i, const struct proc_info *parent, char *prefix)
{
	char label[LABEL_MAX];
	size_t plen = strlen(prefix), width;
	long child = next_child(i, -1), next;

	make_label(label, sizeof(label), &procs[i], parent);
	fputs(label, stdout);
	if (child < 0) {
		putchar('\n');
		return;
	}
	width = columns(label);
	if (plen + width + 3 * strlen(BAR) + 1 >= PREFIX_MAX) {
		printf("───...\n");	/* too deep to draw */
		return;
	}
	/* The columns under this label, for every line below it. */
	memset(prefix + plen, ' ', width);
	prefix[plen + width] = '\0';
	next = next_child(i, child);
	if (next < 0) {
		fputs(ONLY_CHILD, stdout);
		strcat(prefix, BLANK);
		print_tree(child, &procs[i], prefix);
		prefix[plen] = '\0';
		return;
	}
	fputs(FIRST_CHILD, stdout);
	for (;;) {
		size_t under = strlen(prefix);

		strcat(prefix, next < 0 ? BLANK : BAR);
		print_tree(child, &procs[i], prefix);
		prefix[under] = '\0';
		if (next < 0)
			break;
		child = next;
		next = next_child(i, child);
		printf("%s%s", prefix, next < 0 ? LAST_CHILD : NEXT_CHILD);
	}
	prefix[plen] = '\0';
}

static void usage(void)
{
	fprintf(stderr, "usage: pstree [-p] [--proc DIR]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	const char *dir = "/proc";
	static char prefix[PREFIX_MAX];
	size_t i;
	int a;

	for (a = 1; a < argc; a++) {
		if (!strcmp(argv[a], "-p"))
			show_pids = 1;
		else if (proc_dir_arg(argc, argv, &a, &dir) != 1)
			usage();
	}
	procs = read_procs(dir, &nprocs);
	if (!procs) {
		fprintf(stderr, "pstree: cannot read %s\n", dir);
		return 1;
	}
	for (i = 0; i < nprocs; i++) {
		if (procs[i].ppid && find(procs[i].ppid) >= 0)
			continue;
		prefix[0] = '\0';
		print_tree(i, NULL, prefix);
	}
	free(procs);
	return 0;
}
