/*
 * fs/file.c - a process's file table: the fd array, allocating the lowest
 * free fd, close-on-exec, dup/dup2, and the table's life through fork,
 * exec and exit (Linux's fs/file.c).
 *
 * A files_struct starts with an embedded table of NR_OPEN_DEFAULT fds;
 * expand_files() moves it to a bigger kmalloc'd one (doubling) when an fd
 * past the end is needed, up to NR_OPEN.  Allocation is in two steps, as in
 * Linux: alloc_fd() reserves the number (its open_fds bit), fd_install()
 * puts the file there, so an open that fails half way can give the number
 * back with put_unused_fd().
 *
 * The process code calls copy_files(), exit_files(), do_close_on_exec();
 * the syscalls in fs/ call the rest.  Nothing here sleeps except fput() of
 * a last reference, whose release may wake others; the kernel is not
 * preemptible, so the table cannot change under us (Linux needs
 * files->file_lock and RCU here).
 */
#include <nest/fs.h>
#include <nest/sched.h>
#include <nest/slab.h>
#include <nest/string.h>
#include <nest/errno.h>
#include <nest/bug.h>
#include <nest/syscalls.h>
#include <uapi/fcntl.h>
#include <uapi/sched.h>

#define BITS_TO_LONGS(n)	DIV_ROUND_UP(n, BITS_PER_LONG)

static struct kmem_cache *files_cachep;

struct files_struct init_files = {
	.count = 1,
	.fdt = &init_files.fdtab,
	.fdtab = {
		.max_fds = NR_OPEN_DEFAULT,
		.fd = &init_files.fd_array[0],
		.close_on_exec = init_files.close_on_exec_init,
		.open_fds = init_files.open_fds_init,
	},
};

/* ---- bitmaps of fds ---- */

static inline bool test_bit(unsigned int nr, const unsigned long *map)
{
	return map[nr / BITS_PER_LONG] & (1UL << (nr % BITS_PER_LONG));
}

static inline void __set_bit(unsigned int nr, unsigned long *map)
{
	map[nr / BITS_PER_LONG] |= 1UL << (nr % BITS_PER_LONG);
}

static inline void __clear_bit(unsigned int nr, unsigned long *map)
{
	map[nr / BITS_PER_LONG] &= ~(1UL << (nr % BITS_PER_LONG));
}

/* The first clear bit at or after @start, or @size if none. */
static unsigned int find_next_zero_bit(const unsigned long *map, unsigned int size,
				       unsigned int start)
{
	unsigned int nr;

	for (nr = start; nr < size; nr++) {
		if (nr % BITS_PER_LONG == 0 && map[nr / BITS_PER_LONG] == ~0UL) {
			nr += BITS_PER_LONG - 1;	/* a full word */
			continue;
		}
		if (!test_bit(nr, map))
			return nr;
	}
	return size;
}

/* One past the highest open fd, rounded up to a whole bitmap word. */
static unsigned int count_open_files(const struct fdtable *fdt)
{
	unsigned int i = BITS_TO_LONGS(fdt->max_fds);

	while (i > 0 && !fdt->open_fds[i - 1])
		i--;
	return i * BITS_PER_LONG;
}

/* files_cache_init - make the files_struct cache (vfs_caches_init()). */
void files_cache_init(void)
{
	files_cachep = kmem_cache_create("files_cache", sizeof(struct files_struct),
					 0, SLAB_PANIC, NULL);
}

/* ---- the table and its growth ---- */

static void free_fdtable(struct fdtable *fdt)
{
	kfree(fdt->fd);
	kfree(fdt->open_fds);		/* both bitmaps, one allocation */
	kfree(fdt);
}

/* A zeroed table for at least @nr fds: a power of two, at most NR_OPEN. */
static struct fdtable *alloc_fdtable(unsigned int nr)
{
	unsigned int max_fds = NR_OPEN_DEFAULT, words;
	struct fdtable *fdt;

	while (max_fds < nr)
		max_fds *= 2;
	if (max_fds > NR_OPEN)
		max_fds = NR_OPEN;
	words = BITS_TO_LONGS(max_fds);
	fdt = kmalloc(sizeof(*fdt), GFP_KERNEL);
	if (!fdt)
		return NULL;
	fdt->max_fds = max_fds;
	fdt->fd = kzalloc(max_fds * sizeof(struct file *), GFP_KERNEL);
	fdt->open_fds = kzalloc(2 * words * sizeof(unsigned long), GFP_KERNEL);
	if (!fdt->fd || !fdt->open_fds) {
		free_fdtable(fdt);
		return NULL;
	}
	fdt->close_on_exec = fdt->open_fds + words;
	return fdt;
}

/* Copy the first @count fds (a multiple of BITS_PER_LONG) of @ofdt to @nfdt. */
static void copy_fd_bitmaps_and_array(struct fdtable *nfdt, const struct fdtable *ofdt,
				      unsigned int count)
{
	memcpy(nfdt->fd, ofdt->fd, count * sizeof(struct file *));
	memcpy(nfdt->open_fds, ofdt->open_fds, count / 8);
	memcpy(nfdt->close_on_exec, ofdt->close_on_exec, count / 8);
}

/*
 * expand_files - make sure fd @nr fits in @files' table.  Returns 0 if it
 * already did, 1 if the table was grown, -EMFILE if @nr is past NR_OPEN,
 * -ENOMEM.  (The table pointer changes on 1: re-read files->fdt.)
 */
int expand_files(struct files_struct *files, unsigned int nr)
{
	struct fdtable *old = files->fdt, *new;

	if (nr < old->max_fds)
		return 0;
	if (nr >= NR_OPEN)
		return -EMFILE;
	new = alloc_fdtable(nr + 1);
	if (!new)
		return -ENOMEM;
	copy_fd_bitmaps_and_array(new, old, old->max_fds);
	files->fdt = new;
	if (old != &files->fdtab)
		free_fdtable(old);
	return 1;
}

/*
 * alloc_fd - reserve the lowest free fd >= @start in @files (the "lowest
 * free" rule POSIX requires of open, dup, pipe...), with close-on-exec if
 * @flags has O_CLOEXEC.  Returns the fd, -EMFILE when all NR_OPEN are
 * taken, or -ENOMEM.  fd_install() or put_unused_fd() must follow.
 */
int alloc_fd(struct files_struct *files, unsigned int start, unsigned int flags)
{
	struct fdtable *fdt = files->fdt;
	unsigned int fd = max(start, files->next_fd);
	int err;

	if (fd < fdt->max_fds)
		fd = find_next_zero_bit(fdt->open_fds, fdt->max_fds, fd);
	if (fd >= NR_OPEN)
		return -EMFILE;
	err = expand_files(files, fd);
	if (err < 0)
		return err;
	fdt = files->fdt;
	if (start <= files->next_fd)
		files->next_fd = fd + 1;
	__set_bit(fd, fdt->open_fds);
	if (flags & O_CLOEXEC)
		__set_bit(fd, fdt->close_on_exec);
	else
		__clear_bit(fd, fdt->close_on_exec);
	return fd;
}

/* get_unused_fd_flags - alloc_fd() from 0 in current's table. */
int get_unused_fd_flags(unsigned int flags)
{
	return alloc_fd(current->files, 0, flags);
}

/* Free fd @fd's number (no file in it any more). */
static void __put_unused_fd(struct files_struct *files, unsigned int fd)
{
	struct fdtable *fdt = files->fdt;

	__clear_bit(fd, fdt->open_fds);
	__clear_bit(fd, fdt->close_on_exec);
	if (fd < files->next_fd)
		files->next_fd = fd;
}

/* put_unused_fd - give back an fd from get_unused_fd_flags() never installed. */
void put_unused_fd(unsigned int fd)
{
	__put_unused_fd(current->files, fd);
}

/*
 * __fd_install - put @file (whose reference passes to the table) in the
 * reserved fd @fd of @files.  fd_install() does it in current's table.
 */
void __fd_install(struct files_struct *files, unsigned int fd, struct file *file)
{
	struct fdtable *fdt = files->fdt;

	BUG_ON(fd >= fdt->max_fds || !test_bit(fd, fdt->open_fds) || fdt->fd[fd]);
	fdt->fd[fd] = file;
}

void fd_install(unsigned int fd, struct file *file)
{
	__fd_install(current->files, fd, file);
}

/* The file at @fd in @files, without a new reference, or NULL. */
static struct file *files_lookup_fd(struct files_struct *files, unsigned int fd)
{
	struct fdtable *fdt = files->fdt;

	return fd < fdt->max_fds ? fdt->fd[fd] : NULL;
}

/*
 * fget - the file at @fd in current's table with a new reference (drop
 * it with fput()), or NULL if @fd is not open.  The reference keeps the
 * file alive while the caller sleeps, even if another thread closes @fd.
 */
struct file *fget(unsigned int fd)
{
	struct file *file;

	if (!current->files)
		return NULL;
	file = files_lookup_fd(current->files, fd);
	return file ? get_file(file) : NULL;
}

/*
 * __close_fd - close @fd in @files: 0, or -EBADF if it is not open.  The
 * file is released when its last fd and user are gone.
 */
int __close_fd(struct files_struct *files, unsigned int fd)
{
	struct file *file = files_lookup_fd(files, fd);

	if (!file)
		return -EBADF;
	files->fdt->fd[fd] = NULL;
	__put_unused_fd(files, fd);
	fput(file);
	return 0;
}

/* close_fd - __close_fd() in current's table. */
int close_fd(unsigned int fd)
{
	return current->files ? __close_fd(current->files, fd) : -EBADF;
}

/* get_close_on_exec / set_close_on_exec - fcntl's F_GETFD and F_SETFD. */
bool get_close_on_exec(unsigned int fd)
{
	return test_bit(fd, current->files->fdt->close_on_exec);
}

void set_close_on_exec(unsigned int fd, bool flag)
{
	struct fdtable *fdt = current->files->fdt;

	if (flag)
		__set_bit(fd, fdt->close_on_exec);
	else
		__clear_bit(fd, fdt->close_on_exec);
}

/*
 * do_dup2 - make @fd (inside the table) refer to @file, closing what was
 * there: dup2 and dup3.  Returns @fd, or -EBUSY if @fd is reserved by an
 * open still in progress (Linux's answer to that race).
 */
static int do_dup2(struct files_struct *files, struct file *file,
		   unsigned int fd, unsigned int flags)
{
	struct fdtable *fdt = files->fdt;
	struct file *tofree = fdt->fd[fd];

	if (!tofree && test_bit(fd, fdt->open_fds))
		return -EBUSY;
	fdt->fd[fd] = get_file(file);
	__set_bit(fd, fdt->open_fds);
	if (flags & O_CLOEXEC)
		__set_bit(fd, fdt->close_on_exec);
	else
		__clear_bit(fd, fdt->close_on_exec);
	fput(tofree);
	return fd;
}

/*
 * ksys_dup3 - dup3(): @newfd becomes a copy of @oldfd.  Errors, Linux's:
 * -EINVAL (@flags other than O_CLOEXEC, or @oldfd == @newfd), -EBADF
 * (@oldfd not open, @newfd past the limit), -EBUSY, -ENOMEM.
 */
int ksys_dup3(unsigned int oldfd, unsigned int newfd, int flags)
{
	struct files_struct *files = current->files;
	struct file *file;
	int err;

	if ((flags & ~O_CLOEXEC) != 0)
		return -EINVAL;
	if (oldfd == newfd)
		return -EINVAL;
	if (newfd >= NR_OPEN)
		return -EBADF;
	err = expand_files(files, newfd);
	file = files_lookup_fd(files, oldfd);
	if (!file)
		return -EBADF;
	if (err < 0)
		return err == -EMFILE ? -EBADF : err;
	return do_dup2(files, file, newfd, flags);
}

/*
 * dup2(oldfd, newfd): as dup3 without flags, except that dup2(fd, fd)
 * returns fd if it is open (-EBADF if not) and does nothing.
 */
SYSCALL_DEFINE2(dup2, unsigned int, oldfd, unsigned int, newfd)
{
	if (oldfd == newfd)
		return current->files && files_lookup_fd(current->files, oldfd) ?
		       (long)newfd : -EBADF;
	return ksys_dup3(oldfd, newfd, 0);
}

/*
 * f_dupfd - a new fd >= @from for @file (fcntl F_DUPFD and
 * F_DUPFD_CLOEXEC, dup): the fd, -EINVAL if @from is past the limit,
 * -EMFILE.
 */
int f_dupfd(unsigned int from, struct file *file, unsigned int flags)
{
	int fd;

	if (from >= NR_OPEN)
		return -EINVAL;
	fd = alloc_fd(current->files, from, flags);
	if (fd >= 0)
		fd_install(fd, get_file(file));
	return fd;
}

/* dup(fd): the lowest free fd, sharing fd's open file.  -EBADF, -EMFILE. */
SYSCALL_DEFINE1(dup, unsigned int, fildes)
{
	struct file *file = fget(fildes);
	int ret;

	if (!file)
		return -EBADF;
	ret = f_dupfd(0, file, 0);
	fput(file);
	return ret;
}

/* ---- the table's life: fork, exec, exit ---- */

/*
 * dup_fd - a copy of @oldf for fork: the same files at the same fds (each
 * with a new reference), the same close-on-exec bits.  An fd reserved but
 * not yet installed (an open in progress in another thread) is not
 * copied.  Returns the new table, or NULL with *@errorp = -ENOMEM.
 */
struct files_struct *dup_fd(struct files_struct *oldf, int *errorp)
{
	struct fdtable *old_fdt = oldf->fdt, *new_fdt;
	struct files_struct *newf;
	unsigned int open_files, i;

	*errorp = -ENOMEM;
	newf = kmem_cache_zalloc(files_cachep, GFP_KERNEL);
	if (!newf)
		return NULL;
	newf->count = 1;
	new_fdt = &newf->fdtab;
	new_fdt->max_fds = NR_OPEN_DEFAULT;
	new_fdt->fd = &newf->fd_array[0];
	new_fdt->close_on_exec = newf->close_on_exec_init;
	new_fdt->open_fds = newf->open_fds_init;
	open_files = count_open_files(old_fdt);
	if (open_files > NR_OPEN_DEFAULT) {
		new_fdt = alloc_fdtable(open_files);
		if (!new_fdt) {
			kmem_cache_free(files_cachep, newf);
			return NULL;
		}
	}
	newf->fdt = new_fdt;
	copy_fd_bitmaps_and_array(new_fdt, old_fdt, open_files);
	for (i = 0; i < open_files; i++) {
		if (new_fdt->fd[i])
			get_file(new_fdt->fd[i]);
		else
			__clear_bit(i, new_fdt->open_fds);
	}
	*errorp = 0;
	return newf;
}

/* Close every fd of a table nobody uses any more. */
static void close_files(struct files_struct *files)
{
	struct fdtable *fdt = files->fdt;
	unsigned int fd;

	for (fd = 0; fd < fdt->max_fds; fd++) {
		struct file *file = fdt->fd[fd];

		if (file) {
			fdt->fd[fd] = NULL;
			fput(file);
		}
	}
}

/*
 * put_files_struct - drop a reference to @files; the last one closes
 * every fd and frees the table.  init_files is never freed.
 */
void put_files_struct(struct files_struct *files)
{
	BUG_ON(files->count <= 0);
	if (--files->count)
		return;
	BUG_ON(files == &init_files);
	close_files(files);
	if (files->fdt != &files->fdtab)
		free_fdtable(files->fdt);
	kmem_cache_free(files_cachep, files);
}

/*
 * copy_files - fork's step for the file table: with CLONE_FILES @tsk
 * shares current's, else it gets a copy (dup_fd).  A task without a table
 * gives its child none.  Returns 0 or -ENOMEM.
 */
int copy_files(unsigned long clone_flags, struct task_struct *tsk)
{
	struct files_struct *oldf = current->files, *newf;
	int error = 0;

	if (!oldf)
		return 0;
	if (clone_flags & CLONE_FILES) {
		oldf->count++;
		tsk->files = oldf;
		return 0;
	}
	newf = dup_fd(oldf, &error);
	if (!newf)
		return error;
	tsk->files = newf;
	return 0;
}

/* exit_files - exit's step: @tsk lets go of its table.  Process context. */
void exit_files(struct task_struct *tsk)
{
	struct files_struct *files = tsk->files;

	if (files) {
		tsk->files = NULL;
		put_files_struct(files);
	}
}

/*
 * do_close_on_exec - execve's step: close every fd marked close-on-exec
 * (O_CLOEXEC, FD_CLOEXEC).  The caller makes sure the table is not shared
 * with a process that is not exec'ing (Linux's unshare_files()).
 */
void do_close_on_exec(struct files_struct *files)
{
	struct fdtable *fdt = files->fdt;
	unsigned int fd;

	for (fd = 0; fd < fdt->max_fds; fd++) {
		struct file *file;

		if (!test_bit(fd, fdt->close_on_exec))
			continue;
		file = fdt->fd[fd];
		__clear_bit(fd, fdt->close_on_exec);
		if (!file)
			continue;
		fdt->fd[fd] = NULL;
		__put_unused_fd(files, fd);
		fput(file);
	}
}
