/*
 * kernel/printk.c - the kernel log.
 *
 * printk() formats a message, keeps it in the log buffer (log_buf, which a
 * debugger or a later dmesg can read) and, when its level is below
 * console_loglevel, writes it to the consoles with a timestamp in Linux's
 * "[    1.234567] " form.  It works from any context, including interrupt
 * handlers and panic, because the consoles are polled.
 */
#include <nest/printk.h>
#include <nest/console.h>
#include <nest/string.h>
#include <nest/irqflags.h>
#include <nest/jiffies.h>

#define LOG_LINE_MAX	512

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;

/* The log, as a ring of characters; log_next counts every byte ever logged. */
char log_buf[LOG_BUF_LEN];
unsigned long log_next;

static bool line_open;		/* the last message did not end in '\n' */
static int line_level;		/* its level, for KERN_CONT pieces */

void console_write(const char *s, size_t len)
{
	serial_write(s, len);
	vga_write(s, len);
}

static void log_store(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		log_buf[log_next++ & (LOG_BUF_LEN - 1)] = s[i];
}

/* Parse a KERN_ prefix: the level, or -1 for KERN_CONT; advance *fmt. */
static int printk_get_level(const char **text)
{
	const char *s = *text;

	if (s[0] != KERN_SOH[0] || !s[1])
		return LOGLEVEL_DEFAULT;
	*text = s + 2;
	if (s[1] == 'c')
		return -1;
	if (s[1] >= '0' && s[1] <= '7')
		return s[1] - '0';
	return LOGLEVEL_DEFAULT;
}

int vprintk(const char *fmt, va_list args)
{
	char line[LOG_LINE_MAX];
	char stamp[32];
	const char *text = line;
	unsigned long flags, j;
	int level, len, stamp_len = 0;

	len = vsnprintf(line, sizeof(line), fmt, args);
	if (len >= (int)sizeof(line))
		len = sizeof(line) - 1;
	level = printk_get_level(&text);
	len -= text - line;

	local_irq_save(flags);
	if (level < 0) {
		/* KERN_CONT: part of the open line, same level, no timestamp. */
		level = line_level;
	} else {
		if (line_open)
			console_write("\n", 1);	/* end the interrupted line */
		j = jiffies;
		stamp_len = snprintf(stamp, sizeof(stamp), "[%5lu.%06lu] ",
				     j / HZ, (j % HZ) * (1000000 / HZ));
		line_level = level;
	}
	log_store(text, len);
	if (level < console_loglevel) {
		if (stamp_len)
			console_write(stamp, stamp_len);
		console_write(text, len);
	}
	line_open = len > 0 && text[len - 1] != '\n';
	local_irq_restore(flags);
	return len;
}

int printk(const char *fmt, ...)
{
	va_list args;
	int r;

	va_start(args, fmt);
	r = vprintk(fmt, args);
	va_end(args);
	return r;
}
