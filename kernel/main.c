/*
 * kernel/main.c - start_kernel(), the first C code, called by
 * boot/multiboot.asm on the boot stack with paging on.
 *
 * The order matters and each step says what it needs:
 *   consoles first, so everything after can report;
 *   the boot information, copied before memory is handed out;
 *   the GDT and IDT, so a fault is reported instead of a triple fault;
 *   memory: memblock, page tables, the buddy and slab allocators;
 *   the timer and serial input, then interrupts on;
 *   then tests, if the command line asks for them.
 */
#include <nest/console.h>
#include <nest/printk.h>
#include <nest/bug.h>
#include <nest/setup.h>
#include <nest/init.h>
#include <nest/desc.h>
#include <nest/interrupt.h>
#include <nest/jiffies.h>
#include <nest/irqflags.h>
#include <nest/io.h>
#include <nest/mm.h>
#include <nest/slab.h>
#include <nest/ktest.h>
#include <nest/version.h>
#include <nest/bench.h>

/* With nothing to run yet, idle and echo what arrives on the serial port. */
static __noreturn void cpu_idle_echo(void)
{
	for (;;) {
		int c;

		while ((c = serial_getc()) >= 0) {
			char ch = c == '\r' ? '\n' : (char)c;

			console_write(&ch, 1);
		}
		halt();
	}
}

void start_kernel(u32 magic, u32 mbi_phys)
{
	const struct multiboot_info *mbi = __va(mbi_phys);

	serial_init();
	vga_init();
	if (magic != MULTIBOOT_BOOTLOADER_MAGIC)
		panic("not started by a multiboot loader (eax=%08x)", magic);
	setup_boot_params(mbi);
	parse_early_params();
	boot_tsc_first_line = rdtsc();
	pr_notice("Nest %s booting (i386, %s)\n", NEST_VERSION,
		  boot_params.loader[0] ? boot_params.loader : "unknown loader");
	pr_info("Command line: %s\n", boot_params.cmdline);

	gdt_init();
	idt_init();
	init_8259A();

	mem_init(mbi);
	kmem_cache_init();

	time_init();
	serial_enable_rx_irq();
	local_irq_enable();
	pr_info("Nest: boot complete, %lu pages free\n", nr_free_pages());

	ktest_main();
	bench_main();

	pr_notice("Nest: no processes yet; idling. Serial input is echoed "
		  "(Ctrl-A X leaves QEMU).\n");
	cpu_idle_echo();
}
