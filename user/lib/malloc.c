/*
 * user/lib/malloc.c - malloc(), free(), calloc(), realloc().
 *
 * A first-fit allocator with one free list, in the manner of K&R's
 * (section 8.7), over memory from sbrk() (brk.c):
 *
 *   - Every block starts with a struct block header: its size (header
 *     included, a multiple of ALIGN) and a magic number saying whether it
 *     is free, in use, or mmap()ed.  The caller's memory follows the
 *     header, so it is ALIGN-aligned.
 *   - Free blocks are on a singly linked list sorted by address.  malloc()
 *     takes the first block that is big enough and splits off the rest if
 *     the rest can hold a block; free() puts the block back in address
 *     order and merges it with the neighbours it touches, so free memory
 *     does not crumble into pieces (coalescing).
 *   - When nothing fits, the heap grows by at least HEAP_GROW bytes; the
 *     new memory goes through free() and so merges with a free block at
 *     the old end of the heap.  If the break cannot move (a mapping is in
 *     the way, or the kernel has no brk), the memory comes from an
 *     anonymous mapping instead: the free list does not mind where its
 *     blocks are, it only merges the ones that touch.
 *   - Requests of MMAP_THRESHOLD bytes or more get their own anonymous
 *     mapping, and free() unmaps it, so big buffers go back to the system.
 *
 * The magic numbers catch a free() of a pointer malloc() never returned,
 * or a second free() of the same block: the program aborts with a message
 * rather than corrupting the list.  Not thread-safe: Nest's libc has no
 * threads.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "libc.h"

#define ALIGN		16		/* alignment of what malloc() returns */
#define HEAP_GROW	(64 * 1024)	/* least the heap grows by */
#define MMAP_THRESHOLD	(128 * 1024)	/* from here on, one mapping per block */

#define MAGIC_FREE	0xf4eeb10c
#define MAGIC_USED	0x05edb10c
#define MAGIC_MMAP	0x3aab10c0

struct block {
	size_t size;		/* bytes, this header included */
	unsigned int magic;	/* MAGIC_FREE, MAGIC_USED or MAGIC_MMAP */
	struct block *next;	/* the next free block by address (free only) */
	unsigned int pad;	/* makes the header ALIGN bytes */
};

_Static_assert(sizeof(struct block) == ALIGN, "header must keep alignment");

/* The smallest block worth splitting off: a header and ALIGN bytes. */
#define MIN_BLOCK	(sizeof(struct block) + ALIGN)

static struct block *free_list;		/* sorted by address */

static size_t align_up(size_t n, size_t a)
{
	return (n + a - 1) & ~(a - 1);
}

static struct block *header_of(void *ptr)
{
	return (struct block *)ptr - 1;
}

static void *payload_of(struct block *b)
{
	return b + 1;
}

/* A bad pointer or a second free: say so and stop, as glibc does. */
__attribute__((noreturn)) static void heap_corrupt(const char *what)
{
	fprintf(stderr, "%s\n", what);
	abort();
}

/*
 * Put free block @b on the list in address order and merge it with the
 * block just before and just after it if they touch.
 */
static void insert_free(struct block *b)
{
	struct block *prev = NULL, *cur = free_list;

	while (cur && cur < b) {
		prev = cur;
		cur = cur->next;
	}
	b->magic = MAGIC_FREE;
	b->next = cur;
	if (cur && (char *)b + b->size == (char *)cur) {
		b->size += cur->size;
		b->next = cur->next;
	}
	if (prev && (char *)prev + prev->size == (char *)b) {
		prev->size += b->size;
		prev->next = b->next;
	} else if (prev) {
		prev->next = b;
	} else {
		free_list = b;
	}
}

/* Get at least @need more bytes of heap and free them in; 0 or -1 (ENOMEM). */
static int grow_heap(size_t need)
{
	size_t len = need < HEAP_GROW ? HEAP_GROW : need;
	uintptr_t cur = (uintptr_t)sbrk(0);
	size_t pad = align_up(cur, ALIGN) - cur;
	char *p;

	/* The first break may not be aligned: waste a few bytes to align it. */
	p = sbrk(pad + len);
	if (p != (void *)-1) {
		p += pad;
	} else {
		len = align_up(len, PAGE_SIZE);
		p = mmap(NULL, len, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED)
			return -1;
	}
	((struct block *)p)->size = len;
	insert_free((struct block *)p);
	return 0;
}

/* Take a block of @size bytes (header included) from the free list, or NULL. */
static struct block *take_free(size_t size)
{
	struct block *prev = NULL, *b;

	for (b = free_list; b; prev = b, b = b->next) {
		if (b->size < size)
			continue;
		if (b->size - size >= MIN_BLOCK) {
			/* Split: the front is returned, the tail stays free. */
			struct block *rest = (struct block *)((char *)b + size);

			rest->size = b->size - size;
			rest->magic = MAGIC_FREE;
			rest->next = b->next;
			b->size = size;
			b->next = rest;
		}
		if (prev)
			prev->next = b->next;
		else
			free_list = b->next;
		b->magic = MAGIC_USED;
		return b;
	}
	return NULL;
}

/* A block of its own mapping for a large request of @size bytes. */
static void *malloc_mmap(size_t size)
{
	size_t len = align_up(size, PAGE_SIZE);
	struct block *b = mmap(NULL, len, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (b == MAP_FAILED)
		return NULL;
	b->size = len;
	b->magic = MAGIC_MMAP;
	return payload_of(b);
}

/*
 * malloc - @size bytes of memory aligned to ALIGN (16) bytes, or NULL
 * with errno ENOMEM.  malloc(0) returns a unique pointer that free() accepts.
 */
void *malloc(size_t size)
{
	struct block *b;
	size_t need;

	if (size > SIZE_MAX - PAGE_SIZE - sizeof(struct block)) {
		errno = ENOMEM;
		return NULL;
	}
	need = align_up(size + sizeof(struct block), ALIGN);
	if (need >= MMAP_THRESHOLD)
		return malloc_mmap(need);
	b = take_free(need);
	if (!b) {
		if (grow_heap(need))
			return NULL;
		b = take_free(need);
	}
	return payload_of(b);
}

/*
 * free - give back memory from malloc(), calloc() or realloc().  NULL is
 * ignored.  Anything else that is not a live allocation aborts the program.
 */
void free(void *ptr)
{
	struct block *b;

	if (!ptr)
		return;
	if ((uintptr_t)ptr % ALIGN)
		heap_corrupt("free(): invalid pointer");
	b = header_of(ptr);
	if (b->magic == MAGIC_MMAP) {
		munmap(b, b->size);
		return;
	}
	if (b->magic != MAGIC_USED)
		heap_corrupt(b->magic == MAGIC_FREE ? "free(): double free detected" :
			     "free(): invalid pointer");
	insert_free(b);
}

/* calloc - zeroed memory for @nmemb items of @size bytes; NULL (ENOMEM) on overflow. */
void *calloc(size_t nmemb, size_t size)
{
	void *p;

	if (size && nmemb > SIZE_MAX / size) {
		errno = ENOMEM;
		return NULL;
	}
	p = malloc(nmemb * size);
	if (p)
		memset(p, 0, nmemb * size);
	return p;
}

/*
 * realloc - resize @ptr's allocation to @size bytes, keeping its contents
 * up to the smaller size.  @ptr NULL: malloc(@size).  @size 0: free(@ptr)
 * and return NULL.  Shrinking a heap block splits it in place; growing
 * allocates, copies and frees.  On failure the old block is untouched and
 * NULL comes back (ENOMEM).
 */
void *realloc(void *ptr, size_t size)
{
	struct block *b;
	size_t have, need;
	void *p;

	if (!ptr)
		return malloc(size);
	if (!size) {
		free(ptr);
		return NULL;
	}
	b = header_of(ptr);
	if ((uintptr_t)ptr % ALIGN ||
	    (b->magic != MAGIC_USED && b->magic != MAGIC_MMAP))
		heap_corrupt("realloc(): invalid pointer");
	have = b->size - sizeof(struct block);
	if (size <= SIZE_MAX - PAGE_SIZE - sizeof(struct block)) {
		need = align_up(size + sizeof(struct block), ALIGN);
		if (b->magic == MAGIC_USED && need <= b->size) {
			if (b->size - need >= MIN_BLOCK) {
				struct block *rest = (struct block *)((char *)b + need);

				rest->size = b->size - need;
				b->size = need;
				insert_free(rest);
			}
			return ptr;
		}
	}
	p = malloc(size);
	if (!p)
		return NULL;
	memcpy(p, ptr, have < size ? have : size);
	free(ptr);
	return p;
}
