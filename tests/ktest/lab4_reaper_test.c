/*
 * tests/ktest/lab4_reaper_test.c - the `lab4_reaper` suite: Lab 4's
 * find_new_reaper() (kernel/exit.c) on process trees built by hand.
 *
 * The tasks here are stand-ins: zeroed task_structs with a signal_struct,
 * a real_parent and a real struct pid in a real namespace (so that
 * task_active_pid_ns() and pid levels work), but never scheduled, never in
 * the task list.  That lets a case make a subreaper "exiting" (PF_EXITING)
 * at the moment another task exits, which user space cannot arrange on a
 * uniprocessor whose kernel is not preemptible.  The flags are set as
 * prctl() and fork() would leave them: is_child_subreaper on the subreaper,
 * has_child_subreaper on every task below it.
 *
 * Each tree hangs below init_task, in namespaces made for the case; the
 * pids and namespaces are freed at the end of each case (the leak check
 * around the suite sees to it).  Nothing is ever unlinked from a real
 * task: the stand-ins are only linked among themselves.
 */
#include <nest/ktest.h>
#include <nest/exit.h>
#include <nest/sched.h>
#include <nest/signal.h>
#include <nest/pid.h>
#include <nest/pid_namespace.h>
#include <nest/workqueue.h>
#include <nest/string.h>
#include <nest/errno.h>
#include <uapi/sched.h>

#define NR_STANDINS	8
#define DRAIN_ROUNDS	4	/* two namespaces: one workqueue round each, and spare */

/* Too big for an 8 KiB kernel stack: one set, reused by every case. */
static struct task_struct standin[NR_STANDINS];
static struct signal_struct standin_signal[NR_STANDINS];
static struct pid *standin_pid[NR_STANDINS];
static int nr_standins;

/*
 * standin - a stand-in task named @name, child of @parent, numbered in
 * @ns (and every namespace above, as alloc_pid() does).  NULL if the
 * pid could not be allocated or the set is full.
 */
static struct task_struct *standin_task(const char *name, struct task_struct *parent,
					struct pid_namespace *ns)
{
	struct task_struct *p;
	struct pid *pid;

	if (nr_standins == NR_STANDINS)
		return NULL;
	pid = alloc_pid(ns);
	if (IS_ERR(pid))
		return NULL;
	p = &standin[nr_standins];
	memset(p, 0, sizeof(*p));
	memset(&standin_signal[nr_standins], 0, sizeof(standin_signal[0]));
	standin_pid[nr_standins++] = pid;
	p->state = TASK_INTERRUPTIBLE;
	p->usage = 1;
	p->signal = &standin_signal[p - standin];
	p->pid = pid_nr(pid);
	p->tgid = p->pid;
	p->pids[PIDTYPE_PID].pid = pid;
	INIT_LIST_HEAD(&p->pids[PIDTYPE_PID].node);
	INIT_LIST_HEAD(&p->run_list);
	INIT_LIST_HEAD(&p->tasks);
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	INIT_LIST_HEAD(&p->thread_group);
	p->group_leader = p;
	p->real_parent = parent;
	p->parent = parent;
	if (parent >= standin && parent < standin + NR_STANDINS)
		list_add_tail(&p->sibling, &parent->children);
	/* The first task of a namespace is its init, as copy_process() says. */
	if (pid_nr_ns(pid, ns) == 1)
		ns->child_reaper = p;
	strlcpy(p->comm, name, sizeof(p->comm));
	return p;
}

/* What prctl(PR_SET_CHILD_SUBREAPER, 1) leaves: the flag, and the mark below. */
static void make_subreaper(struct task_struct *s)
{
	int i;

	s->signal->is_child_subreaper = true;
	for (i = 0; i < nr_standins; i++) {
		struct task_struct *p;

		for (p = standin[i].real_parent; p >= standin && p < standin + NR_STANDINS;
		     p = p->real_parent)
			if (p == s) {
				standin[i].signal->has_child_subreaper = true;
				break;
			}
	}
}

/* A reaper's name for the failure messages: the stand-in's comm. */
static const char *who(struct task_struct *p)
{
	return p ? p->comm : "(NULL)";
}

/* find_new_reaper(@father) must be @want; a failure names both by comm. */
#define EXPECT_REAPER(t, father, want)						\
	do {									\
		struct task_struct *__got = find_new_reaper(father);		\
		__KTEST_CHECK(t, __got == (want), (void)0,			\
			      "reaper of %s's children: got %s, want %s",	\
			      (father)->comm, who(__got), who(want));		\
	} while (0)

/* Free the stand-ins' pids, then the namespaces (through the workqueue). */
static void standins_free(struct pid_namespace *ns1, struct pid_namespace *ns2,
			  unsigned long namespaces_before)
{
	int i;

	/* free_pid() wakes a namespace's init when it empties: there is none to wake. */
	ns1->child_reaper = NULL;
	if (ns2)
		ns2->child_reaper = NULL;
	for (i = nr_standins - 1; i >= 0; i--)
		free_pid(standin_pid[i]);
	nr_standins = 0;
	if (ns2)
		put_pid_ns(ns2);
	put_pid_ns(ns1);
	for (i = 0; i < DRAIN_ROUNDS && nr_pid_namespaces() > namespaces_before; i++)
		flush_workqueue(system_wq);
}

/*
 * The line the first two cases share: I (the init of @ns) <- A <- B <- C
 * <- F, all in @ns.  Returns F (NULL if a stand-in could not be made) and
 * the others through the pointers.
 */
static struct task_struct *standin_line(struct pid_namespace *ns, struct task_struct **i,
					struct task_struct **a, struct task_struct **b,
					struct task_struct **c)
{
	*i = standin_task("I", &init_task, ns);
	*a = *i ? standin_task("A", *i, ns) : NULL;
	*b = *a ? standin_task("B", *a, ns) : NULL;
	*c = *b ? standin_task("C", *b, ns) : NULL;
	return *c ? standin_task("F", *c, ns) : NULL;
}

/*
 * I (the init of N) <- A <- B <- C <- F, all in N.  Nobody marked: I.
 * A a subreaper: A.  B one too: B, the nearest.  F's own flag, and I's,
 * change nothing: the walk starts at F's parent and I is the default.
 */
static void lab4_reaper_nearest_subreaper(struct ktest *t)
{
	unsigned long before = nr_pid_namespaces();
	struct pid_namespace *ns = copy_pid_ns(CLONE_NEWPID, &init_pid_ns);
	struct task_struct *i, *a, *b, *c, *f;

	KTEST_ASSERT_FALSE(t, IS_ERR(ns));
	f = standin_line(ns, &i, &a, &b, &c);
	if (!f) {
		KTEST_EXPECT_NOT_NULL(t, f);
		goto out;
	}
	KTEST_EXPECT_PTR_EQ(t, ns->child_reaper, i);
	EXPECT_REAPER(t, f, i);
	make_subreaper(a);
	EXPECT_REAPER(t, f, a);
	EXPECT_REAPER(t, b, a);
	make_subreaper(b);
	EXPECT_REAPER(t, f, b);
	EXPECT_REAPER(t, c, b);
	EXPECT_REAPER(t, b, a);
	f->signal->is_child_subreaper = true;
	i->signal->is_child_subreaper = true;
	EXPECT_REAPER(t, f, b);
	/* Cleared (PR_SET_CHILD_SUBREAPER, 0): the mark stays, the walk goes on up. */
	b->signal->is_child_subreaper = false;
	EXPECT_REAPER(t, f, a);
out:
	standins_free(ns, NULL, before);
}

/* The same line: a subreaper that is exiting is passed over, for the next one up. */
static void lab4_reaper_skips_exiting_subreaper(struct ktest *t)
{
	unsigned long before = nr_pid_namespaces();
	struct pid_namespace *ns = copy_pid_ns(CLONE_NEWPID, &init_pid_ns);
	struct task_struct *i, *a, *b, *c, *f;

	KTEST_ASSERT_FALSE(t, IS_ERR(ns));
	f = standin_line(ns, &i, &a, &b, &c);
	if (!f) {
		KTEST_EXPECT_NOT_NULL(t, f);
		goto out;
	}
	make_subreaper(a);
	make_subreaper(b);
	EXPECT_REAPER(t, f, b);
	b->flags |= PF_EXITING;
	EXPECT_REAPER(t, f, a);
	a->flags |= PF_EXITING;
	EXPECT_REAPER(t, f, i);
	/* An exiting plain ancestor is no obstacle: the walk goes through it. */
	b->flags &= ~PF_EXITING;
	c->flags |= PF_EXITING;
	EXPECT_REAPER(t, f, b);
out:
	standins_free(ns, NULL, before);
}

/*
 * Two levels: I1 (init of N1) <- S (N1) <- I2 (init of N2) <- C <- F.
 * S is a subreaper; F's children go to I2, never past it to S.  With C a
 * subreaper, to C.
 */
static void lab4_reaper_stops_at_namespace_init(struct ktest *t)
{
	unsigned long before = nr_pid_namespaces();
	struct pid_namespace *ns1 = copy_pid_ns(CLONE_NEWPID, &init_pid_ns), *ns2;
	struct task_struct *i1, *s, *i2, *c, *f;

	KTEST_ASSERT_FALSE(t, IS_ERR(ns1));
	ns2 = create_pid_namespace_for_test(ns1);
	if (IS_ERR(ns2)) {
		KTEST_EXPECT_FALSE(t, IS_ERR(ns2));
		ns2 = NULL;
		goto out;
	}
	i1 = standin_task("I1", &init_task, ns1);
	s = standin_task("S", i1, ns1);
	i2 = standin_task("I2", s, ns2);
	c = standin_task("C", i2, ns2);
	f = standin_task("F", c, ns2);
	if (!f) {
		KTEST_EXPECT_NOT_NULL(t, f);
		goto out;
	}
	KTEST_EXPECT_PTR_EQ(t, ns2->child_reaper, i2);
	make_subreaper(s);
	EXPECT_REAPER(t, f, i2);
	EXPECT_REAPER(t, c, i2);
	make_subreaper(c);
	EXPECT_REAPER(t, f, c);
	/* S itself goes on as usual in N1: its children go to I1. */
	EXPECT_REAPER(t, s, i1);
out:
	standins_free(ns1, ns2, before);
}

/*
 * An unsharer: I1 <- S <- U, all in N1; U's children J (init of N2) and
 * K, and K's child F, live in N2.  U and S are subreapers.  F's children
 * go to J: U is an ancestor and a subreaper, but outside N2.  U's own
 * children (J and K, when U exits) go to S, in U's namespace.
 */
static void lab4_reaper_unsharer(struct ktest *t)
{
	unsigned long before = nr_pid_namespaces();
	struct pid_namespace *ns1 = copy_pid_ns(CLONE_NEWPID, &init_pid_ns), *ns2;
	struct task_struct *i1, *s, *u, *j, *k, *f;

	KTEST_ASSERT_FALSE(t, IS_ERR(ns1));
	ns2 = create_pid_namespace_for_test(ns1);
	if (IS_ERR(ns2)) {
		KTEST_EXPECT_FALSE(t, IS_ERR(ns2));
		ns2 = NULL;
		goto out;
	}
	i1 = standin_task("I1", &init_task, ns1);
	s = standin_task("S", i1, ns1);
	u = standin_task("U", s, ns1);
	j = standin_task("J", u, ns2);
	k = standin_task("K", u, ns2);
	f = standin_task("F", k, ns2);
	if (!f) {
		KTEST_EXPECT_NOT_NULL(t, f);
		goto out;
	}
	make_subreaper(s);
	make_subreaper(u);
	EXPECT_REAPER(t, f, j);
	EXPECT_REAPER(t, k, j);
	EXPECT_REAPER(t, u, s);
	s->flags |= PF_EXITING;
	EXPECT_REAPER(t, u, i1);
out:
	standins_free(ns1, ns2, before);
}

/*
 * Namespaces at levels 1 and 2 need the pid caches of two and three
 * numbers: make them before the first leak-check snapshot.
 */
static int lab4_reaper_init(void)
{
	if (!create_pid_cachep(2) || !create_pid_cachep(3))
		return -ENOMEM;
	return 0;
}

static struct ktest_case lab4_reaper_cases[] = {
	KTEST_CASE(lab4_reaper_nearest_subreaper),
	KTEST_CASE(lab4_reaper_skips_exiting_subreaper),
	KTEST_CASE(lab4_reaper_stops_at_namespace_init),
	KTEST_CASE(lab4_reaper_unsharer),
	{}
};

static struct ktest_suite lab4_reaper_suite = {
	.name = "lab4_reaper",
	.cases = lab4_reaper_cases,
	.init = lab4_reaper_init,
};
KTEST_SUITE(lab4_reaper_suite);
