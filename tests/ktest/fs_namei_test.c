/*
 * tests/ktest/fs_namei_test.c - the path and directory cases of the `vfs`
 * suite (its table of cases is in fs_test.c): walking names with ".",
 * "..", repeated and trailing slashes and the ENOTDIR / ENOENT /
 * ENAMETOOLONG errors; mkdir, rmdir and unlink with Linux's errors;
 * getdents64; chdir and getcwd, also in a removed directory.
 */
#include <nest/ktest.h>
#include <nest/fs.h>
#include <nest/string.h>
#include <nest/errno.h>
#include <uapi/fcntl.h>

/* From fs_test.c. */
struct fs_struct *scratch_begin(struct ktest *t);
void scratch_end(struct ktest *t);
ssize_t test_write_file(struct fs_struct *fs, const char *path, const char *s,
			umode_t mode);
int test_path_err(struct fs_struct *fs, const char *path, unsigned int flags);
long test_open_err(struct fs_struct *fs, const char *path, int flags);
/* The cases, listed in fs_test.c's table. */
void vfs_path_walk(struct ktest *t);
void vfs_mkdir_rmdir_unlink(struct ktest *t);
void vfs_getdents(struct ktest *t);
void vfs_cwd_and_getcwd(struct ktest *t);

void vfs_path_walk(struct ktest *t)
{
	static char longname[NAME_MAX + 8], longpath[PATH_MAX + 8];
	struct fs_struct *fs = scratch_begin(t);
	struct dentry *b, *d;
	unsigned int i;

	KTEST_ASSERT_NOT_NULL(t, fs);
	KTEST_ASSERT_EQ(t, do_mkdirat(fs, "a", 0755), 0);
	KTEST_ASSERT_EQ(t, do_mkdirat(fs, "a/b/", 0755), 0);	/* trailing slash: fine */
	KTEST_ASSERT_EQ(t, test_write_file(fs, "a/f", "", 0644), 0);
	KTEST_ASSERT_EQ(t, kern_path(fs, "a/b", 0, &b), 0);

	ktest_info(t, ". and .. and repeated and trailing slashes reach a/b");
	{
		static const char *const same[] = {
			"a/b", "a//b", "./a/b/", "a/./b/.", "a/b/../b", "/a/b",
			"//a///b//", "/../a/b", "../../a/b", "a/../a/b",
		};

		for (i = 0; i < ARRAY_SIZE(same); i++) {
			d = NULL;
			KTEST_EXPECT_EQ(t, kern_path(fs, same[i], 0, &d), 0);
			KTEST_EXPECT_PTR_EQ(t, d, b);
			if (d)
				dput(d);
		}
	}
	ktest_info(t, "\"..\" at the walk's root stays there; \"/\" is the root");
	d = NULL;
	KTEST_EXPECT_EQ(t, kern_path(fs, "..", 0, &d), 0);
	KTEST_EXPECT_PTR_EQ(t, d, fs->root);
	dput(d);
	d = NULL;
	KTEST_EXPECT_EQ(t, kern_path(fs, "/", 0, &d), 0);
	KTEST_EXPECT_PTR_EQ(t, d, fs->root);
	dput(d);

	ktest_info(t, "ENOTDIR through or after a file, ENOENT for missing parts and \"\"");
	KTEST_EXPECT_EQ(t, test_path_err(fs, "a/f/", 0), -ENOTDIR);
	KTEST_EXPECT_EQ(t, test_path_err(fs, "a/f/x", 0), -ENOTDIR);
	KTEST_EXPECT_EQ(t, test_path_err(fs, "a/f/.", 0), -ENOTDIR);
	KTEST_EXPECT_EQ(t, test_path_err(fs, "a/f/..", 0), -ENOTDIR);
	KTEST_EXPECT_EQ(t, test_path_err(fs, "a/f", LOOKUP_DIRECTORY), -ENOTDIR);
	KTEST_EXPECT_EQ(t, test_path_err(fs, "a/f", 0), 0);
	KTEST_EXPECT_EQ(t, test_path_err(fs, "a/nope/x", 0), -ENOENT);
	KTEST_EXPECT_EQ(t, test_path_err(fs, "a/nope", 0), -ENOENT);
	KTEST_EXPECT_EQ(t, test_path_err(fs, "", 0), -ENOENT);

	ktest_info(t, "a 256-byte component or a %d-byte path: ENAMETOOLONG", PATH_MAX);
	memset(longname, 'n', NAME_MAX + 1);
	longname[NAME_MAX + 1] = '\0';
	KTEST_EXPECT_EQ(t, test_path_err(fs, longname, 0), -ENAMETOOLONG);
	KTEST_EXPECT_EQ(t, do_mkdirat(fs, longname, 0755), -ENAMETOOLONG);
	KTEST_EXPECT_EQ(t, test_open_err(fs, longname, O_RDWR | O_CREAT), -ENAMETOOLONG);
	longname[NAME_MAX] = '\0';			/* 255 bytes: allowed */
	KTEST_EXPECT_EQ(t, test_path_err(fs, longname, 0), -ENOENT);
	KTEST_EXPECT_EQ(t, test_write_file(fs, longname, "", 0644), 0);
	KTEST_EXPECT_EQ(t, test_path_err(fs, longname, 0), 0);
	for (i = 0; i < PATH_MAX; i += 2)
		memcpy(longpath + i, "./", 2);
	longpath[PATH_MAX] = '\0';			/* 4096 bytes: too long */
	KTEST_EXPECT_EQ(t, test_path_err(fs, longpath, 0), -ENAMETOOLONG);
	longpath[PATH_MAX - 1] = '\0';			/* 4095: fine */
	KTEST_EXPECT_EQ(t, test_path_err(fs, longpath, 0), 0);
	dput(b);
	scratch_end(t);
}

void vfs_mkdir_rmdir_unlink(struct ktest *t)
{
	struct fs_struct *fs = scratch_begin(t);
	struct file *f;
	char buf[8];

	KTEST_ASSERT_NOT_NULL(t, fs);
	KTEST_ASSERT_EQ(t, do_mkdirat(fs, "d", 0755), 0);
	KTEST_ASSERT_EQ(t, test_write_file(fs, "d/f", "12345", 0644), 5);
	ktest_info(t, "mkdir: EEXIST for names, \".\", \"/\"; ENOENT under a missing dir");
	KTEST_EXPECT_EQ(t, do_mkdirat(fs, "d", 0755), -EEXIST);
	KTEST_EXPECT_EQ(t, do_mkdirat(fs, "d/f", 0755), -EEXIST);
	KTEST_EXPECT_EQ(t, do_mkdirat(fs, ".", 0755), -EEXIST);
	KTEST_EXPECT_EQ(t, do_mkdirat(fs, "/", 0755), -EEXIST);
	KTEST_EXPECT_EQ(t, do_mkdirat(fs, "x/y", 0755), -ENOENT);
	KTEST_EXPECT_EQ(t, do_mknodat(fs, "d/g/", S_IFREG | 0644, 0), -ENOENT);

	ktest_info(t, "rmdir: ENOTEMPTY, ENOTDIR, EINVAL for \".\", ENOTEMPTY for \"..\", EBUSY for \"/\"");
	KTEST_EXPECT_EQ(t, do_rmdir(fs, "d"), -ENOTEMPTY);
	KTEST_EXPECT_EQ(t, do_rmdir(fs, "d/f"), -ENOTDIR);
	KTEST_EXPECT_EQ(t, do_rmdir(fs, "d/."), -EINVAL);
	KTEST_EXPECT_EQ(t, do_rmdir(fs, "d/.."), -ENOTEMPTY);
	KTEST_EXPECT_EQ(t, do_rmdir(fs, "/"), -EBUSY);
	KTEST_EXPECT_EQ(t, do_rmdir(fs, "nope"), -ENOENT);

	ktest_info(t, "unlink: EISDIR for a dir, ENOTDIR for \"file/\", ENOENT");
	KTEST_EXPECT_EQ(t, do_unlinkat(fs, "d"), -EISDIR);
	KTEST_EXPECT_EQ(t, do_unlinkat(fs, "d/f/"), -ENOTDIR);
	KTEST_EXPECT_EQ(t, do_unlinkat(fs, "d/nope"), -ENOENT);
	KTEST_EXPECT_EQ(t, do_unlinkat(fs, "."), -EISDIR);

	ktest_info(t, "an unlinked open file still reads and writes; its name is gone");
	f = do_filp_open(fs, "d/f", O_RDWR, 0);
	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	KTEST_EXPECT_EQ(t, do_unlinkat(fs, "d/f"), 0);
	KTEST_EXPECT_EQ(t, test_open_err(fs, "d/f", O_RDONLY), -ENOENT);
	KTEST_EXPECT_EQ(t, kernel_write(f, "ab", 2, &(loff_t){ 5 }), 2);
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &(loff_t){ 0 }), 7);
	KTEST_EXPECT_EQ(t, memcmp(buf, "12345ab", 7), 0);
	KTEST_EXPECT_TRUE(t, d_unlinked(f->f_dentry));
	fput(f);
	KTEST_EXPECT_EQ(t, do_rmdir(fs, "d/"), 0);
	KTEST_EXPECT_EQ(t, do_rmdir(fs, "d"), -ENOENT);
	scratch_end(t);
}

/* Parse a getdents64 buffer into "name/type name/type ..." in @out. */
static int dirents_to_string(const char *buf, long len, char *out, size_t size,
			     struct ktest *t)
{
	long off = 0;
	int n = 0;

	out[0] = '\0';
	while (off < len) {
		const struct linux_dirent64 *d = (const void *)(buf + off);
		size_t used = strlen(out);

		KTEST_EXPECT_EQ(t, d->d_reclen % 8, 0);
		snprintf(out + used, size - used, "%s%s/%u", n ? " " : "", d->d_name,
			 d->d_type);
		off += d->d_reclen;
		n++;
	}
	return n;
}

void vfs_getdents(struct ktest *t)
{
	struct fs_struct *fs = scratch_begin(t);
	static char buf[512], names[256];
	struct kvec kv;
	struct iov_iter it;
	struct file *dir;
	long n;

	KTEST_ASSERT_NOT_NULL(t, fs);
	KTEST_ASSERT_EQ(t, test_write_file(fs, "file", "", 0644), 0);
	KTEST_ASSERT_EQ(t, do_mkdirat(fs, "sub", 0755), 0);
	KTEST_ASSERT_EQ(t, do_mknodat(fs, "null", S_IFCHR | 0666, MKDEV(1, 3)), 0);
	dir = do_filp_open(fs, ".", O_RDONLY | O_DIRECTORY, 0);
	KTEST_ASSERT_FALSE(t, IS_ERR(dir));

	ktest_info(t, "\".\" and \"..\" first, then the entries in creation order, with d_type");
	kv = (struct kvec){ buf, sizeof(buf) };
	iov_iter_kvec(&it, &kv, 1, sizeof(buf));
	n = do_getdents64(dir, &it);
	KTEST_EXPECT_GT(t, n, 0);
	KTEST_EXPECT_EQ(t, dirents_to_string(buf, n, names, sizeof(names), t), 5);
	ktest_info(t, "got: %s", names);
	KTEST_EXPECT_EQ(t, strcmp(names, "./4 ../4 file/8 sub/4 null/2"), 0);
	KTEST_EXPECT_EQ(t, ((struct linux_dirent64 *)buf)->d_off, 1);
	kv = (struct kvec){ buf, sizeof(buf) };
	iov_iter_kvec(&it, &kv, 1, sizeof(buf));
	KTEST_EXPECT_EQ(t, do_getdents64(dir, &it), 0);		/* the end */

	ktest_info(t, "a buffer too small for one entry: EINVAL; one entry per call fits");
	KTEST_EXPECT_EQ(t, dcache_dir_lseek(dir, 0, SEEK_SET), 0);
	kv = (struct kvec){ buf, 16 };
	iov_iter_kvec(&it, &kv, 1, 16);
	KTEST_EXPECT_EQ(t, do_getdents64(dir, &it), -EINVAL);
	kv = (struct kvec){ buf, 24 };
	iov_iter_kvec(&it, &kv, 1, 24);
	KTEST_EXPECT_EQ(t, do_getdents64(dir, &it), 24);	/* "." */
	kv = (struct kvec){ buf, 24 };
	iov_iter_kvec(&it, &kv, 1, 24);
	KTEST_EXPECT_EQ(t, do_getdents64(dir, &it), 24);	/* ".." */
	ktest_info(t, "removing an entry not yet read does not disturb the listing");
	KTEST_EXPECT_EQ(t, do_unlinkat(fs, "file"), 0);
	kv = (struct kvec){ buf, sizeof(buf) };
	iov_iter_kvec(&it, &kv, 1, sizeof(buf));
	n = do_getdents64(dir, &it);
	KTEST_EXPECT_EQ(t, dirents_to_string(buf, n, names, sizeof(names), t), 2);
	KTEST_EXPECT_EQ(t, strcmp(names, "sub/4 null/2"), 0);
	fput(dir);

	ktest_info(t, "getdents on a file: ENOTDIR; on a removed directory: ENOENT");
	KTEST_ASSERT_EQ(t, test_write_file(fs, "f2", "", 0644), 0);
	dir = do_filp_open(fs, "f2", O_RDONLY, 0);
	KTEST_ASSERT_FALSE(t, IS_ERR(dir));
	iov_iter_kvec(&it, &kv, 1, sizeof(buf));
	KTEST_EXPECT_EQ(t, do_getdents64(dir, &it), -ENOTDIR);
	fput(dir);
	dir = do_filp_open(fs, "sub", O_RDONLY, 0);
	KTEST_ASSERT_FALSE(t, IS_ERR(dir));
	KTEST_EXPECT_EQ(t, do_rmdir(fs, "sub"), 0);
	iov_iter_kvec(&it, &kv, 1, sizeof(buf));
	KTEST_EXPECT_EQ(t, do_getdents64(dir, &it), -ENOENT);
	fput(dir);
	scratch_end(t);
}

void vfs_cwd_and_getcwd(struct ktest *t)
{
	struct fs_struct *fs = scratch_begin(t);
	char buf[64];

	KTEST_ASSERT_NOT_NULL(t, fs);
	KTEST_ASSERT_EQ(t, do_mkdirat(fs, "a", 0755), 0);
	KTEST_ASSERT_EQ(t, do_mkdirat(fs, "a/bc", 0755), 0);
	KTEST_ASSERT_EQ(t, test_write_file(fs, "a/f", "", 0644), 0);
	ktest_info(t, "getcwd at the root is \"/\", length 2 with the NUL");
	KTEST_EXPECT_EQ(t, do_getcwd(fs, buf, sizeof(buf)), 2);
	KTEST_EXPECT_EQ(t, strcmp(buf, "/"), 0);

	ktest_info(t, "chdir a/bc: getcwd \"/a/bc\" (6); 5 bytes is ERANGE; relative names start there");
	KTEST_EXPECT_EQ(t, do_chdir(fs, "a/bc"), 0);
	KTEST_EXPECT_EQ(t, do_getcwd(fs, buf, sizeof(buf)), 6);
	KTEST_EXPECT_EQ(t, strcmp(buf, "/a/bc"), 0);
	KTEST_EXPECT_EQ(t, do_getcwd(fs, buf, 5), -ERANGE);
	KTEST_EXPECT_EQ(t, do_getcwd(fs, buf, 6), 6);
	KTEST_EXPECT_EQ(t, test_write_file(fs, "here", "", 0644), 0);
	KTEST_EXPECT_EQ(t, test_path_err(fs, "/a/bc/here", 0), 0);
	KTEST_EXPECT_EQ(t, do_faccessat(fs, "../f", F_OK), 0);
	KTEST_EXPECT_EQ(t, do_chdir(fs, "../f"), -ENOTDIR);
	KTEST_EXPECT_EQ(t, do_chdir(fs, "nope"), -ENOENT);
	KTEST_EXPECT_EQ(t, do_unlinkat(fs, "here"), 0);

	ktest_info(t, "the cwd removed: getcwd ENOENT, nothing can be created, \"..\" still works");
	KTEST_EXPECT_EQ(t, do_rmdir(fs, "/a/bc"), 0);
	KTEST_EXPECT_EQ(t, do_getcwd(fs, buf, sizeof(buf)), -ENOENT);
	KTEST_EXPECT_EQ(t, test_write_file(fs, "new", "", 0644), -ENOENT);
	KTEST_EXPECT_EQ(t, do_mkdirat(fs, "newdir", 0755), -ENOENT);
	KTEST_EXPECT_EQ(t, do_chdir(fs, ".."), 0);
	KTEST_EXPECT_EQ(t, do_getcwd(fs, buf, sizeof(buf)), 3);
	KTEST_EXPECT_EQ(t, strcmp(buf, "/a"), 0);
	scratch_end(t);
}
