/*
 * sys/sysinfo.h - sysinfo() (sysinfo.c): uptime, memory and the number of
 * tasks.  struct sysinfo is the kernel's (<uapi/sysinfo.h>), as glibc's is
 * Linux's.
 */
#ifndef _SYS_SYSINFO_H
#define _SYS_SYSINFO_H

#include <uapi/sysinfo.h>

int sysinfo(struct sysinfo *info);

#endif /* _SYS_SYSINFO_H */
