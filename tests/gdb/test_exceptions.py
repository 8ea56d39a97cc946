"""
tests/gdb/test_exceptions.py - nest-break-exceptions catches a kernel
fault at the CPU's entry stub, before the kernel's own report (run by
tests/gdb/gdb_tests.py inside gdb -batch).

The machine boots with crash=null (tests/ktest/crash.c): crash_null()
writes through a NULL pointer.  The session puts the breakpoints on the
exception stubs, continues, and checks that it stops at isr_stub_14 (the
page fault) with cr2 = 0, that the breakpoint names crash_null, that the
backtrace shows crash_null as the interrupted frame, and that the kernel
has printed no panic yet.
"""
import os
import sys

import gdb

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gdbtest import check, find, main, run, serial_log, value  # noqa: E402

PAGE_FAULT_VECTOR = 14


def body():
    out = run("nest-break-exceptions")
    check("breakpoints-set", find(r"breakpoints on the 32 exception stubs", out), out)
    out = run("continue")
    where = gdb.newest_frame().name()
    check("stops-at-page-fault-stub", where == f"isr_stub_{PAGE_FAULT_VECTOR}",
          f"stopped in {where}")
    check("cr2-is-null", int(value("$cr2")) == 0, f"cr2 = {int(value('$cr2')):#x}")
    bt = run("bt")
    check("bt-names-crash_null", find(r"^#1\s+0x[0-9a-f]+ in crash_null \(\) at "
                                      r"tests/ktest/crash\.c:\d+", bt),
          "frame #1 should be crash_null, where the fault happened")
    check("before-the-panic", "Kernel panic" not in serial_log() and
          "unable to handle" not in serial_log(), "the kernel already reported the fault")
    run("nest-break-exceptions off")
    try:
        run("continue")             # the kernel panics and QEMU exits
    except gdb.error:
        pass
    check("panic-after", find(r"BUG: unable to handle page fault", serial_log()),
          "the kernel did not report the fault after the stop")


main(body)
