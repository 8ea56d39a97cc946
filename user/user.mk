# user/user.mk - user space: the C library (user/lib/) and the programs
# (user/bin/), static i386 ELF executables that run on Nest and on Linux.
# Included by the top Makefile, which defines CC (the i686 cross compiler
# or gcc -m32), CROSS_PREFIX, O (the output folder) and Q (quiet prefix).
#
# What it builds:
#   $(USER_LIBC)                  $(O)/user/lib/libc.a, the C library
#   $(USER_CRT0)                  _start (crt0.S), linked first into a program
#   $(O)/user/nest/root/bin/P     each program user/bin/P.c (or user/bin/P/*.c),
#                                 for the initramfs
#   $(O)/user/nest/root/sbin/init   (init goes in sbin/)
#   $(O)/user/linux/bin/P         the same programs, to run on the host Linux
#   $(O)/user/linux/sbin/init       (same layout as on Nest)
#   USER_NEST_FILES               every file under $(O)/user/nest/root/, what
#                                 the initramfs depends on (append yours)
#   make user                     all of the above
#
# Building another program against the library (tests/user/, say):
#   - Objects: $(O)/user/obj/PATH.o is compiled from PATH.c or PATH.S
#     with $(USER_CFLAGS), for any PATH in the tree (so a folder must not
#     hold both x.c and x.S).
#   - Linking: $(call user_link,OUTPUT,OBJECTS) is a recipe (it creates
#     OUTPUT's folder); the rule must depend on $(USER_LINK_DEPS).  The
#     library and crt0 are added; if OBJECTS names them too (as $^ does)
#     they are filtered out.  For example:
#
#	$(O)/user/nest/root/tests/t1: $(O)/user/obj/tests/user/t1.o $(USER_LINK_DEPS)
#		$(call user_link,$@,$^)
#	USER_NEST_FILES += $(O)/user/nest/root/tests/t1
#
#   The rule that uses USER_NEST_FILES as prerequisites (the initramfs)
#   must come after every makefile that appends to it.

USER_AR ?= $(CROSS_PREFIX)ar

# Pinned flags, as for the kernel: nothing from the distribution's
# defaults.  -fno-builtin because the library defines the builtins;
# -fno-tree-loop-distribute-patterns so gcc does not turn memset's own
# loop into a call to memset; frame pointers for GDB's backtraces.
USER_CFLAGS := -std=gnu11 -m32 -march=i686 -ffreestanding -fno-pie -fno-pic \
	-fno-stack-protector -fcf-protection=none -fno-builtin \
	-fno-tree-loop-distribute-patterns -fno-omit-frame-pointer \
	-fno-asynchronous-unwind-tables -fno-common -mno-sse -mno-sse2 -mno-mmx \
	-nostdinc -isystem $(shell $(CC) -print-file-name=include) \
	-Iuser/lib/include -Iinclude \
	-O2 -g -Wall -Wextra -Wno-unused-parameter -Wmissing-prototypes \
	-Wstrict-prototypes -MMD -MP
ifeq ($(WERROR),1)
USER_CFLAGS += -Werror
endif
USER_LDFLAGS := -m32 -static -nostdlib -no-pie -Wl,--build-id=none \
	-Wl,-z,max-page-size=0x1000 -Wl,-z,noexecstack
# User space may use libgcc (64-bit division in printf's %llu).
USER_LIBGCC := $(shell $(CC) -print-libgcc-file-name)

USER_OBJ := $(O)/user/obj
USER_LIBC := $(O)/user/lib/libc.a
USER_CRT0 := $(USER_OBJ)/user/lib/crt0.o
USER_LINK_DEPS := $(USER_CRT0) $(USER_LIBC)

USER_LIB_SRCS := $(filter-out user/lib/crt0.S, \
	$(wildcard user/lib/*.c user/lib/*.S))
USER_LIB_OBJS := $(patsubst %,$(USER_OBJ)/%.o,$(basename $(USER_LIB_SRCS)))

# A program P is user/bin/P.c, or every .c file in user/bin/P/ when it is
# too big for one file (the shell, libctest).
USER_PROGS := $(sort $(basename $(notdir $(wildcard user/bin/*.c))) \
	$(notdir $(patsubst %/,%,$(dir $(wildcard user/bin/*/*.c)))))
user_prog_objs = $(patsubst %.c,$(USER_OBJ)/%.o, \
	$(or $(wildcard user/bin/$(1).c),$(wildcard user/bin/$(1)/*.c)))
# Where program $(1) lives under a root: init in sbin/, the rest in bin/.
user_prog_path = $(if $(filter init,$(1)),sbin,bin)/$(1)
USER_NEST_PROGS := $(foreach p,$(USER_PROGS),$(O)/user/nest/root/$(call user_prog_path,$(p)))
USER_LINUX_PROGS := $(foreach p,$(USER_PROGS),$(O)/user/linux/$(call user_prog_path,$(p)))
USER_NEST_FILES += $(USER_NEST_PROGS)

.PHONY: user
user: $(USER_LIBC) $(USER_NEST_PROGS) $(USER_LINUX_PROGS)

# Objects depend on the flags they were built with, as the kernel's do.
USER_FLAGS_STAMP := $(O)/user/.flags
$(shell mkdir -p $(O)/user; echo '$(CC) $(USER_CFLAGS) $(USER_LDFLAGS)' | \
	cmp -s - $(USER_FLAGS_STAMP) || \
	echo '$(CC) $(USER_CFLAGS) $(USER_LDFLAGS)' > $(USER_FLAGS_STAMP))

$(USER_OBJ)/%.o: %.c $(USER_FLAGS_STAMP)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  UCC     $<")
	$(Q)$(CC) $(USER_CFLAGS) -c $< -o $@

$(USER_OBJ)/%.o: %.S $(USER_FLAGS_STAMP)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  UAS     $<")
	$(Q)$(CC) $(USER_CFLAGS) -c $< -o $@

$(USER_LIBC): $(USER_LIB_OBJS)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  AR      $@")
	$(Q)rm -f $@
	$(Q)$(USER_AR) rcsD $@ $^

# user_link OUTPUT,OBJECTS - the recipe that links a program (see the top).
define user_link
@mkdir -p $(dir $(1))
@$(if $(Q),echo "  ULD     $(1)")
$(Q)$(CC) $(USER_LDFLAGS) -o $(1) $(USER_CRT0) \
	$(filter-out $(USER_LINK_DEPS),$(2)) $(USER_LIBC) $(USER_LIBGCC)
endef

# Each program is linked twice from the same objects, once for each root:
# the two files are identical, one per place it runs.
define USER_PROG_RULE
$(O)/user/nest/root/$(call user_prog_path,$(1)) $(O)/user/linux/$(call user_prog_path,$(1)): \
		$(call user_prog_objs,$(1)) $$(USER_LINK_DEPS)
	$$(call user_link,$$@,$(call user_prog_objs,$(1)))
endef
$(foreach p,$(USER_PROGS),$(eval $(call USER_PROG_RULE,$(p))))

-include $(shell find $(USER_OBJ) -name '*.d' 2>/dev/null)
