/*
 * kernel/setup.c - copying the multiboot information into boot_params.
 * Called first thing by start_kernel(), while the boot page directory
 * still maps the low 64 MiB where the boot loader left it.
 */
#include <nest/setup.h>
#include <nest/mm.h>
#include <nest/layout.h>
#include <nest/string.h>
#include <nest/printk.h>

struct boot_params boot_params;

/* A boot loader's string at physical @pa, if the boot mapping reaches it. */
static const char *boot_string(u32 pa)
{
	return pa && pa < BOOT_MAP_SIZE ? __va(pa) : NULL;
}

void setup_boot_params(const struct multiboot_info *mbi)
{
	const struct multiboot_module *mods;
	const char *s;
	unsigned int i;

	if ((mbi->flags & MULTIBOOT_INFO_CMDLINE) && (s = boot_string(mbi->cmdline)))
		strlcpy(boot_params.cmdline, s, sizeof(boot_params.cmdline));
	if ((mbi->flags & MULTIBOOT_INFO_BOOT_LOADER_NAME) &&
	    (s = boot_string(mbi->boot_loader_name)))
		strlcpy(boot_params.loader, s, sizeof(boot_params.loader));
	if (!(mbi->flags & MULTIBOOT_INFO_MODS) || mbi->mods_addr >= BOOT_MAP_SIZE)
		return;
	mods = __va(mbi->mods_addr);
	for (i = 0; i < mbi->mods_count && i < MAX_BOOT_MODULES; i++) {
		struct boot_module *m = &boot_params.modules[i];

		m->start = mods[i].mod_start;
		m->end = mods[i].mod_end;
		if ((s = boot_string(mods[i].cmdline)))
			strlcpy(m->cmdline, s, sizeof(m->cmdline));
		boot_params.nr_modules++;
	}
}
