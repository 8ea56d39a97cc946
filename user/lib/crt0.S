/*
 * user/lib/crt0.S - _start, where every program begins.  Linked first into
 * each program (it is not in libc.a), as crt1.o is on Linux.
 *
 * On entry (Linux's layout, which Nest's execve builds):
 *	(%esp)		argc
 *	4(%esp)		argv[0] ... argv[argc - 1], then NULL
 *	after that	envp[0] ... , then NULL
 *	after that	the auxiliary vector (AT_* pairs), ending in AT_NULL
 * Every other register is undefined.  _start hands argc, argv and envp to
 * __libc_start_main() (start.c), which calls main() and exit().
 */

	.text
	.globl	_start
	.type	_start, @function
_start:
	.cfi_startproc
	/* Tell the debugger this is the outermost frame: no return address. */
	.cfi_undefined eip
	/* ebp = 0 ends the frame-pointer chain, so backtraces stop here. */
	xorl	%ebp, %ebp
	movl	(%esp), %eax		/* argc */
	leal	4(%esp), %edx		/* argv */
	leal	8(%esp,%eax,4), %ecx	/* envp = &argv[argc + 1] */
	/* The i386 ABI wants %esp 16-byte aligned at each call. */
	andl	$-16, %esp
	subl	$4, %esp
	pushl	%ecx
	pushl	%edx
	pushl	%eax
	call	__libc_start_main
	hlt				/* not reached: a fault if it were */
	.cfi_endproc
	.size	_start, . - _start

	.section .note.GNU-stack, "", @progbits
