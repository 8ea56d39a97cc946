/*
 * include/nest/sysinfo.h - the kernel side of sysinfo() (116): the
 * functions that fill a struct sysinfo (<uapi/sysinfo.h>), with Linux's
 * names.  Defined in kernel/sys_info.c (Linux: si_meminfo() in
 * mm/show_mem.c, do_sysinfo() in kernel/sys.c); used by the system call
 * and by the lab1_sysinfo tests.
 */
#ifndef NEST_SYSINFO_H
#define NEST_SYSINFO_H

#include <uapi/sysinfo.h>

/*
 * si_meminfo - the page allocator's counts into @val: totalram, freeram,
 * sharedram, bufferram, totalhigh, freehigh, in pages, and mem_unit =
 * PAGE_SIZE.  Touches no other field.  Any context.
 */
void si_meminfo(struct sysinfo *val);

/*
 * do_sysinfo - fill all of @info (a kernel buffer) as sysinfo() returns
 * it: every field set, every other byte zero, memory in bytes (mem_unit 1)
 * whenever the totals fit in an unsigned long.  Returns 0.  Does not sleep;
 * may be called with interrupts off.
 */
int do_sysinfo(struct sysinfo *info);

#endif /* NEST_SYSINFO_H */
