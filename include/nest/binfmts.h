/*
 * include/nest/binfmts.h - running programs: execve() and the ELF loader
 * (kernel/exec.c, kernel/binfmt_elf.c), with Linux's names.
 *
 * A struct linux_binprm carries one exec from start to end: the file, its
 * first bytes, the new address space being built, and where on its stack
 * the argument strings went.  Until begin_new_exec() the caller's old
 * address space is untouched, so any failure returns cleanly to it.
 */
#ifndef NEST_BINFMTS_H
#define NEST_BINFMTS_H

#include <nest/types.h>
#include <nest/compiler.h>

#define BINPRM_BUF_SIZE		128	/* the file's first bytes */
#define MAX_ARG_STRINGS		0x7FFFFFFF
#define MAX_ARG_STRLEN		(32 * 4096)	/* one string: Linux's limit */
#define MAX_ARG_TOTAL		(128 * 1024)	/* all strings; beyond: E2BIG */
#define AT_RANDOM_BYTES		16
#define AUXV_ENTRIES		17	/* pairs, AT_NULL included */

struct file;
struct mm_struct;

struct linux_binprm {
	struct file *file;
	char buf[BINPRM_BUF_SIZE];
	const char *filename;		/* as given (kernel copy) */
	struct mm_struct *mm;		/* the new address space */
	unsigned long p;		/* the stack pointer while strings go on */
	int argc, envc;
	unsigned long exec;		/* user address of the filename string */
	unsigned long arg_start, env_start, env_end;
	unsigned long entry;		/* e_entry */
	unsigned long phdr, phnum;	/* for the aux vector */
	unsigned long brk;
};

/*
 * Where argv/envp come from: user space (execve) or the kernel itself
 * (kernel_execve, used to start init).
 */
struct user_arg_ptr {
	bool is_kernel;
	union {
		const char __user *const __user *user;
		const char *const *kernel;
	} ptr;
};

int do_execve(const char *filename, struct user_arg_ptr argv, struct user_arg_ptr envp);
/* Start a user program from a kernel thread (init); returns only on failure. */
int kernel_execve(const char *filename, const char *const *argv, const char *const *envp);

/* kernel/binfmt_elf.c: load an ELF32 i386 static executable into bprm->mm. */
int load_elf_binary(struct linux_binprm *bprm);
/* kernel/exec.c: copy argv/envp strings onto the new stack. */
int copy_strings(struct linux_binprm *bprm, int argc, struct user_arg_ptr argv);
/* Copy @len bytes to @addr in the new mm (not yet current). 0 or -ENOMEM. */
int copy_to_new_mm(struct mm_struct *mm, unsigned long addr, const void *src, size_t len);
/* And back: 0, or -EFAULT if a page is not there. */
int copy_from_new_mm(struct mm_struct *mm, unsigned long addr, void *dst, size_t len);
/* The point of no return of an exec: install bprm->mm as current's. */
void begin_new_exec(struct linux_binprm *bprm);

/*
 * gdb_user_image_hook - does nothing; GDB's helpers (tools/gdb/) break on it
 * to load the symbols of the user program now mapped.  Called by exec
 * (@path: the file name, a kernel string) and by the scheduler when it
 * switches to another address space (@path: the AT_EXECFN string at the
 * top of the new user stack, readable because its page tables are loaded).
 */
void gdb_user_image_hook(const char *path);

#endif /* NEST_BINFMTS_H */
