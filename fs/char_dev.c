/*
 * fs/char_dev.c - character devices: which driver a device node's number
 * means (Linux's fs/char_dev.c, with a small table for Linux's cdev map).
 *
 * A device node's inode carries its device number (i_rdev) and
 * def_chr_fops; opening it looks the number up here and swaps the file's
 * operations for the driver's, as Linux's chrdev_open() does.  Drivers:
 * fs/mem.c (/dev/null 1:3, /dev/zero 1:5), fs/tty.c (/dev/console 5:1).
 */
#include <nest/fs.h>
#include <nest/errno.h>
#include <nest/printk.h>

/* Registered devices: enough for the drivers Nest has. */
#define MAX_CHRDEVS	8

static struct char_device_struct {
	dev_t dev;
	const char *name;
	const struct file_operations *fops;
} chrdevs[MAX_CHRDEVS];
static unsigned int nr_chrdevs;

/*
 * register_chrdev - @fops drive character device @dev (one major:minor;
 * Linux registers whole ranges).  Returns 0, -EBUSY if @dev is taken,
 * -ENOSPC if the table is full.  Boot time.
 */
int register_chrdev(dev_t dev, const char *name, const struct file_operations *fops)
{
	unsigned int i;

	for (i = 0; i < nr_chrdevs; i++)
		if (chrdevs[i].dev == dev)
			return -EBUSY;
	if (nr_chrdevs == MAX_CHRDEVS) {
		pr_err("chrdev: no room for %s\n", name);
		return -ENOSPC;
	}
	chrdevs[nr_chrdevs].dev = dev;
	chrdevs[nr_chrdevs].name = name;
	chrdevs[nr_chrdevs].fops = fops;
	nr_chrdevs++;
	return 0;
}

/* Open a device node: the driver's operations, then its open; -ENXIO if none. */
static int chrdev_open(struct inode *inode, struct file *filp)
{
	unsigned int i;

	for (i = 0; i < nr_chrdevs; i++) {
		if (chrdevs[i].dev == inode->i_rdev) {
			filp->f_op = chrdevs[i].fops;
			return filp->f_op->open ? filp->f_op->open(inode, filp) : 0;
		}
	}
	return -ENXIO;
}

static const struct file_operations def_chr_fops = {
	.open = chrdev_open,
};

/* Block devices, FIFOs and sockets cannot be opened in Nest. */
static int bad_special_open(struct inode *inode, struct file *filp)
{
	return -ENXIO;
}

static const struct file_operations bad_special_fops = {
	.open = bad_special_open,
};

/*
 * init_special_inode - make @inode a device node (or FIFO, socket) of
 * @mode; @rdev is the device of a character device.
 */
void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev)
{
	inode->i_mode = mode;
	if (S_ISCHR(mode)) {
		inode->i_fop = &def_chr_fops;
		inode->i_rdev = rdev;
	} else {
		inode->i_fop = &bad_special_fops;
	}
}
