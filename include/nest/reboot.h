/*
 * include/nest/reboot.h - powering the machine off with a status.
 *
 * Under QEMU with `-device isa-debug-exit,iobase=0xf4,iosize=0x04`, a write
 * of v to port 0xf4 ends QEMU with exit status (v << 1) | 1.  Nest writes
 * one of three codes, so the test runner can tell the outcomes apart; a
 * triple fault under -no-reboot ends QEMU with status 0, which the runner
 * counts as a failure.  Without that device, the ACPI ports of QEMU's
 * machines (and older Bochs) are tried.
 */
#ifndef NEST_REBOOT_H
#define NEST_REBOOT_H

#include <nest/types.h>

#define NEST_EXIT_SUCCESS	0x10	/* QEMU exits with 33 */
#define NEST_EXIT_FAILURE	0x11	/* QEMU exits with 35 */
#define NEST_EXIT_PANIC		0x12	/* QEMU exits with 37 */

__noreturn void machine_power_off(unsigned int code);

#endif /* NEST_REBOOT_H */
