# tests/labs/lab5.py - lab 5, a per-namespace pid_max under /proc/sys
# (docs/labs/lab5-pid-max.md).  The user test's parts are graded apart:
# each runs in namespaces of its own (tests/user/lab5_pid_max.c).
LAB = {
    "title": "A per-namespace pid_max under /proc/sys",
    "handout": "docs/labs/lab5-pid-max.md",
    "tests": [
        # /proc/sys/kernel/pid_max opens for writing; a new namespace starts
        # at PID_MAX_LIMIT; proc_dointvec_minmax's rules; the parent keeps its value.
        {"kind": "user", "name": "lab5_pid_max", "args": ["writes"], "points": 25,
         "timeout": 60, "label": "writes"},
        # A namespace at pid_max 500 numbers 2..499, then wraps to 300.
        {"kind": "user", "name": "lab5_pid_max", "args": ["wrap"], "points": 15,
         "timeout": 60, "label": "wrap"},
        # A namespace made after its parent's write starts at PID_MAX_LIMIT
        # and numbers past the parent's limit.
        {"kind": "user", "name": "lab5_pid_max", "args": ["nested"], "points": 10,
         "timeout": 60, "label": "nested"},
        # The parent's pid_max binds a child with a larger one: EAGAIN.
        {"kind": "user", "name": "lab5_pid_max", "args": ["full"], "points": 15,
         "timeout": 60, "label": "full"},
        # pid_max lowered below the cursor and a live pid: the wrap stays below it.
        {"kind": "user", "name": "lab5_pid_max", "args": ["lowered"], "points": 10,
         "timeout": 60, "label": "lowered"},
        # alloc_pid() at each level, from the inside.
        {"kind": "ktap", "suite": "lab5_pid_max", "points": 20, "timeout": 60},
        # Regression guard: the wrap at the default 32768 still works.
        {"kind": "user", "name": "pidns_wrap", "points": 5, "timeout": 120,
         "starter": "pass", "label": "regression: the wrap at 32768"},
    ],
}
