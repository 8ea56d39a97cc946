# tests/gdb/gdb.mk - the user programs of the GDB tests (tests/gdb/*.c),
# included by the Makefile after user/user.mk and before the initramfs
# rule.  Each tests/gdb/NAME.c is compiled by user/user.mk's rule (with
# USER_CFLAGS: -O2 -g, frame pointers, not stripped, as GDB wants) and
# staged as $(O)/user/nest/root/tests/gdb/NAME, /tests/gdb/NAME on Nest.
# tests/gdb/run.py runs the GDB sessions that use them.

GDB_TEST_SRCS := $(sort $(wildcard tests/gdb/*.c))
GDB_TEST_NEST_FILES := $(GDB_TEST_SRCS:tests/gdb/%.c=$(O)/user/nest/root/tests/gdb/%)

# A static pattern rule, so make keeps the objects (they are named here).
$(GDB_TEST_NEST_FILES): $(O)/user/nest/root/tests/gdb/%: $(USER_OBJ)/tests/gdb/%.o \
		$(USER_LINK_DEPS)
	$(call user_link,$@,$^)

USER_NEST_FILES += $(GDB_TEST_NEST_FILES)
