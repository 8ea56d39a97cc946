/*
 * user/bin/libctest/memory_time.c - the rest of the process's view of the
 * system: anonymous mmap (zeroed) and munmap, mmap's offset check,
 * nanosleep against CLOCK_MONOTONIC, time(), uname, prctl's task name,
 * getenv.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/utsname.h>
#include <time.h>
#include "libctest.h"

/* Memory maps, clocks and the small calls, each checked once. */
void test_memory_and_time(void)
{
	struct timespec t0, t1, nap = { .tv_sec = 0, .tv_nsec = 20000000 };
	struct utsname u;
	char name[16] = "";
	long ms;
	char *p;

	p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	check(p != MAP_FAILED && p[0] == 0 && p[8191] == 0, "mmap anonymous memory is zeroed");
	if (p != MAP_FAILED) {
		p[4096] = 1;
		check(munmap(p, 8192) == 0, "munmap");
	}
	check(mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 100) == MAP_FAILED &&
	      errno == EINVAL, "mmap with an unaligned offset: EINVAL");

	clock_gettime(CLOCK_MONOTONIC, &t0);
	check(nanosleep(&nap, NULL) == 0, "nanosleep 20 ms");
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
	check(ms >= 19, "CLOCK_MONOTONIC advanced %ld ms across it", ms);
	check(time(NULL) > 0, "time()");
	check(uname(&u) == 0 && u.sysname[0], "uname: %s %s", u.sysname, u.machine);
	check(prctl(PR_SET_NAME, "libctest-x") == 0 && prctl(PR_GET_NAME, name) == 0 &&
	      !strcmp(name, "libctest-x"), "prctl PR_SET_NAME/PR_GET_NAME");
	check(getenv("LIBCTEST_UNSET") == NULL, "getenv of an unset variable");
}
