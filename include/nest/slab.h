/*
 * include/nest/slab.h - the slab allocator and kmalloc, as Linux's.
 *
 * A kmem_cache hands out objects of one size.  It carves them out of slabs:
 * blocks of 2^gfporder pages from the buddy allocator, each holding `num`
 * objects and a free list threaded through the free ones (Bonwick, "The
 * Slab Allocator", USENIX 1994).  kmalloc() is a set of such caches, one
 * per size class (kmalloc-8 ... kmalloc-2048), plus whole pages for bigger
 * requests.
 *
 * The core is mm/slab.c, the debugging checks (poison, red zones, double
 * free) mm/slab_debug.c, and the list of caches, kmalloc and /proc/slabinfo
 * mm/slab_common.c.  The second half of this header is their shared
 * internals; code outside mm/ uses only the first half.
 */
#ifndef NEST_SLAB_H
#define NEST_SLAB_H

#include <nest/types.h>
#include <nest/list.h>
#include <nest/gfp.h>
#include <nest/spinlock.h>
#include <nest/mm.h>
#include <nest/jiffies.h>

typedef unsigned int slab_flags_t;

/* Flags for kmem_cache_create(); the values are Linux's. */
#define SLAB_RED_ZONE		0x00000400u	/* guard words around each object */
#define SLAB_POISON		0x00000800u	/* fill free objects with 0x6b */
#define SLAB_HWCACHE_ALIGN	0x00002000u	/* align objects to a cache line */
#define SLAB_STORE_USER		0x00010000u	/* record who allocated and freed */
#define SLAB_PANIC		0x00040000u	/* panic if the cache cannot be made */

/* The flags that take objects off the fast path (see mm/slab_debug.c). */
#define SLAB_DEBUG_FLAGS	(SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER)
/*
 * Set by kmem_cache_create() on every cache once the failslab boot word
 * armed fault injection (include/nest/fault-inject.h): its allocations
 * take the slow path, where should_fail() is asked.  Linux's value.
 */
#define SLAB_FAILSLAB		0x02000000u
/* What sends an allocation to the slow path, besides an empty freelist. */
#define SLAB_ALLOC_SLOW_FLAGS	(SLAB_DEBUG_FLAGS | SLAB_FAILSLAB)

/*
 * Poison bytes, Linux's include/linux/poison.h: an allocated object starts
 * out as 0x5a5a..., a free one is 0x6b6b...6b a5.  Seeing them in a crash
 * dump says "used before it was initialised" or "used after it was freed".
 */
#define POISON_INUSE	0x5a	/* allocated, not yet written */
#define POISON_FREE	0x6b	/* free */
#define POISON_END	0xa5	/* last byte of a free object */

/*
 * Red zone words (Linux's SLAB values): 64 bits before and after each
 * object, one value while the object is allocated and another while it is
 * free.  Any other value means someone wrote outside their object.
 */
#define RED_INACTIVE	0x09F911029D74E35BULL	/* object is free */
#define RED_ACTIVE	0xD84156C5635688C0ULL	/* object is allocated */

#define L1_CACHE_BYTES		64	/* i386 (and host) cache line */
/* The smallest object alignment: enough for u64 and for a pointer. */
#define ARCH_SLAB_MINALIGN	__alignof__(unsigned long long)

#define KMEM_CACHE_NAME_LEN	32	/* bytes of a cache's name, with the NUL */

/*
 * struct kmem_cache - a cache of objects of one size.  A slab's head page
 * (struct page, include/nest/mm.h) has PG_slab set and carries the slab's
 * state: slab_cache, freelist, inuse and s_colour.  Allocations come from
 * the cpu slab, whose free objects are on cpu_freelist (SLUB's struct
 * kmem_cache_cpu; see the top of mm/slab.c); it is on no list, and its
 * page->freelist and page->inuse are only brought up to date when it stops
 * being the cpu slab.  Every other slab is on exactly one of three lists,
 * by how many of its objects are in use: slabs_full (all), slabs_partial
 * (some) or slabs_free (none).  The counters are exact at all times.
 */
struct kmem_cache {
	spinlock_t lock;		/* guards everything below but geometry */
	/* The fields the fast paths touch, together at the start. */
	void *cpu_freelist;		/* cpu_slab's free objects; NULL if none */
	unsigned long cpu_slab_start;	/* its address; CPU_SLAB_NONE if none */
	unsigned long slab_mask;	/* obj & slab_mask: start of obj's slab */
	slab_flags_t flags;		/* SLAB_* from create, plus slab_debug_all */
	unsigned int offset;		/* free pointer: bytes after object start */
	unsigned long active_objs;	/* objects handed out and not freed */
	/* BEGIN LAB 2 SOLUTION: the fast paths' two counters (struct kmem_cache_stats) */
	unsigned long allochit;		/* allocations served by the cpu slab */
	unsigned long freehit;		/* frees into the cpu slab */
	/* END LAB 2 SOLUTION */

	struct page *cpu_slab;		/* the slab allocations come from, or NULL */
	struct list_head slabs_partial;	/* the next cpu slab is the first */
	struct list_head slabs_full;
	struct list_head slabs_free;
	unsigned long num_slabs;	/* the cpu slab and those on the lists */
	unsigned long free_slabs;	/* slabs on slabs_free */
	/* BEGIN LAB 2 SOLUTION: the slow paths' counters (struct kmem_cache_stats) */
	unsigned long allocmiss;	/* allocations that needed a new cpu slab */
	unsigned long freemiss;		/* frees into a slab on a list */
	unsigned long num_allocations;	/* objects the lists gave to cpu slabs */
	unsigned long high_mark;	/* most objects off the lists at once */
	unsigned long grown;		/* slabs made */
	unsigned long reaped;		/* slabs given back */
	unsigned long errors;		/* frees refused and reported */
	/* END LAB 2 SOLUTION */

	/* Geometry, fixed at creation (see calculate_sizes() in mm/slab.c). */
	unsigned int object_size;	/* the size asked for */
	unsigned int size;		/* stride: object + metadata + padding */
	unsigned int align;		/* object alignment, a power of two */
	unsigned int obj_offset;	/* object start within its stride (red zone) */
	unsigned int num;		/* objects per slab */
	unsigned int gfporder;		/* a slab is 2^gfporder pages */
	unsigned int colour;		/* number of distinct colours */
	unsigned int colour_off;	/* bytes per colour step */
	unsigned int colour_next;	/* the colour the next slab gets */
	void (*ctor)(void *obj);	/* run once per object, at slab creation */

	struct list_head list;		/* in slab_caches */
	char name[KMEM_CACHE_NAME_LEN];
};

/*
 * kmem_cache_create - make a cache of objects of @size bytes.
 * @name: shown in /proc/slabinfo and in reports; copied (truncated to
 *        KMEM_CACHE_NAME_LEN - 1 bytes).
 * @size: object size in bytes, > 0.
 * @align: required alignment (0 or a power of two); objects are always at
 *         least ARCH_SLAB_MINALIGN aligned.
 * @flags: SLAB_HWCACHE_ALIGN, SLAB_POISON, SLAB_RED_ZONE, SLAB_STORE_USER,
 *         SLAB_PANIC.
 * @ctor: optional constructor, run on every object when its slab is made
 *        (not on every allocation): a freed object must be returned to its
 *        constructed state by its user.
 * Returns the cache, or NULL on a bad argument or no memory (a panic
 * instead with SLAB_PANIC).  Process context; needs kmem_cache_init().
 */
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *));

/*
 * kmem_cache_destroy - free an empty cache and all its slabs.  If objects
 * are still allocated, says so with KERN_ERR, counts a slab error and keeps
 * the cache (leaks it) as Linux does.  NULL is a no-op.  Process context.
 */
void kmem_cache_destroy(struct kmem_cache *s);

/*
 * kmem_cache_alloc - an object from @s.  With __GFP_ZERO in @gfp it is
 * zeroed; otherwise it holds whatever its last user (or the ctor) left.
 * Returns NULL when no memory is left (never panics).  Any context,
 * including interrupt handlers and with interrupts off.
 */
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp);

/* kmem_cache_zalloc - kmem_cache_alloc() of a zeroed object. */
void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t gfp);

/*
 * kmem_cache_free - give @obj back to @s, the cache it came from.  A
 * pointer that is not a live object of @s (wrong cache, double free; with
 * debug flags also a misaligned one) is reported and left alone.  Any
 * context.
 */
void kmem_cache_free(struct kmem_cache *s, void *obj);

/*
 * struct kmem_cache_stats - what a cache has done since it was created, as
 * the counters of Linux's SLAB under CONFIG_DEBUG_SLAB (STATS_INC_ALLOCHIT()
 * and friends in Linux 4.x mm/slab.c), with Linux's names.  "The lists" are
 * slabs_partial, slabs_free and a new slab; the cpu slab is off them.
 *
 *   allochit         allocations served by the cpu slab as it was
 *   allocmiss        allocations that first had to take a new cpu slab
 *                    from the lists (one that failed for want of memory too)
 *   freehit          frees of an object of the cpu slab
 *   freemiss         frees into a slab on a list
 *   num_allocations  objects the lists handed out: each new cpu slab's free
 *                    objects (Linux: objects moved to the per-CPU array)
 *   high_mark        the most objects off the lists at once: in use, plus
 *                    the free ones of the cpu slab (Linux: max num_active)
 *   grown            slabs made (grow_cache())
 *   reaped           slabs given back to the page allocator, by a free, a
 *                    shrink or the reaper; grown - reaped == num_slabs
 *   errors           frees refused and reported (bad pointer, wrong cache,
 *                    double free, and the debug checks at free)
 *
 * allochit + allocmiss counts every allocation but those failslab failed;
 * freehit + freemiss + errors every free.  Counts wrap at ULONG_MAX.
 */
struct kmem_cache_stats {
	unsigned long allochit;
	unsigned long allocmiss;
	unsigned long freehit;
	unsigned long freemiss;
	unsigned long num_allocations;
	unsigned long high_mark;
	unsigned long grown;
	unsigned long reaped;
	unsigned long errors;
};

/*
 * kmem_cache_stats - a consistent copy of @s's counters into @st.  Any
 * context.  (mm/slab_stats.c)
 */
void kmem_cache_stats(struct kmem_cache *s, struct kmem_cache_stats *st);

/*
 * Set by the `slab_stats` boot word: /proc/slabinfo (and slabinfo_print())
 * then use Linux's statistics format, "slabinfo - version: 2.1
 * (statistics)", each line ending in ": globalstat ..." and ": cpustat ...",
 * as a Linux kernel built with CONFIG_DEBUG_SLAB.  Without it the file is
 * Linux's default one, column for column.
 */
extern bool slab_stats;

/* Check @s's lists and counters against each other; true if they agree (tests). */
bool kmem_cache_validate(struct kmem_cache *s);

/*
 * kmem_cache_shrink - give @s's empty slabs back to the buddy allocator.
 * Returns 0.  Any context.
 */
int kmem_cache_shrink(struct kmem_cache *s);

/* kmem_cache_shrink() on every cache (the leak gate does it first). */
void kmem_cache_shrink_all(void);

/*
 * kmem_cache_shrink_keep - as kmem_cache_shrink(), but keep up to @keep
 * empty slabs (an empty cpu slab counts as one, and is kept first).
 * Returns the slabs given back.  Any context.
 */
unsigned int kmem_cache_shrink_keep(struct kmem_cache *s, unsigned int keep);

/* kmem_cache_shrink_keep() on every cache; returns the slabs given back. */
unsigned long kmem_cache_shrink_all_keep(unsigned int keep);

/*
 * The slab reaper (mm/slab_reap.c), as Linux's cache_reap(): a delayed
 * work item on system_wq that every SLAB_REAP_INTERVAL gives every
 * cache's empty slabs back to the page allocator but SLAB_REAP_KEEP of
 * them.  Started by workqueue_init().  slab_reap_work is a struct
 * delayed_work (include/nest/workqueue.h), flushed by tests to run it now.
 */
#define SLAB_REAP_INTERVAL	(2 * HZ)	/* Linux's REAPTIMEOUT_AC */
#define SLAB_REAP_KEEP		1		/* empty slabs each cache keeps */

struct delayed_work;
extern struct delayed_work slab_reap_work;
extern unsigned long slab_reap_runs;		/* passes made */
extern unsigned long slab_reap_freed;		/* slabs given back, in all */
void slab_reap_init(void);

/*
 * kmalloc - @size bytes of memory.  Up to KMALLOC_MAX_CACHE_SIZE from the
 * kmalloc-N caches, bigger as whole pages from the buddy allocator.
 * Returns NULL for @size 0 (Linux returns ZERO_SIZE_PTR) and when there is
 * no memory.  Power-of-two sizes are naturally aligned.  Any context.
 */
void *kmalloc(size_t size, gfp_t gfp);

/* kzalloc - kmalloc() of zeroed memory. */
void *kzalloc(size_t size, gfp_t gfp);

/* kfree - free memory from kmalloc(); NULL is a no-op.  Any context. */
void kfree(const void *obj);

/* ksize - the usable size of a kmalloc() block (>= the size asked for). */
size_t ksize(const void *obj);

/*
 * kmem_cache_init - create the cache of caches and the kmalloc caches.
 * Called once at boot, after the buddy allocator has memory.
 */
void kmem_cache_init(void);

/*
 * slabinfo_show - the /proc/slabinfo (version 2.1) report, one line at a
 * time (without a newline) to @emit(@arg, line).  @emit runs with the
 * cache list locked and interrupts off: it must not create or destroy
 * caches.  Any context.
 */
void slabinfo_show(void (*emit)(void *arg, const char *line), void *arg);

/* slabinfo_show() to the kernel log. */
void slabinfo_print(void);

/*
 * Set before kmem_cache_init() (by the `slub_debug` command line word) to
 * give every cache created from then on SLAB_POISON and SLAB_RED_ZONE.
 */
extern bool slab_debug_all;

/* Reports made: poison, red zone, double or bad free, destroy with objects. */
extern unsigned long slab_error_count;

/* The title line of the last report ("BUG name: reason"), for tests. */
#define SLAB_REPORT_LEN		128
extern char slab_last_report[SLAB_REPORT_LEN];

/*
 * The leak gate (kernel/ktest.c): a snapshot of every cache's active
 * objects and of the free page count, taken before and after a suite.
 */
#define SLAB_SNAPSHOT_MAX	64

struct slab_snapshot {
	unsigned int nr;
	struct {
		const struct kmem_cache *cache;
		char name[KMEM_CACHE_NAME_LEN];
		unsigned long active;
	} entry[SLAB_SNAPSHOT_MAX];
	unsigned long free_pages;
};

/*
 * slab_snapshot_take - shrink every cache, then record nr_free_pages() and
 * each cache's active objects in @snap.  Process context.
 */
void slab_snapshot_take(struct slab_snapshot *snap);

/*
 * slab_snapshot_compare - report each difference between @before and
 * @after to @report(@arg, line): "cache NAME: active objects 12 -> 13",
 * "free pages 1000 -> 999".  A cache created in between counts from 0 (so
 * one created and destroyed in between is no difference).  Returns the
 * number of differences.
 */
int slab_snapshot_compare(const struct slab_snapshot *before,
			  const struct slab_snapshot *after,
			  void (*report)(void *arg, const char *line), void *arg);

/* ---- internals shared by mm/slab.c, mm/slab_debug.c, mm/slab_common.c ---- */

/* The size classes: kmalloc-8 (index 3) ... kmalloc-2048 (index 11). */
#define KMALLOC_SHIFT_LOW	3
#define KMALLOC_SHIFT_HIGH	11
#define KMALLOC_MIN_SIZE	(1u << KMALLOC_SHIFT_LOW)
#define KMALLOC_MAX_CACHE_SIZE	(1u << KMALLOC_SHIFT_HIGH)

#define REDZONE_SIZE		sizeof(unsigned long long)

/*
 * get_order - the smallest order whose block holds @size bytes (Linux's
 * get_order(); it belongs with the page allocator in mm.h).
 */
static inline unsigned int get_order(unsigned long size)
{
	unsigned int order = 0;

	while ((PAGE_SIZE << order) < size)
		order++;
	return order;
}

/* The return address of the current function, as Linux's _RET_IP_. */
#define _RET_IP_		((unsigned long)__builtin_return_address(0))

/* With SLAB_STORE_USER: who last allocated and freed an object. */
struct slab_track {
	unsigned long alloc_addr;
	unsigned long free_addr;
};

/* Counters for /proc/slabinfo, read under the cache's lock. */
struct slabinfo {
	unsigned long active_objs;
	unsigned long num_objs;
	unsigned long active_slabs;
	unsigned long num_slabs;
};

extern struct kmem_cache *kmem_cache;	/* the cache of struct kmem_cache */
extern struct list_head slab_caches;	/* every cache, newest first */

/* mm/slab.c */
int __kmem_cache_create(struct kmem_cache *s, const char *name,
			unsigned int size, unsigned int align,
			slab_flags_t flags, void (*ctor)(void *));
int __kmem_cache_shutdown(struct kmem_cache *s);
void __kmem_cache_shrink(struct kmem_cache *s);
void *__kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp, unsigned long caller);
void __kmem_cache_free(struct kmem_cache *s, void *obj, unsigned long caller);
void get_slabinfo(struct kmem_cache *s, struct slabinfo *sinfo);

/* mm/slab_stats.c: @s's statistics columns into @buf, as Linux's (slab_stats). */
void slabinfo_show_stats(struct kmem_cache *s, char *buf, size_t size);

/* mm/slab_debug.c: called with s->lock held (or on a slab not yet listed). */
void slab_debug_init_object(struct kmem_cache *s, void *obj);
void slab_debug_alloc(struct kmem_cache *s, struct page *page, void *obj,
		      unsigned long caller);
bool slab_debug_free(struct kmem_cache *s, struct page *page, void *obj,
		     unsigned long caller);
void slab_bad_free(struct kmem_cache *s, struct page *page, void *obj,
		   unsigned long caller);
void slab_debug_destroy(struct kmem_cache *s, struct page *page);
/* Start a report: count it, record and print its title. */
__printf(1, 2) void slab_error(const char *fmt, ...);

/*
 * s->cpu_slab_start when there is no cpu slab: odd, so unequal to every
 * slab_start(), which is page aligned.
 */
#define CPU_SLAB_NONE		(~0UL)

/*
 * The start of the slab that holds @obj, if @obj is in one of @s's slabs
 * at all.  A slab is a buddy block of 2^gfporder pages, and the buddy
 * allocator puts each block at a multiple of its size (mm/page_alloc.c).
 */
static inline unsigned long slab_start(const struct kmem_cache *s, const void *obj)
{
	return (unsigned long)obj & s->slab_mask;
}

/* The first object of a slab: after the colour offset and left red zone. */
static inline void *slab_first_object(const struct kmem_cache *s,
				      const struct page *page)
{
	return (char *)page_address(page) + page->s_colour + s->obj_offset;
}

/* Where the free object @obj keeps the address of the next free one. */
static inline void **freepointer_addr(const struct kmem_cache *s, void *obj)
{
	return (void **)((char *)obj + s->offset);
}

/*
 * The first free object of @page.  While @page is the cpu slab its free
 * objects are on s->cpu_freelist and page->freelist is NULL.
 */
static inline void *slab_freelist(const struct kmem_cache *s,
				  const struct page *page)
{
	return page == s->cpu_slab ? s->cpu_freelist : page->freelist;
}

/* With SLAB_STORE_USER: the track record, right after the free pointer. */
static inline struct slab_track *slab_track_addr(const struct kmem_cache *s,
						 void *obj)
{
	return (struct slab_track *)((char *)obj + s->offset + sizeof(void *));
}

#endif /* NEST_SLAB_H */
