/*
 * time.h - clocks and sleeping (time.c).  struct timespec and the
 * CLOCK_* ids are <uapi/misc.h>'s.
 */
#ifndef _TIME_H
#define _TIME_H

#include <sys/types.h>
#include <uapi/misc.h>

int nanosleep(const struct timespec *req, struct timespec *rem);
int clock_gettime(clockid_t clock, struct timespec *tp);
time_t time(time_t *t);

#endif /* _TIME_H */
