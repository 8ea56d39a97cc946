/*
 * user/lib/mman.c - memory mappings: mmap() over mmap2 (192), whose offset
 * is in pages so that 32-bit programs can map beyond 4 GiB, and munmap().
 */
#include <errno.h>
#include <sys/mman.h>
#include "libc.h"
#include "syscall_i386.h"

/*
 * mmap - map @length bytes at @addr (a hint unless MAP_FIXED) with @prot
 * and @flags, from @fd at byte @offset (which must be page-aligned), or
 * anonymous memory with MAP_ANONYMOUS and fd -1.  Returns the address, or
 * MAP_FAILED with errno set.
 */
void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset)
{
	if (offset % PAGE_SIZE) {
		errno = EINVAL;
		return MAP_FAILED;
	}
	return (void *)syscall6(__NR_mmap2, addr, length, prot, flags, fd,
				(unsigned long)offset / PAGE_SIZE);
}

/* munmap - remove the mappings in [@addr, @addr + @length).  Returns 0 or -1. */
int munmap(void *addr, size_t length)
{
	return syscall2(__NR_munmap, addr, length);
}
