/*
 * user/lib/qsort.c - qsort(), as a heapsort: O(n log n) in the worst case,
 * no recursion and no extra memory, short enough to read in one sitting.
 * Like glibc's in effect but not in detail, it is not stable.
 */
#include <stdlib.h>

/* Swap two elements of @size bytes. */
static void swap_bytes(char *a, char *b, size_t size)
{
	while (size--) {
		char t = *a;

		*a++ = *b;
		*b++ = t;
	}
}

/*
 * Let element @root sink until the heap below it (elements up to @n - 1)
 * is a max-heap again: each parent compares >= its children.
 */
static void sift_down(char *base, size_t root, size_t n, size_t size,
		      int (*compar)(const void *, const void *))
{
	for (;;) {
		size_t child = 2 * root + 1;

		if (child >= n)
			return;
		if (child + 1 < n &&
		    compar(base + child * size, base + (child + 1) * size) < 0)
			child++;
		if (compar(base + root * size, base + child * size) >= 0)
			return;
		swap_bytes(base + root * size, base + child * size, size);
		root = child;
	}
}

/*
 * qsort - sort @nmemb elements of @size bytes at @base into ascending
 * order of @compar (which returns <0, 0 or >0, as strcmp does).
 */
void qsort(void *base, size_t nmemb, size_t size,
	   int (*compar)(const void *, const void *))
{
	char *b = base;
	size_t i;

	if (nmemb < 2 || !size)
		return;
	/* Build the heap: the largest element ends up at index 0. */
	for (i = nmemb / 2; i-- > 0;)
		sift_down(b, i, nmemb, size, compar);
	/* Move the largest to the end, shrink the heap, repeat. */
	for (i = nmemb - 1; i > 0; i--) {
		swap_bytes(b, b + i * size, size);
		sift_down(b, 0, i, size, compar);
	}
}
