/*
 * fs/initramfs.c - unpacking the initramfs into the root ramfs at boot
 * (Linux's init/initramfs.c).
 *
 * The initramfs is a cpio archive in the "newc" format, handed over by
 * the boot loader as multiboot module 0.  Each member is a 110-byte ASCII
 * header (the magic "070701", then 13 fields of 8 hex digits), its name
 * (namesize bytes with the NUL), padding to a multiple of 4, its data
 * (filesize bytes), padding to 4.  The member called "TRAILER!!!" ends an
 * archive; zero bytes between archives are skipped, as Linux does.
 *
 * Directories, regular files and character devices are created with
 * their modes.  Symlinks, FIFOs, block devices and sockets are skipped
 * with a warning.  A member that cannot be created is skipped with a
 * warning; a malformed archive stops the unpacking with an error message,
 * and whatever was unpacked before it stays.  unpack_to_rootfs() works on
 * any buffer and any directory, so the tests can feed it bad archives.
 *
 * populate_rootfs() also makes /dev/console, /dev/null and /dev/zero,
 * which an archive built without root privileges cannot contain.
 */
#include <nest/fs.h>
#include <nest/fault-inject.h>
#include <nest/setup.h>
#include <nest/mm.h>
#include <nest/string.h>
#include <nest/printk.h>
#include <nest/errno.h>
#include <uapi/fcntl.h>

#define CPIO_HDR_LEN	110		/* magic + 13 * 8 hex digits */
#define CPIO_MAGIC_LEN	6
#define CPIO_FIELDS	13
#define CPIO_TRAILER	"TRAILER!!!"

/* The header fields, in archive order. */
enum cpio_field {
	C_INO, C_MODE, C_UID, C_GID, C_NLINK, C_MTIME, C_FILESIZE,
	C_MAJ, C_MIN, C_RMAJ, C_RMIN, C_NAMESIZE, C_CHKSUM,
};

/* Parse 8 hex digits at @s into *@val; false if any is not a hex digit. */
static bool parse_hex8(const char *s, unsigned long *val)
{
	unsigned long v = 0;
	int i;

	for (i = 0; i < 8; i++) {
		char c = s[i];
		unsigned int d;

		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			return false;
		v = (v << 4) | d;
	}
	*val = v;
	return true;
}

/* Give the existing @name the permission bits of @mode (Linux: chmod). */
static void set_mode(struct fs_struct *fs, const char *name, umode_t mode)
{
	struct dentry *dentry;

	if (kern_path(fs, name, 0, &dentry))
		return;
	dentry->d_inode->i_mode = (dentry->d_inode->i_mode & S_IFMT) | (mode & S_IALLUGO);
	dput(dentry);
}

/*
 * If @name exists with a type other than @mode's, remove it so the member
 * can take its place (Linux's clean_path()).  A non-empty directory stays,
 * and the member then fails to be created.
 */
static void clean_path(struct fs_struct *fs, const char *name, umode_t mode)
{
	struct dentry *dentry;
	umode_t old;

	if (kern_path(fs, name, 0, &dentry))
		return;
	old = dentry->d_inode->i_mode;
	dput(dentry);
	if ((old & S_IFMT) == (mode & S_IFMT))
		return;
	if (S_ISDIR(old))
		do_rmdir(fs, name);
	else
		do_unlinkat(fs, name);
}

/* A regular file member: create (or truncate) it and write its data. */
static int unpack_file(struct fs_struct *fs, const char *name, umode_t mode,
		       const char *data, unsigned long size)
{
	struct file *file;
	ssize_t written;
	loff_t pos = 0;

	file = do_filp_open(fs, name, O_WRONLY | O_CREAT | O_TRUNC, mode);
	if (IS_ERR(file))
		return PTR_ERR(file);
	written = kernel_write(file, data, size, &pos);
	fput(file);
	if (written < 0)
		return written;
	if ((unsigned long)written != size)
		return -ENOSPC;
	set_mode(fs, name, mode);	/* an existing file keeps its old mode otherwise */
	return 0;
}

/* Create the member @name of type and mode @mode; warn if it cannot be. */
static void unpack_member(struct fs_struct *fs, const char *name, umode_t mode,
			  const char *data, unsigned long size, dev_t rdev)
{
	int err;

	clean_path(fs, name, mode);
	switch (mode & S_IFMT) {
	case S_IFDIR:
		err = do_mkdirat(fs, name, mode);
		if (err == -EEXIST) {
			set_mode(fs, name, mode);
			err = 0;
		}
		break;
	case S_IFREG:
		err = unpack_file(fs, name, mode, data, size);
		break;
	case S_IFCHR:
		err = do_mknodat(fs, name, mode, rdev);
		break;
	default:
		pr_warn("initramfs: %s: type %06o not supported, skipped\n",
			name, mode & S_IFMT);
		return;
	}
	if (err)
		pr_warn("initramfs: %s: cannot create (error %d), skipped\n", name, err);
}

/*
 * unpack_to_rootfs - unpack the newc cpio archive(s) in @buf (@len bytes)
 * into directory @root: member names are taken relative to it, and ".."
 * and "/" cannot leave it.  Returns NULL on success, or a message saying
 * what is wrong with the archive (Linux returns its error this way too);
 * members before the fault stay unpacked.  Never reads outside @buf.
 */
const char *unpack_to_rootfs(const char *buf, unsigned long len, struct dentry *root)
{
	struct fs_struct fs = { .users = 1, .umask = 0, .root = root, .pwd = root };
	unsigned long off = 0;

	while (off < len) {
		unsigned long f[CPIO_FIELDS], data_off, namesize, filesize;
		const char *hdr = buf + off, *name;
		int i;

		/* Zero padding (after a trailer, or between archives). */
		if (!hdr[0] && !(off & 3)) {
			unsigned long n = min(len - off, 4UL);

			if (memchr_inv(hdr, 0, n))
				return "junk within padding";
			off += n;
			continue;
		}
		if (len - off < CPIO_HDR_LEN)
			return "truncated header";
		if (memcmp(hdr, "070701", CPIO_MAGIC_LEN) &&
		    memcmp(hdr, "070702", CPIO_MAGIC_LEN))
			return "no cpio magic";
		for (i = 0; i < CPIO_FIELDS; i++)
			if (!parse_hex8(hdr + CPIO_MAGIC_LEN + 8 * i, &f[i]))
				return "bad header field";
		namesize = f[C_NAMESIZE];
		filesize = f[C_FILESIZE];
		if (namesize == 0 || namesize > PATH_MAX)
			return "bad name size";
		if (namesize > len - off - CPIO_HDR_LEN)
			return "name runs past the end";
		name = hdr + CPIO_HDR_LEN;
		if (name[namesize - 1] != '\0')
			return "name not terminated";
		data_off = ALIGN(off + CPIO_HDR_LEN + namesize, 4);
		if (data_off > len || filesize > len - data_off)
			return "data runs past the end";
		off = min(ALIGN(data_off + filesize, 4), len);
		if (!strcmp(name, CPIO_TRAILER))
			continue;
		unpack_member(&fs, name, f[C_MODE], buf + data_off, filesize,
			      MKDEV(f[C_RMAJ], f[C_RMIN]));
	}
	return NULL;
}

/* The device nodes every system needs, whatever the archive had. */
static const struct {
	const char *name;
	umode_t mode;
	dev_t dev;
} default_nodes[] = {
	{ "/dev/console", S_IFCHR | 0600, MKDEV(5, 1) },
	{ "/dev/null", S_IFCHR | 0666, MKDEV(1, 3) },
	{ "/dev/zero", S_IFCHR | 0666, MKDEV(1, 5) },
	{ "/dev/fail-nth", S_IFCHR | 0666, MKDEV(FAIL_NTH_MAJOR, FAIL_NTH_MINOR) },
};

/*
 * populate_rootfs - unpack boot module 0, if there is one, into the root,
 * then make /dev and its nodes.  Problems are logged, never fatal: init
 * may still be able to run.  Called once by start_kernel() after
 * vfs_caches_init().
 */
void populate_rootfs(void)
{
	struct fs_struct fs = { .users = 1, .umask = 0, .root = init_fs.root,
				.pwd = init_fs.root };
	unsigned int i;
	int err;

	if (boot_params.nr_modules) {
		const struct boot_module *m = &boot_params.modules[0];
		const char *msg = unpack_to_rootfs(__va(m->start), m->end - m->start,
						   init_fs.root);

		if (msg)
			pr_err("Initramfs unpacking failed: %s\n", msg);
		else
			pr_info("initramfs: unpacked %lu bytes\n",
				(unsigned long)(m->end - m->start));
		/*
		 * Every file's data was copied into ramfs pages (kernel_write),
		 * so the image is no longer needed, even after a failure: as
		 * Linux does, give its ~7 MB back.
		 */
		free_initrd_mem(m->start, m->end);
	} else {
		pr_info("initramfs: no boot module, starting with an empty root\n");
	}
	err = do_mkdirat(&fs, "/dev", 0755);
	if (err && err != -EEXIST)
		pr_err("initramfs: cannot create /dev (error %d)\n", err);
	for (i = 0; i < ARRAY_SIZE(default_nodes); i++) {
		err = do_mknodat(&fs, default_nodes[i].name, default_nodes[i].mode,
				 default_nodes[i].dev);
		if (err && err != -EEXIST)
			pr_err("initramfs: cannot create %s (error %d)\n",
			       default_nodes[i].name, err);
	}
}
