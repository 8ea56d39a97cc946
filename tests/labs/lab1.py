# tests/labs/lab1.py - Lab 1, "Add a system call: sysinfo(2)" (number 116).
# The handout: docs/labs/lab1-syscall.md.  The solution is kernel/sys_info.c,
# a solution file (left out of the starter as a whole), so sysinfo() is
# -ENOSYS there and every test below fails.
#
# The user program runs once per part, so each part earns its own points;
# the KTAP suite gives partial credit case by case (6 cases, 5 points each).
LAB = {
    "title": "Add a system call: sysinfo(2)",
    "handout": "docs/labs/lab1-syscall.md",
    "tests": [
        {"kind": "user", "name": "lab1_sysinfo", "args": ["fields"], "label": "fields",
         "points": 25, "timeout": 60},
        {"kind": "user", "name": "lab1_sysinfo", "args": ["uptime"], "label": "uptime",
         "points": 15, "timeout": 60},
        {"kind": "user", "name": "lab1_sysinfo", "args": ["procs"], "label": "procs",
         "points": 15, "timeout": 60},
        {"kind": "user", "name": "lab1_sysinfo", "args": ["efault"], "label": "efault",
         "points": 15, "timeout": 60},
        {"kind": "ktap", "suite": "lab1_sysinfo", "points": 30, "timeout": 60},
    ],
}
