/*
 * tests/ktest/serial_test.c - the `serial` suite: input on COM1 arrives by
 * interrupt (IRQ 4) into the receive buffer that serial_getc() drains.
 *
 * It needs someone at the other end of the line, so it runs only when
 * named (ktest=serial), and tests/boot_tests.py's "serial-input" run types
 * the line when this test asks for it.
 */
#include <nest/ktest.h>
#include <nest/console.h>
#include <nest/interrupt.h>
#include <nest/jiffies.h>
#include <nest/string.h>

#define SERIAL_WAIT_TICKS	(10 * HZ)
#define SERIAL_LINE_MAX		32
#define SERIAL_EXPECTED		"ping nest"

static void serial_rx_interrupt_driven(struct ktest *t)
{
	unsigned long irqs = kstat_irqs(COM1_IRQ), rx = serial_rx_count();
	unsigned long deadline = jiffies + SERIAL_WAIT_TICKS;
	char line[SERIAL_LINE_MAX];
	unsigned int len = 0;

	ktest_info(t, "type a line (\"%s\" and Enter) within %d s",
		   SERIAL_EXPECTED, SERIAL_WAIT_TICKS / HZ);
	/* Sleep between interrupts; only the IRQ handler fills the buffer. */
	while (time_after(deadline, jiffies) && len < sizeof(line) - 1) {
		int c = serial_getc();

		if (c < 0) {
			wait_ticks(1);
			continue;
		}
		if (c == '\r' || c == '\n')
			break;
		line[len++] = (char)c;
	}
	line[len] = '\0';
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
