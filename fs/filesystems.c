/*
 * fs/filesystems.c - the list of file system types mount() knows (Linux's
 * fs/filesystems.c): register_filesystem() at boot, get_fs_type() by
 * name.  procfs registers itself (fs/proc/root.c); the root ramfs is not
 * a type one can mount (fs/ramfs.c makes the one root at boot).
 */
#include <nest/fs.h>
#include <nest/mount.h>
#include <nest/string.h>
#include <nest/errno.h>

static struct file_system_type *file_systems;

/*
 * register_filesystem - make @fs mountable by its name.  Returns 0, or
 * -EBUSY if a type of that name is already there.  Boot time.
 */
int register_filesystem(struct file_system_type *fs)
{
	struct file_system_type **p;

	for (p = &file_systems; *p; p = &(*p)->next)
		if (!strcmp((*p)->name, fs->name))
			return -EBUSY;
	fs->next = NULL;
	*p = fs;
	return 0;
}

/* get_fs_type - the type called @name, or NULL. */
struct file_system_type *get_fs_type(const char *name)
{
	struct file_system_type *fs;

	for (fs = file_systems; fs; fs = fs->next)
		if (!strcmp(fs->name, name))
			return fs;
	return NULL;
}
