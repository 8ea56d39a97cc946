# tests/robust/robust.mk - Nest-only user-level tests: fault injection
# sweeps and resource exhaustion (see tests/robust/README.md).  Included by
# the Makefile after user/user.mk.
#
# Every tests/robust/NAME.c becomes /tests/NAME in the initramfs, linked
# like the tests in tests/user/ but only for Nest: what they check (a
# fault injected into the Nth allocation, running out of pages or pids)
# cannot happen the same way on the host, so tests/boot_tests.py runs
# them and checks their transcripts with regexes instead of comparing
# them with Linux.

ROBUST_NAMES := $(notdir $(basename $(wildcard tests/robust/*.c)))
ROBUST_NEST_FILES := $(ROBUST_NAMES:%=$(O)/user/nest/root/tests/%)

define ROBUST_RULE
$(O)/user/nest/root/tests/$(1): $(USER_OBJ)/tests/robust/$(1).o $$(USER_LINK_DEPS)
	$$(call user_link,$$@,$(USER_OBJ)/tests/robust/$(1).o)
endef
$(foreach t,$(ROBUST_NAMES),$(eval $(call ROBUST_RULE,$(t))))

USER_NEST_FILES += $(ROBUST_NEST_FILES)
