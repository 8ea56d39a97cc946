# tests/labs/lab2.py - Lab 2, "Slab: per-cache statistics"
# (docs/labs/lab2-slab-stats.md).
# Pure data: tests/labs/grade.py reads LAB.

# A /proc/slabinfo line's statistics columns with Linux's widths
# (slabinfo_show_stats(): "%7lu %6lu %5lu %4lu ..." and "%6lu" x 4).
_STATS_COLUMNS = (r" : globalstat [ \d]{6}\d [ \d]{5}\d [ \d]{4}\d(?: [ \d]{3}\d){6}"
                  r" : cpustat(?: [ \d]{5}\d){4}$")
_NONZERO = r" +[1-9]\d*"

LAB = {
    "title": "Slab: per-cache statistics",
    "handout": "docs/labs/lab2-slab-stats.md",
    "tests": [
        # The counters, exact, over known sequences on caches of the suite's
        # own (9 cases, 10 points each).
        {"kind": "ktap", "suite": "lab2_slab_stats", "points": 90, "timeout": 90},
        # The report: booted with slab_stats, /proc/slabinfo is in Linux's
        # statistics format, and the caches the boot used show counts.
        {"kind": "boot", "name": "slab_stats", "label": "proc-slabinfo",
         "append": "slab_stats init=/bin/cat /proc/slabinfo",
         "expect": [
             r"^slabinfo - version: 2\.1 \(statistics\)$",
             r"^# name .* : slabdata <active_slabs> <num_slabs> <sharedavail>"
             r" : globalstat <listallocs> <maxobjs> <grown> <reaped> <error> <maxfreeable>"
             r" <nodeallocs> <remotefrees> <alienoverflow>"
             r" : cpustat <allochit> <allocmiss> <freehit> <freemiss>$",
             r"^kmem_cache " + r".*" + _STATS_COLUMNS,
             # The cache of caches: objects went out (listallocs, maxobjs),
             # a slab was made, allocations hit and missed.
             r"^kmem_cache .* : globalstat" + _NONZERO * 3 + r" +\d+ +\d+ +0 +0 +0 +0"
             r" : cpustat" + _NONZERO * 2 + r" +\d+ +\d+$",
             # Files were opened and closed: frees into the cpu slab.
             r"^filp .* : cpustat" + _NONZERO * 3 + r" +\d+$",
         ],
         "points": 10, "timeout": 60},
    ],
}
