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
    needs         optional: "ubsan" runs the entry only on a UBSan kernel
                  (make test-ubsan); elsewhere it is reported as skipped

Regexes are Python `re` patterns searched line by line (re.MULTILINE), so
"." never crosses a line end.  Without expect_panic a run passes only if
QEMU exits with 33 and no "BUG:", "UBSAN:" or "Kernel panic" line was
printed.

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

    # Runaway recursion must hit the stack guard, not corrupt memory: pid 1
    # (still a kernel thread, named swapper/0 as in Linux) runs on a stack
    # from the vmalloc area (0xf0000000..), with an unmapped guard page
    # below; the double fault names the page it hit.
    {"name": "stack-overflow", "mode": "kernel", "append": "crash=stack",
     "ktap": False,
     "expect": [r"BUG: kernel stack overflow in task swapper/0: esp [0-9a-f]{8}, "
                r"guard page hit at f[0-3][0-9a-f]{6}$",
                r"\] crash_stack_recurse\+0x"],
     "expect_panic": r"kernel stack overflow.*swapper", "timeout": 60},

    # The UBSan runtime names the kind and the source line of each check
    # that fails (kernel/ubsan.c); only a UBSAN=1 kernel has the checks.
    {"name": "ubsan-report", "mode": "kernel", "append": "crash=ubsan",
     "needs": "ubsan", "ktap": False,
     "expect": [r"UBSAN: shift-out-of-bounds in tests/ktest/crash\.c:\d+:\d+$",
                r"shift exponent 32 is too large for 32-bit type 'int'",
                r"UBSAN: signed-integer-overflow in tests/ktest/crash\.c:\d+",
                r"2147483647 \+ 1 cannot be represented in type 'int'",
                r"UBSAN: array-index-out-of-bounds in tests/ktest/crash\.c:\d+",
                r"index 4 is out of range for type 'int \[4\]'",
                r"\] crash_ubsan\+0x"],
     "expect_panic": r"crash test 'ubsan': undefined behaviour done", "timeout": 60},

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

    # The shell's own line editing (user/bin/sh/edit.c) in the terminal's
    # non-canonical mode: Backspace (DEL), ^U and ^W; history with the up
    # and down arrows (ESC [ A, ESC [ B), the line being typed kept while
    # the history is shown; redirections, pipes, & and wait; help.
    {"name": "shell-editing", "mode": "kernel", "initrd": "initramfs.cpio",
     "append": "quiet", "ktap": False,
     "expect": [r"^Welcome to Nest", r"^abcd$", r"^killed-line$", r"^one three$",
                r"^draft kept$", r"^first$", r"^second$", r"^waited 0$", r"^pipe 0$",
                r"^  help +this text$", r"^Programs in /bin:$",
                r"^init: /bin/sh exited with status 3$"],
     "expect_panic": None, "timeout": 60,
     "script": [(r"nest\$ ", "echo abcX\x7fd\r"),
                (r"^abcd$", ""),
                (r"nest\$ ", "garbage\x15echo killed-line\r"),
                (r"^killed-line$", ""),
                (r"nest\$ ", "echo one two\x17three\r"),
                (r"^one three$", ""),
                (r"nest\$ ", "echo hist-one\r"),
                (r"^hist-one$", ""),
                (r"nest\$ ", "echo hist-two\r"),
                (r"^hist-two$", ""),
                # Up twice: hist-one, run again.
                (r"nest\$ ", "\x1b[A\x1b[A\r"),
                (r"^hist-one$", ""),
                # Up twice from there: hist-two (hist-one is the latest now).
                (r"nest\$ ", "\x1b[A\x1b[A\r"),
                (r"^hist-two$", ""),
                # Up then Down gives back what was being typed.
                (r"nest\$ ", "echo draft kept\x1b[A\x1b[B\r"),
                (r"^draft kept$", ""),
                (r"nest\$ ", "echo first > /tmp/f; echo second >> /tmp/f\r"),
                (r"nest\$ ", "cat < /tmp/f | cat | cat\r"),
                (r"^second$", ""),
                (r"nest\$ ", "sleep 0.1 & wait; echo waited $?\r"),
                (r"^waited 0$", ""),
                (r"nest\$ ", "false | true; echo pipe $?\r"),
                (r"^pipe 0$", ""),
                (r"nest\$ ", "help\r"),
                (r"^Programs in /bin:$", ""),
                (r"nest\$ ", "exit 3\r")]},

    # Job control (user/bin/sh/jobs.c, fs/tty.c): ^C goes to the
    # foreground job's process group, even while it sleeps without reading
    # (the serial interrupt feeds the line discipline), and not to the
    # shell; ^C at the prompt drops the line; ^Z stops a job and fg
    # continues it.  The sleeping job says "sleeping" once it holds the
    # terminal, so the ^C is typed at the right time.
    {"name": "shell-job-control", "mode": "kernel", "initrd": "initramfs.cpio",
     "append": "quiet", "ktap": False,
     "expect": [r"^sleeping$", r"^status 130$", r"^prompt 130$", r"^cat 130$",
                r"^\[\d+\] Stopped  cat$", r"^stopped 148$", r"^fg 0$",
                r"^init: /bin/sh exited with status 0$"],
     "expect_panic": None, "timeout": 60,
     "script": [(r"nest\$ ", "sh -c 'echo sleeping; sleep 100'\r"),
                (r"^sleeping$", "\x03"),
                (r"nest\$ ", "echo status $?\r"),
                (r"^status 130$", ""),
                (r"nest\$ ", "true\r"),
                (r"nest\$ ", "half a line\x03"),
                (r"nest\$ ", "echo prompt $?\r"),
                (r"^prompt 130$", ""),
                # cat reads the terminal: the kernel echoes, cat repeats.
                (r"nest\$ ", "cat\r"),
                (r"cat\n", "ping\r"),
                (r"^ping$", ""),
                (r"^ping$", "\x03"),
                (r"nest\$ ", "echo cat $?\r"),
                (r"^cat 130$", ""),
                (r"nest\$ ", "cat\r"),
                (r"cat\n", "one\r"),
                (r"^one$", ""),
                (r"^one$", "\x1a"),
                (r"Stopped  cat\n", ""),
                (r"nest\$ ", "echo stopped $?\r"),
                (r"^stopped 148$", ""),
                (r"nest\$ ", "fg\r"),
                (r"^cat$", "two\r"),
                (r"^two$", ""),
                (r"^two$", "\x04"),
                (r"nest\$ ", "echo fg $?\r"),
                (r"^fg 0$", ""),
                (r"nest\$ ", "exit\r")]},

    # init PROG (what `make run PROG=...` boots): the program holds the
    # terminal, so ^C ends it, and init reports it and powers off.
    {"name": "init-prog-ctrl-c", "mode": "kernel", "initrd": "initramfs.cpio",
     "append": "init=/sbin/init cat", "ktap": False,
     "expect": [r"^init: cat killed by signal 2 \(Interrupt\)$", r"^init: powering off$"],
     "expect_panic": None, "timeout": 60,
     "script": [(r"Run /sbin/init as init process", "hello\r"),
                (r"^hello$", ""),
                (r"^hello$", "\x03")]},

    # Unknown command-line words are ignored, not fatal.
    {"name": "cmdline-unknown-words", "mode": "kernel",
     "append": "ktest=boot foo=bar baz",
     "ktap": True, "expect": [], "expect_panic": None, "timeout": 60},
] + [
    # The system call fuzzer (tests/fuzz/), a fixed seed: 20,000 calls in
    # fresh pid namespaces, no panic, no hang, no bad errno; `leakcheck`
    # then checks that every page and slab object came back.  A longer
    # run: make fuzz SEED=... N=...
    {"name": "fuzz", "mode": "kernel", "initrd": "initramfs.cpio",
     "append": "init=/bin/fuzz leakcheck quiet -s 1 -n 20000",
     "ktap": False, "expect": [r"^fuzz: seed 1: 20000 calls in ", r"^fuzz: ok$"],
     "expect_panic": None, "timeout": 120},
    # Another seed with fault injection (-F): one call in four has one of
    # its first allocations fail (/dev/fail-nth), so every call's error
    # paths get their turn, as syzkaller does it; and with slub_debug, so
    # that a use after free or an overrun in them is caught too.
    {"name": "fuzz-faults", "mode": "kernel", "initrd": "initramfs.cpio",
     "append": "init=/bin/fuzz failslab fail_page_alloc slub_debug leakcheck quiet "
               "-s 2 -n 10000 -F",
     "ktap": False, "expect": [r"^fuzz: seed 2: 10000 calls in ", r"^fuzz: ok$"],
     "expect_panic": None, "timeout": 120},
] + [
    # Fault injection (tests/robust/fail_nth.c): the Nth allocation of a
    # system call fails, for every N it makes; each must return ENOMEM and
    # leave nothing behind (checked per step through /proc/slabinfo, and
    # for the whole run by leakcheck).
    {"name": f"fail-nth-{group}", "mode": "kernel", "initrd": "initramfs.cpio",
     "append": f"init=/tests/fail_nth failslab fail_page_alloc leakcheck quiet {group}",
     "ktap": False,
     "expect": [rf"^fail_nth: {what}: \d+ allocations; .*: ok$" for what in whats] +
               [r"^fail_nth: \d+ checks passed$"],
     "expect_panic": None, "timeout": 60}
    for group, whats in [
        ("clone", [r"fork", r"clone\(CLONE_NEWPID\)", r"clone\(CLONE_VM\S*\)"]),
        ("exec", [r"execve"]),
        ("files", [r"pipe", r"open", r"open\(O_CREAT\)", r"mkdir"]),
        ("mm", [r"mmap", r"munmap\(split\)"])]
] + [
    # Running out on purpose (tests/robust/exhaust.c): a fork bomb in a
    # namespace, all of memory, a namespace full of processes.  The kernel
    # refuses with EAGAIN or ENOMEM, keeps running, and gets it all back.
    {"name": f"exhaust-{group}", "mode": "kernel", "initrd": "initramfs.cpio",
     "append": f"init=/tests/exhaust leakcheck quiet {group}", "ktap": False,
     "expect": [rf"^exhaust: {group}: every check passed: ok$",
                rf"^{group}: the free memory is back .*: ok$",
                r"^exhaust: \d+ checks passed$"],
     "expect_panic": None, "timeout": 120}
    for group in ("forkbomb", "memory", "pids")
]
