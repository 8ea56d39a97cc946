/*
 * user/lib/reboot.c - reboot(), glibc's one-argument form of the reboot
 * system call (88), which wants two magic numbers so that a stray call
 * cannot power the machine off.
 *
 * On Linux, from a pid namespace other than the first, the call does not
 * touch the machine: it ends that namespace's init, as if killed by
 * SIGINT (power off, halt) or SIGHUP (restart).
 */
#include <sys/reboot.h>
#include "syscall_i386.h"

/*
 * reboot - @cmd: RB_POWER_OFF, RB_HALT_SYSTEM or RB_AUTOBOOT (the
 * LINUX_REBOOT_CMD_* values).  Returns only on failure: -1 (EPERM, EINVAL).
 */
int reboot(int cmd)
{
	return syscall4(__NR_reboot, LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2,
			cmd, 0);
}
