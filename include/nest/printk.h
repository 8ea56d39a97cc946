/*
 * include/nest/printk.h - the kernel log, as Linux's printk.
 *
 * A message may start with a log level, KERN_ERR "..." and so on; the level
 * is a two-byte prefix (KERN_SOH and a digit), exactly as in Linux.  Messages
 * whose level is numerically below console_loglevel reach the consoles
 * (serial and VGA); `quiet` and `loglevel=N` on the command line set it.
 */
#ifndef NEST_PRINTK_H
#define NEST_PRINTK_H

#include <nest/types.h>

#define KERN_SOH	"\001"
#define KERN_EMERG	KERN_SOH "0"	/* system is unusable */
#define KERN_ALERT	KERN_SOH "1"
#define KERN_CRIT	KERN_SOH "2"
#define KERN_ERR	KERN_SOH "3"
#define KERN_WARNING	KERN_SOH "4"
#define KERN_NOTICE	KERN_SOH "5"
#define KERN_INFO	KERN_SOH "6"
#define KERN_DEBUG	KERN_SOH "7"
#define KERN_CONT	KERN_SOH "c"	/* continues the previous line */

#define LOGLEVEL_DEFAULT	4	/* the level of a message without one */
#define CONSOLE_LOGLEVEL_DEFAULT 7	/* show all but KERN_DEBUG */
#define CONSOLE_LOGLEVEL_QUIET	4	/* `quiet`: errors and worse only */

extern int console_loglevel;

/* The log: every message, shown or not, as a ring of LOG_BUF_LEN bytes. */
#define LOG_BUF_LEN	(1 << 15)	/* 32 KiB, a power of two */
extern char log_buf[LOG_BUF_LEN];
extern unsigned long log_next;		/* bytes ever logged; the ring wraps */

__printf(1, 2) int printk(const char *fmt, ...);
int vprintk(const char *fmt, va_list args);

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

#define pr_emerg(fmt, ...)	printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...)	printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)	printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...)	printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)	printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug(fmt, ...)	printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...)	printk(KERN_CONT fmt, ##__VA_ARGS__)

#endif /* NEST_PRINTK_H */
