/*
 * fs/proc/system.c - the system-wide files of /proc: meminfo, slabinfo,
 * and sys/kernel/pid_max (in Linux: fs/proc/meminfo.c, mm/slab_common.c's
 * slabinfo_show(), kernel/sysctl.c).  They look the same from every pid
 * namespace.
 *
 *   meminfo        MemTotal, MemFree, MemAvailable, in Linux's layout
 *                  ("MemTotal:" padded to 16 columns, then 8 for the kB)
 *   slabinfo       "slabinfo - version: 2.1", as mm/ prints it
 *   sys/kernel/pid_max   "32768"; read-only in Nest (Linux lets root
 *                  write it)
 */
#include <nest/mm.h>
#include <nest/slab.h>
#include <nest/pid_namespace.h>
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

/* /proc/sys/kernel/pid_max. */
static int pid_max_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%d\n", pid_max);
	return 0;
}

static const struct proc_entry proc_sys_kernel_entries[] = {
	SINGLE("pid_max", S_IRUGO, pid_max_show),
};

static const struct proc_table proc_sys_kernel_table = PROC_TABLE(proc_sys_kernel_entries);

static const struct proc_entry proc_sys_entries[] = {
	DIR("kernel", S_IRUGO | S_IXUGO, proc_sys_kernel_table),
};

const struct proc_table proc_sys_table = PROC_TABLE(proc_sys_entries);
