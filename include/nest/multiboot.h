/*
 * include/nest/multiboot.h - the parts of the Multiboot 0.6.96 (v1)
 * specification that Nest reads: the boot information structure, the memory
 * map and the module list.  GRUB and QEMU's -kernel both fill these in.
 */
#ifndef NEST_MULTIBOOT_H
#define NEST_MULTIBOOT_H

#include <nest/types.h>

#define MULTIBOOT_HEADER_MAGIC		0x1BADB002	/* in our header */
#define MULTIBOOT_BOOTLOADER_MAGIC	0x2BADB002	/* in eax at entry */

/* multiboot_info.flags: which fields are valid. */
#define MULTIBOOT_INFO_MEMORY		(1u << 0)
#define MULTIBOOT_INFO_CMDLINE		(1u << 2)
#define MULTIBOOT_INFO_MODS		(1u << 3)
#define MULTIBOOT_INFO_MEM_MAP		(1u << 6)
#define MULTIBOOT_INFO_BOOT_LOADER_NAME	(1u << 9)

#define MULTIBOOT_MEMORY_AVAILABLE	1

struct multiboot_info {
	u32 flags;
	u32 mem_lower, mem_upper;	/* KiB below 1 MiB, and above it */
	u32 boot_device;
	u32 cmdline;			/* physical address of a C string */
	u32 mods_count, mods_addr;	/* physical address of the module list */
	u32 syms[4];
	u32 mmap_length, mmap_addr;	/* the BIOS memory map */
	u32 drives_length, drives_addr;
	u32 config_table;
	u32 boot_loader_name;
	u32 apm_table;
	u32 vbe[6];
} __packed;

/* One memory map entry.  @size does not count itself: next = this + size + 4. */
struct multiboot_mmap_entry {
	u32 size;
	u64 addr;
	u64 len;
	u32 type;
} __packed;

struct multiboot_module {
	u32 mod_start, mod_end;		/* physical, end exclusive */
	u32 cmdline;
	u32 pad;
} __packed;

#endif /* NEST_MULTIBOOT_H */
