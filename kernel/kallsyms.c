/*
 * kernel/kallsyms.c - looking up the kernel's symbol table
 * (include/nest/kallsyms.h says how the table gets built).
 *
 * The table is two arrays made by tools/gen-kallsyms.py: kallsyms_addresses[]
 * sorted ascending, and the matching names, NUL-separated in kallsyms_names
 * at kallsyms_name_offsets[i].  In the first
 * link they do not exist yet: the weak declarations make them NULL and
 * every lookup says "unknown".
 */
#include <nest/kallsyms.h>
#include <nest/string.h>

extern const unsigned long kallsyms_addresses[] __attribute__((weak));
extern const unsigned int kallsyms_name_offsets[] __attribute__((weak));
extern const char kallsyms_names[] __attribute__((weak));
extern const unsigned long kallsyms_num_syms __attribute__((weak));
extern char _etext[];

/* Index of the last symbol at or below @addr, or -1. */
static long kallsyms_index(unsigned long addr)
{
	long lo = 0, hi;

	if (!&kallsyms_num_syms || !kallsyms_num_syms)
		return -1;
	hi = (long)kallsyms_num_syms - 1;
	if (addr < kallsyms_addresses[0])
		return -1;
	while (lo < hi) {
		long mid = (lo + hi + 1) / 2;

		if (kallsyms_addresses[mid] <= addr)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}

const char *kallsyms_lookup(unsigned long addr, unsigned long *size,
			    unsigned long *offset)
{
	long i = kallsyms_index(addr);
	unsigned long end;

	if (i < 0 || addr >= (unsigned long)_etext)
		return NULL;
	end = (unsigned long)i + 1 < kallsyms_num_syms ? kallsyms_addresses[i + 1] :
							 (unsigned long)_etext;
	if (size)
		*size = end - kallsyms_addresses[i];
	if (offset)
		*offset = addr - kallsyms_addresses[i];
	return kallsyms_names + kallsyms_name_offsets[i];
}

unsigned long kallsyms_lookup_name(const char *name)
{
	unsigned long i;

	if (!&kallsyms_num_syms)
		return 0;
	for (i = 0; i < kallsyms_num_syms; i++)
		if (!strcmp(kallsyms_names + kallsyms_name_offsets[i], name))
			return kallsyms_addresses[i];
	return 0;
}

int sprint_symbol(char *buf, size_t len, unsigned long addr)
{
	unsigned long size, offset;
	const char *name = kallsyms_lookup(addr, &size, &offset);

	if (!name)
		return snprintf(buf, len, "0x%08lx", addr);
	return snprintf(buf, len, "%s+0x%lx/0x%lx", name, offset, size);
}
