/*
 * mm/slab_common.c - what sits around the slab core, as Linux's file of the
 * same name: the list of caches (slab_caches), kmem_cache_create() and
 * kmem_cache_destroy(), the kmalloc size classes and kmalloc()/kfree()/
 * ksize(), the /proc/slabinfo report and the leak gate's snapshots.
 *
 * struct kmem_cache objects come from a cache of their own, `kmem_cache`,
 * whose own struct is static (kmem_cache_boot): that breaks the chicken and
 * egg at boot in kmem_cache_init().  Requests above KMALLOC_MAX_CACHE_SIZE
 * go to the buddy allocator as compound blocks; kfree() tells the two
 * apart by PG_slab on the block's head page.
 *
 * Called by everything that allocates memory and by kernel/ktest.c (leak
 * gate); calls mm/slab_geometry.c to lay out a new cache, mm/slab.c for
 * everything else, and mm/page_alloc.c.
 */
#include <nest/slab.h>
#include <nest/mm.h>
#include <nest/errno.h>
#include <nest/string.h>
#include <nest/printk.h>
#include <nest/bug.h>
#include <nest/fault-inject.h>

/* The flags kmem_cache_create() accepts. */
#define SLAB_CREATE_MASK	(SLAB_HWCACHE_ALIGN | SLAB_DEBUG_FLAGS | SLAB_PANIC)

/* Room for one /proc/slabinfo line, statistics columns included, or one leak-gate line. */
#define SLABINFO_LINE_LEN	256

/* /proc/slabinfo's title and column names (Linux's print_slabinfo_header()). */
#define SLABINFO_VERSION	"slabinfo - version: 2.1"
#define SLABINFO_COLUMNS						\
	"# name            <active_objs> <num_objs> <objsize> <objperslab> "	\
	"<pagesperslab> : tunables <limit> <batchcount> <sharedfactor> "	\
	": slabdata <active_slabs> <num_slabs> <sharedavail>"

LIST_HEAD(slab_caches);
/* Guards slab_caches.  Nest has no mutex yet; creation is process context. */
static DEFINE_SPINLOCK(slab_caches_lock);

struct kmem_cache *kmem_cache;
static struct kmem_cache kmem_cache_boot;

/* kmalloc_caches[i] serves sizes up to 2^i (and 96 at 1, 192 at 2), as Linux. */
static struct kmem_cache *kmalloc_caches[KMALLOC_SHIFT_HIGH + 1];

static const struct {
	const char *name;
	unsigned int size;
} kmalloc_info[KMALLOC_SHIFT_HIGH + 1] = {
	[1] = { "kmalloc-96", 96 },		[2] = { "kmalloc-192", 192 },
	[3] = { "kmalloc-8", 8 },		[4] = { "kmalloc-16", 16 },
	[5] = { "kmalloc-32", 32 },		[6] = { "kmalloc-64", 64 },
	[7] = { "kmalloc-128", 128 },		[8] = { "kmalloc-256", 256 },
	[9] = { "kmalloc-512", 512 },		[10] = { "kmalloc-1024", 1024 },
	[11] = { "kmalloc-2048", 2048 },
};

/* kmalloc_caches indexes by size, for creation: 8 .. 64, 96, 128, 192, 256 .. */
static const u8 kmalloc_create_order[] = { 3, 4, 5, 6, 1, 7, 2, 8, 9, 10, 11 };

/*
 * The kmalloc_caches index for sizes up to 192, by (size - 1) / 8: Linux's
 * size_index[].  Bigger sizes go by powers of two (fls(size - 1)).
 */
#define SIZE_INDEX_MAX		192
#define SIZE_INDEX_STEP		8

static const u8 size_index[SIZE_INDEX_MAX / SIZE_INDEX_STEP] = {
	3,	/* 8 */
	4,	/* 16 */
	5, 5,	/* 24, 32 */
	6, 6, 6, 6,	/* 40 .. 64 */
	1, 1, 1, 1,	/* 72 .. 96 */
	7, 7, 7, 7,	/* 104 .. 128 */
	2, 2, 2, 2, 2, 2, 2, 2,	/* 136 .. 192 */
};

/* The position of the highest set bit, 1-based; 0 for 0 (Linux's fls()). */
static inline unsigned int fls(unsigned int x)
{
	return x ? 32 - __builtin_clz(x) : 0;
}

static inline bool is_power_of_2(unsigned long n)
{
	return n != 0 && (n & (n - 1)) == 0;
}

/*
 * kmem_cache_create - a new cache (see include/nest/slab.h for the
 * arguments).  Returns NULL on a bad argument or no memory, or panics with
 * SLAB_PANIC.  Process context.
 */
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *))
{
	struct kmem_cache *s;
	unsigned long irqflags;
	int err = -EINVAL;

	BUG_ON(!kmem_cache);	/* called before kmem_cache_init() */
	if (!name || !size || (align && !is_power_of_2(align)) ||
	    (flags & ~SLAB_CREATE_MASK))
		goto out;
	err = -ENOMEM;
	s = kmem_cache_zalloc(kmem_cache, GFP_KERNEL);
	if (!s)
		goto out;
	err = __kmem_cache_create(s, name, size, align, flags, ctor);
	if (err)
		goto out_free;
	/* Armed fault injection sends every cache to should_fail(). */
	if (failslab.armed)
		s->flags |= SLAB_FAILSLAB;

	spin_lock_irqsave(&slab_caches_lock, irqflags);
	list_add(&s->list, &slab_caches);
	spin_unlock_irqrestore(&slab_caches_lock, irqflags);
	return s;

out_free:
	kmem_cache_free(kmem_cache, s);
out:
	if (flags & SLAB_PANIC)
		panic("kmem_cache_create: cannot create cache %s (size %u): error %d",
		      name ? name : "(null)", size, err);
	pr_warn("kmem_cache_create(%s, size %u, align %u) failed: error %d\n",
		name ? name : "(null)", size, align, err);
	return NULL;
}

/*
 * kmem_cache_destroy - free @s and its slabs; with live objects, report
 * and keep it, as Linux does.  Process context.
 */
void kmem_cache_destroy(struct kmem_cache *s)
{
	unsigned long irqflags;

	if (!s)
		return;
	if (__kmem_cache_shutdown(s)) {
		/* Freeing the slabs would hand live objects to someone else. */
		slab_error("kmem_cache_destroy %s: Slab cache still has objects",
			   s->name);
		pr_err("INFO: %lu objects in %lu slabs still allocated; the cache is kept\n",
		       s->active_objs, s->num_slabs);
		return;
	}
	spin_lock_irqsave(&slab_caches_lock, irqflags);
	list_del(&s->list);
	spin_unlock_irqrestore(&slab_caches_lock, irqflags);
	kmem_cache_free(kmem_cache, s);
}

/* kmem_cache_shrink - free @s's empty slabs; returns 0.  Any context. */
int kmem_cache_shrink(struct kmem_cache *s)
{
	__kmem_cache_shrink(s);
	return 0;
}

/* kmem_cache_shrink_all - kmem_cache_shrink() every cache.  Any context. */
void kmem_cache_shrink_all(void)
{
	struct kmem_cache *s;
	unsigned long irqflags;

	spin_lock_irqsave(&slab_caches_lock, irqflags);
	list_for_each_entry(s, &slab_caches, list)
		__kmem_cache_shrink(s);
	spin_unlock_irqrestore(&slab_caches_lock, irqflags);
}

/*
 * kmem_cache_shrink_all_keep - kmem_cache_shrink_keep(@keep) every cache,
 * for the slab reaper.  Returns the slabs freed.  Any context.
 */
unsigned long kmem_cache_shrink_all_keep(unsigned int keep)
{
	struct kmem_cache *s;
	unsigned long irqflags, freed = 0;

	spin_lock_irqsave(&slab_caches_lock, irqflags);
	list_for_each_entry(s, &slab_caches, list)
		freed += kmem_cache_shrink_keep(s, keep);
	spin_unlock_irqrestore(&slab_caches_lock, irqflags);
	return freed;
}

/* The kmalloc cache for @size (1 .. KMALLOC_MAX_CACHE_SIZE bytes). */
static struct kmem_cache *kmalloc_slab(size_t size)
{
	if (size <= SIZE_INDEX_MAX)
		return kmalloc_caches[size_index[(size - 1) / SIZE_INDEX_STEP]];
	return kmalloc_caches[fls((unsigned int)size - 1)];
}

/* Requests too big for a kmalloc cache: a compound block of pages. */
static void *kmalloc_large(size_t size, gfp_t gfp)
{
	struct page *page;

	if (size > (PAGE_SIZE << (MAX_ORDER - 1))) {
		if (!(gfp & __GFP_NOWARN))
			pr_warn("kmalloc: %lu bytes is more than the largest block\n",
				(unsigned long)size);
		return NULL;
	}
	page = alloc_pages(gfp | __GFP_COMP, get_order(size));
	return page ? page_address(page) : NULL;
}

/*
 * kmalloc - @size bytes from the matching kmalloc-N cache, or pages above
 * KMALLOC_MAX_CACHE_SIZE.  NULL for size 0 or no memory.  Any context.
 */
void *kmalloc(size_t size, gfp_t gfp)
{
	if (unlikely(!size))
		return NULL;
	if (unlikely(size > KMALLOC_MAX_CACHE_SIZE))
		return kmalloc_large(size, gfp);
	return __kmem_cache_alloc(kmalloc_slab(size), gfp, _RET_IP_);
}

/* kzalloc - kmalloc() of zeroed memory.  Any context. */
void *kzalloc(size_t size, gfp_t gfp)
{
	if (unlikely(!size))
		return NULL;
	if (unlikely(size > KMALLOC_MAX_CACHE_SIZE))
		return kmalloc_large(size, gfp | __GFP_ZERO);
	return __kmem_cache_alloc(kmalloc_slab(size), gfp | __GFP_ZERO, _RET_IP_);
}

/*
 * The block under @obj, for kfree() or ksize() (@what): its head page, or
 * NULL (reported) if @obj cannot be from kmalloc() at all.
 */
static struct page *kmalloc_page(const void *obj, const char *what,
				 unsigned long caller)
{
	struct page *page;

	if (virt_to_pfn(obj) < max_pfn) {
		page = compound_head(virt_to_page(obj));
		if (PageSlab(page) ||
		    (obj == page_address(page) && page->_refcount > 0 &&
		     !PageReserved(page)))
			return page;
	}
	slab_error("BUG kmalloc: %s(%p): not a kmalloc() pointer", what, obj);
	pr_err("INFO: %p is neither a slab object nor a page block; caller %pS\n",
	       obj, (void *)caller);
	pr_err("FIX kmalloc: Pointer %p ignored\n", obj);
	return NULL;
}

/*
 * kfree - free @obj from kmalloc(): PG_slab on its head page says which
 * cache, else it is a page block.  NULL is a no-op.  Any context.
 */
void kfree(const void *obj)
{
	struct page *page;

	if (unlikely(!obj))
		return;
	page = kmalloc_page(obj, "kfree", _RET_IP_);
	if (!page)
		return;
	if (likely(PageSlab(page)))
		__kmem_cache_free(page->slab_cache, (void *)obj, _RET_IP_);
	else
		__free_pages(page, compound_order(page));
}

/* ksize - usable bytes at @obj (from kmalloc()); 0 for NULL.  Any context. */
size_t ksize(const void *obj)
{
	struct page *page;

	if (!obj)
		return 0;
	page = kmalloc_page(obj, "ksize", _RET_IP_);
	if (!page)
		return 0;
	if (PageSlab(page))
		return page->slab_cache->object_size;
	return PAGE_SIZE << compound_order(page);
}

/*
 * kmem_cache_init - bootstrap: the cache of caches first, from a static
 * struct, then the kmalloc caches from it.  Power-of-two kmalloc sizes are
 * aligned to their size, so kmalloc(512) is 512-aligned even with debug
 * red zones (as Linux's create_kmalloc_caches()).
 */
void kmem_cache_init(void)
{
	unsigned int i, idx, align;

	if (__kmem_cache_create(&kmem_cache_boot, "kmem_cache",
				sizeof(struct kmem_cache), 0, SLAB_HWCACHE_ALIGN, NULL))
		panic("kmem_cache_init: cannot create the cache of caches");
	list_add(&kmem_cache_boot.list, &slab_caches);
	kmem_cache = &kmem_cache_boot;

	for (i = 0; i < ARRAY_SIZE(kmalloc_create_order); i++) {
		idx = kmalloc_create_order[i];
		align = is_power_of_2(kmalloc_info[idx].size) ? kmalloc_info[idx].size : 0;
		kmalloc_caches[idx] = kmem_cache_create(kmalloc_info[idx].name,
							kmalloc_info[idx].size,
							align, SLAB_PANIC, NULL);
	}
}

/*
 * slabinfo_show - /proc/slabinfo 2.1, a line at a time to @emit(@arg, ...),
 * with the cache list locked and interrupts off.
 */
void slabinfo_show(void (*emit)(void *arg, const char *line), void *arg)
{
	char line[SLABINFO_LINE_LEN];
	struct slabinfo si;
	struct kmem_cache *s;
	unsigned long irqflags;
	int n;

	/* BEGIN LAB 2 SOLUTION: the statistics title and columns with slab_stats */
	/* As a Linux kernel built with CONFIG_DEBUG_SLAB (mm/slab_stats.c). */
	if (slab_stats) {
		emit(arg, SLABINFO_VERSION " (statistics)");
		emit(arg, SLABINFO_COLUMNS " : globalstat <listallocs> <maxobjs> <grown> "
			  "<reaped> <error> <maxfreeable> <nodeallocs> <remotefrees> "
			  "<alienoverflow> : cpustat <allochit> <allocmiss> <freehit> "
			  "<freemiss>");
	} else {
		emit(arg, SLABINFO_VERSION);
		emit(arg, SLABINFO_COLUMNS);
	}
	/* END LAB 2 SOLUTION */
	/* BEGIN LAB 2 STARTER
	emit(arg, SLABINFO_VERSION);
	emit(arg, SLABINFO_COLUMNS);
	END LAB 2 STARTER */
	spin_lock_irqsave(&slab_caches_lock, irqflags);
	list_for_each_entry(s, &slab_caches, list) {
		get_slabinfo(s, &si);
		/* Linux's cache_show(); no per-CPU arrays, so tunables are 0. */
		n = snprintf(line, sizeof(line),
			     "%-17s %6lu %6lu %6u %4u %4u : tunables %4u %4u %4u "
			     ": slabdata %6lu %6lu %6u",
			     s->name, si.active_objs, si.num_objs, s->size, s->num,
			     1u << s->gfporder, 0u, 0u, 0u, si.active_slabs,
			     si.num_slabs, 0u);
		/* BEGIN LAB 2 SOLUTION */
		if (slab_stats && n > 0 && (size_t)n < sizeof(line))
			slabinfo_show_stats(s, line + n, sizeof(line) - n);
		/* END LAB 2 SOLUTION */
		/* BEGIN LAB 2 STARTER
		(void)n;
		END LAB 2 STARTER */
		emit(arg, line);
	}
	spin_unlock_irqrestore(&slab_caches_lock, irqflags);
}

static void slabinfo_printk(void *arg, const char *line)
{
	(void)arg;
	printk(KERN_INFO "%s\n", line);
}

/* slabinfo_print - slabinfo_show() to the kernel log.  Process context. */
void slabinfo_print(void)
{
	slabinfo_show(slabinfo_printk, NULL);
}

/*
 * slab_snapshot_take - shrink every cache, then record each cache's active
 * objects and nr_free_pages() in @snap.  Process context.
 */
void slab_snapshot_take(struct slab_snapshot *snap)
{
	struct kmem_cache *s;
	unsigned long irqflags;
	unsigned int n = 0;

	kmem_cache_shrink_all();
	spin_lock_irqsave(&slab_caches_lock, irqflags);
	list_for_each_entry(s, &slab_caches, list) {
		if (n == SLAB_SNAPSHOT_MAX) {
			pr_warn("slab_snapshot_take: more than %u caches, the rest unchecked\n",
				SLAB_SNAPSHOT_MAX);
			break;
		}
		snap->entry[n].cache = s;
		strlcpy(snap->entry[n].name, s->name, sizeof(snap->entry[n].name));
		snap->entry[n].active = s->active_objs;
		n++;
	}
	spin_unlock_irqrestore(&slab_caches_lock, irqflags);
	snap->nr = n;
	snap->free_pages = nr_free_pages();
}

/* @cache's active objects in @snap; 0 if it did not exist then. */
static unsigned long snapshot_active(const struct slab_snapshot *snap,
				     const struct kmem_cache *cache,
				     const char *name)
{
	unsigned int i;

	/* The name too: a destroyed cache's struct may be reused by another. */
	for (i = 0; i < snap->nr; i++)
		if (snap->entry[i].cache == cache &&
		    !strcmp(snap->entry[i].name, name))
			return snap->entry[i].active;
	return 0;
}

/*
 * slab_snapshot_compare - report each difference between @before and
 * @after through @report(@arg, line); returns how many there were.
 */
int slab_snapshot_compare(const struct slab_snapshot *before,
			  const struct slab_snapshot *after,
			  void (*report)(void *arg, const char *line), void *arg)
{
	char line[SLABINFO_LINE_LEN];
	unsigned long old;
	unsigned int i;
	int diffs = 0;

	for (i = 0; i < after->nr; i++) {
		old = snapshot_active(before, after->entry[i].cache,
				      after->entry[i].name);
		if (old == after->entry[i].active)
			continue;
		snprintf(line, sizeof(line), "cache %s: active objects %lu -> %lu",
			 after->entry[i].name, old, after->entry[i].active);
		report(arg, line);
		diffs++;
	}
	if (before->free_pages != after->free_pages) {
		snprintf(line, sizeof(line), "free pages %lu -> %lu",
			 before->free_pages, after->free_pages);
		report(arg, line);
		diffs++;
	}
	return diffs;
}
