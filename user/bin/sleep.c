/*
 * user/bin/sleep.c - sleep SECONDS: wait that long.  SECONDS may have a
 * fraction ("0.25"), read as decimal digits, with no floating point.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <time.h>

#define NSEC_PER_SEC	1000000000L

/* Parse "S[.FFF]" into @ts; -1 if the text is not such a number. */
static int parse_seconds(const char *s, struct timespec *ts)
{
	long scale = NSEC_PER_SEC / 10;

	ts->tv_sec = 0;
	ts->tv_nsec = 0;
	if (!isdigit((unsigned char)*s) && *s != '.')
		return -1;
	for (; isdigit((unsigned char)*s); s++) {
		if (ts->tv_sec > (LONG_MAX - 9) / 10)
			return -1;
		ts->tv_sec = ts->tv_sec * 10 + (*s - '0');
	}
	if (*s == '.') {
		/* Digits beyond nanoseconds are read and ignored. */
		for (s++; isdigit((unsigned char)*s); s++, scale /= 10)
			ts->tv_nsec += (*s - '0') * scale;
	}
	return *s ? -1 : 0;
}

int main(int argc, char **argv)
{
	struct timespec ts;

	if (argc != 2) {
		fprintf(stderr, "usage: sleep SECONDS\n");
		return 1;
	}
	if (parse_seconds(argv[1], &ts)) {
		fprintf(stderr, "sleep: invalid time interval '%s'\n", argv[1]);
		return 1;
	}
	/* A handled signal interrupts the sleep: carry on for what is left. */
	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
	return 0;
}
