/* sys/mman.h - mmap() and munmap() (mman.c); PROT_* and MAP_* from <uapi/mman.h>. */
#ifndef _SYS_MMAN_H
#define _SYS_MMAN_H

#include <sys/types.h>
#include <uapi/mman.h>

#define MAP_ANON	MAP_ANONYMOUS

void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset);
int munmap(void *addr, size_t length);

#endif /* _SYS_MMAN_H */
