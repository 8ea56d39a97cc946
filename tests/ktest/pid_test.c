/*
 * tests/ktest/pid_test.c - the `pid` suite: pid numbers and namespaces
 * from the inside (kernel/pid.c, kernel/pid_namespace.c).  The namespaces
 * made here have no tasks: the tests drive alloc_pid() and the reference
 * counts directly, then check that everything is freed through the
 * workqueue (the leak check around the suite does the rest).
 */
#include <nest/ktest.h>
#include <nest/pid.h>
#include <nest/pid_namespace.h>
#include <nest/workqueue.h>
#include <nest/slab.h>
#include <nest/string.h>
#include <nest/errno.h>
#include <uapi/sched.h>

#define DRAIN_ROUNDS	(MAX_PID_NS_LEVEL + 2)

/*
 * Run the workqueue until the namespaces are back to @count.  Freeing one
 * namespace queues the freeing of its parent, so a chain takes one round
 * per level.
 */
static void drain_namespaces(unsigned long count)
{
	int i;

	for (i = 0; i < DRAIN_ROUNDS && nr_pid_namespaces() > count; i++)
		flush_workqueue(system_wq);
}


/* Numbers go up from 1 in a new namespace; freed ones are not reused yet. */
static void pid_allocation_order(struct ktest *t)
{
	unsigned long before = nr_pid_namespaces();
	struct pid_namespace *ns = copy_pid_ns(CLONE_NEWPID, &init_pid_ns);
	struct pid *p[4];
	int i;

	KTEST_ASSERT_FALSE(t, IS_ERR(ns));
	KTEST_EXPECT_EQ(t, ns->level, 1);
	KTEST_EXPECT_EQ(t, nr_pid_namespaces(), before + 1);
	for (i = 0; i < 3; i++) {
		p[i] = alloc_pid(ns);
		KTEST_ASSERT_FALSE(t, IS_ERR(p[i]));
		KTEST_EXPECT_EQ(t, pid_nr_ns(p[i], ns), i + 1);
		KTEST_EXPECT_EQ(t, p[i]->level, 1);
		/* The same pid is numbered in the parent too, and seen as itself there. */
		KTEST_EXPECT_GT(t, pid_nr(p[i]), 0);
		KTEST_EXPECT_PTR_EQ(t, find_pid_ns(pid_nr(p[i]), &init_pid_ns), p[i]);
		KTEST_EXPECT_PTR_EQ(t, find_pid_ns(i + 1, ns), p[i]);
	}
	/* Invisible from a sibling's point of view: the child's 1 is not the root's 1. */
	KTEST_EXPECT_PTR_NE(t, find_pid_ns(1, &init_pid_ns), p[0]);
	free_pid(p[1]);
	p[3] = alloc_pid(ns);
	KTEST_ASSERT_FALSE(t, IS_ERR(p[3]));
	KTEST_EXPECT_EQ(t, pid_nr_ns(p[3], ns), 4);	/* not 2: the cursor moves on */
	ktest_info(t, "numbers 1,2,3 then 4 after freeing 2; level-0 numbers %d..%d",
		   pid_nr(p[0]), pid_nr(p[3]));
	free_pid(p[0]);
	free_pid(p[2]);
	free_pid(p[3]);
	put_pid_ns(ns);
	drain_namespaces(before);
	KTEST_EXPECT_EQ(t, nr_pid_namespaces(), before);
}

/*
 * Past pid_max the cursor wraps to RESERVED_PIDS (it had passed 300).  A
 * new namespace's pid_max is PID_MAX_LIMIT, with or without lab 5 (the one
 * pid_max of the starter has the same value).
 */
static void pid_cursor_wraps_to_300(struct ktest *t)
{
	unsigned long before = nr_pid_namespaces();
	struct pid_namespace *ns = copy_pid_ns(CLONE_NEWPID, &init_pid_ns);
	struct pid *a, *b;

	KTEST_ASSERT_FALSE(t, IS_ERR(ns));
	ns->last_pid = PID_MAX_LIMIT - 2;
	a = alloc_pid(ns);
	b = alloc_pid(ns);
	KTEST_ASSERT_FALSE(t, IS_ERR(a) || IS_ERR(b));
	KTEST_EXPECT_EQ(t, pid_nr_ns(a, ns), PID_MAX_LIMIT - 1);
	KTEST_EXPECT_EQ(t, pid_nr_ns(b, ns), RESERVED_PIDS);
	free_pid(a);
	free_pid(b);
	put_pid_ns(ns);
	drain_namespaces(before);
	KTEST_EXPECT_EQ(t, nr_pid_namespaces(), before);
}

/* A cursor that never passed 300 wraps to 1 instead (Linux's rule since idr). */
static void pid_cursor_below_300_wraps_to_1(struct ktest *t)
{
	unsigned long before = nr_pid_namespaces();
	struct pid_namespace *ns = copy_pid_ns(CLONE_NEWPID, &init_pid_ns);
	struct pid *a, *b;
	int nr;

	KTEST_ASSERT_FALSE(t, IS_ERR(ns));
	/* Take every number from 5 up, so after 4 the search must wrap. */
	for (nr = 5; nr < PID_MAX_LIMIT; nr++)
		take_pid_nr(ns, nr);
	ns->last_pid = 3;
	a = alloc_pid(ns);
	b = alloc_pid(ns);
	KTEST_ASSERT_FALSE(t, IS_ERR(a) || IS_ERR(b));
	KTEST_EXPECT_EQ(t, pid_nr_ns(a, ns), 4);
	KTEST_EXPECT_EQ(t, pid_nr_ns(b, ns), 1);
	free_pid(a);
	free_pid(b);
	put_pid_ns(ns);
	drain_namespaces(before);
	KTEST_EXPECT_EQ(t, nr_pid_namespaces(), before);
}

/* A full namespace gives EAGAIN, and the parent's number is given back. */
static void pid_full_namespace_gives_eagain(struct ktest *t)
{
	unsigned long before = nr_pid_namespaces();
	struct pid_namespace *ns = copy_pid_ns(CLONE_NEWPID, &init_pid_ns);
	int root_cursor, nr;
	struct pid *p;

	KTEST_ASSERT_FALSE(t, IS_ERR(ns));
	for (nr = 1; nr < PID_MAX_LIMIT; nr++)
		take_pid_nr(ns, nr);
	root_cursor = init_pid_ns.last_pid;
	p = alloc_pid(ns);
	KTEST_EXPECT_TRUE(t, IS_ERR(p) && PTR_ERR(p) == -EAGAIN);
	/* Level 1 is numbered first (deepest first), so level 0 was never touched. */
	KTEST_EXPECT_EQ(t, init_pid_ns.last_pid, root_cursor);
	put_pid_ns(ns);
	drain_namespaces(before);
	KTEST_EXPECT_EQ(t, nr_pid_namespaces(), before);
}

/*
 * alloc_pid numbers the deepest level first; when a level fails, every
 * level already numbered gives its number back.  The fault-injection hook
 * makes each level fail in turn, three levels deep.
 */
static void pid_alloc_unwinds_every_level(struct ktest *t)
{
	unsigned long before = nr_pid_namespaces();
	struct pid_namespace *ns1 = copy_pid_ns(CLONE_NEWPID, &init_pid_ns), *ns2;
	struct pid *p;
	int fail;

	KTEST_ASSERT_FALSE(t, IS_ERR(ns1));
	/* copy_pid_ns checks the caller's own namespace; build level 2 directly. */
	ns2 = create_pid_namespace_for_test(ns1);
	KTEST_ASSERT_FALSE(t, IS_ERR(ns2));
	KTEST_EXPECT_EQ(t, ns2->level, 2);
	for (fail = 0; fail <= 2; fail++) {
		alloc_pid_fail_level = fail;
		p = alloc_pid(ns2);
		alloc_pid_fail_level = -1;
		KTEST_EXPECT_TRUE(t, IS_ERR(p) && PTR_ERR(p) == -EAGAIN);
		/* No number is left taken at any level (0 is the reserved one). */
		KTEST_EXPECT_EQ(t, next_pidmap(ns2, 0), -1);
		KTEST_EXPECT_EQ(t, next_pidmap(ns1, 0), -1);
		KTEST_EXPECT_EQ(t, ns2->nr_hashed & ~PIDNS_ADDING, 0);
		KTEST_EXPECT_EQ(t, ns1->nr_hashed & ~PIDNS_ADDING, 0);
	}
	/* And a good allocation afterwards takes a number at all three levels. */
	p = alloc_pid(ns2);
	KTEST_ASSERT_FALSE(t, IS_ERR(p));
	KTEST_EXPECT_GT(t, pid_nr_ns(p, ns2), 0);
	KTEST_EXPECT_GT(t, pid_nr_ns(p, ns1), 0);
	KTEST_EXPECT_GT(t, pid_nr(p), 0);
	free_pid(p);
	put_pid_ns(ns2);	/* frees ns2, whose work then drops its hold on ns1 */
	put_pid_ns(ns1);
	drain_namespaces(before);
	KTEST_EXPECT_EQ(t, nr_pid_namespaces(), before);
}

/* One struct pid cache per depth, sized for level + 1 numbers. */
static void pid_caches_per_level(struct ktest *t)
{
	unsigned int n;

	for (n = 1; n <= 3; n++) {
		struct kmem_cache *c = create_pid_cachep(n);
		char name[8];

		KTEST_ASSERT_NOT_NULL(t, c);
		snprintf(name, sizeof(name), "pid_%u", n);
		KTEST_EXPECT_EQ(t, strcmp(c->name, name), 0);
		KTEST_EXPECT_EQ(t, c->object_size,
				sizeof(struct pid) + (n - 1) * sizeof(struct upid));
		KTEST_EXPECT_PTR_EQ(t, create_pid_cachep(n), c);	/* made once */
	}
	ktest_info(t, "pid_1 %zu bytes, each level adds %zu",
		   sizeof(struct pid), sizeof(struct upid));
}

/*
 * References: the namespace lives while a pid of its level does; the last
 * put schedules free_work, and the namespace is gone only once the
 * workqueue has run it.
 */
static void pid_ns_freed_through_workqueue(struct ktest *t)
{
	unsigned long before = nr_pid_namespaces();
	struct pid_namespace *ns = copy_pid_ns(CLONE_NEWPID, &init_pid_ns);
	struct pid *p;

	KTEST_ASSERT_FALSE(t, IS_ERR(ns));
	KTEST_EXPECT_EQ(t, ns->kref, 1);
	p = alloc_pid(ns);
	KTEST_ASSERT_FALSE(t, IS_ERR(p));
	KTEST_EXPECT_EQ(t, ns->kref, 2);
	put_pid_ns(ns);			/* the creator's reference */
	KTEST_EXPECT_EQ(t, ns->kref, 1);
	KTEST_EXPECT_EQ(t, nr_pid_namespaces(), before + 1);
	free_pid(p);			/* the last one: free_work is queued... */
	KTEST_EXPECT_EQ(t, nr_pid_namespaces(), before + 1);	/* ...not run yet */
	flush_workqueue(system_wq);
	KTEST_EXPECT_EQ(t, nr_pid_namespaces(), before);
}

/* Levels 1..32 exist; asking for 33 gives ENOSPC. */
static void pid_ns_depth_limit(struct ktest *t)
{
	struct pid_namespace *ns[MAX_PID_NS_LEVEL + 1], *extra;
	unsigned long before = nr_pid_namespaces();
	int level;

	ns[0] = &init_pid_ns;
	for (level = 1; level <= MAX_PID_NS_LEVEL; level++) {
		ns[level] = create_pid_namespace_for_test(ns[level - 1]);
		KTEST_ASSERT_FALSE(t, IS_ERR(ns[level]));
		KTEST_EXPECT_EQ(t, ns[level]->level, level);
	}
	extra = create_pid_namespace_for_test(ns[MAX_PID_NS_LEVEL]);
	KTEST_EXPECT_TRUE(t, IS_ERR(extra) && PTR_ERR(extra) == -ENOSPC);
	/* Dropping the deepest frees the whole chain, level by level. */
	for (level = MAX_PID_NS_LEVEL; level >= 1; level--)
		put_pid_ns(ns[level]);
	drain_namespaces(before);
	KTEST_EXPECT_EQ(t, nr_pid_namespaces(), before);
}

/*
 * The struct pid caches, one per level, are made when first needed and
 * never destroyed (as in Linux): make them all before the leak check's
 * first snapshot, since the cases below reach every level.
 */
static int pid_suite_init(void)
{
	unsigned int n;

	for (n = 1; n <= MAX_PID_NS_LEVEL + 1; n++)
		if (!create_pid_cachep(n))
			return -ENOMEM;
	return 0;
}

static struct ktest_case pid_cases[] = {
	KTEST_CASE(pid_allocation_order),
	KTEST_CASE(pid_cursor_wraps_to_300),
	KTEST_CASE(pid_cursor_below_300_wraps_to_1),
	KTEST_CASE(pid_full_namespace_gives_eagain),
	KTEST_CASE(pid_alloc_unwinds_every_level),
	KTEST_CASE(pid_caches_per_level),
	KTEST_CASE(pid_ns_freed_through_workqueue),
	KTEST_CASE(pid_ns_depth_limit),
	{}
};

static struct ktest_suite pid_suite = {
	.name = "pid",
	.cases = pid_cases,
	.init = pid_suite_init,
};
KTEST_SUITE(pid_suite);
