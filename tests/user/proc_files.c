/*
 * tests/user/proc_files.c - the system-wide files of /proc and the rules
 * of the file system itself: the slabinfo header, meminfo's layout,
 * sys/kernel/pid_max, the entries of /proc, readlink's errors, reading
 * again after lseek, and mount/umount of a proc on /tmp (ENODEV for an
 * unknown type, EBUSY while a cwd or an open file is inside).
 *
 * Values that differ between machines (memory sizes, pid_max, which
 * caches exist) are checked for their form, not printed.
 */
#include "proc.h"
#include <ctype.h>
#include <sys/stat.h>

static char text[TEXT_SIZE];

/* Does line @n (0-based) of @buf look like "Name:<spaces><digits> kB"?  Its value, or -1. */
static long meminfo_line(const char *buf, int n, const char *name)
{
	const char *p = buf;
	size_t len = strlen(name);
	long value = 0;

	while (n-- > 0 && p)
		p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL;
	if (!p || strncmp(p, name, len) || p[len] != ' ')
		return -1;
	p += len;
	while (*p == ' ')
		p++;
	if (!isdigit((unsigned char)*p))
		return -1;
	while (isdigit((unsigned char)*p))
		value = value * 10 + (*p++ - '0');
	return strncmp(p, " kB\n", 4) ? -1 : value;
}

static void test_system_files(void)
{
	static const char *const names[] = { "meminfo", "self", "slabinfo", "sys" };
	char *nl;
	long total, free_kb;
	unsigned int i;
	int len;

	CHECK(read_text("/proc/slabinfo", text, sizeof(text)) > 0, "read /proc/slabinfo");
	nl = strchr(text, '\n');
	if (nl)
		nl = strchr(nl + 1, '\n');
	if (nl)
		nl[1] = '\0';
	say("%s", text);		/* the two header lines, verbatim */
	CHECK(!strncmp(text, "slabinfo - version: 2.1\n# name            <active_objs> "
			     "<num_objs> <objsize> <objperslab> <pagesperslab> : tunables "
			     "<limit> <batchcount> <sharedfactor> : slabdata <active_slabs> "
			     "<num_slabs> <sharedavail>\n", 200),
	      "slabinfo: the version 2.1 header lines");

	CHECK(read_text("/proc/meminfo", text, sizeof(text)) > 0, "read /proc/meminfo");
	total = meminfo_line(text, 0, "MemTotal:");
	free_kb = meminfo_line(text, 1, "MemFree:");
	CHECK(total > 0, "meminfo line 1: \"MemTotal:  <kB> kB\"");
	CHECK(free_kb >= 0 && free_kb <= total,
	      "meminfo line 2: \"MemFree:  <kB> kB\", at most MemTotal");
	CHECK(meminfo_line(text, 2, "MemAvailable:") >= 0, "meminfo line 3: MemAvailable");
	CHECK(!strncmp(text, "MemTotal:       ", 16) && strstr(text, " kB\n") >= text + 24,
	      "meminfo: the label padded to 16 columns, the number to at least 8");

	len = read_text("/proc/sys/kernel/pid_max", text, sizeof(text));
	CHECK(len > 1 && text[len - 1] == '\n' && atol(text) > 300 &&
	      (int)strspn(text, "0123456789") == len - 1,
	      "sys/kernel/pid_max: a number above 300 and a newline");

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		struct dirent *d;
		DIR *proc = opendir("/proc");
		int found = 0;

		while (proc && (d = readdir(proc)))
			found |= !strcmp(d->d_name, names[i]);
		if (proc)
			closedir(proc);
		CHECK(found, "/proc lists %s", names[i]);
	}
}

static void test_file_rules(void)
{
	char buf[64], again[TEXT_SIZE];
	int fd, len, n;

	CHECK_ERR(readlink("/proc/meminfo", buf, sizeof(buf)), EINVAL, "readlink of a file");
	CHECK_ERR(readlink("/proc/nope", buf, sizeof(buf)), ENOENT, "readlink of nothing");
	CHECK_ERR(readlink("/proc/self", buf, 0), EINVAL, "readlink with no room");
	CHECK_EQ(readlink("/proc/self", buf, 1), 1, "readlink with room for 1 byte: 1");
	CHECK_ERR(open("/proc/0/status", O_RDONLY), ENOENT, "/proc/0");
	CHECK_ERR(open("/proc/01/status", O_RDONLY), ENOENT, "/proc/01 (a leading zero)");
	CHECK_ERR(open("/proc/self/nope", O_RDONLY), ENOENT, "/proc/self/nope");
	CHECK_ERR(open("/proc/meminfo/x", O_RDONLY), ENOTDIR, "/proc/meminfo/x");
	CHECK_ERR(rmdir("/proc/1"), EPERM, "rmdir /proc/1");
	CHECK_ERR(rmdir("/proc/self"), ENOTDIR, "rmdir /proc/self (a link)");
	CHECK_ERR(rmdir("/proc"), EBUSY, "rmdir /proc (a mount point)");
	CHECK_ERR(unlink("/proc/meminfo"), EPERM, "unlink /proc/meminfo");
	CHECK_ERR(unlink("/proc/self"), EPERM, "unlink /proc/self");
	CHECK_ERR(mkdir("/proc/x", 0755), ENOENT, "mkdir /proc/x");
	CHECK_ERR(open("/proc/x", O_WRONLY | O_CREAT, 0644), ENOENT, "create /proc/x");

	fd = open("/proc/self/status", O_RDONLY);
	len = read(fd, text, sizeof(text) - 1);
	CHECK(len > 0, "status read once");
	text[len > 0 ? len : 0] = '\0';
	CHECK_EQ(read(fd, buf, sizeof(buf)), 0, "then end of file");
	CHECK_EQ(lseek(fd, 0, SEEK_SET), 0, "lseek to 0");
	/*
	 * Read again from 0: the file is made afresh, so only its first line
	 * (Name:) is sure to be the same; Linux's context-switch counts may
	 * have grown by a digit on a busy host.
	 */
	n = read(fd, again, sizeof(again) - 1);
	CHECK(n > 0 && memcmp(again, text, strcspn(text, "\n") + 1) == 0,
	      "read again: the same first line");
	CHECK_EQ(lseek(fd, 5, SEEK_SET), 5, "lseek to 5");
	CHECK(read(fd, buf, 4) == 4 && !memcmp(buf, text + 5, 4), "read from 5: the same bytes");
	CHECK_ERR(lseek(fd, 0, SEEK_END), EINVAL, "lseek SEEK_END");
	close(fd);
}

static void test_mount_rules(void)
{
	char link[16];
	int fd;

	CHECK_ERR(mount("none", PROC_MNT, "nest-no-such-fs", 0, NULL), ENODEV,
		  "mount of an unknown type");
	CHECK_EQ(mount("proc", PROC_MNT, "proc", 0, NULL), 0, "mount proc on /tmp");
	CHECK(read_link(PROC_MNT "/self", link, sizeof(link)) == 1 && !strcmp(link, "1"),
	      "/tmp/self: 1 (our namespace)");
	CHECK_EQ(chdir(PROC_MNT "/self"), 0, "chdir /tmp/self");
	CHECK_ERR(umount2(PROC_MNT, 0), EBUSY, "umount with a cwd inside");
	CHECK_EQ(chdir("/"), 0, "chdir /");
	fd = open(PROC_MNT "/meminfo", O_RDONLY);
	CHECK(fd >= 0, "open /tmp/meminfo");
	CHECK_ERR(umount2(PROC_MNT, 0), EBUSY, "umount with a file open inside");
	close(fd);
	CHECK_EQ(umount2(PROC_MNT, 0), 0, "umount once nothing is inside");
	CHECK_ERR(access(PROC_MNT "/meminfo", F_OK), ENOENT, "/tmp/meminfo is gone");
}

int main(void)
{
	check_begin("proc_files");
	test_system_files();
	test_file_rules();
	test_mount_rules();
	return check_done();
}
