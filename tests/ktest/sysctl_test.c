/*
 * tests/ktest/sysctl_test.c - the `sysctl` suite: kernel/sysctl.c's
 * proc_dointvec() and proc_dointvec_minmax() called directly on a table
 * of their own, with the answers Linux 6.18 gives for the same bytes
 * written to /proc/sys/kernel/pid_max (checked on the host).
 *
 *   sysctl_read                 "<value>\n" from position 0, nothing after
 *   sysctl_write_accepted       the notations a write may use
 *   sysctl_write_refused        EINVAL, and the value unchanged
 *   sysctl_write_partial        what follows a number is left unconsumed;
 *                               a write past position 0 is ignored
 */
#include <nest/ktest.h>
#include <nest/sysctl.h>
#include <nest/string.h>
#include <nest/errno.h>

#define TEST_MIN	301
#define TEST_MAX	32768

static int value;
static int value_min = TEST_MIN, value_max = TEST_MAX;

static const struct ctl_table test_table = {
	.data = &value,
	.maxlen = sizeof(int),
	.proc_handler = proc_dointvec_minmax,
	.extra1 = &value_min,
	.extra2 = &value_max,
};

/* A write of @text at *@pos: the bytes consumed, or the handler's -errno. */
static long write_at(const char *text, loff_t *pos)
{
	char buf[64];
	size_t len = strlen(text);
	int err;

	memcpy(buf, text, len + 1);	/* the caller's copy is NUL-terminated, as here */
	err = test_table.proc_handler(&test_table, 1, buf, &len, pos);
	return err ? err : (long)len;
}

static long write_text(const char *text)
{
	loff_t pos = 0;

	return write_at(text, &pos);
}

static void sysctl_read(struct ktest *t)
{
	char buf[16];
	size_t len = sizeof(buf);
	loff_t pos = 0;

	value = 500;
	KTEST_ASSERT_EQ(t, proc_dointvec(&test_table, 0, buf, &len, &pos), 0);
	KTEST_EXPECT_EQ(t, len, 4);
	KTEST_EXPECT_EQ(t, memcmp(buf, "500\n", 4), 0);
	KTEST_EXPECT_EQ(t, pos, 4);
	len = sizeof(buf);
	KTEST_EXPECT_EQ(t, proc_dointvec(&test_table, 0, buf, &len, &pos), 0);
	KTEST_EXPECT_EQ(t, len, 0);		/* from position 4: nothing */
	/* A one-byte read gets the first digit and no newline (Linux's too). */
	len = 1;
	pos = 0;
	KTEST_EXPECT_EQ(t, proc_dointvec(&test_table, 0, buf, &len, &pos), 0);
	KTEST_EXPECT_EQ(t, len, 1);
	KTEST_EXPECT_EQ(t, buf[0], '5');
	value = -7;
	len = sizeof(buf);
	pos = 0;
	KTEST_EXPECT_EQ(t, proc_dointvec(&test_table, 0, buf, &len, &pos), 0);
	KTEST_EXPECT_EQ(t, len, 3);
	KTEST_EXPECT_EQ(t, memcmp(buf, "-7\n", 3), 0);
}

static void sysctl_write_accepted(struct ktest *t)
{
	value = 1000;
	KTEST_EXPECT_EQ(t, write_text("500"), 3);
	KTEST_EXPECT_EQ(t, value, 500);
	KTEST_EXPECT_EQ(t, write_text("501\n"), 4);
	KTEST_EXPECT_EQ(t, value, 501);
	KTEST_EXPECT_EQ(t, write_text(" \t502\n\n"), 7);	/* space around it */
	KTEST_EXPECT_EQ(t, value, 502);
	KTEST_EXPECT_EQ(t, write_text("0x1f4"), 5);		/* hex */
	KTEST_EXPECT_EQ(t, value, 500);
	KTEST_EXPECT_EQ(t, write_text("0777"), 4);		/* octal */
	KTEST_EXPECT_EQ(t, value, 511);
	KTEST_EXPECT_EQ(t, write_text("301"), 3);		/* the bounds themselves */
	KTEST_EXPECT_EQ(t, value, TEST_MIN);
	KTEST_EXPECT_EQ(t, write_text("32768"), 5);
	KTEST_EXPECT_EQ(t, value, TEST_MAX);
	KTEST_EXPECT_EQ(t, write_text(""), 0);			/* nothing: nothing */
	KTEST_EXPECT_EQ(t, value, TEST_MAX);
}

static void sysctl_write_refused(struct ktest *t)
{
	static const char *const refused[] = {
		"abc", "\n", "  ", "-1", "300", "32769", "+500", "504abc", "09",
		"0x", "2147483648", "4294967296", "-",
		"0000000000000000000509",	/* 22 characters: longer than Linux reads */
		"00000000000000000000508",
	};
	unsigned int i;

	value = 777;
	for (i = 0; i < ARRAY_SIZE(refused); i++) {
		KTEST_EXPECT_EQ(t, write_text(refused[i]), -EINVAL);
		KTEST_EXPECT_EQ(t, value, 777);
	}
	ktest_info(t, "%u texts refused, the value kept", (unsigned int)ARRAY_SIZE(refused));
}

static void sysctl_write_partial(struct ktest *t)
{
	loff_t pos = 0;

	value = 777;
	KTEST_EXPECT_EQ(t, write_text("503 600"), 4);	/* "503 " */
	KTEST_EXPECT_EQ(t, value, 503);
	KTEST_EXPECT_EQ(t, write_text("507\nxyz"), 4);	/* "507\n" */
	KTEST_EXPECT_EQ(t, value, 507);
	KTEST_EXPECT_EQ(t, write_at("600", &pos), 3);
	KTEST_EXPECT_EQ(t, pos, 3);
	/* Not at position 0: taken whole and ignored (sysctl_writes_strict). */
	KTEST_EXPECT_EQ(t, write_at("700", &pos), 3);
	KTEST_EXPECT_EQ(t, pos, 6);
	KTEST_EXPECT_EQ(t, value, 600);
}

static struct ktest_case sysctl_cases[] = {
	KTEST_CASE(sysctl_read),
	KTEST_CASE(sysctl_write_accepted),
	KTEST_CASE(sysctl_write_refused),
	KTEST_CASE(sysctl_write_partial),
	{}
};

static struct ktest_suite sysctl_suite = { .name = "sysctl", .cases = sysctl_cases };
KTEST_SUITE(sysctl_suite);
