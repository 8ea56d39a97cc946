/*
 * include/nest/spinlock.h - spinlocks for a uniprocessor kernel.
 *
 * Nest has one CPU, so a spinlock never spins: taking one with
 * spin_lock_irqsave() turns interrupts off, which is what keeps an interrupt
 * handler out of the critical section.  With CONFIG_DEBUG_SPINLOCK (the
 * debug build sets it, as Linux's option of that name does) the lock word
 * is kept and checked, so taking a lock twice (a deadlock on SMP) is caught
 * as a BUG rather than silently allowed; the release build leaves the
 * check out of every fast path.  The names are Linux's, so a lab can later
 * make them real.
 */
#ifndef NEST_SPINLOCK_H
#define NEST_SPINLOCK_H

#include <nest/types.h>
#include <nest/irqflags.h>
#include <nest/bug.h>

typedef struct {
	int locked;
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(name)	{ .locked = 0 }
#define DEFINE_SPINLOCK(name)		spinlock_t name = __SPIN_LOCK_UNLOCKED(name)

static inline void spin_lock_init(spinlock_t *lock)
{
	lock->locked = 0;
}

static inline void spin_lock(spinlock_t *lock)
{
#ifdef CONFIG_DEBUG_SPINLOCK
	BUG_ON(lock->locked);	/* recursive locking: would deadlock on SMP */
	lock->locked = 1;
#else
	(void)lock;
#endif
}

static inline void spin_unlock(spinlock_t *lock)
{
#ifdef CONFIG_DEBUG_SPINLOCK
	BUG_ON(!lock->locked);
	lock->locked = 0;
#else
	(void)lock;
#endif
}

#define spin_lock_irqsave(lock, flags)			\
	do {						\
		local_irq_save(flags);			\
		spin_lock(lock);			\
	} while (0)

#define spin_unlock_irqrestore(lock, flags)		\
	do {						\
		spin_unlock(lock);			\
		local_irq_restore(flags);		\
	} while (0)

#endif /* NEST_SPINLOCK_H */
