/*
 * fs/fs_struct.c - a process's root, cwd and umask, and their life
 * through fork and exit (Linux's fs/fs_struct.c).
 *
 * init_fs gets the root ramfs as root and cwd at boot (mnt_init()); every
 * process inherits a copy, or shares it with CLONE_FS.  The process code
 * calls copy_fs() and exit_fs(); chdir calls set_fs_pwd().  The umask
 * system call is here too (Linux keeps it in kernel/sys.c), and
 * current_fs(), the fs_struct the system calls walk names in.
 */
#include <nest/fs.h>
#include <nest/sched.h>
#include <nest/slab.h>
#include <nest/bug.h>
#include <nest/errno.h>
#include <nest/syscalls.h>
#include <uapi/sched.h>

/* Linux's init starts with umask 022: new files are not group/world writable. */
#define INIT_UMASK	0022

static struct kmem_cache *fs_cachep;

struct fs_struct init_fs = {
	.users = 1,
	.umask = INIT_UMASK,
};

/* The fs_struct a kernel-side walk uses: current's, or init's if none. */
struct fs_struct *current_fs(void)
{
	return current->fs ? current->fs : &init_fs;
}

/* fs_cache_init - make the fs_struct cache (vfs_caches_init()). */
void fs_cache_init(void)
{
	fs_cachep = kmem_cache_create("fs_cache", sizeof(struct fs_struct), 0,
				      SLAB_PANIC, NULL);
}

/* set_fs_pwd - make @dentry (a directory; a new reference is taken) @fs's cwd. */
void set_fs_pwd(struct fs_struct *fs, struct dentry *dentry)
{
	struct dentry *old = fs->pwd;

	fs->pwd = dget(dentry);
	dput(old);
}

/* copy_fs_struct - a copy of @old with its own references; NULL if no memory. */
struct fs_struct *copy_fs_struct(struct fs_struct *old)
{
	struct fs_struct *fs = kmem_cache_alloc(fs_cachep, GFP_KERNEL);

	if (!fs)
		return NULL;
	fs->users = 1;
	fs->umask = old->umask;
	fs->root = dget(old->root);
	fs->pwd = dget(old->pwd);
	return fs;
}

/* free_fs_struct - drop @fs's root and cwd and free it (users must be 0). */
void free_fs_struct(struct fs_struct *fs)
{
	BUG_ON(fs == &init_fs);
	dput(fs->root);
	dput(fs->pwd);
	kmem_cache_free(fs_cachep, fs);
}

/*
 * copy_fs - fork's step: with CLONE_FS @tsk shares current's fs_struct
 * (a chdir in one is seen by the other), else it gets a copy.  A task
 * without one gives its child none.  Returns 0 or -ENOMEM.
 */
int copy_fs(unsigned long clone_flags, struct task_struct *tsk)
{
	struct fs_struct *fs = current->fs;

	if (!fs)
		return 0;
	if (clone_flags & CLONE_FS) {
		fs->users++;
		tsk->fs = fs;
		return 0;
	}
	tsk->fs = copy_fs_struct(fs);
	return tsk->fs ? 0 : -ENOMEM;
}

/* exit_fs - exit's step: @tsk lets go of its fs_struct; the last user frees it. */
void exit_fs(struct task_struct *tsk)
{
	struct fs_struct *fs = tsk->fs;

	if (!fs)
		return;
	tsk->fs = NULL;
	BUG_ON(fs->users <= 0);
	if (--fs->users == 0)
		free_fs_struct(fs);
}

/* umask(mask): set the permission bits new files lose; returns the old mask. */
SYSCALL_DEFINE1(umask, int, mask)
{
	struct fs_struct *fs = current->fs ? current->fs : &init_fs;
	umode_t old = fs->umask;

	fs->umask = mask & S_IRWXUGO;
	return old;
}
