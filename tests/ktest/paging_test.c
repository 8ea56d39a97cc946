/*
 * tests/ktest/paging_test.c - the `paging` suite: the kernel page tables
 * that mm/paging.c builds, and the guarded kernel stacks of mm/vmalloc.c.
 */
#include <nest/ktest.h>
#include <nest/pgtable.h>
#include <nest/vmalloc.h>
#include <nest/mm.h>
#include <nest/setup.h>
#include <nest/string.h>

extern char boot_stack_guard[], boot_stack[];

static bool mapped(unsigned long va)
{
	pte_t *pte = lookup_address(va);

	return pte && (*pte & _PAGE_PRESENT);
}

/* Address 0 and the rest of user space have no mapping in the kernel. */
static void paging_no_identity_map(struct ktest *t)
{
	KTEST_EXPECT_FALSE(t, mapped(0));
	KTEST_EXPECT_FALSE(t, mapped(KERNEL_PHYS_LOAD));
	KTEST_EXPECT_FALSE(t, kern_addr_valid(0));
}

/* The direct map covers RAM read-write; kernel text is read-only. */
static void paging_direct_map_and_text(struct ktest *t)
{
	unsigned long text = (unsigned long)start_kernel;
	unsigned long data = (unsigned long)&boot_params;
	unsigned long last = (unsigned long)__va((max_pfn - 1) << PAGE_SHIFT);
	pte_t *pte;

	pte = lookup_address(text);
	KTEST_ASSERT_NOT_NULL(t, pte);
	KTEST_EXPECT_TRUE(t, *pte & _PAGE_PRESENT);
	KTEST_EXPECT_FALSE(t, *pte & _PAGE_RW);
	KTEST_EXPECT_EQ(t, *pte & PTE_PFN_MASK, __pa(text) & PTE_PFN_MASK);
	pte = lookup_address(data);
	KTEST_ASSERT_NOT_NULL(t, pte);
	KTEST_EXPECT_TRUE(t, *pte & _PAGE_RW);
	KTEST_EXPECT_TRUE(t, mapped(last));
	KTEST_EXPECT_FALSE(t, *lookup_address(last) & _PAGE_USER);
	ktest_info(t, "text %08lx read-only, last RAM page %08lx mapped", text, last);
}

/* The page below the boot stack is the unmapped guard. */
static void paging_boot_stack_guard(struct ktest *t)
{
	unsigned long guard = (unsigned long)boot_stack_guard;

	KTEST_EXPECT_FALSE(t, mapped(guard));
	KTEST_EXPECT_TRUE(t, is_stack_guard_page(guard + 100));
	KTEST_EXPECT_TRUE(t, mapped((unsigned long)boot_stack));
	KTEST_EXPECT_FALSE(t, is_stack_guard_page((unsigned long)boot_stack));
}

/* A new kernel stack: mapped, writable, guarded below, and fully freed. */
static void paging_thread_stack_guard(struct ktest *t)
{
	unsigned long free_before = nr_free_pages(), base;
	void *stack = alloc_thread_stack(GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(t, stack);
	base = (unsigned long)stack;
	KTEST_EXPECT_TRUE(t, base >= VMALLOC_START && base < VMALLOC_END);
	KTEST_EXPECT_TRUE(t, mapped(base));
	KTEST_EXPECT_TRUE(t, mapped(base + KERNEL_STACK_SIZE - 1));
	KTEST_EXPECT_FALSE(t, mapped(base - 1));
	KTEST_EXPECT_TRUE(t, is_stack_guard_page(base - 1));
	KTEST_EXPECT_FALSE(t, is_stack_guard_page(base));
	memset(stack, 0x5A, KERNEL_STACK_SIZE);
	KTEST_EXPECT_EQ(t, free_before - nr_free_pages(), 1UL << KERNEL_STACK_ORDER);
	free_thread_stack(stack);
	KTEST_EXPECT_FALSE(t, mapped(base));
	KTEST_EXPECT_EQ(t, nr_free_pages(), free_before);
	ktest_info(t, "stack at %08lx, guard page at %08lx", base, base - PAGE_SIZE);
}

/* Many stacks at once get distinct slots, each with its own guard. */
#define STACKS_AT_ONCE	64
static void paging_many_thread_stacks(struct ktest *t)
{
	static void *stacks[STACKS_AT_ONCE];
	unsigned long in_use = nr_thread_stacks();
	int i;

	for (i = 0; i < STACKS_AT_ONCE; i++) {
		stacks[i] = alloc_thread_stack(GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(t, stacks[i]);
		*(int *)stacks[i] = i;
	}
	KTEST_EXPECT_EQ(t, nr_thread_stacks(), in_use + STACKS_AT_ONCE);
	for (i = 0; i < STACKS_AT_ONCE; i++) {
		KTEST_EXPECT_EQ(t, *(int *)stacks[i], i);
		KTEST_EXPECT_FALSE(t, mapped((unsigned long)stacks[i] - 1));
	}
	for (i = 0; i < STACKS_AT_ONCE; i++)
		free_thread_stack(stacks[i]);
	KTEST_EXPECT_EQ(t, nr_thread_stacks(), in_use);
}

static struct ktest_case paging_cases[] = {
	KTEST_CASE(paging_no_identity_map),
	KTEST_CASE(paging_direct_map_and_text),
	KTEST_CASE(paging_boot_stack_guard),
	KTEST_CASE(paging_thread_stack_guard),
	KTEST_CASE(paging_many_thread_stacks),
	{}
};

static struct ktest_suite paging_suite = {
	.name = "paging",
	.cases = paging_cases,
};
KTEST_SUITE(paging_suite);
