/*
 * tests/ktest/fs_fd_test.c - the file table cases of the `vfs` suite
 * (its table of cases is in fs_test.c): the lowest free fd, dup, dup2,
 * dup3, fcntl, close-on-exec, EMFILE at 1024, and fork's copy_files /
 * copy_fs.  Each case runs with an empty file table of its own in place
 * of the test thread's (test_files_begin/end in fs_test.c).
 */
#include <nest/ktest.h>
#include <nest/fs.h>
#include <nest/sched.h>
#include <nest/string.h>
#include <nest/errno.h>
#include <uapi/fcntl.h>
#include <uapi/sched.h>

/* From fs_test.c. */
struct fs_struct *scratch_begin(struct ktest *t);
void scratch_end(struct ktest *t);
bool test_files_begin(struct ktest *t);
void test_files_end(void);
/* The cases, listed in fs_test.c's table. */
void fd_lowest_free(struct ktest *t);
void fd_dup_and_dup2(struct ktest *t);
void fd_close_on_exec(struct ktest *t);
void fd_emfile_at_1024(struct ktest *t);
void fd_fcntl_flags(struct ktest *t);
void fd_fork_copies_or_shares(struct ktest *t);

/* Open @path (absolute) from the real root into current's table. */
static long open_root(const char *path, int flags)
{
	struct fs_struct fs = { .users = 1, .root = init_fs.root, .pwd = init_fs.root };

	return do_sys_open(&fs, path, flags, 0);
}

/* The open file at @fd, without keeping a reference (the table holds one). */
static struct file *file_at(unsigned int fd)
{
	struct file *f = fget(fd);

	if (f)
		fput(f);
	return f;
}

void fd_lowest_free(struct ktest *t)
{
	int i;

	KTEST_ASSERT_TRUE(t, test_files_begin(t));
	ktest_info(t, "opens take 0, 1, 2...; after closing 1 and 3 the next are 1, 3, 5");
	for (i = 0; i < 5; i++)
		KTEST_EXPECT_EQ(t, open_root("/dev/null", O_RDWR), i);
	KTEST_EXPECT_EQ(t, sys_close(1), 0);
	KTEST_EXPECT_EQ(t, sys_close(3), 0);
	KTEST_EXPECT_NULL(t, file_at(1));
	KTEST_EXPECT_EQ(t, open_root("/dev/null", O_RDWR), 1);
	KTEST_EXPECT_EQ(t, open_root("/dev/null", O_RDWR), 3);
	KTEST_EXPECT_EQ(t, open_root("/dev/null", O_RDWR), 5);
	ktest_info(t, "a failed open leaves no fd behind");
	KTEST_EXPECT_EQ(t, open_root("/nope", O_RDONLY), -ENOENT);
	KTEST_EXPECT_EQ(t, open_root("/dev/null", O_RDWR), 6);
	ktest_info(t, "close of a closed, negative or huge fd: EBADF");
	KTEST_EXPECT_EQ(t, sys_close(1), 0);
	KTEST_EXPECT_EQ(t, sys_close(1), -EBADF);
	KTEST_EXPECT_EQ(t, sys_close(-1), -EBADF);
	KTEST_EXPECT_EQ(t, sys_close(100000), -EBADF);
	test_files_end();
}

void fd_dup_and_dup2(struct ktest *t)
{
	struct fs_struct *fs = scratch_begin(t);
	struct file *f0, *old2;

	KTEST_ASSERT_NOT_NULL(t, fs);
	KTEST_ASSERT_TRUE(t, test_files_begin(t));
	KTEST_ASSERT_EQ(t, do_sys_open(fs, "f", O_RDWR | O_CREAT, 0644), 0);
	f0 = file_at(0);
	ktest_info(t, "dup gives the lowest fd and the same open file (one offset)");
	KTEST_EXPECT_EQ(t, sys_dup(0), 1);
	KTEST_EXPECT_PTR_EQ(t, file_at(1), f0);
	KTEST_EXPECT_EQ(t, kernel_write(f0, "abc", 3, NULL), 3);
	KTEST_EXPECT_EQ(t, sys_lseek(1, 0, SEEK_CUR), 3);
	KTEST_EXPECT_EQ(t, sys_lseek(1, -1, SEEK_END), 2);
	KTEST_EXPECT_EQ(t, f0->f_pos, 2);
	KTEST_EXPECT_EQ(t, sys_lseek(1, 0, 9), -EINVAL);
	KTEST_EXPECT_EQ(t, sys_lseek(9, 0, SEEK_SET), -EBADF);
	KTEST_EXPECT_EQ(t, sys_dup(99), -EBADF);

	ktest_info(t, "dup2: to a free fd, onto itself, onto an open fd (closing it)");
	KTEST_EXPECT_EQ(t, sys_dup2(0, 10), 10);
	KTEST_EXPECT_PTR_EQ(t, file_at(10), f0);
	KTEST_EXPECT_EQ(t, sys_dup2(0, 0), 0);
	KTEST_EXPECT_EQ(t, sys_dup2(7, 7), -EBADF);
	KTEST_EXPECT_EQ(t, sys_dup2(99, 5), -EBADF);
	KTEST_EXPECT_EQ(t, sys_dup2(0, NR_OPEN), -EBADF);
	KTEST_EXPECT_EQ(t, open_root("/dev/null", O_RDWR), 2);
	old2 = fget(2);
	KTEST_EXPECT_EQ(t, old2->f_count, 2);
	KTEST_EXPECT_EQ(t, sys_dup2(0, 2), 2);
	KTEST_EXPECT_PTR_EQ(t, file_at(2), f0);
	KTEST_EXPECT_EQ(t, old2->f_count, 1);		/* only ours is left */
	fput(old2);
	KTEST_EXPECT_EQ(t, f0->f_count, 4);		/* fds 0, 1, 2, 10 */

	ktest_info(t, "dup2 past the table grows it; F_DUPFD takes the lowest >= arg");
	KTEST_EXPECT_EQ(t, sys_dup2(0, 700), 700);
	KTEST_EXPECT_GE(t, current->files->fdt->max_fds, 701);
	KTEST_EXPECT_EQ(t, sys_fcntl(0, F_DUPFD, 5), 5);
	KTEST_EXPECT_EQ(t, sys_fcntl(0, F_DUPFD, 0), 3);
	KTEST_EXPECT_EQ(t, sys_fcntl(0, F_DUPFD, 700), 701);
	KTEST_EXPECT_EQ(t, sys_fcntl(0, F_DUPFD, NR_OPEN), -EINVAL);
	ktest_info(t, "dup3: EINVAL for the same fd or flags other than O_CLOEXEC");
	KTEST_EXPECT_EQ(t, ksys_dup3(0, 0, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, ksys_dup3(0, 30, O_NONBLOCK), -EINVAL);
	KTEST_EXPECT_EQ(t, ksys_dup3(0, 30, O_CLOEXEC), 30);
	KTEST_EXPECT_EQ(t, sys_fcntl(30, F_GETFD, 0), FD_CLOEXEC);
	test_files_end();
	scratch_end(t);
}

void fd_close_on_exec(struct ktest *t)
{
	KTEST_ASSERT_TRUE(t, test_files_begin(t));
	ktest_info(t, "O_CLOEXEC, F_SETFD, F_DUPFD_CLOEXEC mark fds; dup does not copy the mark");
	KTEST_EXPECT_EQ(t, open_root("/dev/null", O_RDWR | O_CLOEXEC), 0);
	KTEST_EXPECT_EQ(t, sys_fcntl(0, F_GETFD, 0), FD_CLOEXEC);
	KTEST_EXPECT_EQ(t, open_root("/dev/null", O_RDWR), 1);
	KTEST_EXPECT_EQ(t, sys_fcntl(1, F_GETFD, 0), 0);
	KTEST_EXPECT_EQ(t, sys_dup(0), 2);
	KTEST_EXPECT_EQ(t, sys_fcntl(2, F_GETFD, 0), 0);
	KTEST_EXPECT_EQ(t, sys_fcntl(1, F_DUPFD_CLOEXEC, 0), 3);
	KTEST_EXPECT_EQ(t, sys_fcntl(3, F_GETFD, 0), FD_CLOEXEC);
	KTEST_EXPECT_EQ(t, sys_fcntl(1, F_SETFD, FD_CLOEXEC), 0);
	KTEST_EXPECT_EQ(t, sys_fcntl(0, F_SETFD, 0), 0);
	KTEST_EXPECT_EQ(t, sys_fcntl(0, F_GETFD, 0), 0);
	KTEST_EXPECT_EQ(t, sys_fcntl(4, F_GETFD, 0), -EBADF);

	ktest_info(t, "exec closes exactly the marked fds (1 and 3); their numbers are free again");
	do_close_on_exec(current->files);
	KTEST_EXPECT_NOT_NULL(t, file_at(0));
	KTEST_EXPECT_NULL(t, file_at(1));
	KTEST_EXPECT_NOT_NULL(t, file_at(2));
	KTEST_EXPECT_NULL(t, file_at(3));
	KTEST_EXPECT_EQ(t, open_root("/dev/null", O_RDWR), 1);
	KTEST_EXPECT_EQ(t, sys_fcntl(1, F_GETFD, 0), 0);
	test_files_end();
}

void fd_emfile_at_1024(struct ktest *t)
{
	int i, wrong = 0, fds[2];

	KTEST_ASSERT_TRUE(t, test_files_begin(t));
	ktest_info(t, "1024 opens give fds 0..1023; the 1025th open is EMFILE");
	for (i = 0; i < NR_OPEN; i++)
		wrong += open_root("/dev/null", O_RDONLY) != i;
	KTEST_EXPECT_EQ(t, wrong, 0);
	KTEST_EXPECT_EQ(t, current->files->fdt->max_fds, NR_OPEN);
	KTEST_EXPECT_EQ(t, open_root("/dev/null", O_RDONLY), -EMFILE);
	ktest_info(t, "so are dup, F_DUPFD and pipe; dup2 onto an open fd still works");
	KTEST_EXPECT_EQ(t, sys_dup(0), -EMFILE);
	KTEST_EXPECT_EQ(t, sys_fcntl(0, F_DUPFD, 0), -EMFILE);
	KTEST_EXPECT_EQ(t, do_pipe_flags(fds, 0), -EMFILE);
	KTEST_EXPECT_EQ(t, sys_dup2(0, NR_OPEN - 1), NR_OPEN - 1);
	ktest_info(t, "after close(500) the next open gets 500");
	KTEST_EXPECT_EQ(t, sys_close(500), 0);
	KTEST_EXPECT_EQ(t, open_root("/dev/null", O_RDONLY), 500);
	test_files_end();
}

void fd_fcntl_flags(struct ktest *t)
{
	struct fs_struct *fs = scratch_begin(t);

	KTEST_ASSERT_NOT_NULL(t, fs);
	KTEST_ASSERT_TRUE(t, test_files_begin(t));
	ktest_info(t, "F_GETFL: the access mode and status flags, not O_CREAT/O_TRUNC/O_CLOEXEC");
	KTEST_ASSERT_EQ(t, do_sys_open(fs, "f", O_RDWR | O_CREAT | O_TRUNC | O_APPEND |
				       O_CLOEXEC, 0644), 0);
	KTEST_EXPECT_EQ(t, sys_fcntl(0, F_GETFL, 0), O_RDWR | O_APPEND);
	ktest_info(t, "F_SETFL changes O_APPEND and O_NONBLOCK only");
	KTEST_EXPECT_EQ(t, sys_fcntl(0, F_SETFL, O_NONBLOCK), 0);
	KTEST_EXPECT_EQ(t, sys_fcntl(0, F_GETFL, 0), O_RDWR | O_NONBLOCK);
	KTEST_EXPECT_EQ(t, sys_fcntl(0, F_SETFL, O_WRONLY | O_APPEND | O_CREAT), 0);
	KTEST_EXPECT_EQ(t, sys_fcntl(0, F_GETFL, 0), O_RDWR | O_APPEND);
	KTEST_EXPECT_EQ(t, open_root("/dev/null", O_WRONLY), 1);
	KTEST_EXPECT_EQ(t, sys_fcntl(1, F_GETFL, 0), O_WRONLY);
	ktest_info(t, "an unknown command is EINVAL, a closed fd EBADF");
	KTEST_EXPECT_EQ(t, sys_fcntl(0, 999, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, sys_fcntl(77, F_GETFL, 0), -EBADF);
	test_files_end();
	scratch_end(t);
}

void fd_fork_copies_or_shares(struct ktest *t)
{
	static struct task_struct child;
	struct fs_struct *fs = scratch_begin(t), *saved_fs = current->fs;
	struct file *f0;
	char buf[8];
	int i;

	KTEST_ASSERT_NOT_NULL(t, fs);
	KTEST_ASSERT_TRUE(t, test_files_begin(t));
	KTEST_ASSERT_EQ(t, open_root("/dev/null", O_RDWR), 0);
	KTEST_ASSERT_EQ(t, open_root("/dev/zero", O_RDONLY | O_CLOEXEC), 1);
	f0 = file_at(0);
	ktest_info(t, "fork: the child's table has the same files and close-on-exec marks");
	memset(&child, 0, sizeof(child));
	KTEST_ASSERT_EQ(t, copy_files(0, &child), 0);
	KTEST_EXPECT_PTR_NE(t, child.files, current->files);
	KTEST_EXPECT_PTR_EQ(t, child.files->fdt->fd[0], f0);
	KTEST_EXPECT_EQ(t, f0->f_count, 2);
	KTEST_EXPECT_TRUE(t, child.files->fdt->close_on_exec[0] & 2);
	ktest_info(t, "closing in the child leaves the parent's fd open");
	KTEST_EXPECT_EQ(t, __close_fd(child.files, 0), 0);
	KTEST_EXPECT_EQ(t, f0->f_count, 1);
	KTEST_EXPECT_PTR_EQ(t, file_at(0), f0);
	exit_files(&child);
	KTEST_EXPECT_NULL(t, child.files);
	KTEST_EXPECT_EQ(t, kernel_read(file_at(1), buf, 4, NULL), 4);	/* still open */

	ktest_info(t, "CLONE_FILES shares the table itself");
	KTEST_ASSERT_EQ(t, copy_files(CLONE_FILES, &child), 0);
	KTEST_EXPECT_PTR_EQ(t, child.files, current->files);
	KTEST_EXPECT_EQ(t, current->files->count, 2);
	exit_files(&child);
	KTEST_EXPECT_EQ(t, current->files->count, 1);

	ktest_info(t, "a table past 32 fds is copied whole");
	for (i = 2; i < 40; i++)
		KTEST_EXPECT_EQ(t, sys_dup(0), i);
	KTEST_ASSERT_EQ(t, copy_files(0, &child), 0);
	KTEST_EXPECT_GE(t, child.files->fdt->max_fds, 40);
	KTEST_EXPECT_PTR_EQ(t, child.files->fdt->fd[39], f0);
	KTEST_EXPECT_EQ(t, f0->f_count, 2 * 39);
	exit_files(&child);
	test_files_end();

	ktest_info(t, "copy_fs: a copy has its own cwd; CLONE_FS shares it");
	current->fs = fs;
	KTEST_ASSERT_EQ(t, do_mkdirat(fs, "d", 0755), 0);
	KTEST_ASSERT_EQ(t, copy_fs(0, &child), 0);
	KTEST_EXPECT_PTR_NE(t, child.fs, fs);
	KTEST_EXPECT_EQ(t, do_chdir(child.fs, "d"), 0);
	KTEST_EXPECT_PTR_EQ(t, fs->pwd, fs->root);
	KTEST_EXPECT_PTR_NE(t, child.fs->pwd, fs->root);
	exit_fs(&child);
	KTEST_EXPECT_NULL(t, child.fs);
	KTEST_ASSERT_EQ(t, copy_fs(CLONE_FS, &child), 0);
	KTEST_EXPECT_PTR_EQ(t, child.fs, fs);
	KTEST_EXPECT_EQ(t, fs->users, 2);
	exit_fs(&child);
	KTEST_EXPECT_EQ(t, fs->users, 1);
	current->fs = saved_fs;
	scratch_end(t);
}
