/*
 * tests/ktest/fs_test.c - the `vfs` suite: ramfs files, open flags,
 * access, the device nodes, open_exec and the initramfs, through the
 * VFS's own functions (the system calls that take
 * user pointers are exercised by the programs in tests/user/).
 *
 * Every case works inside a scratch directory, /ktest-vfs, through an
 * fs_struct rooted there, and with a file table of its own in place of
 * the test thread's; both are gone when the case ends, so the leak check
 * around the suite also checks that closing and removing frees every
 * inode, dentry, file and page.  Path walking and directories are in
 * fs_namei_test.c, the fd table in fs_fd_test.c and the cpio unpacker in
 * fs_cpio_test.c; the suite's table of cases is at the end of this file.
 */
#include <nest/ktest.h>
#include <nest/fs.h>
#include <nest/sched.h>
#include <nest/setup.h>
#include <nest/mm.h>
#include <nest/slab.h>
#include <nest/string.h>
#include <nest/errno.h>
#include <uapi/fcntl.h>

#define SCRATCH		"/ktest-vfs"

/* Helpers shared with fs_namei_test.c, fs_fd_test.c and fs_cpio_test.c. */
struct fs_struct *scratch_begin(struct ktest *t);
void scratch_end(struct ktest *t);
bool test_files_begin(struct ktest *t);
void test_files_end(void);
ssize_t test_write_file(struct fs_struct *fs, const char *path, const char *s,
			umode_t mode);
int test_path_err(struct fs_struct *fs, const char *path, unsigned int flags);
long test_open_err(struct fs_struct *fs, const char *path, int flags);
/* Cases from the other files. */
void vfs_path_walk(struct ktest *t);
void vfs_mkdir_rmdir_unlink(struct ktest *t);
void vfs_getdents(struct ktest *t);
void vfs_cwd_and_getcwd(struct ktest *t);
void fd_lowest_free(struct ktest *t);
void fd_dup_and_dup2(struct ktest *t);
void fd_close_on_exec(struct ktest *t);
void fd_emfile_at_1024(struct ktest *t);
void fd_fcntl_flags(struct ktest *t);
void fd_fork_copies_or_shares(struct ktest *t);
void cpio_unpacks_members(struct ktest *t);
void cpio_rejects_malformed(struct ktest *t);

static struct fs_struct scratch_fs;
static struct files_struct *saved_files;

/* An fs_struct rooted at the real root, with no umask. */
static struct fs_struct root_fs(void)
{
	struct fs_struct fs = { .users = 1, .umask = 0, .root = init_fs.root,
				.pwd = init_fs.root };
	return fs;
}

/* Remove everything below directory @dir (what a failed case left). */
static void remove_tree(struct dentry *dir)
{
	struct dentry *child, *next;
	struct inode *inode = dir->d_inode;

	list_for_each_entry_safe(child, next, &dir->d_subdirs, d_child) {
		dget(child);
		if (d_is_dir(child)) {
			remove_tree(child);
			inode->i_op->rmdir(inode, child);
		} else {
			inode->i_op->unlink(inode, child);
		}
		dput(child);
	}
}

/*
 * scratch_begin - make /ktest-vfs and return an fs_struct whose root and
 * cwd are it, so a case sees only its own files.  NULL (and the case
 * fails) if it cannot be made.
 */
struct fs_struct *scratch_begin(struct ktest *t)
{
	struct fs_struct fs = root_fs();
	struct dentry *dir;
	int err = do_mkdirat(&fs, SCRATCH, 0755);

	if (err == -EEXIST)
		ktest_info(t, "reusing " SCRATCH ", left by a case that failed");
	else
		KTEST_EXPECT_EQ(t, err, 0);
	if ((err && err != -EEXIST) || kern_path(&fs, SCRATCH, 0, &dir))
		return NULL;
	remove_tree(dir);
	scratch_fs.users = 1;
	scratch_fs.umask = 0;
	scratch_fs.root = dir;
	scratch_fs.pwd = dget(dir);
	return &scratch_fs;
}

/* scratch_end - empty and remove the scratch directory. */
void scratch_end(struct ktest *t)
{
	struct fs_struct fs = root_fs();

	remove_tree(scratch_fs.root);
	dput(scratch_fs.pwd);
	dput(scratch_fs.root);
	KTEST_EXPECT_EQ(t, do_rmdir(&fs, SCRATCH), 0);
}

/* test_files_begin - give the test thread an empty file table of its own. */
bool test_files_begin(struct ktest *t)
{
	int err;
	struct files_struct *files = dup_fd(&init_files, &err);

	KTEST_EXPECT_NOT_NULL(t, files);
	if (!files)
		return false;
	saved_files = current->files;
	current->files = files;
	return true;
}

/* test_files_end - close everything in it and put the thread's own back. */
void test_files_end(void)
{
	struct files_struct *files = current->files;

	current->files = saved_files;
	put_files_struct(files);
}

/* test_write_file - write @s to @path (created or truncated) in @fs: the count. */
ssize_t test_write_file(struct fs_struct *fs, const char *path, const char *s,
			  umode_t mode)
{
	struct file *f = do_filp_open(fs, path, O_WRONLY | O_CREAT | O_TRUNC, mode);
	ssize_t n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = kernel_write(f, s, strlen(s), NULL);
	fput(f);
	return n;
}

/* test_path_err - does @path resolve in @fs (with @flags)?  0 or the walk's error. */
int test_path_err(struct fs_struct *fs, const char *path, unsigned int flags)
{
	struct dentry *d;
	int err = kern_path(fs, path, flags, &d);

	if (!err)
		dput(d);
	return err;
}

/* test_open_err - open and close @path in @fs with @flags: 0 or the error. */
long test_open_err(struct fs_struct *fs, const char *path, int flags)
{
	struct file *f = do_filp_open(fs, path, flags, 0644);

	if (IS_ERR(f))
		return PTR_ERR(f);
	fput(f);
	return 0;
}

static void vfs_root_has_dev_nodes(struct ktest *t)
{
	static const struct { const char *name; dev_t dev; } nodes[] = {
		{ "/dev/console", MKDEV(5, 1) },
		{ "/dev/null", MKDEV(1, 3) },
		{ "/dev/zero", MKDEV(1, 5) },
	};
	struct fs_struct fs = root_fs();
	struct dentry *d;
	unsigned int i;

	ktest_info(t, "/ is a directory; /dev/console, null, zero are char devices");
	KTEST_ASSERT_EQ(t, kern_path(&fs, "/", 0, &d), 0);
	KTEST_EXPECT_TRUE(t, d_is_dir(d) && d == init_fs.root);
	dput(d);
	for (i = 0; i < ARRAY_SIZE(nodes); i++) {
		KTEST_ASSERT_EQ(t, kern_path(&fs, nodes[i].name, 0, &d), 0);
		KTEST_EXPECT_TRUE(t, S_ISCHR(d->d_inode->i_mode));
		KTEST_EXPECT_EQ(t, d->d_inode->i_rdev, nodes[i].dev);
		dput(d);
	}
}

static void vfs_create_write_read(struct ktest *t)
{
	struct fs_struct *fs = scratch_begin(t);
	struct file *f;
	char buf[32] = { 0 };
	loff_t pos = 0;

	KTEST_ASSERT_NOT_NULL(t, fs);
	ktest_info(t, "O_CREAT makes a file; write, lseek and read it back");
	f = do_filp_open(fs, "a", O_RDWR | O_CREAT, 0644);
	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	KTEST_EXPECT_TRUE(t, S_ISREG(f->f_inode->i_mode));
	KTEST_EXPECT_EQ(t, f->f_inode->i_mode & S_IALLUGO, 0644);
	KTEST_EXPECT_EQ(t, kernel_write(f, "hello, world", 12, NULL), 12);
	KTEST_EXPECT_EQ(t, f->f_pos, 12);
	KTEST_EXPECT_EQ(t, i_size_read_file(f), 12);
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), NULL), 0);	/* at the end */
	KTEST_EXPECT_EQ(t, vfs_llseek(f, 7, SEEK_SET), 7);
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), NULL), 5);
	KTEST_EXPECT_EQ(t, memcmp(buf, "world", 5), 0);
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, 4, &pos), 4);	/* explicit position */
	KTEST_EXPECT_EQ(t, memcmp(buf, "hell", 4), 0);
	KTEST_EXPECT_EQ(t, pos, 4);
	fput(f);

	ktest_info(t, "O_EXCL on an existing name: EEXIST; no O_CREAT on a missing one: ENOENT");
	KTEST_EXPECT_EQ(t, test_open_err(fs, "a", O_RDWR | O_CREAT | O_EXCL), -EEXIST);
	KTEST_EXPECT_EQ(t, test_open_err(fs, "missing", O_RDONLY), -ENOENT);
	KTEST_EXPECT_EQ(t, test_open_err(fs, "a", O_RDONLY | O_CREAT), 0);

	ktest_info(t, "the umask applies to new files");
	fs->umask = 022;
	f = do_filp_open(fs, "b", O_WRONLY | O_CREAT, 0666);
	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	KTEST_EXPECT_EQ(t, f->f_inode->i_mode & S_IALLUGO, 0644);
	fput(f);
	scratch_end(t);
}

static void vfs_big_file_and_holes(struct ktest *t)
{
	struct fs_struct *fs = scratch_begin(t);
	static char pattern[3 * 4096 + 10], back[sizeof(pattern)];
	unsigned long free_before;
	struct file *f;
	unsigned int i;

	KTEST_ASSERT_NOT_NULL(t, fs);
	kmem_cache_shrink_all();
	free_before = nr_free_pages();
	for (i = 0; i < sizeof(pattern); i++)
		pattern[i] = (char)(i * 7 + i / 4096);
	ktest_info(t, "a write across page boundaries reads back byte for byte");
	f = do_filp_open(fs, "big", O_RDWR | O_CREAT, 0644);
	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	KTEST_EXPECT_EQ(t, kernel_write(f, pattern, sizeof(pattern), NULL), sizeof(pattern));
	KTEST_EXPECT_EQ(t, kernel_read(f, back, sizeof(back), &(loff_t){ 0 }), sizeof(back));
	KTEST_EXPECT_EQ(t, memcmp(pattern, back, sizeof(back)), 0);
	KTEST_EXPECT_EQ(t, free_before - nr_free_pages() >= 4, true);

	ktest_info(t, "lseek past the end and write: the gap reads as zeros, no page for it");
	KTEST_EXPECT_EQ(t, vfs_llseek(f, 100000, SEEK_SET), 100000);
	KTEST_EXPECT_EQ(t, kernel_write(f, "x", 1, NULL), 1);
	KTEST_EXPECT_EQ(t, i_size_read_file(f), 100001);
	KTEST_EXPECT_NULL(t, f->f_inode->i_pages[10]);
	memset(back, 0x55, 100);
	KTEST_EXPECT_EQ(t, kernel_read(f, back, 100, &(loff_t){ 50000 }), 100);
	KTEST_EXPECT_NULL(t, memchr_inv(back, 0, 100));
	KTEST_EXPECT_EQ(t, kernel_read(f, back, 10, &(loff_t){ 99999 }), 2);
	KTEST_EXPECT_EQ(t, back[0], 0);
	KTEST_EXPECT_EQ(t, back[1], 'x');

	ktest_info(t, "truncate to 5000 frees pages, then growing again reads zeros");
	KTEST_EXPECT_EQ(t, do_truncate(f->f_inode, 5000), 0);
	KTEST_EXPECT_EQ(t, i_size_read_file(f), 5000);
	KTEST_EXPECT_EQ(t, kernel_read(f, back, 10, &(loff_t){ 4995 }), 5);
	KTEST_EXPECT_EQ(t, do_truncate(f->f_inode, 6000), 0);
	KTEST_EXPECT_EQ(t, kernel_read(f, back, 10, &(loff_t){ 4998 }), 10);
	KTEST_EXPECT_EQ(t, memcmp(back, pattern + 4998, 2), 0);
	KTEST_EXPECT_NULL(t, memchr_inv(back + 2, 0, 8));
	KTEST_EXPECT_EQ(t, do_truncate(f->f_inode, -1), -EINVAL);
	fput(f);

	ktest_info(t, "O_TRUNC empties it; unlinking the closed file frees every page");
	f = do_filp_open(fs, "big", O_RDONLY | O_TRUNC, 0);
	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	KTEST_EXPECT_EQ(t, i_size_read_file(f), 0);
	fput(f);
	KTEST_EXPECT_EQ(t, do_unlinkat(fs, "big"), 0);
	kmem_cache_shrink_all();
	KTEST_EXPECT_EQ(t, nr_free_pages(), free_before);
	scratch_end(t);
}

static void vfs_append_and_lseek(struct ktest *t)
{
	struct fs_struct *fs = scratch_begin(t);
	struct file *f;
	char buf[16] = { 0 };

	KTEST_ASSERT_NOT_NULL(t, fs);
	KTEST_ASSERT_EQ(t, test_write_file(fs, "log", "abc", 0644), 3);
	ktest_info(t, "O_APPEND writes at the end whatever the position");
	f = do_filp_open(fs, "log", O_RDWR | O_APPEND, 0);
	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	KTEST_EXPECT_EQ(t, kernel_write(f, "de", 2, &(loff_t){ 0 }), 2);
	KTEST_EXPECT_EQ(t, kernel_write(f, "f", 1, NULL), 1);
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &(loff_t){ 0 }), 6);
	KTEST_EXPECT_EQ(t, memcmp(buf, "abcdef", 6), 0);

	ktest_info(t, "lseek: SEEK_SET, SEEK_CUR, SEEK_END; negative or bad whence is EINVAL");
	KTEST_EXPECT_EQ(t, vfs_llseek(f, 2, SEEK_SET), 2);
	KTEST_EXPECT_EQ(t, vfs_llseek(f, 3, SEEK_CUR), 5);
	KTEST_EXPECT_EQ(t, vfs_llseek(f, -1, SEEK_END), 5);
	KTEST_EXPECT_EQ(t, vfs_llseek(f, 10, SEEK_END), 16);
	KTEST_EXPECT_EQ(t, vfs_llseek(f, -17, SEEK_CUR), -EINVAL);
	KTEST_EXPECT_EQ(t, f->f_pos, 16);
	KTEST_EXPECT_EQ(t, vfs_llseek(f, 0, 7), -EINVAL);
	KTEST_EXPECT_EQ(t, vfs_llseek(f, MAX_NON_LFS + 1, SEEK_SET), -EINVAL);
	fput(f);
	scratch_end(t);
}

static void vfs_iov_segments(struct ktest *t)
{
	struct fs_struct *fs = scratch_begin(t);
	char a[3] = "abc", b[5] = "defgh", back1[4], back2[20];
	struct kvec out[4] = { { a, 3 }, { NULL, 0 }, { b, 5 }, { a, 1 } };
	struct kvec in[2] = { { back1, 4 }, { back2, sizeof(back2) } };
	struct iov_iter it;
	struct file *f;
	loff_t pos = 0;

	KTEST_ASSERT_NOT_NULL(t, fs);
	ktest_info(t, "a write from 4 segments (one empty) and a read into 2 (as writev/readv)");
	f = do_filp_open(fs, "v", O_RDWR | O_CREAT, 0644);
	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	iov_iter_kvec(&it, out, 4, 9);
	KTEST_EXPECT_EQ(t, vfs_write(f, &it, &pos), 9);
	KTEST_EXPECT_EQ(t, iov_iter_count(&it), 0);
	pos = 0;
	iov_iter_kvec(&it, in, 2, 4 + sizeof(back2));
	KTEST_EXPECT_EQ(t, vfs_read(f, &it, &pos), 9);
	KTEST_EXPECT_EQ(t, memcmp(back1, "abcd", 4), 0);
	KTEST_EXPECT_EQ(t, memcmp(back2, "efgha", 5), 0);
	KTEST_EXPECT_EQ(t, iov_iter_count(&it), 4 + sizeof(back2) - 9);
	ktest_info(t, "a negative position is EINVAL");
	pos = -1;
	iov_iter_kvec(&it, in, 1, 4);
	KTEST_EXPECT_EQ(t, vfs_read(f, &it, &pos), -EINVAL);
	fput(f);
	scratch_end(t);
}

static void vfs_access_modes_and_types(struct ktest *t)
{
	struct fs_struct *fs = scratch_begin(t);
	struct file *f;
	char buf[4];

	KTEST_ASSERT_NOT_NULL(t, fs);
	KTEST_ASSERT_EQ(t, test_write_file(fs, "f", "data", 0644), 4);
	KTEST_ASSERT_EQ(t, do_mkdirat(fs, "d", 0755), 0);
	ktest_info(t, "writing an O_RDONLY file or reading an O_WRONLY one: EBADF");
	f = do_filp_open(fs, "f", O_RDONLY, 0);
	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	KTEST_EXPECT_EQ(t, kernel_write(f, "x", 1, NULL), -EBADF);
	fput(f);
	f = do_filp_open(fs, "f", O_WRONLY, 0);
	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, 1, NULL), -EBADF);
	fput(f);
	f = do_filp_open(fs, "f", O_ACCMODE, 0);	/* 3: neither */
	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, 1, NULL), -EBADF);
	KTEST_EXPECT_EQ(t, kernel_write(f, "x", 1, NULL), -EBADF);
	fput(f);

	ktest_info(t, "directories: read EISDIR, open for writing EISDIR, O_DIRECTORY on a file ENOTDIR");
	f = do_filp_open(fs, "d", O_RDONLY, 0);
	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, 1, NULL), -EISDIR);
	fput(f);
	KTEST_EXPECT_EQ(t, test_open_err(fs, "d", O_WRONLY), -EISDIR);
	KTEST_EXPECT_EQ(t, test_open_err(fs, "d", O_RDWR), -EISDIR);
	KTEST_EXPECT_EQ(t, test_open_err(fs, "d", O_RDONLY | O_TRUNC), -EISDIR);
	KTEST_EXPECT_EQ(t, test_open_err(fs, "d", O_RDONLY | O_CREAT), -EISDIR);
	KTEST_EXPECT_EQ(t, test_open_err(fs, "d", O_RDONLY | O_DIRECTORY), 0);
	KTEST_EXPECT_EQ(t, test_open_err(fs, "f", O_RDONLY | O_DIRECTORY), -ENOTDIR);
	KTEST_EXPECT_EQ(t, test_open_err(fs, "n", O_RDONLY | O_CREAT | O_DIRECTORY), -EINVAL);
	KTEST_EXPECT_EQ(t, test_open_err(fs, "n/", O_RDWR | O_CREAT), -EISDIR);
	KTEST_EXPECT_EQ(t, test_open_err(fs, "/", O_RDWR | O_CREAT), -EISDIR);

	ktest_info(t, "access(): F_OK, X_OK needs an x bit or a directory, bad mode EINVAL");
	KTEST_EXPECT_EQ(t, do_faccessat(fs, "f", F_OK), 0);
	KTEST_EXPECT_EQ(t, do_faccessat(fs, "f", R_OK | W_OK), 0);
	KTEST_EXPECT_EQ(t, do_faccessat(fs, "f", X_OK), -EACCES);
	KTEST_EXPECT_EQ(t, do_faccessat(fs, "d", X_OK), 0);
	KTEST_EXPECT_EQ(t, do_faccessat(fs, "nope", F_OK), -ENOENT);
	KTEST_EXPECT_EQ(t, do_faccessat(fs, "f", 8), -EINVAL);
	scratch_end(t);
}

static void vfs_char_devices(struct ktest *t)
{
	struct fs_struct fs = root_fs();
	struct fs_struct *sfs = scratch_begin(t);
	char buf[8];
	struct file *f;

	KTEST_ASSERT_NOT_NULL(t, sfs);
	ktest_info(t, "/dev/null reads 0 bytes and takes every write; lseek stays at 0");
	f = do_filp_open(&fs, "/dev/null", O_RDWR, 0);
	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), NULL), 0);
	KTEST_EXPECT_EQ(t, kernel_write(f, "abc", 3, NULL), 3);
	KTEST_EXPECT_EQ(t, vfs_llseek(f, 100, SEEK_SET), 0);
	fput(f);
	ktest_info(t, "/dev/zero reads zeros");
	f = do_filp_open(&fs, "/dev/zero", O_RDONLY, 0);
	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	memset(buf, 1, sizeof(buf));
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), NULL), sizeof(buf));
	KTEST_EXPECT_NULL(t, memchr_inv(buf, 0, sizeof(buf)));
	fput(f);
	ktest_info(t, "/dev/console opens; it is a stream (ESPIPE)");
	f = do_filp_open(&fs, "/dev/console", O_WRONLY, 0);
	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	KTEST_EXPECT_EQ(t, vfs_llseek(f, 0, SEEK_SET), -ESPIPE);
	fput(f);
	ktest_info(t, "a device node without a driver: ENXIO");
	KTEST_EXPECT_EQ(t, do_mknodat(sfs, "nodev", S_IFCHR | 0600, MKDEV(42, 0)), 0);
	KTEST_EXPECT_EQ(t, test_open_err(sfs, "nodev", O_RDONLY), -ENXIO);
	scratch_end(t);
}

static void vfs_open_exec(struct ktest *t)
{
	struct fs_struct *fs = scratch_begin(t);
	struct file *f;
	char buf[8];

	KTEST_ASSERT_NOT_NULL(t, fs);
	KTEST_ASSERT_EQ(t, test_write_file(fs, "prog", "\177ELF", 0755), 4);
	KTEST_ASSERT_EQ(t, test_write_file(fs, "text", "hi", 0644), 2);
	ktest_info(t, "open_exec: an executable file opens and reads; others EACCES/ENOENT");
	f = open_exec(SCRATCH "/prog");
	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	KTEST_EXPECT_EQ(t, i_size_read_file(f), 4);
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &(loff_t){ 0 }), 4);
	KTEST_EXPECT_EQ(t, memcmp(buf, "\177ELF", 4), 0);
	KTEST_EXPECT_EQ(t, kernel_write(f, "x", 1, NULL), -EBADF);
	fput(f);
	KTEST_EXPECT_EQ(t, PTR_ERR(open_exec(SCRATCH "/text")), -EACCES);
	KTEST_EXPECT_EQ(t, PTR_ERR(open_exec(SCRATCH)), -EACCES);
	KTEST_EXPECT_EQ(t, PTR_ERR(open_exec(SCRATCH "/nope")), -ENOENT);
	KTEST_EXPECT_EQ(t, PTR_ERR(open_exec(SCRATCH "/text/x")), -ENOTDIR);
	f = filp_open(SCRATCH "/text", O_RDONLY, 0);
	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	fput(f);
	scratch_end(t);
}

static void vfs_initramfs_contents(struct ktest *t)
{
	static const char motd[] = "Welcome to Nest.\n";
	struct fs_struct fs = root_fs();
	struct file *f;
	char buf[64] = { 0 };

	if (!boot_params.nr_modules) {
		ktest_skip(t, "no initramfs module (boot with -initrd build/initramfs.cpio)");
		return;
	}
	ktest_info(t, "/etc/motd from the initramfs reads \"Welcome to Nest.\\n\"");
	f = do_filp_open(&fs, "/etc/motd", O_RDONLY, 0);
	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), NULL), sizeof(motd) - 1);
	KTEST_EXPECT_EQ(t, strcmp(buf, motd), 0);
	KTEST_EXPECT_EQ(t, f->f_inode->i_mode & S_IALLUGO, 0644);
	fput(f);
	ktest_info(t, "/bin, /sbin, /etc, /tmp are directories");
	KTEST_EXPECT_EQ(t, test_path_err(&fs, "/bin", LOOKUP_DIRECTORY), 0);
	KTEST_EXPECT_EQ(t, test_path_err(&fs, "/sbin", LOOKUP_DIRECTORY), 0);
	KTEST_EXPECT_EQ(t, test_path_err(&fs, "/etc/", 0), 0);
	KTEST_EXPECT_EQ(t, test_path_err(&fs, "/tmp/", 0), 0);
}

static struct ktest_case vfs_cases[] = {
	KTEST_CASE(vfs_root_has_dev_nodes),
	KTEST_CASE(vfs_create_write_read),
	KTEST_CASE(vfs_big_file_and_holes),
	KTEST_CASE(vfs_append_and_lseek),
	KTEST_CASE(vfs_iov_segments),
	KTEST_CASE(vfs_access_modes_and_types),
	KTEST_CASE(vfs_path_walk),
	KTEST_CASE(vfs_mkdir_rmdir_unlink),
	KTEST_CASE(vfs_getdents),
	KTEST_CASE(vfs_cwd_and_getcwd),
	KTEST_CASE(vfs_char_devices),
	KTEST_CASE(vfs_open_exec),
	KTEST_CASE(vfs_initramfs_contents),
	KTEST_CASE(cpio_unpacks_members),
	KTEST_CASE(cpio_rejects_malformed),
	KTEST_CASE(fd_lowest_free),
	KTEST_CASE(fd_dup_and_dup2),
	KTEST_CASE(fd_close_on_exec),
	KTEST_CASE(fd_emfile_at_1024),
	KTEST_CASE(fd_fcntl_flags),
	KTEST_CASE(fd_fork_copies_or_shares),
	{}
};

static struct ktest_suite vfs_suite = { .name = "vfs", .cases = vfs_cases };
KTEST_SUITE(vfs_suite);
