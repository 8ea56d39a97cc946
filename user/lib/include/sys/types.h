/*
 * sys/types.h - the basic integer types POSIX names (pid_t, ssize_t, off_t,
 * ...), sized as Linux i386 sizes them so structures match the kernel's.
 * size_t and NULL come from the compiler's <stddef.h>.
 */
#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

#include <stddef.h>

typedef int pid_t;
typedef int ssize_t;
typedef long off_t;		/* 32-bit: Nest has lseek (19), not _llseek */
typedef unsigned int mode_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef unsigned int id_t;	/* a pid, pgid or uid: getpriority's who */
typedef long time_t;
typedef int clockid_t;
typedef unsigned int useconds_t;
typedef unsigned long ino_t;
typedef unsigned int dev_t;

#endif /* _SYS_TYPES_H */
