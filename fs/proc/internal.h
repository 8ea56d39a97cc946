/*
 * fs/proc/internal.h - what the files of procfs share (Linux's
 * fs/proc/internal.h).
 *
 * Every file of a /proc mount is described by a static struct proc_entry:
 * its name, mode, operations, and for a directory the table of its
 * entries.  Linux has two such shapes, struct pid_entry for the files in
 * /proc/PID and struct proc_dir_entry, registered at run time, for the
 * rest; Nest uses the one table shape for both:
 *
 *   /proc                 proc_root (root.c): the table below, then a
 *                         directory per process (base.c)
 *     meminfo, slabinfo   system-wide text (system.c)
 *     sys/kernel/pid_max  a ctl_table integer (system.c, proc_sysctl.c)
 *     self                a link to the reader's pid (base.c)
 *     PID/                tgid_base (base.c)
 *       status, stat      array.c
 *       comm, cmdline     base.c
 *       ns/pid, ns/pid_for_children   links (namespaces.c)
 *
 * Nothing is cached: a lookup makes a dentry and an inode from the table
 * (d_instantiate), and both go at their last reference, so /proc/PID
 * exists exactly while find_pid_ns() finds the process (until it is
 * reaped).  The inode says what it is in inode->i_proc: the mount's
 * proc_fs_info (its pid namespace), the process's struct pid for
 * /proc/PID/..., and the entry.
 */
#ifndef FS_PROC_INTERNAL_H
#define FS_PROC_INTERNAL_H

#include <nest/fs.h>
#include <nest/seq_file.h>

struct pid;
struct pid_namespace;
struct task_struct;

/* One mount's view (Linux's struct proc_fs_info, the super block's). */
struct proc_fs_info {
	struct pid_namespace *pid_ns;	/* the mounter's pid namespace (referenced) */
};

struct ctl_table;

/*
 * What a file does, by kind: a link's target, a /proc/PID file's text
 * (given the mount's namespace and the live task), a system-wide text,
 * a /proc/sys file's table (its handler reads and writes it).
 */
union proc_op {
	int (*proc_get_link)(struct dentry *dentry, char *buf, int buflen);
	int (*proc_show)(struct seq_file *m, struct pid_namespace *ns,
			 struct pid *pid, struct task_struct *task);
	int (*show)(struct seq_file *m, void *v);
	const struct ctl_table *table;
};

struct proc_table;

struct proc_entry {
	const char *name;
	umode_t mode;			/* S_IF* and permissions */
	const struct inode_operations *iop;
	const struct file_operations *fop;
	union proc_op op;
	const struct proc_table *subdir;	/* a directory's entries */
};

/* A directory's entries, in listing order. */
struct proc_table {
	const struct proc_entry *entries;
	unsigned int nents;
};

#define PROC_TABLE(ENTRIES)	{ .entries = (ENTRIES), .nents = ARRAY_SIZE(ENTRIES) }

extern const struct inode_operations proc_dir_inode_operations;
extern const struct inode_operations proc_file_inode_operations;
extern const struct inode_operations proc_link_inode_operations;
extern const struct file_operations proc_dir_operations;
extern const struct file_operations proc_single_file_operations;
extern const struct inode_operations proc_sys_inode_operations;
extern const struct file_operations proc_sys_file_operations;

/* A directory listing the struct proc_table TABLE. */
#define DIR(NAME, MODE, TABLE) {					\
	.name = (NAME), .mode = S_IFDIR | (MODE),			\
	.iop = &proc_dir_inode_operations, .fop = &proc_dir_operations, \
	.subdir = &(TABLE) }
/* A symbolic link whose target GET_LINK writes. */
#define LNK(NAME, GET_LINK) {						\
	.name = (NAME), .mode = S_IFLNK | S_IRWXUGO,			\
	.iop = &proc_link_inode_operations,				\
	.op.proc_get_link = (GET_LINK) }
/* A /proc/PID file whose text SHOW prints for the process. */
#define ONE(NAME, MODE, SHOW) {						\
	.name = (NAME), .mode = S_IFREG | (MODE),			\
	.iop = &proc_file_inode_operations,				\
	.fop = &proc_single_file_operations, .op.proc_show = (SHOW) }
/* A system-wide file whose text SHOW prints. */
#define SINGLE(NAME, MODE, SHOW) {					\
	.name = (NAME), .mode = S_IFREG | (MODE),			\
	.iop = &proc_file_inode_operations,				\
	.fop = &proc_single_file_operations, .op.show = (SHOW) }
/*
 * A /proc/sys file: the struct ctl_table TABLE's handler reads and
 * writes it (proc_sysctl.c).  Writable exactly when MODE has S_IWUSR.
 */
#define SYSCTL(NAME, MODE, TABLE) {					\
	.name = (NAME), .mode = S_IFREG | (MODE),			\
	.iop = &proc_sys_inode_operations,				\
	.fop = &proc_sys_file_operations, .op.table = &(TABLE) }

/* Readdir positions: ".", "..", the table, then the processes (Linux's TGID_OFFSET). */
#define PROC_FIRST_ENTRY	2
#define TGID_OFFSET		256

/* inode.c */
struct inode *proc_get_inode(struct proc_fs_info *fs_info, struct pid *pid,
			     const struct proc_entry *entry);
struct dentry *proc_entry_lookup(struct inode *dir, struct dentry *dentry,
				 unsigned int flags);
int proc_entry_readdir(struct file *file, struct dir_context *ctx);
struct task_struct *proc_task(const struct inode *inode);
int proc_put_link(char *buf, int buflen, const char *target);

static inline struct pid_namespace *proc_pid_ns(const struct inode *inode)
{
	return inode->i_proc.fs_info->pid_ns;
}

/* base.c */
extern const struct proc_entry proc_tgid_base;	/* what a /proc/PID directory is */
int proc_self_get_link(struct dentry *dentry, char *buf, int buflen);
struct dentry *proc_pid_lookup(struct inode *dir, struct dentry *dentry);
int proc_pid_readdir(struct file *file, struct dir_context *ctx);

/* array.c */
int proc_pid_status(struct seq_file *m, struct pid_namespace *ns,
		    struct pid *pid, struct task_struct *task);
int proc_tgid_stat(struct seq_file *m, struct pid_namespace *ns,
		   struct pid *pid, struct task_struct *task);

/* namespaces.c */
unsigned int proc_ns_inum(const struct pid_namespace *ns);
extern const struct proc_table proc_ns_table;	/* /proc/PID/ns */

/* system.c */
extern const struct proc_table proc_sys_table;	/* /proc/sys */
int meminfo_proc_show(struct seq_file *m, void *v);
int slabinfo_proc_show(struct seq_file *m, void *v);

#endif /* FS_PROC_INTERNAL_H */
