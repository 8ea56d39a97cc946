/*
 * include/nest/sysctl.h - the files of /proc/sys, as Linux's
 * include/linux/sysctl.h: a struct ctl_table says which kernel integer a
 * file holds and which handler reads and writes it.
 *
 * A read or a write of a /proc/sys file (fs/proc/proc_sysctl.c) copies
 * the user's bytes into a kernel buffer and calls the table's handler:
 *
 *	handler(table, write, buffer, &len, &pos)
 *
 * On a read the handler prints the value into @buffer (at most *len
 * bytes) and sets *len to what it printed; on a write it parses the *len
 * bytes of @buffer (NUL-terminated) and sets *len to what it consumed.
 * Both advance *pos.  It returns 0 or -errno (-EINVAL for a bad value).
 * The two handlers below (kernel/sysctl.c) do one int, as Linux's.
 *
 * Linux's struct ctl_table also carries the file's name and mode; Nest's
 * /proc tables (fs/proc/internal.h, SYSCTL()) keep those beside the other
 * /proc files, and the ctl_table only what the handler needs.
 */
#ifndef NEST_SYSCTL_H
#define NEST_SYSCTL_H

#include <nest/types.h>
#include <nest/fs_types.h>

struct ctl_table;

typedef int proc_handler(const struct ctl_table *table, int write, void *buffer,
			 size_t *lenp, loff_t *ppos);

struct ctl_table {
	void *data;			/* the int the file shows and sets */
	int maxlen;			/* sizeof(int): one value */
	proc_handler *proc_handler;	/* reads and writes it */
	void *extra1;			/* proc_dointvec_minmax(): the least value (int *) */
	void *extra2;			/* ... and the greatest */
};

/*
 * proc_dointvec - read or write the int table->data as decimal text.  A
 * read gives "<value>\n" from position 0 (nothing from anywhere else).  A
 * write takes one number, with optional white space around it, in C
 * notation (decimal, 0x... hex, 0... octal, a leading '-'); -EINVAL for
 * anything else or a value outside int.  A write at a position other than
 * 0 is ignored, as Linux's default (sysctl_writes_strict = 1).
 */
int proc_dointvec(const struct ctl_table *table, int write, void *buffer,
		  size_t *lenp, loff_t *ppos);
/*
 * proc_dointvec_minmax - the same, and a written value must lie within
 * *(int *)table->extra1 .. *(int *)table->extra2 (either may be NULL: no
 * bound); -EINVAL leaves the old value.
 */
int proc_dointvec_minmax(const struct ctl_table *table, int write, void *buffer,
			 size_t *lenp, loff_t *ppos);

#endif /* NEST_SYSCTL_H */
