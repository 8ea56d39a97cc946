/*
 * tests/ktest/cow_test.c - the `cow` suite: fork's copy-on-write
 * (mm/memory.c).  dup_mm() shares every page with a reference each and
 * write-protects both sides; a write fault copies a shared page, or only
 * re-enables writing when one reference is left; unmapping and mmput()
 * drop the references, and every page comes back.  The last case runs the
 * whole thing through copy_to_user() on a loaded address space, where the
 * kernel's own write must fault (CR0.WP) and the parent's TLB must have
 * been flushed at the fork.
 *
 * The address spaces here are built by hand (mm_alloc, insert_vm_area,
 * handle_mm_fault) and, but for the last case, never loaded in cr3.
 */
#include <nest/ktest.h>
#include <nest/mman.h>
#include <nest/mm.h>
#include <nest/sched.h>
#include <nest/uaccess.h>
#include <nest/slab.h>
#include <nest/string.h>
#include <nest/errno.h>
#include <uapi/signal.h>

#define COW_RW_START	0x40000000UL	/* a writable area (data, heap) */
#define COW_RW_PAGES	4
#define COW_RO_START	0x50000000UL	/* a read-only one (text) */
#define COW_FAULTED	3		/* pages of the writable area touched */

/* The first bytes written into page @i of the writable area. */
#define COW_MARK(i)	(0xc0de0000u + (i))

/* The address of page @i of the writable area. */
static unsigned long rw_addr(unsigned int i)
{
	return COW_RW_START + i * PAGE_SIZE;
}

/*
 * Free pages once the slab caches have given back their empty slabs (as
 * the suite's leak check counts them), so that a slab page that came or
 * went with an mm_struct does not look like a user page.
 */
static unsigned long free_pages_settled(void)
{
	kmem_cache_shrink_all();
	return nr_free_pages();
}

static u32 *page_word(struct mm_struct *mm, unsigned long addr)
{
	struct page *page = follow_page(mm, addr);

	return page ? page_address(page) : NULL;
}

static bool pte_writable(struct mm_struct *mm, unsigned long addr)
{
	pte_t *pte = follow_pte(mm, addr);

	return pte && (*pte & _PAGE_PRESENT) && (*pte & _PAGE_RW);
}

/*
 * A parent as after a few stores: COW_FAULTED pages of a 4-page writable
 * area faulted in and marked, plus one page of a read-only area.
 */
static struct mm_struct *make_parent(void)
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

static void cow_fork_shares_every_page(struct ktest *t)
{
	unsigned long free0 = free_pages_settled();
	struct mm_struct *parent = make_parent(), *child;
	unsigned long free1;
	unsigned int i;

	KTEST_ASSERT_NOT_NULL(t, parent);
	free1 = free_pages_settled();
	child = dup_mm(parent);
	KTEST_ASSERT_NOT_NULL(t, child);
	/* The child cost its directory and two page tables, no data page. */
	KTEST_EXPECT_EQ(t, free1 - free_pages_settled(), 3);
	KTEST_EXPECT_EQ(t, child->nr_pages, parent->nr_pages);
	KTEST_EXPECT_EQ(t, child->nr_pages, COW_FAULTED + 1);
	for (i = 0; i < COW_FAULTED; i++) {
		struct page *page = follow_page(parent, rw_addr(i));

		KTEST_EXPECT_PTR_EQ(t, follow_page(child, rw_addr(i)), page);
		KTEST_EXPECT_EQ(t, page_count(page), 2);
		KTEST_EXPECT_FALSE(t, pte_writable(parent, rw_addr(i)));
		KTEST_EXPECT_FALSE(t, pte_writable(child, rw_addr(i)));
	}
	ktest_info(t, "checked: %u writable pages shared with count 2, write-protected on both sides",
		   COW_FAULTED);
	/* Never touched: still nothing, on either side. */
	KTEST_EXPECT_NULL(t, follow_page(parent, rw_addr(COW_FAULTED)));
	KTEST_EXPECT_NULL(t, follow_page(child, rw_addr(COW_FAULTED)));
	/* Read-only pages are shared as they are. */
	KTEST_EXPECT_PTR_EQ(t, follow_page(child, COW_RO_START),
			    follow_page(parent, COW_RO_START));
	KTEST_EXPECT_EQ(t, page_count(follow_page(parent, COW_RO_START)), 2);

	mmput(child);
	for (i = 0; i < COW_FAULTED; i++)
		KTEST_EXPECT_EQ(t, page_count(follow_page(parent, rw_addr(i))), 1);
	KTEST_EXPECT_EQ(t, page_count(follow_page(parent, COW_RO_START)), 1);
	KTEST_EXPECT_EQ(t, free_pages_settled(), free1);
	mmput(parent);
	KTEST_EXPECT_EQ(t, free_pages_settled(), free0);
	ktest_info(t, "checked: child and parent gone, free pages back to %lu", free0);
}

static void cow_write_fault_copies_then_reuses(struct ktest *t)
{
	unsigned long free0 = free_pages_settled(), copies0, reuses0, copies, reuses, free1;
	struct mm_struct *parent = make_parent(), *child;
	struct page *shared, *copy;
	int si_code;

	KTEST_ASSERT_NOT_NULL(t, parent);
	child = dup_mm(parent);
	KTEST_ASSERT_NOT_NULL(t, child);
	cow_fault_counts(&copies0, &reuses0);
	shared = follow_page(parent, rw_addr(1));

	/* The child writes first: it gets a copy, the parent keeps the page. */
	free1 = free_pages_settled();
	KTEST_EXPECT_EQ(t, handle_mm_fault(child, rw_addr(1) + 8, true, &si_code), 0);
	copy = follow_page(child, rw_addr(1));
	KTEST_EXPECT_PTR_NE(t, copy, shared);
	KTEST_EXPECT_EQ(t, free1 - free_pages_settled(), 1);
	KTEST_EXPECT_EQ(t, page_count(copy), 1);
	KTEST_EXPECT_EQ(t, page_count(shared), 1);
	KTEST_EXPECT_TRUE(t, pte_writable(child, rw_addr(1)));
	KTEST_EXPECT_FALSE(t, pte_writable(parent, rw_addr(1)));
	KTEST_EXPECT_EQ(t, *page_word(child, rw_addr(1)), COW_MARK(1));
	*page_word(child, rw_addr(1)) = 0x1234;
	KTEST_EXPECT_EQ(t, *page_word(parent, rw_addr(1)), COW_MARK(1));
	cow_fault_counts(&copies, &reuses);
	KTEST_EXPECT_EQ(t, copies - copies0, 1);
	ktest_info(t, "checked: the child's write copied the page; the parent's still reads its mark");

	/* Now the parent holds the only reference: no copy, writable again. */
	free1 = free_pages_settled();
	KTEST_EXPECT_EQ(t, handle_mm_fault(parent, rw_addr(1), true, &si_code), 0);
	KTEST_EXPECT_PTR_EQ(t, follow_page(parent, rw_addr(1)), shared);
	KTEST_EXPECT_TRUE(t, pte_writable(parent, rw_addr(1)));
	KTEST_EXPECT_EQ(t, free_pages_settled(), free1);
	cow_fault_counts(&copies, &reuses);
	KTEST_EXPECT_EQ(t, copies - copies0, 1);
	KTEST_EXPECT_EQ(t, reuses - reuses0, 1);
	ktest_info(t, "checked: the parent's write after that reused the page, no copy");

	/* A page still shared stays shared until someone writes it. */
	KTEST_EXPECT_EQ(t, page_count(follow_page(parent, rw_addr(0))), 2);

	mmput(parent);
	/* The parent is gone: the child's write to page 0 needs no copy. */
	KTEST_EXPECT_EQ(t, page_count(follow_page(child, rw_addr(0))), 1);
	free1 = free_pages_settled();
	KTEST_EXPECT_EQ(t, handle_mm_fault(child, rw_addr(0), true, &si_code), 0);
	KTEST_EXPECT_EQ(t, free_pages_settled(), free1);
	KTEST_EXPECT_EQ(t, *page_word(child, rw_addr(0)), COW_MARK(0));
	mmput(child);
	KTEST_EXPECT_EQ(t, free_pages_settled(), free0);
}

static void cow_read_only_area_refuses_writes(struct ktest *t)
{
	struct mm_struct *parent = make_parent(), *child;
	int si_code = 0;

	KTEST_ASSERT_NOT_NULL(t, parent);
	child = dup_mm(parent);
	KTEST_ASSERT_NOT_NULL(t, child);
	/* A shared text page is write-protected, but no write is allowed there. */
	KTEST_EXPECT_EQ(t, handle_mm_fault(child, COW_RO_START, true, &si_code), -EFAULT);
	KTEST_EXPECT_EQ(t, si_code, SEGV_ACCERR);
	KTEST_EXPECT_EQ(t, page_count(follow_page(child, COW_RO_START)), 2);
	/* Outside every area: SEGV_MAPERR, as before copy-on-write. */
	KTEST_EXPECT_EQ(t, handle_mm_fault(child, COW_RW_START - PAGE_SIZE, true, &si_code),
			-EFAULT);
	KTEST_EXPECT_EQ(t, si_code, SEGV_MAPERR);
	mmput(child);
	mmput(parent);
}

static void cow_munmap_drops_references(struct ktest *t)
{
	unsigned long free0 = free_pages_settled();
	struct mm_struct *parent = make_parent(), *child;
	unsigned int i;

	KTEST_ASSERT_NOT_NULL(t, parent);
	child = dup_mm(parent);
	KTEST_ASSERT_NOT_NULL(t, child);
	/* The child unmaps the whole writable area: the parent owns its pages again. */
	KTEST_EXPECT_EQ(t, do_munmap(child, COW_RW_START, COW_RW_PAGES * PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(t, child->nr_pages, 1);
	for (i = 0; i < COW_FAULTED; i++) {
		KTEST_EXPECT_EQ(t, page_count(follow_page(parent, rw_addr(i))), 1);
		KTEST_EXPECT_EQ(t, *page_word(parent, rw_addr(i)), COW_MARK(i));
	}
	mmput(parent);
	/* The text page outlives the parent in the child. */
	KTEST_EXPECT_EQ(t, page_count(follow_page(child, COW_RO_START)), 1);
	mmput(child);
	KTEST_EXPECT_EQ(t, free_pages_settled(), free0);
}

/* A fork of a fork: three mms share each page, and the last two writers. */
static void cow_three_way_sharing(struct ktest *t)
{
	unsigned long free0 = free_pages_settled(), copies0, reuses0, copies, reuses;
	struct mm_struct *a = make_parent(), *b, *c;
	struct page *shared;
	int si_code;

	KTEST_ASSERT_NOT_NULL(t, a);
	b = dup_mm(a);
	KTEST_ASSERT_NOT_NULL(t, b);
	c = dup_mm(b);
	KTEST_ASSERT_NOT_NULL(t, c);
	shared = follow_page(a, rw_addr(2));
	KTEST_EXPECT_EQ(t, page_count(shared), 3);
	cow_fault_counts(&copies0, &reuses0);
	KTEST_EXPECT_EQ(t, handle_mm_fault(b, rw_addr(2), true, &si_code), 0);
	KTEST_EXPECT_EQ(t, page_count(shared), 2);
	KTEST_EXPECT_EQ(t, handle_mm_fault(a, rw_addr(2), true, &si_code), 0);
	KTEST_EXPECT_EQ(t, page_count(shared), 1);
	KTEST_EXPECT_EQ(t, handle_mm_fault(c, rw_addr(2), true, &si_code), 0);
	KTEST_EXPECT_PTR_EQ(t, follow_page(c, rw_addr(2)), shared);
	cow_fault_counts(&copies, &reuses);
	KTEST_EXPECT_EQ(t, copies - copies0, 2);
	KTEST_EXPECT_EQ(t, reuses - reuses0, 1);
	ktest_info(t, "checked: three sharers, two copies, then the last one kept the page");
	mmput(c);
	mmput(b);
	mmput(a);
	KTEST_EXPECT_EQ(t, free_pages_settled(), free0);
}

/*
 * The real path: the parent is the loaded address space and the kernel
 * writes with copy_to_user().  Its first write, before the fork, leaves a
 * writable entry in the TLB; had dup_mm() not flushed it, the write after
 * the fork would go straight into the page the child shares.
 */
static void cow_copy_to_user_after_fork(struct ktest *t)
{
	unsigned long free0 = free_pages_settled(), copies0, copies, reuses;
	char __user *u = (char __user *)rw_addr(0);
	struct mm_struct *parent = make_parent(), *child;
	char buf[8];

	KTEST_ASSERT_NOT_NULL(t, parent);
	current->mm = parent;
	current->active_mm = parent;
	activate_mm(parent);
	KTEST_EXPECT_EQ(t, copy_to_user(u, "before", 7), 0);

	child = dup_mm(parent);
	KTEST_EXPECT_NOT_NULL(t, child);
	if (child) {
		cow_fault_counts(&copies0, &reuses);
		KTEST_EXPECT_EQ(t, copy_to_user(u, "after", 6), 0);
		cow_fault_counts(&copies, &reuses);
		KTEST_EXPECT_EQ(t, copies - copies0, 1);
		KTEST_EXPECT_EQ(t, copy_from_user(buf, u, 6), 0);
		KTEST_EXPECT_EQ(t, strcmp(buf, "after"), 0);
		KTEST_EXPECT_EQ(t, strcmp((char *)page_word(child, rw_addr(0)), "before"), 0);
		KTEST_EXPECT_TRUE(t, pte_writable(parent, rw_addr(0)));
		ktest_info(t, "checked: copy_to_user after the fork faulted and copied; the child still reads \"before\"");
	}
	current->mm = NULL;
	current->active_mm = &init_mm;
	activate_mm(&init_mm);
	if (child)
		mmput(child);
	mmput(parent);
	KTEST_EXPECT_EQ(t, free_pages_settled(), free0);
}

static struct ktest_case cow_cases[] = {
	KTEST_CASE(cow_fork_shares_every_page),
	KTEST_CASE(cow_write_fault_copies_then_reuses),
	KTEST_CASE(cow_read_only_area_refuses_writes),
	KTEST_CASE(cow_munmap_drops_references),
	KTEST_CASE(cow_three_way_sharing),
	KTEST_CASE(cow_copy_to_user_after_fork),
	{}
};

static struct ktest_suite cow_suite = {
	.name = "cow",
	.cases = cow_cases,
};
KTEST_SUITE(cow_suite);
