/*
 * mm/init.c - bringing up memory management at boot.
 *
 * mem_init() reads the multiboot memory map into memblock, reserves what
 * is in use (the first MiB, where the BIOS and VGA live; the kernel image;
 * the boot modules), builds the kernel page tables (mm/paging.c), allocates
 * mem_map, one struct page per page frame, and finally gives every free
 * page to the buddy allocator (mm/page_alloc.c).
 */
#include <nest/setup.h>
#include <nest/memblock.h>
#include <nest/mm.h>
#include <nest/pgtable.h>
#include <nest/string.h>
#include <nest/printk.h>
#include <nest/bug.h>

#define LOW_RESERVED	0x100000UL	/* the first MiB: BIOS data, VGA, ROMs */

extern char _kernel_start_phys[], _kernel_end_phys[];

/* Add each usable range of the memory map, clipped to low memory. */
static void parse_memory_map(const struct multiboot_info *mbi)
{
	unsigned long p, end;

	if (!(mbi->flags & MULTIBOOT_INFO_MEM_MAP)) {
		/* No map: trust mem_upper, the KiB of RAM above 1 MiB. */
		if (!(mbi->flags & MULTIBOOT_INFO_MEMORY))
			panic("mem_init: the boot loader gave no memory information");
		memblock_add(LOW_RESERVED, min((u64)mbi->mem_upper * 1024,
					       (u64)LOWMEM_LIMIT - LOW_RESERVED));
		return;
	}
	/* The boot page directory maps only the first BOOT_MAP_SIZE bytes. */
	if (mbi->mmap_addr + mbi->mmap_length > BOOT_MAP_SIZE)
		panic("mem_init: the memory map at %#x is beyond the boot mapping",
		      mbi->mmap_addr);
	p = (unsigned long)__va(mbi->mmap_addr);
	end = p + mbi->mmap_length;
	while (p < end) {
		const struct multiboot_mmap_entry *e = (const void *)p;
		u64 start = e->addr, stop = e->addr + e->len;

		pr_info("BIOS-e820: [mem 0x%016llx-0x%016llx] %s\n", start, stop - 1,
			e->type == MULTIBOOT_MEMORY_AVAILABLE ? "usable" : "reserved");
		if (e->type == MULTIBOOT_MEMORY_AVAILABLE && start < LOWMEM_LIMIT)
			memblock_add(start, min(stop, (u64)LOWMEM_LIMIT) - start);
		p += e->size + sizeof(e->size);
	}
}

void mem_init(const struct multiboot_info *mbi)
{
	phys_addr_t lowmem_end, map;
	unsigned long nr_pfns, freed;
	unsigned int i;

	parse_memory_map(mbi);
	memblock_reserve(0, LOW_RESERVED);
	memblock_reserve((phys_addr_t)_kernel_start_phys,
			 _kernel_end_phys - _kernel_start_phys);
	for (i = 0; i < boot_params.nr_modules; i++)
		memblock_reserve(boot_params.modules[i].start,
				 PAGE_ALIGN(boot_params.modules[i].end) -
				 boot_params.modules[i].start);

	/* Until paging_init() runs, only the boot mapping can be written. */
	lowmem_end = memblock_end_of_ram() & PAGE_MASK;
	memblock_set_current_limit(BOOT_MAP_SIZE);
	paging_init(lowmem_end);
	memblock_set_current_limit(lowmem_end);

	nr_pfns = lowmem_end >> PAGE_SHIFT;
	map = memblock_alloc(PAGE_ALIGN(nr_pfns * sizeof(struct page)), PAGE_SIZE);
	if (!map)
		panic("mem_init: no memory for mem_map (%lu pages)", nr_pfns);
	free_area_init(__va(map), nr_pfns);
	freed = memblock_free_all(lowmem_end);
	pr_info("Memory: %luK/%luK available (%luK kernel, %lu pages of mem_map)\n",
		freed * (PAGE_SIZE / 1024),
		(unsigned long)(memblock_total_ram() / 1024),
		(unsigned long)((_kernel_end_phys - _kernel_start_phys) / 1024),
		(unsigned long)(PAGE_ALIGN(nr_pfns * sizeof(struct page)) / PAGE_SIZE));
}

unsigned long initrd_freed_pages;

/*
 * free_initrd_mem - give the initramfs image back to the page allocator
 * once populate_rootfs() has copied every file out of it (Linux:
 * free_initrd_mem() -> free_reserved_area(), "Freeing initrd memory").
 *
 * mem_init() reserved [start, PAGE_ALIGN(end)) so that no allocation
 * overwrote the image before it was unpacked.  Only the whole pages inside
 * [start, end) are freed: the last partial page may be shared with the
 * next boot module, which stays reserved.  Only lowmem pages can be freed:
 * mem_map covers nothing above it.
 */
void free_initrd_mem(phys_addr_t start, phys_addr_t end)
{
	unsigned long first = PAGE_ALIGN(start) >> PAGE_SHIFT;
	unsigned long last = (end & PAGE_MASK) >> PAGE_SHIFT;

	if (last > max_pfn)
		last = max_pfn;
	if (first >= last)
		return;
	free_area_add_range(first, last);
	initrd_freed_pages += last - first;
	pr_info("Freeing initrd memory: %luK\n", (last - first) * (PAGE_SIZE / 1024));
}
