/*
 * tests/host/test_initramfs.c - the cpio unpacker (fs/initramfs.c) on the
 * host, under ASan and UBSan, with the VFS calls it makes replaced by
 * stubs that record each member.
 *
 * ASan is the point: every archive is copied into a heap block of exactly
 * its length, so a read one byte past the end is reported.  Every prefix
 * of a good archive and thousands of randomly damaged copies are fed to
 * unpack_to_rootfs(); none may read outside its buffer, and a cut inside a
 * member must be refused.  The in-kernel `vfs` suite checks what the
 * unpacked tree looks like.
 *
 * Strict ISO C for the C library's headers, whose loff_t and dev_t differ
 * from the kernel's.
 */
#define _ISOC11_SOURCE
#include <nest/fs.h>
#include <nest/setup.h>
#include <nest/string.h>
#include <nest/errno.h>
#include <uapi/fcntl.h>
#include "tap.h"

extern int host_quiet;

/* ---- stubs for the VFS: record what the unpacker asks for ---- */

#define MAX_MEMBERS	16

static struct member {
	char name[64];
	umode_t mode;
	dev_t dev;
	char data[64];
	size_t size;
} members[MAX_MEMBERS];
static int nr_members;

struct boot_params boot_params;
struct fs_struct init_fs;
static struct file stub_file;

static struct member *record(const char *name, umode_t mode)
{
	struct member *m = &members[nr_members < MAX_MEMBERS ? nr_members++ : 0];

	strlcpy(m->name, name, sizeof(m->name));
	m->mode = mode;
	m->dev = 0;
	m->size = 0;
	return m;
}

int kern_path(struct fs_struct *fs, const char *name, unsigned int flags,
	      struct dentry **res)
{
	return -ENOENT;		/* nothing exists: no chmod, no clean-up */
}

void dput(struct dentry *dentry)
{
}

int do_rmdir(struct fs_struct *fs, const char *name)
{
	return -ENOENT;
}

int do_unlinkat(struct fs_struct *fs, const char *name)
{
	return -ENOENT;
}

int do_mkdirat(struct fs_struct *fs, const char *name, umode_t mode)
{
	record(name, S_IFDIR | mode);
	return 0;
}

int do_mknodat(struct fs_struct *fs, const char *name, umode_t mode, dev_t dev)
{
	record(name, mode)->dev = dev;
	return 0;
}

struct file *do_filp_open(struct fs_struct *fs, const char *name, int flags, umode_t mode)
{
	stub_file.private_data = record(name, mode);
	return &stub_file;
}

ssize_t kernel_write(struct file *file, const void *buf, size_t count, loff_t *pos)
{
	struct member *m = file->private_data;

	m->size = count;
	memcpy(m->data, buf, min(count, sizeof(m->data)));
	return count;
}

void fput(struct file *file)
{
}

/* populate_rootfs() frees the image afterwards; these tests call only
 * unpack_to_rootfs(), so nothing is freed here. */
void free_initrd_mem(phys_addr_t start, phys_addr_t end)
{
}

/* ---- building archives ---- */

static char arch[4096];

static size_t pad4(size_t off)
{
	while (off & 3)
		arch[off++] = '\0';
	return off;
}

/* The end of the last member's data, before its padding. */
static size_t data_end;

static size_t add(size_t off, const char *name, unsigned int mode, const char *data,
		  unsigned int rmaj, unsigned int rmin)
{
	size_t namesize = strlen(name) + 1, size = strlen(data);

	off += sprintf(arch + off, "070701%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x",
		       0, mode, 0, 0, 1, 0, (unsigned int)size, 0, 0, rmaj, rmin,
		       (unsigned int)namesize, 0);
	memcpy(arch + off, name, namesize);
	off = pad4(off + namesize);
	memcpy(arch + off, data, size);
	data_end = off + size;
	return pad4(off + size);
}

/*
 * The good archive: its length.  Member i's data ends at data_ends[i] and
 * its padding at ends[i]; a cut in between loses nothing, so the
 * unpacker accepts it (as Linux's does).
 */
static size_t good_archive(size_t *ends, size_t *data_ends)
{
	static const struct { const char *name; unsigned int mode; const char *data;
			      unsigned int rmaj, rmin; } m[6] = {
		{ ".", S_IFDIR | 0755, "", 0, 0 },
		{ "etc", S_IFDIR | 0755, "", 0, 0 },
		{ "etc/motd", S_IFREG | 0644, "Welcome to Nest.\n", 0, 0 },
		{ "dev/ttyS0", S_IFCHR | 0600, "", 4, 64 },
		{ "bin/sh", S_IFLNK | 0777, "busybox", 0, 0 },
		{ "TRAILER!!!", 0, "", 0, 0 },
	};
	size_t off = 0;
	int i;

	for (i = 0; i < 6; i++) {
		off = ends[i] = add(off, m[i].name, m[i].mode, m[i].data, m[i].rmaj, m[i].rmin);
		if (data_ends)
			data_ends[i] = data_end;
	}
	memset(arch + off, 0, 12);		/* block padding, as cpio writes */
	return off + 12;
}

/* Unpack @len bytes of @src from a heap block of exactly that size. */
static const char *unpack_exact(const char *src, size_t len)
{
	char *copy = malloc(len ? len : 1);
	const char *msg;

	memcpy(copy, src, len);
	nr_members = 0;
	msg = unpack_to_rootfs(copy, len, NULL);
	free(copy);
	return msg;
}

TAP_TEST(initramfs_good_archive)
{
	size_t ends[6], len = good_archive(ends, NULL);

	host_quiet = 1;
	TAP_CHECK(unpack_exact(arch, len) == NULL);
	host_quiet = 0;
	TAP_EQ(nr_members, 4);			/* the symlink is skipped */
	TAP_CHECK(!strcmp(members[0].name, "."));
	TAP_EQ(members[1].mode, S_IFDIR | 0755);
	TAP_CHECK(!strcmp(members[2].name, "etc/motd"));
	TAP_EQ(members[2].mode, S_IFREG | 0644);
	TAP_EQ(members[2].size, 17);
	TAP_CHECK(!memcmp(members[2].data, "Welcome to Nest.\n", 17));
	TAP_EQ(members[3].mode, S_IFCHR | 0600);
	TAP_EQ(members[3].dev, MKDEV(4, 64));
}

TAP_TEST(initramfs_every_prefix)
{
	size_t ends[6], data_ends[6], len = good_archive(ends, data_ends), cut;
	int wrong = 0;

	host_quiet = 1;
	for (cut = 0; cut <= len; cut++) {
		const char *msg = unpack_exact(arch, cut);
		bool boundary = cut == 0;
		int i;

		for (i = 0; i < 6; i++)
			boundary |= cut >= data_ends[i] && cut <= ends[i];
		boundary |= cut > ends[5];		/* inside the zero padding */
		/* A cut exactly between members is a valid, shorter archive. */
		if (boundary != (msg == NULL)) {
			printf("#   cut at %zu: %s\n", cut, msg ? msg : "accepted");
			wrong++;
		}
	}
	host_quiet = 0;
	TAP_EQ(wrong, 0);
}

TAP_TEST(initramfs_damaged_archives)
{
	static char damaged[sizeof(arch)];
	size_t ends[6], len = good_archive(ends, NULL);
	u32 x = 12345;
	int i, refused = 0;

	host_quiet = 1;
	for (i = 0; i < 20000; i++) {
		int n = 1 + i % 4;

		memcpy(damaged, arch, len);
		while (n--) {
			x ^= x << 13;
			x ^= x >> 17;
			x ^= x << 5;
			damaged[x % len] = (char)(x >> 8);
		}
		refused += unpack_exact(damaged, len) != NULL;
	}
	host_quiet = 0;
	/* Most damage hits a header; what matters is that ASan saw nothing. */
	TAP_CHECK(refused > 1000);
}

TAP_TEST(initramfs_messages)
{
	size_t ends[6];

	good_archive(ends, NULL);
	host_quiet = 1;
	TAP_CHECK(!strcmp(unpack_exact(arch, 50), "truncated header"));
	arch[3] = '8';
	TAP_CHECK(!strcmp(unpack_exact(arch, ends[5]), "no cpio magic"));
	arch[3] = '7';
	memcpy(arch + 6 + 8 * 11, "0000ffff", 8);
	TAP_CHECK(!strcmp(unpack_exact(arch, ends[5]), "bad name size"));
	memcpy(arch + 6 + 8 * 11, "00000fff", 8);
	TAP_CHECK(!strcmp(unpack_exact(arch, ends[5]), "name runs past the end"));
	memcpy(arch + 6 + 8 * 11, "00000002", 8);
	memcpy(arch + 6 + 8 * 6, "00001000", 8);
	TAP_CHECK(!strcmp(unpack_exact(arch, ends[5]), "data runs past the end"));
	memcpy(arch + 6 + 8 * 6, "0000000z", 8);
	TAP_CHECK(!strcmp(unpack_exact(arch, ends[5]), "bad header field"));
	host_quiet = 0;
}

int main(void)
{
	TAP_RUN(initramfs_good_archive);
	TAP_RUN(initramfs_every_prefix);
	TAP_RUN(initramfs_damaged_archives);
	TAP_RUN(initramfs_messages);
	return tap_done();
}
