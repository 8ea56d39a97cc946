/*
 * fs/proc/namespaces.c - /proc/PID/ns: a link per namespace, whose target
 * "pid:[N]" names the namespace by an inode number (Linux's
 * fs/proc/namespaces.c).  Two processes are in the same pid namespace
 * exactly when their ns/pid links read the same.
 *
 *   ns/pid                the namespace the process lives in
 *   ns/pid_for_children   the one its children will be born in (they
 *                         differ after unshare(CLONE_NEWPID))
 *
 * In Linux the target is also a file one can open and pass to setns();
 * Nest has no nsfs, so only readlink() works: following the link walks to
 * the name "pid:[N]", which does not exist (ENOENT).
 */
#include <nest/pid.h>
#include <nest/pid_namespace.h>
#include <nest/nsproxy.h>
#include <nest/sched.h>
#include <nest/mm.h>
#include <nest/string.h>
#include <nest/errno.h>
#include "internal.h"

/*
 * proc_ns_inum - the inode number "pid:[N]" shows for @ns: the one
 * create_pid_namespace() gave it (PROC_PID_INIT_INO for the initial one),
 * as Linux keeps in ns->ns.inum.
 */
unsigned int proc_ns_inum(const struct pid_namespace *ns)
{
	return ns->inum;
}

/* Write "pid:[N]" for @ns as a link target. */
static int proc_ns_put_link(char *buf, int buflen, const struct pid_namespace *ns)
{
	char text[sizeof("pid:[4294967295]")];

	snprintf(text, sizeof(text), "pid:[%u]", proc_ns_inum(ns));
	return proc_put_link(buf, buflen, text);
}

/* ns/pid: the task's own namespace (a zombie still has one). */
static int proc_pid_ns_get_link(struct dentry *dentry, char *buf, int buflen)
{
	struct task_struct *task = proc_task(dentry->d_inode);

	if (!task)
		return -ENOENT;
	return proc_ns_put_link(buf, buflen, task_active_pid_ns(task));
}

/*
 * ns/pid_for_children: where the task's children go.  -ENOENT for a
 * process that has exited (no nsproxy), and, as in Linux, after an
 * unshare(CLONE_NEWPID) whose namespace has no init yet.
 */
static int proc_pid_for_children_get_link(struct dentry *dentry, char *buf, int buflen)
{
	struct task_struct *task = proc_task(dentry->d_inode);
	struct pid_namespace *ns;

	if (!task || !task->nsproxy)
		return -ENOENT;
	ns = task->nsproxy->pid_ns_for_children;
	if (!ns->child_reaper)
		return -ENOENT;
	return proc_ns_put_link(buf, buflen, ns);
}

static const struct proc_entry proc_ns_entries[] = {
	LNK("pid", proc_pid_ns_get_link),
	LNK("pid_for_children", proc_pid_for_children_get_link),
};

const struct proc_table proc_ns_table = PROC_TABLE(proc_ns_entries);
