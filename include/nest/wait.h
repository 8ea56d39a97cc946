/*
 * include/nest/wait.h - wait queues, as Linux's.
 *
 * A task that must wait for something (a child to exit, data in a pipe, a
 * timer) puts an entry on the thing's wait queue, marks itself sleeping and
 * calls schedule(); whoever makes the condition true calls wake_up() on the
 * queue.  The usual form is the wait_event*() macros, which re-check the
 * condition after every wake-up, so a spurious or early wake-up is harmless:
 *
 *	err = wait_event_interruptible(pipe->wait, pipe_readable(pipe));
 *	if (err)
 *		return err;		// -ERESTARTSYS: a signal arrived
 *
 * wake_up() may be called from interrupt handlers.  kernel/wait.c.
 */
#ifndef NEST_WAIT_H
#define NEST_WAIT_H

#include <nest/types.h>
#include <nest/list.h>
#include <nest/spinlock.h>

struct task_struct;
struct wait_queue_entry;

typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry, unsigned int mode);

struct wait_queue_entry {
	unsigned int flags;
	struct task_struct *private;	/* the waiting task */
	wait_queue_func_t func;		/* what a wake-up does: default_wake_function */
	struct list_head entry;
};

struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) {				\
	.lock = __SPIN_LOCK_UNLOCKED(name.lock),			\
	.head = LIST_HEAD_INIT(name.head) }

#define DECLARE_WAIT_QUEUE_HEAD(name) \
	struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

void init_waitqueue_head(struct wait_queue_head *wq_head);

int default_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode);
int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode);

#define DEFINE_WAIT(name)						\
	struct wait_queue_entry name = {				\
		.private = current,					\
		.func = autoremove_wake_function,			\
		.entry = LIST_HEAD_INIT((name).entry),			\
	}

/* Put @wq_entry on the queue (if not already) and set the task's @state. */
void prepare_to_wait(struct wait_queue_head *wq_head,
		     struct wait_queue_entry *wq_entry, long state);
/* Back to TASK_RUNNING and off the queue. */
void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);

void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);

/* Wake the tasks waiting in @mode (TASK_NORMAL: both sleep kinds). */
void __wake_up(struct wait_queue_head *wq_head, unsigned int mode);
#define wake_up(x)			__wake_up(x, TASK_NORMAL)
#define wake_up_interruptible(x)	__wake_up(x, TASK_INTERRUPTIBLE)

static inline bool waitqueue_active(struct wait_queue_head *wq_head)
{
	return !list_empty(&wq_head->head);
}

/* Sleep until @condition, uninterruptibly (signals do not end the wait). */
#define wait_event(wq_head, condition)					\
	do {								\
		DEFINE_WAIT(__wait);					\
		for (;;) {						\
			prepare_to_wait(&(wq_head), &__wait, TASK_UNINTERRUPTIBLE); \
			if (condition)					\
				break;					\
			schedule();					\
		}							\
		finish_wait(&(wq_head), &__wait);			\
	} while (0)

/*
 * Sleep until @condition or a signal.  Evaluates to 0 when the condition
 * became true, or -ERESTARTSYS when a signal is pending (the syscall then
 * returns -EINTR, or restarts under SA_RESTART).
 */
#define wait_event_interruptible(wq_head, condition)			\
	({								\
		long __ret = 0;						\
		DEFINE_WAIT(__wait);					\
		for (;;) {						\
			prepare_to_wait(&(wq_head), &__wait, TASK_INTERRUPTIBLE); \
			if (condition)					\
				break;					\
			if (signal_pending(current)) {			\
				__ret = -ERESTARTSYS;			\
				break;					\
			}						\
			schedule();					\
		}							\
		finish_wait(&(wq_head), &__wait);			\
		__ret;							\
	})

#endif /* NEST_WAIT_H */
