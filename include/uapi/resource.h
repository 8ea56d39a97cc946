/*
 * include/uapi/resource.h - the "which" of getpriority() and setpriority(),
 * and the range of nice values, as Linux's include/uapi/linux/resource.h.
 */
#ifndef UAPI_RESOURCE_H
#define UAPI_RESOURCE_H

#define PRIO_MIN	(-20)	/* the lowest nice value (the most favoured) */
#define PRIO_MAX	20	/* one past the highest (19) */

#define PRIO_PROCESS	0	/* who: a process id (0: the caller) */
#define PRIO_PGRP	1	/* who: a process group id (0: the caller's group) */
#define PRIO_USER	2	/* who: a user id (0: the caller's user) */

#endif /* UAPI_RESOURCE_H */
