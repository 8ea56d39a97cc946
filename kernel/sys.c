/*
 * kernel/sys.c - the small system calls about the process itself: ids,
 * process groups and sessions, priorities (getpriority, setpriority),
 * prctl() and uname(), as Linux's kernel/sys.c.
 *
 * Every pid crosses the boundary translated: a number the caller passes is
 * looked up in the caller's pid namespace, and a number returned is the
 * target as the caller's namespace sees it (0 when it cannot see it, as
 * getppid() of a namespace's init).
 */
#include <nest/syscalls.h>
#include <nest/sched.h>
#include <nest/pid.h>
#include <nest/pid_namespace.h>
#include <nest/uaccess.h>
#include <nest/string.h>
#include <nest/errno.h>
#include <nest/version.h>
#include <nest/irqflags.h>
#include <uapi/misc.h>
#include <uapi/resource.h>

SYSCALL_DEFINE0(getpid)
{
	return task_tgid_vnr(current);
}

SYSCALL_DEFINE0(gettid)
{
	return task_pid_vnr(current);
}

SYSCALL_DEFINE0(getppid)
{
	return task_tgid_nr_ns(current->real_parent, task_active_pid_ns(current));
}

/* The process with pid @nr as the caller sees it; 0 means the caller. */
static struct task_struct *find_process(int nr)
{
	return nr ? find_task_by_vpid(nr) : current;
}

SYSCALL_DEFINE1(getpgid, int, pid)
{
	struct task_struct *p = find_process(pid);

	return p ? pid_vnr(task_pgrp(p)) : -ESRCH;
}

SYSCALL_DEFINE0(getpgrp)
{
	return pid_vnr(task_pgrp(current));
}

SYSCALL_DEFINE1(getsid, int, pid)
{
	struct task_struct *p = find_process(pid);

	return p ? pid_vnr(task_session(p)) : -ESRCH;
}

/*
 * setpgid(pid, pgid): move process @pid (the caller or one of its
 * children) into process group @pgid (0: its own pid), which must be in
 * the same session.  Linux's rules and errors, except EACCES for a child
 * that has exec'd, which Nest does not track.
 */
SYSCALL_DEFINE2(setpgid, int, pid, int, pgid)
{
	struct task_struct *p;
	struct pid *pgrp;
	unsigned long flags;

	if (pgid < 0)
		return -EINVAL;
	p = find_process(pid);
	if (!p || (p != current && p->real_parent != current))
		return -ESRCH;
	if (task_session(p) != task_session(current))
		return -EPERM;
	if (task_session(p) == task_pid(p))	/* a session leader */
		return -EPERM;
	pgrp = pgid ? find_vpid(pgid) : task_pid(p);
	if (!pgrp)
		return -EPERM;
	if (pgrp != task_pid(p)) {
		struct task_struct *g = pid_task(pgrp, PIDTYPE_PGID);

		if (!g || task_session(g) != task_session(current))
			return -EPERM;
	}
	local_irq_save(flags);
	if (task_pgrp(p) != pgrp)
		change_pid(p, PIDTYPE_PGID, pgrp);
	local_irq_restore(flags);
	return 0;
}

/* A new session and process group, led by the caller (not already a leader). */
SYSCALL_DEFINE0(setsid)
{
	struct pid *pid = task_pid(current);
	unsigned long flags;

	if (pid_task(pid, PIDTYPE_PGID))
		return -EPERM;
	local_irq_save(flags);
	change_pid(current, PIDTYPE_SID, pid);
	change_pid(current, PIDTYPE_PGID, pid);
	local_irq_restore(flags);
	return pid_vnr(pid);
}

/* BEGIN LAB 3 SOLUTION: helpers, as Linux's set_one_prio() and nice_to_rlimit() */
/*
 * Nest has no users: every task is root's.  PRIO_USER with who 0 (the
 * caller's user) or ROOT_UID names every task; any other uid has none.
 */
#define ROOT_UID	0

/*
 * A task counts for PRIO_USER only if the caller can see it: it has a
 * number in the caller's pid namespace (Linux's task_pid_vnr(p) test).  So
 * a namespace's processes can renice only each other, not the tasks of
 * the namespaces above (the host's kernel threads, say).
 */
static bool prio_user_match(struct task_struct *p, int who)
{
	return who == ROOT_UID && task_pid_vnr(p);
}

/*
 * Set @p's nice value for setpriority(), which reports one result for a
 * whole group: @error is the result so far (-ESRCH until a task matched),
 * and the new result is returned.  Raising is always allowed; lowering
 * needs can_nice() (EACCES without it, as Linux's set_one_prio()).  Linux
 * also checks that the caller owns @p (EPERM); in Nest it always does.
 */
static int set_one_prio(struct task_struct *p, int niceval, int error)
{
	if (niceval < task_nice(p) && !can_nice(p, niceval))
		return -EACCES;
	set_user_nice(p, niceval);
	return error == -ESRCH ? 0 : error;
}

/*
 * getpriority() returns 20 - nice (1..40), so that no valid answer looks
 * like an error (Linux's nice_to_rlimit()); the C library turns it back.
 */
static long nice_to_rlimit(long nice)
{
	return MAX_NICE - nice + 1;
}
/* END LAB 3 SOLUTION */

/*
 * setpriority(which, who, niceval) - set the nice value of a process
 * (PRIO_PROCESS: who is a pid, 0 the caller), of every process in a group
 * (PRIO_PGRP: a pgid, 0 the caller's group) or of a user (PRIO_USER: a
 * uid, 0 the caller's).  Ids are in the caller's pid namespace.  @niceval
 * is clamped to -20..19.  Returns 0 if it matched any task, -EINVAL for a
 * bad @which, -ESRCH when nothing matched, -EACCES when lowering is not
 * allowed.
 */
SYSCALL_DEFINE3(setpriority, int, which, int, who, int, niceval)
{
	/* BEGIN LAB 3 SOLUTION: find the tasks, set each with set_one_prio() */
	struct task_struct *p;
	struct pid *pgrp;
	int error = -ESRCH;

	if (which < PRIO_PROCESS || which > PRIO_USER)
		return -EINVAL;
	niceval = clamp(niceval, MIN_NICE, MAX_NICE);
	/*
	 * No lock: the kernel is not preemptible and no interrupt handler
	 * changes the task list or a process group, so the walks below see
	 * them still.
	 */
	switch (which) {
	case PRIO_PROCESS:
		p = find_process(who);
		if (p)
			error = set_one_prio(p, niceval, error);
		break;
	case PRIO_PGRP:
		pgrp = who ? find_vpid(who) : task_pgrp(current);
		do_each_pid_task(pgrp, PIDTYPE_PGID, p)
			error = set_one_prio(p, niceval, error);
		break;
	case PRIO_USER:
		for_each_process(p)
			if (prio_user_match(p, who))
				error = set_one_prio(p, niceval, error);
		break;
	}
	return error;
	/* END LAB 3 SOLUTION */
	/* BEGIN LAB 3 STARTER
	return -ENOSYS;
	END LAB 3 STARTER */
}

/*
 * getpriority(which, who) - the highest priority (lowest nice value) among
 * the tasks setpriority() would name, as 20 - nice: 1 (nice 19) to 40
 * (nice -20).  -EINVAL for a bad @which, -ESRCH when nothing matched.
 */
SYSCALL_DEFINE2(getpriority, int, which, int, who)
{
	/* BEGIN LAB 3 SOLUTION: the largest nice_to_rlimit() of the tasks named */
	struct task_struct *p;
	struct pid *pgrp;
	long retval = -ESRCH;

	if (which < PRIO_PROCESS || which > PRIO_USER)
		return -EINVAL;
	switch (which) {
	case PRIO_PROCESS:
		p = find_process(who);
		if (p)
			retval = nice_to_rlimit(task_nice(p));
		break;
	case PRIO_PGRP:
		pgrp = who ? find_vpid(who) : task_pgrp(current);
		do_each_pid_task(pgrp, PIDTYPE_PGID, p)
			retval = max(retval, nice_to_rlimit(task_nice(p)));
		break;
	case PRIO_USER:
		for_each_process(p)
			if (prio_user_match(p, who))
				retval = max(retval, nice_to_rlimit(task_nice(p)));
		break;
	}
	return retval;
	/* END LAB 3 SOLUTION */
	/* BEGIN LAB 3 STARTER
	return -ENOSYS;
	END LAB 3 STARTER */
}

/* BEGIN LAB 4 SOLUTION: tell the caller's descendants a subreaper is above them */
/*
 * Visit every descendant of @top, parents before children.  @visit
 * returns true to go on into the task's own children, false to skip its
 * subtree.  As Linux's walk_process_tree() (kernel/fork.c), this walks
 * without recursion: a chain of processes can be thousands deep, and one
 * stack frame per generation would overflow the 8 KiB kernel stack.  Going
 * back up needs no stack either: a task's real_parent is the list head of
 * the siblings it is linked among (copy_process()).  Interrupts off: the
 * tree must not change under the walk.
 */
static void walk_process_tree(struct task_struct *top,
			      bool (*visit)(struct task_struct *p))
{
	struct task_struct *parent = top, *child;
	unsigned long flags;

	local_irq_save(flags);
down:
	list_for_each_entry(child, &parent->children, sibling) {
		if (visit(child)) {
			parent = child;
			goto down;
		}
up:
		;
	}
	if (parent != top) {
		/* Resume the walk of the grandparent's children after @parent. */
		child = parent;
		parent = child->real_parent;
		goto up;
	}
	local_irq_restore(flags);
}

/*
 * Mark @p as having a subreaper above it (Linux's
 * propagate_has_child_subreaper()).  A task already marked has its whole
 * subtree marked (fork inherits the mark), and below a namespace's init
 * the mark is never read: an orphan there stops at that init.
 */
static bool propagate_has_child_subreaper(struct task_struct *p)
{
	if (p->signal->has_child_subreaper || task_active_pid_ns(p)->child_reaper == p)
		return false;
	p->signal->has_child_subreaper = true;
	return true;
}
/* END LAB 4 SOLUTION */

SYSCALL_DEFINE5(prctl, int, option, unsigned long, arg2, unsigned long, arg3,
		unsigned long, arg4, unsigned long, arg5)
{
	char comm[TASK_COMM_LEN];

	switch (option) {
	/* BEGIN LAB 4 SOLUTION: PR_SET_CHILD_SUBREAPER and PR_GET_CHILD_SUBREAPER */
	/*
	 * Any nonzero @arg2 sets the flag, zero clears it.  Descendants that
	 * exist already learn of it now; later ones inherit it in fork.
	 * Clearing leaves their has_child_subreaper set, as Linux does: the
	 * mark only says "walk up and look", so a stale one costs a walk.
	 */
	case PR_SET_CHILD_SUBREAPER:
		current->signal->is_child_subreaper = !!arg2;
		if (arg2)
			walk_process_tree(current, propagate_has_child_subreaper);
		return 0;
	case PR_GET_CHILD_SUBREAPER:
		return put_user((int)current->signal->is_child_subreaper,
				(int __user *)arg2);
	/* END LAB 4 SOLUTION */
	case PR_SET_NAME:
		if (strncpy_from_user(comm, (const char __user *)arg2, sizeof(comm)) < 0)
			return -EFAULT;
		comm[sizeof(comm) - 1] = '\0';
		strlcpy(current->comm, comm, sizeof(current->comm));
		return 0;
	case PR_GET_NAME:
		return copy_to_user((char __user *)arg2, current->comm,
				    sizeof(current->comm)) ? -EFAULT : 0;
	default:
		return -EINVAL;
	}
}

SYSCALL_DEFINE1(uname, struct new_utsname __user *, name)
{
	struct new_utsname u;

	memset(&u, 0, sizeof(u));
	strlcpy(u.sysname, "Nest", sizeof(u.sysname));
	strlcpy(u.nodename, "nest", sizeof(u.nodename));
	strlcpy(u.release, NEST_VERSION, sizeof(u.release));
	strlcpy(u.version, "#1", sizeof(u.version));
	strlcpy(u.machine, "i686", sizeof(u.machine));
	strlcpy(u.domainname, "(none)", sizeof(u.domainname));
	return copy_to_user(name, &u, sizeof(u)) ? -EFAULT : 0;
}
