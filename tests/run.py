#!/usr/bin/env python3
"""
tests/run.py - run all of Nest's tests; this is what `make test` calls.

Usage (from anywhere; paths are relative to the top of the tree):

    tests/run.py                  host unit tests, then every boot run
    tests/run.py --only slab      only host binaries / boot runs matching
    tests/run.py --list           show what would run
    tests/run.py -j2              two QEMUs at a time
    tests/run.py --self-test      check the result parsers on sample text

1. Host unit tests: every executable build/host/test_* (built by make with
   ASan/UBSan) prints TAP version 13; each "ok"/"not ok" line becomes a
   result host:<binary>:<name>.  A crash, a non-zero exit without a
   "not ok", or a missing plan is one more failure, host:<binary>.
2. Boot runs: every entry of tests/boot_tests.py, booted once under QEMU by
   tools/nest-run.py.  Results are ktest:<suite>:<case> and boot:<name>.
3. User tests: tests/user_tests.py, each program as init (user:<name>).
4. GDB sessions: every entry of tests/gdb/gdb_tests.py, a paused QEMU and
   gdb -batch running a script of checks.  Results are gdb:<session>:<check>.
5. Lab tests: every test of every tests/labs/labN.py, graded on this tree
   by tests/labs/grade.py; each must get its full points (lab<N>:<test>).

Transcripts go to build/test-logs/<name>.log.  The last line printed is
always "N passed, N failed" (", N skipped" if any), and the exit status is
1 if anything failed.  NEST_TIMEOUT_SCALE=2 doubles every timeout.
"""
import argparse
import importlib.util
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The build directory; --build changes it (the Makefile passes its O=).
BUILD = ROOT / "build"
LOGS = BUILD / "test-logs"
KERNEL = BUILD / "kernel.elf"
HOST_TIMEOUT = 60

sys.dont_write_bytecode = True     # keep __pycache__ out of the source tree

# tools/nest-run.py has a dash in its name, so load it by path.
_spec = importlib.util.spec_from_file_location("nest_run", ROOT / "tools" / "nest-run.py")
nest = importlib.util.module_from_spec(_spec)
sys.modules["nest_run"] = nest
_spec.loader.exec_module(nest)
Result = nest.Result

sys.path.insert(0, str(ROOT / "tests"))
from boot_tests import BOOT_TESTS  # noqa: E402
import user_tests  # noqa: E402

# The labs' tests (tests/labs/labN.py), graded on this full tree: each must
# get its full points, as tools/lab.py's CI check also demands.
_spec = importlib.util.spec_from_file_location("grade", ROOT / "tests" / "labs" / "grade.py")
grade = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(grade)

# tests/gdb/ is no package (and must not shadow GDB's own `gdb` module): by path.
_spec = importlib.util.spec_from_file_location("gdb_tests", ROOT / "tests" / "gdb" / "gdb_tests.py")
gdb_tests = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gdb_tests)


# --------------------------------------------------------------------------
# Host unit tests

TAP_RESULT = re.compile(r"^(not ok|ok) (\d+)\s*(?:-\s*)?([^#]*?)\s*(?:#\s*(\w+)\s*(.*))?$")


def parse_host_tap(binary, output, returncode):
    """Results for one host test program's TAP output and exit status."""
    results, plan, diag = [], None, ""
    for line in output.splitlines():
        if m := re.match(r"^1\.\.(\d+)", line):
            plan = int(m.group(1))
        elif m := TAP_RESULT.match(line):
            skip = (m.group(4) or "").upper() in ("SKIP", "TODO")
            status = "skip" if skip else m.group(1)
            # tap.h prints a failed check ("#   file.c:42: expected ...") first.
            why = (m.group(5) or "") if skip else diag if status == "not ok" else ""
            results.append(Result(f"host:{binary}:{m.group(3) or m.group(2)}", status, why))
            diag = ""
        elif line.startswith("#") and not diag:
            diag = line.lstrip("# ").strip()
    failed = any(r.status == "not ok" for r in results)
    why = None
    if returncode < 0:
        why = f"killed by signal {-returncode}"
    elif returncode != 0 and not failed:
        why = f"exit status {returncode} but no 'not ok' line (crash? sanitizer?)"
    elif plan is None:
        why = "no TAP plan (1..N): the program stopped early"
    elif plan != len(results):
        why = f"plan says {plan} tests, {len(results)} ran"
    if why:
        results.append(Result(f"host:{binary}", "not ok", why))
    return results


def run_host_test(path):
    """Run one build/host/test_* program; returns (results, log path)."""
    timeout = nest.scaled_timeout(HOST_TIMEOUT)
    try:
        proc = subprocess.run([str(path)], stdin=subprocess.DEVNULL, timeout=timeout,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        output, rc = proc.stdout.decode("utf-8", "replace"), proc.returncode
    except subprocess.TimeoutExpired as e:
        output = (e.stdout or b"").decode("utf-8", "replace")
        return [Result(f"host:{path.name}", "not ok", f"timeout ({timeout:g}s)")], \
            write_log(f"host-{path.name}", output)
    return parse_host_tap(path.name, output, rc), write_log(f"host-{path.name}", output)


def write_log(name, text):
    LOGS.mkdir(parents=True, exist_ok=True)
    (LOGS / f"{name}.log").write_text(text)
    return LOGS / f"{name}.log"


# --------------------------------------------------------------------------
# Boot runs

def shown(path):
    """A path as the user would type it: relative to the tree when inside it."""
    path = Path(path)
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def is_ubsan_build():
    """Was the kernel in BUILD compiled with UBSan (make UBSAN=1)?"""
    stamp = BUILD / ".flags"            # the Makefile's record of its flags
    return stamp.is_file() and "-fsanitize=undefined" in stamp.read_text()


def run_boot_test(t):
    """Boot one entry of BOOT_TESTS; returns (results, log path)."""
    image = KERNEL if t["mode"] == "kernel" else BUILD / t.get("iso", "nest.iso")
    log = LOGS / f"{t['name']}.log"
    if t.get("needs") == "ubsan" and not is_ubsan_build():
        return [Result(f"boot:{t['name']}", "skip",
                       "not a UBSan kernel (make test-ubsan runs it)")], None
    if not image.is_file():
        why = f"{shown(image)} not found: run make first"
        return [Result(f"boot:{t['name']}", "not ok", why)], None
    initrd = t.get("initrd") and BUILD / t["initrd"]
    results = nest.run_spec(
        t["name"], kernel=image if t["mode"] == "kernel" else None,
        iso=image if t["mode"] == "iso" else None, initrd=initrd,
        append=t["append"] if t["mode"] == "kernel" else None,
        ktap=t["ktap"], expect=t["expect"], expect_panic=t["expect_panic"],
        timeout=t["timeout"], transcript=log, script=t.get("script", ()),
        qemu_args=t.get("qemu_args", ()), debug_exit=t.get("debug_exit", True))
    return results, log


def run_user_test(t):
    """One user-level test program: on Nest (as init) and on Linux, compared.

    Without a Linux reference on this host the Nest run still happens and
    must succeed (init exits 0, nothing from the kernel on the console);
    only the comparison is skipped, and the summary says so.
    """
    name = f"user:{t['name']}"
    log = LOGS / f"user-{t['name']}.nest.log"
    if not (BUILD / "initramfs.cpio").is_file():
        return [Result(name, "not ok", "initramfs.cpio not found: run make first")], None
    ok, _ = user_tests.linux_available(BUILD)
    if ok:
        status, reason = user_tests.run_pair(t, nest.boot, BUILD, LOGS)
        return [Result(name, status, reason)], log
    kwargs = user_tests.nest_boot_kwargs(t, BUILD)
    status, text, timed_out = nest.boot(transcript=log, **kwargs)
    problems = user_tests.compare(t["name"], user_tests.normalize(text),
                                  user_tests.normalize(text), 0,
                                  None if timed_out else status)
    if timed_out:
        problems.insert(0, f"Nest timed out after {kwargs['timeout']:g}s")
    return [Result(name, "not ok" if problems else "ok", "; ".join(problems))], log


def run_lab_test(grader, n, t):
    """One test of lab n, graded on this tree: ok only with full points."""
    earned, reason, log = grader.run(t)
    if earned == t["points"]:
        return [Result(f"lab{n}:{t['label']}", "ok", "")], log
    why = f"{earned}/{t['points']} points: {reason}".replace("\n", "\n#")
    return [Result(f"lab{n}:{t['label']}", "not ok", why)], log


def report(results, log):
    """Print one run's results; on failure, where its log is and its tail."""
    for r in results:
        print(r.line())
    if log and any(r.status == "not ok" for r in results):
        print(f"# transcript: {shown(log)}")
        for line in log.read_text(errors="replace").splitlines()[-12:]:
            print(f"#   {line}")
    sys.stdout.flush()


def qemu_version():
    """"path (version)" of the QEMU we use, or None if it is missing."""
    try:
        out = subprocess.run([nest.QEMU, "--version"], capture_output=True, text=True)
    except FileNotFoundError:
        return None
    return f"{nest.QEMU} ({out.stdout.splitlines()[0].strip()})"


def main(argv=None):
    p = argparse.ArgumentParser(description="Run Nest's host unit tests and QEMU boot tests.")
    p.add_argument("--only", metavar="REGEX", default="",
                   help="only host binaries / boot runs whose name matches")
    p.add_argument("--list", action="store_true", help="list the tests and exit")
    p.add_argument("-j", type=int, default=1, metavar="N", help="QEMUs run at once")
    p.add_argument("--self-test", action="store_true", help="test the parsers")
    p.add_argument("--build", metavar="DIR", default="build",
                   help="the build directory (default: build)")
    args = p.parse_args(argv)
    global BUILD, LOGS, KERNEL
    BUILD = (ROOT / args.build).resolve()
    LOGS, KERNEL = BUILD / "test-logs", BUILD / "kernel.elf"
    if args.self_test:
        return self_test()

    hosts = sorted(f for f in (BUILD / "host").glob("test_*")
                   if f.is_file() and f.stat().st_mode & 0o111
                   and re.search(args.only, f.name))
    boots = [t for t in BOOT_TESTS if re.search(args.only, t["name"])]
    users = [t for t in user_tests.USER_TESTS if re.search(args.only, f"user:{t['name']}")]
    gdbs = [t for t in gdb_tests.GDB_TESTS if re.search(args.only, f"gdb:{t['name']}")]
    labs = [(n, t) for n in grade.lab_numbers() for t in grade.load_lab(n)["tests"]
            if re.search(args.only, f"lab{n}:{t['label']}")]
    if args.list:
        for f in hosts:
            print(f"host  {shown(f)}")
        for t in boots:
            print(f"boot  {t['name']:24} {t['mode']:6} {t['append'] or ''}")
        for t in users:
            print(f"user  {t['name']:24} init=/tests/{t['name']}")
        for t in gdbs:
            print(f"gdb   {t['name']:24} {t['append'] or 'PROG=' + t['prog']} "
                  f"(tests/gdb/{t['script']})")
        for n, t in labs:
            print(f"lab   lab{n}:{t['label']:19} {t['points']} points (tests/labs/lab{n}.py)")
        return 0

    results = []
    if not hosts and not args.only:
        print("# no host tests in build/host/ (run make first?)")
    for f in hosts:
        res, log = run_host_test(f)
        report(res, log)
        results += res

    if boots:
        version = qemu_version()
        if version is None:
            print(f"# error: {nest.QEMU} not found (install QEMU or set $QEMU)")
            results += [Result(f"boot:{t['name']}", "not ok", "no QEMU") for t in boots]
            boots = []
        else:
            print(f"# using {version}")
        if boots and not KERNEL.is_file():
            print("# error: build/kernel.elf is missing: run make first")
        with ThreadPoolExecutor(max_workers=max(1, args.j)) as pool:
            for res, log in pool.map(run_boot_test, boots):   # in table order
                report(res, log)
                results += res

    if users:
        ok, why = user_tests.linux_available(BUILD)
        print("# user tests: each runs as init on Nest and, " +
              ("as pid 1 of a new pid namespace, on this Linux; the transcripts must match"
               if ok else f"NOT on Linux (comparison skipped: {why})"))
        with ThreadPoolExecutor(max_workers=max(1, args.j)) as pool:
            for res, log in pool.map(run_user_test, users):
                report(res, log)
                results += res

    if gdbs:
        print(f"# gdb sessions: {gdb_tests.GDB} -batch with tools/gdb/nest.gdb, "
              "QEMU paused at reset")
        with ThreadPoolExecutor(max_workers=max(1, args.j)) as pool:
            for res, log in pool.map(lambda t: gdb_tests.run_gdb_test(t, BUILD, LOGS), gdbs):
                res = [Result(r.name, r.status, r.reason) for r in res]
                report(res, log)
                results += res

    if labs:
        print("# lab tests (tests/labs/): the full tree is the reference solution, "
              "so each gets its full points")
        grader = grade.Grader(BUILD, LOGS / "labs")
        (LOGS / "labs").mkdir(parents=True, exist_ok=True)
        with ThreadPoolExecutor(max_workers=max(1, args.j)) as pool:
            for res, log in pool.map(lambda nt: run_lab_test(grader, *nt), labs):
                report(res, log)
                results += res

    print(nest.summary(results))
    return 1 if any(r.status == "not ok" for r in results) else 0


# --------------------------------------------------------------------------
# Self-test: the parsers against sample transcripts (no kernel needed)

SAMPLE_PASS = """\
[    0.000000] Nest 0.1 booting
KTAP version 1
1..2
    KTAP version 1
    # Subtest: buddy
    1..2
[    0.010000] buddy: 32512 pages free
    ok 1 buddy_split_merge
    ok 2 buddy_counters # SKIP no reason
# buddy: leak check passed
ok 1 buddy
[    0.020000]     KTAP version 1
[    0.020000]     # Subtest: slab
[    0.020000]     1..1
[    0.020000]     ok 1 slab_reuse
[    0.020000] ok 2 slab
"""
SAMPLE_FAIL = """\
KTAP version 1
1..2
    KTAP version 1
    # Subtest: buddy
    1..3
    ok 1 buddy_split_merge
    not ok 2 buddy_exhaustion
    # buddy_exhaustion: mm/page_alloc.c:80: expected a == b (3 != 4)
    ok 3 buddy_counters # SKIP no reason
not ok 1 buddy
    KTAP version 1
    # Subtest: slab
    1..1
    ok 1 slab_reuse
# slab: leak check failed: kmalloc-32 has 1 active object
not ok 2 slab
"""
SAMPLE_PANIC = """\
KTAP version 1
1..2
    KTAP version 1
    # Subtest: buddy
    1..3
    ok 1 buddy_split_merge
BUG: unable to handle page fault at 00000000
Kernel panic - not syncing: page fault in kernel mode
 EIP: c0101234 EFLAGS: 00010046
 [<c0101234>] crash_null+0x4/0x10
 [<c0100a10>] kmain+0x1c/0x80
"""
HOST_SAMPLE = "TAP version 13\nok 1 - split\n#   x.c:4: expected\nnot ok 2 - merge\n1..2\n"


def self_test():
    checks = []

    def check(name, got, want):
        checks.append(Result(f"self-test:{name}", "ok" if got == want else "not ok",
                             "" if got == want else f"got {got!r}, want {want!r}"))

    def counts(results):
        return nest.summary(results)

    k = nest.parse_ktap(SAMPLE_PASS)
    check("pass-counts", (counts(k.results), k.complete), ("2 passed, 0 failed, 1 skipped", True))
    check("pass-names", [r.name for r in k.results],
          ["ktest:buddy:buddy_split_merge", "ktest:buddy:buddy_counters", "ktest:slab:slab_reuse"])
    k = nest.parse_ktap(SAMPLE_FAIL)
    check("fail-counts", (counts(k.results), k.complete), ("2 passed, 2 failed, 1 skipped", True))
    check("fail-reason", k.results[1], Result("ktest:buddy:buddy_exhaustion", "not ok",
          "buddy_exhaustion: mm/page_alloc.c:80: expected a == b (3 != 4)"))
    check("leak-check", k.results[-1], Result("ktest:slab:leak-check", "not ok",
          "slab: leak check failed: kmalloc-32 has 1 active object"))
    k = nest.parse_ktap(SAMPLE_PANIC)
    check("truncated", (counts(k.results), k.complete), ("1 passed, 3 failed", False))
    check("truncated-names", [r.name for r in k.results if r.status == "not ok"],
          ["ktest:buddy:case-2", "ktest:buddy:case-3", "ktest:suite-2"])
    check("no-ktap", nest.parse_ktap("[ 0.1] hello\n").found, False)

    # Judging whole runs (status, transcript, timed_out).
    judge = nest.check_run
    check("run-pass", judge(33, SAMPLE_PASS, False, ktap=nest.parse_ktap(SAMPLE_PASS)), [])
    check("run-panic-expected", judge(37, SAMPLE_PANIC, False, expect_panic="not syncing:.*",
          expect=[r"\[<c0[0-9a-f]{6}>\] crash_null"]), [])
    check("run-panic-unexpected", judge(37, SAMPLE_PANIC, False)[0],
          "Kernel panic - not syncing: page fault in kernel mode")
    check("run-no-panic", judge(33, "hi\n", False, expect_panic="x"),
          ["expected a panic, got success"])
    check("run-triple-fault", judge(0, "", False), ["triple fault or reset"])
    check("run-timeout", judge(None, "", True, timeout=5, expect=["Nest"]),
          ["timeout (killed after 5s)", "missing expected output /Nest/"])
    check("run-bug-line", judge(33, "BUG: sleeping in irq\n", False),
          ["unexpected: BUG: sleeping in irq"])
    check("run-ubsan-line", judge(33, "[ 0.1] UBSAN: shift-out-of-bounds in x.c:4:9\n", False),
          ["unexpected: [ 0.1] UBSAN: shift-out-of-bounds in x.c:4:9"])

    # Host TAP.
    check("host-fail", parse_host_tap("test_x", HOST_SAMPLE, 1),
          [Result("host:test_x:split", "ok"), Result("host:test_x:merge", "not ok", "x.c:4: expected")])
    check("host-crash", counts(parse_host_tap("test_x", "ok 1 - a\n", -11)), "1 passed, 1 failed")
    check("host-no-plan", counts(parse_host_tap("test_x", "ok 1 - a\n", 0)), "1 passed, 1 failed")
    check("qemu-present", qemu_version() is not None, True)

    for r in checks:
        print(r.line())
    print(nest.summary(checks))
    return 1 if any(r.status == "not ok" for r in checks) else 0


if __name__ == "__main__":
    sys.exit(main())
