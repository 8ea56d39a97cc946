/*
 * kernel/params.c - the kernel command line.
 *
 * QEMU's -kernel puts the kernel's own path first ("build/kernel.elf
 * ktest=slab quiet"), as GRUB Legacy did; GRUB 2's multiboot command passes
 * only the arguments.  So a first word that contains a '/' and no '=' is
 * taken as the path, and anything else as a parameter.  Every other word is matched against
 * the __setup() handlers (include/nest/init.h); the rest are kept as
 * unknown_params.  Words are separated by spaces; quoting is not supported.
 */
#include <nest/init.h>
#include <nest/setup.h>
#include <nest/string.h>
#include <nest/printk.h>

extern const struct obs_kernel_param __setup_start[], __setup_end[];

/* The words point into this copy, which the parser cuts with NULs. */
static char cmdline_words[COMMAND_LINE_SIZE];

const char *unknown_params[MAX_UNKNOWN_PARAMS];
unsigned int nr_unknown_params;
const char *boot_image_path;

/* Run the handler that claims @word; false if none does. */
static bool do_setup(char *word)
{
	const struct obs_kernel_param *p;

	for (p = __setup_start; p < __setup_end; p++) {
		size_t n = strlen(p->str);
		bool takes_value = n && p->str[n - 1] == '=';

		if (takes_value ? strncmp(word, p->str, n) != 0 : strcmp(word, p->str) != 0)
			continue;
		if (p->setup_func(word + n) != 0)	/* the value, or "" */
			pr_warn("Malformed early option '%s'\n", word);
		return true;
	}
	return false;
}

void parse_early_params(void)
{
	char *s = cmdline_words;
	bool first = true;

	strlcpy(cmdline_words, boot_params.cmdline, sizeof(cmdline_words));
	while (*s) {
		char *word;

		while (*s == ' ' || *s == '\t')
			s++;
		if (!*s)
			break;
		word = s;
		while (*s && *s != ' ' && *s != '\t')
			s++;
		if (*s)
			*s++ = '\0';
		if (first && strchr(word, '/') && !strchr(word, '=')) {
			boot_image_path = word;
		} else if (!do_setup(word) && nr_unknown_params < MAX_UNKNOWN_PARAMS) {
			unknown_params[nr_unknown_params++] = word;
		}
		first = false;
	}
}

/* `quiet`: only errors and worse reach the console, as in Linux. */
static int quiet_kernel(char *arg)
{
	(void)arg;
	console_loglevel = CONSOLE_LOGLEVEL_QUIET;
	return 0;
}
__setup("quiet", quiet_kernel);

/* `loglevel=N`: messages with a level below N are shown (0..8). */
static int loglevel(char *arg)
{
	char *end;
	unsigned long v = simple_strtoul(arg, &end, 10);

	if (end == arg || *end || v > 8)
		return -1;
	console_loglevel = (int)v;
	return 0;
}
__setup("loglevel=", loglevel);
