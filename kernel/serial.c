/*
 * kernel/serial.c - the COM1 serial port (a 16550A UART), the console that
 * tests and `make run` read.
 *
 * Output is polled: wait until the transmit holding register is empty, then
 * write the byte.  That is slow but works from any context, even from a
 * panic with interrupts off.  Input is interrupt driven: the UART raises
 * IRQ 4 when a byte arrives, and the handler moves it into a ring buffer
 * that serial_getc() drains, then has the console's line discipline take
 * it from there (console_receive_input in fs/tty.c), so a typed ^C
 * signals even while no one reads.
 */
#include <nest/console.h>
#include <nest/fs.h>
#include <nest/interrupt.h>
#include <nest/io.h>
#include <nest/irqflags.h>
#include <nest/printk.h>
#include <nest/wait.h>
#include <nest/sched.h>

#define COM1_BASE	0x3F8
#define UART_RX		0	/* receive buffer (read) */
#define UART_TX		0	/* transmit holding (write) */
#define UART_DLL	0	/* divisor latch low, when DLAB is set */
#define UART_IER	1	/* interrupt enable */
#define UART_DLM	1	/* divisor latch high, when DLAB is set */
#define UART_FCR	2	/* FIFO control */
#define UART_LCR	3	/* line control */
#define UART_MCR	4	/* modem control */
#define UART_LSR	5	/* line status */

#define UART_IER_RDI	0x01	/* interrupt when data is received */
#define UART_LCR_8N1	0x03
#define UART_LCR_DLAB	0x80
#define UART_FCR_ENABLE	0xC7	/* enable and clear FIFOs, 14-byte trigger */
#define UART_MCR_DTR_RTS_OUT2 0x0B /* OUT2 gates the IRQ line on a PC */
#define UART_LSR_DR	0x01	/* data ready */
#define UART_LSR_THRE	0x20	/* transmit holding register empty */

#define BAUD_BASE	115200
#define BAUD		115200
#define TX_SPIN_LIMIT	100000	/* give up on a stuck UART rather than hang */

#define RX_BUF_SIZE	256	/* a power of two */

/* Readers of the console sleep here; the receive interrupt wakes them. */
DECLARE_WAIT_QUEUE_HEAD(serial_rx_wait);

static struct {
	unsigned char buf[RX_BUF_SIZE];
	unsigned int head, tail;	/* head: next write; tail: next read */
	unsigned long received, dropped;
} rx;

void serial_init(void)
{
	unsigned int divisor = BAUD_BASE / BAUD;

	outb(0, COM1_BASE + UART_IER);
	outb(UART_LCR_DLAB, COM1_BASE + UART_LCR);
	outb(divisor & 0xFF, COM1_BASE + UART_DLL);
	outb(divisor >> 8, COM1_BASE + UART_DLM);
	outb(UART_LCR_8N1, COM1_BASE + UART_LCR);
	outb(UART_FCR_ENABLE, COM1_BASE + UART_FCR);
	outb(UART_MCR_DTR_RTS_OUT2, COM1_BASE + UART_MCR);
}

static void serial_putc(char c)
{
	int spins = TX_SPIN_LIMIT;

	while (!(inb(COM1_BASE + UART_LSR) & UART_LSR_THRE) && --spins)
		;
	outb(c, COM1_BASE + UART_TX);
}

void serial_write(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		/* A terminal wants CR LF; the kernel writes LF. */
		if (s[i] == '\n')
			serial_putc('\r');
		serial_putc(s[i]);
	}
}

static irqreturn_t serial_interrupt(int irq, void *dev_id)
{
	bool any = false;

	(void)irq;
	(void)dev_id;
	/* Drain the FIFO: one interrupt may stand for many bytes. */
	while (inb(COM1_BASE + UART_LSR) & UART_LSR_DR) {
		unsigned char c = inb(COM1_BASE + UART_RX);

		any = true;
		rx.received++;
		if (rx.head - rx.tail == RX_BUF_SIZE) {
			rx.dropped++;
			continue;
		}
		rx.buf[rx.head++ % RX_BUF_SIZE] = c;
	}
	if (any) {
		console_receive_input();	/* on to the line discipline (fs/tty.c) */
		wake_up(&serial_rx_wait);
	}
	/*
	 * Nothing waiting is no stray interrupt: a byte that arrived while
	 * the loop above ran raised the (edge-triggered) line again, and
	 * the loop took it already.  Bursts of typed input do that.
	 */
	return IRQ_HANDLED;
}

void serial_enable_rx_irq(void)
{
	if (request_irq(COM1_IRQ, serial_interrupt, 0, "serial", NULL)) {
		pr_err("serial: cannot get IRQ %d\n", COM1_IRQ);
		return;
	}
	outb(UART_IER_RDI, COM1_BASE + UART_IER);
}

int serial_getc(void)
{
	unsigned long flags;
	int c = -1;

	local_irq_save(flags);
	if (rx.head != rx.tail)
		c = rx.buf[rx.tail++ % RX_BUF_SIZE];
	local_irq_restore(flags);
	return c;
}

unsigned long serial_rx_count(void)
{
	return rx.received;
}
