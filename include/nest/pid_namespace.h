/*
 * include/nest/pid_namespace.h - pid namespaces, as in the seed patch
 * (patch 13/15, docs/patch-tour.md) and Linux.
 *
 * Each namespace numbers its pids itself: a bitmap of PID_MAX_LIMIT bits,
 * in pages allocated when first needed, and a cursor, last_pid.  Levels
 * nest: init_pid_ns is level 0, its children level 1, and so on.  The
 * first task in a namespace is its child_reaper (its init).
 */
#ifndef NEST_PID_NAMESPACE_H
#define NEST_PID_NAMESPACE_H

#include <nest/types.h>
#include <nest/mm.h>
#include <nest/workqueue.h>

#define PID_MAX_DEFAULT	0x8000		/* 32768, Linux's default pid_max */
/* The most pid_max can be: Linux's on a 32-bit kernel (4194304 on 64-bit). */
#define PID_MAX_LIMIT	PID_MAX_DEFAULT
#define RESERVED_PIDS	300		/* the cursor wraps to here, as Linux's */
/*
 * Linux scales pid_max with the CPUs (include/linux/threads.h): its
 * default is at least PIDS_PER_CPU_DEFAULT per CPU, its least value at
 * least PIDS_PER_CPU_MIN per CPU.  Nest runs on one CPU (Linux asks
 * num_possible_cpus()), so the plain 32768 and 301 stand.
 */
#define PIDS_PER_CPU_DEFAULT	1024
#define PIDS_PER_CPU_MIN	8
#define NR_CPUS			1
#define BITS_PER_PAGE	(PAGE_SIZE * 8)
#define BITS_PER_PAGE_MASK	(BITS_PER_PAGE - 1)
#define PIDMAP_ENTRIES	((PID_MAX_LIMIT + 8 * PAGE_SIZE - 1) / PAGE_SIZE / 8)
#define MAX_PID_NS_LEVEL	32

struct pidmap {
	int nr_free;		/* free numbers in this page */
	void *page;		/* the bitmap page, allocated when first needed */
};

struct pid_namespace {
	/*
	 * As in the seed patch: the reference count and the work that frees
	 * the namespace share their memory, since the work is only set up
	 * once the count has reached zero and is never looked at again.
	 */
	union {
		int kref;		/* references (see kernel/pid_namespace.c) */
		struct work_struct free_work;
	};
	struct pidmap pidmap[PIDMAP_ENTRIES];
	int last_pid;			/* the last number handed out */
	unsigned int nr_hashed;		/* pids alive here; PIDNS_ADDING while open */
	struct task_struct *child_reaper;	/* its init */
	struct kmem_cache *pid_cachep;	/* struct pids of this level */
	unsigned int level;
	struct pid_namespace *parent;
	unsigned int inum;		/* its inode number: /proc/PID/ns/pid reads pid:[inum] */
	/* BEGIN LAB 5 SOLUTION: the namespace's own pid_max */
	/*
	 * Numbers here stay below it: alloc_pid() wraps each level at its
	 * own.  /proc/sys/kernel/pid_max reads and sets the caller's.
	 */
	int pid_max;
	/* END LAB 5 SOLUTION */
};

/* Namespace inode numbers, as Linux's: the initial one's, then the others'. */
#define PROC_PID_INIT_INO	0xEFFFFFFCU
#define PROC_DYNAMIC_FIRST	0xF0000000U

/* nr_hashed's top bit: the namespace still accepts new pids (Linux's). */
#define PIDNS_ADDING	(1U << 31)

extern struct pid_namespace init_pid_ns;

static inline struct pid_namespace *get_pid_ns(struct pid_namespace *ns)
{
	if (ns != &init_pid_ns)
		ns->kref++;
	return ns;
}
void put_pid_ns(struct pid_namespace *ns);

/*
 * copy_pid_ns - the namespace a new task's children go into: @old_ns
 * itself, or with CLONE_NEWPID a new child of it.  ERR_PTR(-EINVAL) when
 * the caller has unshared (its children's namespace is not its own),
 * ERR_PTR(-ENOSPC) beyond MAX_PID_NS_LEVEL, ERR_PTR(-ENOMEM).
 */
struct pid_namespace *copy_pid_ns(unsigned long flags, struct pid_namespace *old_ns);

/*
 * zap_pid_ns_processes - the namespace's init is exiting: admit no new
 * tasks, SIGKILL every other task in it (and so in every namespace below),
 * reap them, and return once the namespace is empty but for the caller.
 */
void zap_pid_ns_processes(struct pid_namespace *ns);

/* A namespace below @parent without the caller's checks (tests only). */
struct pid_namespace *create_pid_namespace_for_test(struct pid_namespace *parent);

/* The next number taken in @ns after @last, or -1: for walking a namespace's pids. */
int next_pidmap(struct pid_namespace *ns, int last);

/* Namespaces alive (created, not yet freed), for tests and reports. */
unsigned long nr_pid_namespaces(void);

void pid_namespaces_init(void);

/* BEGIN LAB 5 STARTER
extern int pid_max;
END LAB 5 STARTER */

#endif /* NEST_PID_NAMESPACE_H */
