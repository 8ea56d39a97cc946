/*
 * tests/ktest/lab6_cow.c - the `lab6_cow` suite: fork's copy-on-write
 * (mm/memory.c, lab 6: docs/labs/lab6-cow.md).  dup_mm() shares every page
 * with a reference each (page_count() 2) and write-protects both sides;
 * a write fault copies a shared page for the writer, or only re-enables
 * writing when one reference is left; fork costs page tables, not pages
 * (counted with the buddy allocator's nr_free_pages()); unmapping and
 * mmput() drop the references, and every page comes back.  The last case
 * runs the whole thing through copy_to_user() on a loaded address space,
 * where the kernel's own write must fault (CR0.WP) and the parent's TLB
 * must have been flushed at the fork.
 *
 * What any fork must do (each side keeps its own writes, permissions,
 * munmap) is the `fork_mm` suite, fork_mm_test.c, which also has the
 * helpers used here.  On the lab's starter, which copies every page at
 * fork, the cases here fail on their first copy-on-write check.
 */
#include "fork_mm_test.h"
#include <nest/sched.h>
#include <nest/uaccess.h>
#include <nest/string.h>
#include <nest/errno.h>
#include <uapi/signal.h>

/* The area for the cost of fork: many pages touched, all in one page table. */
#define BIG_START	0x60000000UL
#define BIG_PAGES	256		/* 1 MiB */
/*
 * A copy-on-write fork of it costs a page directory and one page table;
 * an eager one costs BIG_PAGES more.  "Far fewer" is set well above the
 * former and far below the latter.
 */
#define BIG_FORK_MAX_PAGES	(BIG_PAGES / 16)

/* After the fork: the same pages, each with two references, read-only on both sides. */
static void lab6_fork_shares_pages_read_only(struct ktest *t)
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
	for (i = 0; i < COW_FAULTED; i++) {
		struct page *page = follow_page(parent, rw_addr(i));

		KTEST_EXPECT_PTR_EQ(t, follow_page(child, rw_addr(i)), page);
		KTEST_EXPECT_EQ(t, page_count(page), 2);
		KTEST_EXPECT_FALSE(t, pte_writable(parent, rw_addr(i)));
		KTEST_EXPECT_FALSE(t, pte_writable(child, rw_addr(i)));
	}
	ktest_info(t, "checked: %u writable pages shared with count 2, write-protected on both sides",
		   COW_FAULTED);

	mmput(child);
	/* The child's references went with it. */
	for (i = 0; i < COW_FAULTED; i++)
		KTEST_EXPECT_EQ(t, page_count(follow_page(parent, rw_addr(i))), 1);
	KTEST_EXPECT_EQ(t, free_pages_settled(), free1);
	mmput(parent);
	KTEST_EXPECT_EQ(t, free_pages_settled(), free0);
	ktest_info(t, "checked: child and parent gone, free pages back to %lu", free0);
}

/* Read-only pages (program text) are shared as they are, and stay so. */
static void lab6_read_only_page_stays_shared(struct ktest *t)
{
	struct mm_struct *parent = make_parent(), *child;
	int si_code = 0;

	KTEST_ASSERT_NOT_NULL(t, parent);
	child = dup_mm(parent);
	KTEST_ASSERT_NOT_NULL(t, child);
	KTEST_EXPECT_PTR_EQ(t, follow_page(child, COW_RO_START),
			    follow_page(parent, COW_RO_START));
	KTEST_EXPECT_EQ(t, page_count(follow_page(parent, COW_RO_START)), 2);
	/* Write-protected, like a COW page, but no write is allowed there. */
	KTEST_EXPECT_EQ(t, handle_mm_fault(child, COW_RO_START, true, &si_code), -EFAULT);
	KTEST_EXPECT_EQ(t, si_code, SEGV_ACCERR);
	KTEST_EXPECT_EQ(t, page_count(follow_page(child, COW_RO_START)), 2);
	mmput(parent);
	/* The text page outlives the parent in the child. */
	KTEST_EXPECT_EQ(t, page_count(follow_page(child, COW_RO_START)), 1);
	mmput(child);
}

/*
 * Fork of a process with BIG_PAGES pages touched allocates a directory and
 * page tables, not BIG_PAGES pages; the child's exit gives them all back.
 */
static void lab6_fork_allocates_few_pages(struct ktest *t)
{
	unsigned long free0 = free_pages_settled(), free1, cost;
	struct mm_struct *parent = mm_alloc(), *child;
	unsigned int i;
	int si_code, err;

	KTEST_ASSERT_NOT_NULL(t, parent);
	err = insert_vm_area(parent, BIG_START, BIG_START + BIG_PAGES * PAGE_SIZE,
			     VM_READ | VM_WRITE);
	for (i = 0; !err && i < BIG_PAGES; i++)
		err = handle_mm_fault(parent, BIG_START + i * PAGE_SIZE, true, &si_code);
	if (err)
		mmput(parent);
	KTEST_ASSERT_EQ(t, err, 0);
	free1 = free_pages_settled();
	child = dup_mm(parent);
	KTEST_EXPECT_NOT_NULL(t, child);
	if (child) {
		cost = free1 - free_pages_settled();
		ktest_info(t, "fork of %u touched pages took %lu pages from the buddy allocator",
			   BIG_PAGES, cost);
		KTEST_EXPECT_LE(t, cost, BIG_FORK_MAX_PAGES);
		KTEST_EXPECT_EQ(t, child->nr_pages, BIG_PAGES);
		KTEST_EXPECT_EQ(t, page_count(follow_page(child, BIG_START)), 2);
		mmput(child);
		KTEST_EXPECT_EQ(t, free_pages_settled(), free1);
	}
	mmput(parent);
	KTEST_EXPECT_EQ(t, free_pages_settled(), free0);
}

/* The first side to write gets a copy; the other keeps the page, still mapped. */
static void lab6_write_fault_gives_writer_a_copy(struct ktest *t)
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

	/* The child writes first. */
	free1 = free_pages_settled();
	KTEST_EXPECT_EQ(t, handle_mm_fault(child, rw_addr(1) + 8, true, &si_code), 0);
	copy = follow_page(child, rw_addr(1));
	KTEST_EXPECT_PTR_NE(t, copy, shared);
	KTEST_EXPECT_PTR_EQ(t, follow_page(parent, rw_addr(1)), shared);
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
	KTEST_EXPECT_EQ(t, reuses - reuses0, 0);
	ktest_info(t, "checked: the child's write copied the page; the parent's still reads its mark");

	/* Pages no one wrote stay shared. */
	KTEST_EXPECT_EQ(t, page_count(follow_page(parent, rw_addr(0))), 2);
	KTEST_EXPECT_PTR_EQ(t, follow_page(child, rw_addr(0)), follow_page(parent, rw_addr(0)));
	mmput(child);
	mmput(parent);
	KTEST_EXPECT_EQ(t, free_pages_settled(), free0);
}

/*
 * The last sharer's write fault makes the page writable again, no copy:
 * after the other side wrote (and so has its own copy), and after the
 * other side is gone.
 */
static void lab6_last_sharer_reuses_page(struct ktest *t)
{
	unsigned long free0 = free_pages_settled(), copies0, reuses0, copies, reuses, free1;
	struct mm_struct *parent = make_parent(), *child;
	struct page *shared;
	int si_code;

	KTEST_ASSERT_NOT_NULL(t, parent);
	child = dup_mm(parent);
	KTEST_ASSERT_NOT_NULL(t, child);
	shared = follow_page(parent, rw_addr(1));
	KTEST_EXPECT_EQ(t, handle_mm_fault(child, rw_addr(1), true, &si_code), 0);
	cow_fault_counts(&copies0, &reuses0);

	/* The child has its copy: the parent holds the only reference. */
	free1 = free_pages_settled();
	KTEST_EXPECT_EQ(t, handle_mm_fault(parent, rw_addr(1), true, &si_code), 0);
	KTEST_EXPECT_PTR_EQ(t, follow_page(parent, rw_addr(1)), shared);
	KTEST_EXPECT_TRUE(t, pte_writable(parent, rw_addr(1)));
	KTEST_EXPECT_EQ(t, page_count(shared), 1);
	KTEST_EXPECT_EQ(t, free_pages_settled(), free1);
	cow_fault_counts(&copies, &reuses);
	KTEST_EXPECT_EQ(t, copies - copies0, 0);
	KTEST_EXPECT_EQ(t, reuses - reuses0, 1);
	ktest_info(t, "checked: the parent's write after the child's reused the page, no copy");

	/* The parent is gone: the child's write to page 0 needs no copy either. */
	KTEST_EXPECT_EQ(t, page_count(follow_page(child, rw_addr(0))), 2);
	mmput(parent);
	shared = follow_page(child, rw_addr(0));
	KTEST_EXPECT_EQ(t, page_count(shared), 1);
	free1 = free_pages_settled();
	KTEST_EXPECT_EQ(t, handle_mm_fault(child, rw_addr(0), true, &si_code), 0);
	KTEST_EXPECT_PTR_EQ(t, follow_page(child, rw_addr(0)), shared);
	KTEST_EXPECT_TRUE(t, pte_writable(child, rw_addr(0)));
	KTEST_EXPECT_EQ(t, free_pages_settled(), free1);
	KTEST_EXPECT_EQ(t, *page_word(child, rw_addr(0)), COW_MARK(0));
	cow_fault_counts(&copies, &reuses);
	KTEST_EXPECT_EQ(t, copies - copies0, 0);
	KTEST_EXPECT_EQ(t, reuses - reuses0, 2);
	ktest_info(t, "checked: after the parent's exit the child's write reused the page");
	mmput(child);
	KTEST_EXPECT_EQ(t, free_pages_settled(), free0);
}

/* A fork of a fork: three mms share each page; two writers copy, the last reuses. */
static void lab6_three_way_sharing(struct ktest *t)
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
 * Every reference taken at fork is dropped again: by the child's exit
 * after writes on both sides, and by munmap in another child.  Once both
 * sides are gone every page they used is free (count 0) and the buddy
 * allocator has all its pages back.
 */
static void lab6_refcounts_back_after_exit(struct ktest *t)
{
	unsigned long free0 = free_pages_settled();
	struct mm_struct *parent = make_parent(), *child;
	struct page *pages[COW_FAULTED + 2];
	unsigned int i, n = 0;

	KTEST_ASSERT_NOT_NULL(t, parent);
	child = dup_mm(parent);
	KTEST_ASSERT_NOT_NULL(t, child);
	KTEST_EXPECT_EQ(t, page_count(follow_page(parent, rw_addr(0))), 2);
	/* The child writes page 0, the parent page 1; page 2 stays shared. */
	KTEST_EXPECT_EQ(t, store_word(child, rw_addr(0), 1), 0);
	KTEST_EXPECT_EQ(t, store_word(parent, rw_addr(1), 2), 0);
	KTEST_EXPECT_EQ(t, page_count(follow_page(parent, rw_addr(2))), 2);
	pages[n++] = follow_page(child, rw_addr(0));
	mmput(child);
	KTEST_EXPECT_EQ(t, page_count(pages[0]), 0);	/* the child's copy is free */
	for (i = 0; i < COW_FAULTED; i++)
		KTEST_EXPECT_EQ(t, page_count(follow_page(parent, rw_addr(i))), 1);
	KTEST_EXPECT_EQ(t, page_count(follow_page(parent, COW_RO_START)), 1);
	ktest_info(t, "checked: after the child's exit each parent page has one reference again");

	/* Another child unmaps everything it was given. */
	child = dup_mm(parent);
	KTEST_ASSERT_NOT_NULL(t, child);
	KTEST_EXPECT_EQ(t, page_count(follow_page(parent, rw_addr(2))), 2);
	KTEST_EXPECT_EQ(t, do_munmap(child, COW_RW_START, COW_RW_PAGES * PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(t, do_munmap(child, COW_RO_START, PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(t, child->nr_pages, 0);
	for (i = 0; i < COW_FAULTED; i++)
		KTEST_EXPECT_EQ(t, page_count(follow_page(parent, rw_addr(i))), 1);
	mmput(child);
	for (i = 0; i < COW_FAULTED; i++)
		pages[n++] = follow_page(parent, rw_addr(i));
	pages[n++] = follow_page(parent, COW_RO_START);
	mmput(parent);
	for (i = 0; i < n; i++)
		KTEST_EXPECT_EQ(t, page_count(pages[i]), 0);
	KTEST_EXPECT_EQ(t, free_pages_settled(), free0);
	ktest_info(t, "checked: both gone, %u pages free again, free pages back to %lu", n, free0);
}

/*
 * The real path: the parent is the loaded address space and the kernel
 * writes with copy_to_user().  Its first write, before the fork, leaves a
 * writable entry in the TLB; had dup_mm() not flushed it, the write after
 * the fork would go straight into the page the child shares.
 */
static void lab6_copy_to_user_after_fork(struct ktest *t)
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

static struct ktest_case lab6_cow_cases[] = {
	KTEST_CASE(lab6_fork_shares_pages_read_only),
	KTEST_CASE(lab6_read_only_page_stays_shared),
	KTEST_CASE(lab6_fork_allocates_few_pages),
	KTEST_CASE(lab6_write_fault_gives_writer_a_copy),
	KTEST_CASE(lab6_last_sharer_reuses_page),
	KTEST_CASE(lab6_three_way_sharing),
	KTEST_CASE(lab6_refcounts_back_after_exit),
	KTEST_CASE(lab6_copy_to_user_after_fork),
	{}
};

static struct ktest_suite lab6_cow_suite = {
	.name = "lab6_cow",
	.cases = lab6_cow_cases,
};
KTEST_SUITE(lab6_cow_suite);
