/*
 * user/bin/libctest/strings.c - formatting and strings: printf's flags,
 * widths, precisions and lengths (64-bit included) against fixed
 * expected texts; the string functions, strtol/strtoul (bases, overflow),
 * atoi, qsort, strerror and strsignal.  Nothing here makes a system call
 * but the output itself.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "libctest.h"

void test_printf(void)
{
	static const struct {
		const char *fmt;
		long long val;
		const char *want;
	} cases[] = {
		{ "%d", -42, "-42" }, { "%5d|", 42, "   42|" }, { "%-5d|", 42, "42   |" },
		{ "%05d", -42, "-0042" }, { "%+d", 5, "+5" }, { "% d", 5, " 5" },
		{ "%.3d", 7, "007" }, { "%.0d", 0, "" }, { "%x", 255, "ff" },
		{ "%#X", 255, "0XFF" }, { "%#o", 8, "010" }, { "%#08x", 26, "0x00001a" },
		{ "%u", -1, "4294967295" }, { "%hhd", 257, "1" }, { "%hd", 65537, "1" },
		{ "%c", 'A', "A" },
	};
	char buf[64];
	unsigned int i;
	int n;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(buf, sizeof(buf), cases[i].fmt, (int)cases[i].val);
		check(!strcmp(buf, cases[i].want), "printf \"%s\" of %lld is \"%s\" (got \"%s\")",
		      cases[i].fmt, cases[i].val, cases[i].want, buf);
	}
	snprintf(buf, sizeof(buf), "%lld %llu %llx", -9876543210LL,
		 18446744073709551615ULL, 0x123456789abcdefULL);
	check(!strcmp(buf, "-9876543210 18446744073709551615 123456789abcdef"),
	      "printf 64-bit %%lld %%llu %%llx (got \"%s\")", buf);
	snprintf(buf, sizeof(buf), "%s|%.2s|%6s|%-6s|%p|%p", "str", "abc", "r", "l",
		 (void *)0, (void *)0x1f);
	check(!strcmp(buf, "str|ab|     r|l     |(nil)|0x1f"),
	      "printf %%s precision, width, %%p (got \"%s\")", buf);
	n = snprintf(buf, 4, "%d", 123456);
	check(n == 6 && !strcmp(buf, "123"), "snprintf truncates and returns the full length");
	snprintf(buf, sizeof(buf), "%*d|%-*d|%.*s", 4, 1, 3, 2, 2, "xyz");
	check(!strcmp(buf, "   1|2  |xy"), "printf * width and precision (got \"%s\")", buf);
}

/* qsort's comparison: ascending ints. */
static int cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

void test_strings(void)
{
	char buf[32], *end, *tok, toks[] = "a, b,,c";
	int arr[] = { 5, -3, 9, 0, 5, 2, -8 }, sorted = 1;
	unsigned int i;

	strcpy(buf, "hello");
	strcat(buf, " world");
	check(strlen(buf) == 11 && !strcmp(buf, "hello world"), "strcpy, strcat, strlen");
	check(strchr(buf, 'o') == buf + 4 && strrchr(buf, 'o') == buf + 7 &&
	      strstr(buf, "wor") == buf + 6 && !strstr(buf, "xyz"),
	      "strchr, strrchr, strstr");
	check(strcmp("abc", "abd") < 0 && strncmp("abc", "abd", 2) == 0 &&
	      memcmp("\xff", "a", 1) > 0, "strcmp, strncmp, memcmp (unsigned)");
	memmove(buf + 1, buf, 5);
	check(!strncmp(buf, "hhello", 6), "memmove with overlap");
	tok = strtok(toks, ", ");
	check(tok && !strcmp(tok, "a") && !strcmp(strtok(NULL, ", "), "b") &&
	      !strcmp(strtok(NULL, ", "), "c") && !strtok(NULL, ", "), "strtok");
	check(strtol("  -0x1f", &end, 0) == -31 && !*end, "strtol base 0 hex");
	check(strtol("0777", NULL, 0) == 511 && atoi("-12abc") == -12, "strtol octal, atoi");
	errno = 0;
	check(strtol("99999999999", NULL, 10) == 2147483647L && errno == ERANGE,
	      "strtol overflow gives LONG_MAX and ERANGE");
	check(strtoul("-1", NULL, 10) == 4294967295UL, "strtoul(\"-1\") is ULONG_MAX");
	qsort(arr, sizeof(arr) / sizeof(arr[0]), sizeof(arr[0]), cmp_int);
	for (i = 1; i < sizeof(arr) / sizeof(arr[0]); i++)
		sorted &= arr[i - 1] <= arr[i];
	check(sorted, "qsort");
	check(!strcmp(strerror(ENOENT), "No such file or directory") &&
	      !strcmp(strerror(1000), "Unknown error 1000"), "strerror");
	check(!strcmp(strsignal(SIGSEGV), "Segmentation fault"), "strsignal");
}
