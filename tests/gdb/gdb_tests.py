#!/usr/bin/env python3
"""
tests/gdb/gdb_tests.py - the GDB sessions of `make test`: each boots Nest
paused under QEMU, runs gdb -batch with tools/gdb/nest.gdb and one script
of tests/gdb/, and reports every check the script makes.

tests/run.py imports this file (GDB_TESTS, run_gdb_test); alone it runs
them all:

    tests/gdb/gdb_tests.py [--build build] [--only REGEX] [--keep]

A session is one entry of GDB_TESTS:

    name      results are gdb:<name>:<check>; the log (GDB's output, then
              the guest's console) is build/test-logs/gdb-<name>.log
    append    the kernel command line
    script    the GDB-side script, in tests/gdb/ (see gdbtest.py)
    timeout   seconds for the whole session (times $NEST_TIMEOUT_SCALE)
    needs     optional: a file under the build directory the session needs;
              without it the session is skipped (user/bin/nsdemo is a
              colleague's program, which may not be there yet)
    launcher  optional, "make-gdb": start QEMU and GDB the way `make gdb`
              does (tools/gdb/qemu.sh), with PROG=<prog>, on a free TCP
              port; otherwise QEMU's stub is a Unix socket of its own, so
              sessions can run side by side

A session passes only if the script ran to its end marker, every check
passed and GDB's exit status (set by the script) is 0.
"""
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
HERE = Path(__file__).resolve().parent
GDB = os.environ.get("GDB", "gdb")
QEMU = os.environ.get("QEMU", "qemu-system-i386")
SOCKET_WAIT = 10                    # seconds for QEMU to open its GDB socket
END_MARKER = "# gdb test script finished"
CHECK_LINE = re.compile(r"^(ok|not ok) (\S+)(?: # (.*))?$")

NSNEST = "/tests/gdb/nsnest"
GDB_TESTS = [
    # The session of the issue: make gdb PROG=nsdemo's machine, copy_pid_ns
    # and the system call path, nest-ps and nest-pidns against nsdemo's tree.
    {"name": "nsdemo", "append": "init=/bin/nsdemo", "script": "test_nsdemo.py",
     "needs": "user/nest/root/bin/nsdemo", "timeout": 120},
    # clone(CLONE_NEWPID) seen from GDB: the system call path, alloc_pid,
    # nest-ps / nest-pidns / nest-slabinfo / nest-wq / nest-bt, $task().
    {"name": "pidns", "append": f"init=/sbin/init {NSNEST}", "script": "test_pidns.py",
     "timeout": 120},
    # User programs' symbols: a user breakpoint, user frames, stepping from
    # clone() into the kernel and back out, the switch back to init's symbols.
    {"name": "usersyms", "append": f"init=/sbin/init {NSNEST} 1", "script": "test_usersyms.py",
     "timeout": 120},
    # nest-break-exceptions stops at the fault, before the kernel's report.
    {"name": "exceptions", "append": "crash=null", "script": "test_exceptions.py",
     "timeout": 60},
    # `make gdb PROG=nsnest`'s launcher: init= and the .gdbinit-free set-up.
    {"name": "make-gdb", "launcher": "make-gdb", "prog": "nsnest", "append": "",
     "script": "test_make_gdb.py", "timeout": 60},
]


class Result:
    """Same fields as tools/nest-run.py's Result, so tests/run.py can print it."""

    def __init__(self, name, status, reason=""):
        self.name, self.status, self.reason = name, status, reason


def scaled(seconds):
    return seconds * float(os.environ.get("NEST_TIMEOUT_SCALE", "1"))


def free_port():
    with socket.socket() as s:
        s.bind(("localhost", 0))
        return s.getsockname()[1]


def qemu_command(build, append, remote, serial):
    return [QEMU, "-m", "128M", "-no-reboot", "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
            "-kernel", str(build / "kernel.elf"), "-initrd", str(build / "initramfs.cpio"),
            "-append", append, "-display", "none", "-monitor", "none",
            "-serial", f"file:{serial}",
            "-chardev", f"socket,id=gdb0,path={remote},server=on,wait=off",
            "-gdb", "chardev:gdb0", "-S"]


def start_session(t, build, tmp):
    """Start QEMU and GDB for session @t; returns (gdb process, qemu process or None, serial)."""
    serial = tmp / "serial.log"
    script = HERE / t["script"]
    env = dict(os.environ, NEST_BUILD=str(build), NEST_SERIAL_LOG=str(serial))
    if t.get("launcher") == "make-gdb":
        env.update(O=str(build), GDB=GDB, QEMU=QEMU, GDBPORT=str(free_port()), PROG=t["prog"],
                   CMDLINE=t["append"], GDBARGS=f"-batch -x {script}")
        gdb = subprocess.Popen(["sh", str(ROOT / "tools/gdb/qemu.sh"), "gdb"], cwd=ROOT, env=env,
                               stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, start_new_session=True)
        return gdb, None, build / "gdb-serial.log"
    remote = tmp / "gdb.sock"
    qemu = subprocess.Popen(qemu_command(build, t["append"], remote, serial), cwd=ROOT,
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + SOCKET_WAIT
    while not remote.exists() and time.monotonic() < deadline and qemu.poll() is None:
        time.sleep(0.05)
    env["NEST_GDB_REMOTE"] = str(remote)
    gdb = subprocess.Popen([GDB, "-nx", "-q", "-batch", "-x", "tools/gdb/nest.gdb",
                            "-x", str(script)], cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return gdb, qemu, serial


def stop(proc, group=False):
    if proc is None or proc.poll() is not None:
        return
    try:
        if group:
            os.killpg(proc.pid, 15)
        else:
            proc.terminate()
        proc.wait(timeout=5)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        proc.kill()
        proc.wait()


def judge(name, output, returncode, timed_out):
    """Results from a session's output and GDB's exit status."""
    results = []
    for line in output.splitlines():
        m = CHECK_LINE.match(line)
        if m:
            results.append(Result(f"gdb:{name}:{m.group(2)}", m.group(1), m.group(3) or ""))
    failed = any(r.status == "not ok" for r in results)
    why = None
    if timed_out:
        why = "timeout: GDB was killed"
    elif END_MARKER not in output:
        why = "the script did not reach its end (see the log)"
    elif returncode != (1 if failed else 0):
        why = f"gdb exited with status {returncode}, the checks say {1 if failed else 0}"
    elif not results:
        why = "no checks were made"
    if why:
        results.append(Result(f"gdb:{name}", "not ok", why))
    return results


def run_gdb_test(t, build, logs):
    """Run one session; returns (results, log path)."""
    build = Path(build)
    log = Path(logs) / f"gdb-{t['name']}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    if t.get("needs") and not (build / t["needs"]).is_file():
        return [Result(f"gdb:{t['name']}", "skip", f"{t['needs']} not built")], None
    if shutil.which(GDB) is None:
        return [Result(f"gdb:{t['name']}", "not ok", f"{GDB} not found (make doctor)")], None
    for f in ("kernel.elf", "initramfs.cpio"):
        if not (build / f).is_file():
            return [Result(f"gdb:{t['name']}", "not ok", f"{build / f} missing: run make")], None
    tmp = Path(tempfile.mkdtemp(prefix="nest-gdb-"))
    group = t.get("launcher") == "make-gdb"
    try:
        gdb, qemu, serial = start_session(t, build, tmp)
        timed_out = False
        try:
            output, _ = gdb.communicate(timeout=scaled(t["timeout"]))
        except subprocess.TimeoutExpired:
            timed_out = True
            stop(gdb, group)
            output, _ = gdb.communicate()
        stop(qemu)
        text = output.decode("utf-8", "replace")
        console = serial.read_text(errors="replace") if serial.exists() else ""
        log.write_text(text + "\n---- guest console ----\n" + console)
        return judge(t["name"], text, gdb.returncode, timed_out), log
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main(argv=None):
    import argparse
    p = argparse.ArgumentParser(description="Run Nest's GDB sessions.")
    p.add_argument("--build", default="build")
    p.add_argument("--only", default="", metavar="REGEX")
    args = p.parse_args(argv)
    build = (ROOT / args.build).resolve()
    failed = passed = 0
    for t in GDB_TESTS:
        if not re.search(args.only, f"gdb:{t['name']}"):
            continue
        results, log = run_gdb_test(t, build, build / "test-logs")
        for r in results:
            print(f"{r.status} {r.name}" + (f" # {r.reason}" if r.reason else ""))
            failed += r.status == "not ok"
            passed += r.status == "ok"
        if log and any(r.status == "not ok" for r in results):
            print(f"# log: {log}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
