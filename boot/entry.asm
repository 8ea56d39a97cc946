; boot/entry.asm - interrupt and exception entry stubs.
;
; The CPU enters a stub with, on the current stack (ring 0 -> ring 0), or on
; the TSS's esp0 stack (ring 3 -> ring 0):
;
;	[esp+16] ss      } only when coming from ring 3
;	[esp+12] esp     }
;	[esp+8]  eflags
;	[esp+4]  cs
;	[esp+0]  eip
;	(an error code below eip for vectors 8, 10-14, 17, 21)
;
; Each stub makes the frame uniform (pushes 0 where the CPU pushed no error
; code), pushes its vector number and jumps to common_interrupt, which saves
; the rest so the stack holds a struct pt_regs (include/nest/ptrace.h):
;
;	low  bx cx dx si di bp ax ds es fs gs vector orig_ax ip cs flags [sp ss]  high
;
; then calls do_interrupt(regs) in kernel/traps.c.  On return the registers
; are restored from the frame (so C may change them, e.g. a syscall's eax)
; and iret resumes the interrupted code.

KERNEL_DS	equ 0x10

section .text

; A stub for a vector where the CPU pushes no error code.
%macro STUB_NOERR 1
global isr_stub_%1
isr_stub_%1:
	push dword 0		; orig_ax: no error code
	push dword %1		; vector
	jmp common_interrupt
%endmacro

; A stub for a vector where the CPU has pushed an error code.
%macro STUB_ERR 1
global isr_stub_%1
isr_stub_%1:
	push dword %1		; vector (the error code is already in orig_ax's slot)
	jmp common_interrupt
%endmacro

; Exceptions 0-31 (Intel SDM vol. 3, table 6-1 says which push an error code).
STUB_NOERR 0
STUB_NOERR 1
STUB_NOERR 2
STUB_NOERR 3
STUB_NOERR 4
STUB_NOERR 5
STUB_NOERR 6
STUB_NOERR 7
STUB_ERR   8
STUB_NOERR 9
STUB_ERR   10
STUB_ERR   11
STUB_ERR   12
STUB_ERR   13
STUB_ERR   14
STUB_NOERR 15
STUB_NOERR 16
STUB_ERR   17
STUB_NOERR 18
STUB_NOERR 19
STUB_NOERR 20
STUB_ERR   21
%assign v 22
%rep 10
STUB_NOERR v
%assign v v + 1
%endrep
; Hardware interrupts, remapped by kernel/i8259.c to vectors 32-47.
%rep 16
STUB_NOERR v
%assign v v + 1
%endrep

; int $0x80, the system call.  orig_ax keeps the call number (eax), as in
; Linux, so the signal code can restart the call after a handler.
global entry_INT80_32
entry_INT80_32:
	push eax		; orig_ax: the system call number
	push dword 0x80		; vector
	jmp common_interrupt

; The table of stub addresses that idt_init() installs, one per vector 0-47.
section .rodata
global isr_stub_table
isr_stub_table:
%assign v 0
%rep 48
	dd isr_stub_ %+ v
%assign v v + 1
%endrep

section .text
extern do_interrupt
common_interrupt:
	push gs
	push fs
	push es
	push ds
	push eax
	push ebp
	push edi
	push esi
	push edx
	push ecx
	push ebx
	; Kernel data segments, whatever the interrupted code had loaded.
	mov ax, KERNEL_DS
	mov ds, ax
	mov es, ax
	cld			; the C ABI expects the direction flag clear
	mov eax, esp
	push eax		; do_interrupt(struct pt_regs *regs)
	call do_interrupt
	add esp, 4
; Back to whatever was interrupted: esp points at a struct pt_regs.  Also
; the way to user mode for a new task (ret_from_fork) and after execve from
; a kernel thread (kernel/exec.c), which is why it has a name of its own.
global ret_to_user
ret_to_user:
global ret_from_intr
ret_from_intr:
	pop ebx
	pop ecx
	pop edx
	pop esi
	pop edi
	pop ebp
	pop eax
	pop ds
	pop es
	pop fs
	pop gs
	add esp, 8		; drop vector and orig_ax
	iret

; ret_from_kernel_execve(struct pt_regs *regs): a kernel thread that has
; just exec'ed (init) takes the new program's registers as its stack and
; leaves for user mode the common way.
global ret_from_kernel_execve
ret_from_kernel_execve:
	mov esp, [esp + 4]
	jmp ret_to_user

; gdt_load(const struct desc_ptr *gdtr): load the GDT and reload every
; segment register, since the CPU caches descriptors until they are reloaded.
global gdt_load
gdt_load:
	mov eax, [esp + 4]
	lgdt [eax]
	mov ax, KERNEL_DS
	mov ds, ax
	mov es, ax
	mov fs, ax
	mov gs, ax
	mov ss, ax
	jmp 0x08:.reload_cs	; a far jump is the only way to reload cs
.reload_cs:
	ret
