/*
 * kernel/sysctl.c - the handlers that read and write a /proc/sys integer,
 * as Linux's proc_dointvec() and proc_dointvec_minmax() in its
 * kernel/sysctl.c (include/nest/sysctl.h says how a handler is called).
 *
 * A write is parsed as Linux parses it, so the same bytes give the same
 * answer on both: white space is skipped, then one number in C notation
 * (strtoul with base 0: 500, 0x1f4, 0764) with an optional '-', which
 * must be followed by white space or the end; then white space again.
 * Whatever follows is left unconsumed: write() returns fewer bytes than
 * it was given.  A number of 21 characters or more is refused rather
 * than cut (Linux's TMPBUFLEN).
 *
 * Called by fs/proc/proc_sysctl.c, through a struct ctl_table.
 */
#include <nest/sysctl.h>
#include <nest/mm.h>
#include <nest/errno.h>
#include <nest/string.h>
#include <nest/limits.h>

#define TMPBUFLEN	22	/* a number's text, as Linux's: 21 characters at most */

/* White space as the kernel's ctype has it, Latin-1's no-break space included. */
static bool proc_isspace(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xa0;
}

static bool proc_isdigit(char c)
{
	return c >= '0' && c <= '9';
}

/* What may follow a number (Linux's proc_wspace_sep). */
static bool proc_is_sep(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

static void proc_skip_spaces(char **buf, size_t *size)
{
	while (*size && proc_isspace(**buf)) {
		(*size)--;
		(*buf)++;
	}
}

/* The value of digit @c in @base, or @base if it is not one. */
static unsigned int digit_value(char c, unsigned int base)
{
	unsigned int d = base;

	if (c >= '0' && c <= '9')
		d = c - '0';
	else if (c >= 'a' && c <= 'f')
		d = c - 'a' + 10;
	else if (c >= 'A' && c <= 'F')
		d = c - 'A' + 10;
	return d < base ? d : base;
}

/*
 * strtoul_lenient - as Linux's: the number at @cp in C notation, into
 * *@res; *@endp just past it.  -ERANGE if it does not fit an unsigned long.
 */
static int strtoul_lenient(const char *cp, char **endp, unsigned long *res)
{
	unsigned int base = 10, d;
	unsigned long v = 0;

	/* Linux's _parse_integer_fixup_radix(): "0x" and a hex digit, or "0". */
	if (cp[0] == '0') {
		if ((cp[1] == 'x' || cp[1] == 'X') && digit_value(cp[2], 16) < 16) {
			base = 16;
			cp += 2;
		} else {
			base = 8;
		}
	}
	for (; (d = digit_value(*cp, base)) < base; cp++) {
		if (v > (ULONG_MAX - d) / base)
			return -ERANGE;
		v = v * base + d;
	}
	*endp = (char *)cp;
	*res = v;
	return 0;
}

/*
 * proc_get_long - the number at *@buf (of *@size bytes) into *@val and
 * *@neg, moving *@buf and *@size past it.  0, or -EINVAL when there is no
 * number, it is too long, or something other than white space follows.
 */
static int proc_get_long(char **buf, size_t *size, unsigned long *val, bool *neg)
{
	char tmp[TMPBUFLEN], *p;
	size_t len = *size;

	if (len > TMPBUFLEN - 1)
		len = TMPBUFLEN - 1;
	memcpy(tmp, *buf, len);
	tmp[len] = '\0';
	p = tmp;
	*neg = *p == '-' && *size > 1;
	if (*neg)
		p++;
	if (!proc_isdigit(*p))
		return -EINVAL;
	if (strtoul_lenient(p, &p, val))
		return -EINVAL;
	len = p - tmp;
	/* The number may go on past the copy: refuse rather than cut it. */
	if (len == TMPBUFLEN - 1)
		return -EINVAL;
	if (len < *size && !proc_is_sep(*p))
		return -EINVAL;
	*buf += len;
	*size -= len;
	return 0;
}

/* Print @val (made negative by @neg) into *@buf, as much as fits in *@size. */
static void proc_put_long(char **buf, size_t *size, unsigned long val, bool neg)
{
	char tmp[TMPBUFLEN];
	size_t len;

	snprintf(tmp, sizeof(tmp), "%s%lu", neg ? "-" : "", val);
	len = strlen(tmp);
	if (len > *size)
		len = *size;
	memcpy(*buf, tmp, len);
	*size -= len;
	*buf += len;
}

static void proc_put_char(char **buf, size_t *size, char c)
{
	if (*size) {
		**buf = c;
		(*size)--;
		(*buf)++;
	}
}

/*
 * The conversion between the parsed number and the int, as Linux's
 * do_proc_dointvec_conv() and do_proc_dointvec_minmax_conv(): -EINVAL
 * when a written value does not fit an int or lies outside the bounds
 * (@min, @max; NULL for none).  The int changes only on success.
 */
static int proc_int_conv(bool *neg, unsigned long *lval, int *valp, int write,
			 const int *min, const int *max)
{
	if (write) {
		int v;

		if (*neg) {
			if (*lval > (unsigned long)INT_MAX + 1)
				return -EINVAL;
			v = -*lval;
		} else {
			if (*lval > (unsigned long)INT_MAX)
				return -EINVAL;
			v = *lval;
		}
		if ((min && v < *min) || (max && v > *max))
			return -EINVAL;
		*valp = v;
	} else {
		int v = *valp;

		*neg = v < 0;
		*lval = v < 0 ? -(unsigned long)v : (unsigned long)v;
	}
	return 0;
}

/* Linux's __do_proc_dointvec() for a table of one int. */
static int do_proc_dointvec(const struct ctl_table *table, int write, void *buffer,
			    size_t *lenp, loff_t *ppos, const int *min, const int *max)
{
	int *valp = table->data;
	size_t left = *lenp;
	char *p = buffer;
	unsigned long lval;
	bool neg;
	int err;

	if (!valp || !table->maxlen || !*lenp || (*ppos && !write)) {
		*lenp = 0;
		return 0;
	}
	if (!write) {
		if (proc_int_conv(&neg, &lval, valp, 0, NULL, NULL))
			return -EINVAL;
		proc_put_long(&p, &left, lval, neg);
		proc_put_char(&p, &left, '\n');
		*lenp -= left;
		*ppos += *lenp;
		return 0;
	}
	/* Only a write from the start counts; the rest of it is ignored. */
	if (*ppos) {
		*ppos += *lenp;
		return 0;
	}
	if (left > PAGE_SIZE - 1)
		left = PAGE_SIZE - 1;
	proc_skip_spaces(&p, &left);
	if (!left)
		return -EINVAL;
	err = proc_get_long(&p, &left, &lval, &neg);
	if (err)
		return err;
	if (proc_int_conv(&neg, &lval, valp, 1, min, max))
		return -EINVAL;
	proc_skip_spaces(&p, &left);
	*lenp -= left;
	*ppos += *lenp;
	return 0;
}

int proc_dointvec(const struct ctl_table *table, int write, void *buffer,
		  size_t *lenp, loff_t *ppos)
{
	return do_proc_dointvec(table, write, buffer, lenp, ppos, NULL, NULL);
}

int proc_dointvec_minmax(const struct ctl_table *table, int write, void *buffer,
			 size_t *lenp, loff_t *ppos)
{
	return do_proc_dointvec(table, write, buffer, lenp, ppos, table->extra1,
				table->extra2);
}
