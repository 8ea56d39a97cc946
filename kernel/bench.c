/*
 * kernel/bench.c - the benchmark runner (include/nest/bench.h).
 *
 * Booting with bench=all (or bench=a,b) runs the registered benchmarks
 * after boot and powers off.  Each result is the median of BENCH_ROUNDS
 * rounds, minus the median cost of an empty loop of the same length, so
 * it is the operation's own cost.  tools/bench.py boots and reads them.
 */
#include <nest/bench.h>
#include <nest/init.h>
#include <nest/io.h>
#include <nest/irqflags.h>
#include <nest/console.h>
#include <nest/printk.h>
#include <nest/reboot.h>
#include <nest/string.h>
#include <nest/math64.h>

#define BENCH_ROUNDS		5
#define BENCH_SELECTOR_MAX	128

extern const struct bench *__ktest_benches_start[], *__ktest_benches_end[];

u64 boot_tsc_first_line;
static char bench_selector[BENCH_SELECTOR_MAX];

static __noinline u64 empty_loop(unsigned long iters)
{
	u64 t0 = rdtsc();
	unsigned long i;

	for (i = 0; i < iters; i++)
		asm volatile("" : : : "memory");
	return rdtsc() - t0;
}

/* The median of @n values (n is small: insertion sort). */
static u64 median(u64 *v, int n)
{
	int i, j;

	for (i = 1; i < n; i++)
		for (j = i; j > 0 && v[j - 1] > v[j]; j--) {
			u64 tmp = v[j];

			v[j] = v[j - 1];
			v[j - 1] = tmp;
		}
	return v[n / 2];
}

/* The median of BENCH_ROUNDS runs; interrupts off unless @self_timed. */
static u64 measure(u64 (*run)(unsigned long), unsigned long iters, bool self_timed)
{
	u64 samples[BENCH_ROUNDS];
	unsigned long flags = 0;
	int r;

	if (!self_timed)
		local_irq_save(flags);
	for (r = 0; r < BENCH_ROUNDS; r++)
		samples[r] = run(iters);
	if (!self_timed)
		local_irq_restore(flags);
	return median(samples, BENCH_ROUNDS);
}

static bool bench_selected(const char *name)
{
	size_t n = strlen(name);
	const char *s = bench_selector;

	if (!strcmp(s, "all"))
		return true;
	while ((s = strstr(s, name)) != NULL) {
		bool starts = s == bench_selector || s[-1] == ',';
		bool ends = s[n] == '\0' || s[n] == ',';

		if (starts && ends)
			return true;
		s += n;
	}
	return false;
}

static __printf(1, 2) void bench_print(const char *fmt, ...)
{
	char line[160];
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

void bench_main(void)
{
	const struct bench **p;

	if (!bench_selector[0])
		return;
	/* Instructions from reset (BIOS, boot loader, entry) to the banner. */
	bench_print("BENCH boot_to_first_line %llu # from reset to the first serial line",
		    boot_tsc_first_line);
	for (p = __ktest_benches_start; p < __ktest_benches_end; p++) {
		const struct bench *b = *p;
		u64 total, base, hundredths;

		if (!bench_selected(b->name))
			continue;
		total = measure(b->run, b->iters, b->self_timed);
		base = b->self_timed ? 0 : measure(empty_loop, b->iters, false);
		/* Hundredths of an instruction per operation, then split. */
		hundredths = div_u64((total - base) * 100, b->iters);
		bench_print("BENCH %s %llu.%02u # %s", b->name,
			    div_u64(hundredths, 100), (u32)(hundredths - div_u64(hundredths, 100) * 100),
			    b->what);
	}
	bench_print("BENCH done");
	machine_power_off(NEST_EXIT_SUCCESS);
}

static int bench_setup(char *arg)
{
	strlcpy(bench_selector, arg, sizeof(bench_selector));
	return 0;
}
__setup("bench=", bench_setup);
