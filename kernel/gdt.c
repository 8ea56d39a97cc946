/*
 * kernel/gdt.c - the global descriptor table and the task state segments.
 *
 * Flat 4 GiB code and data segments for ring 0 and ring 3, the TSS the CPU
 * uses on every trap from user mode, and a second TSS for the double-fault
 * task (see kernel/traps.c).  Called once by start_kernel().
 */
#include <nest/desc.h>
#include <nest/layout.h>
#include <nest/string.h>
#include <nest/io.h>

/* Descriptor access bytes and flags (Intel SDM vol. 3, 3.4.5). */
#define DESC_PRESENT	0x80
#define DESC_DPL3	0x60
#define DESC_CODE_DATA	0x10	/* S: a code or data segment, not a system one */
#define DESC_EXEC_READ	0x0A
#define DESC_READ_WRITE	0x02
#define DESC_TSS32	0x09	/* an available 32-bit TSS */
#define FLAG_4K_32BIT	0xC	/* G (limit in pages) and D (32-bit) */
#define FLAT_LIMIT	0xFFFFF	/* 2^20 pages = 4 GiB */

/* A stack for the double-fault task, separate from every kernel stack. */
#define DOUBLEFAULT_STACK_SIZE	4096

extern char boot_stack_top[];

static u64 gdt[GDT_ENTRIES];
struct x86_hw_tss cpu_tss;
struct x86_hw_tss doublefault_tss;
static u8 doublefault_stack[DOUBLEFAULT_STACK_SIZE] __aligned(16);

void gdt_load(const struct desc_ptr *gdtr);

static u64 make_desc(u32 base, u32 limit, u8 access, u8 flags)
{
	return ((u64)(limit & 0xFFFF)) |
	       ((u64)(base & 0xFFFFFF) << 16) |
	       ((u64)access << 40) |
	       ((u64)((limit >> 16) & 0xF) << 48) |
	       ((u64)(flags & 0xF) << 52) |
	       ((u64)(base >> 24) << 56);
}

/*
 * The double-fault task starts in double_fault_task() on its own stack with
 * the kernel's page directory.  A task gate in IDT slot 8 (kernel/traps.c)
 * makes the CPU switch to it, saving the faulting state in cpu_tss, which
 * is how the handler learns where the kernel stack overflowed.
 */
static void doublefault_tss_init(void)
{
	struct x86_hw_tss *t = &doublefault_tss;

	memset(t, 0, sizeof(*t));
	t->ip = (u32)double_fault_task;
	t->sp = (u32)(doublefault_stack + DOUBLEFAULT_STACK_SIZE);
	t->sp0 = t->sp;
	t->ss0 = __KERNEL_DS;
	t->flags = 0x2;		/* bit 1 is reserved and always set; IF off */
	t->cs = __KERNEL_CS;
	t->ds = t->es = t->ss = t->fs = t->gs = __KERNEL_DS;
	t->cr3 = read_cr3();	/* the boot directory; paging_init() updates it */
	t->io_bitmap_base = sizeof(*t);
}

void gdt_init(void)
{
	struct desc_ptr gdtr;

	gdt[0] = 0;
	gdt[GDT_ENTRY_KERNEL_CS] = make_desc(0, FLAT_LIMIT,
		DESC_PRESENT | DESC_CODE_DATA | DESC_EXEC_READ, FLAG_4K_32BIT);
	gdt[GDT_ENTRY_KERNEL_DS] = make_desc(0, FLAT_LIMIT,
		DESC_PRESENT | DESC_CODE_DATA | DESC_READ_WRITE, FLAG_4K_32BIT);
	gdt[GDT_ENTRY_USER_CS] = make_desc(0, FLAT_LIMIT,
		DESC_PRESENT | DESC_DPL3 | DESC_CODE_DATA | DESC_EXEC_READ, FLAG_4K_32BIT);
	gdt[GDT_ENTRY_USER_DS] = make_desc(0, FLAT_LIMIT,
		DESC_PRESENT | DESC_DPL3 | DESC_CODE_DATA | DESC_READ_WRITE, FLAG_4K_32BIT);

	memset(&cpu_tss, 0, sizeof(cpu_tss));
	cpu_tss.ss0 = __KERNEL_DS;
	cpu_tss.sp0 = (u32)boot_stack_top;
	/* No I/O permission bitmap: the base points past the TSS's end. */
	cpu_tss.io_bitmap_base = sizeof(cpu_tss);
	gdt[GDT_ENTRY_TSS] = make_desc((u32)&cpu_tss, sizeof(cpu_tss) - 1,
				       DESC_PRESENT | DESC_TSS32, 0);
	doublefault_tss_init();
	gdt[GDT_ENTRY_DOUBLEFAULT_TSS] = make_desc((u32)&doublefault_tss,
		sizeof(doublefault_tss) - 1, DESC_PRESENT | DESC_TSS32, 0);

	gdtr.size = sizeof(gdt) - 1;
	gdtr.address = (u32)gdt;
	gdt_load(&gdtr);
	asm volatile("ltr %w0" : : "r"(TSS_SELECTOR));
}
