; boot/switch.asm - the context switch, and where new tasks start.
;
; __switch_to_asm(unsigned long *prev_sp, unsigned long next_sp)
;   Called by context_switch() (kernel/sched.c) with interrupts off.
;   Pushes the callee-saved registers on prev's kernel stack, saves esp in
;   *prev_sp, loads next's esp and pops next's registers: the final `ret`
;   returns wherever next called __switch_to_asm from (or, for a task that
;   never ran, to the address fork.c put there: ret_from_fork or
;   ret_from_kernel_thread).
;
;   Stack of a switched-out task, from its thread.sp upward:
;	[sp+0]  edi
;	[sp+4]  esi
;	[sp+8]  ebx
;	[sp+12] ebp
;	[sp+16] return address
;
; The C ABI says eax, ecx and edx may be clobbered by a call, so only these
; four registers (and esp, eip) need saving.

section .text
global __switch_to_asm
__switch_to_asm:
	mov eax, [esp + 4]	; prev_sp
	mov edx, [esp + 8]	; next_sp
	push ebp
	push ebx
	push esi
	push edi
	mov [eax], esp
	mov esp, edx
	pop edi
	pop esi
	pop ebx
	pop ebp
	ret

; A forked user task's first instruction in the kernel.  Below us on the
; stack is the struct pt_regs fork.c copied from the parent (eax = 0, the
; child's return value of fork); finish the switch, then leave through the
; common path that restores those registers and irets to user mode.
extern schedule_tail
extern exit_to_user_mode
extern ret_to_user
global ret_from_fork
ret_from_fork:
	call schedule_tail
	mov eax, esp		; the child's struct pt_regs
	push eax
	call exit_to_user_mode	; signals, rescheduling: as after any syscall
	add esp, 4
	jmp ret_to_user

; A kernel thread's first instruction: finish the switch, then run
; kthread() (kernel/kthread.c), which calls the thread function and exits.
extern kthread
global ret_from_kernel_thread
ret_from_kernel_thread:
	call schedule_tail
	call kthread		; never returns
	ud2
