; boot/multiboot.asm - the multiboot v1 header and the kernel's first
; instructions.
;
; GRUB (or QEMU's -kernel) loads the image at 1 MiB physical and jumps to
; _start with paging off, eax = 0x2BADB002 and ebx = the physical address of
; the multiboot information.  The kernel is linked at 0xC0100000, so before
; any C runs we must turn paging on with a page directory that maps the
; first BOOT_MAP_SIZE bytes both at 0 (so the next instruction, still at a
; physical address, keeps working) and at 0xC0000000 (where the C code
; lives).  4 MiB pages (PSE) keep that directory a static table.
; mm/paging.c later replaces it with 4 KiB page tables and drops the
; identity half, so a NULL dereference faults.
;
; This file and its data are in the .boot sections, linked at their physical
; addresses (see linker.ld); everything else is in the higher half.

%include "boot/layout.inc"

MB_MAGIC	equ 0x1BADB002
MB_FLAGS	equ (1 << 0) | (1 << 1)	; modules page-aligned, memory map wanted
MB_CHECKSUM	equ -(MB_MAGIC + MB_FLAGS)

PDE_PRESENT	equ 1 << 0
PDE_WRITE	equ 1 << 1
PDE_4M		equ 1 << 7		; PS: this entry maps a 4 MiB page
CR0_PG		equ 1 << 31
CR0_WP		equ 1 << 16		; honour read-only pages in ring 0 too
CR4_PSE		equ 1 << 4
BOOT_PDES	equ BOOT_MAP_SIZE >> 22
KERNEL_PDE	equ KERNEL_VIRT_BASE >> 22	; 768

section .multiboot progbits alloc noexec nowrite
align 4
	dd MB_MAGIC
	dd MB_FLAGS
	dd MB_CHECKSUM

section .boot.data progbits alloc noexec nowrite
align 4096
; The boot page directory: the same BOOT_PDES 4 MiB pages at 0 and at 3 GiB.
; Read-only as far as the linker knows: only the CPU writes it (accessed bits).
boot_page_directory:
%assign i 0
%rep 1024
 %if i < BOOT_PDES
	dd (i << 22) | PDE_PRESENT | PDE_WRITE | PDE_4M
 %elif i >= KERNEL_PDE && i < KERNEL_PDE + BOOT_PDES
	dd ((i - KERNEL_PDE) << 22) | PDE_PRESENT | PDE_WRITE | PDE_4M
 %else
	dd 0
 %endif
 %assign i i + 1
%endrep

section .boot.text progbits alloc exec nowrite
bits 32
global _start
_start:
	cli
	cld
	; eax and ebx hold the multiboot magic and info: keep them untouched.
	mov ecx, cr4
	or ecx, CR4_PSE
	mov cr4, ecx
	mov ecx, boot_page_directory
	mov cr3, ecx
	mov ecx, cr0
	or ecx, CR0_PG | CR0_WP
	mov cr0, ecx
	; Paging is on.  Jump to the higher half through a register: a relative
	; jump would stay at the low, physical address.
	mov ecx, higher_half
	jmp ecx

section .text
extern start_kernel
global boot_stack_guard, boot_stack, boot_stack_top
higher_half:
	mov esp, boot_stack_top
	xor ebp, ebp			; the backtrace stops at a zero frame pointer
	push ebx			; start_kernel(magic, mbi_phys)
	push eax
	call start_kernel
	; start_kernel never returns; if it did, stop here for good.
.hang:	cli
	hlt
	jmp .hang

section .bss
; The boot stack, used by the boot task (swapper/0) and later the idle task.
; The page below it is unmapped by paging_init(), so running off the end of
; the stack faults instead of silently corrupting whatever lies below.
align 4096
boot_stack_guard:
	resb PAGE_SIZE
boot_stack:
	resb KERNEL_STACK_SIZE
boot_stack_top:
