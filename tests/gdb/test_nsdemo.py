"""
tests/gdb/test_nsdemo.py - the batch GDB session of the issue: boot
straight into /bin/nsdemo (as `make gdb PROG=nsdemo` does), break at
copy_pid_ns, check the system call path, then check nest-ps and
nest-pidns against the tree nsdemo documents (user/bin/nsdemo.c):

    A:  1 (A's init) -- 2, 3 (idle) -- 4 (B's init) -- 5 (idle), 6 (C's init)
    B:                                 1 (B's init) -- 2 (idle), 3 (C's init)
    C:                                                           1 (C's init)

The moment to look is C's init calling setsid(): every process exists.
Run by tests/gdb/gdb_tests.py inside gdb -batch.
"""
import os
import sys

import gdb

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gdbtest import (check, cont_to, find, frames, in_order, main, parse_pidns,  # noqa: E402
                     parse_ps, run, serial_log)

SYSCALL_PATH = ["copy_pid_ns", "copy_namespaces", "copy_process", "kernel_clone", "sys_clone",
                "do_int80_syscall", "do_interrupt", "common_interrupt", "__clone"]
# Below level 0, the numbers of nsdemo's processes: A's init, the idle
# ones in A, B's init, the idle one in B, C's init.
TREE = {"a_init": "[1]1", "a_idle1": "[1]2", "a_idle2": "[1]3", "b_init": "[1]4 [2]1",
        "b_idle": "[1]5 [2]2", "c_init": "[1]6 [2]3 [3]1"}


def body():
    run("break copy_pid_ns")
    if cont_to("copy_pid_ns", "break-copy_pid_ns"):
        names = frames()
        check("bt-syscall-path", in_order(names, SYSCALL_PATH),
              f"frames {names}, want {SYSCALL_PATH} in that order")
        bt = run("bt")
        check("bt-user-frames", find(r"in main \(.*user/bin/nsdemo\.c", bt),
              "the backtrace should reach nsdemo's main() below the system call")
    run("delete")

    run("break sys_setsid")
    if not cont_to("sys_setsid", "c_init-calls-setsid"):
        return
    rows = parse_ps(run("nest-ps"))
    demo = {r["inner"]: pid for pid, r in rows.items() if r["comm"] == "nsdemo"}
    check("nest-ps-numbers", all(v in demo for v in TREE.values()),
          f"nsdemo's numbers below level 0: {sorted(demo)}, want {sorted(TREE.values())}")
    if all(v in demo for v in TREE.values()):
        pid = {k: demo[v] for k, v in TREE.items()}
        want_levels = {"a_init": 1, "a_idle1": 1, "a_idle2": 1, "b_init": 2, "b_idle": 2,
                       "c_init": 3}
        check("nest-ps-levels", all(rows[pid[k]]["level"] == lvl
                                    for k, lvl in want_levels.items()),
              "a level column disagrees with the number of pids")
        reaper = {"a_init": "a_init", "a_idle1": "a_init", "a_idle2": "a_init",
                  "b_init": "b_init", "b_idle": "b_init", "c_init": "c_init"}
        check("nest-ps-reapers", all(rows[pid[k]]["reaper"] == pid[r]
                                     for k, r in reaper.items()),
              "each task's reaper should be its namespace's init")
        check("nest-ps-parents", rows[pid["b_idle"]]["ppid"] == pid["b_init"] and
              rows[pid["c_init"]]["ppid"] == pid["b_init"] and
              rows[pid["b_init"]]["ppid"] == pid["a_init"],
              "parents disagree with nsdemo's tree")
        check("nest-ps-current", rows[pid["c_init"]]["current"], "C's init should be running")
        spaces = parse_pidns(run("nest-pidns"))
        want = {1: (pid["a_init"], 6), 2: (pid["b_init"], 3), 3: (pid["c_init"], 1)}
        check("nest-pidns-levels", sorted(spaces) == [0, 1, 2, 3], f"levels {sorted(spaces)}")
        for level, (init, count) in want.items():
            ns = spaces.get(level)
            check(f"nest-pidns-level-{level}", ns is not None and ns["init"] == init and
                  ns["last_pid"] == count and ns["pids"] == count,
                  f"level {level}: {ns}; want init [0]{init}, last_pid and pids {count}")
    run("delete")
    try:
        run("continue")
    except gdb.error:
        pass                        # nsdemo was init: the machine powered off
    check("nsdemo-report", find(r"^\s*C's init\s+C\s+1\s+0\s+3 \(in B\)", serial_log()),
          "nsdemo's own table lacks C's init (1 in C, 3 in B)")


main(body)
