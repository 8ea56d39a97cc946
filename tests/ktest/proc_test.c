/*
 * tests/ktest/proc_test.c - the `proc` suite: procfs and the mount table
 * from the inside (fs/proc/, fs/namespace.c, the walk's mount and symlink
 * steps in fs/namei.c).  Runs in pid 1 (kernel_init) before init is
 * exec'd, with the boot-time /proc mounted.
 *
 *   proc_mounted_at_boot          /proc is a mount of the initial namespace
 *   proc_lookups_and_links        names, errors, /proc/self, "..", getcwd
 *   proc_listing_matches_tasks    /proc lists exactly the live group leaders
 *   proc_system_files             meminfo, slabinfo, sys/kernel/pid_max
 *   proc_dir_goes_with_process    a thread's /proc/PID goes once it is reaped;
 *                                 files opened before then say ESRCH
 *   proc_nested_namespace         a namespace's init (a kernel thread made
 *                                 with CLONE_NEWPID) mounts its own /proc
 *   proc_mount_rules              mount/umount errors, busy mounts
 */
#include <nest/ktest.h>
#include <nest/fs.h>
#include <nest/mount.h>
#include <nest/pid.h>
#include <nest/pid_namespace.h>
#include <nest/kthread.h>
#include <nest/sched.h>
#include <nest/wait.h>
#include <nest/workqueue.h>
#include <nest/slab.h>
#include <nest/mm.h>
#include <nest/string.h>
#include <nest/errno.h>
#include <uapi/fcntl.h>
#include <uapi/sched.h>
#include "../../fs/proc/internal.h"	/* struct proc_fs_info */

#define TEXT_MAX	(4 * PAGE_SIZE)	/* the longest /proc text read whole here */
#define MAX_LISTED	64		/* pids a listing may hold in these tests */
#define NS_MOUNT	"/tmp/ktest-proc-ns"
#define SCRATCH_MOUNT	"/tmp/ktest-proc-m"
#define DRAIN_ROUNDS	(MAX_PID_NS_LEVEL + 2)

static char text[TEXT_MAX];

/* Read all of @path (at most TEXT_MAX - 1 bytes) into text[]: the length or -errno. */
static long read_text(const char *path)
{
	struct file *f = filp_open(path, O_RDONLY, 0);
	loff_t pos = 0;
	long n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = kernel_read(f, text, TEXT_MAX - 1, &pos);
	fput(f);
	text[n > 0 ? n : 0] = '\0';
	return n;
}

/* readlink @path into @buf (NUL-terminated): the length or -errno. */
static int read_link(const char *path, char *buf, int size)
{
	int n = do_readlinkat(current_fs(), path, buf, size - 1);

	buf[n > 0 ? n : 0] = '\0';
	return n;
}

/* The walk's error for @path (0 if it exists), following a last link. */
static int path_err(const char *path)
{
	struct dentry *d;
	int err = kern_path(current_fs(), path, LOOKUP_FOLLOW, &d);

	if (!err)
		dput(d);
	return err;
}

/* The value after "@key\t" in status text[], up to the line's end, into @out. */
static bool status_field(const char *key, char *out, size_t size)
{
	const char *p = text, *end;
	size_t klen = strlen(key);

	while (p && *p) {
		if (!strncmp(p, key, klen) && p[klen] == '\t') {
			p += klen + 1;
			end = strchr(p, '\n');
			if (!end || (size_t)(end - p) >= size)
				return false;
			memcpy(out, p, end - p);
			out[end - p] = '\0';
			return true;
		}
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return false;
}

/* Run the workqueue until the namespaces are back to @count (they go through free_work). */
static void drain_namespaces(unsigned long count)
{
	int i;

	for (i = 0; i < DRAIN_ROUNDS && nr_pid_namespaces() > count; i++)
		flush_workqueue(system_wq);
}

static void proc_mounted_at_boot(struct ktest *t)
{
	struct dentry *d, *up;

	KTEST_ASSERT_EQ(t, kern_path(current_fs(), "/proc", 0, &d), 0);
	KTEST_EXPECT_TRUE(t, IS_ROOT(d));
	KTEST_EXPECT_NOT_NULL(t, lookup_mnt_root(d));
	KTEST_EXPECT_PTR_EQ(t, d->d_inode->i_proc.fs_info->pid_ns, &init_pid_ns);
	dput(d);
	ktest_info(t, "\"..\" of the mounted root is the covered directory's parent");
	KTEST_ASSERT_EQ(t, kern_path(current_fs(), "/proc/..", 0, &up), 0);
	KTEST_EXPECT_PTR_EQ(t, up, current_fs()->root);
	dput(up);
	KTEST_ASSERT_EQ(t, kern_path(current_fs(), "/proc/sys/kernel/../../..", 0, &up), 0);
	KTEST_EXPECT_PTR_EQ(t, up, current_fs()->root);
	dput(up);
}

static void proc_lookups_and_links(struct ktest *t)
{
	static const char *const missing[] = {
		"/proc/0", "/proc/01", "/proc/+1", "/proc/1x", "/proc/99999",
		"/proc/1234567890123", "/proc/nope", "/proc/1/nope", "/proc/sys/nope",
	};
	struct fs_struct *fs;
	char link[32];
	unsigned int i;

	ktest_info(t, "/proc/self is this thread's pid (1), and a walk goes through it");
	KTEST_EXPECT_EQ(t, read_link("/proc/self", link, sizeof(link)), 1);
	KTEST_EXPECT_EQ(t, strcmp(link, "1"), 0);
	KTEST_EXPECT_EQ(t, path_err("/proc/self/status"), 0);
	KTEST_EXPECT_EQ(t, path_err("/proc/self/ns/"), 0);
	KTEST_EXPECT_GT(t, read_text("/proc/self/stat"), 0);
	KTEST_EXPECT_EQ(t, strncmp(text, "1 (", 3), 0);
	ktest_info(t, "readlink gives the target without a NUL, cut to the buffer");
	KTEST_EXPECT_EQ(t, do_readlinkat(current_fs(), "/proc/self/ns/pid", link, 4), 4);
	KTEST_EXPECT_EQ(t, memcmp(link, "pid:", 4), 0);
	KTEST_EXPECT_EQ(t, read_link("/proc/1/ns/pid", link, sizeof(link)), 16);
	KTEST_EXPECT_EQ(t, strcmp(link, "pid:[4026531836]"), 0);
	KTEST_EXPECT_EQ(t, read_link("/proc/meminfo", link, sizeof(link)), -EINVAL);
	KTEST_EXPECT_EQ(t, do_readlinkat(current_fs(), "/proc/self", link, 0), -EINVAL);

	ktest_info(t, "names that are not there: ENOENT; through a file: ENOTDIR");
	for (i = 0; i < ARRAY_SIZE(missing); i++)
		KTEST_EXPECT_EQ(t, path_err(missing[i]), -ENOENT);
	KTEST_EXPECT_EQ(t, path_err("/proc/meminfo/x"), -ENOTDIR);
	KTEST_EXPECT_EQ(t, path_err("/proc/self/ns/pid"), -ENOENT);	/* no nsfs */
	KTEST_EXPECT_EQ(t, do_mkdirat(current_fs(), "/proc/x", 0755), -ENOENT);
	KTEST_EXPECT_EQ(t, do_rmdir(current_fs(), "/proc/1"), -EPERM);
	KTEST_EXPECT_EQ(t, do_unlinkat(current_fs(), "/proc/meminfo"), -EPERM);

	ktest_info(t, "getcwd inside /proc crosses back over the mount");
	fs = copy_fs_struct(current_fs());
	KTEST_ASSERT_NOT_NULL(t, fs);
	KTEST_EXPECT_EQ(t, do_chdir(fs, "/proc/self/ns"), 0);
	KTEST_EXPECT_EQ(t, do_getcwd(fs, link, sizeof(link)), 11);
	KTEST_EXPECT_EQ(t, strcmp(link, "/proc/1/ns"), 0);
	KTEST_EXPECT_EQ(t, do_chdir(fs, "../../sys"), 0);
	KTEST_EXPECT_EQ(t, do_getcwd(fs, link, sizeof(link)), 10);
	KTEST_EXPECT_EQ(t, strcmp(link, "/proc/sys"), 0);
	fs->users = 0;
	free_fs_struct(fs);
}

struct listing {
	struct dir_context ctx;
	int pids[MAX_LISTED];
	unsigned int nr_pids;
	unsigned int nr_names;		/* everything but the pids, "." and ".." */
	bool sorted;
};

static bool collect(struct dir_context *ctx, const char *name, int namelen,
		    loff_t next_off, u64 ino, unsigned int d_type)
{
	struct listing *l = container_of(ctx, struct listing, ctx);
	int nr = 0, i;

	for (i = 0; i < namelen && name[i] >= '0' && name[i] <= '9'; i++)
		nr = nr * 10 + (name[i] - '0');
	if (i < namelen || !namelen) {
		if (name[0] != '.')
			l->nr_names++;
		return true;
	}
	if (l->nr_pids && l->pids[l->nr_pids - 1] >= nr)
		l->sorted = false;
	if (l->nr_pids < MAX_LISTED)
		l->pids[l->nr_pids++] = nr;
	return d_type == DT_DIR;
}

/* List /proc into @l: 0 or -errno. */
static int list_proc(struct listing *l)
{
	struct file *f = filp_open("/proc", O_RDONLY | O_DIRECTORY, 0);
	int err;

	memset(l, 0, sizeof(*l));
	l->ctx.actor = collect;
	l->sorted = true;
	if (IS_ERR(f))
		return PTR_ERR(f);
	err = iterate_dir(f, &l->ctx);
	fput(f);
	return err;
}

static bool listed(const struct listing *l, int nr)
{
	unsigned int i;

	for (i = 0; i < l->nr_pids; i++)
		if (l->pids[i] == nr)
			return true;
	return false;
}

static void proc_listing_matches_tasks(struct ktest *t)
{
	struct listing l;
	struct task_struct *p;
	unsigned int leaders = 0;

	KTEST_ASSERT_EQ(t, list_proc(&l), 0);
	KTEST_EXPECT_TRUE(t, l.sorted);
	KTEST_EXPECT_EQ(t, l.nr_names, 4);	/* meminfo self slabinfo sys */
	for_each_process(p) {
		if (!thread_group_leader(p))
			continue;
		leaders++;
		KTEST_EXPECT_TRUE(t, listed(&l, task_tgid_nr_ns(p, &init_pid_ns)));
	}
	KTEST_EXPECT_EQ(t, l.nr_pids, leaders);
	ktest_info(t, "%u processes listed, the same as the task list's leaders", l.nr_pids);
}

static void proc_system_files(struct ktest *t)
{
	char line[32];
	struct file *f;
	loff_t pos = 0;
	bool writable;

	KTEST_EXPECT_EQ(t, read_text("/proc/sys/kernel/pid_max"), 6);
	KTEST_EXPECT_EQ(t, strcmp(text, "32768\n"), 0);
	KTEST_EXPECT_GT(t, read_text("/proc/meminfo"), 0);
	KTEST_EXPECT_EQ(t, strncmp(text, "MemTotal:       ", 16), 0);
	KTEST_EXPECT_EQ(t, strncmp(text + 24, " kB\nMemFree:        ", 20), 0);
	KTEST_EXPECT_GT(t, read_text("/proc/slabinfo"), 0);
	KTEST_EXPECT_EQ(t, strncmp(text, "slabinfo - version: 2.1\n# name ", 31), 0);
	KTEST_EXPECT_NOT_NULL(t, strstr(text, "\npid_namespace "));
	KTEST_EXPECT_NOT_NULL(t, strstr(text, "\npid_1 "));
	KTEST_EXPECT_GT(t, read_text("/proc/1/status"), 0);
	KTEST_EXPECT_TRUE(t, status_field("Name:", line, sizeof(line)));
	ktest_info(t, "pid 1 is \"%s\" while the tests run", line);
	KTEST_EXPECT_TRUE(t, status_field("NSpid:", line, sizeof(line)));
	KTEST_EXPECT_EQ(t, strcmp(line, "1"), 0);
	KTEST_EXPECT_TRUE(t, status_field("State:", line, sizeof(line)));
	KTEST_EXPECT_EQ(t, strcmp(line, "R (running)"), 0);
	KTEST_EXPECT_TRUE(t, status_field("PPid:", line, sizeof(line)));
	KTEST_EXPECT_EQ(t, strcmp(line, "0"), 0);

	/*
	 * A /proc/sys file opens for writing exactly when its mode lets root
	 * write, EACCES otherwise (Linux's proc_sys_permission()).  pid_max
	 * is read-only before lab 5 and refuses a value below its range after.
	 */
	f = filp_open("/proc/sys/kernel/pid_max", O_RDONLY, 0);
	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	writable = f->f_inode->i_mode & S_IWUSR;
	fput(f);
	f = filp_open("/proc/sys/kernel/pid_max", O_WRONLY, 0);
	if (!writable) {
		ktest_info(t, "pid_max is read-only: an open for writing is refused");
		KTEST_EXPECT_TRUE(t, IS_ERR(f) && PTR_ERR(f) == -EACCES);
		if (!IS_ERR(f))
			fput(f);
		return;
	}
	ktest_info(t, "pid_max is writable: a value below its range is refused");
	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	KTEST_EXPECT_EQ(t, kernel_write(f, "1\n", 2, &pos), -EINVAL);
	fput(f);
	KTEST_EXPECT_EQ(t, read_text("/proc/sys/kernel/pid_max"), 6);
	KTEST_EXPECT_EQ(t, strcmp(text, "32768\n"), 0);
}

/* A kernel thread that sleeps until kthread_stop(). */
static int sleeper(void *data)
{
	while (!kthread_should_stop()) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!kthread_should_stop())
			schedule();
		set_current_state(TASK_RUNNING);
	}
	return 0;
}

static void proc_dir_goes_with_process(struct ktest *t)
{
	struct task_struct *k = kthread_run(sleeper, NULL, "ktest-proc");
	struct file *status;
	struct dentry *dir;
	struct listing l;
	char path[32], state[32];
	loff_t pos = 0;
	int nr;

	KTEST_ASSERT_FALSE(t, IS_ERR(k));
	nr = task_pid_nr_ns(k, &init_pid_ns);
	snprintf(path, sizeof(path), "/proc/%d/status", nr);
	while (k->state != TASK_INTERRUPTIBLE)
		schedule();		/* let it reach its sleep */
	KTEST_EXPECT_GT(t, read_text(path), 0);
	KTEST_EXPECT_TRUE(t, status_field("State:", state, sizeof(state)));
	KTEST_EXPECT_EQ(t, strcmp(state, "S (sleeping)"), 0);
	KTEST_EXPECT_TRUE(t, status_field("Name:", state, sizeof(state)));
	KTEST_EXPECT_EQ(t, strcmp(state, "ktest-proc"), 0);
	KTEST_EXPECT_EQ(t, list_proc(&l), 0);
	KTEST_EXPECT_TRUE(t, listed(&l, nr));

	status = filp_open(path, O_RDONLY, 0);
	KTEST_ASSERT_FALSE(t, IS_ERR(status));
	snprintf(path, sizeof(path), "/proc/%d", nr);
	KTEST_ASSERT_EQ(t, kern_path(current_fs(), path, 0, &dir), 0);
	KTEST_EXPECT_EQ(t, kthread_stop(k), 0);	/* exits, and is reaped at once */

	ktest_info(t, "reaped: /proc/%d is gone; a file open on it, or a walk from it, ESRCH", nr);
	KTEST_EXPECT_EQ(t, path_err(path), -ENOENT);
	KTEST_EXPECT_EQ(t, kernel_read(status, text, TEXT_MAX - 1, &pos), -ESRCH);
	KTEST_EXPECT_EQ(t, list_proc(&l), 0);
	KTEST_EXPECT_FALSE(t, listed(&l, nr));
	{
		struct fs_struct fs = { .users = 1, .root = current_fs()->root, .pwd = dir };
		struct dentry *d;

		KTEST_EXPECT_EQ(t, kern_path(&fs, "status", 0, &d), -ESRCH);
	}
	fput(status);
	dput(dir);
}

/* What the namespace's init found, from inside. */
struct ns_report {
	int mount_err, umount_err;
	int self_len;
	char self[16];
	char nspid_inner[32];		/* NSpid of /proc/self/status in its own mount */
	char ppid_inner[16];
	int listed;			/* pids its own /proc lists */
	bool done;
};

static DECLARE_WAIT_QUEUE_HEAD(ns_report_wait);

/*
 * The init of a new namespace: mount a /proc of its own, look at itself
 * through it, unmount it, report, and sleep until stopped.
 */
static int ns_init(void *data)
{
	struct ns_report *r = data;
	struct listing l;

	r->mount_err = init_mount("proc", NS_MOUNT, "proc", 0, NULL);
	if (!r->mount_err) {
		r->self_len = read_link(NS_MOUNT "/self", r->self, sizeof(r->self));
		if (read_text(NS_MOUNT "/self/status") > 0) {
			status_field("NSpid:", r->nspid_inner, sizeof(r->nspid_inner));
			status_field("PPid:", r->ppid_inner, sizeof(r->ppid_inner));
		}
		/* list_proc() reads /proc: list this mount by hand instead. */
		{
			struct file *f = filp_open(NS_MOUNT, O_RDONLY | O_DIRECTORY, 0);

			memset(&l, 0, sizeof(l));
			l.ctx.actor = collect;
			if (!IS_ERR(f)) {
				iterate_dir(f, &l.ctx);
				fput(f);
				r->listed = l.nr_pids;
			}
		}
		r->umount_err = do_umount(current_fs(), NS_MOUNT, 0);
	}
	r->done = true;
	wake_up(&ns_report_wait);
	return sleeper(NULL);
}

static void proc_nested_namespace(struct ktest *t)
{
	unsigned long namespaces = nr_pid_namespaces();
	unsigned int mounts = nr_mounts();
	static struct ns_report r;
	struct task_struct *k;
	char path[40], want[24], got[32], outer_link[32], inner_link[32];
	int nr;

	memset(&r, 0, sizeof(r));
	KTEST_ASSERT_EQ(t, do_mkdirat(current_fs(), NS_MOUNT, 0755), 0);
	k = kernel_thread(ns_init, &r, CLONE_NEWPID | CLONE_FS | CLONE_FILES);
	KTEST_ASSERT_FALSE(t, IS_ERR(k));
	strlcpy(k->comm, "ktest-nsinit", sizeof(k->comm));
	nr = task_pid_nr_ns(k, &init_pid_ns);
	wake_up_new_task(k);
	wait_event(ns_report_wait, r.done);

	ktest_info(t, "inside: its own /proc says self is 1, NSpid one field, PPid 0");
	KTEST_EXPECT_EQ(t, r.mount_err, 0);
	KTEST_EXPECT_EQ(t, r.self_len, 1);
	KTEST_EXPECT_EQ(t, strcmp(r.self, "1"), 0);
	KTEST_EXPECT_EQ(t, strcmp(r.nspid_inner, "1"), 0);
	KTEST_EXPECT_EQ(t, strcmp(r.ppid_inner, "0"), 0);
	KTEST_EXPECT_EQ(t, r.listed, 1);
	KTEST_EXPECT_EQ(t, r.umount_err, 0);
	KTEST_EXPECT_EQ(t, nr_mounts(), mounts);

	ktest_info(t, "outside: /proc/%d shows both levels, PPid 1, its own namespace", nr);
	snprintf(path, sizeof(path), "/proc/%d/status", nr);
	KTEST_EXPECT_GT(t, read_text(path), 0);
	snprintf(want, sizeof(want), "%d\t1", nr);
	KTEST_EXPECT_TRUE(t, status_field("NSpid:", got, sizeof(got)));
	KTEST_EXPECT_EQ(t, strcmp(got, want), 0);
	KTEST_EXPECT_TRUE(t, status_field("NStgid:", got, sizeof(got)));
	KTEST_EXPECT_EQ(t, strcmp(got, want), 0);
	KTEST_EXPECT_TRUE(t, status_field("PPid:", got, sizeof(got)));
	KTEST_EXPECT_EQ(t, strcmp(got, "1"), 0);
	/* Its group and session are kernel_init's: pid 0 at level 0, none below. */
	KTEST_EXPECT_TRUE(t, status_field("NSsid:", got, sizeof(got)));
	KTEST_EXPECT_EQ(t, strcmp(got, "0\t0"), 0);
	snprintf(path, sizeof(path), "/proc/%d/ns/pid", nr);
	KTEST_EXPECT_EQ(t, read_link(path, inner_link, sizeof(inner_link)) > 0, true);
	KTEST_EXPECT_EQ(t, read_link("/proc/self/ns/pid", outer_link, sizeof(outer_link)) > 0,
			true);
	KTEST_EXPECT_NE(t, strcmp(inner_link, outer_link), 0);
	ktest_info(t, "its namespace is %s, ours %s", inner_link, outer_link);

	KTEST_EXPECT_EQ(t, kthread_stop(k), 0);
	drain_namespaces(namespaces);
	KTEST_EXPECT_EQ(t, nr_pid_namespaces(), namespaces);
	KTEST_EXPECT_EQ(t, do_rmdir(current_fs(), NS_MOUNT), 0);
}

static void proc_mount_rules(struct ktest *t)
{
	unsigned int mounts = nr_mounts();
	struct fs_struct *fs;
	struct file *f;
	char cwd[32];

	KTEST_ASSERT_EQ(t, do_mkdirat(current_fs(), SCRATCH_MOUNT, 0755), 0);
	ktest_info(t, "the directory first (ENOENT, ENOTDIR), then the type (ENODEV)");
	KTEST_EXPECT_EQ(t, init_mount("proc", "/tmp/nope/x", "proc", 0, NULL), -ENOENT);
	KTEST_EXPECT_EQ(t, init_mount("none", "/nope", "ramfs", 0, NULL), -ENOENT);
	KTEST_EXPECT_EQ(t, init_mount("none", SCRATCH_MOUNT, "ramfs", 0, NULL), -ENODEV);
	KTEST_EXPECT_EQ(t, init_mount("none", SCRATCH_MOUNT, NULL, 0, NULL), -EINVAL);
	KTEST_EXPECT_EQ(t, init_mount("proc", "/proc/meminfo", "proc", 0, NULL), -ENOTDIR);
	KTEST_EXPECT_EQ(t, init_mount("proc", "/proc", "proc", 0, NULL), -EBUSY);
	KTEST_EXPECT_EQ(t, init_mount("proc", "/", "proc", 0, NULL), -EBUSY);
	KTEST_EXPECT_EQ(t, init_mount("proc", "/proc/sys", "proc", 0, NULL), -EINVAL);
	KTEST_EXPECT_EQ(t, init_mount("proc", SCRATCH_MOUNT, "proc", MS_BIND, NULL), -EINVAL);
	KTEST_EXPECT_EQ(t, nr_mounts(), mounts);

	KTEST_ASSERT_EQ(t, init_mount("proc", SCRATCH_MOUNT, "proc", MS_MGC_VAL, NULL), 0);
	KTEST_EXPECT_EQ(t, nr_mounts(), mounts + 1);
	KTEST_EXPECT_EQ(t, path_err(SCRATCH_MOUNT "/self/stat"), 0);
	KTEST_EXPECT_EQ(t, init_mount("proc", SCRATCH_MOUNT, "proc", 0, NULL), -EBUSY);
	KTEST_EXPECT_EQ(t, do_rmdir(current_fs(), SCRATCH_MOUNT), -EBUSY);

	ktest_info(t, "busy while a file is open or a cwd is inside");
	f = filp_open(SCRATCH_MOUNT "/meminfo", O_RDONLY, 0);
	KTEST_ASSERT_FALSE(t, IS_ERR(f));
	KTEST_EXPECT_EQ(t, do_umount(current_fs(), SCRATCH_MOUNT, 0), -EBUSY);
	fput(f);
	fs = copy_fs_struct(current_fs());
	KTEST_ASSERT_NOT_NULL(t, fs);
	KTEST_EXPECT_EQ(t, do_chdir(fs, SCRATCH_MOUNT "/sys"), 0);
	KTEST_EXPECT_EQ(t, do_getcwd(fs, cwd, sizeof(cwd)), sizeof(SCRATCH_MOUNT "/sys"));
	KTEST_EXPECT_EQ(t, strcmp(cwd, SCRATCH_MOUNT "/sys"), 0);
	KTEST_EXPECT_EQ(t, do_umount(current_fs(), SCRATCH_MOUNT, 0), -EBUSY);
	fs->users = 0;
	free_fs_struct(fs);

	ktest_info(t, "umount: EINVAL for a plain directory and for MNT_DETACH");
	KTEST_EXPECT_EQ(t, do_umount(current_fs(), "/tmp", 0), -EINVAL);
	KTEST_EXPECT_EQ(t, do_umount(current_fs(), SCRATCH_MOUNT, MNT_DETACH), -EINVAL);
	KTEST_EXPECT_EQ(t, do_umount(current_fs(), SCRATCH_MOUNT "/sys", 0), -EINVAL);
	KTEST_EXPECT_EQ(t, do_umount(current_fs(), SCRATCH_MOUNT, 0), 0);
	KTEST_EXPECT_EQ(t, nr_mounts(), mounts);
	KTEST_EXPECT_EQ(t, path_err(SCRATCH_MOUNT "/self"), -ENOENT);
	KTEST_EXPECT_EQ(t, do_umount(current_fs(), SCRATCH_MOUNT, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, do_rmdir(current_fs(), SCRATCH_MOUNT), 0);
}

/* The struct pid cache for level-1 pids is made once, for good: before the leak check. */
static int proc_suite_init(void)
{
	return create_pid_cachep(2) ? 0 : -ENOMEM;
}

static struct ktest_case proc_cases[] = {
	KTEST_CASE(proc_mounted_at_boot),
	KTEST_CASE(proc_lookups_and_links),
	KTEST_CASE(proc_listing_matches_tasks),
	KTEST_CASE(proc_system_files),
	KTEST_CASE(proc_dir_goes_with_process),
	KTEST_CASE(proc_nested_namespace),
	KTEST_CASE(proc_mount_rules),
	{}
};

static struct ktest_suite proc_suite = {
	.name = "proc",
	.cases = proc_cases,
	.init = proc_suite_init,
};
KTEST_SUITE(proc_suite);
