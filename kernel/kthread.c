/*
 * kernel/kthread.c - kernel threads (include/nest/kthread.h).
 *
 * kthread_create() does not fork the caller: it puts a request on a list
 * and wakes kthreadd, a kernel thread whose only job is to create the
 * others, then sleeps until the new thread exists.  So every kernel thread
 * is a child of kthreadd and shares the kernel's (empty) files and cwd,
 * whoever asked for it: a system call, a workqueue, a test.  As Linux's.
 */
#include <nest/kthread.h>
#include <nest/exit.h>
#include <nest/sched.h>
#include <nest/wait.h>
#include <nest/errno.h>
#include <nest/string.h>
#include <nest/printk.h>
#include <nest/bug.h>
#include <nest/irqflags.h>
#include <uapi/sched.h>

struct kthread_create_info {
	int (*threadfn)(void *data);
	void *data;
	char comm[TASK_COMM_LEN];
	struct task_struct *result;	/* the thread, or ERR_PTR */
	bool done;
	wait_queue_head_t wait;
	struct list_head list;
};

struct task_struct *kthreadd_task;
static LIST_HEAD(kthread_create_list);
/* Woken by do_exit() whenever a kernel thread exits (kthread_stop waits). */
DECLARE_WAIT_QUEUE_HEAD(kthread_exit_wait);

/* Where every kernel thread begins, after its first switch-in. */
void kthread(void)
{
	int ret = current->kthread_fn(current->kthread_data);

	do_exit(ret);
}

bool kthread_should_stop(void)
{
	return current->kthread_should_stop;
}

/*
 * Set the thread's stop flag, wake it, and wait for its exit.  The
 * reference keeps the task_struct readable after kthreadd's automatic reap.
 */
int kthread_stop(struct task_struct *k)
{
	int ret;

	get_task_struct(k);
	k->kthread_should_stop = true;
	wake_up_process(k);
	wait_event(kthread_exit_wait, k->exit_state);
	/* No parent waits for a kernel thread: exit_code is fn's result as is. */
	ret = k->exit_code;
	put_task_struct(k);
	return ret;
}

struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
				   const char *namefmt, ...)
{
	struct kthread_create_info create = {
		.threadfn = threadfn,
		.data = data,
	};
	unsigned long flags;
	va_list args;

	va_start(args, namefmt);
	vsnprintf(create.comm, sizeof(create.comm), namefmt, args);
	va_end(args);
	init_waitqueue_head(&create.wait);

	local_irq_save(flags);
	list_add_tail(&create.list, &kthread_create_list);
	local_irq_restore(flags);
	wake_up_process(kthreadd_task);
	wait_event(create.wait, create.done);
	return create.result;
}

/* Create the thread for one request (in kthreadd). */
static void create_kthread(struct kthread_create_info *create)
{
	struct task_struct *p = kernel_thread(create->threadfn, create->data,
					      CLONE_FS | CLONE_FILES);

	if (!IS_ERR(p)) {
		strlcpy(p->comm, create->comm, sizeof(p->comm));
		/* Created asleep: the caller decides when it first runs. */
		p->state = TASK_INTERRUPTIBLE;
	}
	create->result = p;
	create->done = true;
	wake_up(&create->wait);
}

int kthreadd(void *unused)
{
	for (;;) {
		struct kthread_create_info *create = NULL;
		unsigned long flags;

		/* Sleeping is set first, so a request added now still wakes us. */
		set_current_state(TASK_INTERRUPTIBLE);
		local_irq_save(flags);
		if (!list_empty(&kthread_create_list)) {
			create = list_first_entry(&kthread_create_list,
						  struct kthread_create_info, list);
			list_del_init(&create->list);
		}
		local_irq_restore(flags);
		if (!create) {
			schedule();
			continue;
		}
		set_current_state(TASK_RUNNING);
		create_kthread(create);
	}
	return 0;
}
