/*
 * kernel/workqueue_internal.h - the insides of the workqueue, shared by
 * kernel/workqueue.c (queues, queueing), kernel/workqueue_worker.c (the
 * kworker threads), kernel/workqueue_flush.c (flush, cancel),
 * kernel/workqueue_delayed.c (delayed work), kernel/workqueue_trace.c,
 * the scheduler's hook (kernel/sched.c) and the white-box tests.  As Linux's file of the same name.
 *
 * The three structs are the ones a debugger walks: the global list
 * `workqueues` holds every struct workqueue_struct; each has one struct
 * worker_pool (Linux's pool_workqueue and worker_pool in one); the pool's
 * `workers` list holds its struct workers, one per kworker thread, and
 * task->kthread_data of a kworker points to its struct worker.
 */
#ifndef NEST_KERNEL_WORKQUEUE_INTERNAL_H
#define NEST_KERNEL_WORKQUEUE_INTERNAL_H

#include <nest/workqueue.h>
#include <nest/spinlock.h>
#include <nest/wait.h>
#include <nest/sched.h>
#include <nest/interrupt.h>

/* worker->flags */
#define WORKER_IDLE	0x01	/* on pool->idle_list, waiting for work */
#define WORKER_PREP	0x02	/* awake, deciding: not counted as running */

/*
 * struct worker - one kworker thread.  A worker is idle (on idle_list), in
 * preparation, or running items: the one in current_work, then those on
 * its own `scheduled` list (items that must run on this worker, after the
 * current one: a requeued instance of the current item, a flush barrier).
 */
struct worker {
	struct list_head node;		/* in pool->workers */
	struct list_head entry;		/* in pool->idle_list while idle */
	struct list_head scheduled;	/* to run next, in order */
	struct work_struct *current_work;	/* being run, or NULL */
	work_func_t current_func;	/* its function, as it was when started */
	int current_color;		/* its flush color */
	work_func_t last_func;		/* the last function run, for debugging */
	struct task_struct *task;	/* the kworker thread */
	struct worker_pool *pool;
	unsigned int flags;		/* WORKER_* */
	int id;				/* the M in kworker/0:M or kworker/uN:M */
};

/* pool->flags */
#define POOL_MANAGER_ACTIVE	0x01	/* a worker is creating another */

/*
 * struct worker_pool - a workqueue's pending items and its workers.  The
 * address goes into work->data while an item is queued, so the low
 * WORK_STRUCT_FLAG_BITS must be free: hence the alignment.
 *
 * Flushing uses two colors (Linux has up to 15): new items get work_color;
 * flush_workqueue() switches work_color to the other one and waits until
 * nr_in_flight[old color] is 0.  One flush at a time, so that the other
 * color is always free to switch to.
 */
struct worker_pool {
	spinlock_t lock;		/* guards everything here; interrupts off */
	int id;				/* in work->data off queue; in unbound names */
	unsigned int flags;		/* POOL_* */
	struct list_head worklist;	/* pending items, in queueing order */
	struct list_head workers;	/* every worker */
	struct list_head idle_list;	/* idle workers, the most recently idle first */
	int nr_workers;
	int nr_idle;
	int max_workers;		/* the workqueue's max_active */
	unsigned long worker_ids;	/* WQ_UNBOUND: the M's in use, a bitmap */
	int work_color;			/* the color new items get */
	int flush_color;		/* the color being flushed, or -1 */
	int nr_in_flight[WORK_NR_COLORS];	/* queued or running, by color */
	int nr_delayed;			/* delayed items whose timer will queue here */
	wait_queue_head_t flush_wait;	/* flush_workqueue() and drain waiters */
	struct workqueue_struct *wq;
} __aligned(1 << WORK_STRUCT_FLAG_BITS);

struct workqueue_struct {
	struct worker_pool pool;
	struct list_head list;		/* in workqueues */
	unsigned int flags;		/* WQ_* */
	int max_active;
	char name[WQ_NAME_LEN];
};

/* Every workqueue, oldest first, and the lock that guards the list. */
extern struct list_head workqueues;
extern spinlock_t wq_pool_lock;

/* ---- work->data, as Linux's set_work_data() and friends ---- */

static inline void set_work_data(struct work_struct *work, unsigned long data)
{
	WRITE_ONCE(work->data, data);
}

/* Queued on @pool: the pool's address, PENDING, PWQ and @extra_flags. */
static inline void set_work_pwq(struct work_struct *work, struct worker_pool *pool,
				unsigned long extra_flags)
{
	set_work_data(work, (unsigned long)pool | WORK_STRUCT_PENDING |
		      WORK_STRUCT_PWQ | extra_flags);
}

static inline void set_work_pool_and_keep_pending(struct work_struct *work,
						  unsigned long pool_id)
{
	set_work_data(work, (pool_id << WORK_OFFQ_POOL_SHIFT) |
		      (work->data & WORK_STRUCT_PENDING));
}

static inline void set_work_pool_and_clear_pending(struct work_struct *work,
						   unsigned long pool_id)
{
	set_work_data(work, pool_id << WORK_OFFQ_POOL_SHIFT);
}

static inline int get_work_color(unsigned long data)
{
	return (data & WORK_STRUCT_COLOR_MASK) >> WORK_STRUCT_COLOR_SHIFT;
}

static inline unsigned long work_color_to_flags(int color)
{
	return (unsigned long)color << WORK_STRUCT_COLOR_SHIFT;
}

/* The id of the pool @work is queued on or last ran on (or NONE). */
static inline unsigned long get_work_pool_id(struct work_struct *work)
{
	unsigned long data = READ_ONCE(work->data);

	if (data & WORK_STRUCT_PWQ)
		return ((struct worker_pool *)(data & WORK_STRUCT_WQ_DATA_MASK))->id;
	return data >> WORK_OFFQ_POOL_SHIFT;
}

/* The worker the caller is, or NULL (interrupt handlers are no worker). */
static inline struct worker *current_wq_worker(void)
{
	if (!in_interrupt() && (current->flags & PF_WQ_WORKER))
		return current->kthread_data;
	return NULL;
}

/* ---- kernel/workqueue.c ---- */
struct worker_pool *get_work_pool(struct work_struct *work);
void insert_work(struct worker_pool *pool, struct work_struct *work,
		 struct list_head *head, unsigned long extra_flags);
void __queue_work(struct workqueue_struct *wq, struct work_struct *work);
bool wq_may_queue(struct workqueue_struct *wq, struct work_struct *work);
void pwq_dec_nr_in_flight(struct worker_pool *pool, int color);

/* ---- kernel/workqueue_flush.c ---- */
/*
 * Take @work's PENDING bit for the caller: 1 if it was pending (now off
 * its list, or its timer stopped if @is_dwork), 0 if idle, -ENOENT while
 * another task cancels it, -EAGAIN if its timer runs and !@is_dwork.
 * Interrupts off.
 */
int try_to_grab_pending(struct work_struct *work, bool is_dwork);

/* ---- kernel/workqueue_delayed.c ---- */
/* Stop @dwork's timer if armed; true if it was (PENDING is then the caller's). */
bool dwork_del_timer(struct delayed_work *dwork);

/* ---- kernel/workqueue_worker.c ---- */
struct worker *find_worker_executing_work(struct worker_pool *pool,
					  struct work_struct *work);
void kick_pool(struct worker_pool *pool);
struct worker *create_worker(struct worker_pool *pool);
void stop_workers(struct worker_pool *pool);
/* The scheduler calls this when a worker is about to sleep (kernel/sched.c). */
void wq_worker_sleeping(struct task_struct *task);

/* ---- kernel/workqueue_trace.c ---- */
/* Record one event; called with interrupts off (under pool->lock). */
void wq_trace_record(enum wq_trace_event event, struct work_struct *work,
		     work_func_t func, const struct worker_pool *pool);

#endif /* NEST_KERNEL_WORKQUEUE_INTERNAL_H */
