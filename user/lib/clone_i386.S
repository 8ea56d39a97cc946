/*
 * user/lib/clone_i386.S - __clone(), the assembly half of clone() (clone.c):
 * the child must start on a new stack, which C cannot arrange.
 *
 *	long __clone(int (*fn)(void *), void *stack, int flags, void *arg,
 *		     pid_t *ptid, void *tls, pid_t *ctid);
 *
 * The i386 clone system call takes flags in ebx, the child's stack in
 * ecx, ptid in edx, tls in esi and ctid in edi.  Before the call, fn and
 * arg are stored at the top of the child's stack, because the child wakes
 * up there with nothing else it can trust.  Returns the raw result to the
 * parent: the child's pid, or -errno.  The child calls fn(arg) and ends
 * with exit (not exit_group) and fn's return value, as glibc's clone does.
 */

#include <uapi/unistd.h>

	.text
	.globl	__clone
	.type	__clone, @function
__clone:
	pushl	%ebp
	movl	%esp, %ebp
	pushl	%ebx
	pushl	%esi
	pushl	%edi

	/* The child's stack: 16-byte aligned, arg at (%ecx), fn above it. */
	movl	12(%ebp), %ecx		/* stack */
	andl	$-16, %ecx
	subl	$16, %ecx
	movl	20(%ebp), %eax		/* arg */
	movl	%eax, (%ecx)
	movl	8(%ebp), %eax		/* fn */
	movl	%eax, 4(%ecx)

	movl	16(%ebp), %ebx		/* flags */
	movl	24(%ebp), %edx		/* ptid */
	movl	28(%ebp), %esi		/* tls */
	movl	32(%ebp), %edi		/* ctid */
	movl	$__NR_clone, %eax
	int	$0x80

	testl	%eax, %eax
	jz	1f

	/* Parent (or error): back to clone() with the raw result. */
	popl	%edi
	popl	%esi
	popl	%ebx
	popl	%ebp
	ret

	/* Child: on the new stack, with arg as the argument slot. */
1:	xorl	%ebp, %ebp		/* the outermost frame of the child */
	movl	4(%esp), %eax
	call	*%eax
	movl	%eax, %ebx
	movl	$__NR_exit, %eax	/* this task only, as glibc */
	int	$0x80
	hlt
	.size	__clone, . - __clone

	.section .note.GNU-stack, "", @progbits
