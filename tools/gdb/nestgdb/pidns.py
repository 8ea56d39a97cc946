"""
tools/gdb/nestgdb/pidns.py - the nest-pidns command: the tree of pid
namespaces (include/nest/pid_namespace.h).

The kernel keeps no list of namespaces, only a count (pid_ns_count in
kernel/pid_namespace.c).  So they are found as the kernel reaches them:
every number of every task's struct pid, every nsproxy's
pid_ns_for_children (after unshare), and their parents.  A namespace that
only a struct pid or a pending free still holds is not found; the summary
line compares the two counts.
"""
import gdb

from .kernel import NestError, string, symbol
from .tasks import for_each_task, task_pid_struct, upids

PIDNS_ADDING = 1 << 31          # nr_hashed's top bit (include/nest/pid_namespace.h)


def all_namespaces():
    """{address: struct pid_namespace *} of every namespace reachable from a task."""
    found = {}

    def add(ns):
        while int(ns) and int(ns) not in found:
            found[int(ns)] = ns
            ns = ns["parent"]

    add(symbol("init_pid_ns").value().address)
    for task in for_each_task():
        for _, ns in upids(task_pid_struct(task)):
            add(ns)
        nsproxy = task["nsproxy"]
        if int(nsproxy):
            add(nsproxy["pid_ns_for_children"])
    return found


def describe(ns, is_init_ns):
    """The columns of one namespace."""
    reaper = ns["child_reaper"]
    if int(reaper):
        numbers = upids(task_pid_struct(reaper))
        init = f"[0]{numbers[0][0] if numbers else '?'} {string(reaper['comm'])}"
    else:
        init = "-"
    hashed = int(ns["nr_hashed"])
    kref = int(ns["kref"])
    return {
        "level": int(ns["level"]),
        "init": init,
        "last_pid": int(ns["last_pid"]),
        "pids": hashed & ~PIDNS_ADDING,
        # init_pid_ns is static: get_pid_ns()/put_pid_ns() leave it alone.
        "refs": "-" if is_init_ns else str(kref),
        "state": "adding" if hashed & PIDNS_ADDING else "closed (init exited)",
        "parent": int(ns["parent"]),
    }


class NestPidns(gdb.Command):
    """The tree of pid namespaces.

Usage: nest-pidns

One line per namespace, children indented under their parent: its
address, LVL (its level: the initial namespace is 0), INIT (its
child_reaper: pid in the initial namespace and name), LAST (last_pid, the
last number handed out), PIDS (struct pids with a number in it: nr_hashed
without the PIDNS_ADDING bit), REFS (its reference count, kref), PARENT,
and whether it still takes new pids (PIDNS_ADDING; cleared when its init
exits, see zap_pid_ns_processes)."""

    def __init__(self):
        super().__init__("nest-pidns", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        spaces = all_namespaces()
        init_ns = int(symbol("init_pid_ns").value().address)
        children = {}
        for addr, ns in spaces.items():
            if addr != init_ns:
                children.setdefault(int(ns["parent"]), []).append(addr)
        print(f"{'NAMESPACE':<22} {'LVL':>3}  {'INIT':<20} {'LAST':>5} {'PIDS':>5} "
              f"{'REFS':>4}  {'PARENT':<10}  STATE")

        def show(addr, depth):
            d = describe(spaces[addr], addr == init_ns)
            name = ("  " * depth + ("`-" if depth else "") + f"{addr:#x}")
            parent = f"{d['parent']:#x}" if d["parent"] else "-"
            print(f"{name:<22} {d['level']:>3}  {d['init']:<20} {d['last_pid']:>5} "
                  f"{d['pids']:>5} {d['refs']:>4}  {parent:<10}  {d['state']}")
            for child in sorted(children.get(addr, [])):
                show(child, depth + 1)

        show(init_ns, 0)
        try:
            alive = int(symbol("pid_ns_count").value())
            print(f"{len(spaces) - 1} namespaces below the initial one found from tasks; "
                  f"pid_ns_count says {alive} alive")
        except NestError:
            pass


def register():
    NestPidns()
