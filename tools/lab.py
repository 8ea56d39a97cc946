#!/usr/bin/env python3
"""
tools/lab.py - the lab assignments' one source: make a lab's starter tree
from the full tree, and check that every lab works (what CI runs).

The full tree is the reference solution.  Each lab's solution is marked in
the code, so the starter is generated, never kept by hand:

    /* BEGIN LAB 4 SOLUTION: find the nearest subreaper */
    ... removed from lab 4's starter ...
    /* END LAB 4 SOLUTION */

becomes one line in the starter, at the same indentation:

    /* LAB 4 TODO: find the nearest subreaper */

Code that only the starter has (so it builds and acts "not implemented"):

    /* BEGIN LAB 4 STARTER
    return -EINVAL;
    END LAB 4 STARTER */

is a comment in the full tree; in the starter its inner lines are live.
A file with the line "/* LAB 4 SOLUTION FILE */" in its first 30 lines is
left out of lab 4's starter.  In Makefiles, Python and shell the markers
are "# BEGIN LAB 4 SOLUTION", "# END LAB 4 SOLUTION", "# BEGIN LAB 4
STARTER" (each inner line starts "# ", which the starter drops), "# END LAB
4 STARTER" and "# LAB 4 SOLUTION FILE".  Markers do not nest; lab N's
starter changes only lab N's markers.

Usage:
    tools/lab.py list                 the labs, their titles and points
    tools/lab.py starter N DIR        write lab N's starter tree to DIR
    tools/lab.py validate             every marker well formed, every lab defined
    tools/lab.py check N|all          the CI check, for one lab or all:
                                        1. the starter builds (WERROR=1);
                                        2. graded, every test its lab definition
                                           marks "fail" fails, every "pass" test
                                           passes, and the total is below full;
                                        3. the full tree (--build, default build/)
                                           gets full points.
Options for check: --build DIR (the full tree's build, made already),
--keep (leave the starter trees in /tmp for a look), --starter-only.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.dont_write_bytecode = True
sys.path.insert(0, str(ROOT / "tests" / "labs"))
import grade  # noqa: E402  (tests/labs/grade.py: the lab definitions and the grader)

# The two comment styles a marker can be written in.  Each style: the
# patterns for its five markers, and how a starter line is made live.
C_STYLE = {
    "begin": re.compile(r"^(\s*)/\* BEGIN LAB (\d+) SOLUTION(?::\s*(.*?))?\s*\*/\s*$"),
    "end": re.compile(r"^\s*/\* END LAB (\d+) SOLUTION \*/\s*$"),
    "sbegin": re.compile(r"^\s*/\* BEGIN LAB (\d+) STARTER\s*$"),
    "send": re.compile(r"^\s*END LAB (\d+) STARTER \*/\s*$"),
    "todo": "{indent}/* LAB {n} TODO{hint} */",
    "live": lambda line: line,
}
HASH_STYLE = {
    "begin": re.compile(r"^(\s*)# BEGIN LAB (\d+) SOLUTION(?::\s*(.*?))?\s*$"),
    "end": re.compile(r"^\s*# END LAB (\d+) SOLUTION\s*$"),
    "sbegin": re.compile(r"^\s*# BEGIN LAB (\d+) STARTER\s*$"),
    "send": re.compile(r"^\s*# END LAB (\d+) STARTER\s*$"),
    "todo": "{indent}# LAB {n} TODO{hint}",
    "live": lambda line: re.sub(r"^(\s*)# ?", r"\1", line, count=1),
}
SOLUTION_FILE = re.compile(r"(?:/\*|#) LAB (\d+) SOLUTION FILE\b")
ANY_MARKER = re.compile(r"\b(?:BEGIN|END) LAB \d+ (?:SOLUTION|STARTER)\b|LAB \d+ SOLUTION FILE")
FILE_MARKER_LINES = 30


class MarkerError(Exception):
    pass


# Markers are looked for in source files only: the docs may show them as
# examples, and this tool's own text does.
C_FILES = (".c", ".h", ".S", ".ld")
HASH_FILES = (".mk", ".py", ".sh")
NOT_MARKED = ("tools/lab.py", "tests/labs/grade.py", "tests/labs/test_markers.py")


def style_for(path):
    """The comment style of a file's markers, by its name (None: no markers)."""
    name = Path(path).name
    if str(path) in NOT_MARKED:
        return None
    if name == "Makefile" or name.endswith(HASH_FILES) or str(path) == ".ci/run":
        return HASH_STYLE
    if name.endswith(C_FILES):
        return C_STYLE
    return None


def solution_file_labs(text):
    """The labs whose SOLUTION FILE line is in the first lines of text."""
    head = "\n".join(text.split("\n")[:FILE_MARKER_LINES])
    return {int(m.group(1)) for m in SOLUTION_FILE.finditer(head)}


def transform(text, lab, path="<text>"):
    """text as lab `lab`'s starter has it (None: the file is left out).

    Also validates every marker of every lab in the file (lab=None only
    validates) and raises MarkerError with file:line on a mistake.
    """
    style = style_for(path)
    if style is None:
        return text
    if lab is not None and lab in solution_file_labs(text):
        return None
    out, state, opened_at, todo = [], None, 0, ""
    for number, line in enumerate(text.split("\n"), 1):
        where = f"{path}:{number}"
        begin, end = style["begin"].match(line), style["end"].match(line)
        sbegin, send = style["sbegin"].match(line), style["send"].match(line)
        if begin or sbegin:
            if state:
                raise MarkerError(f"{where}: marker inside the block opened at line {opened_at} "
                                  "(markers do not nest)")
            m = begin or sbegin
            n = int(m.group(2) if begin else m.group(1))
            state, opened_at, block_lab = ("solution" if begin else "starter"), number, n
            if begin and n == lab:
                hint = f": {m.group(3)}" if m.group(3) else ""
                out.append(style["todo"].format(indent=m.group(1), n=n, hint=hint))
            elif n != lab:
                out.append(line)
            continue
        if end or send:
            m = end or send
            kind = "solution" if end else "starter"
            if state != kind or int(m.group(1)) != block_lab:
                raise MarkerError(f"{where}: END LAB {m.group(1)} {kind.upper()} without "
                                  "its BEGIN")
            if block_lab != lab:
                out.append(line)
            state = None
            continue
        if ANY_MARKER.search(line) and not SOLUTION_FILE.search(line):
            raise MarkerError(f"{where}: a malformed lab marker (see tools/lab.py): "
                              f"{line.strip()}")
        if state and block_lab == lab:
            if state == "starter":
                out.append(style["live"](line))
            continue                    # a solution line: gone from the starter
        out.append(line)
    if state:
        raise MarkerError(f"{path}:{opened_at}: LAB {block_lab} {state.upper()} block never ends")
    return "\n".join(out)


def tree_files(root=ROOT):
    """The files of the tree: git's tracked and untracked-but-not-ignored,
    or (not a git checkout) everything outside build directories."""
    try:
        names = subprocess.run(["git", "ls-files", "-z", "--cached", "--others",
                                "--exclude-standard"], cwd=root, check=True,
                               capture_output=True).stdout.decode().split("\0")
        return sorted({n for n in names if n and (Path(root) / n).is_file()})
    except (OSError, subprocess.CalledProcessError):
        skip = {".git", "build", "__pycache__"}
        return sorted(str(p.relative_to(root)) for p in Path(root).rglob("*")
                      if p.is_file() and not skip & set(p.relative_to(root).parts))


def read_text(path):
    """A file's text, or None for a binary file (which no marker can be in)."""
    try:
        return Path(path).read_text()
    except UnicodeDecodeError:
        return None


def make_starter(lab, dest, root=ROOT):
    """Write lab `lab`'s starter tree to dest; returns (files, changed, left out)."""
    dest = Path(dest)
    if dest.exists() and any(dest.iterdir()):
        raise SystemExit(f"{dest} exists and is not empty")
    files = changed = 0
    omitted = []
    for name in tree_files(root):
        src, dst = Path(root) / name, dest / name
        text = read_text(src)
        new = text if text is None else transform(text, lab, name)
        if text is not None and new is None:
            omitted.append(name)
            continue
        dst.parent.mkdir(parents=True, exist_ok=True)
        if text is None or new == text:
            shutil.copy2(src, dst)
        else:
            dst.write_text(new)
            shutil.copymode(src, dst)
            changed += 1
        files += 1
    return files, changed, omitted


def marked_labs(root=ROOT):
    """{lab: [files with its markers]}, validating every marker on the way."""
    found = {}
    for name in tree_files(root):
        text = read_text(Path(root) / name)
        if text is None or "LAB " not in text or style_for(name) is None:
            continue
        transform(text, None, name)     # raises on a malformed marker
        labs, style = solution_file_labs(text), style_for(name)
        for line in text.split("\n"):
            if m := style["begin"].match(line):
                labs.add(int(m.group(2)))
            elif m := style["sbegin"].match(line):
                labs.add(int(m.group(1)))
        for n in labs:
            found.setdefault(n, []).append(name)
    return found


def validate(root=ROOT):
    """Problems with the markers and the lab definitions (empty: all fine)."""
    problems = []
    try:
        marked = marked_labs(root)
    except MarkerError as e:
        return [str(e)]
    defined = grade.lab_numbers(root)
    for n in sorted(set(marked) - set(defined)):
        problems.append(f"lab {n} is marked in {', '.join(marked[n])} but has no "
                        f"tests/labs/lab{n}.py")
    for n in defined:
        if n not in marked:
            problems.append(f"tests/labs/lab{n}.py: no LAB {n} markers anywhere in the tree")
        try:
            lab = grade.load_lab(n, root)
        except grade.LabError as e:
            problems.append(str(e))
            continue
        if not (Path(root) / lab["handout"]).is_file():
            problems.append(f"lab {n}: handout {lab['handout']} not found")
    return problems


# --------------------------------------------------------------------------
# The CI check

def run(cmd, log, cwd=None):
    """Run cmd with its output to the file log; True when it exits 0."""
    with open(log, "w") as f:
        return subprocess.run(cmd, cwd=cwd, stdout=f, stderr=subprocess.STDOUT).returncode == 0


def tail(path, lines=15):
    text = Path(path).read_text(errors="replace").rstrip().split("\n")
    return "\n".join("#   " + line for line in text[-lines:])


def check_lab(n, build, keep=False, starter_only=False, jobs=2):
    """The CI check for lab n; returns a list of problems (empty: it passed)."""
    lab = grade.load_lab(n)
    problems = []
    work = Path(tempfile.mkdtemp(prefix=f"nest-lab{n}-"))
    tree = work / "tree"
    try:
        files, changed, omitted = make_starter(n, tree)
        print(f"# lab {n}: starter in {tree}: {files} files, {changed} changed, "
              f"{len(omitted)} left out")
        log = work / "build.log"
        make = ["make", "-C", str(tree), f"-j{jobs}", "WERROR=1", "O=build",
                "kernel", "initramfs", "user-tests"]
        if not run(make, log):
            return [f"lab {n}: the starter does not build (WERROR=1):\n{tail(log)}"]
        print(f"# lab {n}: the starter builds")
        got = grade.grade_lab(n, tree / "build", root=tree, strict=True, quiet=True)
        earned = sum(r["earned"] for r in got)
        total = sum(r["points"] for r in got)
        for r in got:
            want = r["test"].get("starter", "fail")
            if want == "fail" and r["earned"] == r["points"]:
                problems.append(f"lab {n}: {r['label']} passes on the starter; the handout "
                                "says it fails (a test that cannot fail?)")
            if want == "pass" and r["earned"] != r["points"]:
                problems.append(f"lab {n}: {r['label']} must pass on the starter but got "
                                f"{r['earned']}/{r['points']}: {r['reason']}")
        if earned >= total:
            problems.append(f"lab {n}: the starter gets {earned}/{total}: full points")
        print(f"# lab {n}: starter graded {earned}/{total}")
        if not starter_only:
            got = grade.grade_lab(n, build, strict=True, quiet=True)
            earned = sum(r["earned"] for r in got)
            for r in got:
                if r["earned"] != r["points"]:
                    problems.append(f"lab {n}: the reference solution loses points on "
                                    f"{r['label']} ({r['earned']}/{r['points']}): {r['reason']}")
            print(f"# lab {n}: full tree graded {earned}/{total}")
        return problems
    finally:
        if keep:
            print(f"# lab {n}: kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("list")
    sub.add_parser("validate")
    p = sub.add_parser("starter")
    p.add_argument("lab", type=int)
    p.add_argument("dir")
    p = sub.add_parser("check")
    p.add_argument("lab", help="a lab number, or all")
    p.add_argument("--build", default="build", help="the full tree's build directory")
    p.add_argument("--keep", action="store_true", help="keep the starter trees")
    p.add_argument("--starter-only", action="store_true",
                   help="skip grading the full tree (make test does that)")
    p.add_argument("-j", type=int, default=2, help="make jobs for the starter builds")
    args = ap.parse_args(argv)

    if args.cmd == "list":
        for n in grade.lab_numbers():
            lab = grade.load_lab(n)
            points = sum(t["points"] for t in lab["tests"])
            print(f"lab {n}: {lab['title']} ({points} points, {len(lab['tests'])} tests; "
                  f"{lab['handout']})")
        return 0
    if args.cmd == "validate":
        problems = validate()
        for p in problems:
            print(f"error: {p}")
        print(f"lab markers: {'ok' if not problems else f'{len(problems)} problems'}")
        return 1 if problems else 0
    if args.cmd == "starter":
        try:
            files, changed, omitted = make_starter(args.lab, args.dir)
        except MarkerError as e:
            sys.exit(f"error: {e}")
        print(f"lab {args.lab} starter: {args.dir} ({files} files, {changed} changed"
              + (f", left out: {' '.join(omitted)}" if omitted else "") + ")")
        return 0

    problems = validate()
    if problems:
        for p in problems:
            print(f"not ok lab-markers # {p}")
        return 1
    labs = grade.lab_numbers() if args.lab == "all" else [int(args.lab)]
    failed = 0
    for n in labs:
        got = check_lab(n, (ROOT / args.build).resolve(), args.keep, args.starter_only, args.j)
        print(f"{'not ok' if got else 'ok'} lab-check:{n}" + (" # " + "; ".join(got) if got else ""))
        failed += bool(got)
    print(f"{len(labs) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
