/*
 * kernel/pid_namespace.c - creating and destroying pid namespaces, as in
 * the seed patch (patch 13/15 of the 2007 series, docs/patch-tour.md) and
 * Linux's kernel/pid_namespace.c.
 *
 * create_pid_namespace() makes a namespace one level below its parent,
 * with the struct pid cache for that depth (create_pid_cachep) and an empty
 * bitmap.  Who holds a reference: every struct pid whose deepest level is
 * the namespace, every nsproxy whose children are born in it, and every
 * child namespace.  The last usually goes in release_task(), with
 * interrupts off.  Freeing would be allowed there (Nest's allocators work
 * in any context), but free_pid_ns() only queues free_work, as the patch
 * does: the interrupts-off section stays short, and freeing a chain of
 * namespaces is one work item per level rather than a recursion 32 deep.
 * do_free_pid_ns() then runs from the workqueue, frees the bitmap and the
 * namespace, and drops the parent's reference, which may free the parent
 * the same way (docs/workqueue.md, section 5).
 */
#include <nest/pid_namespace.h>
#include <nest/pid.h>
#include <nest/sched.h>
#include <nest/signal.h>
#include <nest/exit.h>
#include <nest/slab.h>
#include <nest/mm.h>
#include <nest/errno.h>
#include <nest/string.h>
#include <nest/bug.h>
#include <nest/irqflags.h>
#include <uapi/sched.h>
#include <uapi/signal.h>
#include <uapi/wait.h>

static struct kmem_cache *pid_ns_cachep;
static unsigned long pid_ns_count;
/* The next inode number; Linux takes them from an IDA, Nest just counts. */
static unsigned int next_ns_inum = PROC_DYNAMIC_FIRST;

void pid_namespaces_init(void)
{
	pid_ns_cachep = kmem_cache_create("pid_namespace", sizeof(struct pid_namespace),
					  0, SLAB_HWCACHE_ALIGN | SLAB_PANIC, NULL);
}

unsigned long nr_pid_namespaces(void)
{
	return pid_ns_count;
}

static struct pid_namespace *create_pid_namespace(struct pid_namespace *parent)
{
	unsigned int level = parent->level + 1;
	struct pid_namespace *ns;
	int err;

	if (level > MAX_PID_NS_LEVEL)
		return ERR_PTR(-ENOSPC);
	ns = kmem_cache_zalloc(pid_ns_cachep, GFP_KERNEL);
	if (!ns)
		return ERR_PTR(-ENOMEM);
	ns->pid_cachep = create_pid_cachep(level + 1);
	if (!ns->pid_cachep)
		goto out_free;
	ns->kref = 1;
	ns->level = level;
	ns->parent = get_pid_ns(parent);
	ns->nr_hashed = PIDNS_ADDING;
	ns->inum = next_ns_inum++;
	/* BEGIN LAB 5 SOLUTION: a new namespace's pid_max */
	/*
	 * Not the parent's value but the largest there is, as Linux (6.18)
	 * does: the parent's limit binds anyway, since alloc_pid() takes a
	 * number below each ancestor's pid_max too.  (The patch as first
	 * posted copied the parent's value, a copy that goes stale when the
	 * parent's changes.)
	 */
	ns->pid_max = PID_MAX_LIMIT;
	/* END LAB 5 SOLUTION */
	/* Number 0 is never handed out, as in the initial namespace. */
	err = take_pid_nr(ns, 0);
	if (err < 0)
		goto out_put;
	ns->last_pid = 0;
	pid_ns_count++;
	return ns;

out_put:
	put_pid_ns(parent);
out_free:
	kmem_cache_free(pid_ns_cachep, ns);
	return ERR_PTR(-ENOMEM);
}

/* For the in-kernel tests: a namespace below any @parent, without a task. */
struct pid_namespace *create_pid_namespace_for_test(struct pid_namespace *parent)
{
	return create_pid_namespace(parent);
}

struct pid_namespace *copy_pid_ns(unsigned long flags, struct pid_namespace *old_ns)
{
	if (!(flags & CLONE_NEWPID))
		return get_pid_ns(old_ns);
	/*
	 * After unshare(CLONE_NEWPID) the caller's children already go into a
	 * namespace other than its own; a further one would skip a level.
	 */
	if (task_active_pid_ns(current) != old_ns)
		return ERR_PTR(-EINVAL);
	return create_pid_namespace(old_ns);
}

/* The work: free the bitmap pages and the namespace, then drop the parent. */
static void do_free_pid_ns(struct work_struct *work)
{
	struct pid_namespace *ns = container_of(work, struct pid_namespace, free_work);
	struct pid_namespace *parent = ns->parent;
	unsigned int i;

	for (i = 0; i < PIDMAP_ENTRIES; i++)
		if (ns->pidmap[i].page)
			free_page((unsigned long)ns->pidmap[i].page);
	kmem_cache_free(pid_ns_cachep, ns);
	pid_ns_count--;
	put_pid_ns(parent);
}

/* The last reference is gone: free the namespace from process context. */
static void free_pid_ns(struct pid_namespace *ns)
{
	INIT_WORK(&ns->free_work, do_free_pid_ns);
	schedule_work(&ns->free_work);
}

void put_pid_ns(struct pid_namespace *ns)
{
	unsigned long flags;
	bool last;

	if (ns == &init_pid_ns)
		return;
	local_irq_save(flags);
	BUG_ON(ns->kref <= 0);
	last = --ns->kref == 0;
	local_irq_restore(flags);
	if (last)
		free_pid_ns(ns);
}

/* Every task with a number in @ns but the caller gets SIGKILL. */
static void kill_all_in_ns(struct pid_namespace *ns)
{
	siginfo_t info;
	int nr = 1;

	memset(&info, 0, sizeof(info));
	info.si_signo = SIGKILL;
	info.si_code = SI_KERNEL;
	while ((nr = next_pidmap(ns, nr)) > 0) {
		struct task_struct *t = pid_task(find_pid_ns(nr, ns), PIDTYPE_PID);

		if (t && t != current && !t->exit_state)
			send_sig_info(SIGKILL, &info, t);
	}
}

void zap_pid_ns_processes(struct pid_namespace *ns)
{
	struct task_struct *me = current;
	unsigned long flags;

	/* No new task may enter: a fork into it now fails with ENOMEM. */
	local_irq_save(flags);
	ns->nr_hashed &= ~PIDNS_ADDING;
	local_irq_restore(flags);

	/* Children that die from here on reap themselves (SIGCHLD ignored). */
	me->sighand->action[SIGCHLD - 1].sa.sa_handler = SIG_IGN;
	kill_all_in_ns(ns);

	/* Reap the children that were zombies already, and wait for the rest. */
	while (kernel_wait4_uninterruptible(-1, __WALL) != -ECHILD)
		;

	/*
	 * Tasks of the namespace that are not our children (they are still
	 * dying, or their zombie awaits a parent outside) hold numbers here:
	 * wait until ours is the only one.  free_pid() wakes us.
	 */
	for (;;) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		if ((ns->nr_hashed & ~PIDNS_ADDING) <= 1)
			break;
		schedule();
	}
	set_current_state(TASK_RUNNING);
}
