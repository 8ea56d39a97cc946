/* sys/time.h - struct timeval, as struct rusage uses it. */
#ifndef _SYS_TIME_H
#define _SYS_TIME_H

#include <sys/types.h>

struct timeval {
	time_t tv_sec;
	long tv_usec;
};

#endif /* _SYS_TIME_H */
