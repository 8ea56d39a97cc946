/* sys/prctl.h - prctl() (prctl.c); the PR_* options are <uapi/misc.h>'s. */
#ifndef _SYS_PRCTL_H
#define _SYS_PRCTL_H

#include <uapi/misc.h>

int prctl(int option, ...);	/* up to four unsigned long arguments */

#endif /* _SYS_PRCTL_H */
