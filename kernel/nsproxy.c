/*
 * kernel/nsproxy.c - the namespaces of a task: copying them at fork
 * (copy_namespaces, where the seed patch adds CLONE_NEWPID) and changing
 * them with unshare(), as Linux's kernel/nsproxy.c.
 */
#include <nest/nsproxy.h>
#include <nest/pid_namespace.h>
#include <nest/pid.h>
#include <nest/sched.h>
#include <nest/slab.h>
#include <nest/syscalls.h>
#include <nest/errno.h>
#include <nest/irqflags.h>
#include <uapi/sched.h>

struct nsproxy init_nsproxy = {
	.count = 1,
	.pid_ns_for_children = &init_pid_ns,
};

static struct kmem_cache *nsproxy_cachep;

void nsproxy_cache_init(void)
{
	nsproxy_cachep = kmem_cache_create("nsproxy", sizeof(struct nsproxy), 0,
					   SLAB_PANIC, NULL);
}

/*
 * Every privilege check for namespaces is here, so a lab can add
 * credentials in one place.  Nest has no users: everyone may.
 */
bool ns_capable_sys_admin(void)
{
	return true;
}

/* A new nsproxy for @flags, made from current's. */
static struct nsproxy *create_new_namespaces(unsigned long flags)
{
	struct nsproxy *new = kmem_cache_alloc(nsproxy_cachep, GFP_KERNEL);
	struct pid_namespace *pid_ns;

	if (!new)
		return ERR_PTR(-ENOMEM);
	pid_ns = copy_pid_ns(flags, current->nsproxy->pid_ns_for_children);
	if (IS_ERR(pid_ns)) {
		kmem_cache_free(nsproxy_cachep, new);
		return ERR_CAST(pid_ns);
	}
	new->count = 1;
	new->pid_ns_for_children = pid_ns;
	return new;
}

static void free_nsproxy(struct nsproxy *ns)
{
	put_pid_ns(ns->pid_ns_for_children);
	kmem_cache_free(nsproxy_cachep, ns);
}

int copy_namespaces(unsigned long flags, struct task_struct *tsk)
{
	struct nsproxy *old = current->nsproxy, *new;

	if (!(flags & CLONE_NEWPID)) {
		old->count++;
		tsk->nsproxy = old;
		return 0;
	}
	if (!ns_capable_sys_admin())
		return -EPERM;
	new = create_new_namespaces(flags);
	if (IS_ERR(new))
		return PTR_ERR(new);
	tsk->nsproxy = new;
	return 0;
}

void exit_task_namespaces(struct task_struct *tsk)
{
	struct nsproxy *ns = tsk->nsproxy;

	tsk->nsproxy = NULL;
	if (ns && --ns->count == 0)
		free_nsproxy(ns);
}

/*
 * unshare(CLONE_NEWPID): the caller stays in its namespace; its future
 * children are born in a new one below it.  Only CLONE_NEWPID is
 * implemented; CLONE_FS and CLONE_FILES ask for nothing Nest shares
 * implicitly, so they are accepted and do nothing.
 */
SYSCALL_DEFINE1(unshare, unsigned long, unshare_flags)
{
	struct nsproxy *new, *old = current->nsproxy;
	unsigned long flags;

	if (unshare_flags & ~(CLONE_NEWPID | CLONE_FS | CLONE_FILES))
		return -EINVAL;
	if (!(unshare_flags & CLONE_NEWPID))
		return 0;
	if (!ns_capable_sys_admin())
		return -EPERM;
	new = create_new_namespaces(unshare_flags);
	if (IS_ERR(new))
		return PTR_ERR(new);
	local_irq_save(flags);
	current->nsproxy = new;
	local_irq_restore(flags);
	if (--old->count == 0)
		free_nsproxy(old);
	return 0;
}
