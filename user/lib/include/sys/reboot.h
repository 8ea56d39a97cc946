/*
 * sys/reboot.h - reboot(cmd) (reboot.c), glibc's one-argument form: the
 * library adds the two magic numbers.  The RB_* names are glibc's; the
 * LINUX_REBOOT_CMD_* names from <uapi/misc.h> are the same values.
 */
#ifndef _SYS_REBOOT_H
#define _SYS_REBOOT_H

#include <uapi/misc.h>

#define RB_AUTOBOOT	LINUX_REBOOT_CMD_RESTART
#define RB_HALT_SYSTEM	LINUX_REBOOT_CMD_HALT
#define RB_POWER_OFF	LINUX_REBOOT_CMD_POWER_OFF

int reboot(int cmd);

#endif /* _SYS_REBOOT_H */
