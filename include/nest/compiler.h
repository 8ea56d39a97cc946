/*
 * include/nest/compiler.h - annotations, as Linux's.
 *
 * __user marks a pointer that comes from user space: it must never be
 * dereferenced directly, only passed to copy_from_user() and friends
 * (include/nest/uaccess.h).  The compiler ignores it; it is for the reader
 * (and for Linux's sparse checker, which Nest does not run).
 */
#ifndef NEST_COMPILER_H
#define NEST_COMPILER_H

#define __user
#define __force

#define READ_ONCE(x)		(*(const volatile typeof(x) *)&(x))
#define WRITE_ONCE(x, v)	(*(volatile typeof(x) *)&(x) = (v))
#define barrier()		asm volatile("" : : : "memory")

#endif /* NEST_COMPILER_H */
