/*
 * tests/host/shim.c - the few kernel services that mm/page_alloc.c and
 * mm/slab.c call, provided on the host so those files compile unchanged
 * into host unit tests (built with -DNEST_HOST).
 *
 * "Physical memory" is an arena from aligned_alloc(); host_page_offset is
 * its address, so pfn 0 is the arena's first page and __pa()/__va() work.
 * host_mm_init() sets up mem_map and hands the arena to the buddy allocator.
 */
#include <nest/types.h>
#include <nest/printk.h>
#include <nest/bug.h>
#include <nest/mm.h>
#include <nest/string.h>
#include <nest/fault-inject.h>
#include <stdio.h>
#include <stdlib.h>

unsigned long host_page_offset;
int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
int host_quiet;			/* tests that provoke reports set this */
unsigned long host_printk_count;	/* messages printed, for tests that expect one */
char host_last_printk[1024];	/* the last message, for tests that check its text */

/* Host printk: strip the KERN_ level prefix, and print %pS as a plain pointer. */
int vprintk(const char *fmt, va_list args)
{
	char f[512];
	size_t i, j = 0;

	if (fmt[0] == KERN_SOH[0] && fmt[1])
		fmt += 2;
	for (i = 0; fmt[i] && j < sizeof(f) - 1; i++) {
		f[j++] = fmt[i];
		if (fmt[i] == '%' && fmt[i + 1] == 'p' &&
		    (fmt[i + 2] == 'S' || fmt[i + 2] == 's'))
			f[j++] = fmt[++i], i++;	/* copy "p", drop the 'S' */
	}
	f[j] = '\0';
	host_printk_count++;
	vsnprintf(host_last_printk, sizeof(host_last_printk), f, args);
	if (!host_quiet)
		fputs(host_last_printk, stdout);
	return 0;
}

int printk(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
	return 0;
}

void panic(const char *fmt, ...)
{
	va_list ap;

	fprintf(stdout, "Kernel panic - not syncing: ");
	va_start(ap, fmt);
	vfprintf(stdout, fmt, ap);
	va_end(ap);
	fprintf(stdout, "\n");
	abort();
}

void __warn(const char *file, int line, const char *cond)
{
	printf("WARNING: %s:%d: %s\n", file, line, cond);
}

/* Fault injection (kernel/fault_inject.c) is never armed on the host. */
struct fault_attr failslab = { .name = "failslab" };
struct fault_attr fail_page_alloc = { .name = "fail_page_alloc" };

bool should_fail(struct fault_attr *attr, const char *what, unsigned long caller)
{
	return false;
}

size_t strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size) {
		size_t n = len < size - 1 ? len : size - 1;

		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}

void *memchr_inv(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n; n--, p++)
		if (*p != (unsigned char)c)
			return (void *)p;
	return NULL;
}

/* Give the buddy allocator @nr_pages of fresh host memory as pfns 0.. */
void host_mm_init(unsigned long nr_pages)
{
	void *arena = aligned_alloc(PAGE_SIZE << (MAX_ORDER - 1),
				    nr_pages * PAGE_SIZE);
	struct page *map = calloc(nr_pages, sizeof(struct page));

	if (!arena || !map)
		abort();
	host_page_offset = (unsigned long)arena;
	free_area_init(map, nr_pages);
	free_area_add_range(0, nr_pages);
}
