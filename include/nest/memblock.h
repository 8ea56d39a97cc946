/*
 * include/nest/memblock.h - boot-time memory bookkeeping, as Linux's memblock.
 *
 * Before the buddy allocator exists, memory is described by two lists of
 * physical ranges: what RAM there is (from the multiboot memory map) and
 * what is reserved (low memory, the kernel image, the modules, and
 * everything memblock_alloc() has handed out).  mem_init() then gives every
 * byte that is in the first list and not in the second to the buddy
 * allocator, and memblock is done.
 */
#ifndef NEST_MEMBLOCK_H
#define NEST_MEMBLOCK_H

#include <nest/types.h>

#define MEMBLOCK_MAX_REGIONS	32

void memblock_add(phys_addr_t base, phys_addr_t size);
void memblock_reserve(phys_addr_t base, phys_addr_t size);

/*
 * memblock_alloc - @size bytes aligned to @align from free RAM below the
 * current limit.  Returns the physical address, or 0 if nothing fits.
 * The memory is not zeroed.
 */
phys_addr_t memblock_alloc(phys_addr_t size, phys_addr_t align);

/* Allocations must stay below @limit (what is mapped so far). */
void memblock_set_current_limit(phys_addr_t limit);

/* The end of the highest RAM range, and the total RAM, in bytes. */
phys_addr_t memblock_end_of_ram(void);
phys_addr_t memblock_total_ram(void);

/* Give all free RAM below @end to the buddy allocator; returns pages freed. */
unsigned long memblock_free_all(phys_addr_t end);

#endif /* NEST_MEMBLOCK_H */
