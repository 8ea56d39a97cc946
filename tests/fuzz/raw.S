/*
 * tests/fuzz/raw.S - the fuzzer's system call traps.
 *
 *	long raw_syscall(long nr, long a1, long a2, long a3, long a4, long a5, long a6);
 *	long raw_fork_syscall(long nr, long a1, long a2, long a3, long a4, long a5, long a6);
 *
 * Both load nr into eax and the arguments into ebx, ecx, edx, esi, edi
 * and ebp (Linux i386), trap with int $0x80 and return eax unchanged:
 * -4095..-1 is -errno, and nothing is stored in errno.
 *
 * raw_fork_syscall is for fork, clone and clone3.  Their arguments are
 * random, so the child may share our memory (CLONE_VM) and run on any
 * stack at all (newsp).  It must not touch memory: if eax is 0 we are the
 * child, and exit(0) is the next instruction.
 *
 * On entry (both): 4(%esp) is nr, 8(%esp)..28(%esp) are a1..a6.
 */

#include <uapi/unistd.h>

	.text

	.globl	raw_syscall
	.type	raw_syscall, @function
raw_syscall:
	pushl	%ebp
	pushl	%edi
	pushl	%esi
	pushl	%ebx
	/* Four registers pushed: the arguments start at 20(%esp). */
	movl	20(%esp), %eax
	movl	24(%esp), %ebx
	movl	28(%esp), %ecx
	movl	32(%esp), %edx
	movl	36(%esp), %esi
	movl	40(%esp), %edi
	movl	44(%esp), %ebp
	int	$0x80
	popl	%ebx
	popl	%esi
	popl	%edi
	popl	%ebp
	ret
	.size	raw_syscall, . - raw_syscall

	.globl	raw_fork_syscall
	.type	raw_fork_syscall, @function
raw_fork_syscall:
	pushl	%ebp
	pushl	%edi
	pushl	%esi
	pushl	%ebx
	movl	20(%esp), %eax
	movl	24(%esp), %ebx
	movl	28(%esp), %ecx
	movl	32(%esp), %edx
	movl	36(%esp), %esi
	movl	40(%esp), %edi
	movl	44(%esp), %ebp
	int	$0x80
	testl	%eax, %eax
	jnz	1f
	/* The child: its stack may be anything, so only registers from here. */
	movl	$__NR_exit, %eax
	xorl	%ebx, %ebx
	int	$0x80
	ud2			/* exit does not return */
1:	popl	%ebx
	popl	%esi
	popl	%edi
	popl	%ebp
	ret
	.size	raw_fork_syscall, . - raw_fork_syscall

	.section .note.GNU-stack, "", @progbits
