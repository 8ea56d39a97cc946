#!/usr/bin/env python3
"""
tools/nest-run.py - boot Nest once under QEMU and check what happened.

Usage (from the top of the tree):

    tools/nest-run.py --append "ktest=all" --ktap
    tools/nest-run.py --append "crash=null" --expect-panic "Kernel panic - not syncing:"
    tools/nest-run.py --iso build/nest.iso --expect 'Nest \\S+ booting' --ktap

It boots build/kernel.elf (or --kernel PATH, or --iso PATH) with the serial
port on QEMU's stdout, waits for QEMU to exit (or kills it after --timeout
seconds), then prints one line per result,

    ok ktest:buddy:buddy_split_merge
    not ok ktest:buddy:buddy_exhaustion # mm/page_alloc.c:80: expected a == b
    ok boot:boot

and a summary "N passed, N failed".  It exits 0 only if everything passed.
The whole serial output is saved with --transcript PATH.

How a run is judged: the kernel ends a run by writing a code to the
isa-debug-exit port; QEMU then exits with status 33 (pass), 35 (fail) or
37 (panic).  Status 0 means QEMU stopped by itself, i.e. a triple fault
(we pass -no-reboot).  Only 33 is a pass, unless --expect-panic was given,
in which case only 37 with a matching panic message is.

tests/run.py imports this file and reuses boot(), parse_ktap() and
run_spec().  Set NEST_TIMEOUT_SCALE=2 (say) to give slow machines twice
as long, and QEMU=/path/to/qemu-system-i386 to pick another QEMU.
"""
import argparse
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import NamedTuple

QEMU = os.environ.get("QEMU", "qemu-system-i386")

# QEMU exit statuses: the kernel writes v to port 0xf4, QEMU exits (v << 1) | 1.
EXIT_PASS, EXIT_FAIL, EXIT_PANIC = 33, 35, 37
EXIT_MEANING = {
    EXIT_PASS: "success",
    EXIT_FAIL: "kernel reported failure",
    EXIT_PANIC: "kernel panic",
    0: "triple fault or reset",
}


class Result(NamedTuple):
    """One line of the report: status is "ok", "not ok" or "skip"."""
    name: str
    status: str
    reason: str = ""

    def line(self):
        if self.status == "skip":
            return f"ok {self.name} # SKIP {self.reason}".rstrip()
        if self.status == "not ok" and self.reason:
            return f"not ok {self.name} # {self.reason}"
        return f"{self.status} {self.name}"


def summary(results):
    """The final "N passed, N failed[, N skipped]" line."""
    count = {s: sum(r.status == s for r in results) for s in ("ok", "not ok", "skip")}
    text = f"{count['ok']} passed, {count['not ok']} failed"
    return text + (f", {count['skip']} skipped" if count["skip"] else "")


def scaled_timeout(seconds):
    """Multiply a timeout by $NEST_TIMEOUT_SCALE (default 1)."""
    return seconds * float(os.environ.get("NEST_TIMEOUT_SCALE", "1"))


# --------------------------------------------------------------------------
# Booting

def qemu_command(kernel=None, iso=None, initrd=None, append=None,
                 memory="128M", qemu_args=(), qemu=QEMU, debug_exit=True):
    """The QEMU command line agreed with the kernel side (see docs)."""
    if iso:
        cmd = [qemu, "-cdrom", str(iso)]      # GRUB's grub.cfg sets the cmdline
    else:
        cmd = [qemu, "-kernel", str(kernel)]
        if initrd:
            cmd += ["-initrd", str(initrd)]
        if append:
            cmd += ["-append", append]
    cmd += ["-m", memory, "-display", "none", "-serial", "stdio",
            "-monitor", "none", "-no-reboot", "-nic", "none"]
    if debug_exit:
        cmd += ["-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]
    return cmd + list(qemu_args)


def _drive(proc, script, timeout):
    """Feed `script` to QEMU's serial input while collecting its output.

    script is a sequence of (regex, text): wait until regex matches the
    output that came after the previous match, then type text.  Returns
    (stdout bytes, stderr bytes, timed_out)."""
    out, err = bytearray(), bytearray()
    lock = threading.Lock()

    def pump(stream, buf):
        for chunk in iter(lambda: stream.read1(4096), b""):
            with lock:
                buf.extend(chunk)

    readers = [threading.Thread(target=pump, args=(proc.stdout, out), daemon=True),
               threading.Thread(target=pump, args=(proc.stderr, err), daemon=True)]
    for r in readers:
        r.start()
    deadline, pos, steps = time.monotonic() + timeout, 0, list(script)
    while proc.poll() is None and time.monotonic() < deadline:
        if steps:
            with lock:
                # Match on the same text the transcript will show (LF ends).
                text = out.decode("utf-8", "replace").replace("\r\n", "\n")
            m = re.search(steps[0][0], text[pos:], re.MULTILINE)
            if m:
                pos += m.end()
                try:
                    proc.stdin.write(steps.pop(0)[1].encode())
                    proc.stdin.flush()
                except BrokenPipeError:
                    break
        time.sleep(0.02)
    timed_out = proc.poll() is None
    if timed_out:
        proc.kill()
    proc.wait()
    for r in readers:
        r.join(timeout=5)
    return bytes(out), bytes(err), timed_out


def boot(kernel=None, *, iso=None, initrd=None, append=None, memory="128M",
         timeout=60, qemu_args=(), transcript=None, qemu=QEMU, script=(),
         debug_exit=True):
    """Boot once.  Returns (exit_status, transcript_text, timed_out).

    exit_status is QEMU's exit status, or None if we had to kill it after
    `timeout` seconds.  transcript_text is the serial output (with any QEMU
    error messages at the end).  If `transcript` is a path, the text is also
    written there, with the command line and the outcome around it.
    `script` types text on the serial line when the output matches
    (see _drive); without one, stdin is /dev/null.
    """
    cmd = qemu_command(kernel, iso, initrd, append, memory, qemu_args, qemu,
                       debug_exit)
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE if script else subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if script:
        out, err, timed_out = _drive(proc, script, timeout)
        status = None if timed_out else proc.returncode
    else:
        try:
            out, err = proc.communicate(timeout=timeout)
            status, timed_out = proc.returncode, False
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()   # whatever was printed before the kill
            status, timed_out = None, True

    # The serial port may send \r\n; keep plain \n line ends.
    text = out.decode("utf-8", "replace").replace("\r\n", "\n").replace("\r", "")
    err = err.decode("utf-8", "replace").strip()
    if err:
        text += f"\n--- qemu stderr ---\n{err}\n"

    if transcript:
        end = (f"killed after {timeout:g}s" if timed_out else
               f"QEMU exit status {status} ({describe_status(status)})")
        Path(transcript).parent.mkdir(parents=True, exist_ok=True)
        Path(transcript).write_text(f"# {' '.join(cmd)}\n{text}\n# {end}\n")
    return status, text, timed_out


def describe_status(status):
    return EXIT_MEANING.get(status, f"QEMU exit status {status}")


# --------------------------------------------------------------------------
# KTAP parsing (the format Linux KUnit prints; see include/nest/ktest.h)

class Ktap(NamedTuple):
    found: bool         # a "KTAP version" header was seen
    complete: bool      # every suite the plan promised reported a result
    results: list       # Result per test case (and leak-check / unfinished)


TIMESTAMP = re.compile(r"^\[\s*\d+\.\d+\]\s?")       # "[    0.010000] "
HEADER = re.compile(r"^K?TAP version \d+")
PLAN = re.compile(r"^1\.\.(\d+)")
RESULT = re.compile(r"^(not ok|ok) (\d+)\s*(?:-\s*)?([^#]*?)\s*(?:#\s*(\w+)\s*(.*))?$")
CASE_INDENT = 4     # test cases are indented by 4 spaces, suites by none


def _result_status(m):
    """"ok"/"not ok"/"skip" for a RESULT match (# SKIP and # TODO skip)."""
    if m.group(4) and m.group(4).upper() in ("SKIP", "TODO"):
        return "skip"
    return m.group(1)


def _finish_suite(suite, name, status, truncated):
    """Turn one suite's collected cases into Results."""
    out = [Result(f"ktest:{name}:{case}", st, why) for case, st, why in suite["cases"]]
    missing = range(len(suite["cases"]) + 1, (suite["plan"] or 0) + 1)
    why = "did not finish" if truncated else "missing from the output"
    out += [Result(f"ktest:{name}:case-{n}", "not ok", why) for n in missing]
    if truncated and not missing:
        out.append(Result(f"ktest:{name}", "not ok", "did not finish"))
    if status == "not ok" and not any(r.status == "not ok" for r in out):
        # Every case passed, yet the suite failed: the leak check.
        leak = [d for d in suite["diags"] if "leak" in d.lower()]
        reason = (leak or suite["diags"] or ["suite failed"])[-1]
        out.append(Result(f"ktest:{name}:leak-check", "not ok", reason))
    if status == "skip" and not suite["cases"]:
        out.append(Result(f"ktest:{name}", "skip", suite["skip"]))
    return out


def parse_ktap(text):
    """Parse the KTAP in a serial transcript; other lines are ignored."""
    results, top_plan, suites_done = [], None, 0
    started, suite = False, None
    new_suite = lambda: {"name": None, "plan": None, "cases": [], "diags": [],
                         "pending": None, "skip": ""}

    for raw in text.splitlines():
        line = TIMESTAMP.sub("", raw.rstrip())
        body = line.lstrip(" ")
        indent = len(line) - len(body)
        if not started:                      # skip the log before "KTAP version"
            started = indent == 0 and bool(HEADER.match(body))
            continue

        if indent == 0:                      # the top level: plan and suites
            if (m := PLAN.match(body)) and top_plan is None:
                top_plan = int(m.group(1))
            elif m := RESULT.match(body):
                suite = suite or new_suite()
                suites_done += 1
                name = m.group(3) or suite["name"] or f"suite-{suites_done}"
                suite["skip"] = m.group(5) or ""
                results += _finish_suite(suite, name, _result_status(m), False)
                suite = None
            elif body.startswith("#") and suite:
                suite["diags"].append(body[1:].strip())

        elif indent == CASE_INDENT:          # inside a suite
            suite = suite or new_suite()
            if body.startswith("# Subtest:"):
                suite["name"] = body.split(":", 1)[1].strip()
            elif m := PLAN.match(body):
                suite["plan"] = int(m.group(1))
            elif m := RESULT.match(body):
                # A failed case's message may be printed before or after it.
                status = _result_status(m)
                why = (m.group(5) or "") if status == "skip" else ""
                if status == "not ok":
                    why = suite["pending"] or ""
                suite["cases"].append((m.group(3) or f"case-{m.group(2)}", status, why))
                suite["pending"] = None
            elif body.startswith("#"):
                diag = body[1:].strip()
                suite["diags"].append(diag)
                last = suite["cases"][-1] if suite["cases"] else None
                if last and last[1] == "not ok" and not last[2]:
                    suite["cases"][-1] = (last[0], last[1], diag)
                elif suite["pending"] is None:
                    suite["pending"] = diag

    if not started:
        return Ktap(False, False, [])
    if suite:                                # cut off in the middle of a suite
        suites_done += 1
        name = suite["name"] or f"suite-{suites_done}"
        results += _finish_suite(suite, name, None, True)
    for n in range(suites_done + 1, (top_plan or 0) + 1):
        results.append(Result(f"ktest:suite-{n}", "not ok", "did not finish"))
    complete = top_plan is not None and suites_done == top_plan and suite is None
    return Ktap(True, complete, results)


# --------------------------------------------------------------------------
# Judging a run

def check_run(status, text, timed_out, *, timeout=60, expect=(),
              expect_panic=None, ktap=None, expect_status=EXIT_PASS):
    """Return a list of reasons the run failed (empty if it passed).

    expect_status is the QEMU exit status that counts as success: 33 unless
    a run boots without the isa-debug-exit device (then ACPI's power-off
    ends QEMU with 0, and nothing but the transcript tells pass from fail).
    """
    problems = []
    panic = re.search(r"^.*Kernel panic - not syncing:.*$", text, re.M)
    if timed_out:
        problems.append(f"timeout (killed after {timeout:g}s)")
    elif expect_panic:
        if status != EXIT_PANIC:
            problems.append(f"expected a panic, got {describe_status(status)}")
        elif not re.search(expect_panic, text, re.M):
            problems.append(f"panic did not match /{expect_panic}/")
    elif status != expect_status:
        what = describe_status(status)
        if status == EXIT_PANIC and panic:
            what = panic.group(0).strip()
        elif status not in EXIT_MEANING and "--- qemu stderr ---" in text:
            what += ": " + text.rstrip().splitlines()[-1]   # e.g. bad option
        problems.append(what)
    if not expect_panic:
        # A UBSan report (kernel/ubsan.c) fails a run as a BUG does.
        for m in re.finditer(r"^.*(BUG:|UBSAN:|Kernel panic).*$", text, re.M):
            if not (panic and m.group(0) == panic.group(0) and status == EXIT_PANIC):
                problems.append(f"unexpected: {m.group(0).strip()}")
                break
    for regex in expect:
        if not re.search(regex, text, re.M):
            problems.append(f"missing expected output /{regex}/")
    if ktap is not None and not ktap.found:
        problems.append("no KTAP output")
    elif ktap is not None and not ktap.complete:
        problems.append("KTAP output incomplete")
    return problems


def run_spec(name, *, kernel=None, iso=None, initrd=None, append=None,
             ktap=False, expect=(), expect_panic=None, timeout=60,
             memory="128M", qemu_args=(), transcript=None, qemu=QEMU, script=(),
             debug_exit=True):
    """Boot once and judge it: returns a list of Results, "boot:<name>" last."""
    timeout = scaled_timeout(timeout)
    status, text, timed_out = boot(kernel, iso=iso, initrd=initrd, append=append,
                                   memory=memory, timeout=timeout,
                                   qemu_args=qemu_args, transcript=transcript,
                                   qemu=qemu, script=script, debug_exit=debug_exit)
    parsed = parse_ktap(text) if ktap else None
    results = parsed.results if parsed else []
    problems = check_run(status, text, timed_out, timeout=timeout, expect=expect,
                         expect_panic=expect_panic, ktap=parsed,
                         expect_status=EXIT_PASS if debug_exit else 0)
    results.append(Result(f"boot:{name}", "not ok" if problems else "ok",
                          "; ".join(problems)))
    return results


def main(argv=None):
    p = argparse.ArgumentParser(description="Boot Nest once under QEMU and check the result.")
    src = p.add_mutually_exclusive_group()
    src.add_argument("--kernel", help="multiboot ELF to boot (default build/kernel.elf)")
    src.add_argument("--iso", help="boot this CD image through GRUB instead")
    p.add_argument("--initrd", help="initrd file (with --kernel only)")
    p.add_argument("--append", help="kernel command line (with --kernel only)")
    p.add_argument("--timeout", type=float, default=60, help="seconds before QEMU is killed (default 60, times $NEST_TIMEOUT_SCALE)")
    p.add_argument("--memory", default="128M", help="guest RAM (default 128M)")
    p.add_argument("--transcript", help="write the serial transcript here")
    p.add_argument("--qemu-arg", action="append", default=[], metavar="ARG",
                   help="extra QEMU argument, repeatable; write --qemu-arg=-s for ones starting with -")
    p.add_argument("--expect", action="append", default=[], metavar="REGEX",
                   help="must appear in the transcript (repeatable)")
    p.add_argument("--expect-panic", metavar="REGEX",
                   help="the run must end in a panic matching REGEX")
    p.add_argument("--ktap", action="store_true", help="report KTAP test cases")
    p.add_argument("--name", default="run", help="name of the boot:<name> result")
    args = p.parse_args(argv)

    if args.iso and (args.initrd or args.append):
        p.error("--initrd/--append need --kernel (GRUB's grub.cfg sets the ISO's command line)")
    kernel = None if args.iso else (args.kernel or "build/kernel.elf")
    image = args.iso or kernel
    if not Path(image).is_file():
        p.error(f"{image}: not found (run make first?)")
    try:
        results = run_spec(args.name, kernel=kernel, iso=args.iso, initrd=args.initrd,
                           append=args.append, ktap=args.ktap, expect=args.expect,
                           expect_panic=args.expect_panic, timeout=args.timeout,
                           memory=args.memory, qemu_args=args.qemu_arg,
                           transcript=args.transcript)
    except FileNotFoundError:
        sys.exit(f"error: {QEMU} not found (install QEMU or set $QEMU)")
    for r in results:
        print(r.line())
    print(summary(results))
    return 1 if any(r.status == "not ok" for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
