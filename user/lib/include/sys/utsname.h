/*
 * sys/utsname.h - uname() (uname.c).  struct utsname has the layout of the
 * kernel's struct new_utsname (<uapi/misc.h>), which uname.c checks.
 */
#ifndef _SYS_UTSNAME_H
#define _SYS_UTSNAME_H

#include <uapi/misc.h>

struct utsname {
	char sysname[NEW_UTS_LEN + 1];
	char nodename[NEW_UTS_LEN + 1];
	char release[NEW_UTS_LEN + 1];
	char version[NEW_UTS_LEN + 1];
	char machine[NEW_UTS_LEN + 1];
	char domainname[NEW_UTS_LEN + 1];
};

int uname(struct utsname *buf);

#endif /* _SYS_UTSNAME_H */
