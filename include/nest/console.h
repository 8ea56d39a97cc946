/*
 * include/nest/console.h - where kernel output goes.
 *
 * printk() writes every message it shows to each registered console: the
 * COM1 serial port (kernel/serial.c), which is what tests read, and the VGA
 * text screen (kernel/vga.c).  Serial input arrives by interrupt into a
 * small buffer that the shell will read.
 */
#ifndef NEST_CONSOLE_H
#define NEST_CONSOLE_H

#include <nest/types.h>

void serial_init(void);
void serial_write(const char *s, size_t len);
/* Turn on the receive interrupt; call after the IDT and the PIC are set up. */
void serial_enable_rx_irq(void);
/* The next received byte, or -1 if none is waiting.  Safe from any context. */
int serial_getc(void);
/* Woken by the receive interrupt whenever bytes arrive (fs/tty.c sleeps on it). */
struct wait_queue_head;
extern struct wait_queue_head serial_rx_wait;
/* Bytes received since boot, and bytes dropped because the buffer was full. */
unsigned long serial_rx_count(void);

/* The VGA text screen: 80x25 cells of (character, attribute) at 0xB8000. */
#define VGA_TEXT_PHYS	0xB8000UL
#define VGA_COLS	80
#define VGA_ROWS	25

void vga_init(void);
void vga_write(const char *s, size_t len);

/* Write to every console, bypassing the log level (used by printk). */
void console_write(const char *s, size_t len);

#endif /* NEST_CONSOLE_H */
