/*
 * tests/ktest/uaccess_test.c - the `uaccess` suite: copying to and from
 * user space returns -EFAULT (never panics) for NULL, kernel addresses,
 * unmapped addresses and ranges that run into the kernel, and works on a
 * real user mapping, with demand-zero pages.
 */
#include <nest/ktest.h>
#include <nest/uaccess.h>
#include <nest/mman.h>
#include <nest/sched.h>
#include <nest/mm.h>
#include <nest/string.h>
#include <nest/irqflags.h>

#define TEST_UADDR	0x40000000UL
#define TEST_PAGES	4

/* Give the test thread a small user address space for the duration. */
static struct mm_struct *test_mm_begin(void)
{
	struct mm_struct *mm = mm_alloc();

	if (!mm)
		return NULL;
	if (insert_vm_area(mm, TEST_UADDR, TEST_UADDR + TEST_PAGES * PAGE_SIZE,
			   VM_READ | VM_WRITE)) {
		mmput(mm);
		return NULL;
	}
	current->mm = mm;
	current->active_mm = mm;
	activate_mm(mm);
	return mm;
}

static void test_mm_end(struct mm_struct *mm)
{
	current->mm = NULL;
	current->active_mm = &init_mm;
	activate_mm(&init_mm);
	mmput(mm);
}

static void uaccess_bad_pointers_fault(struct ktest *t)
{
	char buf[16];

	/* No user mapping at all: NULL and a low address fault, the fixup catches it. */
	KTEST_EXPECT_EQ(t, copy_from_user(buf, (void __user *)0, 8), 8);
	KTEST_EXPECT_EQ(t, copy_to_user((void __user *)0x1000, buf, 8), 8);
	/* Kernel addresses are refused before any access. */
	KTEST_EXPECT_EQ(t, copy_from_user(buf, (void __user *)0xC0001000, 8), 8);
	KTEST_EXPECT_EQ(t, copy_to_user((void __user *)&buf, buf, 8), 8);
	/* A range that starts in user space and runs into the kernel. */
	KTEST_EXPECT_EQ(t, copy_from_user(buf, (void __user *)(TASK_SIZE - 4), 8), 8);
	KTEST_EXPECT_EQ(t, strncpy_from_user(buf, (void __user *)0, 16), -EFAULT);
	KTEST_EXPECT_EQ(t, strncpy_from_user(buf, (void __user *)0xC0000000, 16), -EFAULT);
	KTEST_EXPECT_EQ(t, strnlen_user((void __user *)0x10, 16), 0);
	KTEST_EXPECT_EQ(t, clear_user((void __user *)0x10, 4), 4);
	/* What could not be read is zeroed. */
	memset(buf, 'x', sizeof(buf));
	copy_from_user(buf, (void __user *)0, sizeof(buf));
	KTEST_EXPECT_NULL(t, memchr_inv(buf, 0, sizeof(buf)));
}

static void uaccess_copies_through_demand_paging(struct ktest *t)
{
	struct mm_struct *mm = test_mm_begin();
	char __user *u = (char __user *)TEST_UADDR;
	char buf[32];

	KTEST_ASSERT_NOT_NULL(t, mm);
	/* First touch of each page allocates it (zeroed). */
	KTEST_EXPECT_EQ(t, copy_from_user(buf, u + 100, 8), 0);
	KTEST_EXPECT_NULL(t, memchr_inv(buf, 0, 8));
	KTEST_EXPECT_EQ(t, copy_to_user(u + PAGE_SIZE - 3, "hello, nest", 12), 0);
	KTEST_EXPECT_EQ(t, mm->nr_pages, 2);
	KTEST_EXPECT_EQ(t, strncpy_from_user(buf, u + PAGE_SIZE - 3, sizeof(buf)), 11);
	KTEST_EXPECT_EQ(t, strcmp(buf, "hello, nest"), 0);
	KTEST_EXPECT_EQ(t, strnlen_user(u + PAGE_SIZE - 3, 64), 12);
	KTEST_EXPECT_EQ(t, strnlen_user(u + PAGE_SIZE - 3, 5), 6);	/* too long: n + 1 */
	KTEST_EXPECT_EQ(t, strncpy_from_user(buf, u + PAGE_SIZE - 3, 5), 5);
	/* Past the end of the area: partly copied, the rest reported. */
	KTEST_EXPECT_EQ(t, copy_to_user(u + TEST_PAGES * PAGE_SIZE - 4, "abcdefgh", 8), 4);
	KTEST_EXPECT_EQ(t, get_user(buf[0], u + PAGE_SIZE - 3), 0);
	KTEST_EXPECT_EQ(t, buf[0], 'h');
	KTEST_EXPECT_EQ(t, put_user(7, (int __user *)(u + 16)), 0);
	KTEST_EXPECT_EQ(t, put_user(7, (int __user *)0x10), -EFAULT);
	test_mm_end(mm);
}

static struct ktest_case uaccess_cases[] = {
	KTEST_CASE(uaccess_bad_pointers_fault),
	KTEST_CASE(uaccess_copies_through_demand_paging),
	{}
};

static struct ktest_suite uaccess_suite = {
	.name = "uaccess",
	.cases = uaccess_cases,
};
KTEST_SUITE(uaccess_suite);
