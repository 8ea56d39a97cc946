"""
tests/gdb/gdbtest.py - what the GDB test scripts (tests/gdb/test_*.py)
share.  They run inside `gdb -batch`, after tools/gdb/nest.gdb has loaded
the kernel and the helpers and connected to a paused QEMU.

A script calls check() for each thing it verifies; every call prints one
line, "ok NAME" or "not ok NAME # why", which tests/gdb/gdb_tests.py turns
into results.  done() prints the end marker and quits GDB with status 0
if every check passed, 1 otherwise: `gdb -batch` itself only reports
whether its last command failed, so the status must come from here.  A
script that dies half-way never prints the marker, and that is a failure
too.
"""
import os
import re
import sys
import traceback

import gdb

END_MARKER = "# gdb test script finished"
failures = 0


def check(name, ok, why=""):
    """One result line; @why says what was seen when @ok is false."""
    global failures
    if ok:
        print(f"ok {name}")
    else:
        failures += 1
        print(f"not ok {name} # {why}".rstrip(" #"))
    sys.stdout.flush()
    return ok


def run(command):
    """Run a GDB command; its output, also echoed (indented) for the log."""
    out = gdb.execute(command, to_string=True)
    print(f"(gdb) {command}")
    for line in out.splitlines():
        print(f"    {line}")
    sys.stdout.flush()
    return out


def value(expr):
    return gdb.parse_and_eval(expr)


def stop_location():
    """The function the machine is stopped in."""
    frame = gdb.newest_frame()
    return frame.name() or "??"


def cont_to(function, what):
    """Continue until the machine stops; check it stopped in @function."""
    run("continue")
    where = stop_location()
    return check(what, where == function, f"stopped in {where}, not {function}")


def frames():
    """Function names of the backtrace, innermost first."""
    names, frame = [], gdb.newest_frame()
    while frame is not None and len(names) < 64:
        names.append(frame.name() or f"{frame.pc():#x}")
        frame = frame.older()
    return names


def in_order(names, wanted):
    """True if @wanted appear in @names in this order (others may lie between)."""
    it = iter(names)
    return all(any(n == w for n in it) for w in wanted)


def serial_log():
    """The guest's console output so far (tests/gdb/gdb_tests.py sets the path)."""
    path = os.environ.get("NEST_SERIAL_LOG")
    if not path or not os.path.exists(path):
        return ""
    with open(path, errors="replace") as f:
        return f.read()


def find(pattern, text):
    return re.search(pattern, text, re.MULTILINE)


PS_ROW = re.compile(r"^([> ])\s+(\d+) (\w)\s+(\d+) (.*?)\s+(\d+)\s+(\d+|-)\s+(\S+)")
PIDNS_ROW = re.compile(r"^\s*(?:`-)?(0x[0-9a-f]+)\s+(\d+)\s+\[0\](\d+) (\S+)\s+(\d+)\s+(\d+)"
                       r"\s+(\d+|-)")


def parse_ps(text):
    """nest-ps's rows: {pid: {current, state, level, pids, inner, ppid, reaper, comm}}.

    "inner" is the numbers below level 0 ("[1]4 [2]1"), the same on every run."""
    rows = {}
    for line in text.splitlines()[1:]:
        m = PS_ROW.match(line)
        if m:
            pids = m.group(5)
            rows[int(m.group(2))] = {
                "current": m.group(1) == ">", "state": m.group(3), "level": int(m.group(4)),
                "pids": pids, "inner": pids.split(" ", 1)[1] if " " in pids else "",
                "ppid": int(m.group(6)),
                "reaper": int(m.group(7)) if m.group(7) != "-" else None,
                "comm": m.group(8)}
    return rows


def parse_pidns(text):
    """nest-pidns's rows: {level: {addr, init, comm, last_pid, pids, refs}}."""
    return {int(m.group(2)): {"addr": m.group(1), "init": int(m.group(3)), "comm": m.group(4),
                              "last_pid": int(m.group(5)), "pids": int(m.group(6)),
                              "refs": m.group(7)}
            for m in (PIDNS_ROW.match(line) for line in text.splitlines()) if m}


def main(body):
    """Run the script's @body, then report and quit with the status."""
    try:
        body()
    except Exception as e:          # noqa: BLE001 - reported as a failure, then quit
        check("script-ran", False, f"{type(e).__name__}: {e}")
        traceback.print_exc()
        sys.stdout.flush()
    print(END_MARKER)
    sys.stdout.flush()
    gdb.execute(f"quit {1 if failures else 0}")
