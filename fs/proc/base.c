/*
 * fs/proc/base.c - the per-process directories /proc/PID and the
 * /proc/self link (Linux's fs/proc/base.c and fs/proc/self.c).
 *
 * /proc/PID is named by the process's number in the MOUNT's pid
 * namespace, not the reader's: a /proc mounted by a namespace's init lists
 * that namespace's processes as 1, 2, 3, whoever reads it.  The listing
 * walks the namespace's pid bitmap in order (next_pidmap()) and shows
 * each thread-group leader; a lookup finds any task by number.  The
 * directory is there from fork until the process is reaped: a zombie
 * still has one (State "Z (zombie)").
 *
 * The files of a /proc/PID directory are tgid_base_entries below; status
 * and stat are in array.c, ns/ in namespaces.c.
 */
#include <nest/pid.h>
#include <nest/pid_namespace.h>
#include <nest/sched.h>
#include <nest/mm.h>
#include <nest/mman.h>
#include <nest/string.h>
#include <nest/errno.h>
#include <uapi/fcntl.h>
#include "internal.h"

/* The most of a process's arguments /proc/PID/cmdline shows. */
#define PROC_CMDLINE_MAX	(8 * PAGE_SIZE)
/* Room for a pid as decimal text. */
#define PROC_NUMBUF		13
#define PROC_DIRENT_INO		1

/* /proc/PID/comm: the command name (the executable's, or PR_SET_NAME's). */
static int proc_pid_comm(struct seq_file *m, struct pid_namespace *ns,
			 struct pid *pid, struct task_struct *task)
{
	seq_printf(m, "%s\n", task->comm);
	return 0;
}

/*
 * /proc/PID/cmdline: the arguments, each ending in a NUL, read out of the
 * process's own memory [arg_start, arg_end) through its page tables
 * (follow_page(), as exec's copy_from_new_mm() does): never through the
 * reader's address space.  Empty for a kernel thread and a zombie, which
 * have no memory.  Cut at PROC_CMDLINE_MAX, or at the first page that is
 * not there.
 */
static int proc_pid_cmdline(struct seq_file *m, struct pid_namespace *ns,
			    struct pid *pid, struct task_struct *task)
{
	struct mm_struct *mm = task->mm;
	unsigned long addr, end;

	if (!mm || (task->flags & PF_KTHREAD))
		return 0;
	addr = mm->arg_start;
	end = min(mm->arg_end, addr + PROC_CMDLINE_MAX);
	while (addr < end) {
		struct page *page = follow_page(mm, addr);
		unsigned long off = addr & ~PAGE_MASK;
		size_t n = min(end - addr, PAGE_SIZE - off);

		if (!page)
			break;
		seq_write(m, (char *)page_address(page) + off, n);
		addr += n;
	}
	return 0;
}

static const struct proc_entry tgid_base_entries[] = {
	DIR("ns", S_IRUSR | S_IXUGO, proc_ns_table),
	ONE("status", S_IRUGO, proc_pid_status),
	ONE("comm", S_IRUGO, proc_pid_comm),
	ONE("cmdline", S_IRUGO, proc_pid_cmdline),
	ONE("stat", S_IRUGO, proc_tgid_stat),
};

static const struct proc_table tgid_base_table = PROC_TABLE(tgid_base_entries);

const struct proc_entry proc_tgid_base = DIR("", S_IRUGO | S_IXUGO, tgid_base_table);

/*
 * A decimal pid as a directory name: digits only, no leading zero (Linux's
 * name_to_int()).  The number, or -1; more than PROC_PID_DIGITS digits
 * cannot be a pid (pid_max is far below), which also rules out overflow.
 */
#define PROC_PID_DIGITS	9

static int name_to_int(const char *name, unsigned int len)
{
	int nr = 0;

	if (len == 0 || len > PROC_PID_DIGITS || (len > 1 && name[0] == '0'))
		return -1;
	while (len--) {
		char c = *name++;

		if (c < '0' || c > '9')
			return -1;
		nr = nr * 10 + (c - '0');
	}
	return nr;
}

/*
 * proc_pid_lookup - /proc/NR: the directory of the task numbered NR in the
 * mount's namespace.  ERR_PTR(-ENOENT) if there is none (never was, or
 * reaped), ERR_PTR(-ENOMEM).
 */
struct dentry *proc_pid_lookup(struct inode *dir, struct dentry *dentry)
{
	int nr = name_to_int(dentry->d_name, dentry->d_name_len);
	struct task_struct *task;
	struct inode *inode;

	if (nr <= 0)
		return ERR_PTR(-ENOENT);
	task = find_task_by_pid_ns(nr, proc_pid_ns(dir));
	if (!task)
		return ERR_PTR(-ENOENT);
	inode = proc_get_inode(dir->i_proc.fs_info, task_pid(task), &proc_tgid_base);
	if (!inode)
		return ERR_PTR(-ENOMEM);
	d_instantiate(dentry, inode);
	return NULL;
}

/*
 * proc_pid_readdir - the processes of the mount's namespace, by number,
 * process NR at position TGID_OFFSET + NR.  Threads other than a group's
 * leader are not listed (they can still be looked up), as in Linux.
 */
int proc_pid_readdir(struct file *file, struct dir_context *ctx)
{
	struct pid_namespace *ns = proc_pid_ns(file->f_inode);
	int nr = max(ctx->pos - TGID_OFFSET - 1, (loff_t)0);

	while ((nr = next_pidmap(ns, nr)) > 0) {
		struct task_struct *task = find_task_by_pid_ns(nr, ns);
		char name[PROC_NUMBUF];
		int len;

		if (!task || !thread_group_leader(task))
			continue;
		len = snprintf(name, sizeof(name), "%d", nr);
		if (!ctx->actor(ctx, name, len, TGID_OFFSET + nr + 1, PROC_DIRENT_INO, DT_DIR))
			return 0;
		ctx->pos = TGID_OFFSET + nr + 1;
	}
	return 0;
}

/*
 * /proc/self: the reader's thread-group id in the mount's namespace.
 * -ENOENT when the reader has no number there (it lives in an ancestor
 * namespace of the mount's), as Linux.
 */
int proc_self_get_link(struct dentry *dentry, char *buf, int buflen)
{
	int tgid = task_tgid_nr_ns(current, proc_pid_ns(dentry->d_inode));
	char text[PROC_NUMBUF];

	if (!tgid)
		return -ENOENT;
	snprintf(text, sizeof(text), "%d", tgid);
	return proc_put_link(buf, buflen, text);
}
