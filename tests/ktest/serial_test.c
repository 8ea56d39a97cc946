/*
 * tests/ktest/serial_test.c - the `serial` suite: input on COM1 arrives by
 * interrupt (IRQ 4), and the interrupt hands it on to the console's line
 * discipline (fs/tty.c), so a line typed shows up as a read of
 * /dev/console.
 *
 * It needs someone at the other end of the line, so it runs only when
 * named (ktest=serial), and tests/boot_tests.py's "serial-input" run types
 * the line when this test asks for it.
 */
#include <nest/ktest.h>
#include <nest/console.h>
#include <nest/fs.h>
#include <nest/interrupt.h>
#include <nest/jiffies.h>
#include <nest/string.h>
#include <nest/errno.h>
#include <uapi/fcntl.h>

#define SERIAL_WAIT_TICKS	(10 * HZ)
#define SERIAL_LINE_MAX		32
#define SERIAL_EXPECTED		"ping nest"

static void serial_rx_interrupt_driven(struct ktest *t)
{
	unsigned long irqs = kstat_irqs(COM1_IRQ), rx = serial_rx_count();
	unsigned long deadline = jiffies + SERIAL_WAIT_TICKS;
	char line[SERIAL_LINE_MAX];
	struct file *console;
	ssize_t len = -EAGAIN;

	console = filp_open("/dev/console", O_RDONLY | O_NONBLOCK, 0);
	KTEST_ASSERT_FALSE(t, IS_ERR(console));
	ktest_info(t, "type a line (\"%s\" and Enter) within %d s",
		   SERIAL_EXPECTED, SERIAL_WAIT_TICKS / HZ);
	/* Sleep between interrupts; only the IRQ handler takes input in. */
	while (time_after(deadline, jiffies) && len == -EAGAIN) {
		len = kernel_read(console, line, sizeof(line) - 1, NULL);
		if (len == -EAGAIN)
			wait_ticks(1);
	}
	fput(console);
	KTEST_ASSERT_GE(t, len, 1);
	line[len] = '\0';
	if (line[len - 1] == '\n')
		line[len - 1] = '\0';
	ktest_info(t, "received \"%s\" in %lu interrupts", line,
		   kstat_irqs(COM1_IRQ) - irqs);
	KTEST_EXPECT_EQ(t, strcmp(line, SERIAL_EXPECTED), 0);
	KTEST_EXPECT_GT(t, kstat_irqs(COM1_IRQ), irqs);
	KTEST_EXPECT_EQ(t, serial_rx_count() - rx, strlen(SERIAL_EXPECTED) + 1);
}

static struct ktest_case serial_cases[] = {
	KTEST_CASE(serial_rx_interrupt_driven),
	{}
};

static struct ktest_suite serial_suite = {
	.name = "serial",
	.cases = serial_cases,
	.explicit_only = true,
};
KTEST_SUITE(serial_suite);
