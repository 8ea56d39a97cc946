/*
 * include/nest/types.h - fixed-width integer types and a few compiler helpers.
 *
 * The kernel is freestanding: it includes no libc header except the ones GCC
 * itself ships for freestanding use (<stddef.h>, <stdint.h>, <stdbool.h>,
 * <stdarg.h>).  The names follow Linux (u8 ... u64, size_t, bool).
 *
 * This header also compiles on the host, so that host unit tests can build
 * pure-logic files such as mm/slab.c and mm/buddy.c unchanged.
 */
#ifndef NEST_TYPES_H
#define NEST_TYPES_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdarg.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;

/* A physical address.  i386 without PAE has 32-bit physical addresses. */
typedef u32 phys_addr_t;

#ifndef __ssize_t_defined
typedef long ssize_t;
#endif

#define __packed	__attribute__((packed))
#define __aligned(x)	__attribute__((aligned(x)))
#define __section(s)	__attribute__((section(s)))
#define __used		__attribute__((used))
#define __unused	__attribute__((unused))
#define __noreturn	__attribute__((noreturn))
#define __printf(a, b)	__attribute__((format(printf, a, b)))
#ifndef __always_inline
#define __always_inline	inline __attribute__((always_inline))
#endif
#define __noinline	__attribute__((noinline))
/* A definition another may override, or a reference that may stay 0 (Linux's). */
#define __weak		__attribute__((weak))

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* Round x up or down to a multiple of a, which must be a power of two. */
#define ALIGN(x, a)		(((x) + ((a) - 1)) & ~((typeof(x))(a) - 1))
#define ALIGN_DOWN(x, a)	((x) & ~((typeof(x))(a) - 1))
#define IS_ALIGNED(x, a)	(((x) & ((typeof(x))(a) - 1)) == 0)
#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))

#define min(a, b)	((a) < (b) ? (a) : (b))
#define max(a, b)	((a) > (b) ? (a) : (b))
/* @val limited to [@lo, @hi] (Linux's clamp(); the arguments are evaluated twice). */
#define clamp(val, lo, hi)	min(max(val, lo), hi)

/* The address of the structure that contains @ptr as its field @member. */
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

#define STRINGIFY_1(x)	#x
#define STRINGIFY(x)	STRINGIFY_1(x)

#endif /* NEST_TYPES_H */
