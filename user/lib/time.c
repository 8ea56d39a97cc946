/*
 * user/lib/time.c - clocks and sleeping: clock_gettime(), time(),
 * nanosleep(), and sleep() and usleep() built on nanosleep.
 */
#include <errno.h>
#include <time.h>
#include <unistd.h>
#include "syscall_i386.h"

#define NSEC_PER_USEC	1000L
#define USEC_PER_SEC	1000000L

/*
 * clock_gettime - the time of @clock (CLOCK_REALTIME, CLOCK_MONOTONIC)
 * into @tp.  Returns 0, or -1 (EINVAL: unknown clock).
 */
int clock_gettime(clockid_t clock, struct timespec *tp)
{
	return syscall2(__NR_clock_gettime, clock, tp);
}

/* time - seconds since the Epoch, also stored in *@t if @t is not NULL. */
time_t time(time_t *t)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_REALTIME, &ts))
		return -1;
	if (t)
		*t = ts.tv_sec;
	return ts.tv_sec;
}

/*
 * nanosleep - sleep for *@req.  Returns 0, or -1 with EINTR if a handler
 * ran first, the time left then stored in *@rem (if not NULL).
 */
int nanosleep(const struct timespec *req, struct timespec *rem)
{
	return syscall2(__NR_nanosleep, req, rem);
}

/*
 * sleep - sleep @seconds.  Returns 0, or the whole seconds left (rounded
 * up) if a signal handler interrupted the sleep.
 */
unsigned int sleep(unsigned int seconds)
{
	struct timespec req = { .tv_sec = seconds }, rem;

	if (nanosleep(&req, &rem) == 0 || errno != EINTR)
		return 0;
	return rem.tv_sec + (rem.tv_nsec > 0);
}

/* usleep - sleep @usec microseconds.  Returns 0, or -1 (EINTR). */
int usleep(useconds_t usec)
{
	struct timespec req = {
		.tv_sec = usec / USEC_PER_SEC,
		.tv_nsec = (usec % USEC_PER_SEC) * NSEC_PER_USEC,
	};

	return nanosleep(&req, NULL);
}
