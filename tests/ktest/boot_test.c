/*
 * tests/ktest/boot_test.c - the `boot` suite: did start_kernel() leave the
 * machine in the state the rest of Nest relies on?  Small and always
 * built in, so the ISO test (grub.cfg passes ktest=boot) has something
 * real to run through GRUB.
 */
#include <nest/ktest.h>
#include <nest/setup.h>
#include <nest/init.h>
#include <nest/jiffies.h>
#include <nest/interrupt.h>
#include <nest/irqflags.h>
#include <nest/kallsyms.h>
#include <nest/string.h>
#include <nest/mm.h>
#include <nest/desc.h>
#include <nest/io.h>
#include <nest/console.h>
#include <nest/printk.h>

/*
 * The command line was read.  QEMU's -kernel puts the image path first
 * ("build/kernel.elf ktest=boot"); GRUB 2's multiboot command passes only
 * the arguments.  Either way the path is set aside, not taken as a word.
 */
static void boot_cmdline_parsed(struct ktest *t)
{
	const char *cmdline = boot_params.cmdline;
	const char *space = strchr(cmdline, ' ');
	const char *slash = strchr(cmdline, '/'), *equals = strchr(cmdline, '=');
	/* The first word has a '/' and no '=' (the rule kernel/params.c uses). */
	bool path_first = space && slash && slash < space && (!equals || equals > space);
	unsigned int i;

	KTEST_EXPECT_TRUE(t, strstr(cmdline, "ktest=") != NULL);
	if (path_first) {
		KTEST_ASSERT_NOT_NULL(t, boot_image_path);
		KTEST_EXPECT_EQ(t, strncmp(boot_image_path, cmdline, space - cmdline), 0);
	} else {
		KTEST_EXPECT_NULL(t, boot_image_path);
	}
	for (i = 0; i < nr_unknown_params; i++)
		KTEST_EXPECT_NE(t, strncmp(unknown_params[i], "ktest=", 6), 0);
	ktest_info(t, "\"%s\": image %s, %u unknown words kept", cmdline,
		   boot_image_path ? boot_image_path : "(none given)", nr_unknown_params);
}

/* Interrupts are on and the PIT ticks at HZ: jiffies advance. */
static void boot_timer_ticks(struct ktest *t)
{
	unsigned long start = jiffies, irqs = kstat_irqs(TIMER_IRQ);

	KTEST_ASSERT_TRUE(t, !irqs_disabled());
	wait_ticks(3);
	KTEST_EXPECT_GE(t, jiffies - start, 3);
	KTEST_EXPECT_GE(t, kstat_irqs(TIMER_IRQ) - irqs, 3);
	ktest_info(t, "jiffies %lu -> %lu", start, jiffies);
}

/* The symbol table of the second link names functions correctly. */
static void boot_kallsyms_resolve(struct ktest *t)
{
	unsigned long addr = kallsyms_lookup_name("start_kernel");
	unsigned long size = 0, offset = 1;
	char buf[KSYM_SYMBOL_LEN];
	const char *name;

	KTEST_ASSERT_EQ(t, addr, (unsigned long)start_kernel);
	name = kallsyms_lookup(addr + 4, &size, &offset);
	KTEST_ASSERT_NOT_NULL(t, name);
	KTEST_EXPECT_EQ(t, strcmp(name, "start_kernel"), 0);
	KTEST_EXPECT_EQ(t, offset, 4);
	KTEST_EXPECT_GT(t, size, 4);
	sprint_symbol(buf, sizeof(buf), addr + 4);
	ktest_info(t, "start_kernel+4 prints as %s", buf);
	KTEST_EXPECT_EQ(t, strncmp(buf, "start_kernel+0x4/0x", 19), 0);
}

/* The allocator owns most of the RAM, and its counters agree. */
static void boot_memory_counters(struct ktest *t)
{
	unsigned long sum = 0;
	unsigned int order;

	for (order = 0; order < MAX_ORDER; order++)
		sum += nr_free_blocks(order) << order;
	KTEST_EXPECT_EQ(t, sum, nr_free_pages());
	KTEST_EXPECT_LE(t, nr_free_pages(), nr_managed_pages());
	KTEST_EXPECT_GT(t, nr_managed_pages(), max_pfn / 2);
	ktest_info(t, "%lu of %lu pages free, max_pfn %lu", nr_free_pages(),
		   nr_managed_pages(), max_pfn);
}

/*
 * console_loglevel follows the command line: `quiet` gives 4 (errors and
 * worse), `loglevel=N` gives N, and nothing gives the default, 7.
 */
static void boot_loglevel_from_cmdline(struct ktest *t)
{
	const char *ll = strstr(boot_params.cmdline, "loglevel=");
	int expected = CONSOLE_LOGLEVEL_DEFAULT;

	if (ll)
		expected = ll[9] - '0';
	else if (strstr(boot_params.cmdline, "quiet"))
		expected = CONSOLE_LOGLEVEL_QUIET;
	KTEST_EXPECT_EQ(t, console_loglevel, expected);
}

/* Is @s in the log's last @window bytes? */
static bool log_contains(const char *s, unsigned long window)
{
	unsigned long n = strlen(s), start, i, j;

	start = log_next > window ? log_next - window : 0;
	for (i = start; i + n <= log_next; i++) {
		for (j = 0; j < n; j++)
			if (log_buf[(i + j) & (LOG_BUF_LEN - 1)] != s[j])
				break;
		if (j == n)
			return true;
	}
	return false;
}

/* Is @s on the VGA text screen? */
static bool vga_contains(const char *s)
{
	const u16 *cells = __va(VGA_TEXT_PHYS);
	unsigned long n = strlen(s), i, j;

	for (i = 0; i + n <= VGA_COLS * VGA_ROWS; i++) {
		for (j = 0; j < n; j++)
			if ((cells[i + j] & 0xFF) != (unsigned char)s[j])
				break;
		if (j == n)
			return true;
	}
	return false;
}

/*
 * printk keeps every message in log_buf, and shows on the consoles (VGA
 * here; serial is what the runner reads) only those below the log level.
 */
static void boot_printk_levels(struct ktest *t)
{
	int saved = console_loglevel;

	console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
	pr_info("ktest marker: shown %d\n", 7);
	pr_debug("ktest marker: hidden %d\n", 8);
	console_loglevel = saved;
	KTEST_EXPECT_TRUE(t, log_contains("ktest marker: shown 7", 256));
	KTEST_EXPECT_TRUE(t, log_contains("ktest marker: hidden 8", 256));
	KTEST_EXPECT_TRUE(t, vga_contains("ktest marker: shown 7"));
	KTEST_EXPECT_FALSE(t, vga_contains("ktest marker: hidden 8"));
	KTEST_EXPECT_FALSE(t, log_contains("\0017", 256));	/* levels are stripped */
}

/*
 * The boot modules were kept safe until they were used: mem_init()
 * reserved them, so no allocation could overwrite the initramfs before
 * populate_rootfs() unpacked it.  Then free_initrd_mem() gave module 0's
 * whole pages to the allocator; its partial edge pages, and every other
 * module, stay reserved.
 */
static void boot_modules_reserved(struct ktest *t)
{
	const struct boot_module *m0 = &boot_params.modules[0];
	unsigned long pfn, first, last;
	unsigned int i;

	if (!boot_params.nr_modules) {
		KTEST_EXPECT_EQ(t, initrd_freed_pages, 0);
		ktest_skip(t, "no boot module (boot with -initrd or from the ISO)");
		return;
	}
	for (i = 0; i < boot_params.nr_modules; i++) {
		const struct boot_module *m = &boot_params.modules[i];

		KTEST_ASSERT_TRUE(t, m->end > m->start);
		ktest_info(t, "module %u at %08x-%08x \"%s\"", i, m->start, m->end,
			   m->cmdline);
		if (i == 0)
			continue;
		for (pfn = m->start >> PAGE_SHIFT; pfn < PAGE_ALIGN(m->end) >> PAGE_SHIFT; pfn++)
			KTEST_EXPECT_TRUE(t, PageReserved(pfn_to_page(pfn)));
	}
	first = PAGE_ALIGN(m0->start) >> PAGE_SHIFT;
	last = (m0->end & PAGE_MASK) >> PAGE_SHIFT;
	KTEST_EXPECT_EQ(t, initrd_freed_pages, last - first);
	for (pfn = first; pfn < last; pfn++)
		KTEST_EXPECT_FALSE(t, PageReserved(pfn_to_page(pfn)));
	if (m0->start & ~PAGE_MASK)
		KTEST_EXPECT_TRUE(t, PageReserved(pfn_to_page(m0->start >> PAGE_SHIFT)));
	if (m0->end & ~PAGE_MASK)
		KTEST_EXPECT_TRUE(t, PageReserved(pfn_to_page(m0->end >> PAGE_SHIFT)));
}

/*
 * An interrupt that its handler does not claim must not silence the line:
 * a UART raises one for data an earlier interrupt already drained, and
 * disabling IRQ 4 then would lose all console input (a bug Nest had).
 */
static void boot_unclaimed_irq_keeps_line(struct ktest *t)
{
	unsigned long flags;
	int i;

	KTEST_ASSERT_TRUE(t, i8259A_irq_enabled(COM1_IRQ));
	local_irq_save(flags);
	for (i = 0; i < 3; i++)
		handle_irq(COM1_IRQ, NULL);	/* no byte waiting: IRQ_NONE */
	local_irq_restore(flags);
	KTEST_EXPECT_TRUE(t, i8259A_irq_enabled(COM1_IRQ));
}

/* The kernel runs on our own GDT and TSS, not the boot loader's. */
static void boot_descriptor_tables(struct ktest *t)
{
	u16 cs, tr;

	asm volatile("mov %%cs, %0" : "=r"(cs));
	asm volatile("str %0" : "=r"(tr));
	KTEST_EXPECT_EQ(t, cs, __KERNEL_CS);
	KTEST_EXPECT_EQ(t, tr, TSS_SELECTOR);
}

static struct ktest_case boot_cases[] = {
	KTEST_CASE(boot_cmdline_parsed),
	KTEST_CASE(boot_timer_ticks),
	KTEST_CASE(boot_kallsyms_resolve),
	KTEST_CASE(boot_memory_counters),
	KTEST_CASE(boot_descriptor_tables),
	KTEST_CASE(boot_loglevel_from_cmdline),
	KTEST_CASE(boot_printk_levels),
	KTEST_CASE(boot_modules_reserved),
	KTEST_CASE(boot_unclaimed_irq_keeps_line),
	{}
};

static struct ktest_suite boot_suite = {
	.name = "boot",
	.cases = boot_cases,
};
KTEST_SUITE(boot_suite);
