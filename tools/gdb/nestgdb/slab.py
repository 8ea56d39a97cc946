"""
tools/gdb/nestgdb/slab.py - the nest-slabinfo command: every slab cache,
as /proc/slabinfo shows it (slabinfo_show() in mm/slab_common.c), read
from the kmem_caches on the slab_caches list (include/nest/slab.h).
"""
import gdb

from .kernel import list_for_each_entry, string, symbol


def cache_counters(s):
    """The figures get_slabinfo() (mm/slab.c) computes for cache @s."""
    num_slabs, num = int(s["num_slabs"]), int(s["num"])
    return {
        "active_objs": int(s["active_objs"]),
        "num_objs": num_slabs * num,
        "active_slabs": num_slabs - int(s["free_slabs"]),
        "num_slabs": num_slabs,
    }


class NestSlabinfo(gdb.Command):
    """Every slab cache, as /proc/slabinfo shows it.

Usage: nest-slabinfo [-a]

Columns as Linux's /proc/slabinfo 2.1 (without the tunables, which Nest
does not have): active objects, objects in all slabs, the stride of one
object (size with metadata), objects per slab, pages per slab, slabs with
an object in use, all slabs.  Caches with no slab at all are left out
unless -a is given."""

    def __init__(self):
        super().__init__("nest-slabinfo", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        show_all = arg.strip() == "-a"
        print("slabinfo - version: 2.1 (from GDB)")
        print(f"# {'name':<17} {'<active_objs>':>13} {'<num_objs>':>10} {'<objsize>':>9} "
              f"{'<objperslab>':>12} {'<pagesperslab>':>14} : slabdata "
              f"{'<active_slabs>':>14} {'<num_slabs>':>11}")
        hidden = 0
        for s in list_for_each_entry(symbol("slab_caches").value(), "struct kmem_cache", "list"):
            c = cache_counters(s)
            if not show_all and c["num_slabs"] == 0:
                hidden += 1
                continue
            print(f"{string(s['name']):<19} {c['active_objs']:>13} {c['num_objs']:>10} "
                  f"{int(s['size']):>9} {int(s['num']):>12} {1 << int(s['gfporder']):>14} "
                  f": slabdata {c['active_slabs']:>14} {c['num_slabs']:>11}")
        if hidden:
            print(f"({hidden} caches without slabs not shown; nest-slabinfo -a shows them)")


def register():
    NestSlabinfo()
