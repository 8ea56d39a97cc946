/*
 * sys/resource.h - struct rusage, the fourth argument of wait4(), in
 * Linux i386's layout (two timevals and fourteen longs); getpriority()
 * and setpriority() (priority.c) with the PRIO_* values of <uapi/resource.h>.
 */
#ifndef _SYS_RESOURCE_H
#define _SYS_RESOURCE_H

#include <sys/time.h>
#include <sys/types.h>
#include <uapi/resource.h>

struct rusage {
	struct timeval ru_utime;
	struct timeval ru_stime;
	long ru_maxrss;
	long ru_ixrss;
	long ru_idrss;
	long ru_isrss;
	long ru_minflt;
	long ru_majflt;
	long ru_nswap;
	long ru_inblock;
	long ru_oublock;
	long ru_msgsnd;
	long ru_msgrcv;
	long ru_nsignals;
	long ru_nvcsw;
	long ru_nivcsw;
};

int getpriority(int which, id_t who);
int setpriority(int which, id_t who, int prio);

#endif /* _SYS_RESOURCE_H */
