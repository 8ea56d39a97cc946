/*
 * mm/memblock.c - boot-time memory bookkeeping (include/nest/memblock.h).
 *
 * Both lists are small arrays kept sorted by base address with neighbours
 * merged, so "free" is simply the gaps between reserved ranges inside each
 * RAM range.  Used only while booting, by mm/init.c and mm/paging.c.
 */
#include <nest/memblock.h>
#include <nest/mm.h>
#include <nest/bug.h>
#include <nest/printk.h>

struct memblock_region {
	phys_addr_t base, size;
};

struct memblock_type {
	unsigned int cnt;
	struct memblock_region regions[MEMBLOCK_MAX_REGIONS];
};

static struct memblock_type memory, reserved;
static phys_addr_t current_limit = ~(phys_addr_t)0;

/* Insert [base, base+size) keeping the list sorted, then merge overlaps. */
static void memblock_insert(struct memblock_type *type, phys_addr_t base,
			    phys_addr_t size)
{
	unsigned int i, j;

	if (!size)
		return;
	if (type->cnt == MEMBLOCK_MAX_REGIONS)
		panic("memblock: more than %d regions", MEMBLOCK_MAX_REGIONS);
	for (i = 0; i < type->cnt && type->regions[i].base < base; i++)
		;
	for (j = type->cnt; j > i; j--)
		type->regions[j] = type->regions[j - 1];
	type->regions[i].base = base;
	type->regions[i].size = size;
	type->cnt++;

	/* Merge any region that touches or overlaps the one before it. */
	for (i = 1; i < type->cnt;) {
		struct memblock_region *prev = &type->regions[i - 1];
		struct memblock_region *cur = &type->regions[i];

		if (cur->base <= prev->base + prev->size) {
			phys_addr_t end = max(prev->base + prev->size, cur->base + cur->size);

			prev->size = end - prev->base;
			for (j = i; j + 1 < type->cnt; j++)
				type->regions[j] = type->regions[j + 1];
			type->cnt--;
		} else {
			i++;
		}
	}
}

void memblock_add(phys_addr_t base, phys_addr_t size)
{
	memblock_insert(&memory, base, size);
}

void memblock_reserve(phys_addr_t base, phys_addr_t size)
{
	memblock_insert(&reserved, base, size);
}

void memblock_set_current_limit(phys_addr_t limit)
{
	current_limit = limit;
}

/*
 * Walk the free ranges (RAM minus reserved) in address order, calling @fn
 * on each until it returns true.  Returns whether it did.
 */
static bool for_each_free_range(bool (*fn)(phys_addr_t start, phys_addr_t end, void *arg),
				void *arg)
{
	unsigned int m, r;

	for (m = 0; m < memory.cnt; m++) {
		phys_addr_t start = memory.regions[m].base;
		phys_addr_t end = start + memory.regions[m].size;

		for (r = 0; r < reserved.cnt && start < end; r++) {
			phys_addr_t rs = reserved.regions[r].base;
			phys_addr_t re = rs + reserved.regions[r].size;

			if (re <= start || rs >= end)
				continue;
			if (rs > start && fn(start, rs, arg))
				return true;
			start = max(start, re);
		}
		if (start < end && fn(start, end, arg))
			return true;
	}
	return false;
}

struct alloc_req {
	phys_addr_t size, align, found;
};

static bool try_alloc(phys_addr_t start, phys_addr_t end, void *arg)
{
	struct alloc_req *req = arg;
	phys_addr_t base = ALIGN(start, req->align);

	end = min(end, current_limit);
	if (base >= end || end - base < req->size)
		return false;
	req->found = base;
	return true;
}

phys_addr_t memblock_alloc(phys_addr_t size, phys_addr_t align)
{
	struct alloc_req req = { .size = size, .align = align, .found = 0 };

	if (!for_each_free_range(try_alloc, &req))
		return 0;
	memblock_reserve(req.found, size);
	return req.found;
}

phys_addr_t memblock_end_of_ram(void)
{
	if (!memory.cnt)
		return 0;
	return memory.regions[memory.cnt - 1].base + memory.regions[memory.cnt - 1].size;
}

phys_addr_t memblock_total_ram(void)
{
	phys_addr_t total = 0;
	unsigned int i;

	for (i = 0; i < memory.cnt; i++)
		total += memory.regions[i].size;
	return total;
}

struct free_all_state {
	phys_addr_t end;
	unsigned long pages;
};

/* Hand the whole pages of [start, end) below the limit to the buddy allocator. */
static bool free_range(phys_addr_t start, phys_addr_t end, void *arg)
{
	struct free_all_state *st = arg;
	unsigned long spfn = PAGE_ALIGN(start) >> PAGE_SHIFT;
	unsigned long epfn = min(end, st->end) >> PAGE_SHIFT;

	if (spfn < epfn) {
		free_area_add_range(spfn, epfn);
		st->pages += epfn - spfn;
	}
	return false;
}

unsigned long memblock_free_all(phys_addr_t end)
{
	struct free_all_state st = { .end = end, .pages = 0 };

	for_each_free_range(free_range, &st);
	return st.pages;
}
