# tests/labs/lab6.py - lab 6, copy-on-write fork (docs/labs/lab6-cow.md).
# The solution: mm/memory.c (copy_page_range, do_wp_page, handle_mm_fault)
# and mm/mmap.c (dup_mm's TLB flush), between LAB 6 markers.
LAB = {
    "title": "Copy-on-write fork",
    "handout": "docs/labs/lab6-cow.md",
    "tests": [
        # The mechanism, 10 points a case: pages shared with count 2 and
        # write-protected, read-only pages shared, a fork of 256 touched
        # pages costing a few pages, the writer's copy, the last sharer's
        # reuse, three sharers, every reference dropped, copy_to_user and
        # the parent's TLB.
        {"kind": "ktap", "suite": "lab6_cow", "points": 80, "timeout": 60},
        # The behaviour, which the eager-copy starter has already: after a
        # fork each side sees only its own writes (globals, heap, stack,
        # mmap, read() into a shared buffer, 4 MiB, three generations).
        # A regression guard: copy-on-write must not break it.
        {"kind": "user", "name": "cow", "points": 20, "timeout": 60, "starter": "pass"},
    ],
}
