/*
 * fs/proc/root.c - the proc file system type and its root directory
 * (Linux's fs/proc/root.c).
 *
 * Each mount is its own instance, with its own root, viewing the pid
 * namespace of the process that mounted it (a reference held until
 * umount), as Linux's proc_fill_super() takes task_active_pid_ns(current).
 * So the /proc that kernel_init mounts at boot shows the initial
 * namespace, and a /proc mounted by a namespace's init shows that one:
 * its /proc/self is 1.
 *
 * The root lists the system-wide table below, then one directory per
 * process of the mount's namespace (base.c).  proc_root_init() registers
 * the type at boot (vfs_caches_init()); mounting is fs/namespace.c's.
 */
#include <nest/mount.h>
#include <nest/pid.h>
#include <nest/pid_namespace.h>
#include <nest/sched.h>
#include <nest/slab.h>
#include <nest/errno.h>
#include <nest/printk.h>
#include "internal.h"

static struct dentry *proc_root_lookup(struct inode *dir, struct dentry *dentry,
				       unsigned int flags);
static int proc_root_readdir(struct file *file, struct dir_context *ctx);

static const struct inode_operations proc_root_inode_operations = {
	.lookup = proc_root_lookup,	/* the root holds no pid: nothing to evict */
};

static const struct file_operations proc_root_operations = {
	.llseek = dcache_dir_lseek,
	.read_iter = generic_read_dir,
	.iterate_shared = proc_root_readdir,
};

/* The system-wide files, in the order ls shows them. */
static const struct proc_entry proc_root_entries[] = {
	SINGLE("meminfo", S_IRUGO, meminfo_proc_show),
	LNK("self", proc_self_get_link),
	SINGLE("slabinfo", S_IRUSR, slabinfo_proc_show),
	DIR("sys", S_IRUGO | S_IXUGO, proc_sys_table),
};

static const struct proc_table proc_root_table = PROC_TABLE(proc_root_entries);

static const struct proc_entry proc_root = {
	.name = "/",
	.mode = S_IFDIR | S_IRUGO | S_IXUGO,
	.iop = &proc_root_inode_operations,
	.fop = &proc_root_operations,
	.subdir = &proc_root_table,
};

/* A name in the table, else a process of the mount's namespace. */
static struct dentry *proc_root_lookup(struct inode *dir, struct dentry *dentry,
				       unsigned int flags)
{
	struct dentry *res = proc_entry_lookup(dir, dentry, flags);

	if (!IS_ERR(res) || PTR_ERR(res) != -ENOENT)
		return res;
	return proc_pid_lookup(dir, dentry);
}

/* The table's entries, then the processes from position TGID_OFFSET on. */
static int proc_root_readdir(struct file *file, struct dir_context *ctx)
{
	if (ctx->pos < TGID_OFFSET) {
		int err = proc_entry_readdir(file, ctx);

		if (err || ctx->pos < PROC_FIRST_ENTRY + (loff_t)proc_root_table.nents)
			return err;	/* the caller's buffer filled up */
		ctx->pos = TGID_OFFSET;
	}
	return proc_pid_readdir(file, ctx);
}

/*
 * A new instance viewing current's pid namespace: its root dentry.
 * ERR_PTR(-ENOMEM).
 */
static struct dentry *proc_mount(struct file_system_type *fs_type, unsigned long flags,
				 const char *dev_name, void *data)
{
	struct proc_fs_info *fs_info = kmalloc(sizeof(*fs_info), GFP_KERNEL);
	struct inode *inode;
	struct dentry *root;

	if (!fs_info)
		return ERR_PTR(-ENOMEM);
	fs_info->pid_ns = get_pid_ns(task_active_pid_ns(current));
	inode = proc_get_inode(fs_info, NULL, &proc_root);
	root = inode ? d_make_root(inode) : NULL;	/* drops the inode if it fails */
	if (!root) {
		put_pid_ns(fs_info->pid_ns);
		kfree(fs_info);
		return ERR_PTR(-ENOMEM);
	}
	return root;
}

/* umount: the root's last reference, then the namespace's. */
static void proc_kill_sb(struct dentry *root)
{
	struct proc_fs_info *fs_info = root->d_inode->i_proc.fs_info;

	dput(root);
	put_pid_ns(fs_info->pid_ns);
	kfree(fs_info);
}

static struct file_system_type proc_fs_type = {
	.name = "proc",
	.mount = proc_mount,
	.kill_sb = proc_kill_sb,
};

/* proc_root_init - make "proc" mountable.  Boot time (vfs_caches_init()). */
void proc_root_init(void)
{
	if (register_filesystem(&proc_fs_type))
		pr_err("proc: cannot register the file system\n");
}
