#!/usr/bin/env python3
"""
tests/labs/grade.py - the lab grader: `make grade LAB=N` runs it after
building the kernel, the initramfs and the Linux copies of the user tests.

    tests/labs/grade.py N [--build DIR] [--scale X] [--json FILE] [--strict]

Lab N is defined by tests/labs/labN.py, a dict LAB with its title, its
handout and its tests (docs/labs/README.md describes the format).  Each test
is one boot of Nest under QEMU:

    user   tests/user/NAME.c as init ("init=/tests/NAME quiet leakcheck
           ARGS").  It passes when init exits 0 (all its checks passed) and
           the kernel printed nothing; when this host can run the Linux
           side (tests/user_tests.py), the transcript must also equal the
           host Linux's.  All or nothing.
    ktap   "ktest=SUITE": points * passed cases / cases, rounded down; an
           unfinished suite, a panic or a failed leak check gives 0.
    boot   a command line; passes when init exits 0 (QEMU status 33) and
           every `expect` regex is in the transcript.

One line per test gives its points; the last line is "Lab N: X/Y points".
Every transcript is kept in DIR/grade/labN/ (the directory is emptied
first), and a failure's line names its file.  Timeouts are the lab's,
multiplied by --scale (default $GRADE_TIMEOUT_SCALE, else
$NEST_TIMEOUT_SCALE, else 1): a slow machine can give itself more time.

When the host Linux cannot run a user test, or the Linux run fails (an old
host kernel lacking a feature, say), the test is judged on Nest alone and
its line says so.  --strict (what CI's `tools/lab.py check` uses) counts a
failing Linux run as a failure instead.

The exit status is 0 when the grading ran, whatever the points; 2 when it
could not (no such lab, or no kernel.elf and initramfs.cpio in the build).  The module is also a library for
tests/run.py (lab tests in `make test`) and tools/lab.py (the CI check).
"""
import argparse
import importlib.util
import json
import os
import re
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.dont_write_bytecode = True
KINDS = ("user", "ktap", "boot")
STARTER = ("fail", "pass", "any")


class LabError(Exception):
    pass


def _load_path(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def lab_numbers(root=ROOT):
    """The lab numbers with a definition in tests/labs/, in order."""
    found = (re.fullmatch(r"lab(\d+)\.py", p.name) for p in (Path(root) / "tests/labs").glob("*"))
    return sorted(int(m.group(1)) for m in found if m)


def load_lab(n, root=ROOT):
    """Lab n's definition, checked; raises LabError on a mistake in it."""
    path = Path(root) / "tests" / "labs" / f"lab{n}.py"
    if not path.is_file():
        raise LabError(f"no lab {n}: {path} not found (labs: {lab_numbers(root)})")
    lab = getattr(_load_path(f"lab{n}", path), "LAB", None)
    where = f"tests/labs/lab{n}.py"
    if not isinstance(lab, dict) or not {"title", "handout", "tests"} <= set(lab):
        raise LabError(f"{where}: LAB must be a dict with title, handout and tests")
    labels = set()
    for t in lab["tests"]:
        if t.get("kind") not in KINDS:
            raise LabError(f"{where}: test kind {t.get('kind')!r} is not one of {KINDS}")
        if t.get("starter", "fail") not in STARTER:
            raise LabError(f"{where}: starter {t['starter']!r} is not one of {STARTER}")
        if not isinstance(t.get("points"), int) or t["points"] <= 0:
            raise LabError(f"{where}: every test needs whole points > 0: {t}")
        if t["kind"] == "ktap" and "suite" not in t or t["kind"] != "ktap" and "name" not in t:
            raise LabError(f"{where}: a ktap test needs a suite, the others a name: {t}")
        t["label"] = label(t)
        if t["label"] in labels:
            raise LabError(f"{where}: two tests are both {t['label']}: give one a label")
        labels.add(t["label"])
    if not any(t.get("starter", "fail") == "fail" for t in lab["tests"]):
        raise LabError(f"{where}: no test fails on the starter, so nothing is graded")
    total = sum(t["points"] for t in lab["tests"])
    if total != 100:
        raise LabError(f"{where}: the points add up to {total}, not 100")
    return lab


def label(t):
    """How a test is named in the report: "user:NAME[:LABEL]", "ktap:SUITE"..."""
    base = f"{t['kind']}:{t['suite'] if t['kind'] == 'ktap' else t['name']}"
    return base + (f":{t['label']}" if t.get("label") and not t["label"].startswith(base)
                   else "")


# --------------------------------------------------------------------------
# The runners: each returns (earned points, reason, transcript path)

class Grader:
    def __init__(self, build, logdir, strict=False, root=ROOT):
        self.build, self.logdir, self.strict = Path(build), Path(logdir), strict
        self.nest = _load_path("nest_run", Path(root) / "tools" / "nest-run.py")
        self.user = _load_path("user_tests", Path(root) / "tests" / "user_tests.py")
        self.kernel = self.build / "kernel.elf"
        self.initrd = self.build / "initramfs.cpio"

    def log_for(self, t):
        return self.logdir / (re.sub(r"[^A-Za-z0-9_.-]+", "-", t["label"]) + ".log")

    def timeout(self, t):
        return self.nest.scaled_timeout(t.get("timeout", 60))

    def run(self, t):
        missing = [p for p in (self.kernel, self.initrd) if not p.is_file()]
        if missing:
            return 0, f"{missing[0]} not found: run make first", None
        return getattr(self, "run_" + t["kind"])(t)

    def boot(self, t, append):
        log = self.log_for(t)
        status, text, timed_out = self.nest.boot(
            self.kernel, initrd=self.initrd, append=append, timeout=self.timeout(t),
            transcript=log)
        return status, text, timed_out, log

    def run_boot(self, t):
        status, text, timed_out, log = self.boot(t, t.get("append", ""))
        problems = self.nest.check_run(status, text, timed_out, timeout=self.timeout(t),
                                       expect=t.get("expect", ()))
        return (0 if problems else t["points"]), "; ".join(problems), log

    def run_ktap(self, t):
        status, text, timed_out, log = self.boot(t, f"ktest={t['suite']}")
        parsed = self.nest.parse_ktap(text)
        # A failed case makes the kernel power off with EXIT_FAIL: that is
        # no problem of its own here (the cases earn their share), while a
        # panic or a timeout is.
        ok_status = self.nest.EXIT_FAIL if status == self.nest.EXIT_FAIL else self.nest.EXIT_PASS
        problems = self.nest.check_run(status, text, timed_out, timeout=self.timeout(t),
                                       ktap=parsed, expect_status=ok_status)
        prefix = f"ktest:{t['suite']}:"
        cases = [r for r in parsed.results if r.name.startswith(prefix)]
        broken = [r for r in cases if r.name[len(prefix):] in ("leak-check",)
                  or r.reason in ("did not finish", "missing from the output")]
        counted = [r for r in cases if r.status != "skip" and r not in broken]
        passed = [r for r in counted if r.status == "ok"]
        failed = [r for r in counted if r.status == "not ok"]
        if not cases:
            return 0, "; ".join(problems + [f"suite {t['suite']} did not run (no such suite?)"]), log
        if problems or broken:
            why = problems + [f"{r.name[len(prefix):]}: {r.reason}" for r in broken]
            return 0, f"{len(passed)}/{len(counted)} cases, but " + "; ".join(why), log
        earned = t["points"] * len(passed) // max(1, len(counted))
        why = "; ".join(f"not ok {r.name[len(prefix):]}" + (f": {r.reason}" if r.reason else "")
                        for r in failed[:3])
        more = f"; ... ({len(failed) - 3} more)" if len(failed) > 3 else ""
        return earned, (f"{len(passed)}/{len(counted)} cases; {why}{more}" if failed else ""), log

    def run_user(self, t):
        u = self.user
        test = {"name": t["name"], "args": t.get("args", []), "timeout": t.get("timeout", 60)}
        kwargs = u.nest_boot_kwargs(test, self.build)
        kwargs["timeout"] = self.timeout(t)
        log = self.log_for(t)
        status, text, timed_out = self.nest.boot(transcript=log, **kwargs)
        problems = [] if not timed_out else [f"Nest timed out after {kwargs['timeout']:g}s"]
        if not timed_out and status != u.QEMU_INIT_OK:
            meaning = u.QEMU_MEANING.get(status, f"QEMU exit status {status}")
            problems.append(f"init did not exit 0 ({meaning}): a check failed")
        problems += u.kernel_problems(text)
        note = self.compare_with_linux(t, test, text, problems, log)
        return (0 if problems else t["points"]), "; ".join(problems) or note, log

    def compare_with_linux(self, t, test, nest_text, problems, log):
        """Add a Linux difference to problems; returns a note for a passing line."""
        u = self.user
        ok, why = u.linux_available(self.build)
        binary = u.linux_binary(t["name"], self.build)
        if not ok or not binary.is_file():
            return f"Nest only: no Linux reference here ({why or f'{binary} not built'})"
        status, linux_text = u.run_linux(binary, test["args"], test["timeout"])
        log.with_suffix(".linux.log").write_text(linux_text)
        if status != 0:
            what = (f"the Linux reference fails ({u.describe_linux_status(status)}; "
                    f"see {log.with_suffix('.linux.log')})")
            if self.strict:
                problems.append(what)
            return f"Nest only: {what}"
        nest_text = u.normalize(nest_text)
        if nest_text != linux_text:
            problems.append(u.diff_problem("transcript differs from Linux", linux_text,
                                           nest_text).replace("\n#   ", "\n           "))
        return "same transcript as Linux"


def grade_lab(n, build, root=ROOT, strict=False, quiet=False, out=sys.stdout):
    """Grade lab n against the build in `build`; returns one dict per test:
    test, label, points, earned, reason, log.  Prints the report unless quiet."""
    lab = load_lab(n, root)
    logdir = Path(build) / "grade" / f"lab{n}"
    shutil.rmtree(logdir, ignore_errors=True)
    logdir.mkdir(parents=True)
    grader = Grader(build, logdir, strict, root)
    say = (lambda s: None) if quiet else (lambda s: print(s, file=out, flush=True))
    say(f"# Lab {n}: {lab['title']} ({lab['handout']})")
    say(f"# build {build}; timeouts x{grader.nest.scaled_timeout(1):g}; transcripts in {logdir}")
    results = []
    for t in lab["tests"]:
        earned, reason, log = grader.run(t)
        results.append({"test": t, "label": t["label"], "points": t["points"],
                        "earned": earned, "reason": reason, "log": str(log) if log else None})
        line = f"{earned:4}/{t['points']:<3} {t['label']}"
        first, _, rest = reason.partition("\n")
        if earned < t["points"]:
            line += f"  -- {first}" + (f"\n           transcript: {log}" if log else "")
            line += f"\n{rest}" if rest else ""
        elif reason:
            line += f"  ({first})"
        say(line)
    earned = sum(r["earned"] for r in results)
    total = sum(r["points"] for r in results)
    say(f"Lab {n}: {earned}/{total} points")
    return results


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("lab", type=int)
    ap.add_argument("--build", default=str(ROOT / "build"), help="the build directory")
    ap.add_argument("--scale", type=float, help="multiply every timeout by this")
    ap.add_argument("--strict", action="store_true",
                    help="a failing Linux reference run fails the test")
    ap.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    args = ap.parse_args(argv)
    scale = args.scale or os.environ.get("GRADE_TIMEOUT_SCALE")
    if scale:
        os.environ["NEST_TIMEOUT_SCALE"] = str(scale)
    build = Path(args.build).resolve()
    missing = [f for f in ("kernel.elf", "initramfs.cpio") if not (build / f).is_file()]
    if missing:
        print(f"error: no {missing[0]} in {build}: run make first (make grade LAB=N does)",
              file=sys.stderr)
        return 2
    try:
        results = grade_lab(args.lab, build, strict=args.strict)
    except LabError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
