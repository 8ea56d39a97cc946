/*
 * kernel/reboot.c - power-off (include/nest/reboot.h explains the codes).
 */
#include <nest/reboot.h>
#include <nest/io.h>
#include <nest/irqflags.h>

#define ISA_DEBUG_EXIT_PORT	0xF4
#define QEMU_ACPI_PM1A_CNT	0x604	/* QEMU's q35 and recent i440fx */
#define BOCHS_ACPI_PM1A_CNT	0xB004	/* older QEMU and Bochs */
#define ACPI_SLP_EN_S5		0x2000	/* sleep type S5 (soft off) with SLP_EN */

void machine_power_off(unsigned int code)
{
	local_irq_disable();
	outl(code, ISA_DEBUG_EXIT_PORT);
	/* Still here: no debug-exit device.  Ask ACPI to switch off. */
	outw(ACPI_SLP_EN_S5, QEMU_ACPI_PM1A_CNT);
	outw(ACPI_SLP_EN_S5, BOCHS_ACPI_PM1A_CNT);
	for (;;)
		halt();
}
