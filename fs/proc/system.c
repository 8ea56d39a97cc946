/*
 * fs/proc/system.c - the files of /proc that are not about one process:
 * meminfo, slabinfo, and sys/kernel/pid_max (in Linux: fs/proc/meminfo.c,
 * mm/slab_common.c's slabinfo_show(), kernel/pid.c's pid_table[]).
 *
 *   meminfo        MemTotal, MemFree, MemAvailable, in Linux's layout
 *                  ("MemTotal:" padded to 16 columns, then 8 for the kB)
 *   slabinfo       "slabinfo - version: 2.1", as mm/ prints it
 *   sys/kernel/pid_max   "32768\n", a struct ctl_table (proc_sysctl.c)
 *
 * meminfo and slabinfo look the same from every pid namespace.  pid_max
 * is the namespace's in Linux since 6.14, and what the table below says.
 */
#include <nest/mm.h>
#include <nest/slab.h>
#include <nest/sched.h>
#include <nest/pid.h>
#include <nest/pid_namespace.h>
#include <nest/sysctl.h>
#include "internal.h"

/* A count of pages as a meminfo line: "Name:" to 16 columns, kB to 8. */
static void show_val_kb(struct seq_file *m, const char *name, unsigned long pages)
{
	seq_printf(m, "%-16s%8lu kB\n", name, pages << (PAGE_SHIFT - 10));
}

/*
 * /proc/meminfo.  Nest caches nothing it could give back (ramfs files
 * stay in memory), so what is available is what is free.
 */
int meminfo_proc_show(struct seq_file *m, void *v)
{
	unsigned long free = nr_free_pages();

	show_val_kb(m, "MemTotal:", nr_managed_pages());
	show_val_kb(m, "MemFree:", free);
	show_val_kb(m, "MemAvailable:", free);
	return 0;
}

/* slabinfo_show()'s lines into the file.  Called with interrupts off. */
static void slabinfo_emit(void *arg, const char *line)
{
	struct seq_file *m = arg;

	seq_puts(m, line);
	seq_putc(m, '\n');
}

/* /proc/slabinfo: version 2.1, one line per cache (mm/slab_common.c). */
int slabinfo_proc_show(struct seq_file *m, void *v)
{
	slabinfo_show(slabinfo_emit, m);
	return 0;
}

/* BEGIN LAB 5 SOLUTION: pid_max, per namespace and writable */
/*
 * What a write may set (static in Linux's kernel/pid.c): above
 * RESERVED_PIDS, so that the wrap always has somewhere to go, and at least
 * PIDS_PER_CPU_MIN per CPU; at most PID_MAX_LIMIT, the bitmap's size.
 */
static int pid_max_min = max(RESERVED_PIDS + 1, PIDS_PER_CPU_MIN * NR_CPUS);
static int pid_max_max = PID_MAX_LIMIT;

/*
 * proc_do_pid_max - /proc/sys/kernel/pid_max reads and sets the pid_max
 * of the caller's own pid namespace, whatever /proc it goes through.
 * Linux registers a copy of the table for each namespace
 * (register_pidns_sysctls()) and finds the caller's at lookup; Nest
 * points the table at the caller's namespace at each call instead, as
 * Linux's own proc_do_cad_pid() and ns_last_pid's pid_ns_ctl_handler() do.
 */
static int proc_do_pid_max(const struct ctl_table *table, int write, void *buffer,
			   size_t *lenp, loff_t *ppos)
{
	struct ctl_table tmp = *table;

	tmp.data = &task_active_pid_ns(current)->pid_max;
	return proc_dointvec_minmax(&tmp, write, buffer, lenp, ppos);
}

static const struct ctl_table pid_max_table = {
	.maxlen = sizeof(int),
	.proc_handler = proc_do_pid_max,
	.extra1 = &pid_max_min,
	.extra2 = &pid_max_max,
};
/* END LAB 5 SOLUTION */
/* BEGIN LAB 5 STARTER
static const struct ctl_table pid_max_table = {
	.data = &pid_max,
	.maxlen = sizeof(int),
	.proc_handler = proc_dointvec,
};
END LAB 5 STARTER */

static const struct proc_entry proc_sys_kernel_entries[] = {
	/* BEGIN LAB 5 SOLUTION: root may write pid_max (0644, as Linux) */
	SYSCTL("pid_max", S_IRUGO | S_IWUSR, pid_max_table),
	/* END LAB 5 SOLUTION */
	/* BEGIN LAB 5 STARTER
	SYSCTL("pid_max", S_IRUGO, pid_max_table),
	END LAB 5 STARTER */
};

static const struct proc_table proc_sys_kernel_table = PROC_TABLE(proc_sys_kernel_entries);

static const struct proc_entry proc_sys_entries[] = {
	DIR("kernel", S_IRUGO | S_IXUGO, proc_sys_kernel_table),
};

const struct proc_table proc_sys_table = PROC_TABLE(proc_sys_entries);
