"""
tests/boot_tests.py - the table of QEMU boot runs that `make test` does.

This file is only data: tests/run.py imports BOOT_TESTS and boots each entry
once with tools/nest-run.py.  To add a boot test, add a dict here:

    name          unique name; results are reported as boot:<name>, and the
                  serial transcript is kept in build/test-logs/<name>.log
    mode          "kernel" boots build/kernel.elf with -kernel/-append;
                  "iso" boots build/nest.iso through GRUB (its grub.cfg sets
                  the command line, so "append" is ignored)
    append        kernel command line (mode "kernel")
    ktap          True to parse KTAP and report every test case as
                  ktest:<suite>:<case>
    expect        list of regexes that must each appear in the transcript
    expect_panic  None, or a regex: the run must end in a panic (QEMU exit
                  status 37) and the transcript must match it
    timeout       seconds before QEMU is killed (times $NEST_TIMEOUT_SCALE)
    initrd        optional: a file under the build directory to pass with
                  -initrd (mode "kernel")
    qemu_args     optional: more QEMU arguments, e.g. ["-M", "q35"]
    debug_exit    optional, default True: False boots without isa-debug-exit,
                  so the kernel must power off through ACPI (QEMU exit 0);
                  then only the KTAP and `expect` tell pass from fail
    script        optional: [(regex, text), ...]: when the serial output
                  matches regex (after the previous match), type text on
                  the serial line; for interactive tests
    iso           optional: the image under the build directory (mode "iso";
                  default nest.iso)

Regexes are Python `re` patterns searched line by line (re.MULTILINE), so
"." never crosses a line end.  Without expect_panic a run passes only if
QEMU exits with 33 and no "BUG:" or "Kernel panic" line was printed.

Run a single entry with:  tests/run.py --only '^panic-backtrace$'
"""

BOOT_TESTS = [
    # Every in-kernel test suite (kernel/ktest.c, tests/ktest/*.c).
    {"name": "ktest-all", "mode": "kernel", "append": "ktest=all",
     "initrd": "initramfs.cpio", "ktap": True, "expect": [], "expect_panic": None, "timeout": 120},

    # Every suite again with poison, red zones and owner tracking on every
    # slab cache (Linux's slub_debug): the test build's extra checking.
    {"name": "ktest-slub-debug", "mode": "kernel", "append": "ktest=all slub_debug",
     "initrd": "initramfs.cpio", "ktap": True, "expect": [], "expect_panic": None, "timeout": 180},

    # The real boot path: GRUB from the test CD image (build/nest-test.iso,
    # the same kernel as nest.iso; its grub.cfg passes ktest=boot).
    {"name": "iso-banner", "mode": "iso", "iso": "nest-test.iso", "append": None,
     "ktap": True, "expect": [r"Nest \S+ booting"], "expect_panic": None,
     "timeout": 60},

    # A NULL dereference must panic with a symbolized backtrace.
    {"name": "panic-backtrace", "mode": "kernel", "append": "crash=null",
     "ktap": False, "expect": [r"\[<c0[0-9a-f]{6}>\] crash_null"],
     "expect_panic": r"Kernel panic - not syncing:.*", "timeout": 60},

    # Runaway recursion must hit the stack guard, not corrupt memory.
    {"name": "stack-overflow", "mode": "kernel", "append": "crash=stack",
     "ktap": False, "expect": [],
     "expect_panic": r"kernel stack overflow.*swapper", "timeout": 60},

    # An invalid instruction in the kernel: an Oops naming the function.
    {"name": "panic-invalid-opcode", "mode": "kernel", "append": "crash=ud2",
     "ktap": False,
     "expect": [r"Oops: invalid opcode", r"\] crash_invalid_opcode\+0x"],
     "expect_panic": r"Kernel panic - not syncing: Fatal exception", "timeout": 60},

    # BUG_ON() names the file and line of the broken invariant.
    {"name": "panic-bug-on", "mode": "kernel", "append": "crash=bug",
     "ktap": False, "expect": [r"\] crash_bug_on\+0x"],
     "expect_panic": r"kernel BUG at tests/ktest/crash\.c:\d+", "timeout": 60},

    # `quiet` hides the kernel's log but never a KTAP result.
    {"name": "cmdline-quiet", "mode": "kernel", "append": "ktest=boot quiet",
     "ktap": True, "expect": [r"^ok 1 boot$"], "expect_panic": None,
     "timeout": 60},

    # Serial input arrives by interrupt: the `serial` suite waits for a
    # line that this run types once the suite asks for it.
    {"name": "serial-input", "mode": "kernel", "append": "ktest=serial quiet",
     "ktap": True, "expect": [r"^    ok \d+ serial_rx_interrupt_driven$"],
     "expect_panic": None, "timeout": 60,
     "script": [(r"serial_rx_interrupt_driven: type a line", "ping nest\r")]},

    # Without isa-debug-exit, power-off falls back to ACPI, on both of
    # QEMU's PC machines; the run must end by itself, not by the timeout.
    {"name": "poweroff-acpi-pc", "mode": "kernel", "append": "ktest=boot quiet",
     "ktap": True, "expect": [r"^ok 1 boot$"], "expect_panic": None,
     "timeout": 60, "debug_exit": False},
    {"name": "poweroff-acpi-q35", "mode": "kernel", "append": "ktest=boot quiet",
     "ktap": True, "expect": [r"^ok 1 boot$"], "expect_panic": None,
     "timeout": 60, "debug_exit": False, "qemu_args": ["-M", "q35"]},

    # The default init starts the shell on the console (what `make run`
    # shows): type a pipeline and a failing command, then leave the shell,
    # which makes init power off cleanly.
    {"name": "shell-session", "mode": "kernel", "initrd": "initramfs.cpio",
     "append": "quiet", "ktap": False,
     "expect": [r"^hello from nest$", r"sh: false: exit 1"],
     "expect_panic": None, "timeout": 60,
     "script": [(r"nest\$ ", "echo hello from nest | cat\r"),
                (r"^hello from nest$", ""),
                (r"nest\$ ", "false\r"),
                (r"nest\$ ", "exit\r")]},

    # Unknown command-line words are ignored, not fatal.
    {"name": "cmdline-unknown-words", "mode": "kernel",
     "append": "ktest=boot foo=bar baz",
     "ktap": True, "expect": [], "expect_panic": None, "timeout": 60},
]
