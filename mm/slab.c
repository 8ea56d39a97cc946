/*
 * mm/slab.c - the slab allocator's core: caches of equal-sized objects cut
 * from blocks of pages, after Bonwick ("The Slab Allocator", USENIX 1994)
 * and Linux's mm/slab.c and mm/slub.c.
 *
 * A slab is 2^gfporder pages from alloc_pages(__GFP_COMP).  Its head page
 * has PG_slab set and keeps the slab's state (page->slab_cache, freelist,
 * inuse, s_colour); the slab itself holds only objects:
 *
 *	| colour | slot 0 | slot 1 | ... | slot num-1 | rest of the leftover |
 *
 * Each slot is s->size bytes.  Without debug flags a slot is just the
 * object, padded to the alignment.  With them (mm/slab_debug.c) it is
 *
 *	| pad | red zone 1 | object | red zone 2 | pad | free ptr | track | pad |
 *	      ^ obj_offset ^ the pointer callers get
 *
 * A free object keeps the address of the next free object of its slab at
 * obj + s->offset, so the free list costs no memory.  The offset is 0 (the
 * object's first word) unless the object's contents must survive while it
 * is free (a constructor's state, or the poison pattern); then the pointer
 * goes after the object, as SLUB's s->offset.
 *
 * All this geometry (alignment, slot layout, order, colours) is worked out
 * once, when the cache is created, by mm/slab_geometry.c; this file only
 * follows it.
 *
 * The cpu slab.  Allocations come from one slab at a time, s->cpu_slab,
 * whose free objects sit on a list of the cache's own, s->cpu_freelist,
 * instead of page->freelist.  This mirrors SLUB's struct kmem_cache_cpu
 * ({freelist, slab}), which Linux keeps per CPU so that its fast paths
 * need no lock; Nest has one CPU, so the pair lives in the cache and
 * interrupts off is all the exclusion needed.  The point is the same: an
 * allocation pops s->cpu_freelist and a free into the cpu slab pushes it,
 * touching no struct page and no list, so the common case costs a few
 * instructions.  A cpu slab is on no list ("frozen" in SLUB), its
 * page->freelist is NULL and its page->inuse stale; deactivate_slab()
 * brings them up to date and files the slab when it stops being the cpu
 * slab: when it is used up, and in kmem_cache_shrink() (so in
 * kmem_cache_destroy() and the leak gate too).  The cache's counters are
 * exact at all times.  Every other slab is on slabs_full, slabs_partial or
 * slabs_free, by how many of its objects are in use.  A debug cache has a
 * cpu slab too but never takes the fast paths, so that each of its objects
 * goes through the checks in mm/slab_debug.c.
 *
 * Entry points: kmem_cache_alloc(), kmem_cache_zalloc(), kmem_cache_free();
 * __kmem_cache_alloc(), __kmem_cache_free(), __kmem_cache_shrink(),
 * __kmem_cache_shutdown() and get_slabinfo() for mm/slab_common.c, which
 * has kmem_cache_create(), kmalloc() and the list of caches;
 * kmem_cache_shrink_keep() for the reaper (mm/slab_reap.c, through
 * kmem_cache_shrink_all_keep()).  Calls mm/page_alloc.c for slabs and
 * mm/slab_debug.c for the checks behind SLAB_DEBUG_FLAGS.
 */
#include <nest/slab.h>
#include <nest/mm.h>
#include <nest/errno.h>
#include <nest/string.h>
#include <nest/printk.h>
#include <nest/bug.h>
#include <nest/fault-inject.h>

/*
 * Empty slabs a cache keeps on slabs_free for its next allocations, besides
 * an empty cpu slab; empties beyond this go straight back to the buddy
 * allocator, so a burst of frees does not pin memory until the next
 * kmem_cache_shrink().
 */
#define SLAB_FREE_SLABS_KEEP	1

/*
 * Make a new slab with its first object at @colour bytes: mark the head
 * page, thread the free list through all objects in address order (so they
 * go out lowest first) and construct them.  Returns NULL when the buddy
 * allocator has no block.  Called without s->lock: constructors may
 * allocate.
 */
static struct page *allocate_slab(struct kmem_cache *s, gfp_t gfp,
				  unsigned int colour)
{
	struct page *page;
	char *obj;
	unsigned int i;

	page = alloc_pages((gfp & ~__GFP_ZERO) | __GFP_COMP, s->gfporder);
	if (!page)
		return NULL;
	/* The free fast path finds an object's slab by this (slab_start()). */
	BUG_ON(slab_start(s, page_address(page)) != (unsigned long)page_address(page));
	__SetPageSlab(page);
	page->slab_cache = s;
	page->s_colour = colour;
	page->inuse = 0;
	page->freelist = slab_first_object(s, page);

	obj = page->freelist;
	for (i = 0; i < s->num; i++, obj += s->size) {
		*freepointer_addr(s, obj) = (i + 1 < s->num) ? obj + s->size : NULL;
		if (s->ctor)
			s->ctor(obj);
		if (unlikely(s->flags & SLAB_DEBUG_FLAGS))
			slab_debug_init_object(s, obj);
	}
	return page;
}

/* Give an empty slab, already off the lists, back to the buddy allocator. */
static void free_slab(struct kmem_cache *s, struct page *page)
{
	if (unlikely(s->flags & SLAB_DEBUG_FLAGS))
		slab_debug_destroy(s, page);
	__ClearPageSlab(page);
	page->slab_cache = NULL;
	page->freelist = NULL;
	page->s_colour = 0;
	__free_pages(page, s->gfporder);
}

/*
 * Put an empty slab, on no list, on slabs_free, or back to the buddy
 * allocator if SLAB_FREE_SLABS_KEEP are kept already.  s->lock held.
 */
static void retire_empty_slab(struct kmem_cache *s, struct page *page)
{
	if (s->free_slabs >= SLAB_FREE_SLABS_KEEP) {
		s->num_slabs--;
		/* BEGIN LAB 2 SOLUTION */
		s->reaped++;
		/* END LAB 2 SOLUTION */
		free_slab(s, page);
		return;
	}
	list_add(&page->slab_list, &s->slabs_free);
	s->free_slabs++;
}

/*
 * Make @page, just taken off its list, the cpu slab: its free objects move
 * to s->cpu_freelist.  A debug cache leaves cpu_slab_start at
 * CPU_SLAB_NONE, so that the free fast path never takes its objects.
 * Called with s->lock held and no cpu slab.
 */
static void activate_slab(struct kmem_cache *s, struct page *page)
{
	/* BEGIN LAB 2 SOLUTION: what the lists hand over, as Linux's alloc_block() */
	unsigned long off_lists = s->active_objs + s->num - page->inuse;

	/*
	 * Linux's SLAB counts an object "allocated" (STATS_INC_ALLOCED) and
	 * "active" when it leaves a slab for the per-CPU array, not when a
	 * caller gets it; here the lists give a whole slab's free objects to
	 * the cpu slab at once.  Objects off the lists only grow at this
	 * point (the fast paths move objects between the caller and the cpu
	 * slab, both off the lists), so the high mark is exact when taken
	 * here, and costs the fast path nothing, as STATS_SET_HIGH() in
	 * alloc_block().
	 */
	s->num_allocations += s->num - page->inuse;
	if (off_lists > s->high_mark)
		s->high_mark = off_lists;
	/* END LAB 2 SOLUTION */
	list_del(&page->slab_list);
	s->cpu_slab = page;
	if (!(s->flags & SLAB_DEBUG_FLAGS))
		s->cpu_slab_start = (unsigned long)page_address(page);
	s->cpu_freelist = page->freelist;
	page->freelist = NULL;
}

/*
 * deactivate_slab - the cpu slab, if any, stops being it, as SLUB's
 * deactivate_slab(): its free objects go back on page->freelist, its inuse
 * is counted again (the fast paths leave it alone) and it is filed on the
 * list its state calls for.  Called with s->lock held.
 */
static void deactivate_slab(struct kmem_cache *s)
{
	struct page *page = s->cpu_slab;
	unsigned int nr_free = 0;
	void *p;

	if (!page)
		return;
	/* More free objects than slots: a free pointer was overwritten. */
	for (p = s->cpu_freelist; p && nr_free <= s->num; p = *freepointer_addr(s, p))
		nr_free++;
	BUG_ON(nr_free > s->num);
	page->freelist = s->cpu_freelist;
	page->inuse = s->num - nr_free;
	s->cpu_slab = NULL;
	s->cpu_slab_start = CPU_SLAB_NONE;
	s->cpu_freelist = NULL;

	if (!page->freelist)
		list_add(&page->slab_list, &s->slabs_full);
	else if (page->inuse)
		list_add(&page->slab_list, &s->slabs_partial);	/* the next cpu slab */
	else
		retire_empty_slab(s, page);
}

/*
 * Make a new slab and put it on slabs_free.  Called with s->lock held
 * (interrupt state in *@flags); drops it while the slab is made, as Linux's
 * cache_grow_begin(), so that an interrupt handler can use the cache
 * meanwhile.  Returns false when there is no memory for a slab.
 */
static bool grow_cache(struct kmem_cache *s, gfp_t gfp, unsigned long *flags)
{
	struct page *page;
	unsigned int colour;

	colour = s->colour_next * s->colour_off;
	if (++s->colour_next >= s->colour)
		s->colour_next = 0;

	spin_unlock_irqrestore(&s->lock, *flags);
	page = allocate_slab(s, gfp, colour);
	spin_lock_irqsave(&s->lock, *flags);
	if (!page)
		return false;
	list_add(&page->slab_list, &s->slabs_free);
	s->num_slabs++;
	s->free_slabs++;
	/* BEGIN LAB 2 SOLUTION */
	s->grown++;
	/* END LAB 2 SOLUTION */
	return true;
}

/*
 * The caller's address for debug reports: @caller if kmalloc() passed one,
 * else the return address of the kmem_cache_*() function this is inlined
 * into.  Evaluated only on the way to a slow path.
 */
#define REPORT_CALLER(caller)	((caller) ? (caller) : _RET_IP_)

/*
 * __slab_alloc - the allocation slow path, as SLUB's ___slab_alloc(), for
 * all the fast path does not do: an empty cpu freelist, a debug cache,
 * __GFP_ZERO, fault injection.  A used-up cpu slab goes on slabs_full and the next comes
 * from slabs_partial (filling used slabs first lets empty ones go back),
 * else slabs_free, else a new slab.  Called with s->lock held and the
 * interrupt state in @flags, as slab_alloc() left them; releases the lock.
 * Returns the object, or NULL when there is no memory.
 */
static __noinline void *__slab_alloc(struct kmem_cache *s, gfp_t gfp,
				     unsigned long caller, unsigned long flags)
{
	struct page *page;
	void *obj = NULL;

	/* Fault injection (include/nest/fault-inject.h): fail on purpose. */
	if (unlikely(s->flags & SLAB_FAILSLAB) && should_fail(&failslab, s->name, caller))
		goto out;
	/* BEGIN LAB 2 SOLUTION: count a hit or a miss */
	/*
	 * By what the cpu slab had, not by the path taken: a debug cache and
	 * __GFP_ZERO come here with objects left, and Linux counts those hits.
	 */
	if (s->cpu_freelist)
		s->allochit++;
	else
		s->allocmiss++;	/* STATS_INC_ALLOCMISS(), before the refill */
	/* END LAB 2 SOLUTION */
	while (!s->cpu_freelist) {
		deactivate_slab(s);
		if (!list_empty(&s->slabs_partial)) {
			page = list_first_entry(&s->slabs_partial, struct page, slab_list);
		} else if (!list_empty(&s->slabs_free)) {
			page = list_first_entry(&s->slabs_free, struct page, slab_list);
			s->free_slabs--;
		} else if (grow_cache(s, gfp, &flags)) {
			continue;	/* the lock was dropped: look again */
		} else {
			goto out;
		}
		activate_slab(s, page);
	}
	obj = s->cpu_freelist;
	s->cpu_freelist = *freepointer_addr(s, obj);
	s->active_objs++;
	if (unlikely(s->flags & SLAB_DEBUG_FLAGS))
		slab_debug_alloc(s, s->cpu_slab, obj, caller);
out:
	spin_unlock_irqrestore(&s->lock, flags);
	if (obj && (gfp & __GFP_ZERO))
		memset(obj, 0, s->object_size);
	return obj;
}

/*
 * The allocation fast path, as SLUB's slab_alloc_node(): pop the top of
 * the cpu freelist and count the object in.  An empty list, a debug cache
 * and __GFP_ZERO (which pays for a memset() anyway) go to __slab_alloc(),
 * handed the lock still held: then each way out unlocks once and gcc fits
 * this in four registers, with no spills, which is most of its cost.
 */
static __always_inline void *slab_alloc(struct kmem_cache *s, gfp_t gfp,
					unsigned long caller)
{
	unsigned long flags;
	void *obj;

	spin_lock_irqsave(&s->lock, flags);
	obj = s->cpu_freelist;
	if (unlikely(!obj || (gfp & __GFP_ZERO) || (s->flags & SLAB_ALLOC_SLOW_FLAGS)))
		return __slab_alloc(s, gfp, REPORT_CALLER(caller), flags);
	s->cpu_freelist = *freepointer_addr(s, obj);
	s->active_objs++;
	/* BEGIN LAB 2 SOLUTION: one add to memory, as STATS_INC_ALLOCHIT() */
	s->allochit++;
	/* END LAB 2 SOLUTION */
	spin_unlock_irqrestore(&s->lock, flags);
	return obj;
}

/*
 * __slab_free - the free slow path, as SLUB's __slab_free(), with every
 * check: not a slab object at all, an object of another cache, the object
 * on top of its free list (freed just before: a double free), and with
 * debug flags the rest.  A slab other than the cpu slab may change list:
 * full to partial, or empty to slabs_free or the buddy allocator.  Called
 * with s->lock held and the interrupt state in @flags, as slab_free() left
 * them; releases the lock.
 */
static __noinline void __slab_free(struct kmem_cache *s, void *obj,
				   unsigned long caller, unsigned long flags)
{
	unsigned long pfn = virt_to_pfn(obj);
	struct page *page = NULL;
	void *prior;

	if (pfn >= max_pfn)
		goto bad;
	page = compound_head(pfn_to_page(pfn));
	if (!PageSlab(page) || page->slab_cache != s)
		goto bad;
	prior = slab_freelist(s, page);
	if (obj == prior)
		goto bad;
	if (unlikely(s->flags & SLAB_DEBUG_FLAGS) &&
	    !slab_debug_free(s, page, obj, caller)) {
		/* BEGIN LAB 2 SOLUTION */
		s->errors++;
		/* END LAB 2 SOLUTION */
		goto out;
	}

	*freepointer_addr(s, obj) = prior;
	s->active_objs--;
	if (page == s->cpu_slab) {
		s->cpu_freelist = obj;
		/* BEGIN LAB 2 SOLUTION: a debug cache's frees into the cpu slab */
		s->freehit++;
		/* END LAB 2 SOLUTION */
		goto out;
	}
	/* BEGIN LAB 2 SOLUTION */
	s->freemiss++;
	/* END LAB 2 SOLUTION */
	page->freelist = obj;
	page->inuse--;
	if (!page->inuse) {
		list_del(&page->slab_list);
		retire_empty_slab(s, page);
	} else if (!prior) {
		/* Full a moment ago: first in line for the next cpu slab. */
		list_move(&page->slab_list, &s->slabs_partial);
	}
	goto out;
bad:
	/* BEGIN LAB 2 SOLUTION */
	s->errors++;
	/* END LAB 2 SOLUTION */
	slab_bad_free(s, page, obj, caller);
out:
	spin_unlock_irqrestore(&s->lock, flags);
}

/*
 * The free fast path, as SLUB's do_slab_free(): if @obj is in the cpu
 * slab, push it on the cpu freelist and count it out.  Being in the cpu
 * slab says that @obj is in a slab of this cache, so the checks against
 * non-slab pointers and other caches' objects cost nothing here, and a
 * mask finds @obj's slab without a struct page lookup.  Comparing with
 * the top of the cpu freelist catches freeing the object just freed, as
 * CONFIG_SLAB_FREELIST_HARDENED does.  Other frees, and all in a debug
 * cache (see activate_slab()), go to __slab_free() as in slab_alloc().
 */
static __always_inline void slab_free(struct kmem_cache *s, void *obj,
				      unsigned long caller)
{
	unsigned long flags;
	void *prior;

	spin_lock_irqsave(&s->lock, flags);
	if (unlikely(slab_start(s, obj) != s->cpu_slab_start ||
		     obj == s->cpu_freelist)) {
		__slab_free(s, obj, REPORT_CALLER(caller), flags);
		return;
	}
	/* In this order @s is dead after s->offset: one register fewer. */
	prior = s->cpu_freelist;
	s->active_objs--;
	/* BEGIN LAB 2 SOLUTION: one add to memory, as STATS_INC_FREEHIT() */
	s->freehit++;
	/* END LAB 2 SOLUTION */
	s->cpu_freelist = obj;
	*freepointer_addr(s, obj) = prior;
	spin_unlock_irqrestore(&s->lock, flags);
}

/* kmem_cache_alloc - an object from @s, or NULL; any context (include/nest/slab.h). */
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp)
{
	return slab_alloc(s, gfp, 0);
}

/* kmem_cache_zalloc - a zeroed object from @s, or NULL; any context. */
void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t gfp)
{
	return slab_alloc(s, gfp | __GFP_ZERO, _RET_IP_);
}

/* kmem_cache_free - give @obj back to @s; bad frees are reported; any context. */
void kmem_cache_free(struct kmem_cache *s, void *obj)
{
	slab_free(s, obj, 0);
}

/*
 * __kmem_cache_alloc / __kmem_cache_free - the same for kmalloc() and
 * kfree(), which pass their own caller's address for the debug reports.
 */
void *__kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp, unsigned long caller)
{
	return slab_alloc(s, gfp, caller);
}

void __kmem_cache_free(struct kmem_cache *s, void *obj, unsigned long caller)
{
	slab_free(s, obj, caller);
}

/*
 * __kmem_cache_shrink - free all of @s's empty slabs, the cpu slab too if
 * it is empty: it is deactivated first, as by Linux's flush_all().  The
 * empties are taken off the list under the lock and freed after it, as
 * Linux's drain_freelist().  Any context.
 */
void __kmem_cache_shrink(struct kmem_cache *s)
{
	struct list_head empty;
	struct page *page, *next;
	unsigned long flags;

	INIT_LIST_HEAD(&empty);
	spin_lock_irqsave(&s->lock, flags);
	deactivate_slab(s);
	list_for_each_entry_safe(page, next, &s->slabs_free, slab_list)
		list_move(&page->slab_list, &empty);
	/* BEGIN LAB 2 SOLUTION */
	s->reaped += s->free_slabs;
	/* END LAB 2 SOLUTION */
	s->num_slabs -= s->free_slabs;
	s->free_slabs = 0;
	spin_unlock_irqrestore(&s->lock, flags);

	list_for_each_entry_safe(page, next, &empty, slab_list) {
		list_del(&page->slab_list);
		free_slab(s, page);
	}
}

/* Are all the cpu slab's objects free?  It has one and s->lock is held. */
static bool cpu_slab_empty(struct kmem_cache *s)
{
	unsigned int nr_free = 0;
	void *p;

	for (p = s->cpu_freelist; p && nr_free < s->num; p = *freepointer_addr(s, p))
		nr_free++;
	return nr_free == s->num;
}

/*
 * kmem_cache_shrink_keep - free @s's empty slabs but @keep of them, for
 * the reaper (mm/slab_reap.c).  An empty cpu slab is kept if it fits in
 * @keep (the next allocation needs no reactivation); otherwise it is
 * deactivated and goes with the rest.  Returns the slabs freed.  Any
 * context.
 */
unsigned int kmem_cache_shrink_keep(struct kmem_cache *s, unsigned int keep)
{
	struct list_head empty;
	struct page *page, *next;
	unsigned long flags, before;
	unsigned int freed;

	INIT_LIST_HEAD(&empty);
	spin_lock_irqsave(&s->lock, flags);
	before = s->num_slabs;
	if (s->cpu_slab && cpu_slab_empty(s) && s->free_slabs >= keep)
		deactivate_slab(s);	/* may free it at once: retire_empty_slab() */
	while (s->free_slabs > keep) {
		page = list_first_entry(&s->slabs_free, struct page, slab_list);
		list_move(&page->slab_list, &empty);
		s->free_slabs--;
		s->num_slabs--;
		/* BEGIN LAB 2 SOLUTION: Linux's STATS_ADD_REAPED() in cache_reap() */
		s->reaped++;
		/* END LAB 2 SOLUTION */
	}
	freed = before - s->num_slabs;
	spin_unlock_irqrestore(&s->lock, flags);

	list_for_each_entry_safe(page, next, &empty, slab_list) {
		list_del(&page->slab_list);
		free_slab(s, page);
	}
	return freed;
}

/*
 * __kmem_cache_shutdown - free @s's slabs before it is destroyed.
 * Returns 0, or -EBUSY if objects are still allocated (their slabs stay).
 */
int __kmem_cache_shutdown(struct kmem_cache *s)
{
	__kmem_cache_shrink(s);
	return (s->active_objs || s->num_slabs) ? -EBUSY : 0;
}

/*
 * get_slabinfo - @s's counters for /proc/slabinfo, read consistently.  They
 * are exact with a cpu slab too: nothing needs deactivating.
 */
void get_slabinfo(struct kmem_cache *s, struct slabinfo *sinfo)
{
	unsigned long flags;

	spin_lock_irqsave(&s->lock, flags);
	sinfo->active_objs = s->active_objs;
	sinfo->num_objs = s->num_slabs * s->num;
	sinfo->active_slabs = s->num_slabs - s->free_slabs;
	sinfo->num_slabs = s->num_slabs;
	spin_unlock_irqrestore(&s->lock, flags);
}

/*
 * kmem_cache_validate - walk @s's cpu slab and lists and check every
 * counter against what is really there (as SLUB's validate_slab_cache()):
 * the cpu slab is on no list and its free objects are on s->cpu_freelist;
 * full, partial and free slabs hold what their list says.  Returns true if
 * consistent, else reports what it counted.  For tests; takes no lock, so
 * call it when nothing else uses the cache.
 */
bool kmem_cache_validate(struct kmem_cache *s)
{
	unsigned long slabs = 0, frees = 0, inuse = 0, start = CPU_SLAB_NONE;
	unsigned int nr_free = 0;
	struct page *page;
	bool ok = true;
	void *p;

	if (s->cpu_slab) {
		for (p = s->cpu_freelist; p && nr_free <= s->num;
		     p = *freepointer_addr(s, p), nr_free++)
			ok &= compound_head(virt_to_page(p)) == s->cpu_slab;
		ok &= nr_free <= s->num && !s->cpu_slab->freelist;
		slabs++, inuse += s->num - nr_free;
		if (!(s->flags & SLAB_DEBUG_FLAGS))
			start = (unsigned long)page_address(s->cpu_slab);
	}
	ok &= s->cpu_slab_start == start && (s->cpu_slab || !s->cpu_freelist);
	list_for_each_entry(page, &s->slabs_full, slab_list) {
		ok &= page->inuse == s->num && !page->freelist;
		slabs++, inuse += page->inuse;
	}
	list_for_each_entry(page, &s->slabs_partial, slab_list) {
		ok &= page->inuse > 0 && page->inuse < s->num && page->freelist;
		slabs++, inuse += page->inuse;
	}
	list_for_each_entry(page, &s->slabs_free, slab_list) {
		ok &= page->inuse == 0;
		slabs++, frees++;
	}
	ok &= slabs == s->num_slabs && frees == s->free_slabs && inuse == s->active_objs;
	if (!ok)
		pr_err("%s: %lu slabs (counter %lu), %lu free (%lu), %lu in use (%lu)\n",
		       s->name, slabs, s->num_slabs, frees, s->free_slabs, inuse,
		       s->active_objs);
	return ok;
}
