/*
 * kernel/fpu.c - setting up the x87 FPU at boot (include/nest/fpu.h has
 * the switching).
 */
#include <nest/fpu.h>
#include <nest/io.h>
#include <nest/printk.h>

#define X86_CR0_MP	(1UL << 1)	/* wait/fwait honour TS */
#define X86_CR0_EM	(1UL << 2)	/* emulate: FPU instructions trap */
#define X86_CR0_TS	(1UL << 3)	/* task switched: FPU instructions trap */
#define X86_CR0_NE	(1UL << 5)	/* report FPU errors as exception 16 */

void fpu_init(void)
{
	unsigned long cr0 = read_cr0();

	cr0 &= ~(X86_CR0_EM | X86_CR0_TS);
	cr0 |= X86_CR0_MP | X86_CR0_NE;
	write_cr0(cr0);
	asm volatile("fninit");
	pr_info("fpu: x87 saved and restored at every switch of a user task\n");
}
