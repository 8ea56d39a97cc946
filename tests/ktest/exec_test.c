/*
 * tests/ktest/exec_test.c - the `exec` suite: the ELF loader refuses what
 * it cannot run, with Linux's errors, and a refused exec leaves the caller
 * exactly as it was (its address space untouched, nothing leaked).
 *
 * Each case writes a crafted file into the ramfs and calls do_execve() on
 * it from pid 1, which is still a kernel thread here, so a failure simply
 * returns.  (Running a valid program is what the user-level tests do.)
 */
#include <nest/ktest.h>
#include <nest/binfmts.h>
#include <nest/elf.h>
#include <nest/fs.h>
#include <nest/sched.h>
#include <nest/errno.h>
#include <nest/string.h>
#include <nest/mm.h>
#include <uapi/fcntl.h>

#define TEST_EXE	"/tmp/ktest-exec"
#define TEST_VADDR	0x08048000UL

struct test_image {
	struct elf32_hdr eh;
	struct elf32_phdr ph[2];
	u8 code[16];
};

/* A minimal valid-looking image: one PT_LOAD of the whole file. */
static void make_image(struct test_image *img)
{
	memset(img, 0, sizeof(*img));
	memcpy(img->eh.e_ident, ELFMAG, SELFMAG);
	img->eh.e_ident[EI_CLASS] = ELFCLASS32;
	img->eh.e_ident[EI_DATA] = ELFDATA2LSB;
	img->eh.e_ident[6] = 1;		/* EV_CURRENT */
	img->eh.e_type = ET_EXEC;
	img->eh.e_machine = EM_386;
	img->eh.e_version = 1;
	img->eh.e_entry = TEST_VADDR + offsetof(struct test_image, code);
	img->eh.e_phoff = offsetof(struct test_image, ph);
	img->eh.e_ehsize = sizeof(struct elf32_hdr);
	img->eh.e_phentsize = sizeof(struct elf32_phdr);
	img->eh.e_phnum = 1;
	img->ph[0].p_type = PT_LOAD;
	img->ph[0].p_offset = 0;
	img->ph[0].p_vaddr = TEST_VADDR;
	img->ph[0].p_filesz = sizeof(*img);
	img->ph[0].p_memsz = sizeof(*img);
	img->ph[0].p_flags = PF_R | PF_X;
	img->ph[0].p_align = PAGE_SIZE;
}

static int write_file(const char *path, const void *data, size_t len)
{
	struct file *f = filp_open(path, O_WRONLY | O_CREAT | O_TRUNC, 0755);
	loff_t pos = 0;
	ssize_t n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = kernel_write(f, data, len, &pos);
	fput(f);
	return n == (ssize_t)len ? 0 : -EIO;
}

/* exec @img (of @len bytes); returns do_execve's result. */
static int try_exec(struct test_image *img, size_t len)
{
	static const char *const argv[] = { TEST_EXE, NULL };
	static const char *const envp[] = { NULL };
	struct user_arg_ptr a = { .is_kernel = true, .ptr.kernel = argv };
	struct user_arg_ptr e = { .is_kernel = true, .ptr.kernel = envp };
	int err = write_file(TEST_EXE, img, len);

	return err ? err : do_execve(TEST_EXE, a, e);
}

static void exec_refuses_bad_images(struct ktest *t)
{
	struct mm_struct *mm_before = current->mm;
	struct test_image img;

	make_image(&img);
	img.eh.e_ident[1] = 'X';
	KTEST_EXPECT_EQ(t, try_exec(&img, sizeof(img)), -ENOEXEC);	/* bad magic */

	make_image(&img);
	img.eh.e_ident[EI_CLASS] = 2;
	KTEST_EXPECT_EQ(t, try_exec(&img, sizeof(img)), -ENOEXEC);	/* ELF64 */

	make_image(&img);
	img.eh.e_machine = 62;
	KTEST_EXPECT_EQ(t, try_exec(&img, sizeof(img)), -ENOEXEC);	/* x86-64 */

	make_image(&img);
	img.eh.e_type = 3;
	KTEST_EXPECT_EQ(t, try_exec(&img, sizeof(img)), -ENOEXEC);	/* ET_DYN */

	make_image(&img);
	img.eh.e_phnum = 2;
	img.ph[1] = img.ph[0];
	img.ph[1].p_type = PT_INTERP;
	KTEST_EXPECT_EQ(t, try_exec(&img, sizeof(img)), -ENOEXEC);	/* dynamic */

	make_image(&img);
	img.ph[0].p_vaddr = 0xBFFFF000;
	img.ph[0].p_memsz = 0x2000;
	KTEST_EXPECT_EQ(t, try_exec(&img, sizeof(img)), -ENOEXEC);	/* into the kernel */

	make_image(&img);
	img.ph[0].p_filesz = img.ph[0].p_memsz + 1;
	KTEST_EXPECT_EQ(t, try_exec(&img, sizeof(img)), -ENOEXEC);	/* filesz > memsz */

	make_image(&img);
	img.ph[0].p_vaddr = TEST_VADDR + 1;	/* offset and address disagree */
	KTEST_EXPECT_EQ(t, try_exec(&img, sizeof(img)), -ENOEXEC);

	make_image(&img);
	/* The program headers are past the end of the file. */
	KTEST_EXPECT_EQ(t, try_exec(&img, offsetof(struct test_image, ph)), -ENOEXEC);

	make_image(&img);
	img.eh.e_phnum = 0;
	KTEST_EXPECT_EQ(t, try_exec(&img, sizeof(img)), -ENOEXEC);	/* nothing to load */

	/* The caller is untouched: still a kernel thread with no address space. */
	KTEST_EXPECT_PTR_EQ(t, current->mm, mm_before);
	KTEST_EXPECT_TRUE(t, current->flags & PF_KTHREAD);
}

static void exec_refuses_what_is_not_a_file(struct ktest *t)
{
	static const char *const argv[] = { "x", NULL };
	struct user_arg_ptr a = { .is_kernel = true, .ptr.kernel = argv };

	KTEST_EXPECT_EQ(t, do_execve("/tmp/no-such-program", a, a), -ENOENT);
	KTEST_EXPECT_EQ(t, do_execve("/tmp", a, a), -EACCES);
	KTEST_EXPECT_EQ(t, do_execve("/dev/console", a, a), -EACCES);
}

/* The test file goes away, so the leak check finds the ramfs as it was. */
static void exec_suite_exit(void)
{
	do_unlinkat(current_fs(), TEST_EXE);
}

static struct ktest_case exec_cases[] = {
	KTEST_CASE(exec_refuses_bad_images),
	KTEST_CASE(exec_refuses_what_is_not_a_file),
	{}
};

static struct ktest_suite exec_suite = {
	.name = "exec",
	.cases = exec_cases,
	.exit = exec_suite_exit,
};
KTEST_SUITE(exec_suite);
