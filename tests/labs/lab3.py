# tests/labs/lab3.py - Lab 3, "Scheduling: priorities with nice, getpriority and
# setpriority" (docs/labs/lab3-priorities.md).
LAB = {
    "title": "Scheduling: priorities with nice, getpriority and setpriority",
    "handout": "docs/labs/lab3-priorities.md",
    "tests": [
        # The policy (kernel/sched_fair.c) without a clock: weights, charging,
        # picking, placing, and CPU shares of simulated runs.  13 cases.
        {"kind": "ktap", "suite": "lab3_sched", "points": 40, "timeout": 60},
        # The system calls, compared with Linux, one part per item.
        {"kind": "user", "name": "lab3_nice", "args": ["process"], "points": 15,
         "timeout": 60, "label": "process"},
        {"kind": "user", "name": "lab3_nice", "args": ["inherit"], "points": 10,
         "timeout": 60, "label": "inherit"},
        {"kind": "user", "name": "lab3_nice", "args": ["errors"], "points": 10,
         "timeout": 60, "label": "errors"},
        {"kind": "user", "name": "lab3_nice", "args": ["groups"], "points": 15,
         "timeout": 60, "label": "groups"},
        {"kind": "user", "name": "lab3_nice", "args": ["nice"], "points": 10,
         "timeout": 60, "label": "nice"},
    ],
}
