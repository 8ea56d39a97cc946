/*
 * user/lib/errno.c - errno, set by every failing wrapper (through
 * __syscall_ret() in syscall.c) and by library functions.
 */
#include <errno.h>

int errno;
