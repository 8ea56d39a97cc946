/*
 * kernel/vga.c - the VGA text console: 80x25 characters at physical
 * 0xB8000, reached through the direct map.  Each cell is a character byte
 * and an attribute byte.  Scrolls when the last line is full and moves the
 * hardware cursor through the CRT controller.
 */
#include <nest/console.h>
#include <nest/io.h>
#include <nest/layout.h>
#include <nest/string.h>

#define VGA_ATTR	0x07	/* light grey on black */
#define VGA_TAB_WIDTH	8
#define CRTC_INDEX	0x3D4
#define CRTC_DATA	0x3D5
#define CRTC_CURSOR_HI	0x0E
#define CRTC_CURSOR_LO	0x0F

static u16 *const vga_mem = (u16 *)(KERNEL_VIRT_BASE + VGA_TEXT_PHYS);
static unsigned int row, col;

static inline u16 vga_cell(char c)
{
	return (u16)(unsigned char)c | (VGA_ATTR << 8);
}

static void vga_move_cursor(void)
{
	unsigned int pos = row * VGA_COLS + col;

	outb(CRTC_CURSOR_HI, CRTC_INDEX);
	outb(pos >> 8, CRTC_DATA);
	outb(CRTC_CURSOR_LO, CRTC_INDEX);
	outb(pos & 0xFF, CRTC_DATA);
}

static void vga_scroll(void)
{
	unsigned int i;

	memmove(vga_mem, vga_mem + VGA_COLS,
		(VGA_ROWS - 1) * VGA_COLS * sizeof(u16));
	for (i = 0; i < VGA_COLS; i++)
		vga_mem[(VGA_ROWS - 1) * VGA_COLS + i] = vga_cell(' ');
	row = VGA_ROWS - 1;
}

void vga_init(void)
{
	unsigned int i;

	for (i = 0; i < VGA_ROWS * VGA_COLS; i++)
		vga_mem[i] = vga_cell(' ');
	row = col = 0;
	vga_move_cursor();
}

void vga_write(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		char c = s[i];

		if (c == '\n') {
			col = 0;
			row++;
		} else if (c == '\r') {
			col = 0;
		} else if (c == '\b') {
			if (col > 0)
				col--;
		} else if (c == '\t') {
			col = ALIGN(col + 1, VGA_TAB_WIDTH);
		} else {
			vga_mem[row * VGA_COLS + col++] = vga_cell(c);
		}
		if (col >= VGA_COLS) {
			col = 0;
			row++;
		}
		if (row >= VGA_ROWS)
			vga_scroll();
	}
	vga_move_cursor();
}
