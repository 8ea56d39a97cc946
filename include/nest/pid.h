/*
 * include/nest/pid.h - process ids, as in Linux since the 2007 pid
 * namespace series (patch 13/15; docs/patch-tour.md).
 *
 * A struct pid is the kernel's handle for an id.  A task in a namespace at
 * level L has a number in that namespace and in each of its ancestors: the
 * struct pid carries all of them, numbers[0] (as seen from the initial
 * namespace) through numbers[level] (as seen from its own).  A pid is also
 * the handle of a process group or session: tasks hang off pid->tasks[type].
 *
 * struct pids come from one slab cache per level ("pid_1", "pid_2", ...),
 * sized for level + 1 upids (kernel/pid.c).
 */
#ifndef NEST_PID_H
#define NEST_PID_H

#include <nest/types.h>
#include <nest/list.h>
#include <nest/sched.h>

struct pid_namespace;

struct upid {
	int nr;				/* the number ... */
	struct pid_namespace *ns;	/* ... in this namespace */
	struct list_head pid_chain;	/* in the pid hash, keyed by (nr, ns) */
};

struct pid {
	int count;			/* references */
	unsigned int level;		/* the deepest namespace it is in */
	struct list_head tasks[PIDTYPE_MAX];	/* tasks using it as that type */
	struct upid numbers[1];		/* really level + 1 of them */
};

extern struct pid init_struct_pid;

static inline struct pid *get_pid(struct pid *pid)
{
	if (pid)
		pid->count++;
	return pid;
}
void put_pid(struct pid *pid);

/*
 * alloc_pid - a new struct pid with a number in @ns and every ancestor,
 * deepest level first.  ERR_PTR(-EAGAIN) when a level has no free number,
 * ERR_PTR(-ENOMEM) without memory or when @ns no longer accepts new pids.
 */
struct pid *alloc_pid(struct pid_namespace *ns);
/* Free the numbers of @pid at every level (the last put_pid frees it). */
void free_pid(struct pid *pid);

/* Link @task to @pid as its @type id, and unlink. */
void attach_pid(struct task_struct *task, enum pid_type type, struct pid *pid);
void detach_pid(struct task_struct *task, enum pid_type type);
void change_pid(struct task_struct *task, enum pid_type type, struct pid *pid);

/* Lookup: the struct pid with number @nr in @ns, or NULL. */
struct pid *find_pid_ns(int nr, struct pid_namespace *ns);
struct pid *find_vpid(int nr);	/* in current's namespace */
/* The first task using @pid as @type, or NULL. */
struct task_struct *pid_task(struct pid *pid, enum pid_type type);
struct task_struct *find_task_by_pid_ns(int nr, struct pid_namespace *ns);
struct task_struct *find_task_by_vpid(int nr);

/* Translation: @pid's number in @ns, 0 if it has none there (not visible). */
int pid_nr_ns(struct pid *pid, struct pid_namespace *ns);
int pid_vnr(struct pid *pid);		/* in current's namespace */
static inline int pid_nr(struct pid *pid)	/* in the initial namespace */
{
	return pid ? pid->numbers[0].nr : 0;
}

struct pid_namespace *task_active_pid_ns(struct task_struct *tsk);

static inline struct pid *task_pid(struct task_struct *task)
{
	return task->pids[PIDTYPE_PID].pid;
}

/* The thread group's pid is its leader's. */
static inline struct pid *task_tgid(struct task_struct *task)
{
	return task->group_leader->pids[PIDTYPE_PID].pid;
}

struct pid *task_pgrp(struct task_struct *task);
struct pid *task_session(struct task_struct *task);

int task_pid_nr_ns(struct task_struct *tsk, struct pid_namespace *ns);
int task_tgid_nr_ns(struct task_struct *tsk, struct pid_namespace *ns);
int task_pid_vnr(struct task_struct *tsk);
int task_tgid_vnr(struct task_struct *tsk);
int task_pgrp_vnr(struct task_struct *tsk);
int task_session_vnr(struct task_struct *tsk);

/* Every task using @pid as @type (a process group, a session). */
#define do_each_pid_task(pid, type, task)				\
	if ((pid) != NULL)						\
		list_for_each_entry(task, &(pid)->tasks[type], pids[type].node)

void pid_init(void);
/* The struct pid cache for pids with @nr_ids numbers ("pid_<nr_ids>"). */
struct kmem_cache *create_pid_cachep(unsigned int nr_ids);
/* Take number @nr in @ns (set-up of a namespace). */
int take_pid_nr(struct pid_namespace *ns, int nr);
/* Test hook: alloc_pid() fails at this level (-1: never). */
extern int alloc_pid_fail_level;

#endif /* NEST_PID_H */
