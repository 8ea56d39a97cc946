/*
 * tests/ktest/fork_mm_test.c - the `fork_mm` suite: what fork must do to
 * memory however it does it (mm/mmap.c's dup_mm(), mm/memory.c): the
 * child starts with the parent's bytes, each side then keeps its own
 * writes, permissions hold, an unmap on one side leaves the other's pages
 * alone, and every page comes back when both are gone.  A fork that copies
 * every page passes it as well as copy-on-write does; how copy-on-write
 * does it is lab 6's suite, lab6_cow.c, which uses the helpers here too.
 */
#include "fork_mm_test.h"
#include <nest/sched.h>
#include <nest/slab.h>
#include <nest/errno.h>
#include <uapi/signal.h>

unsigned long free_pages_settled(void)
{
	kmem_cache_shrink_all();
	return nr_free_pages();
}

u32 *page_word(struct mm_struct *mm, unsigned long addr)
{
	struct page *page = follow_page(mm, addr);

	return page ? page_address(page) : NULL;
}

bool pte_writable(struct mm_struct *mm, unsigned long addr)
{
	pte_t *pte = follow_pte(mm, addr);

	return pte && (*pte & _PAGE_PRESENT) && (*pte & _PAGE_RW);
}

struct mm_struct *make_parent(void)
{
	struct mm_struct *mm = mm_alloc();
	int si_code;
	unsigned int i;

	if (!mm)
		return NULL;
	if (insert_vm_area(mm, COW_RW_START, rw_addr(COW_RW_PAGES), VM_READ | VM_WRITE) ||
	    insert_vm_area(mm, COW_RO_START, COW_RO_START + PAGE_SIZE, VM_READ | VM_EXEC))
		goto fail;
	for (i = 0; i < COW_FAULTED; i++) {
		if (handle_mm_fault(mm, rw_addr(i), true, &si_code))
			goto fail;
		*page_word(mm, rw_addr(i)) = COW_MARK(i);
	}
	if (handle_mm_fault(mm, COW_RO_START, false, &si_code))
		goto fail;
	return mm;
fail:
	mmput(mm);
	return NULL;
}

int store_word(struct mm_struct *mm, unsigned long addr, u32 v)
{
	int si_code, err;

	if (!pte_writable(mm, addr)) {
		err = handle_mm_fault(mm, addr, true, &si_code);
		if (err)
			return err;
	}
	*page_word(mm, addr) = v;
	return 0;
}

/* The child reads the parent's bytes; then each side's stores are its own. */
static void fork_mm_each_side_keeps_its_writes(struct ktest *t)
{
	unsigned long free0 = free_pages_settled();
	struct mm_struct *parent = make_parent(), *child;
	unsigned int i;

	KTEST_ASSERT_NOT_NULL(t, parent);
	child = dup_mm(parent);
	KTEST_ASSERT_NOT_NULL(t, child);
	KTEST_EXPECT_EQ(t, child->nr_pages, parent->nr_pages);
	KTEST_EXPECT_EQ(t, child->nr_pages, COW_FAULTED + 1);
	for (i = 0; i < COW_FAULTED; i++) {
		u32 *word = page_word(child, rw_addr(i));

		KTEST_EXPECT_TRUE(t, word && *word == COW_MARK(i));
	}
	/* Never touched: still nothing, on either side. */
	KTEST_EXPECT_NULL(t, follow_page(parent, rw_addr(COW_FAULTED)));
	KTEST_EXPECT_NULL(t, follow_page(child, rw_addr(COW_FAULTED)));
	ktest_info(t, "checked: the child reads the parent's %u marks", COW_FAULTED);

	/* The child stores to page 0, the parent to page 1. */
	KTEST_EXPECT_EQ(t, store_word(child, rw_addr(0), 0xc41d), 0);
	KTEST_EXPECT_EQ(t, store_word(parent, rw_addr(1), 0x9a2e), 0);
	KTEST_EXPECT_EQ(t, *page_word(child, rw_addr(0)), 0xc41d);
	KTEST_EXPECT_EQ(t, *page_word(parent, rw_addr(0)), COW_MARK(0));
	KTEST_EXPECT_EQ(t, *page_word(parent, rw_addr(1)), 0x9a2e);
	KTEST_EXPECT_EQ(t, *page_word(child, rw_addr(1)), COW_MARK(1));
	KTEST_EXPECT_EQ(t, *page_word(child, rw_addr(2)), COW_MARK(2));
	ktest_info(t, "checked: a store on either side is not seen by the other");

	mmput(child);
	KTEST_EXPECT_EQ(t, *page_word(parent, rw_addr(0)), COW_MARK(0));
	KTEST_EXPECT_EQ(t, store_word(parent, rw_addr(2), 0x9a2f), 0);
	mmput(parent);
	KTEST_EXPECT_EQ(t, free_pages_settled(), free0);
}

/* A write-protected area stays so in the child; outside every area is MAPERR. */
static void fork_mm_read_only_area_refuses_writes(struct ktest *t)
{
	struct mm_struct *parent = make_parent(), *child;
	int si_code = 0;

	KTEST_ASSERT_NOT_NULL(t, parent);
	child = dup_mm(parent);
	KTEST_ASSERT_NOT_NULL(t, child);
	KTEST_EXPECT_EQ(t, handle_mm_fault(child, COW_RO_START, true, &si_code), -EFAULT);
	KTEST_EXPECT_EQ(t, si_code, SEGV_ACCERR);
	KTEST_EXPECT_FALSE(t, pte_writable(child, COW_RO_START));
	KTEST_EXPECT_NOT_NULL(t, follow_page(child, COW_RO_START));
	KTEST_EXPECT_EQ(t, handle_mm_fault(child, COW_RW_START - PAGE_SIZE, true, &si_code),
			-EFAULT);
	KTEST_EXPECT_EQ(t, si_code, SEGV_MAPERR);
	mmput(child);
	mmput(parent);
}

/* The child unmaps the writable area: the parent's pages are untouched. */
static void fork_mm_munmap_in_child_leaves_parent(struct ktest *t)
{
	unsigned long free0 = free_pages_settled();
	struct mm_struct *parent = make_parent(), *child;
	unsigned int i;

	KTEST_ASSERT_NOT_NULL(t, parent);
	child = dup_mm(parent);
	KTEST_ASSERT_NOT_NULL(t, child);
	KTEST_EXPECT_EQ(t, do_munmap(child, COW_RW_START, COW_RW_PAGES * PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(t, child->nr_pages, 1);
	KTEST_EXPECT_EQ(t, parent->nr_pages, COW_FAULTED + 1);
	for (i = 0; i < COW_FAULTED; i++) {
		KTEST_EXPECT_EQ(t, page_count(follow_page(parent, rw_addr(i))), 1);
		KTEST_EXPECT_EQ(t, *page_word(parent, rw_addr(i)), COW_MARK(i));
		KTEST_EXPECT_EQ(t, store_word(parent, rw_addr(i), i), 0);
	}
	mmput(parent);
	/* The text page outlives the parent in the child. */
	KTEST_EXPECT_EQ(t, page_count(follow_page(child, COW_RO_START)), 1);
	mmput(child);
	KTEST_EXPECT_EQ(t, free_pages_settled(), free0);
}

static struct ktest_case fork_mm_cases[] = {
	KTEST_CASE(fork_mm_each_side_keeps_its_writes),
	KTEST_CASE(fork_mm_read_only_area_refuses_writes),
	KTEST_CASE(fork_mm_munmap_in_child_leaves_parent),
	{}
};

static struct ktest_suite fork_mm_suite = {
	.name = "fork_mm",
	.cases = fork_mm_cases,
};
KTEST_SUITE(fork_mm_suite);
