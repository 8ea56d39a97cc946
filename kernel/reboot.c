/*
 * kernel/reboot.c - power-off (include/nest/reboot.h explains the codes).
 */
#include <nest/reboot.h>
#include <nest/io.h>
#include <nest/irqflags.h>
#include <nest/syscalls.h>
#include <nest/errno.h>
#include <nest/printk.h>
#include <uapi/misc.h>

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

/*
 * reboot(magic1, magic2, cmd, arg), with Linux's magic numbers.  Power-off
 * and halt end the machine with the success code (a clean shutdown);
 * restart is reported as a failure, since QEMU runs with -no-reboot.
 */
SYSCALL_DEFINE4(reboot, int, magic1, int, magic2, unsigned int, cmd, void __user *, arg)
{
	if ((unsigned int)magic1 != LINUX_REBOOT_MAGIC1 ||
	    (unsigned int)magic2 != LINUX_REBOOT_MAGIC2)
		return -EINVAL;
	switch (cmd) {
	case LINUX_REBOOT_CMD_POWER_OFF:
	case LINUX_REBOOT_CMD_HALT:
		pr_notice("reboot: Power down\n");
		machine_power_off(NEST_EXIT_SUCCESS);
	case LINUX_REBOOT_CMD_RESTART:
		pr_notice("reboot: Restarting system\n");
		machine_power_off(NEST_EXIT_FAILURE);
	default:
		return -EINVAL;
	}
}
