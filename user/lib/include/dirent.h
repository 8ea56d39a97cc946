/*
 * dirent.h - reading directories (dirent.c) over getdents64 (220).  The
 * DT_* types are <uapi/fcntl.h>'s.
 */
#ifndef _DIRENT_H
#define _DIRENT_H

#include <sys/types.h>
#include <limits.h>
#include <uapi/fcntl.h>

struct dirent {
	unsigned long long d_ino;
	long long d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[NAME_MAX + 1];
};

typedef struct __DIR DIR;	/* opaque; see dirent.c */

DIR *opendir(const char *path);
struct dirent *readdir(DIR *dir);
int closedir(DIR *dir);
int dirfd(DIR *dir);

#endif /* _DIRENT_H */
