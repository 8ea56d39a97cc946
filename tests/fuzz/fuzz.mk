# tests/fuzz/fuzz.mk - the system call fuzzer, /bin/fuzz (tests/fuzz/*.c,
# raw.S), included by the Makefile after user/user.mk.  It is linked once,
# for the initramfs: it fuzzes Nest and is never compared with Linux.
#
#   make fuzz SEED=7 N=200000     boot Nest with init=/bin/fuzz and leakcheck
#                                 for a long run (FUZZ_TIMEOUT seconds, WORKERS=)
#
# make test runs a fixed seed (tests/boot_tests.py, "fuzz").

FUZZ_SRCS := $(wildcard tests/fuzz/*.c) tests/fuzz/raw.S
FUZZ_OBJS := $(patsubst %,$(USER_OBJ)/%.o,$(basename $(FUZZ_SRCS)))
FUZZ_BIN := $(O)/user/nest/root/bin/fuzz

$(FUZZ_BIN): $(FUZZ_OBJS) $(USER_LINK_DEPS)
	$(call user_link,$@,$(FUZZ_OBJS))

USER_NEST_FILES += $(FUZZ_BIN)

SEED ?= 1
N ?= 200000
WORKERS ?= 4
FUZZ_TIMEOUT ?= 3600

.PHONY: fuzz
fuzz: all
	$(Q)$(PYTHON) tools/nest-run.py --kernel $(KERNEL) --initrd $(INITRAMFS) \
		--append "init=/bin/fuzz leakcheck quiet -s $(SEED) -n $(N) -w $(WORKERS)" \
		--timeout $(FUZZ_TIMEOUT) --expect '^fuzz: ok$$' --name fuzz \
		--transcript $(O)/test-logs/fuzz-$(SEED).log
