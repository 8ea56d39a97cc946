/*
 * include/nest/init.h - kernel command-line parameters, as Linux's __setup().
 *
 * A file that understands a boot parameter registers a handler:
 *
 *	static int __init quiet_kernel(char *arg) { ... return 0; }
 *	__setup("quiet", quiet_kernel);		// matches the word "quiet"
 *	__setup("loglevel=", loglevel);		// matches "loglevel=N", arg "N"
 *
 * The handlers sit in the .init.setup section; kernel/params.c walks it for
 * every word of the command line.  Words nobody claims are kept in
 * unknown_params for init's environment (or ignored), never an error.
 */
#ifndef NEST_INIT_H
#define NEST_INIT_H

#include <nest/types.h>

struct obs_kernel_param {
	const char *str;		/* "quiet", or "name=" to take a value */
	int (*setup_func)(char *arg);	/* 0 on success; non-zero logs a warning */
};

#define __setup(str, fn)						\
	static const struct obs_kernel_param __setup_##fn		\
		__used __section(".init.setup") __aligned(4) = { str, fn }

#define MAX_UNKNOWN_PARAMS	16

extern const char *unknown_params[MAX_UNKNOWN_PARAMS];
extern unsigned int nr_unknown_params;
/* The kernel's own path, the first word of a multiboot command line. */
extern const char *boot_image_path;

/* Split boot_params.cmdline into words and run each one's handler. */
void parse_early_params(void);

#endif /* NEST_INIT_H */
