/*
 * kernel/sys_info.c - sysinfo(2) (116): uptime, memory and the number of
 * tasks in one call, as Linux's do_sysinfo() (kernel/sys.c) and
 * si_meminfo() (mm/show_mem.c).
 *
 * Entry points: sys_sysinfo() (registered by SYSCALL_DEFINE1 in the
 * .syscalls section, so kernel/entry.c finds it at boot), do_sysinfo()
 * and si_meminfo() (include/nest/sysinfo.h).  Reads the page allocator's
 * counters (mm/page_alloc.c), jiffies (kernel/time.c) and the task count
 * (kernel/fork.c); writes to user memory only through copy_to_user().
 */
/* LAB 1 SOLUTION FILE */
#include <nest/sysinfo.h>
#include <nest/syscalls.h>
#include <nest/uaccess.h>
#include <nest/jiffies.h>
#include <nest/sched.h>
#include <nest/string.h>
#include <nest/mm.h>

/*
 * The memory counts, in pages.  Nest has no page cache, no shmem and no
 * block devices (sharedram, bufferram: 0), and maps all of its memory in
 * the kernel's 1 GiB (no highmem: totalhigh, freehigh 0).  Linux reads
 * totalram_pages() and NR_FREE_PAGES, which /proc/meminfo's MemTotal and
 * MemFree show too; Nest's meminfo_proc_show() uses these same two
 * counters, so the two always agree.
 */
void si_meminfo(struct sysinfo *val)
{
	val->totalram = nr_managed_pages();
	val->sharedram = 0;
	val->freeram = nr_free_pages();
	val->bufferram = 0;
	val->totalhigh = 0;
	val->freehigh = 0;
	val->mem_unit = PAGE_SIZE;
}

int do_sysinfo(struct sysinfo *info)
{
	unsigned long j = jiffies, mem_total, sav_total;
	unsigned int mem_unit, bitcount;

	/* Every byte the caller gets is set: pad and _f too (no kernel stack leaks out). */
	memset(info, 0, sizeof(*info));

	/*
	 * Whole seconds since boot, rounded up as Linux does (tv_sec + 1 when
	 * tv_nsec is not 0): a system up for 0.3 s says 1.  Linux reads the
	 * boot-time clock; Nest's clock is jiffies since the PIT started.
	 */
	info->uptime = j / HZ + (j % HZ ? 1 : 0);

	/*
	 * loads[] stay 0: Nest keeps no load average (Linux's calc_global_load()
	 * samples the run queue every 5 s into avenrun[], which get_avenrun()
	 * scales to SI_LOAD_SHIFT here).
	 */

	/*
	 * Linux's nr_threads: every task, kernel threads and zombies included,
	 * but not the idle task.  Nest's nr_threads() counts the boot task,
	 * which became the idle task, so one less.  procs is 16 bits; Linux
	 * truncates the same way.
	 */
	info->procs = nr_threads() - 1;

	si_meminfo(info);
	/* Linux's si_swapinfo() would add totalswap and freeswap: Nest has no swap. */

	/*
	 * The sizes are in pages (mem_unit = PAGE_SIZE).  If RAM + swap in
	 * bytes fits in an unsigned long, give bytes and mem_unit 1, as Linux
	 * 2.2 did: old programs ignore mem_unit.  Linux's code, word for word;
	 * on i386 that means bytes below 4 GiB.
	 */
	mem_total = info->totalram + info->totalswap;
	if (mem_total < info->totalram || mem_total < info->totalswap)
		goto out;
	bitcount = 0;
	mem_unit = info->mem_unit;
	while (mem_unit > 1) {
		bitcount++;
		mem_unit >>= 1;
		sav_total = mem_total;
		mem_total <<= 1;
		if (mem_total < sav_total)
			goto out;
	}
	info->mem_unit = 1;
	info->totalram <<= bitcount;
	info->freeram <<= bitcount;
	info->sharedram <<= bitcount;
	info->bufferram <<= bitcount;
	info->totalswap <<= bitcount;
	info->freeswap <<= bitcount;
	info->totalhigh <<= bitcount;
	info->freehigh <<= bitcount;
out:
	return 0;
}

/*
 * sysinfo(info): fill a struct sysinfo in the kernel, then copy all 64
 * bytes out in one copy_to_user().  A bad @info (NULL, a kernel address,
 * an unmapped or read-only page) faults inside the copy; the exception
 * table turns that into a short copy and the call into -EFAULT.
 */
SYSCALL_DEFINE1(sysinfo, struct sysinfo __user *, info)
{
	struct sysinfo val;

	do_sysinfo(&val);
	if (copy_to_user(info, &val, sizeof(val)))
		return -EFAULT;
	return 0;
}
