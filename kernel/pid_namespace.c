/*
 * kernel/pid_namespace.c - creating and destroying pid namespaces.
 *
 * For now there is only init_pid_ns, which lives for ever: the pid
 * namespace step adds copy_pid_ns(), create_pid_namespace() and the freeing
 * through the workqueue that the seed patch describes.
 */
#include <nest/pid_namespace.h>
#include <nest/bug.h>

/* Drop a reference to @ns.  The initial namespace is never freed. */
void put_pid_ns(struct pid_namespace *ns)
{
	if (ns == &init_pid_ns)
		return;
	/* No other namespace can exist before CLONE_NEWPID does. */
	BUG();
}
