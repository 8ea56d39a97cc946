/*
 * mm/slab_debug.c - slab debugging: poison, red zones, double and bad frees.
 *
 * Caches with SLAB_POISON, SLAB_RED_ZONE or SLAB_STORE_USER (or every
 * cache, with slab_debug_all) take these checks on each allocation and
 * free, as Linux's slab debugging does:
 *
 *   - SLAB_POISON: a free object is filled with POISON_FREE (0x6b) ending
 *     in POISON_END (0xa5); a write after free shows up as a changed byte
 *     when the object is next allocated or its slab is freed.  Allocated
 *     objects start out as POISON_INUSE (0x5a).
 *   - SLAB_RED_ZONE: a 64-bit word before and after each object holds
 *     RED_ACTIVE while it is allocated and RED_INACTIVE while it is free.
 *     Anything else means a write outside the object; INACTIVE on free
 *     means the object is already free (a double free).
 *   - SLAB_STORE_USER: the addresses that last allocated and freed each
 *     object, printed in reports with %pS.
 *
 * A report does not panic: it is printed with KERN_ERR, counted in
 * slab_error_count, the damage is repaired ("FIX ...") so the same bytes
 * are not reported twice, and a bad free is ignored so the free list is
 * not corrupted further.  Every function here is called by mm/slab.c with
 * the cache's lock held, or on a slab no one else can reach yet.
 */
#include <nest/init.h>
#include <nest/slab.h>
#include <nest/string.h>
#include <nest/printk.h>

bool slab_debug_all;
unsigned long slab_error_count;
char slab_last_report[SLAB_REPORT_LEN];

#define SLAB_RULE_HEAVY \
	"============================================================================="
#define SLAB_RULE_LIGHT \
	"-----------------------------------------------------------------------------"

/*
 * slab_error - start a report: count it, keep its title for tests
 * (slab_last_report) and print the title framed as Linux's slab_bug().
 * The caller follows with "INFO:" lines and a "FIX" line.
 */
void slab_error(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vsnprintf(slab_last_report, sizeof(slab_last_report), fmt, args);
	va_end(args);
	slab_error_count++;
	pr_err("%s\n", SLAB_RULE_HEAVY);
	pr_err("%s\n", slab_last_report);
	pr_err("%s\n", SLAB_RULE_LIGHT);
}

/* The red zone words, read and written bytewise: the right one is unaligned. */
static void *redzone1(const struct kmem_cache *s, void *obj)
{
	(void)s;
	return (char *)obj - REDZONE_SIZE;
}

static void *redzone2(const struct kmem_cache *s, void *obj)
{
	return (char *)obj + s->object_size;
}

static void write_redzone(void *rz, unsigned long long val)
{
	memcpy(rz, &val, REDZONE_SIZE);
}

static unsigned long long read_redzone(const void *rz)
{
	unsigned long long val;

	memcpy(&val, rz, REDZONE_SIZE);
	return val;
}

/* Fill an object with @val, the last byte POISON_END, as Linux's poison_obj(). */
static void poison_object(struct kmem_cache *s, void *obj, u8 val)
{
	memset(obj, val, s->object_size - 1);
	((u8 *)obj)[s->object_size - 1] = POISON_END;
}

/* Is @obj the start of one of @page's objects (not inside one, not past the end)? */
static bool valid_object(const struct kmem_cache *s, const struct page *page,
			 const void *obj)
{
	const char *first = slab_first_object(s, page);
	unsigned long off = (unsigned long)((const char *)obj - first);

	return (const char *)obj >= first && off % s->size == 0 &&
	       off / s->size < s->num;
}

/*
 * Is @obj on @page's free list (s->cpu_freelist if @page is the cpu slab)?
 * Stops at num steps or a bad pointer.
 */
static bool on_freelist(const struct kmem_cache *s, const struct page *page,
			void *obj)
{
	void *p = slab_freelist(s, page);
	unsigned int n;

	for (n = 0; p && n < s->num; n++) {
		if (p == obj)
			return true;
		if (!valid_object(s, page, p))
			break;
		p = *freepointer_addr(s, p);
	}
	return false;
}

/* The "INFO: Object ..." line: who last allocated and freed @obj, and who calls now. */
static void print_tracking(const struct kmem_cache *s, void *obj,
			   unsigned long caller)
{
	struct slab_track *t;

	if (!(s->flags & SLAB_STORE_USER)) {
		pr_err("INFO: Object %p, now called from %pS\n", obj, (void *)caller);
		return;
	}
	t = slab_track_addr(s, obj);
	pr_err("INFO: Object %p (size %u): last allocated by %pS\n",
	       obj, s->object_size, (void *)t->alloc_addr);
	pr_err("INFO: Last freed by %pS\n", (void *)t->free_addr);
	pr_err("INFO: Now called from %pS\n", (void *)caller);
}

/*
 * Check the red zone @rz of @obj for @expect.  If any byte differs, report
 * the first and last bad byte (offsets from the object start, negative for
 * the left zone) and restore the word.  Returns true if it was intact.
 */
static bool check_redzone(struct kmem_cache *s, void *obj, void *rz,
			  unsigned long long expect, unsigned long caller)
{
	u8 *got = rz, want[REDZONE_SIZE];
	int first = -1, last = -1, i;

	memcpy(want, &expect, REDZONE_SIZE);
	for (i = 0; i < (int)REDZONE_SIZE; i++) {
		if (got[i] != want[i]) {
			if (first < 0)
				first = i;
			last = i;
		}
	}
	if (first < 0)
		return true;
	slab_error("BUG %s: Redzone overwritten", s->name);
	pr_err("INFO: %p-%p @offset=%ld. First byte 0x%x instead of 0x%x\n",
	       got + first, got + last, (long)(got + first - (u8 *)obj),
	       got[first], want[first]);
	print_tracking(s, obj, caller);
	write_redzone(rz, expect);
	pr_err("FIX %s: Restoring redzone %p-%p\n", s->name, got + first, got + last);
	return false;
}

/* Both red zones of @obj; true if both held @expect. */
static bool check_redzones(struct kmem_cache *s, void *obj,
			   unsigned long long expect, unsigned long caller)
{
	bool ok = check_redzone(s, obj, redzone1(s, obj), expect, caller);

	return check_redzone(s, obj, redzone2(s, obj), expect, caller) && ok;
}

/*
 * Check that free @obj still holds the free poison, as Linux's
 * check_poison_obj(): report the damaged range and restore the poison.
 */
static void check_poison(struct kmem_cache *s, void *obj, unsigned long caller)
{
	u8 *p = obj, *bad, *end;
	u8 expect;

	bad = memchr_inv(p, POISON_FREE, s->object_size - 1);
	if (!bad && p[s->object_size - 1] != POISON_END)
		bad = p + s->object_size - 1;
	if (!bad)
		return;
	expect = (bad == p + s->object_size - 1) ? POISON_END : POISON_FREE;

	/* The last damaged byte, for the range in the report (*bad stops it). */
	end = p + s->object_size - 1;
	if (*end == POISON_END) {
		do
			end--;
		while (*end == POISON_FREE);
	}

	slab_error("BUG %s: Poison overwritten", s->name);
	pr_err("INFO: %p-%p @offset=%lu. First byte 0x%x instead of 0x%x\n",
	       bad, end, (unsigned long)(bad - p), *bad, expect);
	print_tracking(s, obj, caller);
	poison_object(s, obj, POISON_FREE);
	pr_err("FIX %s: Restoring poison %p-%p=0x%x\n", s->name, bad, end,
	       POISON_FREE);
}

/* slab_debug_init_object - a new slab's free object: red zones, poison, track. */
void slab_debug_init_object(struct kmem_cache *s, void *obj)
{
	if (s->flags & SLAB_RED_ZONE) {
		write_redzone(redzone1(s, obj), RED_INACTIVE);
		write_redzone(redzone2(s, obj), RED_INACTIVE);
	}
	if (s->flags & SLAB_POISON)
		poison_object(s, obj, POISON_FREE);
	if (s->flags & SLAB_STORE_USER)
		memset(slab_track_addr(s, obj), 0, sizeof(struct slab_track));
}

/*
 * slab_debug_alloc - @obj was just taken off @page's free list for
 * @caller: check that nobody wrote to it or its red zones while it was
 * free, then mark it allocated.
 */
void slab_debug_alloc(struct kmem_cache *s, struct page *page, void *obj,
		      unsigned long caller)
{
	(void)page;
	if (s->flags & SLAB_RED_ZONE) {
		check_redzones(s, obj, RED_INACTIVE, caller);
		write_redzone(redzone1(s, obj), RED_ACTIVE);
		write_redzone(redzone2(s, obj), RED_ACTIVE);
	}
	if (s->flags & SLAB_POISON) {
		check_poison(s, obj, caller);
		poison_object(s, obj, POISON_INUSE);
	}
	if (s->flags & SLAB_STORE_USER)
		slab_track_addr(s, obj)->alloc_addr = caller;
}

/* Report a free that must be ignored; the title is already printed. */
static void report_not_freed(struct kmem_cache *s, void *obj,
			     unsigned long caller, bool tracked)
{
	if (tracked)
		print_tracking(s, obj, caller);
	else
		pr_err("INFO: Pointer %p, freed by %pS\n", obj, (void *)caller);
	pr_err("FIX %s: Object %p not freed\n", s->name, obj);
}

/*
 * slab_debug_free - @caller frees @obj, which __slab_free() found in one
 * of @s's slabs (@page) and not on top of its free list.  Check that it is
 * an object's start, that it is allocated and its red zones are intact;
 * mark it free.  Returns false if it must not be freed (reported).
 */
bool slab_debug_free(struct kmem_cache *s, struct page *page, void *obj,
		     unsigned long caller)
{
	if (!valid_object(s, page, obj)) {
		slab_error("BUG %s: Invalid object pointer %p", s->name, obj);
		pr_err("INFO: %p is inside the slab at %p but is not an object's start\n",
		       obj, page_address(page));
		report_not_freed(s, obj, caller, false);
		return false;
	}
	if (s->flags & SLAB_RED_ZONE) {
		unsigned long long r1 = read_redzone(redzone1(s, obj));
		unsigned long long r2 = read_redzone(redzone2(s, obj));

		/*
		 * INACTIVE on both sides: it is free already.  A damaged red
		 * zone next to a free object may still be a double free, so
		 * the free list has the last word before we repair and free.
		 */
		if ((r1 == RED_INACTIVE && r2 == RED_INACTIVE) ||
		    ((r1 != RED_ACTIVE || r2 != RED_ACTIVE) &&
		     on_freelist(s, page, obj))) {
			slab_error("BUG %s: double free", s->name);
			report_not_freed(s, obj, caller, true);
			return false;
		}
		check_redzones(s, obj, RED_ACTIVE, caller);
		write_redzone(redzone1(s, obj), RED_INACTIVE);
		write_redzone(redzone2(s, obj), RED_INACTIVE);
	} else if (on_freelist(s, page, obj)) {
		slab_error("BUG %s: double free", s->name);
		report_not_freed(s, obj, caller, true);
		return false;
	}
	if (s->flags & SLAB_POISON)
		poison_object(s, obj, POISON_FREE);
	if (s->flags & SLAB_STORE_USER)
		slab_track_addr(s, obj)->free_addr = caller;
	return true;
}

/*
 * slab_bad_free - __slab_free()'s cheap checks failed: @obj is not in a
 * slab (@page is NULL if it is not even in memory), is in another cache's
 * slab, or is on top of its slab's free list (a double free).
 */
void slab_bad_free(struct kmem_cache *s, struct page *page, void *obj,
		   unsigned long caller)
{
	if (!page || !PageSlab(page)) {
		slab_error("BUG %s: Invalid free of %p, not a slab object", s->name, obj);
		report_not_freed(s, obj, caller, false);
	} else if (page->slab_cache != s) {
		slab_error("BUG %s: Wrong cache: %p belongs to %s", s->name, obj,
			   page->slab_cache->name);
		report_not_freed(s, obj, caller, false);
	} else {
		slab_error("BUG %s: double free", s->name);
		report_not_freed(s, obj, caller, (s->flags & SLAB_STORE_USER) &&
				 valid_object(s, page, obj));
	}
}

/*
 * slab_debug_destroy - @page's objects are all free and it is about to go
 * back to the buddy allocator: a last check of their poison and red zones,
 * as Linux's slab_destroy_debugcheck(), so late writes after free are
 * still caught.
 */
void slab_debug_destroy(struct kmem_cache *s, struct page *page)
{
	char *obj = slab_first_object(s, page);
	unsigned int i;

	for (i = 0; i < s->num; i++, obj += s->size) {
		if (s->flags & SLAB_POISON)
			check_poison(s, obj, 0);
		if (s->flags & SLAB_RED_ZONE)
			check_redzones(s, obj, RED_INACTIVE, 0);
	}
}

/*
 * `slub_debug` on the command line (Linux's word for it): poison, red zones
 * and owner tracking on every cache, the kmalloc caches included, since
 * parse_early_params() runs before kmem_cache_init().  The test suite boots
 * one run this way (tests/boot_tests.py, ktest-slub-debug).
 */
static int slub_debug_setup(char *arg)
{
	(void)arg;
	slab_debug_all = true;
	return 0;
}
__setup("slub_debug", slub_debug_setup);
