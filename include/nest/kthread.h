/*
 * include/nest/kthread.h - kernel threads, with Linux's API.
 *
 *	struct task_struct *t = kthread_run(worker_fn, data, "kworker/%d", n);
 *	...
 *	kthread_stop(t);	// sets kthread_should_stop(), waits for the exit
 *
 * Every kernel thread is made by kthreadd (pid 2), as in Linux, so it
 * inherits nothing from whoever asked for it (kernel/kthread.c).
 */
#ifndef NEST_KTHREAD_H
#define NEST_KTHREAD_H

#include <nest/sched.h>
#include <nest/errno.h>		/* IS_ERR() in kthread_run() */

/*
 * kthread_create - a new kernel thread running @threadfn(@data), named
 * from @namefmt, created asleep: wake_up_process() starts it.  May sleep.
 * Returns the task, or ERR_PTR(-ENOMEM).
 */
__printf(3, 4)
struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
				   const char *namefmt, ...);

#define kthread_run(threadfn, data, namefmt, ...)			\
	({								\
		struct task_struct *__k =				\
			kthread_create(threadfn, data, namefmt, ##__VA_ARGS__); \
		if (!IS_ERR(__k))					\
			wake_up_process(__k);				\
		__k;							\
	})

/* Ask @k to stop and wait until it has exited; returns its result. */
int kthread_stop(struct task_struct *k);
/* Has kthread_stop() been called on the current thread? */
bool kthread_should_stop(void);

/* The thread that creates kernel threads, started by start_kernel(). */
int kthreadd(void *unused);
extern struct task_struct *kthreadd_task;

/* boot/switch.asm's first stop for a new kernel thread. */
__noreturn void kthread(void);

struct task_struct *kernel_thread(int (*fn)(void *), void *arg, unsigned long flags);

#endif /* NEST_KTHREAD_H */
