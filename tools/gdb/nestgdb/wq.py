"""
tools/gdb/nestgdb/wq.py - the nest-wq command: every workqueue, its
pending items and its workers, then the newest events of the trace ring.

The structures are kernel/workqueue_internal.h's: the list `workqueues`
holds each struct workqueue_struct; its `pool` (a struct worker_pool) has
the pending items on `worklist` (linked by work_struct.entry) and the
workers on `workers` (struct worker, linked by node).  The trace ring is
the global `wq_trace`, laid out as include/nest/workqueue.h documents:
entries[] is a ring and `head` counts every event ever recorded.
"""
import gdb

from .kernel import NestError, list_for_each_entry, string, symbol, symbolize

WORKER_IDLE = 0x01              # worker->flags (kernel/workqueue_internal.h)
WORKER_PREP = 0x02
WQ_UNBOUND = 1 << 1
TRACE_EVENTS = {1: "queue", 2: "start", 3: "finish"}     # enum wq_trace_event
WQ_TRACE_IRQ = 0x01
DEFAULT_TRACE_LINES = 16


def workqueues():
    return list_for_each_entry(symbol("workqueues").value(), "struct workqueue_struct", "list")


def pool_names():
    """{pool id: workqueue name} for the queues that exist now."""
    return {int(wq["pool"]["id"]): string(wq["name"]) for wq in workqueues()}


def show_workqueue(wq):
    pool = wq["pool"]
    flags = int(wq["flags"])
    print(f"workqueue {string(wq['name'])!r} at {int(wq):#x}: pool {int(pool['id'])}, "
          f"flags {flags:#x}{' (unbound)' if flags & WQ_UNBOUND else ''}, "
          f"max_active {int(wq['max_active'])}")
    colors = [int(pool["nr_in_flight"][i]) for i in range(2)]
    flush = int(pool["flush_color"])
    print(f"  workers {int(pool['nr_workers'])} (idle {int(pool['nr_idle'])}), "
          f"in flight by color {colors}, work_color {int(pool['work_color'])}, "
          f"flushing {'color ' + str(flush) if flush >= 0 else 'no'}, "
          f"delayed items {int(pool['nr_delayed'])}")
    pending = list(list_for_each_entry(pool["worklist"], "struct work_struct", "entry"))
    print(f"  pending: {len(pending) or 'none'}")
    for work in pending:
        print(f"    work {int(work):#x}  {symbolize(work['func'])}")
    for worker in list_for_each_entry(pool["workers"], "struct worker", "node"):
        task = worker["task"]
        wflags = int(worker["flags"])
        state = ("idle" if wflags & WORKER_IDLE else
                 "preparing" if wflags & WORKER_PREP else "running")
        line = (f"    worker {string(task['comm']) if int(task) else '?':<14} "
                f"pid {int(task['pid']) if int(task) else 0:<4} {state}")
        if int(worker["current_work"]):
            line += (f", current {int(worker['current_work']):#x} "
                     f"{symbolize(worker['current_func'])}")
        elif int(worker["last_func"]):
            line += f", last ran {symbolize(worker['last_func'])}"
        scheduled = list(list_for_each_entry(worker["scheduled"], "struct work_struct", "entry"))
        if scheduled:
            line += f", {len(scheduled)} scheduled after it"
        print(line)


def show_trace(nr):
    trace = symbol("wq_trace").value()
    entries = trace["entries"]
    size = entries.type.strip_typedefs().range()[1] + 1
    head = int(trace["head"])
    nr = size if nr <= 0 or nr > size else nr
    first = max(0, head - nr)
    if not head:
        print("trace ring: no events recorded yet")
        return
    print(f"trace ring: {head} events recorded since boot; the last {head - first}, "
          "oldest first")
    names = pool_names()
    print(f"  {'jiffies':>7} {'tsc':>16} {'event':<6} {'queue':<16} {'pid':>4}  function / work")
    for i in range(first, head):
        e = entries[i % size]
        event = TRACE_EVENTS.get(int(e["event"]), "?")
        irq = "i" if int(e["flags"]) & WQ_TRACE_IRQ else " "
        print(f"  {int(e['jiffies']):>7} {int(e['tsc']):>16} {event:<6} "
              f"{names.get(int(e['pool_id']), '?'):<16} {int(e['pid']):>4}{irq} "
              f"{symbolize(e['func'])} work={int(e['work']):#x}")


class NestWq(gdb.Command):
    """Workqueues, their pending items and workers, and the trace ring.

Usage: nest-wq [N]

For each workqueue (oldest first): its pool's counters, the items pending
on the worklist (not yet started), and each worker: idle, or running an
item (current_work and its function), or the last function it ran.  Then
the newest N events of the trace ring wq_trace (default 16, 0 for all it
holds): jiffies, time-stamp counter, queue/start/finish, the queue, the
pid that recorded it ("i": in an interrupt handler), function and item."""

    def __init__(self):
        super().__init__("nest-wq", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        try:
            nr = int(arg) if arg.strip() else DEFAULT_TRACE_LINES
        except ValueError:
            raise NestError("usage: nest-wq [N]") from None
        count = 0
        for wq in workqueues():
            show_workqueue(wq)
            count += 1
        if not count:
            print("no workqueues yet (workqueue_init() has not run)")
        show_trace(nr)


def register():
    NestWq()
