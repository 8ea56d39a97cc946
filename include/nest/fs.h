/*
 * include/nest/fs.h - the virtual file system as the rest of the kernel
 * sees it.  The fs/ folder implements it; Linux's names throughout.
 *
 * This header is the contract between the process code (kernel/fork.c,
 * kernel/exit.c, kernel/exec.c, kernel/main.c) and fs/.  The structures
 * below are fs/'s to extend; the functions are what the process code calls.
 */
#ifndef NEST_FS_H
#define NEST_FS_H

#include <nest/types.h>
#include <nest/compiler.h>

typedef long long loff_t;
typedef unsigned short umode_t;

struct file;
struct inode;
struct files_struct;
struct fs_struct;
struct task_struct;

/* The root file system and the console, at boot (kernel/main.c calls these in order). */
void vfs_caches_init(void);		/* slab caches, mount the root ramfs */
void populate_rootfs(void);		/* unpack the initramfs (boot module 0) into / */
int console_on_rootfs(void);		/* open /dev/console as fds 0, 1, 2 of current */

/* The init task's file table and cwd, to which kernel threads also point. */
extern struct files_struct init_files;
extern struct fs_struct init_fs;

/*
 * fork: give @tsk its own copy of current's file table / cwd, or share them
 * (CLONE_FILES / CLONE_FS).  0 or -ENOMEM.
 */
int copy_files(unsigned long clone_flags, struct task_struct *tsk);
int copy_fs(unsigned long clone_flags, struct task_struct *tsk);

/* exit: drop @tsk's references; the last one closes every file. */
void exit_files(struct task_struct *tsk);
void exit_fs(struct task_struct *tsk);

/* execve: close the O_CLOEXEC descriptors. */
void do_close_on_exec(struct files_struct *files);

/*
 * execve: open @name for execution: a regular file, else ERR_PTR(-EACCES);
 * a missing one gives ERR_PTR(-ENOENT).  Read it with kernel_read(); drop
 * it with fput().
 */
struct file *open_exec(const char *name);
ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos);
ssize_t kernel_write(struct file *file, const void *buf, size_t count, loff_t *pos);
struct file *filp_open(const char *filename, int flags, umode_t mode);
void fput(struct file *file);
loff_t i_size_read_file(struct file *file);

/* ======================================================================
 * Below: fs/'s own interface, shared by the files of fs/ and their tests.
 * The structures are in fs_types.h.
 * ====================================================================== */
#include <nest/fs_types.h>

/* The most bytes one read or write moves (Linux's MAX_RW_COUNT). */
#define MAX_RW_COUNT	0x7ffff000UL	/* INT_MAX rounded down to a page */
/* readv/writev segments kept on the stack before kmalloc (Linux's). */
#define UIO_FASTIOV	8

/* Path walk flags (Linux's values). */
#define LOOKUP_FOLLOW		0x0001	/* follow a symbolic link in the last component */
#define LOOKUP_DIRECTORY	0x0002	/* the last component must be a directory */

/* Symbolic links: most followed in one walk, and most nested (Linux's limits). */
#define MAXSYMLINKS		40
#define MAX_NESTED_LINKS	8

static inline bool d_is_dir(const struct dentry *dentry)
{
	return S_ISDIR(dentry->d_inode->i_mode);
}

static inline bool d_is_symlink(const struct dentry *dentry)
{
	return S_ISLNK(dentry->d_inode->i_mode);
}

/* Is @dentry the root of a file system (the tree's, or a mounted one's)? */
#define IS_ROOT(dentry)	((dentry) == (dentry)->d_parent)

/* Was @dentry's name removed (unlink, rmdir)?  The root never is. */
static inline bool d_unlinked(const struct dentry *dentry)
{
	return dentry->d_flags & DCACHE_UNLINKED;
}

#define IS_DEADDIR(inode)	((inode)->i_flags & S_DEAD)

static inline struct file *get_file(struct file *f)
{
	f->f_count++;
	return f;
}

/* fs/iov_iter.c */
void iov_iter_init(struct iov_iter *i, const struct iovec *iov,
		   unsigned long nr_segs, size_t count);
void iov_iter_kvec(struct iov_iter *i, const struct kvec *kvec,
		   unsigned long nr_segs, size_t count);
size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i);
size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i);
size_t iov_iter_zero(size_t bytes, struct iov_iter *i);
ssize_t import_iovec(const struct iovec __user *uvec, unsigned long nr_segs,
		     struct iovec *fast, struct iovec **iovp, struct iov_iter *i);

static inline size_t iov_iter_count(const struct iov_iter *i)
{
	return i->count;
}

/* fs/inode.c */
void inode_init(void);
unsigned long get_next_ino(void);
struct inode *new_inode(void);
void ihold(struct inode *inode);
void iput(struct inode *inode);

/* fs/dcache.c */
struct kmem_cache;
extern struct kmem_cache *names_cachep;
struct dentry *d_alloc(struct dentry *parent, const char *name, unsigned int len);
struct dentry *d_make_root(struct inode *root_inode);
void d_add(struct dentry *dentry, struct inode *inode);
void d_instantiate(struct dentry *dentry, struct inode *inode);
void d_delete(struct dentry *dentry);
struct dentry *dget(struct dentry *dentry);
void dput(struct dentry *dentry);
struct dentry *d_lookup(const struct dentry *parent, const char *name, unsigned int len);

/* fs/libfs.c */
extern const struct file_operations simple_dir_operations;
unsigned int dt_type(umode_t mode);
int dcache_readdir(struct file *file, struct dir_context *ctx);
loff_t dcache_dir_lseek(struct file *file, loff_t offset, int whence);
ssize_t generic_read_dir(struct file *file, struct iov_iter *to, loff_t *ppos);
bool simple_empty(const struct dentry *dentry);
int simple_unlink(struct inode *dir, struct dentry *dentry);
int simple_rmdir(struct inode *dir, struct dentry *dentry);

/* fs/ramfs.c */
extern const struct file_operations ramfs_file_operations;
struct inode *ramfs_get_inode(umode_t mode, dev_t dev);
void mnt_init(void);

/* fs/char_dev.c, fs/mem.c */
int register_chrdev(dev_t dev, const char *name, const struct file_operations *fops);
void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev);
void chr_dev_init(void);

/* fs/file_table.c */
void files_init(void);
struct file *alloc_file(struct dentry *dentry, struct inode *inode,
			unsigned int flags, const struct file_operations *fop);
void put_filp(struct file *file);

/* fs/file.c */
void files_cache_init(void);
int expand_files(struct files_struct *files, unsigned int nr);
int alloc_fd(struct files_struct *files, unsigned int start, unsigned int flags);
int get_unused_fd_flags(unsigned int flags);
void put_unused_fd(unsigned int fd);
void __fd_install(struct files_struct *files, unsigned int fd, struct file *file);
void fd_install(unsigned int fd, struct file *file);
struct file *fget(unsigned int fd);
int __close_fd(struct files_struct *files, unsigned int fd);
int close_fd(unsigned int fd);
bool get_close_on_exec(unsigned int fd);
void set_close_on_exec(unsigned int fd, bool flag);
int f_dupfd(unsigned int from, struct file *file, unsigned int flags);
int ksys_dup3(unsigned int oldfd, unsigned int newfd, int flags);
struct files_struct *dup_fd(struct files_struct *oldf, int *errorp);
void put_files_struct(struct files_struct *files);

/* fs/fs_struct.c */
void fs_cache_init(void);
void set_fs_pwd(struct fs_struct *fs, struct dentry *dentry);
struct fs_struct *copy_fs_struct(struct fs_struct *old);
void free_fs_struct(struct fs_struct *fs);
struct fs_struct *current_fs(void);

/*
 * fs/namei.c, fs/namei_syscalls.c, fs/stat.c and fs/open.c: each walk is
 * in an explicit fs_struct; names are kernel strings.
 */
char *getname(const char __user *filename);
void putname(char *name);
int kern_path(struct fs_struct *fs, const char *name, unsigned int flags,
	      struct dentry **res);
int do_mknodat(struct fs_struct *fs, const char *name, umode_t mode, dev_t dev);
int do_mkdirat(struct fs_struct *fs, const char *name, umode_t mode);
int do_rmdir(struct fs_struct *fs, const char *name);
int do_unlinkat(struct fs_struct *fs, const char *name);
int do_readlinkat(struct fs_struct *fs, const char *name, char *buf, int bufsiz);

/* fs/open.c */
int do_truncate(struct inode *inode, loff_t length);
struct file *dentry_open(struct dentry *dentry, int flags);
struct file *do_filp_open(struct fs_struct *fs, const char *name, int flags, umode_t mode);
long do_sys_open(struct fs_struct *fs, const char *filename, int flags, umode_t mode);
int do_faccessat(struct fs_struct *fs, const char *name, int mode);
int do_chdir(struct fs_struct *fs, const char *name);

/* fs/read_write.c */
ssize_t vfs_read(struct file *file, struct iov_iter *iter, loff_t *pos);
ssize_t vfs_write(struct file *file, struct iov_iter *iter, loff_t *pos);
loff_t vfs_setpos(struct file *file, loff_t offset, loff_t maxsize);
loff_t vfs_llseek(struct file *file, loff_t offset, int whence);
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence);
loff_t no_llseek(struct file *file, loff_t offset, int whence);

/* fs/readdir.c, fs/d_path.c */
int iterate_dir(struct file *file, struct dir_context *ctx);
long do_getdents64(struct file *file, struct iov_iter *iter);
long do_getcwd(struct fs_struct *fs, char *buf, size_t size);

/* fs/pipe.c */
extern const struct file_operations pipefifo_fops;
int create_pipe_files(struct file **res, int flags);
int do_pipe_flags(int *fd, int flags);

/* fs/n_tty.c, fs/tty.c: the console */
void n_tty_init(struct n_tty_data *ldata, void (*echo)(const char *, size_t),
		void (*isig)(int sig));
extern const struct termios tty_std_termios;
void n_tty_receive_char(struct n_tty_data *ldata, unsigned char c);
void n_tty_set_termios(struct n_tty_data *ldata, const struct termios *t);
void n_tty_flush_input(struct n_tty_data *ldata);
bool n_tty_input_available(const struct n_tty_data *ldata);
size_t n_tty_read(struct n_tty_data *ldata, char *buf, size_t nr, bool *eol);
void tty_init(void);
void console_receive_input(void);
void console_interrupt(int sig);

/* fs/proc/root.c: register the proc file system (vfs_caches_init()). */
void proc_root_init(void);

/* fs/initramfs.c */
const char *unpack_to_rootfs(const char *buf, unsigned long len, struct dentry *root);

/* The system calls the in-kernel tests call directly (fd arguments only). */
long sys_close(unsigned int fd);
long sys_dup(unsigned int fildes);
long sys_dup2(unsigned int oldfd, unsigned int newfd);
long sys_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg);
long sys_lseek(unsigned int fd, long offset, unsigned int whence);

#endif /* NEST_FS_H */
