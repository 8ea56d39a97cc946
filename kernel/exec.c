/*
 * kernel/exec.c - execve(): replace the calling process's program.
 *
 * do_execve() opens the file, builds a complete new address space beside
 * the old one (stack with the argument and environment strings, then the
 * program's segments, by load_elf_binary()), and only then commits:
 * begin_new_exec() swaps the address space in, resets signal handlers and
 * closes O_CLOEXEC files.  Any failure before that returns an error to the
 * caller's old program, which never noticed.  As Linux's fs/exec.c.
 */
#include <nest/binfmts.h>
#include <nest/sched.h>
#include <nest/signal.h>
#include <nest/mman.h>
#include <nest/fs.h>
#include <nest/mm.h>
#include <nest/slab.h>
#include <nest/syscalls.h>
#include <nest/uaccess.h>
#include <nest/ptrace.h>
#include <nest/desc.h>
#include <nest/string.h>
#include <nest/errno.h>
#include <nest/bug.h>
#include <nest/irqflags.h>
#include <nest/kthread.h>
#include <nest/limits.h>
#include <nest/fpu.h>

#define EXEC_BOUNCE_SIZE	PAGE_SIZE
#define USER_EFLAGS		0x00000202	/* IF, and bit 1 which is always set */

/* The page of the new mm at @addr, allocated if it is not there yet. */
static void *new_mm_page(struct mm_struct *mm, unsigned long addr)
{
	struct page *page = follow_page(mm, addr);

	if (!page) {
		struct vm_area_struct *vma = find_vma(mm, addr);

		if (!vma)
			return NULL;
		page = alloc_page(__GFP_ZERO);
		if (!page)
			return NULL;
		if (install_user_page(mm, addr & PAGE_MASK, page, vma->vm_flags)) {
			__free_page(page);
			return NULL;
		}
	}
	return page_address(page);
}

int copy_to_new_mm(struct mm_struct *mm, unsigned long addr, const void *src, size_t len)
{
	while (len) {
		size_t off = addr & ~PAGE_MASK, n = min(len, PAGE_SIZE - off);
		char *kaddr = new_mm_page(mm, addr);

		if (!kaddr)
			return -ENOMEM;
		memcpy(kaddr + off, src, n);
		addr += n;
		src = (const char *)src + n;
		len -= n;
	}
	return 0;
}

int copy_from_new_mm(struct mm_struct *mm, unsigned long addr, void *dst, size_t len)
{
	while (len) {
		size_t off = addr & ~PAGE_MASK, n = min(len, PAGE_SIZE - off);
		struct page *page = follow_page(mm, addr);

		if (!page)
			return -EFAULT;
		memcpy(dst, (char *)page_address(page) + off, n);
		addr += n;
		dst = (char *)dst + n;
		len -= n;
	}
	return 0;
}

/* The @nr-th pointer of @argv; ERR_PTR(-EFAULT) on a bad array. */
static const char __user *get_user_arg_ptr(struct user_arg_ptr argv, int nr)
{
	const char __user *p;

	if (argv.is_kernel)
		return (const char __user *)argv.ptr.kernel[nr];
	if (get_user(p, argv.ptr.user + nr))
		return ERR_PTR(-EFAULT);
	return p;
}

/* How many strings @argv holds (NULL array: none, as Linux allows). */
static int count_args(struct user_arg_ptr argv)
{
	int i = 0;

	if (!argv.ptr.user)
		return 0;
	for (;;) {
		const char __user *p = get_user_arg_ptr(argv, i);

		if (!p)
			return i;
		if (IS_ERR(p))
			return PTR_ERR(p);
		if (++i == MAX_ARG_STRINGS)
			return -E2BIG;
	}
}

/* Push one string (of @len bytes, NUL included) at bprm->p, going down. */
static int push_string(struct linux_binprm *bprm, const char __user *str, long len,
		       bool is_kernel, char *bounce)
{
	unsigned long dst;
	long done = 0;

	if (STACK_TOP - (bprm->p - len) > MAX_ARG_TOTAL)
		return -E2BIG;
	bprm->p -= len;
	dst = bprm->p;
	if (is_kernel)
		return copy_to_new_mm(bprm->mm, dst, (const char __force *)str, len);
	/* From user space, through a kernel buffer, a page at a time. */
	while (done < len) {
		long n = min(len - done, (long)EXEC_BOUNCE_SIZE);

		if (copy_from_user(bounce, str + done, n))
			return -EFAULT;
		if (copy_to_new_mm(bprm->mm, dst + done, bounce, n))
			return -ENOMEM;
		done += n;
	}
	return 0;
}

/* Copy the strings of @argv, last first, so argv[0] ends lowest. */
int copy_strings(struct linux_binprm *bprm, int argc, struct user_arg_ptr argv)
{
	char *bounce = kmalloc(EXEC_BOUNCE_SIZE, GFP_KERNEL);
	int ret = 0;

	if (!bounce)
		return -ENOMEM;
	while (argc-- > 0) {
		const char __user *str = get_user_arg_ptr(argv, argc);
		long len;

		if (IS_ERR(str)) {
			ret = PTR_ERR(str);
			break;
		}
		len = argv.is_kernel ? (long)strlen((const char __force *)str) + 1 :
		      strnlen_user(str, MAX_ARG_STRLEN);
		if (!len) {
			ret = -EFAULT;
			break;
		}
		if (len > MAX_ARG_STRLEN) {
			ret = -E2BIG;
			break;
		}
		ret = push_string(bprm, str, len, argv.is_kernel, bounce);
		if (ret)
			break;
	}
	kfree(bounce);
	return ret;
}

/* The new program's registers: only the entry point and stack matter. */
static void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp)
{
	memset(regs, 0, sizeof(*regs));
	regs->ip = ip;
	regs->sp = sp;
	regs->cs = __USER_CS;
	regs->ds = regs->es = regs->ss = __USER_DS;
	regs->fs = regs->gs = 0;
	regs->flags = USER_EFLAGS;
	regs->vector = SYSCALL_VECTOR;
	regs->orig_ax = -1;
}

/* comm: the last part of the file name, as Linux's __set_task_comm(). */
static void set_task_comm(struct task_struct *tsk, const char *filename)
{
	const char *name = filename, *p;

	for (p = filename; *p; p++)
		if (*p == '/' && p[1])
			name = p + 1;
	strlcpy(tsk->comm, name, sizeof(tsk->comm));
}

/*
 * For the debugger only: tools/gdb/nestgdb/usersyms.py breaks here and loads
 * the program's symbols.  Out of line, and the empty asm keeps GCC from
 * proving that it does nothing and dropping the calls.  So an exec or a
 * switch of address space pays a call and a return: `make bench` counts
 * about 20 more instructions in a fork+exit+wait round trip of 268,000.
 * include/nest/binfmts.h says what @path is.
 */
__noinline void gdb_user_image_hook(const char *path)
{
	asm volatile("" : : "r"(path) : "memory");
}

/*
 * The point of no return: the new address space replaces the old.  From
 * here a failure cannot be reported to the old program any more.
 */
void begin_new_exec(struct linux_binprm *bprm)
{
	struct task_struct *tsk = current;
	struct mm_struct *old_mm = tsk->mm;
	unsigned long flags;

	local_irq_save(flags);
	tsk->mm = bprm->mm;
	tsk->active_mm = bprm->mm;
	activate_mm(bprm->mm);
	local_irq_restore(flags);
	bprm->mm = NULL;
	if (old_mm)
		mmput(old_mm);
	/* A kernel thread that execs (init) becomes an ordinary process. */
	tsk->flags &= ~PF_KTHREAD;
	set_task_comm(tsk, bprm->filename);
	gdb_user_image_hook(bprm->filename);	/* GDB: load this program's symbols */
	flush_signal_handlers(tsk);
	do_close_on_exec(tsk->files);
	fpu_reset();
	start_thread(current_pt_regs(), bprm->entry, bprm->p);
}

int do_execve(const char *filename, struct user_arg_ptr argv, struct user_arg_ptr envp)
{
	struct linux_binprm bprm;
	loff_t pos = 0;
	int ret;

	memset(&bprm, 0, sizeof(bprm));
	bprm.filename = filename;
	bprm.file = open_exec(filename);
	if (IS_ERR(bprm.file))
		return PTR_ERR(bprm.file);
	ret = kernel_read(bprm.file, bprm.buf, BINPRM_BUF_SIZE, &pos);
	if (ret < 0)
		goto out;

	ret = -ENOMEM;
	bprm.mm = mm_alloc();
	if (!bprm.mm)
		goto out;
	ret = insert_vm_area(bprm.mm, STACK_TOP - STACK_LIMIT, STACK_TOP,
			     VM_READ | VM_WRITE | VM_GROWSDOWN);
	if (ret)
		goto out;
	bprm.p = STACK_TOP;

	ret = bprm.argc = count_args(argv);
	if (ret < 0)
		goto out;
	ret = bprm.envc = count_args(envp);
	if (ret < 0)
		goto out;

	/* Highest on the stack: the file name (AT_EXECFN), then envp, then argv. */
	ret = push_string(&bprm, (const char __user __force *)filename,
			  strlen(filename) + 1, true, NULL);
	if (ret)
		goto out;
	bprm.exec = bprm.p;
	bprm.env_end = bprm.p;
	ret = copy_strings(&bprm, bprm.envc, envp);
	if (ret)
		goto out;
	bprm.env_start = bprm.p;
	ret = copy_strings(&bprm, bprm.argc, argv);
	if (ret)
		goto out;
	bprm.arg_start = bprm.p;

	ret = load_elf_binary(&bprm);
out:
	if (bprm.mm)
		mmput(bprm.mm);
	fput(bprm.file);
	return ret;
}

SYSCALL_DEFINE3(execve, const char __user *, filename,
		const char __user *const __user *, argv,
		const char __user *const __user *, envp)
{
	struct user_arg_ptr uargv = { .is_kernel = false, .ptr.user = argv };
	struct user_arg_ptr uenvp = { .is_kernel = false, .ptr.user = envp };
	char *name = kmalloc(PATH_MAX, GFP_KERNEL);
	long len;
	int ret;

	if (!name)
		return -ENOMEM;
	len = strncpy_from_user(name, filename, PATH_MAX);
	if (len < 0)
		ret = len;
	else if (len == PATH_MAX)
		ret = -ENAMETOOLONG;
	else if (len == 0)
		ret = -ENOENT;
	else
		ret = do_execve(name, uargv, uenvp);
	kfree(name);
	return ret;
}

/* Defined in boot/entry.asm: load @regs as the stack and return to user mode. */
void ret_from_kernel_execve(struct pt_regs *regs) __noreturn;

int kernel_execve(const char *filename, const char *const *argv, const char *const *envp)
{
	struct user_arg_ptr a = { .is_kernel = true, .ptr.kernel = argv };
	struct user_arg_ptr e = { .is_kernel = true, .ptr.kernel = envp };
	int ret = do_execve(filename, a, e);

	if (ret)
		return ret;
	/* We are a user process now: leave the kernel the way a syscall does. */
	exit_to_user_mode(current_pt_regs());
	ret_from_kernel_execve(current_pt_regs());
}
