/*
 * include/nest/fs_types.h - the virtual file system's data structures, with
 * Linux's names: struct inode, struct dentry, struct file, the operation
 * tables, a process's file table (files_struct) and cwd (fs_struct), the
 * pipe, and the iov_iter that carries a read or write buffer.
 *
 *   inode    a file itself: its type and mode, size, data, operations
 *   dentry   a name for an inode in a directory; the directory tree is a
 *            tree of dentries (ramfs keeps nothing else, as in Linux)
 *   file     an open file: position, flags, operations; fds point here
 *
 * include/nest/fs.h declares the functions; fs/ implements them.
 */
#ifndef NEST_FS_TYPES_H
#define NEST_FS_TYPES_H

#include <nest/types.h>
#include <nest/compiler.h>
#include <nest/list.h>
#include <nest/wait.h>
#include <nest/limits.h>		/* PATH_MAX 4096, NAME_MAX 255 */
#include <uapi/ioctls.h>		/* TCGETS, FIONREAD, ... */
#include <uapi/termbits.h>		/* struct termios */

typedef long long loff_t;
typedef unsigned short umode_t;
typedef unsigned int fmode_t;
typedef u32 dev_t;

/*
 * The open file limit.  Linux's hard cap NR_OPEN is far larger; what a
 * process meets is RLIMIT_NOFILE, whose default soft limit (INR_OPEN_CUR)
 * is 1024: fds 0..1023 exist and the 1025th open fails with EMFILE.  Nest
 * has no rlimits, so this is the limit.
 */
#define NR_OPEN		1024
#define BITS_PER_LONG	(8 * sizeof(long))
/* Fds in the table every files_struct starts with, before any expansion. */
#define NR_OPEN_DEFAULT	BITS_PER_LONG

/* Largest file offset without O_LARGEFILE (Linux's MAX_NON_LFS); Nest's cap. */
#define MAX_NON_LFS	((1LL << 31) - 1)

/* The file type in i_mode, Linux's values (include/uapi/linux/stat.h). */
#define S_IFMT		00170000
#define S_IFSOCK	0140000
#define S_IFLNK		0120000
#define S_IFREG		0100000
#define S_IFBLK		0060000
#define S_IFDIR		0040000
#define S_IFCHR		0020000
#define S_IFIFO		0010000
#define S_ISUID		0004000
#define S_ISGID		0002000
#define S_ISVTX		0001000
#define S_IRWXU		00700
#define S_IRUSR		00400
#define S_IWUSR		00200
#define S_IXUSR		00100

#define S_ISREG(m)	(((m) & S_IFMT) == S_IFREG)
#define S_ISDIR(m)	(((m) & S_IFMT) == S_IFDIR)
#define S_ISCHR(m)	(((m) & S_IFMT) == S_IFCHR)
#define S_ISBLK(m)	(((m) & S_IFMT) == S_IFBLK)
#define S_ISFIFO(m)	(((m) & S_IFMT) == S_IFIFO)
#define S_ISLNK(m)	(((m) & S_IFMT) == S_IFLNK)
#define S_ISSOCK(m)	(((m) & S_IFMT) == S_IFSOCK)

#define S_IRWXUGO	00777
#define S_IALLUGO	07777
#define S_IRUGO		00444
#define S_IXUGO		00111

/* access() modes (include/uapi/linux/fcntl.h: F_OK, R_OK...). */
#define F_OK		0
#define X_OK		1
#define W_OK		2
#define R_OK		4

/*
 * Device numbers as Linux keeps them inside the kernel: 12 bits of major,
 * 20 of minor.  Only character devices exist in Nest (fs/char_dev.c).
 */
#define MINORBITS	20
#define MINORMASK	((1U << MINORBITS) - 1)
#define MAJOR(dev)	((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev)	((unsigned int)((dev) & MINORMASK))
#define MKDEV(ma, mi)	(((dev_t)(ma) << MINORBITS) | (dev_t)(mi))

struct inode;
struct dentry;
struct file;
struct dir_context;
struct iov_iter;
struct pipe_inode_info;
struct page;
struct pid;
struct proc_fs_info;
struct proc_entry;

/*
 * What a file can do; any member may be NULL.  Every function returns a
 * count or a negative errno.  read_iter/write_iter move bytes between the
 * file at *ppos and the buffer described by the iov_iter (user or kernel
 * memory; see below), and advance *ppos.  Linux passes the file and the
 * position in a struct kiocb; Nest passes them directly.
 */
struct file_operations {
	loff_t (*llseek)(struct file *file, loff_t offset, int whence);
	ssize_t (*read_iter)(struct file *file, struct iov_iter *to, loff_t *ppos);
	ssize_t (*write_iter)(struct file *file, struct iov_iter *from, loff_t *ppos);
	/* Directories: call ctx->actor for each entry from ctx->pos on. */
	int (*iterate_shared)(struct file *file, struct dir_context *ctx);
	long (*unlocked_ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
	int (*open)(struct inode *inode, struct file *file);
	int (*release)(struct inode *inode, struct file *file);
};

/*
 * What a directory inode can do to its names.  @dentry is a new, unlinked
 * dentry under @dir carrying the name; on success the operation attaches
 * an inode to it and links it in (d_add).  unlink/rmdir take a linked one.
 *
 * lookup is for a file system whose names are not all in the dcache
 * (procfs): the walk calls it when d_lookup() finds nothing.  It gives
 * @dentry an inode (d_instantiate() or d_add()) and returns NULL, or
 * returns ERR_PTR(-ENOENT) for a name that does not exist (Nest keeps no
 * negative dentries, so "not there" is an error, unlike Linux).
 *
 * get_link is a symbolic link's target: it writes up to @buflen bytes
 * (no NUL) into @buf and returns the length, or -errno.  The walk follows
 * it; readlink() copies it out (Linux splits this into get_link and
 * readlink).
 */
struct inode_operations {
	struct dentry *(*lookup)(struct inode *dir, struct dentry *dentry, unsigned int flags);
	int (*get_link)(struct dentry *dentry, char *buf, int buflen);
	int (*create)(struct inode *dir, struct dentry *dentry, umode_t mode);
	int (*mkdir)(struct inode *dir, struct dentry *dentry, umode_t mode);
	int (*mknod)(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev);
	int (*unlink)(struct inode *dir, struct dentry *dentry);
	int (*rmdir)(struct inode *dir, struct dentry *dentry);
	/* Change the size of a regular file (O_TRUNC, do_truncate()). */
	int (*setsize)(struct inode *inode, loff_t size);
	/* Free the inode's data at the last iput() (Linux: super_operations). */
	void (*evict_inode)(struct inode *inode);
};

/* inode->i_flags */
#define S_DEAD		0x0001	/* a removed directory: nothing can be created in it */

/*
 * struct inode - one file.  Referenced by the dentry that names it and by
 * every struct file open on it; freed at the last iput() (fs/inode.c).
 */
struct inode {
	umode_t i_mode;			/* S_IF* type | permission bits */
	unsigned int i_flags;		/* S_DEAD */
	unsigned long i_ino;		/* unique number (d_ino in getdents) */
	unsigned int i_nlink;		/* names, plus "." and subdirs' ".." */
	int i_count;			/* references; evicted at 0 */
	loff_t i_size;			/* bytes in a regular file */
	dev_t i_rdev;			/* a device node's device */
	const struct inode_operations *i_op;
	const struct file_operations *i_fop;	/* copied to file->f_op at open */
	union {
		struct {		/* a ramfs regular file (fs/ramfs.c) */
			struct page **i_pages;	/* page i holds bytes i*4096.. */
			unsigned long i_pages_max;	/* length of i_pages[] */
		};
		struct pipe_inode_info *i_pipe;	/* a pipe (fs/pipe.c) */
		struct {		/* a /proc file (fs/proc/) */
			struct proc_fs_info *fs_info;	/* its mount's: the pid namespace */
			struct pid *pid;	/* /proc/PID/...: the process (referenced) */
			const struct proc_entry *entry;	/* which file it is */
		} i_proc;
	};
	void *i_private;		/* for the file system's use */
};

/* Names up to this long live inside the dentry; longer ones are kmalloc'd. */
#define DNAME_INLINE_LEN	40

/*
 * struct dentry - a name in the tree.  A directory's entries are its child
 * dentries on d_subdirs, in creation order.  Linux's ramfs keeps its whole
 * directory tree in the dcache the same way; Nest leaves out the hash table
 * and the caching of names that do not exist.
 *
 * References: the parent's d_subdirs list holds one on every linked child,
 * each child holds one on its parent (so a removed cwd still finds ".."),
 * and cwds and open files hold theirs.  A dentry owns one reference on its
 * inode.  d_delete() unlinks a name; the dentry lives on (DCACHE_UNLINKED)
 * until its last dput().
 */
struct dentry {
	int d_count;
	unsigned int d_flags;		/* DCACHE_* */
	struct inode *d_inode;		/* NULL until d_add() */
	struct dentry *d_parent;	/* the root's parent is itself */
	struct list_head d_child;	/* in d_parent->d_subdirs */
	struct list_head d_subdirs;	/* our children, in creation order */
	/*
	 * The entry's position in its parent's listing (getdents), and the
	 * next position a child of ours gets.  Positions only grow, so a
	 * directory read continues correctly when entries come and go.
	 */
	loff_t d_off;
	loff_t d_next_off;
	unsigned int d_name_len;
	const char *d_name;		/* d_iname or a kmalloc'd copy */
	char d_iname[DNAME_INLINE_LEN];
};

#define DCACHE_UNLINKED	0x0001	/* removed from its directory */
/*
 * Made by a file system's lookup and never put on its directory's list:
 * freed at its last dput(), so the next walk asks the file system again
 * (procfs, whose /proc/PID come and go with the processes; Linux frees such
 * dentries through d_op->d_delete and DCACHE_DONTCACHE).
 */
#define DCACHE_DONTCACHE	0x0002
/* A directory with a file system mounted on it (fs/namespace.c). */
#define DCACHE_MOUNTED	0x0004

/* The first position a directory's children get; 0 is ".", 1 is "..". */
#define DIR_FIRST_CHILD_OFF	2

/* file->f_mode */
#define FMODE_READ	0x1
#define FMODE_WRITE	0x2

/*
 * struct file - an open file, shared by every fd that dup() made from one
 * open() and by fork.  Freed at the last fput().
 */
struct file {
	int f_count;			/* fds and in-flight syscalls using it */
	unsigned int f_flags;		/* O_* as opened, less O_CREAT etc.; F_SETFL */
	fmode_t f_mode;			/* FMODE_READ | FMODE_WRITE */
	loff_t f_pos;
	struct inode *f_inode;		/* referenced */
	struct dentry *f_dentry;	/* referenced; NULL for pipes */
	const struct file_operations *f_op;
	void *private_data;		/* the driver's (pipe: its pipe_inode_info) */
};

/* A directory walk: iterate_shared() calls @actor for each entry. */
typedef bool (*filldir_t)(struct dir_context *ctx, const char *name, int namelen,
			  loff_t next_off, u64 ino, unsigned int d_type);

struct dir_context {
	filldir_t actor;		/* false: stop, keep this entry for later */
	loff_t pos;			/* the next entry to give */
};

/*
 * struct iovec - one user buffer of readv()/writev(), Linux i386's layout
 * (include/uapi/linux/uio.h).
 */
struct iovec {
	void __user *iov_base;
	size_t iov_len;
};

#define UIO_MAXIOV	1024	/* most segments readv()/writev() take */

/*
 * struct iov_iter - the buffer of a read or write (lib/iov_iter.c in
 * Linux): user memory (ITER_IOVEC: read(), readv()) or kernel memory
 * (ITER_KVEC: kernel_read(), the tests).  File code copies with
 * copy_to_iter()/copy_from_iter() and never needs to know which.
 */
enum iter_type {
	ITER_IOVEC,
	ITER_KVEC,
};

struct kvec {
	void *iov_base;
	size_t iov_len;
};

struct iov_iter {
	enum iter_type iter_type;
	union {
		const struct iovec *iov;	/* ITER_IOVEC segments */
		const struct kvec *kvec;	/* ITER_KVEC segments */
	};
	unsigned long nr_segs;		/* segments left, the current one included */
	size_t iov_offset;		/* bytes used of the current segment */
	size_t count;			/* bytes left in all segments */
};

/*
 * struct fdtable - the fd array and its two bitmaps: which fds are taken
 * (open_fds: set from alloc_fd() on, before the file is installed) and
 * which close on exec.  Grown by expand_files() up to NR_OPEN.
 */
struct fdtable {
	unsigned int max_fds;
	struct file **fd;		/* max_fds entries */
	unsigned long *close_on_exec;
	unsigned long *open_fds;
};

/*
 * struct files_struct - a process's file table, shared by CLONE_FILES
 * tasks.  It starts with the embedded NR_OPEN_DEFAULT-entry table, as in
 * Linux, so a small process needs no extra allocation.
 */
struct files_struct {
	int count;			/* tasks sharing it */
	struct fdtable *fdt;		/* &fdtab, or an expanded table */
	struct fdtable fdtab;
	unsigned int next_fd;		/* no free fd below this */
	unsigned long close_on_exec_init[1];
	unsigned long open_fds_init[1];
	struct file *fd_array[NR_OPEN_DEFAULT];
};

/*
 * struct fs_struct - where a process's path names start (root for "/x",
 * pwd for "x") and its umask; shared by CLONE_FS tasks.  The path walk
 * takes one explicitly, so a test or the initramfs unpacker can walk
 * inside a scratch directory (fs/namei.c).
 */
struct fs_struct {
	int users;
	umode_t umask;
	struct dentry *root, *pwd;	/* referenced */
};

/*
 * Pipes (fs/pipe.c), as Linux's since 5.5: a ring of PIPE_DEF_BUFFERS
 * buffers, each a page with the bytes at [offset, offset + len).  head and
 * tail count buffers forever; a slot is index & (PIPE_DEF_BUFFERS - 1).
 */
#define PIPE_BUF		4096	/* writes up to this size are atomic */
#define PIPE_DEF_BUFFERS	16	/* 16 pages: 65536 bytes, Linux's default */

struct pipe_buffer {
	struct page *page;
	unsigned int offset, len;
};

struct pipe_inode_info {
	wait_queue_head_t rd_wait;	/* readers wait for data or no writers */
	wait_queue_head_t wr_wait;	/* writers wait for room or no readers */
	unsigned int head;		/* the next buffer to fill */
	unsigned int tail;		/* the next buffer to read */
	unsigned int readers;		/* open files with FMODE_READ */
	unsigned int writers;		/* open files with FMODE_WRITE */
	unsigned int files;		/* struct files on it; freed at 0 */
	struct page *tmp_page;		/* a drained page kept for the next write */
	struct pipe_buffer bufs[PIPE_DEF_BUFFERS];
};

/*
 * The console's line discipline (fs/n_tty.c), Linux's n_tty.  Input bytes
 * go into a ring of N_TTY_BUF_SIZE; three counters that only grow (the
 * slot is counter & (N_TTY_BUF_SIZE - 1)) split it:
 *
 *   read_tail .. canon_head   finished lines, waiting for read()
 *   canon_head .. read_head   the line being typed (and edited)
 *
 * The last byte of each finished line has its bit set in read_flags: a
 * '\n', a NUL standing for an end of file (Ctrl-D), which read() does
 * not return, or whatever byte was last when ICANON was turned on (what
 * was typed until then is "pushed" as a line, as in Linux).  In
 * non-canonical mode (ICANON clear) there are no lines: everything from
 * read_tail to read_head can be read, and canon_head stays at read_tail.
 */
#define N_TTY_BUF_SIZE	4096

struct n_tty_data {
	unsigned char read_buf[N_TTY_BUF_SIZE];
	unsigned long read_flags[N_TTY_BUF_SIZE / BITS_PER_LONG];
	size_t read_head, canon_head, read_tail;
	struct termios termios;		/* the modes (TCGETS, TCSETS) */
	void (*echo)(const char *s, size_t len);	/* show typed input */
	void (*isig)(int sig);		/* Ctrl-C, Ctrl-\, Ctrl-Z: signal the reader */
};

#endif /* NEST_FS_TYPES_H */
