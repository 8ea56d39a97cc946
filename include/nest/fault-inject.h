/*
 * include/nest/fault-inject.h - making allocations fail on purpose, to
 * test the code that handles the failure: Linux's fault injection
 * (Documentation/fault-injection/fault-injection.rst), cut down.
 *
 * Two fault sites: kmem_cache_alloc() ("failslab", mm/slab.c) and
 * alloc_pages() ("fail_page_alloc", mm/page_alloc.c).  A site is armed by
 * its boot word, and costs nothing until then: an armed slab site marks
 * every cache SLAB_FAILSLAB, which the allocation fast path already
 * tests (with the debug flags); the page site is one branch on a flag.
 *
 * Once armed, a site fails a call when:
 *   - the calling task's fail-nth countdown reaches zero (task context
 *     only): a program writes N to /dev/fail-nth (Linux's
 *     /proc/thread-self/fail-nth) and the Nth armed allocation it makes
 *     from then on fails; reading the file back gives 0 once that
 *     happened.  Tests sweep N = 1, 2, ... over one system call;
 *   - or every Nth call, with the boot word's value: failslab=N,
 *     fail_page_alloc=N (Linux's "interval", with probability 100).
 *
 * kernel/fault_inject.c has the rest.
 */
#ifndef NEST_FAULT_INJECT_H
#define NEST_FAULT_INJECT_H

#include <nest/types.h>
#include <nest/gfp.h>

/* One site's state (Linux's struct fault_attr, without the probability). */
struct fault_attr {
	const char *name;		/* "failslab", "fail_page_alloc" */
	bool armed;			/* its boot word was given */
	unsigned long interval;		/* fail every interval-th call; 0: never */
	unsigned long count;		/* calls so far, for the interval */
	unsigned long failed;		/* failures forced so far */
};

extern struct fault_attr failslab;
extern struct fault_attr fail_page_alloc;

/*
 * should_fail - count a call at site @attr and say whether it must fail.
 * @what names the allocation for the log ("kmem_cache_alloc(pid_1)"),
 * @caller is the return address of the allocator's caller.  Any context;
 * the fail-nth countdown only counts in task context.
 */
bool should_fail(struct fault_attr *attr, const char *what, unsigned long caller);

/* alloc_pages()' site: one predictable branch while it is not armed. */
static inline bool should_fail_alloc_page(gfp_t gfp, unsigned int order,
					  unsigned long caller)
{
	if (likely(!fail_page_alloc.armed))
		return false;
	return should_fail(&fail_page_alloc, "alloc_pages", caller);
}

/* /dev/fail-nth (major:minor FAIL_NTH_DEV): registered by chr_dev_init(). */
#define FAIL_NTH_MAJOR		10	/* Linux's misc devices... */
#define FAIL_NTH_MINOR		240	/* ...in its "local use" range */
void fail_nth_dev_init(void);

#endif /* NEST_FAULT_INJECT_H */
