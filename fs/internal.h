/*
 * fs/internal.h - what the files of fs/ share among themselves and no one
 * else needs (as Linux's fs/internal.h): the state of a path walk and the
 * steps of it that the calls built on the walk take one at a time.
 *
 * fs/namei.c does the walk; fs/namei_syscalls.c (mknod, mkdir, rmdir,
 * unlink) and fs/open.c (do_filp_open) walk to the parent of a name and
 * then look up, create or remove its last component themselves.  Code
 * outside fs/ walks with kern_path() (include/nest/fs.h) instead.
 */
#ifndef FS_INTERNAL_H
#define FS_INTERNAL_H

#include <nest/fs.h>

/* What the last component of a name is (Linux's LAST_* values). */
enum { LAST_NORM, LAST_ROOT, LAST_DOT, LAST_DOTDOT };

/* The state of one walk. */
struct nameidata {
	struct fs_struct *fs;		/* its root bounds ".." */
	struct dentry *dentry;		/* where we are: a directory, referenced */
	const char *last;		/* the last component, inside the name */
	unsigned int last_len;
	int last_type;			/* LAST_* */
	unsigned int flags;		/* LOOKUP_DIRECTORY: a trailing slash; LOOKUP_FOLLOW */
	unsigned int depth;		/* symlinks being followed inside each other */
	unsigned int total_links;	/* symlinks followed in this walk */
};

/* fs/namei.c */
/*
 * Walk to the directory holding @name's last component, which is left in
 * nd->last (nd->dentry referenced on success, NULL on an error).
 */
int path_parentat(struct fs_struct *fs, const char *name, struct nameidata *nd);
/* Step through the last component: nd->dentry becomes what it names. */
int lookup_last(struct nameidata *nd);
/* The child @name of @dir, referenced, or ERR_PTR (-ENOENT...). */
struct dentry *lookup_one(struct dentry *dir, const char *name, unsigned int len);
/* A new negative dentry for the last component, to create (or ERR_PTR). */
struct dentry *filename_create(struct nameidata *nd, bool is_dir);

#endif /* FS_INTERNAL_H */
