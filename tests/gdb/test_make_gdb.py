"""
tests/gdb/test_make_gdb.py - `make gdb PROG=nsnest`'s set-up: run by
tests/gdb/gdb_tests.py through tools/gdb/qemu.sh, as make runs it, with
this script added to GDB's command line.

Checks that GDB connected to the paused machine (it is at the reset
vector), that the helpers are loaded, that start_kernel is the outermost
frame (with its arguments right), and that PROG became init=: the
kernel's execute_command is /tests/gdb/nsnest when kernel_init runs, and
the first user program whose symbols are loaded is nsnest.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gdbtest import check, cont_to, find, frames, main, run, value  # noqa: E402

RESET_VECTOR = 0xFFF0
MULTIBOOT_BOOTLOADER_MAGIC = 0x2BADB002     # what the loader passes in eax


def body():
    check("paused-at-reset", int(value("$pc")) == RESET_VECTOR, f"pc {int(value('$pc')):#x}")
    out = run("apropos nest-")
    check("helpers-loaded", all(c in out for c in ("nest-ps", "nest-pidns", "nest-slabinfo",
                                                   "nest-wq", "nest-bt",
                                                   "nest-break-exceptions")),
          "apropos nest- misses a command")
    run("break start_kernel")
    if cont_to("start_kernel", "boots-to-start_kernel"):
        # The outermost frame: nothing below it (unwind.py), and its
        # arguments are read through the right frame base.
        bt = [line for line in run("bt").splitlines() if line.startswith("#")]
        check("start_kernel-outermost", len(bt) == 1 and frames()[0] == "start_kernel",
              f"bt {bt}")
        check("start_kernel-args", int(value("magic")) == MULTIBOOT_BOOTLOADER_MAGIC,
              f"magic = {int(value('magic')):#x}")
    run("delete")
    run("break kernel_init")
    if cont_to("kernel_init", "boots-to-kernel_init"):
        # kernel_init is pid 1 before it execs init: the command line is parsed.
        cmd = value("execute_command").string()
        check("prog-is-init", cmd == "/tests/gdb/nsnest", f"init= {cmd!r}")
    run("delete")
    run("break deepest_child")
    if cont_to("deepest_child", "user-breakpoint"):
        out = run("nest-usersyms")
        check("symbols-of-prog", find(r"user symbols: /tests/gdb/nsnest ->", out), out)
    run("kill")


main(body)
