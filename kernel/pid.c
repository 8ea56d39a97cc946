/*
 * kernel/pid.c - allocating, finding and translating process ids, as in
 * the seed patch (patch 13/15 of the 2007 series, docs/patch-tour.md) and
 * Linux's kernel/pid.c.
 *
 * A struct pid carries one number per namespace level (include/nest/pid.h).
 * alloc_pid() takes a number from each level's bitmap, deepest level first,
 * and puts each (nr, ns) in one hash table, so find_pid_ns() is a bucket
 * walk.  A task's pid, process group and session all point to struct pids;
 * translating one for a caller is reading the caller's level's number.
 *
 * Called by kernel/fork.c (alloc_pid, attach_pid), kernel/exit.c
 * (detach_pid) and every system call that takes or returns a pid.
 */
#include <nest/pid.h>
#include <nest/pid_namespace.h>
#include <nest/slab.h>
#include <nest/mm.h>
#include <nest/errno.h>
#include <nest/string.h>
#include <nest/bug.h>
#include <nest/printk.h>
#include <nest/spinlock.h>

#define PIDHASH_BITS	10
#define PIDHASH_SIZE	(1U << PIDHASH_BITS)
#define BITS_PER_LONG	(8 * sizeof(long))

static struct list_head pid_hash[PIDHASH_SIZE];
static DEFINE_SPINLOCK(pidmap_lock);

/* The pid of the boot task (pid 0), static as Linux's init_struct_pid. */
struct pid init_struct_pid = {
	.count = 1,
	.level = 0,
	.numbers = { { .nr = 0, .ns = &init_pid_ns } },
};

struct pid_namespace init_pid_ns = {
	.kref = 2,
	.last_pid = 0,
	.nr_hashed = PIDNS_ADDING,
	.child_reaper = &init_task,
	.level = 0,
	.parent = NULL,
	.inum = PROC_PID_INIT_INO,
	/* BEGIN LAB 5 SOLUTION: the initial namespace's pid_max */
	/* Linux's: PID_MAX_DEFAULT, or PIDS_PER_CPU_DEFAULT per CPU if more. */
	.pid_max = min(PID_MAX_LIMIT, max(PID_MAX_DEFAULT, PIDS_PER_CPU_DEFAULT * NR_CPUS)),
	/* END LAB 5 SOLUTION */
};

/* BEGIN LAB 5 STARTER
int pid_max = PID_MAX_DEFAULT;
END LAB 5 STARTER */

/* As Linux's pid_hashfn: mix the number with the namespace's address. */
static unsigned int pid_hashfn(int nr, const struct pid_namespace *ns)
{
	unsigned long v = (unsigned long)nr + (unsigned long)ns;

	return (v * 0x9E370001UL) >> (32 - PIDHASH_BITS);
}

static bool test_and_set_bit(int nr, unsigned long *addr)
{
	unsigned long mask = 1UL << (nr % BITS_PER_LONG);
	unsigned long *p = addr + nr / BITS_PER_LONG;
	bool old = *p & mask;

	*p |= mask;
	return old;
}

static void clear_bit(int nr, unsigned long *addr)
{
	addr[nr / BITS_PER_LONG] &= ~(1UL << (nr % BITS_PER_LONG));
}

/* The first clear bit in [start, end) of the namespace's map, or -1. */
static int find_free_nr(struct pid_namespace *ns, int start, int end)
{
	int nr = start;

	while (nr < end) {
		struct pidmap *map = &ns->pidmap[nr / BITS_PER_PAGE];
		unsigned long *bits = map->page;
		unsigned long word;
		int page_end = min(end, (nr / BITS_PER_PAGE + 1) * (int)BITS_PER_PAGE);

		/* A page never touched has every number free. */
		if (!bits)
			return nr;
		if (!map->nr_free) {
			nr = page_end;
			continue;
		}
		for (; nr < page_end; nr++) {
			word = bits[(nr & BITS_PER_PAGE_MASK) / BITS_PER_LONG];
			if (word == ~0UL && nr % BITS_PER_LONG == 0) {
				nr += BITS_PER_LONG - 1;	/* a full word */
				continue;
			}
			if (!(word & (1UL << (nr % BITS_PER_LONG))))
				return nr;
		}
	}
	return -1;
}

/* Take number @nr in @ns; allocates the bitmap page if needed.  nr or -ENOMEM. */
int take_pid_nr(struct pid_namespace *ns, int nr)
{
	struct pidmap *map = &ns->pidmap[nr / BITS_PER_PAGE];

	if (!map->page) {
		/* Bitmap pages are made lazily, as in the seed patch. */
		map->page = (void *)__get_free_page(__GFP_ZERO | GFP_ATOMIC | __GFP_NOWARN);
		if (!map->page)
			return -ENOMEM;
		map->nr_free = BITS_PER_PAGE;
	}
	BUG_ON(test_and_set_bit(nr & BITS_PER_PAGE_MASK, map->page));
	map->nr_free--;
	ns->last_pid = nr;
	return nr;
}

/*
 * The next free number in @ns below pid_max: the lowest free one above
 * last_pid, else, wrapping, the lowest from RESERVED_PIDS (or from 1 if
 * the cursor never passed 300), as Linux's alloc_pid() with
 * idr_alloc_cyclic().  -EAGAIN when the namespace is full.
 */
static int alloc_pidmap(struct pid_namespace *ns)
{
	int pid_min = ns->last_pid + 1 > RESERVED_PIDS ? RESERVED_PIDS : 1;
	int start = max(ns->last_pid + 1, pid_min);
	int nr;

	/* BEGIN LAB 5 SOLUTION: number below this level's own pid_max */
	int pid_max = ns->pid_max;

	/*
	 * pid_max may have been lowered below the cursor since: then nothing
	 * lies above it, and the wrapped search must stop at pid_max too
	 * (idr_alloc_cyclic() searches [cursor, max), then [pid_min, max)).
	 */
	nr = find_free_nr(ns, start, pid_max);
	if (nr < 0)
		nr = find_free_nr(ns, pid_min, min(start, pid_max));
	/* END LAB 5 SOLUTION */
	/* BEGIN LAB 5 STARTER
	nr = find_free_nr(ns, start, pid_max);
	if (nr < 0)
		nr = find_free_nr(ns, pid_min, start);
	END LAB 5 STARTER */
	if (nr < 0)
		return -EAGAIN;
	return take_pid_nr(ns, nr);
}

/*
 * The whole bitmap is walked, not just below pid_max: numbers taken before
 * a namespace's pid_max was lowered are still in use (Linux's
 * idr_get_next() has no bound either).
 */
int next_pidmap(struct pid_namespace *ns, int last)
{
	int nr = last + 1;

	while (nr < PID_MAX_LIMIT) {
		struct pidmap *map = &ns->pidmap[nr / BITS_PER_PAGE];
		unsigned long *bits = map->page, word;

		if (!bits) {
			nr = (nr / BITS_PER_PAGE + 1) * BITS_PER_PAGE;
			continue;
		}
		/* The rest of this word, from bit nr on; a whole word at a time. */
		word = bits[(nr & BITS_PER_PAGE_MASK) / BITS_PER_LONG] >> (nr % BITS_PER_LONG);
		if (word)
			return nr + __builtin_ctzl(word);
		nr = ALIGN(nr + 1, (int)BITS_PER_LONG);
	}
	return -1;
}

static void free_pidmap(struct upid *upid)
{
	struct pidmap *map = &upid->ns->pidmap[upid->nr / BITS_PER_PAGE];

	clear_bit(upid->nr & BITS_PER_PAGE_MASK, map->page);
	map->nr_free++;
}

/* Test hook: make alloc_pid() fail at this level (-1: never). */
int alloc_pid_fail_level = -1;

struct pid *alloc_pid(struct pid_namespace *ns)
{
	struct pid_namespace *tmp;
	struct pid *pid;
	unsigned long flags;
	int i, nr, err = -ENOMEM;

	pid = kmem_cache_alloc(ns->pid_cachep, GFP_KERNEL);
	if (!pid)
		return ERR_PTR(-ENOMEM);

	spin_lock_irqsave(&pidmap_lock, flags);
	/* Number the levels from the deepest up, as the seed patch does. */
	tmp = ns;
	for (i = ns->level; i >= 0; i--) {
		nr = i == alloc_pid_fail_level ? -EAGAIN : alloc_pidmap(tmp);
		if (nr < 0) {
			err = nr;
			goto out_free;
		}
		pid->numbers[i].nr = nr;
		pid->numbers[i].ns = tmp;
		tmp = tmp->parent;
	}
	/* A namespace whose init has died takes no new pids (ENOMEM, as Linux). */
	err = -ENOMEM;
	if (!(ns->nr_hashed & PIDNS_ADDING))
		goto out_free;

	get_pid_ns(ns);
	pid->level = ns->level;
	pid->count = 1;
	for (i = 0; i < PIDTYPE_MAX; i++)
		INIT_LIST_HEAD(&pid->tasks[i]);
	for (i = ns->level; i >= 0; i--) {
		struct upid *upid = &pid->numbers[i];

		list_add(&upid->pid_chain, &pid_hash[pid_hashfn(upid->nr, upid->ns)]);
		upid->ns->nr_hashed++;
	}
	spin_unlock_irqrestore(&pidmap_lock, flags);
	return pid;

out_free:
	/* Give back the numbers of the levels already done (i + 1 .. level). */
	while (++i <= (int)ns->level)
		free_pidmap(pid->numbers + i);
	spin_unlock_irqrestore(&pidmap_lock, flags);
	kmem_cache_free(ns->pid_cachep, pid);
	return ERR_PTR(err);
}

void put_pid(struct pid *pid)
{
	struct pid_namespace *ns;

	if (!pid || pid == &init_struct_pid)
		return;
	BUG_ON(pid->count <= 0);
	if (--pid->count)
		return;
	ns = pid->numbers[pid->level].ns;
	kmem_cache_free(ns->pid_cachep, pid);
	put_pid_ns(ns);
}

void free_pid(struct pid *pid)
{
	unsigned long flags;
	unsigned int i;

	spin_lock_irqsave(&pidmap_lock, flags);
	for (i = 0; i <= pid->level; i++) {
		struct upid *upid = pid->numbers + i;

		list_del(&upid->pid_chain);
		upid->ns->nr_hashed--;
		free_pidmap(upid);
		/*
		 * A dying namespace init waits in zap_pid_ns_processes() for
		 * its namespace to empty: tell it when only its own pid is left.
		 */
		if ((upid->ns->nr_hashed & ~PIDNS_ADDING) <= 1 && upid->ns != &init_pid_ns &&
		    upid->ns->child_reaper)
			wake_up_process(upid->ns->child_reaper);
	}
	spin_unlock_irqrestore(&pidmap_lock, flags);
	put_pid(pid);
}

struct pid *find_pid_ns(int nr, struct pid_namespace *ns)
{
	struct upid *upid;

	list_for_each_entry(upid, &pid_hash[pid_hashfn(nr, ns)], pid_chain)
		if (upid->nr == nr && upid->ns == ns)
			return container_of(upid, struct pid, numbers[ns->level]);
	return NULL;
}

struct pid_namespace *task_active_pid_ns(struct task_struct *tsk)
{
	struct pid *pid = task_pid(tsk);

	return pid ? pid->numbers[pid->level].ns : &init_pid_ns;
}

struct pid *find_vpid(int nr)
{
	return find_pid_ns(nr, task_active_pid_ns(current));
}

void attach_pid(struct task_struct *task, enum pid_type type, struct pid *pid)
{
	struct pid_link *link = &task->pids[type];

	link->pid = pid;
	list_add_tail(&link->node, &pid->tasks[type]);
}

/*
 * Unlink @task from its @type pid and point it at @new (or nothing).  When
 * no task uses the old pid any more, its numbers are freed for reuse.
 */
static void __change_pid(struct task_struct *task, enum pid_type type, struct pid *new)
{
	struct pid_link *link = &task->pids[type];
	struct pid *pid = link->pid;
	int tmp;

	list_del_init(&link->node);
	link->pid = new;
	if (!pid)
		return;
	for (tmp = PIDTYPE_MAX; --tmp >= 0; )
		if (!list_empty(&pid->tasks[tmp]))
			return;
	if (pid != &init_struct_pid)
		free_pid(pid);
}

void detach_pid(struct task_struct *task, enum pid_type type)
{
	__change_pid(task, type, NULL);
}

void change_pid(struct task_struct *task, enum pid_type type, struct pid *pid)
{
	__change_pid(task, type, pid);
	attach_pid(task, type, pid);
}

struct task_struct *pid_task(struct pid *pid, enum pid_type type)
{
	if (!pid || list_empty(&pid->tasks[type]))
		return NULL;
	return list_first_entry(&pid->tasks[type], struct task_struct, pids[type].node);
}

struct task_struct *find_task_by_pid_ns(int nr, struct pid_namespace *ns)
{
	return pid_task(find_pid_ns(nr, ns), PIDTYPE_PID);
}

struct task_struct *find_task_by_vpid(int nr)
{
	return find_task_by_pid_ns(nr, task_active_pid_ns(current));
}

int pid_nr_ns(struct pid *pid, struct pid_namespace *ns)
{
	if (pid && ns->level <= pid->level) {
		struct upid *upid = &pid->numbers[ns->level];

		if (upid->ns == ns)
			return upid->nr;
	}
	return 0;
}

int pid_vnr(struct pid *pid)
{
	return pid_nr_ns(pid, task_active_pid_ns(current));
}

struct pid *task_pgrp(struct task_struct *task)
{
	return task->group_leader->pids[PIDTYPE_PGID].pid;
}

struct pid *task_session(struct task_struct *task)
{
	return task->group_leader->pids[PIDTYPE_SID].pid;
}

int task_pid_nr_ns(struct task_struct *tsk, struct pid_namespace *ns)
{
	return pid_nr_ns(task_pid(tsk), ns);
}

int task_tgid_nr_ns(struct task_struct *tsk, struct pid_namespace *ns)
{
	return pid_nr_ns(task_tgid(tsk), ns);
}

int task_pid_vnr(struct task_struct *tsk)
{
	return pid_vnr(task_pid(tsk));
}

int task_tgid_vnr(struct task_struct *tsk)
{
	return pid_vnr(task_tgid(tsk));
}

int task_pgrp_vnr(struct task_struct *tsk)
{
	return pid_vnr(task_pgrp(tsk));
}

int task_session_vnr(struct task_struct *tsk)
{
	return pid_vnr(task_session(tsk));
}

/*
 * One cache of struct pid per depth, created when first needed, as the
 * seed patch's create_pid_cachep(): "pid_1" holds pids with one number
 * (level 0), "pid_2" two, and so on.
 */
struct kmem_cache *create_pid_cachep(unsigned int nr_ids)
{
	static struct kmem_cache *caches[MAX_PID_NS_LEVEL + 1];
	static char names[MAX_PID_NS_LEVEL + 1][12];

	BUG_ON(nr_ids == 0 || nr_ids > MAX_PID_NS_LEVEL + 1);
	if (caches[nr_ids - 1])
		return caches[nr_ids - 1];
	snprintf(names[nr_ids - 1], sizeof(names[0]), "pid_%u", nr_ids);
	caches[nr_ids - 1] = kmem_cache_create(names[nr_ids - 1],
		sizeof(struct pid) + (nr_ids - 1) * sizeof(struct upid),
		0, SLAB_HWCACHE_ALIGN, NULL);
	return caches[nr_ids - 1];
}

void pid_init(void)
{
	unsigned int i;

	for (i = 0; i < PIDHASH_SIZE; i++)
		INIT_LIST_HEAD(&pid_hash[i]);
	for (i = 0; i < PIDTYPE_MAX; i++)
		INIT_LIST_HEAD(&init_struct_pid.tasks[i]);
	init_pid_ns.pid_cachep = create_pid_cachep(1);
	if (!init_pid_ns.pid_cachep)
		panic("pid_init: no pid cache");
	/* Number 0 belongs to the boot task, in the initial namespace. */
	take_pid_nr(&init_pid_ns, 0);
	list_add(&init_struct_pid.numbers[0].pid_chain,
		 &pid_hash[pid_hashfn(0, &init_pid_ns)]);
	for (i = 0; i < PIDTYPE_MAX; i++)
		attach_pid(&init_task, i, &init_struct_pid);
}
