/*
 * include/nest/leakcheck.h - a leak gate around a whole user program.
 *
 * Booting with `leakcheck` makes pid 1 take a snapshot of every slab
 * cache's active objects and of the free pages just before it execs init,
 * and compare when init exits (after init's own memory and files are
 * released and the workqueue has freed what it was asked to, such as dead
 * pid namespaces).  Anything that grew is reported on the console at
 * KERN_ERR and the run ends with the failure code.  The user-level tests
 * boot with it (tests/user_tests.py), so every test program is also a
 * check that the kernel gave back what the program's processes used.
 * kernel/leakcheck.c.
 */
#ifndef NEST_LEAKCHECK_H
#define NEST_LEAKCHECK_H

#include <nest/types.h>

/* Take the "before" snapshot, if the command line asked for it. */
void leakcheck_begin(void);
/* The first init is exiting: compare; true if nothing leaked (or not enabled). */
bool leakcheck_end(void);

#endif /* NEST_LEAKCHECK_H */
