/*
 * tests/ktest/kmalloc_test.c - the `kmalloc` suite: the size classes, big
 * allocations from the buddy allocator, kfree/ksize, /proc/slabinfo and the
 * leak gate's snapshots (mm/slab_common.c).  Everything allocated is freed,
 * so the leak gate around the suite sees no difference.
 */
#include <nest/ktest.h>
#include <nest/slab.h>
#include <nest/mm.h>
#include <nest/string.h>
#include <nest/irqflags.h>

/* The slab (head page) that holds @obj. */
static struct page *obj_slab(const void *obj)
{
	return compound_head(virt_to_page(obj));
}

/* Each size goes to the smallest class that holds it, named kmalloc-N. */
static void kmalloc_size_classes(struct ktest *t)
{
	static const unsigned int sizes[] = {
		1, 8, 9, 16, 17, 24, 32, 33, 64, 65, 72, 96, 97, 128, 129, 160,
		192, 193, 256, 257, 512, 513, 1024, 1025, 2048,
	};
	static const unsigned int want[] = {
		8, 8, 16, 16, 32, 32, 32, 64, 64, 96, 96, 96, 128, 128, 192, 192,
		192, 256, 256, 512, 512, 1024, 1024, 2048, 2048,
	};
	char name[KMEM_CACHE_NAME_LEN];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		unsigned char *p = kmalloc(sizes[i], GFP_KERNEL);
		struct page *page;

		KTEST_ASSERT_NOT_NULL(t, p);
		page = obj_slab(p);
		snprintf(name, sizeof(name), "kmalloc-%u", want[i]);
		KTEST_EXPECT_TRUE(t, PageSlab(page));
		KTEST_EXPECT_TRUE(t, !strcmp(page->slab_cache->name, name));
		KTEST_EXPECT_EQ(t, ksize(p), want[i]);
		KTEST_EXPECT_GE(t, ksize(p), sizes[i]);
		/* Power-of-two sizes are naturally aligned, as in Linux. */
		if ((want[i] & (want[i] - 1)) == 0)
			KTEST_EXPECT_EQ(t, (unsigned long)p % want[i], 0);
		memset(p, 0xab, ksize(p));
		kfree(p);
	}
	ktest_info(t, "%u sizes from 1 to %u bytes, each in the right kmalloc-N",
		   (unsigned int)ARRAY_SIZE(sizes), KMALLOC_MAX_CACHE_SIZE);
}

/* Beyond kmalloc-2048: whole pages, returned to the buddy allocator by kfree. */
static void kmalloc_large_uses_pages(struct ktest *t)
{
	static const unsigned int sizes[] = { 2049, 3000, 4096, 4097, 8192, 100000 };
	unsigned long start = nr_free_pages();
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		unsigned int order = get_order(sizes[i]);
		unsigned char *p = kzalloc(sizes[i], GFP_KERNEL);

		KTEST_ASSERT_NOT_NULL(t, p);
		KTEST_EXPECT_FALSE(t, PageSlab(obj_slab(p)));
		KTEST_EXPECT_EQ(t, (unsigned long)p % PAGE_SIZE, 0);
		KTEST_EXPECT_NULL(t, memchr_inv(p, 0, sizes[i]));
		KTEST_EXPECT_EQ(t, ksize(p), PAGE_SIZE << order);
		KTEST_EXPECT_EQ(t, nr_free_pages(), start - (1UL << order));
		memset(p, 0xcd, ksize(p));
		kfree(p);
		KTEST_EXPECT_EQ(t, nr_free_pages(), start);
	}
	ktest_info(t, "2049 .. 100000 bytes as order-%u .. order-%u blocks; free pages back to %lu",
		   get_order(sizes[0]), get_order(sizes[ARRAY_SIZE(sizes) - 1]),
		   nr_free_pages());
}

/* kzalloc zeroes even a reused object; edge cases behave. */
static void kmalloc_zero_and_edge_cases(struct ktest *t)
{
	unsigned char *p = kmalloc(64, GFP_KERNEL), *q;

	KTEST_ASSERT_NOT_NULL(t, p);
	memset(p, 0xff, 64);
	kfree(p);
	q = kzalloc(64, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, q);
	KTEST_EXPECT_NULL(t, memchr_inv(q, 0, 64));
	kfree(q);
	KTEST_EXPECT_NULL(t, kmalloc(0, GFP_KERNEL));
	KTEST_EXPECT_NULL(t, kmalloc(PAGE_SIZE << MAX_ORDER, GFP_KERNEL | __GFP_NOWARN));
	KTEST_EXPECT_EQ(t, ksize(NULL), 0);
	kfree(NULL);
	ktest_info(t, "kzalloc after a dirty kfree is zero; "
		   "kmalloc(0) and kmalloc(8 MiB) are NULL");
}

/* Allocation with interrupts off (as from an interrupt handler) works and keeps them off. */
static void kmalloc_with_irqs_off(struct ktest *t)
{
	unsigned long flags;
	void *p, *q;
	bool still_off;

	local_irq_save(flags);
	p = kmalloc(100, GFP_ATOMIC);
	q = kmalloc(5000, GFP_ATOMIC);
	kfree(p);
	kfree(q);
	still_off = irqs_disabled();
	local_irq_restore(flags);
	KTEST_EXPECT_NOT_NULL(t, p);
	KTEST_EXPECT_NOT_NULL(t, q);
	KTEST_EXPECT_TRUE(t, still_off);
	ktest_info(t, "GFP_ATOMIC kmalloc/kfree with interrupts off left them off");
}

#define SLABINFO_HEADER_LINES	2
#define NR_BOOT_CACHES		12	/* kmem_cache and 11 kmalloc caches */

static char slabinfo_line[160];

static void find_kmalloc64(void *arg, const char *line)
{
	unsigned int *lines = arg;

	if (*lines == 0 && strcmp(line, "slabinfo - version: 2.1"))
		slabinfo_line[0] = '?';		/* a wrong header */
	(*lines)++;
	if (!strncmp(line, "kmalloc-64 ", 11))
		strlcpy(slabinfo_line, line, sizeof(slabinfo_line));
}

/* /proc/slabinfo 2.1: the header, and a kmalloc-64 line with its figures. */
static void slabinfo_report(struct ktest *t)
{
	void *p = kmalloc(64, GFP_KERNEL);
	struct kmem_cache *s;
	unsigned long field[5];
	unsigned int lines = 0, i;
	char *pos;

	KTEST_ASSERT_NOT_NULL(t, p);
	s = obj_slab(p)->slab_cache;
	slabinfo_line[0] = '\0';
	slabinfo_show(find_kmalloc64, &lines);
	kfree(p);
	KTEST_EXPECT_GE(t, lines, SLABINFO_HEADER_LINES + NR_BOOT_CACHES);
	KTEST_ASSERT_TRUE(t, !strncmp(slabinfo_line, "kmalloc-64 ", 11));
	/* active_objs num_objs objsize objperslab pagesperslab */
	pos = slabinfo_line + 11;
	for (i = 0; i < ARRAY_SIZE(field); i++) {
		while (*pos == ' ')
			pos++;
		field[i] = simple_strtoul(pos, &pos, 10);
	}
	KTEST_EXPECT_GE(t, field[0], 1);
	KTEST_EXPECT_GE(t, field[1], field[0]);
	KTEST_EXPECT_EQ(t, field[2], s->size);
	KTEST_EXPECT_EQ(t, field[3], s->num);
	KTEST_EXPECT_EQ(t, field[4], 1UL << s->gfporder);
	KTEST_EXPECT_NOT_NULL(t, strstr(slabinfo_line,
					" : tunables    0    0    0 : slabdata "));
	ktest_info(t, "%s", slabinfo_line);
}

static char gate_lines[4][96];
static unsigned int gate_n;

static void gate_report(void *arg, const char *line)
{
	(void)arg;
	if (gate_n < ARRAY_SIZE(gate_lines))
		strlcpy(gate_lines[gate_n], line, sizeof(gate_lines[0]));
	gate_n++;
}

/* The leak gate's snapshots see a leaked object and a leaked cache, and nothing else. */
static void slab_snapshot_sees_leaks(struct ktest *t)
{
	static struct slab_snapshot before, after;
	struct kmem_cache *s;
	void *p, *q;

	slab_snapshot_take(&before);
	s = kmem_cache_create("kt_gate_tmp", 40, 0, 0, NULL);
	KTEST_ASSERT_NOT_NULL(t, s);
	kmem_cache_free(s, kmem_cache_alloc(s, GFP_KERNEL));
	kmem_cache_destroy(s);
	slab_snapshot_take(&after);
	gate_n = 0;
	KTEST_EXPECT_EQ(t, slab_snapshot_compare(&before, &after, gate_report, NULL), 0);

	p = kmalloc(64, GFP_KERNEL);
	s = kmem_cache_create("kt_gate_leak", 40, 0, 0, NULL);
	KTEST_ASSERT_TRUE(t, p && s);
	q = kmem_cache_alloc(s, GFP_KERNEL);
	slab_snapshot_take(&after);
	gate_n = 0;
	/* kt_gate_leak, kmalloc-64, kmem_cache and (new slabs) free pages. */
	KTEST_EXPECT_GE(t, slab_snapshot_compare(&before, &after, gate_report, NULL), 3);
	KTEST_EXPECT_TRUE(t, !strcmp(gate_lines[0], "cache kt_gate_leak: active objects 0 -> 1"));
	ktest_info(t, "saw \"%s\" and %u more", gate_lines[0], gate_n - 1);

	kmem_cache_free(s, q);
	kmem_cache_destroy(s);
	kfree(p);
	slab_snapshot_take(&after);
	gate_n = 0;
	KTEST_EXPECT_EQ(t, slab_snapshot_compare(&before, &after, gate_report, NULL), 0);
}

static struct ktest_case kmalloc_cases[] = {
	KTEST_CASE(kmalloc_size_classes),
	KTEST_CASE(kmalloc_large_uses_pages),
	KTEST_CASE(kmalloc_zero_and_edge_cases),
	KTEST_CASE(kmalloc_with_irqs_off),
	KTEST_CASE(slabinfo_report),
	KTEST_CASE(slab_snapshot_sees_leaks),
	{}
};

static struct ktest_suite kmalloc_suite = {
	.name = "kmalloc",
	.cases = kmalloc_cases,
};
KTEST_SUITE(kmalloc_suite);
