/*
 * tests/ktest/fs_cpio_test.c - the initramfs unpacker cases of the `vfs`
 * suite (its table of cases is in fs_test.c): unpack_to_rootfs() on
 * archives built here, good ones into the scratch directory, and broken
 * ones (truncated, bad magic, names and data running past the end) that
 * must be refused with a message and without a crash.  The real
 * initramfs's contents are checked by vfs_initramfs_contents.
 */
#include <nest/ktest.h>
#include <nest/fs.h>
#include <nest/string.h>
#include <nest/errno.h>
#include <uapi/fcntl.h>

/* From fs_test.c. */
struct fs_struct *scratch_begin(struct ktest *t);
void scratch_end(struct ktest *t);
/* The cases, listed in fs_test.c's table. */
void cpio_unpacks_members(struct ktest *t);
void cpio_rejects_malformed(struct ktest *t);

#define CPIO_BUF_SIZE	2048

static char cpio[CPIO_BUF_SIZE];

/* Pad the archive with NULs to a multiple of 4. */
static size_t pad4(size_t off)
{
	while (off & 3)
		cpio[off++] = '\0';
	return off;
}

/*
 * Append a newc member at @off: header, @name, @size bytes of @data.
 * @namesize 0 means strlen(name) + 1.  Returns the offset after it.
 */
static size_t cpio_add(size_t off, const char *name, unsigned int mode,
		       const char *data, size_t size, unsigned int rmaj,
		       unsigned int rmin, size_t namesize)
{
	if (!namesize)
		namesize = strlen(name) + 1;
	off += snprintf(cpio + off, CPIO_BUF_SIZE - off,
			"070701%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x",
			0, mode, 0, 0, 1, 0, (unsigned int)size, 0, 0, rmaj, rmin,
			(unsigned int)namesize, 0);
	memcpy(cpio + off, name, strlen(name) + 1);
	off = pad4(off + namesize);
	memcpy(cpio + off, data, size);
	return pad4(off + size);
}

static size_t cpio_trailer(size_t off)
{
	return cpio_add(off, "TRAILER!!!", 0, "", 0, 0, 0, 0);
}

/* The mode of @path in @fs, or 0 if it does not exist. */
static umode_t mode_of(struct fs_struct *fs, const char *path)
{
	struct dentry *d;
	umode_t mode;

	if (kern_path(fs, path, 0, &d))
		return 0;
	mode = d->d_inode->i_mode;
	dput(d);
	return mode;
}

/* Read up to @size - 1 bytes of @path in @fs into @buf (NUL-terminated). */
static ssize_t read_file(struct fs_struct *fs, const char *path, char *buf, size_t size)
{
	struct file *f = do_filp_open(fs, path, O_RDONLY, 0);
	ssize_t n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = kernel_read(f, buf, size - 1, NULL);
	buf[n > 0 ? n : 0] = '\0';
	fput(f);
	return n;
}

void cpio_unpacks_members(struct ktest *t)
{
	struct fs_struct real_root = { .users = 1, .root = init_fs.root, .pwd = init_fs.root };
	struct fs_struct *fs = scratch_begin(t);
	char buf[64];
	size_t off;

	KTEST_ASSERT_NOT_NULL(t, fs);
	ktest_info(t, "directories, files with data, a char device; a symlink is skipped");
	off = cpio_add(0, ".", S_IFDIR | 0755, "", 0, 0, 0, 0);
	off = cpio_add(off, "d", S_IFDIR | 0700, "", 0, 0, 0, 0);
	off = cpio_add(off, "d/f", S_IFREG | 0640, "hello\n", 6, 0, 0, 0);
	off = cpio_add(off, "d/empty", S_IFREG | 0755, "", 0, 0, 0, 0);
	off = cpio_add(off, "./d/../null", S_IFCHR | 0666, "", 0, 1, 3, 0);
	off = cpio_add(off, "link", S_IFLNK | 0777, "d/f", 3, 0, 0, 0);
	off = cpio_trailer(off);
	KTEST_EXPECT_NULL(t, unpack_to_rootfs(cpio, off, fs->root));
	KTEST_EXPECT_EQ(t, mode_of(fs, "d"), S_IFDIR | 0700);
	KTEST_EXPECT_EQ(t, mode_of(fs, "d/f"), S_IFREG | 0640);
	KTEST_EXPECT_EQ(t, read_file(fs, "d/f", buf, sizeof(buf)), 6);
	KTEST_EXPECT_EQ(t, strcmp(buf, "hello\n"), 0);
	KTEST_EXPECT_EQ(t, mode_of(fs, "d/empty"), S_IFREG | 0755);
	KTEST_EXPECT_EQ(t, mode_of(fs, "null"), S_IFCHR | 0666);
	KTEST_EXPECT_EQ(t, mode_of(fs, "link"), 0);

	ktest_info(t, "a second archive after zero padding replaces a file and its mode");
	off = pad4(off);
	memset(cpio + off, 0, 512);
	off += 512;
	off = cpio_add(off, "d/f", S_IFREG | 0600, "bye", 3, 0, 0, 0);
	off = cpio_add(off, "/top", S_IFDIR | 0755, "", 0, 0, 0, 0);
	off = cpio_add(off, "../../escape", S_IFDIR | 0755, "", 0, 0, 0, 0);
	off = cpio_trailer(off);
	KTEST_EXPECT_NULL(t, unpack_to_rootfs(cpio, off, fs->root));
	KTEST_EXPECT_EQ(t, read_file(fs, "d/f", buf, sizeof(buf)), 3);
	KTEST_EXPECT_EQ(t, strcmp(buf, "bye"), 0);
	KTEST_EXPECT_EQ(t, mode_of(fs, "d/f"), S_IFREG | 0600);
	ktest_info(t, "\"/top\" and \"../../escape\" land inside the target directory");
	KTEST_EXPECT_EQ(t, mode_of(fs, "top"), S_IFDIR | 0755);
	KTEST_EXPECT_EQ(t, mode_of(fs, "escape"), S_IFDIR | 0755);
	KTEST_EXPECT_EQ(t, mode_of(&real_root, "/top"), 0);
	KTEST_EXPECT_EQ(t, mode_of(&real_root, "/escape"), 0);
	scratch_end(t);
}

/* Unpack @len bytes of cpio[] into @fs's root; the message, printed. */
static const char *try_unpack(struct ktest *t, struct fs_struct *fs, size_t len,
			      const char *what)
{
	const char *msg = unpack_to_rootfs(cpio, len, fs->root);

	ktest_info(t, "%s: %s", what, msg ? msg : "(accepted)");
	return msg;
}

/* Overwrite header field @field (0 = ino ... 11 = namesize) at @off with @hex. */
static void set_field(size_t off, int field, const char *hex)
{
	memcpy(cpio + off + 6 + 8 * field, hex, 8);
}

void cpio_rejects_malformed(struct ktest *t)
{
	struct fs_struct *fs = scratch_begin(t);
	size_t off, second;

	KTEST_ASSERT_NOT_NULL(t, fs);
	ktest_info(t, "each broken archive is refused with a message, nothing crashes");
	off = cpio_add(0, "f", S_IFREG | 0644, "data", 4, 0, 0, 0);
	second = off;
	off = cpio_add(off, "g", S_IFREG | 0644, "more", 4, 0, 0, 0);
	off = cpio_trailer(off);
	KTEST_EXPECT_NOT_NULL(t, try_unpack(t, fs, 50, "50 bytes of header"));
	KTEST_EXPECT_NOT_NULL(t, try_unpack(t, fs, 1, "one byte"));

	cpio[5] = '9';				/* 070709 */
	KTEST_EXPECT_NOT_NULL(t, try_unpack(t, fs, off, "bad magic"));
	cpio[5] = '1';

	set_field(0, 1, "000081g4");		/* a mode that is not hex */
	KTEST_EXPECT_NOT_NULL(t, try_unpack(t, fs, off, "non-hex field"));
	set_field(0, 1, "000081a4");

	set_field(0, 11, "00000000");
	KTEST_EXPECT_NOT_NULL(t, try_unpack(t, fs, off, "namesize 0"));
	set_field(0, 11, "00001001");		/* PATH_MAX + 1 */
	KTEST_EXPECT_NOT_NULL(t, try_unpack(t, fs, off, "namesize past PATH_MAX"));
	set_field(0, 11, "00000400");
	KTEST_EXPECT_NOT_NULL(t, try_unpack(t, fs, off, "name runs past the end"));
	set_field(0, 11, "00000001");		/* "f" without its NUL */
	KTEST_EXPECT_NOT_NULL(t, try_unpack(t, fs, off, "name without its NUL"));
	set_field(0, 11, "00000002");

	set_field(0, 6, "ffffffff");
	KTEST_EXPECT_NOT_NULL(t, try_unpack(t, fs, off, "filesize 4 GiB"));
	set_field(0, 6, "00000800");
	KTEST_EXPECT_NOT_NULL(t, try_unpack(t, fs, off, "data runs past the end"));
	set_field(0, 6, "00000004");
	KTEST_EXPECT_EQ(t, mode_of(fs, "f"), 0);	/* none of those created anything */

	ktest_info(t, "a good member before a bad one stays unpacked");
	memcpy(cpio + second, "07070X", 6);
	KTEST_EXPECT_NOT_NULL(t, try_unpack(t, fs, off, "second member broken"));
	KTEST_EXPECT_EQ(t, mode_of(fs, "f"), S_IFREG | 0644);
	KTEST_EXPECT_EQ(t, mode_of(fs, "g"), 0);
	memcpy(cpio + second, "070701", 6);
	KTEST_EXPECT_NOT_NULL(t, try_unpack(t, fs, second + 100, "second header cut"));

	ktest_info(t, "junk after the trailer's padding is refused; the intact archive is fine");
	memset(cpio + off, 0, 8);
	cpio[off + 5] = 'x';
	KTEST_EXPECT_NOT_NULL(t, try_unpack(t, fs, off + 8, "junk in padding"));
	KTEST_EXPECT_NULL(t, try_unpack(t, fs, off, "intact"));
	KTEST_EXPECT_EQ(t, mode_of(fs, "g"), S_IFREG | 0644);
	KTEST_EXPECT_NULL(t, try_unpack(t, fs, 0, "empty buffer"));
	scratch_end(t);
}
