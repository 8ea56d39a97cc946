/*
 * include/nest/nsproxy.h - a task's namespaces, as Linux's struct nsproxy.
 *
 * Linux gathers a task's namespaces (uts, ipc, mount, pid, net...) in one
 * shared structure, copied when a task asks for a new one.  Nest has only
 * pid namespaces, and what the nsproxy holds of them is the namespace the
 * task's *children* will be born in: pid_ns_for_children.  A task's own
 * namespace never changes; it is the one its struct pid was made in
 * (task_active_pid_ns()).  After unshare(CLONE_NEWPID) the two differ.
 * kernel/nsproxy.c; the patch's copy_namespaces() is there.
 */
#ifndef NEST_NSPROXY_H
#define NEST_NSPROXY_H

#include <nest/types.h>

struct task_struct;
struct pid_namespace;

struct nsproxy {
	int count;				/* tasks sharing it */
	struct pid_namespace *pid_ns_for_children;
};

extern struct nsproxy init_nsproxy;

/*
 * copy_namespaces - give @tsk (being forked) its namespaces: current's,
 * shared, or a new set when @flags asks for a new namespace (CLONE_NEWPID).
 * Returns 0, -EINVAL, -EPERM, -ENOSPC or -ENOMEM.
 */
int copy_namespaces(unsigned long flags, struct task_struct *tsk);
/* Drop @tsk's reference (exit, and a failed fork). */
void exit_task_namespaces(struct task_struct *tsk);

/* May the current task create namespaces?  (Linux: CAP_SYS_ADMIN.) */
bool ns_capable_sys_admin(void);

void nsproxy_cache_init(void);

#endif /* NEST_NSPROXY_H */
