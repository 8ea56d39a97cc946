/*
 * fs/proc/inode.c - procfs inodes and the operations every /proc file of
 * a kind shares (Linux's fs/proc/inode.c and the generic parts of
 * fs/proc/base.c and generic.c): making an inode for a table entry,
 * looking names up in a directory's table and listing it, reading a text
 * file through seq_file, and reading a link.
 *
 * A /proc/PID inode holds a reference on the process's struct pid, not on
 * the task: every operation looks the task up again (proc_task()) and
 * fails when it has been reaped, as Linux's get_pid_task() does.
 */
#include <nest/pid.h>
#include <nest/sched.h>
#include <nest/string.h>
#include <nest/errno.h>
#include <uapi/fcntl.h>
#include "internal.h"

/* Readdir's d_ino for entries made up on the fly (Linux invents them too). */
#define PROC_DIRENT_INO	1

static void proc_evict_inode(struct inode *inode)
{
	put_pid(inode->i_proc.pid);
}

/*
 * proc_get_inode - a new inode for @entry in the mount @fs_info, for the
 * process @pid (NULL outside /proc/PID; referenced here).  NULL when
 * memory is short.
 */
struct inode *proc_get_inode(struct proc_fs_info *fs_info, struct pid *pid,
			     const struct proc_entry *entry)
{
	struct inode *inode = new_inode();

	if (!inode)
		return NULL;
	inode->i_mode = entry->mode;
	inode->i_op = entry->iop;
	inode->i_fop = entry->fop;
	inode->i_proc.fs_info = fs_info;
	inode->i_proc.pid = get_pid(pid);
	inode->i_proc.entry = entry;
	if (S_ISDIR(entry->mode))
		inode->i_nlink = 2;
	return inode;
}

/*
 * proc_task - the task a /proc/PID inode is about, or NULL if it has
 * been reaped.  Valid until the caller sleeps.
 */
struct task_struct *proc_task(const struct inode *inode)
{
	return pid_task(inode->i_proc.pid, PIDTYPE_PID);
}

/* Is @inode part of a /proc/PID whose process is gone? */
static bool proc_pid_gone(const struct inode *inode)
{
	return inode->i_proc.pid && !proc_task(inode);
}

/*
 * proc_entry_lookup - the lookup of a table directory: the entry called
 * @dentry's name, as a new uncached inode.  ERR_PTR(-ENOENT) if there is
 * none.  In the directory of a process that has been reaped: -ESRCH in
 * /proc/PID itself (Linux's proc_pid_permission() refuses the walk so),
 * -ENOENT below it.
 */
struct dentry *proc_entry_lookup(struct inode *dir, struct dentry *dentry,
				 unsigned int flags)
{
	const struct proc_table *table = dir->i_proc.entry->subdir;
	unsigned int i;

	if (proc_pid_gone(dir))
		return ERR_PTR(dir->i_proc.entry == &proc_tgid_base ? -ESRCH : -ENOENT);
	for (i = 0; i < table->nents; i++) {
		const struct proc_entry *e = &table->entries[i];
		struct inode *inode;

		if (strlen(e->name) != dentry->d_name_len ||
		    memcmp(e->name, dentry->d_name, dentry->d_name_len))
			continue;
		inode = proc_get_inode(dir->i_proc.fs_info, dir->i_proc.pid, e);
		if (!inode)
			return ERR_PTR(-ENOMEM);
		d_instantiate(dentry, inode);
		return NULL;
	}
	return ERR_PTR(-ENOENT);
}

/*
 * proc_entry_readdir - list a table directory: ".", "..", then the
 * entries, entry i at position PROC_FIRST_ENTRY + i.  0, or -ENOENT once
 * the directory's process has been reaped.
 */
int proc_entry_readdir(struct file *file, struct dir_context *ctx)
{
	const struct inode *inode = file->f_inode;
	const struct proc_table *table = inode->i_proc.entry->subdir;
	struct dentry *dentry = file->f_dentry;

	if (proc_pid_gone(inode))
		return -ENOENT;
	if (ctx->pos == 0) {
		if (!ctx->actor(ctx, ".", 1, 1, inode->i_ino, DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!ctx->actor(ctx, "..", 2, PROC_FIRST_ENTRY,
				dentry->d_parent->d_inode->i_ino, DT_DIR))
			return 0;
		ctx->pos = PROC_FIRST_ENTRY;
	}
	while (ctx->pos - PROC_FIRST_ENTRY < table->nents) {
		const struct proc_entry *e = &table->entries[ctx->pos - PROC_FIRST_ENTRY];

		if (!ctx->actor(ctx, e->name, strlen(e->name), ctx->pos + 1,
				PROC_DIRENT_INO, dt_type(e->mode)))
			return 0;
		ctx->pos++;
	}
	return 0;
}

/*
 * The text of a /proc file: a /proc/PID file's proc_show() with the live
 * task (-ESRCH once it is reaped, as Linux), or a system-wide show().
 */
static int proc_single_show(struct seq_file *m, void *v)
{
	struct inode *inode = m->private;
	const struct proc_entry *e = inode->i_proc.entry;
	struct task_struct *task;

	if (!inode->i_proc.pid)
		return e->op.show(m, v);
	task = proc_task(inode);
	if (!task)
		return -ESRCH;
	return e->op.proc_show(m, proc_pid_ns(inode), inode->i_proc.pid, task);
}

static int proc_single_open(struct inode *inode, struct file *file)
{
	return single_open(file, proc_single_show, inode);
}

/*
 * proc_put_link - store the link target @target as readlink() does: at
 * most @buflen bytes, no NUL.  Returns the bytes stored.
 */
int proc_put_link(char *buf, int buflen, const char *target)
{
	int len = strlen(target);

	if (len > buflen)
		len = buflen;
	memcpy(buf, target, len);
	return len;
}

/* A link's target, through its entry's proc_get_link. */
static int proc_get_link(struct dentry *dentry, char *buf, int buflen)
{
	const struct inode *inode = dentry->d_inode;

	if (proc_pid_gone(inode))
		return -ENOENT;
	return inode->i_proc.entry->op.proc_get_link(dentry, buf, buflen);
}

const struct inode_operations proc_dir_inode_operations = {
	.lookup = proc_entry_lookup,
	.evict_inode = proc_evict_inode,
};

const struct inode_operations proc_file_inode_operations = {
	.evict_inode = proc_evict_inode,
};

const struct inode_operations proc_link_inode_operations = {
	.get_link = proc_get_link,
	.evict_inode = proc_evict_inode,
};

const struct file_operations proc_dir_operations = {
	.llseek = dcache_dir_lseek,
	.read_iter = generic_read_dir,
	.iterate_shared = proc_entry_readdir,
};

const struct file_operations proc_single_file_operations = {
	.open = proc_single_open,
	.llseek = seq_lseek,
	.read_iter = seq_read_iter,
	.release = single_release,
};
