# tests/user/user-tests.mk - the user-level behaviour tests, included by the
# Makefile after user/user.mk and before the initramfs rule.
#
# Every tests/user/NAME.c is one test program.  Its object is compiled by
# user/user.mk's rule ($(O)/user/obj/tests/user/NAME.o, with USER_CFLAGS)
# and linked twice with the same recipe ($(call user_link,...)), so Linux
# and Nest run identical files:
#
#   $(O)/user/linux/tests/NAME        the Linux reference run (tests/user_tests.py)
#   $(O)/user/nest/root/tests/NAME    staged for the initramfs: /tests/NAME on Nest
#
# The Nest copies are appended to USER_NEST_FILES, which the initramfs
# depends on.
#
# `make user-tests-glibc` builds a third copy against the toolchain's static
# glibc in $(O)/user/glibc/tests/; `tests/user_tests.py --glibc` runs it on
# Linux beside the Nest-libc build, so a C library bug shows up as a
# difference between the two before Nest is involved.
#
# Defined here:
#   USER_TEST_NAMES         fork_wait orphans exec ...
#   USER_TEST_LINUX_FILES   the Linux copies
#   USER_TEST_NEST_FILES    the initramfs copies
#   USER_TEST_FILES         both
#   user-tests              builds them all, and the Linux copies of
#                           user/bin's programs (phony)
#   user-tests-glibc        builds the glibc variant (phony)

USER_TEST_SRCS := $(sort $(wildcard tests/user/*.c))
USER_TEST_NAMES := $(notdir $(basename $(USER_TEST_SRCS)))
USER_TEST_LINUX_DIR := $(O)/user/linux/tests
USER_TEST_NEST_DIR := $(O)/user/nest/root/tests
USER_TEST_GLIBC_DIR := $(O)/user/glibc/tests

USER_TEST_LINUX_FILES := $(USER_TEST_NAMES:%=$(USER_TEST_LINUX_DIR)/%)
USER_TEST_NEST_FILES := $(USER_TEST_NAMES:%=$(USER_TEST_NEST_DIR)/%)
USER_TEST_GLIBC_FILES := $(USER_TEST_NAMES:%=$(USER_TEST_GLIBC_DIR)/%)
USER_TEST_FILES := $(USER_TEST_LINUX_FILES) $(USER_TEST_NEST_FILES)

# One rule per test: both copies from the one object.
define USER_TEST_RULE
$(USER_TEST_NEST_DIR)/$(1) $(USER_TEST_LINUX_DIR)/$(1): \
		$(USER_OBJ)/tests/user/$(1).o $$(USER_LINK_DEPS)
	$$(call user_link,$$@,$(USER_OBJ)/tests/user/$(1).o)
endef
$(foreach t,$(USER_TEST_NAMES),$(eval $(call USER_TEST_RULE,$(t))))

USER_NEST_FILES += $(USER_TEST_NEST_FILES)

# The glibc variant: the same source, the toolchain's own static C library.
USER_TEST_GLIBC_CFLAGS := -m32 -static -O2 -g -std=gnu11 -Wall -Wextra \
	-Wno-unused-parameter -Wmissing-prototypes -Wstrict-prototypes

$(USER_TEST_GLIBC_DIR)/%: tests/user/%.c tests/user/check.h
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $@ (glibc)")
	$(Q)$(CC) $(USER_TEST_GLIBC_CFLAGS) -o $@ $<

.PHONY: user-tests user-tests-glibc
# The Linux copies of the programs too: ps_golden runs ps, pstree and
# slabinfo from build/user/linux/bin on the Linux side.
user-tests: $(USER_TEST_FILES) $(USER_LINUX_PROGS)
user-tests-glibc: $(USER_TEST_GLIBC_FILES)
