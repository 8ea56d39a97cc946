#!/usr/bin/env python3
"""
tests/labs/test_markers.py - host test of tools/lab.py's marker rules and of
the lab definition checks in tests/labs/grade.py.  Prints TAP version 13;
`make host-tests` puts a copy in build/host/test_lab_markers, where
tests/run.py runs it with the other host tests.
"""
import importlib.util
import os
import sys
import tempfile
from pathlib import Path

sys.dont_write_bytecode = True
# Run from the tree or from build/host/: find the tree's top either way.
ROOT = Path(os.environ.get("NEST_ROOT", Path(__file__).resolve().parent.parent.parent))
spec = importlib.util.spec_from_file_location("lab", ROOT / "tools" / "lab.py")
lab = importlib.util.module_from_spec(spec)
spec.loader.exec_module(lab)
grade = lab.grade

results = []


def check(name, ok, why=""):
    results.append((name, bool(ok), why))


def raises(fn, exc=lab.MarkerError):
    try:
        fn()
    except exc as e:
        return str(e)
    return None


C_SRC = """int f(void)
{
\t/* BEGIN LAB 4 SOLUTION: find it */
\treturn 42;
\t/* END LAB 4 SOLUTION */
\t/* BEGIN LAB 4 STARTER
\treturn -22;
\tEND LAB 4 STARTER */
}
\t/* BEGIN LAB 5 SOLUTION */
int g;
\t/* END LAB 5 SOLUTION */
"""

# The solution block becomes one TODO line, the starter block goes live.
got = lab.transform(C_SRC, 4, "kernel/x.c")
want = "int f(void)\n{\n\t/* LAB 4 TODO: find it */\n\treturn -22;\n}\n" \
       "\t/* BEGIN LAB 5 SOLUTION */\nint g;\n\t/* END LAB 5 SOLUTION */\n"
check("c_solution_becomes_todo_and_starter_goes_live", got == want, repr(got))
# Another lab's starter leaves lab 4's markers and solution alone.
got = lab.transform(C_SRC, 5, "kernel/x.c")
check("other_labs_untouched", "return 42;" in got and "int g;" not in got
      and "/* LAB 5 TODO */" in got, repr(got))
# Validation only (lab None) returns the text unchanged.
check("validate_keeps_text", lab.transform(C_SRC, None, "kernel/x.c") == C_SRC)
# No hint: a bare TODO line.
got = lab.transform("  /* BEGIN LAB 2 SOLUTION */\nx\n  /* END LAB 2 SOLUTION */", 2, "a.h")
check("todo_without_hint", got == "  /* LAB 2 TODO */", repr(got))

# The # style: the starter drops each inner line's "# ".
PY_SRC = "a = 1\n    # BEGIN LAB 3 SOLUTION\n    b = 2\n    # END LAB 3 SOLUTION\n" \
         "    # BEGIN LAB 3 STARTER\n    # b = 0\n    #\n    # END LAB 3 STARTER\n"
got = lab.transform(PY_SRC, 3, "tools/x.py")
check("hash_style", got == "a = 1\n    # LAB 3 TODO\n    b = 0\n    \n", repr(got))
got = lab.transform("x:\n# BEGIN LAB 3 SOLUTION\n\ty\n# END LAB 3 SOLUTION\n", 3, "Makefile")
check("makefile_is_hash_style", got == "x:\n# LAB 3 TODO\n", repr(got))

# A solution file is left out of its own lab's starter only.
FILE_SRC = "/*\n * kernel/y.c - a whole new file\n */\n/* LAB 1 SOLUTION FILE */\nint y;\n"
check("solution_file_left_out", lab.transform(FILE_SRC, 1, "kernel/y.c") is None)
check("solution_file_kept_for_other_labs", lab.transform(FILE_SRC, 2, "kernel/y.c") == FILE_SRC)

# Mistakes are errors that say file:line.
nested = "/* BEGIN LAB 1 SOLUTION */\n/* BEGIN LAB 1 STARTER\nEND LAB 1 STARTER */\n" \
         "/* END LAB 1 SOLUTION */\n"
why = raises(lambda: lab.transform(nested, 1, "k.c"))
check("nesting_is_an_error", why and "k.c:2" in why, why)
why = raises(lambda: lab.transform("/* BEGIN LAB 1 SOLUTION */\nx\n", 1, "k.c"))
check("unterminated_is_an_error", why and "k.c:1" in why and "never ends" in why, why)
why = raises(lambda: lab.transform("/* END LAB 1 SOLUTION */\n", None, "k.c"))
check("end_without_begin_is_an_error", why and "k.c:1" in why, why)
why = raises(lambda: lab.transform("/* BEGIN LAB 1 SOLUTION */\n/* END LAB 2 SOLUTION */\n",
                                   None, "k.c"))
check("mismatched_numbers_are_an_error", why and "k.c:2" in why, why)
why = raises(lambda: lab.transform("x /* BEGIN LAB 1 SOLUTION */\n", None, "k.c"))
check("marker_not_alone_on_its_line_is_an_error", why and "malformed" in why, why)

# The docs may show markers: they are no markers there.
check("docs_are_not_marked", lab.transform(C_SRC, 4, "docs/labs/README.md") == C_SRC)


# Every marker in this tree is well formed (a starter tree too: it keeps
# the other labs' markers).
try:
    lab.marked_labs(ROOT)
    check("tree_markers_well_formed", True)
except lab.MarkerError as e:
    check("tree_markers_well_formed", False, str(e))


# Lab definitions: grade.load_lab refuses the mistakes that would make a
# grader lie (no failing test, bad kinds, fractional points, twin labels).
def load(text):
    with tempfile.TemporaryDirectory() as d:
        (Path(d) / "tests" / "labs").mkdir(parents=True)
        (Path(d) / "tests" / "labs" / "lab1.py").write_text(text)
        try:
            grade.load_lab(1, d)
            return None
        except grade.LabError as e:
            return str(e)


GOOD = ('LAB = {"title": "t", "handout": "h", "tests": [\n'
        '  {"kind": "user", "name": "u", "points": 60},\n'
        '  {"kind": "ktap", "suite": "s", "points": 40, "starter": "pass"}]}\n')
check("lab_definition_good", load(GOOD) is None, load(GOOD))
check("lab_definition_needs_a_failing_test",
      "nothing is graded" in (load(GOOD.replace('"points": 60}', '"points": 60, '
                                                '"starter": "any"}')) or ""))
check("lab_definition_bad_kind", "kind" in (load(GOOD.replace('"user"', '"host"')) or ""))
check("lab_definition_whole_points", "points" in (load(GOOD.replace("60", "59.5")) or ""))
check("lab_definition_totals_100",
      "add up to 99" in (load(GOOD.replace('"points": 40', '"points": 39')) or ""))
check("lab_definition_twin_labels",
      "both" in (load(GOOD.replace('"kind": "ktap", "suite": "s"',
                                   '"kind": "user", "name": "u"')) or ""))

print("TAP version 13")
for i, (name, ok, why) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {name}")
    if not ok and why:
        print(f"#   {why}")
print(f"1..{len(results)}")
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
