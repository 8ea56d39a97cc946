# Nest - a small multitasking kernel for 32-bit x86 that teaches pid namespaces.
#
#   make            build/kernel.elf, build/initramfs.cpio and build/nest.iso
#   make run        boot the ISO through GRUB, serial console on this terminal;
#                   PROG="pstree -p" runs that program instead of the shell,
#                   then powers off; CMDLINE="quiet" adds kernel words
#   make test       every test: host unit tests, in-kernel tests, boot checks
#   make bench      guest-instruction counts under QEMU -icount (release build)
#   make gdb        QEMU paused with a GDB stub, and gdb attached with Nest's
#                   helpers (docs/gdb.md); PROG=nsdemo boots into that program
#   make qemu-gdb   the same QEMU, console here: for a gdb in another terminal
#   make doctor     name each missing tool and the Debian package that has it
#   make test-ubsan the same tests with a UBSan kernel, in build/ubsan
#   make fuzz       the system call fuzzer for a long run (SEED=, N=)
#   make grade LAB=N  grade lab N (docs/labs/); make lab-check: CI's lab check
#   make docs       the diagrams, docs/diagrams/*.dot, as SVG in build/docs
#                   (needs Graphviz's dot; without it, says so and skips)
#   make compile_commands.json   for clangd (uses bear)
#   make clean
#
# Variables: BUILD=debug (default: -Og -g3, what GDB wants) or release (-O2);
# O=DIR puts the output somewhere other than build/; WERROR=1 (CI) makes
# warnings errors; UBSAN=1 builds the kernel with the undefined behaviour
# sanitizer (in build/ubsan unless O= says otherwise); V=1 shows every
# command.

BUILD ?= debug
UBSAN ?= 0
ifeq ($(UBSAN),1)
O ?= build/ubsan
endif
O ?= build
WERROR ?= 0

ifeq ($(V),1)
Q :=
else
Q := @
endif

# ---- toolchain: the i686 cross compiler if present, else the host gcc -m32 ----
CROSS_PREFIX ?= $(shell command -v i686-linux-gnu-gcc >/dev/null 2>&1 && echo i686-linux-gnu-)
ifneq ($(CROSS_PREFIX),)
CC := $(CROSS_PREFIX)gcc
NM := $(CROSS_PREFIX)nm
else
CC := gcc -m32
NM := nm
endif
NASM ?= nasm
HOSTCC ?= gcc
PYTHON ?= python3
QEMU ?= qemu-system-i386

# ---- flags, pinned so the build does not depend on a distribution's defaults ----
ARCH_CFLAGS := -m32 -march=i686 -ffreestanding -fno-pie -fno-pic \
	-fno-stack-protector -fcf-protection=none -mno-sse -mno-sse2 -mno-mmx \
	-mno-80387 -fno-asynchronous-unwind-tables -fno-omit-frame-pointer \
	-fno-tree-loop-distribute-patterns -fno-common -nostdinc \
	-isystem $(shell $(CC) -print-file-name=include)
WARN_CFLAGS := -Wall -Wextra -Wno-unused-parameter -Wmissing-prototypes \
	-Wstrict-prototypes -Wno-sign-compare
ifeq ($(WERROR),1)
WARN_CFLAGS += -Werror
endif
ifeq ($(BUILD),release)
OPT_CFLAGS := -O2 -g
else
OPT_CFLAGS := -Og -g3 -DCONFIG_DEBUG_SPINLOCK
endif
CFLAGS := -std=gnu11 $(ARCH_CFLAGS) $(OPT_CFLAGS) $(WARN_CFLAGS) -Iinclude -MMD -MP
NASMFLAGS := -f elf32 -g -F dwarf
# No libgcc: see include/nest/math64.h.  A 64-bit division that sneaks in
# shows up as an undefined __udivdi3 at link time, not as a wrong result.
LDFLAGS := -m32 -nostdlib -no-pie -static -Wl,--build-id=none \
	-Wl,-z,max-page-size=0x1000 -Wl,-z,noexecstack -T linker.ld

# UBSAN=1: GCC checks each operation whose result C leaves undefined and
# calls kernel/ubsan.c when one goes wrong.  All of -fsanitize=undefined
# but alignment: x86 allows misaligned loads, and the kernel makes them on
# purpose (packed boot structures, the cpio parser), so those reports
# would be noise, not bugs.  The runtime itself is built without checks.
ifeq ($(UBSAN),1)
SANITIZE_CFLAGS := -fsanitize=undefined -fno-sanitize=alignment
CFLAGS += -DCONFIG_UBSAN
endif
$(O)/obj/kernel/ubsan.o: SANITIZE_CFLAGS :=

HOST_CFLAGS := -DNEST_HOST -Iinclude -std=gnu11 -Wall -Wextra -Wno-unused-parameter \
	-g -O1 -fsanitize=address,undefined -fno-sanitize-recover=all

# ---- sources: every file in these folders is part of the kernel ----
ASM_SRCS := $(wildcard boot/*.asm)
C_SRCS := $(wildcard kernel/*.c mm/*.c fs/*.c fs/proc/*.c tests/ktest/*.c tests/bench/*.c)
OBJS := $(ASM_SRCS:%.asm=$(O)/obj/%.o) $(C_SRCS:%.c=$(O)/obj/%.o)

KERNEL := $(O)/kernel.elf
INITRAMFS := $(O)/initramfs.cpio
ISO := $(O)/nest.iso
TEST_ISO := $(O)/nest-test.iso

.PHONY: all kernel run test test-ubsan bench gdb qemu-gdb doctor clean host-tests iso
.DEFAULT_GOAL := all

all: $(KERNEL) $(INITRAMFS) $(ISO)
kernel: $(KERNEL)
iso: $(ISO)

# Every object depends on the flags it was built with: $(O)/.flags changes
# when they do (another BUILD=, a new option), so nothing stale is linked.
FLAGS_STAMP := $(O)/.flags
FLAGS_LINE := $(CC) $(CFLAGS) $(SANITIZE_CFLAGS) $(NASMFLAGS) $(LDFLAGS)
$(shell mkdir -p $(O); echo '$(FLAGS_LINE)' | cmp -s - $(FLAGS_STAMP) || \
	echo '$(FLAGS_LINE)' > $(FLAGS_STAMP))

$(O)/obj/%.o: %.c $(FLAGS_STAMP)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS) $(SANITIZE_CFLAGS) -c $< -o $@

$(O)/obj/%.o: %.asm boot/layout.inc $(FLAGS_STAMP)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  NASM    $<")
	$(Q)$(NASM) $(NASMFLAGS) $< -o $@

# Two links (include/nest/kallsyms.h): the first one's function symbols
# become the symbol table of the second.  .kallsyms is the last section, so
# no function moves; the check below makes sure of it.
$(O)/kernel.tmp.elf: $(OBJS) linker.ld
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(LDFLAGS) -o $@ $(OBJS)

$(O)/kallsyms.c: $(O)/kernel.tmp.elf tools/gen-kallsyms.py
	$(Q)$(NM) -n $< | $(PYTHON) tools/gen-kallsyms.py > $@

$(O)/kallsyms.o: $(O)/kallsyms.c $(FLAGS_STAMP)
	$(Q)$(CC) $(CFLAGS) -c $< -o $@

$(KERNEL): $(O)/kernel.tmp.elf $(O)/kallsyms.o
	@$(if $(Q),echo "  LD      $@ (with kallsyms)")
	$(Q)$(CC) $(LDFLAGS) -o $@ $(OBJS) $(O)/kallsyms.o
	$(Q)$(NM) -n $(O)/kernel.tmp.elf | grep -i ' [tw] ' > $(O)/syms.1
	$(Q)$(NM) -n $@ | grep -i ' [tw] ' > $(O)/syms.2
	$(Q)cmp -s $(O)/syms.1 $(O)/syms.2 || \
		{ echo "kallsyms: functions moved between the two links"; exit 1; }
	$(Q)if command -v grub-file >/dev/null; then \
		grub-file --is-x86-multiboot $@ || \
		{ echo "$@: grub-file finds no multiboot header"; exit 1; }; fi

# User space: the C library and programs (user/user.mk), and the user-level
# test programs (tests/user/user-tests.mk); both stage files for the
# initramfs under $(O)/user/nest/root and build Linux copies beside them.
include user/user.mk
-include tests/user/user-tests.mk
include tests/fuzz/fuzz.mk
include tests/robust/robust.mk
-include tests/gdb/gdb.mk
include tests/labs/labs.mk
include docs/docs.mk

$(INITRAMFS): tools/mkinitramfs.sh $(wildcard user/root/*) $(USER_NEST_FILES) \
		$(USER_TEST_NEST_FILES)
	$(Q)mkdir -p $(O)/user/nest/root
	$(Q)sh tools/mkinitramfs.sh $@ $(O)/user/nest/root

$(ISO): $(KERNEL) $(INITRAMFS) tools/mkiso.sh
	@$(if $(Q),echo "  ISO     $@")
	$(Q)sh tools/mkiso.sh $@ $(KERNEL) $(INITRAMFS) ""

# The ISO the tests boot: the same kernel, with ktest=boot on its command line.
$(TEST_ISO): $(KERNEL) $(INITRAMFS) tools/mkiso.sh
	$(Q)sh tools/mkiso.sh $@ $(KERNEL) $(INITRAMFS) "ktest=boot"

# ---- host unit tests (tests/host/host.mk lists each test's sources) ----
include tests/host/host.mk
HOST_BINS := $(HOST_TESTS:%=$(O)/host/%)
host-tests: $(HOST_BINS)

define HOST_TEST_RULE
$(O)/host/$(1): $$($(1)_SRCS) $$(wildcard include/nest/*.h tests/host/*.h)
	@mkdir -p $$(dir $$@)
	@$$(if $$(Q),echo "  HOSTCC  $$@")
	$$(Q)$$(HOSTCC) $$(HOST_CFLAGS) $$($(1)_SRCS) -o $$@
endef
$(foreach t,$(HOST_TESTS),$(eval $(call HOST_TEST_RULE,$(t))))

test: all $(TEST_ISO) host-tests user-tests
	$(Q)$(PYTHON) tests/run.py --build $(O)

# Every test again with a UBSan kernel (kernel/ubsan.c), built beside the
# normal one: a "UBSAN:" report anywhere fails the run that printed it.
test-ubsan:
	$(Q)$(MAKE) --no-print-directory UBSAN=1 O=$(O)/ubsan test

# ---- running it ----
QEMU_COMMON := -m 128M -no-reboot -device isa-debug-exit,iobase=0xf4,iosize=0x04

# make run PROG="pstree -p": init runs the program, with its arguments,
# instead of the shell, and powers off when it ends (for scripted demos).
# PROG and CMDLINE (kernel command-line words, e.g. quiet) go on the
# command line of an ISO of their own, $(O)/nest-run.iso, made afresh for
# each such run.  QEMU's status 33 (Nest powered off) and 0 (Ctrl-A X)
# are success; anything else (37: a panic) makes `make run` fail.
RUN_ISO := $(if $(PROG)$(CMDLINE),$(O)/nest-run.iso,$(ISO))
RUN_CMDLINE := $(strip $(CMDLINE) $(if $(PROG),init=/sbin/init $(PROG)))
RUN_QEMU = $(QEMU) $(QEMU_COMMON) -cdrom $(RUN_ISO) -display none -serial mon:stdio
run: $(RUN_ISO)
	@echo "Booting $(RUN_ISO) through GRUB. Serial console here; Ctrl-A X quits QEMU."
	@echo "$(RUN_QEMU)"
	@$(RUN_QEMU); status=$$?; [ $$status -eq 0 ] || [ $$status -eq 33 ] || exit $$status

.PHONY: $(O)/nest-run.iso
$(O)/nest-run.iso: $(KERNEL) $(INITRAMFS) tools/mkiso.sh
	@$(if $(Q),echo "  ISO     $@: $(RUN_CMDLINE)")
	$(Q)sh tools/mkiso.sh $@ $(KERNEL) $(INITRAMFS) "$(RUN_CMDLINE)"

# QEMU paused at its first instruction with a GDB stub on a per-user port
# (as xv6 does, so two students on one machine do not collide), and GDB
# set up by tools/gdb/nest.gdb: the kernel's symbols, the helpers, user
# programs' symbols loaded as they run.  PROG=nsdemo boots straight into
# that program (init=/bin/nsdemo); CMDLINE="..." adds kernel command-line
# words; GDBARGS more gdb options.  tools/gdb/qemu.sh does the work.
GDBPORT := $(shell expr `id -u` % 5000 + 25000)
GDB ?= gdb
gdb qemu-gdb: $(KERNEL) $(INITRAMFS)
	$(Q)O="$(O)" QEMU="$(QEMU)" QEMU_COMMON="$(QEMU_COMMON)" GDB="$(GDB)" \
		GDBPORT=$(GDBPORT) PROG="$(PROG)" CMDLINE="$(CMDLINE)" GDBARGS="$(GDBARGS)" \
		sh tools/gdb/qemu.sh $(if $(filter qemu-gdb,$@),qemu,gdb)

bench:
	$(Q)$(MAKE) --no-print-directory BUILD=release O=$(O)/release all
	$(Q)$(PYTHON) tools/bench.py --kernel $(O)/release/kernel.elf --iso $(O)/release/nest.iso

doctor:
	$(Q)sh tools/doctor.sh

compile_commands.json:
	$(Q)$(MAKE) --no-print-directory clean
	bear --output $@ -- $(MAKE) --no-print-directory kernel host-tests

clean:
	rm -rf $(O)

-include $(OBJS:.o=.d)
