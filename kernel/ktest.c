/*
 * kernel/ktest.c - the in-kernel test runner (include/nest/ktest.h).
 *
 * Runs the selected suites and prints KTAP version 1, the format of Linux's
 * KUnit, straight to the consoles (whatever the log level, so `quiet` hides
 * the kernel's chatter but never a result).  Around each suite it takes a
 * slab and page snapshot; any difference afterwards fails the suite and is
 * named.  At the end it powers off with NEST_EXIT_SUCCESS only if every
 * case passed and every named suite existed.
 */
#include <nest/ktest.h>
#include <nest/init.h>
#include <nest/console.h>
#include <nest/printk.h>
#include <nest/reboot.h>
#include <nest/string.h>
#include <nest/slab.h>
#include <nest/mm.h>
#include <nest/vmalloc.h>
#include <nest/bug.h>

#define KTAP_LINE_MAX		256
#define KTEST_SELECTOR_MAX	128
#define KTEST_NAME_MAX		32

extern struct ktest_suite *__ktest_suites_start[], *__ktest_suites_end[];
extern const struct ktest_crash __ktest_crashes_start[], __ktest_crashes_end[];

static char ktest_selector[KTEST_SELECTOR_MAX];
static char crash_name[KTEST_NAME_MAX];

/* Print one KTAP line to the consoles, bypassing the log level. */
static __printf(1, 2) void ktap(const char *fmt, ...)
{
	char line[KTAP_LINE_MAX];
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(line, sizeof(line) - 1, fmt, args);
	va_end(args);
	if (n > (int)sizeof(line) - 2)
		n = sizeof(line) - 2;
	line[n++] = '\n';
	console_write(line, n);
}

void ktest_fail(struct ktest *t, const char *file, int line, const char *fmt, ...)
{
	char msg[KTAP_LINE_MAX];
	va_list args;

	va_start(args, fmt);
	vsnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	t->failed = true;
	ktap("    # %s: %s:%d: %s", t->name, file, line, msg);
}

void ktest_info(struct ktest *t, const char *fmt, ...)
{
	char msg[KTAP_LINE_MAX];
	va_list args;

	va_start(args, fmt);
	vsnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	ktap("    # %s: %s", t->name, msg);
}

void ktest_skip(struct ktest *t, const char *reason)
{
	t->skipped = true;
	t->skip_reason = reason;
}

/*
 * Is @suite named in @selector, a comma-separated list?  "all" selects all
 * but the explicit_only suites, which need input from the test runner.
 */
static bool selected(const char *selector, const struct ktest_suite *suite)
{
	const char *name = suite->name;
	size_t n = strlen(name);
	const char *s = selector;

	if (!strcmp(selector, "all"))
		return !suite->explicit_only;
	while (*s) {
		const char *end = strchr(s, ',');
		size_t len = end ? (size_t)(end - s) : strlen(s);

		if (len == n && !strncmp(s, name, n))
			return true;
		if (!end)
			break;
		s = end + 1;
	}
	return false;
}

static struct ktest_suite *find_suite(const char *name, size_t len)
{
	struct ktest_suite **p;

	for (p = __ktest_suites_start; p < __ktest_suites_end; p++)
		if (strlen((*p)->name) == len && !strncmp((*p)->name, name, len))
			return *p;
	return NULL;
}

/* Report selector words that name no suite; returns how many. */
static int count_unknown_suites(const char *selector)
{
	const char *s = selector;
	int unknown = 0;

	if (!strcmp(selector, "all"))
		return 0;
	while (*s) {
		const char *end = strchr(s, ',');
		size_t len = end ? (size_t)(end - s) : strlen(s);

		if (len && !find_suite(s, len)) {
			ktap("# ktest: no suite named '%.*s'", (int)len, s);
			unknown++;
		}
		if (!end)
			break;
		s = end + 1;
	}
	return unknown;
}

static void leak_report(void *arg, const char *line)
{
	ktap("    # %s: leak: %s", (const char *)arg, line);
}

/* Run one suite; returns true if it passed, leak check included. */
static bool run_suite(struct ktest_suite *suite, int index)
{
	static struct slab_snapshot before, after;
	unsigned long stacks_before = nr_thread_stacks();
	struct ktest_case *c;
	int n = 0, failed = 0, leaks;

	ktap("    KTAP version 1");
	ktap("    # Subtest: %s", suite->name);
	for (c = suite->cases; c->name; c++)
		n++;
	ktap("    1..%d", n);

	/*
	 * The "before" snapshot is taken after init(): what a suite sets up
	 * there for good (caches Linux never destroys, say) is not a leak.
	 */
	if (suite->init && suite->init() != 0) {
		slab_snapshot_take(&before);
		ktap("    # %s: init failed", suite->name);
		failed = n;
		for (n = 1, c = suite->cases; c->name; c++, n++)
			ktap("    not ok %d %s", n, c->name);
		goto out;
	}
	slab_snapshot_take(&before);
	for (n = 1, c = suite->cases; c->name; c++, n++) {
		struct ktest t = { .name = c->name };

		c->run(&t);
		if (t.skipped) {
			ktap("    ok %d %s # SKIP %s", n, c->name,
			     t.skip_reason ? t.skip_reason : "");
		} else {
			ktap("    %sok %d %s", t.failed ? "not " : "", n, c->name);
			failed += t.failed;
		}
	}
	if (suite->exit)
		suite->exit();
out:
	slab_snapshot_take(&after);
	leaks = suite->no_leak_check ? 0 :
		slab_snapshot_compare(&before, &after, leak_report, (void *)suite->name);
	if (!suite->no_leak_check && nr_thread_stacks() != stacks_before) {
		ktap("    # %s: leak: kernel stacks %lu -> %lu", suite->name,
		     stacks_before, nr_thread_stacks());
		leaks++;
	}
	if (leaks)
		ktap("# %s: leak check failed (%d differences)", suite->name, leaks);
	else if (!suite->no_leak_check)
		ktap("# %s: leak check passed", suite->name);
	ktap("%sok %d %s", failed || leaks ? "not " : "", index, suite->name);
	return !failed && !leaks;
}

void ktest_run_and_power_off(const char *selector)
{
	struct ktest_suite **p;
	int n = 0, index = 0, failed;

	for (p = __ktest_suites_start; p < __ktest_suites_end; p++)
		n += selected(selector, *p);
	ktap("KTAP version 1");
	ktap("1..%d", n);
	failed = count_unknown_suites(selector);
	for (p = __ktest_suites_start; p < __ktest_suites_end; p++)
		if (selected(selector, *p))
			failed += !run_suite(*p, ++index);
	ktap("# ktest: %d suites, %d failed", index, failed);
	machine_power_off(failed || !index ? NEST_EXIT_FAILURE : NEST_EXIT_SUCCESS);
}

void ktest_main(void)
{
	const struct ktest_crash *c;

	if (crash_name[0]) {
		for (c = __ktest_crashes_start; c < __ktest_crashes_end; c++) {
			if (!strcmp(c->name, crash_name)) {
				pr_notice("ktest: crash test '%s': a panic must follow\n",
					  c->name);
				c->fn();
				panic("crash test '%s' returned instead of crashing", c->name);
			}
		}
		pr_err("ktest: no crash test named '%s'\n", crash_name);
		machine_power_off(NEST_EXIT_FAILURE);
	}
	if (ktest_selector[0])
		ktest_run_and_power_off(ktest_selector);
}

static int ktest_setup(char *arg)
{
	strlcpy(ktest_selector, arg, sizeof(ktest_selector));
	return 0;
}
__setup("ktest=", ktest_setup);

static int crash_setup(char *arg)
{
	strlcpy(crash_name, arg, sizeof(crash_name));
	return 0;
}
__setup("crash=", crash_setup);
