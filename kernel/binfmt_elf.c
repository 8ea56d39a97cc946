/*
 * kernel/binfmt_elf.c - loading static ELF32 i386 executables, as Linux's
 * fs/binfmt_elf.c does for the simplest case (no interpreter, no PIE).
 *
 * Each PT_LOAD segment becomes an area of the new address space with the
 * segment's permissions; the file's bytes are copied into freshly
 * allocated pages now, and the rest of the segment (the bss) is left to be
 * zero-filled on first touch.  Then the stack gets Linux's initial layout,
 * from the stack pointer up:
 *
 *	argc | argv[0..argc-1] NULL | envp[..] NULL | auxv (type, value).. AT_NULL
 *	... 16 random bytes (AT_RANDOM) ... the strings ... the file name
 *
 * and the program starts at e_entry with esp pointing at argc.
 */
#include <nest/binfmts.h>
#include <nest/elf.h>
#include <nest/mman.h>
#include <nest/fs.h>
#include <nest/mm.h>
#include <nest/slab.h>
#include <nest/string.h>
#include <nest/errno.h>
#include <nest/io.h>
#include <nest/printk.h>
#include <nest/jiffies.h>
#include <uapi/misc.h>

#define ELF_MIN_ALIGN	PAGE_SIZE
#define MAX_PHNUM	64


/* Read @len bytes at @offset of the file into the new mm at @addr. */
static int load_segment_data(struct linux_binprm *bprm, unsigned long addr,
			     loff_t offset, size_t len)
{
	char *buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	int ret = 0;

	if (!buf)
		return -ENOMEM;
	while (len) {
		size_t n = min(len, (size_t)PAGE_SIZE);
		ssize_t got = kernel_read(bprm->file, buf, n, &offset);

		if (got != (ssize_t)n) {
			ret = got < 0 ? got : -EIO;
			break;
		}
		ret = copy_to_new_mm(bprm->mm, addr, buf, n);
		if (ret)
			break;
		addr += n;
		len -= n;
	}
	kfree(buf);
	return ret;
}

static unsigned long elf_vm_flags(u32 p_flags)
{
	return ((p_flags & PF_R) ? VM_READ : 0) | ((p_flags & PF_W) ? VM_WRITE : 0) |
	       ((p_flags & PF_X) ? VM_EXEC : 0);
}

/* Check a segment: inside user space, no overflow, file and memory agree. */
static bool segment_ok(const struct elf32_phdr *ph)
{
	if (ph->p_filesz > ph->p_memsz)
		return false;
	if (ph->p_vaddr + ph->p_memsz < ph->p_vaddr ||
	    ph->p_vaddr + ph->p_memsz > TASK_UNMAPPED_BASE)
		return false;
	return (ph->p_vaddr & ~PAGE_MASK) == (ph->p_offset & ~PAGE_MASK);
}

/* Weak randomness for AT_RANDOM: the C library seeds stack guards with it. */
static void get_random_bytes(u8 *buf, int n)
{
	static u32 state;
	int i;

	state ^= (u32)rdtsc() ^ (u32)jiffies;
	for (i = 0; i < n; i++) {
		state = state * 1103515245 + 12345;
		buf[i] = state >> 16;
	}
}

/* Lay out argc, argv, envp and the aux vector at the top of the new stack. */
static int create_elf_tables(struct linux_binprm *bprm, const struct elf32_hdr *eh)
{
	unsigned long items, sp, u_rand, str, *table;
	u8 rand[AT_RANDOM_BYTES];
	int i, n = 0, ret;

	get_random_bytes(rand, sizeof(rand));
	bprm->p -= sizeof(rand);
	u_rand = bprm->p;
	ret = copy_to_new_mm(bprm->mm, u_rand, rand, sizeof(rand));
	if (ret)
		return ret;

	items = 1 + (bprm->argc + 1) + (bprm->envc + 1) + 2 * AUXV_ENTRIES;
	/* esp is 16-byte aligned at the entry point, as the i386 ABI wants. */
	sp = ((bprm->p & ~15UL) - items * sizeof(long)) & ~15UL;
	table = kmalloc(items * sizeof(long), GFP_KERNEL);
	if (!table)
		return -ENOMEM;

	table[n++] = bprm->argc;
	/* The strings are back to back: argv's from arg_start, envp's from env_start. */
	str = bprm->arg_start;
	for (i = 0; i < bprm->argc + bprm->envc; i++) {
		char c;

		if (i == bprm->argc)
			table[n++] = 0;		/* argv's NULL */
		table[n++] = str;
		do {
			ret = copy_from_new_mm(bprm->mm, str++, &c, 1);
		} while (!ret && c);
		if (ret)
			goto out;
	}
	if (bprm->envc == 0)
		table[n++] = 0;		/* argv's NULL (the loop adds it before envp[0]) */
	table[n++] = 0;		/* envp's NULL */
#define NEW_AUX_ENT(id, val) do { table[n++] = (id); table[n++] = (val); } while (0)
	NEW_AUX_ENT(AT_HWCAP, 0);
	NEW_AUX_ENT(AT_PAGESZ, PAGE_SIZE);
	NEW_AUX_ENT(AT_CLKTCK, HZ);
	NEW_AUX_ENT(AT_PHDR, bprm->phdr);
	NEW_AUX_ENT(AT_PHENT, sizeof(struct elf32_phdr));
	NEW_AUX_ENT(AT_PHNUM, bprm->phnum);
	NEW_AUX_ENT(AT_BASE, 0);
	NEW_AUX_ENT(AT_FLAGS, 0);
	NEW_AUX_ENT(AT_ENTRY, eh->e_entry);
	NEW_AUX_ENT(AT_UID, 0);
	NEW_AUX_ENT(AT_EUID, 0);
	NEW_AUX_ENT(AT_GID, 0);
	NEW_AUX_ENT(AT_EGID, 0);
	NEW_AUX_ENT(AT_SECURE, 0);
	NEW_AUX_ENT(AT_RANDOM, u_rand);
	NEW_AUX_ENT(AT_EXECFN, bprm->exec);
	NEW_AUX_ENT(AT_NULL, 0);
#undef NEW_AUX_ENT
	ret = copy_to_new_mm(bprm->mm, sp, table, n * sizeof(long));
	bprm->p = sp;
out:
	kfree(table);
	return ret;
}

int load_elf_binary(struct linux_binprm *bprm)
{
	const struct elf32_hdr *eh = (const struct elf32_hdr *)bprm->buf;
	struct elf32_phdr *phdrs;
	unsigned long end = 0, first_load = ~0UL, last_stop = 0;
	loff_t pos;
	size_t size;
	int i, ret = -ENOEXEC;

	if (memcmp(eh->e_ident, ELFMAG, SELFMAG) || eh->e_ident[EI_CLASS] != ELFCLASS32 ||
	    eh->e_ident[EI_DATA] != ELFDATA2LSB || eh->e_machine != EM_386)
		return -ENOEXEC;
	/* Static executables only: no dynamic linker, no position independence. */
	if (eh->e_type != ET_EXEC || eh->e_phentsize != sizeof(struct elf32_phdr) ||
	    eh->e_phnum == 0 || eh->e_phnum > MAX_PHNUM)
		return -ENOEXEC;

	size = eh->e_phnum * sizeof(struct elf32_phdr);
	phdrs = kmalloc(size, GFP_KERNEL);
	if (!phdrs)
		return -ENOMEM;
	pos = eh->e_phoff;
	if (kernel_read(bprm->file, phdrs, size, &pos) != (ssize_t)size)
		goto out;

	for (i = 0; i < eh->e_phnum; i++) {
		struct elf32_phdr *ph = &phdrs[i];
		unsigned long start, stop, file_end;

		if (ph->p_type == PT_INTERP)
			goto out;	/* needs a dynamic linker: not supported */
		if (ph->p_type != PT_LOAD || ph->p_memsz == 0)
			continue;
		if (!segment_ok(ph))
			goto out;
		start = ph->p_vaddr & PAGE_MASK;
		stop = PAGE_ALIGN(ph->p_vaddr + ph->p_memsz);
		/*
		 * Segments in address order (as ELF requires), none sharing a
		 * page with the one before: linkers for i386 do not do that.
		 * Checked here, so that an error from insert_vm_area() is
		 * only ever its own: no memory for the area.
		 */
		if (start < last_stop)
			goto out;
		last_stop = stop;
		ret = insert_vm_area(bprm->mm, start, stop, elf_vm_flags(ph->p_flags));
		if (ret)
			goto out;
		/* The file's bytes; the partial page after them stays zero. */
		ret = load_segment_data(bprm, ph->p_vaddr, ph->p_offset, ph->p_filesz);
		if (ret)
			goto out;
		file_end = ph->p_vaddr + ph->p_memsz;
		if (file_end > end)
			end = file_end;
		/* Code and data bounds, for /proc/PID/stat (Linux's start_code...). */
		if (ph->p_flags & PF_X) {
			if (!bprm->mm->start_code || ph->p_vaddr < bprm->mm->start_code)
				bprm->mm->start_code = ph->p_vaddr;
			bprm->mm->end_code = max(bprm->mm->end_code,
						 (unsigned long)(ph->p_vaddr + ph->p_filesz));
		} else {
			if (!bprm->mm->start_data || ph->p_vaddr < bprm->mm->start_data)
				bprm->mm->start_data = ph->p_vaddr;
			bprm->mm->end_data = max(bprm->mm->end_data,
						 (unsigned long)(ph->p_vaddr + ph->p_filesz));
		}
		if (ph->p_offset == 0 && start < first_load)
			first_load = start;
		ret = -ENOEXEC;
	}
	if (!end)
		goto out;
	bprm->entry = eh->e_entry;
	bprm->phnum = eh->e_phnum;
	/* The program headers in memory: in the segment that maps offset 0. */
	bprm->phdr = first_load != ~0UL ? first_load + eh->e_phoff : 0;
	bprm->brk = PAGE_ALIGN(end);

	ret = create_elf_tables(bprm, eh);
	if (ret)
		goto out;
	bprm->mm->start_brk = bprm->mm->brk = bprm->brk;
	bprm->mm->start_stack = bprm->p;
	bprm->mm->arg_start = bprm->arg_start;
	bprm->mm->arg_end = bprm->env_start;
	bprm->mm->env_start = bprm->env_start;
	bprm->mm->env_end = bprm->env_end;
	begin_new_exec(bprm);
	ret = 0;
out:
	kfree(phdrs);
	return ret;
}
