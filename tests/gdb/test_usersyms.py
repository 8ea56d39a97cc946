"""
tests/gdb/test_usersyms.py - user programs' symbols, loaded as they run
(tools/gdb/nestgdb/usersyms.py), in a GDB session run by
tests/gdb/gdb_tests.py inside gdb -batch.

The machine boots init=/sbin/init with "/tests/gdb/nsnest 1" as init's
program: init execs nsnest, which makes one namespace and exits.  The
session
  - sets a breakpoint on a function of nsnest before any of its symbols
    exist (pending), and checks that it is hit and that `bt` shows user
    frames, with init's symbols dropped for nsnest's;
  - stops in libc's clone(), follows the system call into copy_pid_ns,
    and goes back out to user mode with `finish`, where clone's result
    (the child's pid) is in eax;
  - stops in the kernel when init calls reboot(), and checks that init's
    symbols are back and that the backtrace reaches init's main(); and
    that nest-wq's trace shows the namespace freed by its work item.
"""
import os
import sys

import gdb

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gdbtest import check, cont_to, find, frames, in_order, main, run, value  # noqa: E402

PAGE_OFFSET = 0xC0000000
MAX_FINISHES = 16
NSNEST_HOST = "user/nest/root/tests/gdb/nsnest"
INIT_HOST = "user/nest/root/sbin/init"


def user_objfiles():
    kernel = gdb.current_progspace().filename
    return [o.filename for o in gdb.objfiles() if o.filename != kernel]


def pc():
    return int(gdb.newest_frame().pc())


def test_user_breakpoint():
    out = run("break enter_namespace")
    check("pending-breakpoint", "pending" in out.lower() or "Breakpoint" in out, out)
    if not cont_to("enter_namespace", "user-breakpoint-hit"):
        return False
    sal = gdb.newest_frame().find_sal()
    check("user-source", sal.symtab is not None and
          sal.symtab.filename.endswith("tests/gdb/nsnest.c") and pc() < PAGE_OFFSET,
          f"at {pc():#x} in {sal.symtab and sal.symtab.filename}")
    names = frames()
    check("bt-user-frames", names[:2] == ["enter_namespace", "main"],
          f"frames {names}")
    run("bt")
    objs = user_objfiles()
    check("only-nsnest-symbols", len(objs) == 1 and objs[0].endswith(NSNEST_HOST),
          f"user objfiles loaded: {objs}")
    status = run("nest-usersyms")
    check("nest-usersyms", find(r"user symbols: /tests/gdb/nsnest -> \S*tests/gdb/nsnest; "
                                r"automatic loading on; \d+ hook calls, [2-9]\d* loads", status),
          "nest-usersyms should show nsnest loaded after init (2 loads or more)")
    run("delete")
    return True


def test_syscall_round_trip():
    run("break clone")
    if not cont_to("clone", "break-libc-clone"):
        return
    run("delete")
    run("break copy_pid_ns")
    if not cont_to("copy_pid_ns", "into-the-kernel"):
        return
    bt = run("bt")
    check("bt-kernel-to-user", in_order(frames(), ["copy_pid_ns", "sys_clone",
                                                   "do_int80_syscall", "common_interrupt",
                                                   "__clone"]) and
          find(r"in clone \(\)", bt) and find(r"in enter_namespace \(\)", bt),
          "the backtrace should go from copy_pid_ns down to nsnest's frames")
    run("delete")
    for _ in range(MAX_FINISHES):
        if pc() < PAGE_OFFSET:
            break
        run("finish")
    eax = int(value("$eax"))
    check("back-to-user-mode", pc() < PAGE_OFFSET and frames()[0] == "__clone" and eax > 0,
          f"after finishing: {frames()[:3]}, eax {eax}")


def test_back_to_init():
    run("break sys_reboot")
    if not cont_to("sys_reboot", "init-calls-reboot"):
        return
    objs = user_objfiles()
    check("init-symbols-back", len(objs) == 1 and objs[0].endswith(INIT_HOST),
          f"user objfiles loaded: {objs}")
    bt = run("bt")
    check("bt-into-init", find(r"in main \(.*\) at user/bin/init\.c", bt),
          "the backtrace should reach init's main()")
    # nsnest's namespace is gone by now: freed from the workqueue (free_work).
    wq = run("nest-wq 0")
    check("nest-wq-trace", all(find(rf"^\s+\d+\s+\d+ {event}\s+events\s+\d+ +"
                                    r"do_free_pid_ns work=0x[0-9a-f]+", wq)
                               for event in ("queue", "start", "finish")),
          "the trace ring should show do_free_pid_ns queued, started and finished")
    run("delete")


def body():
    if test_user_breakpoint():
        test_syscall_round_trip()
        test_back_to_init()
    try:
        run("continue")
    except gdb.error:
        pass                        # powered off


main(body)
