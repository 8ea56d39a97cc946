/*
 * include/uapi/sysinfo.h - struct sysinfo, what sysinfo() (116) fills in:
 * Linux's include/uapi/linux/sysinfo.h with i386's types (a long is 32
 * bits), so 64 bytes laid out as
 *
 *	 0 uptime     4 loads[3]   16 totalram   20 freeram   24 sharedram
 *	28 bufferram 32 totalswap  36 freeswap   40 procs     42 pad
 *	44 totalhigh 48 freehigh   52 mem_unit   56 _f[8]
 *
 * The memory sizes count units of mem_unit bytes.  Shared by the kernel
 * (kernel/sys_info.c) and the C library (<sys/sysinfo.h>).
 */
#ifndef UAPI_SYSINFO_H
#define UAPI_SYSINFO_H

/* loads[] are fixed-point numbers with this many bits after the point. */
#define SI_LOAD_SHIFT	16

struct sysinfo {
	long uptime;			/* seconds since boot */
	unsigned long loads[3];		/* 1, 5 and 15 minute load averages */
	unsigned long totalram;		/* usable main memory */
	unsigned long freeram;		/* free main memory */
	unsigned long sharedram;	/* shared memory (tmpfs, shmem) */
	unsigned long bufferram;	/* block device buffers */
	unsigned long totalswap;	/* swap space */
	unsigned long freeswap;		/* swap space still free */
	unsigned short procs;		/* tasks that exist */
	unsigned short pad;		/* explicit padding (for m68k) */
	unsigned long totalhigh;	/* high memory */
	unsigned long freehigh;		/* free high memory */
	unsigned int mem_unit;		/* the size of the unit above, in bytes */
	/* Pads to 64 bytes, as the struct was in libc5 (Linux's _f). */
	char _f[20 - 2 * sizeof(unsigned long) - sizeof(unsigned int)];
};

#endif /* UAPI_SYSINFO_H */
