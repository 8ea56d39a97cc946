# tests/labs/lab7.py - lab 7, the workqueue's delayed work
# (docs/labs/lab7-delayed-work.md).  The solution: kernel/workqueue_delayed.c,
# between LAB 7 markers.
LAB = {
    "title": "The workqueue: delayed work",
    "handout": "docs/labs/lab7-delayed-work.md",
    "tests": [
        # Delayed work, 8 points a case (11 cases): not before the delay,
        # delay 0, no double queueing, mod_delayed_work, cancel before the
        # expiry, cancel_delayed_work_sync on a running item,
        # flush_delayed_work, self-requeue, queueing from a timer,
        # destroy_workqueue, and the slab reaper.  On the starter each case
        # fails within its bounded waits (about 20 s in all).
        {"kind": "ktap", "suite": "lab7_delayed_work", "points": 88, "timeout": 90},
        # The rest of the workqueue, which the starter has: queueing,
        # flushing, cancelling, pools.  A regression guard.
        {"kind": "ktap", "suite": "workqueue", "points": 12, "timeout": 90,
         "starter": "pass"},
    ],
}
