/*
 * tests/fuzz/paths.c - the generators of strings the kernel copies in
 * (getname, copy_strings in Linux): paths, file system types and argv
 * arrays.  Mostly a string from a list chosen for the argument's type,
 * otherwise a bad one: NULL, a kernel address, a string with no NUL before
 * the unmapped page, one longer than PATH_MAX.
 *
 * The lists are what keeps the fuzzer from changing the file system: a
 * path a call may create, remove or truncate (ARG_WPATH) is always under
 * the worker's own directory, and chdir (ARG_DPATH) only goes down from
 * it.  See table.c for which arguments get which list.
 *
 * Entry points (args.h): gen_path, gen_fstype, gen_argv; called by call.c.
 */
#include <string.h>
#include <limits.h>
#include "args.h"

/* Paths that exist or not, anywhere: only looked at, never changed. */
static const char *const read_paths[] = {
	"/etc/motd", "/dev/null", "/dev/zero", "/", "/bin", "/tmp", "/bin/true",
	"/nonexistent", "/etc/motd/x", "", ".", "..", "file", "d", "d/f", "n0",
	FUZZ_DIR, "//etc///motd", "/bin/../etc/motd", "/dev", "/proc",
	/* procfs, when the supervisor could mount it */
	"/proc/self/status", "/proc/self/stat", "/proc/self/cmdline", "/proc/1/status",
	"/proc/2/comm", "/proc/meminfo", "/proc/slabinfo", "/proc/self/ns/pid",
	"/proc/sys/kernel/pid_max", "/proc/self", "/proc/1/ns",
};
/*
 * Paths the call may create, remove or truncate: under the worker's own
 * directory (its cwd), which the monitor removes after the round.  The
 * cwd only ever moves down from there (dir_paths), so ".." is at worst
 * FUZZ_DIR, which is never empty while workers run.
 */
static const char *const write_paths[] = {
	"file", "d", "d/f", "n0", "n1", "n2", "n3", "d/n4", "d/sub", "d/sub/n5",
	"nonexist/x", "", ".", "..", "file/x", "d/sub/..",
};
/* Where chdir may go: down from the worker's directory, never up. */
static const char *const dir_paths[] = {
	".", "d", "d/sub", "file", "nonexist", "",
};
/* Mostly a real program: then the worker is replaced and restarted. */
static const char *const exec_paths[] = {
	"/bin/true", "/bin/true", "/bin/true", "/bin/false", "/etc/motd", "/bin",
	"/nonexistent", "file", "/dev/null", "d",
};

/*
 * A string for argument @i: one of the @n in @list copied into its slot
 * (returned in *@str for the log), or one of the bad strings.
 */
static uint32_t gen_string(int i, const char *const *list, unsigned int n,
			   char *what, const char **str)
{
	char *slot = ws.scratch + i * SLOT_SIZE;
	char *p;

	*str = NULL;
	switch (rnd_below(16)) {
	case 0:
		*what = 'n';
		return 0;
	case 1:
		*what = 'k';
		return 0xc0000000u;
	case 2:
		*what = 'u';
		return (uint32_t)ws.scratch_end;
	case 3:
		*what = 'e';		/* no NUL before the unmapped page */
		p = ws.scratch_end - 1 - rnd_below(32);
		memset(p, 'x', (size_t)(ws.scratch_end - p));
		return (uint32_t)p;
	case 4:
		*what = 'l';		/* longer than PATH_MAX, in the last pages */
		p = ws.scratch + PAGE_SIZE;
		memset(p, 'a', PATH_MAX + 16);
		for (unsigned int k = 1; k < PATH_MAX + 16; k += 2)
			p[k] = '/';
		p[PATH_MAX + 16] = '\0';
		return (uint32_t)p;
	default:
		*what = 's';
		*str = list[rnd_below(n)];
		strcpy(slot, *str);
		return (uint32_t)slot;
	}
}

/* A path of @type for argument @i: from the list that type may use. */
uint32_t gen_path(int i, enum arg_type type, char *what, const char **str)
{
	switch (type) {
	case ARG_WPATH:
		return gen_string(i, write_paths, NR(write_paths), what, str);
	case ARG_XPATH:
		return gen_string(i, exec_paths, NR(exec_paths), what, str);
	case ARG_DPATH:
		return gen_string(i, dir_paths, NR(dir_paths), what, str);
	default:
		return gen_string(i, read_paths, NR(read_paths), what, str);
	}
}

/* A file system type for mount that no kernel has: the call must fail. */
uint32_t gen_fstype(int i, char *what, const char **str)
{
	static const char *const types[] = { "", "nosuchfs", "ramfs-", "proc\001" };

	return gen_string(i, types, NR(types), what, str);
}

/*
 * An argv or envp: a few strings, or far too many (E2BIG), or an array
 * with a bad pointer in it, or one that runs into the unmapped page.
 */
uint32_t gen_argv(int i, char *what)
{
	char *slot = ws.scratch + i * SLOT_SIZE;
	uint32_t *v = (uint32_t *)slot, *big;
	char *str = slot + SLOT_SIZE / 2, w;
	unsigned int n, k;

	switch (rnd_below(10)) {
	case 0:
		*what = 'n';
		return 0;
	case 1:
		*what = 'k';
		return 0xc0000000u;
	case 2:
		*what = 'e';		/* no NULL before the unmapped page */
		big = (uint32_t *)(ws.scratch_end - 16);
		for (k = 0; k < 4; k++)
			big[k] = (uint32_t)read_paths[0];
		return (uint32_t)big;
	case 3:
		*what = 'b';		/* thousands of long strings */
		big = (uint32_t *)(ws.scratch + 2 * PAGE_SIZE);
		memset(ws.scratch + PAGE_SIZE, 'b', PAGE_SIZE - 1);
		ws.scratch[2 * PAGE_SIZE - 1] = '\0';
		for (k = 0; k < PAGE_SIZE / 4 - 1; k++)
			big[k] = (uint32_t)(ws.scratch + PAGE_SIZE);
		big[k] = 0;
		return (uint32_t)big;
	default:
		*what = 'v';
		n = rnd_below(5);
		strcpy(str, "fuzz");
		for (k = 0; k < n; k++)
			v[k] = one_in(6) ? gen_ptr(&w, 1) : (uint32_t)str;
		v[n] = 0;
		return (uint32_t)slot;
	}
}
