/*
 * include/uapi/misc.h - the smaller pieces of the ABI: reboot(), prctl(),
 * clock_gettime(), uname() and the ELF auxiliary vector.  Linux's values.
 */
#ifndef UAPI_MISC_H
#define UAPI_MISC_H

/* reboot(LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2, cmd, arg) */
#define LINUX_REBOOT_MAGIC1		0xfee1dead
#define LINUX_REBOOT_MAGIC2		672274793
#define LINUX_REBOOT_CMD_RESTART	0x01234567
#define LINUX_REBOOT_CMD_HALT		0xCDEF0123
#define LINUX_REBOOT_CMD_POWER_OFF	0x4321FEDC

/* prctl() options */
#define PR_SET_NAME			15
#define PR_GET_NAME			16
#define PR_SET_CHILD_SUBREAPER		36
#define PR_GET_CHILD_SUBREAPER		37

/* clock_gettime() (265) with 32-bit time, as i386's original call */
#define CLOCK_REALTIME			0
#define CLOCK_MONOTONIC			1

struct timespec {
	long tv_sec;
	long tv_nsec;
};

/* uname() (122): struct new_utsname */
#define NEW_UTS_LEN	64

struct new_utsname {
	char sysname[NEW_UTS_LEN + 1];
	char nodename[NEW_UTS_LEN + 1];
	char release[NEW_UTS_LEN + 1];
	char version[NEW_UTS_LEN + 1];
	char machine[NEW_UTS_LEN + 1];
	char domainname[NEW_UTS_LEN + 1];
};

/* The auxiliary vector execve() puts above envp (type, value pairs). */
#define AT_NULL		0
#define AT_PHDR		3	/* the program headers, in memory */
#define AT_PHENT	4
#define AT_PHNUM	5
#define AT_PAGESZ	6
#define AT_BASE		7
#define AT_FLAGS	8
#define AT_ENTRY	9
#define AT_UID		11
#define AT_EUID		12
#define AT_GID		13
#define AT_EGID		14
#define AT_HWCAP	16
#define AT_CLKTCK	17
#define AT_SECURE	23
#define AT_RANDOM	25	/* the address of 16 random bytes */
#define AT_EXECFN	31

#endif /* UAPI_MISC_H */
