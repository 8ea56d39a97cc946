/*
 * kernel/main.c - start_kernel(), the first C code, called by
 * boot/multiboot.asm on the boot stack with paging on; and kernel_init(),
 * which becomes pid 1.  As Linux's init/main.c.
 *
 * The order matters and each step says what it needs:
 *   consoles first, so everything after can report;
 *   the boot information, copied before memory is handed out;
 *   the GDT and IDT, so a fault is reported instead of a triple fault;
 *   memory: memblock, page tables, the buddy and slab allocators;
 *   the caches of every subsystem, the system call table, the root fs;
 *   the timer and serial input, then interrupts on;
 *   then rest_init(): pid 1 (kernel_init) and pid 2 (kthreadd), and the
 *   boot task becomes the idle task.
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
#include <nest/mman.h>
#include <nest/slab.h>
#include <nest/ktest.h>
#include <nest/version.h>
#include <nest/bench.h>
#include <nest/sched.h>
#include <nest/signal.h>
#include <nest/pid.h>
#include <nest/kthread.h>
#include <nest/syscalls.h>
#include <nest/binfmts.h>
#include <nest/fs.h>
#include <nest/mount.h>
#include <nest/string.h>
#include <nest/errno.h>
#include <nest/fpu.h>
#include <nest/leakcheck.h>
#include <nest/workqueue.h>
#include <nest/nsproxy.h>
#include <nest/pid_namespace.h>
#include <uapi/sched.h>

#define MAX_INIT_ARGS	16
#define MAX_INIT_ENVS	24
#define INIT_PATH_MAX	128

void fork_init(void);

static char execute_command[INIT_PATH_MAX];	/* init=PATH */
static const char *argv_init[MAX_INIT_ARGS + 2] = { NULL, };
static const char *envp_init[MAX_INIT_ENVS + 2] = { "HOME=/", "TERM=linux", NULL, };

static int init_setup(char *arg)
{
	strlcpy(execute_command, arg, sizeof(execute_command));
	return 0;
}
__setup("init=", init_setup);

/*
 * Unknown command-line words go to init, as Linux does it: "name=value"
 * into its environment, anything else into its arguments.
 */
static void pass_unknown_params(void)
{
	unsigned int i, args = 1, envs = 2;

	for (i = 0; i < nr_unknown_params; i++) {
		const char *w = unknown_params[i];

		if (strchr(w, '=')) {
			if (envs < MAX_INIT_ENVS)
				envp_init[envs++] = w;
		} else if (args < MAX_INIT_ARGS) {
			argv_init[args++] = w;
		}
	}
}

static int run_init_process(const char *init_filename)
{
	argv_init[0] = init_filename;
	pr_info("Run %s as init process\n", init_filename);
	return kernel_execve(init_filename, argv_init, envp_init);
}

/*
 * pid 1.  It starts as a kernel thread, unpacks the root file system and
 * opens the console, runs the in-kernel tests or benchmarks if asked, and
 * then execs init: init= from the command line, or the usual places.
 */
static int kernel_init(void *unused)
{
	int ret;

	populate_rootfs();
	if (console_on_rootfs() < 0)
		pr_err("Warning: unable to open an initial console.\n");
	/* /proc, viewing the initial pid namespace (fs/proc/root.c). */
	if (init_mount("proc", "/proc", "proc", 0, NULL))
		pr_warn("Warning: unable to mount /proc.\n");

	workqueue_init();	/* its workers are made by kthreadd, running now */
	ktest_main();		/* powers off if ktest= or crash= was given */
	bench_main();		/* powers off if bench= was given */

	pass_unknown_params();
	leakcheck_begin();
	if (execute_command[0]) {
		ret = run_init_process(execute_command);
		panic("Requested init %s failed (error %d).", execute_command, ret);
	}
	if (!run_init_process("/sbin/init") || !run_init_process("/etc/init") ||
	    !run_init_process("/bin/init") || !run_init_process("/bin/sh"))
		return 0;
	panic("No working init found.  Try passing init= option to kernel.");
}

/* Start pid 1 and kthreadd, then idle for ever. */
static __noreturn void rest_init(void)
{
	struct task_struct *init, *kthreadd_t;

	/* pid 1 gets its own, empty file table: its fds 0-2 are its own. */
	init = kernel_thread(kernel_init, NULL, CLONE_FS);
	if (IS_ERR(init))
		panic("rest_init: cannot create init");
	kthreadd_t = kernel_thread(kthreadd, NULL, CLONE_FS | CLONE_FILES);
	if (IS_ERR(kthreadd_t))
		panic("rest_init: cannot create kthreadd");
	strlcpy(kthreadd_t->comm, "kthreadd", sizeof(kthreadd_t->comm));
	kthreadd_task = kthreadd_t;
	wake_up_new_task(kthreadd_t);
	wake_up_new_task(init);
	cpu_idle();
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
	fpu_init();
	init_8259A();

	mem_init(mbi);
	kmem_cache_init();
	sched_init();
	pid_init();
	pid_namespaces_init();
	nsproxy_cache_init();
	fork_init();
	signals_init();
	mm_caches_init();
	syscall_init();
	vfs_caches_init();

	time_init();
	serial_enable_rx_irq();
	local_irq_enable();
	pr_info("Nest: boot complete, %lu pages free\n", nr_free_pages());
	rest_init();
}
