/*
 * user/lib/sigrestore.S - the signal return trampolines.  sigaction()
 * (signal.c) gives the kernel one of these as sa_restorer; the kernel
 * writes its address as the handler's return address in the signal
 * frame, so when the handler returns it lands here, and the trampoline
 * asks the kernel to restore the interrupted context from the frame.
 *
 * The byte sequences are exactly glibc's and Linux's vDSO's, because GDB
 * recognises a signal frame by them (i386_linux_sigtramp_p) and can then
 * backtrace through a handler into the interrupted code.
 */

#include <uapi/unistd.h>

	.text

/*
 * __restore - for a handler installed without SA_SIGINFO.  On entry the
 * handler's "ret" has popped the return address; (%esp) is the signal
 * number argument.  sigreturn finds its frame at %esp - 8, so pop
 * the argument first.  Does not return.
 */
	.globl	__restore
	.type	__restore, @function
	nop			/* so a return address just before is still inside */
__restore:
	popl	%eax
	movl	$__NR_sigreturn, %eax
	int	$0x80
	.size	__restore, . - __restore

/*
 * __restore_rt - for a handler installed with SA_SIGINFO.  (%esp) is the
 * rt frame's signal number; rt_sigreturn finds the frame at
 * %esp - 4, as it is.  Does not return.
 */
	.globl	__restore_rt
	.type	__restore_rt, @function
	nop
__restore_rt:
	movl	$__NR_rt_sigreturn, %eax
	int	$0x80
	.size	__restore_rt, . - __restore_rt

	.section .note.GNU-stack, "", @progbits
