/*
 * include/nest/signal_types.h - the kernel's signal data structures, as in
 * Linux's linux/signal_types.h and linux/sched/signal.h.
 *
 *   sighand_struct  the actions (handlers), shared by CLONE_SIGHAND threads
 *   signal_struct   what the thread group shares: its exit, its children's
 *                   wait queue, its process group and session
 *   sigpending      a set of pending signals plus their siginfo, queued as
 *                   struct sigqueue (one per pending standard signal)
 */
#ifndef NEST_SIGNAL_TYPES_H
#define NEST_SIGNAL_TYPES_H

#include <nest/types.h>
#include <nest/list.h>
#include <nest/wait.h>
#include <uapi/signal.h>

typedef kernel_sigset_t sigset_t;

struct sigqueue {
	struct list_head list;
	siginfo_t info;
};

struct sigpending {
	struct list_head list;		/* struct sigqueue, in arrival order */
	sigset_t signal;		/* which signals are pending */
};

struct k_sigaction {
	struct kernel_sigaction sa;
};

struct sighand_struct {
	int count;			/* tasks sharing it */
	struct k_sigaction action[_NSIG];
};

/* signal_struct.flags */
#define SIGNAL_STOP_STOPPED	0x00000001	/* the group is stopped */
#define SIGNAL_STOP_CONTINUED	0x00000002	/* SIGCONT since the parent looked */
#define SIGNAL_GROUP_EXIT	0x00000004	/* exit_group() or a fatal signal */
#define SIGNAL_UNKILLABLE	0x00000040	/* a namespace init: see kernel/signal.c */

struct signal_struct {
	int count;			/* tasks sharing it */
	int live;			/* threads not yet exited */
	wait_queue_head_t wait_chldexit;	/* wait4() sleeps here */
	struct task_struct *curr_target;
	struct sigpending shared_pending;	/* kill() to the group */
	int group_exit_code;
	unsigned int flags;		/* SIGNAL_* */
	int group_stop_count;
	/*
	 * The child subreaper (Lab 4; kernel/sys.c sets the first, fork and
	 * prctl the second, kernel/exit.c:find_new_reaper() reads both).
	 */
	bool is_child_subreaper;	/* prctl(PR_SET_CHILD_SUBREAPER) */
	bool has_child_subreaper;	/* an ancestor is one: walk up on exit */
	struct pid *pids[4];		/* PIDTYPE_PGID, PIDTYPE_SID used */
};

#endif /* NEST_SIGNAL_TYPES_H */
