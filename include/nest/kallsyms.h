/*
 * include/nest/kallsyms.h - the kernel's own symbol table, for backtraces.
 *
 * The build links the kernel twice: the first link's function symbols
 * (nm) become build/kallsyms.c, which the second link adds in the .kallsyms
 * section (see the Makefile and tools/gen-kallsyms.py).  Lookups are a
 * binary search over the sorted addresses.
 */
#ifndef NEST_KALLSYMS_H
#define NEST_KALLSYMS_H

#include <nest/types.h>

#define KSYM_NAME_LEN		64
#define KSYM_SYMBOL_LEN		(KSYM_NAME_LEN + 32)

/*
 * kallsyms_lookup - the function that contains @addr.
 * Returns its name and sets *@size and *@offset, or NULL if @addr is not in
 * the kernel's text (or the table is empty, as in the first link).
 */
const char *kallsyms_lookup(unsigned long addr, unsigned long *size,
			    unsigned long *offset);

/* The address of the function @name, or 0. */
unsigned long kallsyms_lookup_name(const char *name);

/* Format @addr as "name+0xoff/0xsize" (or as a plain hex address). */
int sprint_symbol(char *buf, size_t len, unsigned long addr);

#endif /* NEST_KALLSYMS_H */
