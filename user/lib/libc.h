/*
 * user/lib/libc.h - what the library's files share with each other and
 * programs never see: the start-up hook, stdio's flush-everything, and the
 * signal restorers.
 */
#ifndef USER_LIB_LIBC_H
#define USER_LIB_LIBC_H

#include <stddef.h>

/* The sizes Linux i386 uses: a page, and the kernel's sigset_t in bytes. */
#define PAGE_SIZE		4096
#define KERNEL_SIGSET_SIZE	8

/* crt0.S calls this with the initial stack's contents; it never returns. */
__attribute__((noreturn)) void __libc_start_main(int argc, char **argv,
						 char **envp);

/* The program's name, argv[0] after its last '/' (start.c), for messages. */
extern const char *__progname;

/* Write out every stream's buffered output (stdio.c). */
void __stdio_flush_all(void);

/* The return trampolines for signal handlers (sigrestore.S). */
void __restore(void);
void __restore_rt(void);

#endif /* USER_LIB_LIBC_H */
