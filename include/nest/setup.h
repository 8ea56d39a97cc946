/*
 * include/nest/setup.h - what the boot loader told us, copied to safety.
 *
 * The multiboot information lives in memory the kernel is about to hand to
 * the page allocator, so kernel/setup.c copies the command line and the
 * module list into boot_params before anything is allocated.  mm/init.c
 * reads the memory map at the same time.
 */
#ifndef NEST_SETUP_H
#define NEST_SETUP_H

#include <nest/types.h>
#include <nest/multiboot.h>

#define COMMAND_LINE_SIZE	512	/* Linux i386's is 2048; ours is smaller */
#define MAX_BOOT_MODULES	8
#define MODULE_CMDLINE_SIZE	64
#define BOOT_LOADER_NAME_SIZE	64

struct boot_module {
	phys_addr_t start, end;		/* physical, end exclusive */
	char cmdline[MODULE_CMDLINE_SIZE];
};

struct boot_params {
	char cmdline[COMMAND_LINE_SIZE];	/* as given, kernel path first */
	char loader[BOOT_LOADER_NAME_SIZE];
	unsigned int nr_modules;
	struct boot_module modules[MAX_BOOT_MODULES];
};

extern struct boot_params boot_params;

/* Copy what we need out of the multiboot information at @mbi. */
void setup_boot_params(const struct multiboot_info *mbi);

/* The first C function, called by boot/multiboot.asm (kernel/main.c). */
void start_kernel(u32 magic, u32 mbi_phys);

/* Build the memory map and the page tables, then start the buddy allocator. */
void mem_init(const struct multiboot_info *mbi);

#endif /* NEST_SETUP_H */
