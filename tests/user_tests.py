#!/usr/bin/env python3
"""
tests/user_tests.py - the user-level behaviour tests (tests/user/*.c): run
each one on Linux and on Nest, and compare the two transcripts.

Each test is a static i386 program that runs as init (pid 1) and prints one
line per check.  Built twice by tests/user/user-tests.mk:

    build/user/linux/tests/NAME        run on this host, the reference
    build/user/nest/root/tests/NAME    in the initramfs, as /tests/NAME

A test passes when the Nest transcript equals the Linux one line for line
and both exit statuses say "all checks passed".

On Linux (run_linux) the program is pid 1 of a fresh pid namespace:

    unshare --pid --fork --kill-child --mount-proc BINARY ARGS

with stdin /dev/null, stdout and stderr merged, RLIMIT_NOFILE's soft limit
at 1024 (Nest's table size, Linux's usual default), no core dumps, and the
environment Linux gives init ("HOME=/", "TERM=linux").  --kill-child makes
the namespace die with unshare when a timeout kills it.  Without the
privilege for a pid namespace it retries inside a user namespace
(--user --map-root-user).

On Nest the lead's runner boots (see nest_boot_kwargs):

    nest_run.boot(kernel=BUILD/"kernel.elf", initrd=BUILD/"initramfs.cpio",
                  append="init=/tests/NAME quiet", timeout=TIMEOUT)

which returns (qemu_status, text, timed_out).  When init exits the kernel
powers off through isa-debug-exit: QEMU status 33 if init exited 0, 35
otherwise (nest_status_for).  Arguments, if a test ever has any, are
appended to the command line: the kernel, as Linux, passes words without
"=" to init as arguments (and "name=value" words as its environment).
With `quiet` the kernel's own notices ("Nest: init exited with status 0")
stay off the console, so the console is the program's output alone.

The module is a library for tests/run.py (run_pair does both sides) and a
script for trying the Linux side alone:

    tests/user_tests.py                 every test on Linux, twice, and
                                        check the two transcripts agree
    tests/user_tests.py pipe -v         one test, showing its transcript
    tests/user_tests.py --glibc         also the glibc build, which must agree
    tests/user_tests.py --nest          Linux and Nest, compared
"""
import argparse
import difflib
import errno
import importlib.util
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"

# name: tests/user/NAME.c; args: extra argv for init (words without "=");
# timeout: seconds for one run (QEMU included), times $NEST_TIMEOUT_SCALE.
USER_TESTS = [
    {"name": "fork_wait", "args": [], "timeout": 60},
    {"name": "orphans", "args": [], "timeout": 60},
    {"name": "exec", "args": [], "timeout": 60},
    {"name": "pipe", "args": [], "timeout": 60},
    {"name": "signal", "args": [], "timeout": 60},
    {"name": "eintr", "args": [], "timeout": 60},
    {"name": "sigchld", "args": [], "timeout": 60},
    {"name": "efault", "args": [], "timeout": 60},
    {"name": "fd", "args": [], "timeout": 60},
    {"name": "faults", "args": [], "timeout": 60},
    {"name": "memory", "args": [], "timeout": 60},
    {"name": "ids", "args": [], "timeout": 60},
    {"name": "misc", "args": [], "timeout": 60},
    {"name": "many_procs", "args": [], "timeout": 120},
    {"name": "stop", "args": [], "timeout": 60},
    # Copy-on-write fork (mm/memory.c): each side sees its own writes.
    {"name": "cow", "args": [], "timeout": 60},
    # Pid namespaces (tests/user/pidns_*.c, helpers in pidns.h).  On Nest
    # under TCG stress takes ~22 s and wrap ~66 s (32,769 forks).
    {"name": "pidns_create", "args": [], "timeout": 60},
    {"name": "pidns_translate", "args": [], "timeout": 60},
    {"name": "pidns_kill", "args": [], "timeout": 60},
    {"name": "pidns_init_signals", "args": [], "timeout": 60},
    {"name": "pidns_reaper", "args": [], "timeout": 60},
    {"name": "pidns_lifetime", "args": [], "timeout": 60},
    {"name": "pidns_stress", "args": [], "timeout": 180},
    {"name": "pidns_wrap", "args": [], "timeout": 300},
    # Arguments that found kernel bugs (the fuzzer, UBSan, fault injection).
    {"name": "regress", "args": [], "timeout": 60},
    # /proc and the tools that read it (tests/user/proc_*.c, helpers in
    # proc.h); ps_golden runs build/user/linux/bin/{ps,pstree,slabinfo}
    # on Linux, /bin/... on Nest (found from argv[0]).
    {"name": "proc_self", "args": [], "timeout": 60},
    {"name": "proc_nspid", "args": [], "timeout": 60},
    {"name": "proc_reap", "args": [], "timeout": 60},
    {"name": "proc_files", "args": [], "timeout": 60},
    {"name": "ps_golden", "args": [], "timeout": 60},
]

NOFILE = 1024                       # Nest's RLIMIT_NOFILE; Linux's usual default
INIT_ENV = {"HOME": "/", "TERM": "linux"}   # what Linux hands init
UNSHARE = ["unshare", "--pid", "--fork", "--kill-child", "--mount-proc"]
UNSHARE_USERNS = ["unshare", "--user", "--map-root-user", "--pid", "--fork",
                  "--kill-child", "--mount-proc"]

QEMU_INIT_OK, QEMU_INIT_FAILED = 33, 35
QEMU_MEANING = {QEMU_INIT_OK: "init exited 0", QEMU_INIT_FAILED: "init exited non-zero",
                37: "kernel panic", 0: "triple fault or reset"}

# A kernel log line on the console: "[    0.123456] text".
KERNEL_LINE = re.compile(r"^\[\s*\d+\.\d+\]")
# What nest-run's boot() appends after the serial output.
QEMU_STDERR = "--- qemu stderr ---"
# Kernel lines that are not a problem (e.g. an init-exit notice, if the
# kernel prints one even with `quiet`).  Regexes, searched in the line.
KERNEL_LINES_OK = []

DIFF_LINES = 24                     # at most this many lines of diff in a reason


def scaled(seconds):
    return seconds * float(os.environ.get("NEST_TIMEOUT_SCALE", "1"))


def linux_binary(name, build=BUILD, variant="linux"):
    """The Linux copy of a test (variant "glibc": make user-tests-glibc's build)."""
    return Path(build) / "user" / variant / "tests" / name


# --------------------------------------------------------------------------
# Transcripts

def split_kernel_lines(text):
    """(program lines, kernel lines) of a console transcript; see normalize()."""
    text = text.replace("\r\n", "\n").replace("\r", "")
    if QEMU_STDERR in text:
        text = text[:text.index(QEMU_STDERR)]
    program, kernel = [], []
    for line in text.split("\n"):
        line = line.rstrip()
        (kernel if KERNEL_LINE.match(line) else program).append(line)
    while program and not program[0]:
        program.pop(0)
    while program and not program[-1]:
        program.pop()
    return program, kernel


def normalize(text):
    """The transcript as compared: the program's own lines, nothing else.

    Rules, in order:
      1. CRLF becomes LF; any other CR is dropped (the serial line may add them).
      2. Everything from "--- qemu stderr ---" on is dropped (nest-run's
         boot() appends QEMU's stderr there).
      3. Trailing spaces and tabs are stripped from every line.
      4. Kernel log lines, "[ seconds.micros] ..." at the start of a line,
         are dropped.  With `quiet` Nest prints none; compare() reports any
         it finds (kernel_problems) as a failure of its own.
      5. Blank lines at the start and the end are dropped.
    The result ends with one newline (or is empty).  normalize is idempotent.
    """
    program, _ = split_kernel_lines(text)
    return "\n".join(program) + "\n" if program else ""


def kernel_problems(text):
    """Problems for the kernel log lines in a Nest transcript (normalize's rule 4)."""
    _, kernel = split_kernel_lines(text)
    bad = [k for k in kernel if not any(re.search(p, k) for p in KERNEL_LINES_OK)]
    if not bad:
        return []
    shown = "; ".join(bad[:3]) + (f"; ... ({len(bad)} lines)" if len(bad) > 3 else "")
    return [f"kernel printed {len(bad)} log line(s) despite quiet: {shown}"]


def diff(linux_text, nest_text, limit=DIFF_LINES):
    """A short unified diff, Linux first."""
    lines = list(difflib.unified_diff(linux_text.splitlines(), nest_text.splitlines(),
                                      "linux", "nest", n=1, lineterm=""))
    if len(lines) > limit:
        lines = lines[:limit] + [f"... ({len(lines) - limit} more diff lines)"]
    return "\n".join(lines)


def diff_problem(what, a, b):
    """'WHAT at line N: ...' and a short diff, its lines starting "#   "."""
    shown = diff(a, b).replace("\n", "\n#   ")
    return f"{what} at {first_difference(a, b)}\n#   {shown}"


def first_difference(linux_text, nest_text):
    """'line N: linux "..." / nest "..."' for the first line that differs."""
    a, b = linux_text.splitlines(), nest_text.splitlines()
    for i in range(max(len(a), len(b))):
        x = a[i] if i < len(a) else "<end>"
        y = b[i] if i < len(b) else "<end>"
        if x != y:
            return f'line {i + 1}: linux "{x}", nest "{y}"'
    return "no difference"


def compare(name, linux_text, nest_text, linux_status=None, nest_status=None):
    """Problems (a list of strings, empty when the test passed).

    Both texts are normalized here (normalize() is idempotent).  With the
    statuses: Linux's must be 0 (the test passed on Linux, else the test
    itself is wrong) and Nest's QEMU status must be nest_status_for(it).
    A transcript mismatch gives one problem: the first differing line, then
    a short unified diff on lines of their own, each starting "#   " so the
    problem can follow "not ok NAME # " in a TAP-like report.
    """
    problems = []
    if linux_status is not None and linux_status != 0:
        problems.append(f"{name} fails on Linux too ({describe_linux_status(linux_status)}): "
                        "the test, not Nest, needs fixing")
    if nest_status is not None and linux_status is not None:
        want = nest_status_for(linux_status)
        if nest_status != want:
            meaning = QEMU_MEANING.get(nest_status, "")
            problems.append(f"QEMU exit status {nest_status}{f' ({meaning})' if meaning else ''}, "
                            f"expected {want} (init exiting "
                            f"{'0' if want == QEMU_INIT_OK else 'non-zero'})")
    problems += kernel_problems(nest_text)
    a, b = normalize(linux_text), normalize(nest_text)
    if a != b:
        problems.append(diff_problem("transcript differs from Linux", a, b))
    return problems


def nest_status_for(linux_status):
    """QEMU's exit status when Nest's init ends as the Linux run did."""
    return QEMU_INIT_OK if linux_status == 0 else QEMU_INIT_FAILED


def describe_linux_status(status):
    if status is None:
        return "timeout"
    if status < 0:
        return f"killed by signal {-status}"
    return f"exit status {status}"


# --------------------------------------------------------------------------
# Linux

def _limits():
    """In the child before exec: Nest's fd table size, and no core files."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY or hard >= NOFILE:
        soft = NOFILE
    resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _run(cmd, timeout, env):
    """Run cmd in its own session; returns (status or None on timeout, text)."""
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, env=env, preexec_fn=_limits,
                            start_new_session=True, close_fds=True)
    try:
        out, _ = proc.communicate(timeout=timeout)
        status = proc.returncode
    except subprocess.TimeoutExpired:
        # --kill-child: the namespace's init dies with unshare, and with it
        # every process in the namespace.
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, _ = proc.communicate()
        status = None
    return status, out.decode("utf-8", "replace")


_unshare = None         # the command prefix that works here, once known
_available = None       # (bool, reason), once known


def linux_available(build=BUILD, binary=None):
    """(True, "") if this host can run the Linux side, else (False, reason).

    Checked once: a test binary (the first one built, or `binary`) must run
    as an i386 program, and then as pid 1 of a new pid namespace, plainly
    or inside a user namespace.  Each run is a probe: with USER_TEST_PROBE
    set the program says "NAME: probe" and exits 0 (tests/user/check.h).
    """
    global _available, _unshare
    if _available is not None:
        return _available
    _available = _probe(build, binary)
    return _available


def _probe(build, binary):
    if not sys.platform.startswith("linux"):
        return False, f"not Linux ({sys.platform})"
    if binary is None:
        built = [linux_binary(t["name"], build) for t in USER_TESTS]
        built = [b for b in built if b.is_file()]
        if not built:
            where = Path(build) / "user" / "linux" / "tests"
            return False, f"no Linux test binaries in {where}: run make"
        binary = built[0]
    binary = str(Path(binary).resolve())
    env = dict(INIT_ENV, USER_TEST_PROBE="1")
    try:
        status, out = _run([binary], 10, env)
    except OSError as e:
        if e.errno == errno.ENOEXEC:
            return False, ("no ia32 emulation: the kernel cannot run i386 binaries "
                           "(exec format error)")
        return False, f"cannot run {binary}: {e.strerror}"
    if status != 0 or "probe" not in out:
        return False, (f"{binary} did not answer the probe ({describe_linux_status(status)}): "
                       f"{out.strip()[:200]}")
    if not shutil.which("unshare"):
        return False, "unshare (util-linux) not found"
    global _unshare
    whys = []
    for prefix in (UNSHARE, UNSHARE_USERNS):
        status, out = _run(prefix + [binary], 10, env)
        if status == 0 and "probe" in out:
            _unshare = prefix
            return True, ""
        lines = out.strip().splitlines()
        whys.append(lines[-1] if lines else describe_linux_status(status))
    return False, ("unshare not permitted (a pid namespace needs CAP_SYS_ADMIN, or user "
                   f"namespaces): {whys[0]}")


def run_linux(binary, args=(), timeout=60):
    """Run one test on Linux as pid 1 of a fresh pid namespace.

    Returns (exit_status, transcript): the status unshare passes on (the
    test's exit code; negative if it died of a signal; None on timeout) and
    the normalized transcript of stdout and stderr together.  Call
    linux_available() first; it picks the unshare command line.
    """
    prefix = _unshare or UNSHARE
    cmd = prefix + [str(Path(binary).resolve())] + [str(a) for a in args]
    status, out = _run(cmd, scaled(timeout), dict(INIT_ENV))
    text = normalize(out)
    if status is None:
        text += f"[killed after {scaled(timeout):g}s]\n"
    return status, text


# --------------------------------------------------------------------------
# Nest, through tools/nest-run.py's boot()

def nest_boot_kwargs(test, build=BUILD):
    """The keyword arguments for nest_run.boot() that run one test as init."""
    # leakcheck: the kernel also checks that the test gave back every slab
    # object and page it used (kernel/leakcheck.c); a leak prints a line.
    append = " ".join([f"init=/tests/{test['name']}", "quiet", "leakcheck"] +
                      list(test.get("args", ())))
    return {"kernel": Path(build) / "kernel.elf", "initrd": Path(build) / "initramfs.cpio",
            "append": append, "timeout": scaled(test["timeout"])}


def run_pair(test, boot, build=BUILD, log_dir=None):
    """Run one test on Linux and on Nest and compare them.

    boot is tools/nest-run.py's boot().  Returns (status, reason) with
    status "ok", "not ok" or "skip" (when the host cannot run the Linux
    side); reason is empty for "ok".  With log_dir, the two transcripts are
    written to user-NAME.linux.log and user-NAME.nest.log there.
    """
    ok, why = linux_available(build)
    if not ok:
        return "skip", f"no Linux reference: {why}"
    binary = linux_binary(test["name"], build)
    if not binary.is_file():
        return "not ok", f"{binary} not found: run make"
    linux_status, linux_text = run_linux(binary, test.get("args", ()), test["timeout"])
    kwargs = nest_boot_kwargs(test, build)
    transcript = Path(log_dir) / f"user-{test['name']}.nest.log" if log_dir else None
    nest_status, nest_text, timed_out = boot(transcript=transcript, **kwargs)
    if log_dir:
        Path(log_dir).mkdir(parents=True, exist_ok=True)
        (Path(log_dir) / f"user-{test['name']}.linux.log").write_text(linux_text)
    problems = compare(test["name"], linux_text, nest_text, linux_status,
                       None if timed_out else nest_status)
    if timed_out:
        problems.insert(0, f"Nest timed out after {kwargs['timeout']:g}s")
    return ("not ok", "; ".join(problems)) if problems else ("ok", "")


# --------------------------------------------------------------------------
# As a script

def _load_nest_run():
    spec = importlib.util.spec_from_file_location("nest_run", ROOT / "tools" / "nest-run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    sys.dont_write_bytecode = True      # keep __pycache__ out of the tree
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("names", nargs="*", help="tests to run (default: all)")
    ap.add_argument("--build", default=str(BUILD), help="the build directory (default build/)")
    ap.add_argument("--nest", action="store_true", help="also boot Nest and compare")
    ap.add_argument("--glibc", action="store_true",
                    help="also run the glibc build (make user-tests-glibc) and compare: "
                    "a difference is the C library's")
    ap.add_argument("-v", "--verbose", action="store_true", help="print the Linux transcripts")
    args = ap.parse_args()
    build = Path(args.build)
    tests = [t for t in USER_TESTS if not args.names or t["name"] in args.names]
    if args.names and len(tests) != len(args.names):
        known = ", ".join(t["name"] for t in USER_TESTS)
        sys.exit(f"unknown test; the tests are: {known}")
    ok, why = linux_available(build)
    if not ok:
        print(f"ok user:linux # SKIP {why}")
        return 0
    failed = 0
    nest = _load_nest_run() if args.nest else None
    for t in tests:
        if nest:
            status, reason = run_pair(t, nest.boot, build, build / "test-logs")
            print(f"{status} user:{t['name']}" + (f" # {reason}" if reason else ""))
            failed += status == "not ok"
            continue
        binary = linux_binary(t["name"], build)
        s1, t1 = run_linux(binary, t["args"], t["timeout"])
        s2, t2 = run_linux(binary, t["args"], t["timeout"])
        if args.verbose:
            sys.stdout.write(t1)
        problems = []
        if s1 != 0 or s2 != 0:
            problems.append(f"fails on Linux ({describe_linux_status(s1)}, "
                            f"{describe_linux_status(s2)})")
        if t1 != t2:
            problems.append(diff_problem("two Linux runs differ", t1, t2))
        if args.glibc:
            s3, t3 = run_linux(linux_binary(t["name"], build, "glibc"), t["args"], t["timeout"])
            if t3 != t1 or s3 != s1:
                problems.append(diff_problem("the glibc build differs", t3, t1))
        checks = len([line for line in t1.splitlines() if line.endswith(": ok")])
        print(f"{'not ok' if problems else 'ok'} linux:{t['name']} ({checks} checks, twice)" +
              (" # " + "; ".join(problems) if problems else ""))
        failed += bool(problems)
    print(f"{len(tests) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
