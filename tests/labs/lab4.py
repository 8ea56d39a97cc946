# tests/labs/lab4.py - Lab 4, "Pid namespaces: a child subreaper":
# prctl(PR_SET_CHILD_SUBREAPER / PR_GET_CHILD_SUBREAPER) and the search for
# the nearest subreaper when a process exits.  The handout:
# docs/labs/lab4-subreaper.md.  The solution is marked LAB 4 in
# kernel/sys.c (prctl and the walk that marks descendants), kernel/fork.c
# (the mark's inheritance) and kernel/exit.c (find_new_reaper's walk).  On
# the starter the two prctl options are -EINVAL and every orphan goes to
# its namespace's init.
#
# The user program runs once per part, so each part earns its own points.
# "baseline" (no subreaper anywhere) passes on the starter too: it guards
# the namespace's own child reaper, which the student must not break.  The
# KTAP suite gives partial credit, case by case (4 cases).
LAB = {
    "title": "Pid namespaces: a child subreaper",
    "handout": "docs/labs/lab4-subreaper.md",
    "tests": [
        {"kind": "user", "name": "lab4_subreaper", "args": ["prctl"], "label": "prctl",
         "points": 15, "timeout": 60},
        {"kind": "user", "name": "lab4_subreaper", "args": ["orphan"], "label": "orphan",
         "points": 20, "timeout": 60},
        {"kind": "user", "name": "lab4_subreaper", "args": ["nested"], "label": "nested",
         "points": 15, "timeout": 60},
        {"kind": "user", "name": "lab4_subreaper", "args": ["inherit"], "label": "inherit",
         "points": 15, "timeout": 90},
        {"kind": "user", "name": "lab4_subreaper", "args": ["pidns"], "label": "pidns",
         "points": 15, "timeout": 60},
        {"kind": "user", "name": "lab4_subreaper", "args": ["baseline"], "label": "baseline",
         "points": 5, "timeout": 60, "starter": "pass"},
        {"kind": "ktap", "suite": "lab4_reaper", "points": 15, "timeout": 60},
    ],
}
