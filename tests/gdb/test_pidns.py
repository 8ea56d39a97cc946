"""
tests/gdb/test_pidns.py - a GDB session that watches pid namespaces being
made (run by tests/gdb/gdb_tests.py, inside gdb -batch).

The machine boots init=/sbin/init with /tests/gdb/nsnest as init's program
(tests/gdb/nsnest.c: namespaces three deep, a last child in the deepest).
The session
  - breaks at copy_pid_ns and checks that the backtrace is the system call
    path, from the user program's clone() through int $0x80 to
    copy_namespaces() and copy_pid_ns(), and that `finish` returns a
    namespace one level down;
  - breaks at alloc_pid for a level-3 pid and watches numbers[] fill from
    the deepest level up;
  - stops in the last child (a user breakpoint) and checks what nest-ps,
    nest-pidns, nest-slabinfo, nest-wq, nest-bt and the convenience
    functions show against the numbers nsnest must have;
  - lets the program finish and checks its own report on the console.
"""
import os
import re
import sys

import gdb

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gdbtest import (check, cont_to, find, frames, in_order, main, parse_pidns,  # noqa: E402
                     parse_ps, run, serial_log, value)

CLONE_NEWPID = 0x20000000
DEPTH = 3
SYSCALL_PATH = ["copy_pid_ns", "create_new_namespaces", "copy_namespaces", "copy_process",
                "kernel_clone", "sys_clone", "do_int80_syscall", "do_interrupt",
                "common_interrupt", "__clone"]


def test_copy_pid_ns():
    run("break copy_pid_ns")
    if not cont_to("copy_pid_ns", "break-copy_pid_ns"):
        return
    names = frames()
    check("bt-syscall-path", in_order(names, SYSCALL_PATH),
          f"frames {names}, want {SYSCALL_PATH} in that order")
    bt = run("bt")
    # Below __clone the frame filter follows the user program's frame pointers.
    check("bt-user-frames", find(r"in clone \(\).*user/lib/clone\.c", bt) and
          find(r"in enter_namespace \(\).*tests/gdb/nsnest\.c", bt) and
          find(r"in main \(\).*tests/gdb/nsnest\.c", bt),
          "no clone / enter_namespace / main frames below __clone")
    check("copy_pid_ns-args", int(value("flags")) & CLONE_NEWPID and
          int(value("old_ns->level")) == 0 and
          int(value("old_ns")) == int(value("&init_pid_ns")),
          f"flags {int(value('flags')):#x}, old_ns {value('old_ns')}")
    run("finish")
    ns = value("$")
    check("finish-returns-level-1", int(ns["level"]) == 1 and
          int(ns["parent"]) == int(value("&init_pid_ns")),
          f"returned {ns}")
    run("delete")


def test_alloc_pid():
    """The last child's alloc_pid: numbers[] filled deepest level first."""
    run("break alloc_pid if ns->level == 3")
    if not cont_to("alloc_pid", "break-alloc_pid-level-3"):
        return None
    # That was the level-3 init's pid; the next is its child's.
    if not cont_to("alloc_pid", "break-alloc_pid-level-3-again"):
        return None
    for _ in range(4):              # step past kmem_cache_alloc(): then `pid` is set
        run("next")
        try:
            if int(value("pid")) != 0:
                break
        except gdb.error:
            pass                    # <optimized out> until it is assigned
    for level in range(DEPTH + 1):
        run(f"watch -l pid->numbers[{level}].nr")
    order = []

    def on_stop(event):
        # Which watchpoint fired: the stop message is not part of `continue`'s output.
        for bp in getattr(event, "breakpoints", []):
            m = re.search(r"numbers\[(\d)\]", bp.expression or "")
            if m:
                order.append(int(m.group(1)))

    gdb.events.stop.connect(on_stop)
    for _ in range(DEPTH + 1):
        run("continue")
    gdb.events.stop.disconnect(on_stop)
    check("alloc_pid-deepest-first", order == list(range(DEPTH, -1, -1)),
          f"numbers[] written in the order {order}")
    numbers = [int(value(f"pid->numbers[{i}].nr")) for i in range(DEPTH + 1)]
    check("alloc_pid-numbers", numbers[1:] == [4, 3, 2],
          f"numbers[] = {numbers}, want [N, 4, 3, 2]")
    run("delete")
    return numbers


def test_helpers(last_numbers):
    run("break deepest_child")
    if not cont_to("deepest_child", "user-breakpoint-deepest_child"):
        return
    rows = parse_ps(run("nest-ps"))
    inner = {r["inner"]: pid for pid, r in rows.items() if r["comm"] == "nsnest"}
    want = ["[1]1", "[1]2 [2]1", "[1]3 [2]2 [3]1", "[1]4 [2]3 [3]2"]
    have_all = all(w in inner for w in want)
    check("nest-ps-levels", have_all, f"nsnest rows {sorted(inner)}, want {want}")
    if have_all:
        last, init3 = rows[inner[want[3]]], inner[want[2]]
        check("nest-ps-current", last["current"] and last["level"] == DEPTH,
              f"row {last}: not marked current, or level not {DEPTH}")
        check("nest-ps-reaper", last["reaper"] == init3 and rows[init3]["reaper"] == init3,
              f"last child's reaper {last['reaper']}, level-3 init is {init3}")
        check("nest-ps-matches-alloc_pid", last_numbers is None or
              last["pids"] == " ".join(f"[{i}]{n}" for i, n in enumerate(last_numbers)),
              f"nest-ps {last['pids']!r}, alloc_pid made {last_numbers}")
        check("nest-ps-matches-kernel", inner[want[3]] == int(value("$current()->pid")) and
              int(value(f"$current()->pids[0].pid->numbers[{DEPTH}].nr")) == 2,
              "nest-ps disagrees with $current()->pids[0].pid")

    pidns = run("nest-pidns")
    spaces = parse_pidns(pidns)
    check("nest-pidns-levels", sorted(spaces) == [0, 1, 2, 3], f"levels {sorted(spaces)}")
    # Level L holds the inits of levels L..3 and the last child: last_pid = pids = 5 - L.
    for level in (1, 2, 3):
        if level in spaces:
            ns = spaces[level]
            check(f"nest-pidns-level-{level}", ns["last_pid"] == 5 - level and
                  ns["pids"] == 5 - level and ns["comm"] == "nsnest",
                  f"level {level}: {ns}; want last_pid and pids {5 - level}")
    if 3 in spaces and have_all:
        check("nest-pidns-init", spaces[3]["init"] == inner[want[2]],
              f"level 3 init [0]{spaces[3]['init']}, nest-ps says {inner[want[2]]}")
    check("nest-pidns-count", find(r"3 namespaces below the initial one found from tasks; "
                                   r"pid_ns_count says 3 alive", pidns), "count line")

    slab = run("nest-slabinfo")
    m = find(r"^pid_4\s+(\d+)\s+(\d+)\s+\d+", slab)
    check("nest-slabinfo-pid_4", m and int(m.group(1)) == 2,
          "pid_4 (level-3 pids) should hold 2 objects: the level-3 init and its child")
    m = find(r"^task_struct\s+(\d+)", slab)
    check("nest-slabinfo-matches-kernel", m and int(m.group(1)) == len(rows) - 1,
          f"task_struct active {m and m.group(1)}, nest-ps has {len(rows) - 1} tasks "
          "besides swapper")

    wq = run("nest-wq")
    check("nest-wq", find(r"^workqueue 'events' at 0x[0-9a-f]+: pool \d+", wq) and
          find(r"worker kworker/\S+\s+pid \d+", wq) and find(r"^trace ring: ", wq),
          "no events queue, worker or trace line")

    if have_all:
        bt = run(f"nest-bt {inner[want[2]]}")
        check("nest-bt-sleeping", in_order([ln.split(" in ")[1].split(" ")[0]
                                            for ln in bt.splitlines() if " in " in ln],
                                           ["context_switch", "schedule", "do_wait",
                                            "sys_wait4", "do_int80_syscall", "do_interrupt",
                                            "common_interrupt"]) and
              find(r"system call 114 \(sys_wait4\) from user mode", bt),
              "the level-3 init should sleep in wait4")
        check("task-function-in-ns", int(value(
            "$task(1, $current()->nsproxy->pid_ns_for_children)")) ==
            int(value(f"$task({inner[want[2]]})")),
            "$task(1, level-3 namespace) is not the level-3 init")
    check("current-function", int(value("$current()")) == int(value("current")), "")
    check("task-function", value("$task(1)->comm").string() == "init",
          f"$task(1)->comm = {value('$task(1)->comm')}")
    check("container_of-function", int(value(
        '$container_of(&$current()->tasks, "struct task_struct", "tasks")')) ==
        int(value("current")), "")
    run("delete")


def test_end():
    """Let it finish; its own report must agree."""
    try:
        run("continue")
    except gdb.error:
        pass                        # the machine powered off: the stub went away
    log = serial_log()
    check("program-report", find(r"^nsnest: level 3 child: pid 2, parent 1", log) and
          find(r"^nsnest: done", log) and
          find(r"init: /tests/gdb/nsnest exited with status 0", log),
          "the console lacks nsnest's lines or init's exit line")


def body():
    test_copy_pid_ns()
    numbers = test_alloc_pid()
    test_helpers(numbers)
    test_end()


main(body)
