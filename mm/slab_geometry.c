/*
 * mm/slab_geometry.c - the shape of a new cache, fixed once when it is
 * created: the object alignment (calculate_alignment()), where an object
 * and its metadata sit in a slot and how big a slot is (calculate_sizes()),
 * how many pages make a slab and so how many objects it holds
 * (calculate_order(), as SLUB's), and how a slab's leftover is spent on
 * colouring (Bonwick, 4.1).  The pictures of a slot and of a slab are at
 * the top of mm/slab.c, whose paths use these fields on every allocation
 * and free; mm/slab_debug.c reads the red zones and the track it places.
 *
 * Entry point: __kmem_cache_create(), for kmem_cache_create() and
 * kmem_cache_init() in mm/slab_common.c.  It only computes: it allocates
 * nothing and takes no lock.
 */
#include <nest/slab.h>
#include <nest/mm.h>
#include <nest/errno.h>
#include <nest/string.h>
#include <nest/bug.h>

/*
 * Choosing a slab's order (SLUB's calculate_order()): aim for at least
 * SLAB_MIN_OBJECTS objects per slab, so that slab creation is rare, with at
 * most 1/16 of the slab wasted, accepting up to 1/4 before settling for
 * fewer objects; never above SLAB_MAX_ORDER unless a single object needs
 * it.  Bigger blocks are harder for the buddy allocator to find.
 */
#define SLAB_MIN_OBJECTS	8	/* SLUB's min_objects on one CPU */
#define SLAB_MAX_ORDER		3	/* Linux's PAGE_ALLOC_COSTLY_ORDER */
#define SLAB_WASTE_FRACT_BEST	16	/* first try: waste <= 1/16 */
#define SLAB_WASTE_FRACT_WORST	4	/* last try: waste <= 1/4 */

/* page->s_colour and page->inuse are unsigned shorts: these must fit. */
#define SLAB_COLOUR_MAX		0xffffu
#define SLAB_MAX_OBJECTS	0xffffu

/*
 * The alignment of @size-byte objects, as Linux's calculate_alignment():
 * SLAB_HWCACHE_ALIGN puts an object on a cache line, but small objects
 * share a line (a 20-byte object gets 32), so that two of them never
 * straddle one.
 */
static unsigned int calculate_alignment(slab_flags_t flags, unsigned int align,
					unsigned int size)
{
	if (flags & SLAB_HWCACHE_ALIGN) {
		unsigned int ralign = L1_CACHE_BYTES;

		while (size <= ralign / 2)
			ralign /= 2;
		align = max(align, ralign);
	}
	return max(align, (unsigned int)ARCH_SLAB_MINALIGN);
}

/*
 * Lay out one slot (see the picture at the top of mm/slab.c): where the
 * object starts, where the free pointer and the debug track go, and the
 * stride.
 */
static void calculate_sizes(struct kmem_cache *s)
{
	unsigned int p;

	/* The left red zone is padded to the alignment, so objects stay aligned. */
	s->obj_offset = (s->flags & SLAB_RED_ZONE) ? ALIGN(REDZONE_SIZE, s->align) : 0;
	p = s->obj_offset + s->object_size;
	/*
	 * The right red zone starts at the very next byte, even unaligned, so
	 * a one-byte overflow lands in it (slab_debug.c reads it bytewise).
	 */
	if (s->flags & SLAB_RED_ZONE)
		p += REDZONE_SIZE;
	if (s->ctor || (s->flags & SLAB_DEBUG_FLAGS)) {
		p = ALIGN(p, (unsigned int)sizeof(void *));
		s->offset = p - s->obj_offset;
		p += sizeof(void *);
	} else {
		/* The free pointer is the object's first word: it must fit. */
		s->offset = 0;
		p = max(p, (unsigned int)sizeof(void *));
	}
	if (s->flags & SLAB_STORE_USER)
		p += sizeof(struct slab_track);
	s->size = ALIGN(p, s->align);
}

/*
 * The lowest order, from the one that holds @min_objects up to @max_order,
 * whose leftover is at most 1/@fract_leftover of the slab; @max_order + 1
 * if there is none.  As SLUB's slab_order().
 */
static unsigned int slab_order(unsigned int size, unsigned int min_objects,
			       unsigned int max_order, unsigned int fract_leftover)
{
	unsigned int order;

	for (order = get_order((unsigned long)min_objects * size);
	     order <= max_order; order++) {
		unsigned long slab_size = PAGE_SIZE << order;

		if (slab_size % size <= slab_size / fract_leftover)
			break;
	}
	return order;
}

/* The order of a slab of @size-byte slots; MAX_ORDER if none fits one. */
static unsigned int calculate_order(unsigned int size)
{
	unsigned int min_objects = SLAB_MIN_OBJECTS;
	unsigned int max_objects = (PAGE_SIZE << SLAB_MAX_ORDER) / size;
	unsigned int fraction, order;

	min_objects = min(min_objects, max_objects);
	while (min_objects > 1) {
		for (fraction = SLAB_WASTE_FRACT_BEST;
		     fraction >= SLAB_WASTE_FRACT_WORST; fraction /= 2) {
			order = slab_order(size, min_objects, SLAB_MAX_ORDER, fraction);
			if (order <= SLAB_MAX_ORDER)
				return order;
		}
		min_objects--;
	}
	/* One object per slab: take the smallest block it fits in. */
	return slab_order(size, 1, MAX_ORDER - 1, 1);
}

/*
 * __kmem_cache_create - fill in @s, fresh and zeroed, for objects of @size
 * bytes: flags, layout, order, colours and lists.  The arguments are those
 * of kmem_cache_create(), already checked.  Returns 0, or -EINVAL if an
 * object is too big for any slab.  Process context.
 */
int __kmem_cache_create(struct kmem_cache *s, const char *name,
			unsigned int size, unsigned int align,
			slab_flags_t flags, void (*ctor)(void *))
{
	unsigned long slab_size, leftover;

	if (size > (PAGE_SIZE << (MAX_ORDER - 1)))
		return -EINVAL;
	if (slab_debug_all)
		flags |= SLAB_POISON | SLAB_RED_ZONE;
	/* Reports are far more useful with the callers (slub_debug's "U"). */
	if (flags & SLAB_DEBUG_FLAGS)
		flags |= SLAB_STORE_USER;
	/*
	 * Poison would destroy what the constructor built, so, as SLUB does,
	 * objects with a constructor are not poisoned (red zones still are).
	 */
	if (ctor)
		flags &= ~SLAB_POISON;

	strlcpy(s->name, name, sizeof(s->name));
	s->object_size = size;
	s->flags = flags;
	s->ctor = ctor;
	s->align = calculate_alignment(flags, align, size);
	calculate_sizes(s);

	s->gfporder = calculate_order(s->size);
	if (s->gfporder >= MAX_ORDER)
		return -EINVAL;
	slab_size = PAGE_SIZE << s->gfporder;
	s->slab_mask = ~(slab_size - 1);
	s->num = slab_size / s->size;
	BUG_ON(s->num == 0 || s->num > SLAB_MAX_OBJECTS);

	/*
	 * Colouring: the leftover space shifts each new slab's objects by one
	 * more colour_off step, cycling, so that the first objects of
	 * different slabs fall on different cache lines (Bonwick, 4.1).
	 */
	leftover = slab_size - (unsigned long)s->num * s->size;
	s->colour_off = max((unsigned int)L1_CACHE_BYTES, s->align);
	s->colour = min(leftover, (unsigned long)SLAB_COLOUR_MAX) / s->colour_off;
	s->colour_next = 0;

	spin_lock_init(&s->lock);
	s->cpu_slab_start = CPU_SLAB_NONE;	/* no cpu slab yet */
	INIT_LIST_HEAD(&s->slabs_partial);
	INIT_LIST_HEAD(&s->slabs_full);
	INIT_LIST_HEAD(&s->slabs_free);
	INIT_LIST_HEAD(&s->list);
	return 0;
}
