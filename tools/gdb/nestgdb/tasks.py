"""
tools/gdb/nestgdb/tasks.py - tasks, seen from GDB: the nest-ps and nest-bt
commands and the $current(), $task() and $container_of() functions.

Tasks are walked as for_each_process() does (include/nest/sched.h): the
boot task init_task (swapper/0), then every task on init_task.tasks.
A task's numbers come from its struct pid (include/nest/pid.h): numbers[0]
in the initial namespace down to numbers[level] in its own.
"""
import os

import gdb

from .kernel import (NestError, container_of, list_for_each_entry, lookup_type,
                     read_ulong, string, symbol, symbolize, var)
from .unwind import entry_layout
from .usersyms import state as usersyms

# task->state and ->exit_state, from include/nest/sched.h.
TASK_INTERRUPTIBLE = 0x0001
TASK_UNINTERRUPTIBLE = 0x0002
TASK_STOPPED = 0x0004
TASK_DEAD = 0x0080
EXIT_ZOMBIE = 0x0010
EXIT_DEAD = 0x0020
PF_KTHREAD = 0x00200000
PIDTYPE_PID = 0
TASK_COMM_LEN = 16
# The stack of a switched-out task, from thread.sp up (boot/switch.asm).
SWITCH_FRAME_EBP = 12
SWITCH_FRAME_RET = 16
WORD = 4
MAX_FRAMES = 64
# Interrupt frames: the vector of int $0x80 (boot/entry.asm).
SYSCALL_VECTOR = 0x80
# The first C function (kernel/main.c): the idle task's stack ends there.
OUTERMOST = "start_kernel"


def for_each_task():
    """Every task: init_task first, then the list, as for_each_process()."""
    init = symbol("init_task").value()
    yield init.address
    yield from list_for_each_entry(init["tasks"], "struct task_struct", "tasks")


def task_pid_struct(task):
    """task->pids[PIDTYPE_PID].pid, or None."""
    pid = task["pids"][PIDTYPE_PID]["pid"]
    return pid if int(pid) else None


def upids(pid):
    """[(nr, ns), ...] of a struct pid, numbers[0] (initial namespace) first."""
    if pid is None:
        return []
    level = int(pid["level"])
    first = pid["numbers"][0].address          # numbers[] is really level + 1 long
    return [(int((first + i).dereference()["nr"]), (first + i).dereference()["ns"])
            for i in range(level + 1)]


def pid_numbers(pid):
    """"[0]17 [1]3 [2]1": a struct pid's number at each level."""
    return " ".join(f"[{i}]{nr}" for i, (nr, _) in enumerate(upids(pid))) or "-"


def task_state(task):
    """One letter, as ps(1): R, S, D, T, Z (zombie) or X (dead)."""
    exit_state, state = int(task["exit_state"]), int(task["state"])
    if exit_state & EXIT_ZOMBIE:
        return "Z"
    if exit_state & EXIT_DEAD or state & TASK_DEAD:
        return "X"
    if state & TASK_UNINTERRUPTIBLE:
        return "D"
    if state & TASK_INTERRUPTIBLE:
        return "S"
    if state & TASK_STOPPED:
        return "T"
    return "R"


def task_reaper(task):
    """The child_reaper (init) of the namespace @task's pid is in, or None."""
    numbers = upids(task_pid_struct(task))
    if not numbers:
        return None
    reaper = numbers[-1][1]["child_reaper"]
    return reaper if int(reaper) else None


def find_task(nr, ns=None):
    """The task numbered @nr in namespace @ns (default: the initial one)."""
    ns_addr = int(ns) if ns is not None else int(symbol("init_pid_ns").value().address)
    for task in for_each_task():
        for number, upid_ns in upids(task_pid_struct(task)):
            if number == nr and int(upid_ns) == ns_addr:
                return task
    raise NestError(f"no task has pid {nr}" + (f" in namespace {ns_addr:#x}" if ns else ""))


def parse_task(arg):
    """A task from a command argument: a pid (initial namespace) or an expression."""
    arg = arg.strip()
    if not arg:
        raise NestError("which task? give a pid or a struct task_struct *")
    try:
        return find_task(int(arg, 0))
    except ValueError:
        pass
    value = gdb.parse_and_eval(arg)
    if value.type.strip_typedefs().code == gdb.TYPE_CODE_INT:
        return find_task(int(value))
    return value.cast(lookup_type("struct task_struct").pointer())


class NestPs(gdb.Command):
    """Every task, as ps -e would show it, with its pids at each level.

Usage: nest-ps

Columns: PID (in the initial namespace), state (R running or runnable,
S sleeping, D uninterruptible, T stopped, Z zombie, X dead), LVL (the level
of the namespace the task's pid is in), PIDS (the task's number at each
level: [0]17 [1]3 [2]1 is 17 in the initial namespace, 3 in the level-1
namespace and 1, its init, in the level-2 one), PPID (the real parent's
pid), REAPER (the pid of the namespace's init, which reaps orphans), COMM
and the task_struct address.  ">" marks current."""

    def __init__(self):
        super().__init__("nest-ps", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        current = int(var("current"))
        rows = []
        for task in for_each_task():
            pid = task_pid_struct(task)
            reaper = task_reaper(task)
            rows.append((">" if int(task) == current else " ", int(task["pid"]),
                         task_state(task), int(pid["level"]) if pid else 0,
                         pid_numbers(pid), int(task["real_parent"]["pid"]),
                         str(int(reaper["pid"])) if reaper else "-",
                         string(task["comm"]) + (" [kthread]" if int(task["flags"]) & PF_KTHREAD
                                                 else ""), int(task)))
        width = max([len(r[4]) for r in rows] + [4])
        print(f"  {'PID':>5} S LVL {'PIDS':<{width}} {'PPID':>5} {'REAPER':>6}  "
              f"{'COMM':<26} TASK")
        for mark, nr, state, level, numbers, ppid, reaper, comm, addr in rows:
            print(f"{mark} {nr:5} {state} {level:3} {numbers:<{width}} {ppid:5} {reaper:>6}  "
                  f"{comm:<26} {addr:#x}")


def syscall_name(nr):
    """"114 (sys_wait4)": a system call number and the function that serves it."""
    try:
        table = symbol("sys_call_table").value()
        if nr < table.type.range()[1] + 1 and int(table[nr]):
            return f"{nr} ({symbolize(table[nr])})"
    except (NestError, gdb.error):
        pass
    return str(nr)


def frame_line(level, pc, is_return):
    """One backtrace line, as GDB prints it: "#2  0xc0107e1d in schedule () at ..."."""
    lookup = pc - 1 if is_return else pc        # the call, not what follows it
    name = symbolize(lookup).split("+")[0]
    where = ""
    if gdb.block_for_pc(lookup) is not None:    # C, not an assembly label
        sal = gdb.find_pc_line(lookup)
        if sal.symtab:
            where = f" at {sal.symtab.filename}:{sal.line}"
    return f"#{level:<2} {pc:#010x} in {name} (){where}"


class NestBt(gdb.Command):
    """The kernel backtrace of a task that is not running.

Usage: nest-bt PID | nest-bt EXPR | nest-bt all

PID is a pid in the initial namespace (as nest-ps shows it); EXPR is a
struct task_struct *, e.g. nest-bt $task(17).  For the running task this is
GDB's own `bt`.  A switched-out task's stack (boot/switch.asm) holds edi,
esi, ebx, ebp and the return address above thread.sp; from that ebp the
frame pointers lead through its kernel functions.  At an interrupt or
system call frame the walk prints the interrupted registers and goes on
if the kernel was interrupted, or stops at the user-mode boundary."""

    def __init__(self):
        super().__init__("nest-bt", gdb.COMMAND_STACK)

    def invoke(self, arg, from_tty):
        if arg.strip() == "all":
            for task in for_each_task():
                self.backtrace(task)
                print()
            return
        self.backtrace(parse_task(arg))

    def backtrace(self, task):
        comm = string(task["comm"])
        print(f"task {int(task):#x} pid {int(task['pid'])} ({comm}), state {task_state(task)}")
        if int(task) == int(var("current")):
            print("(the running task: GDB's own backtrace)")
            gdb.execute("bt")
            return
        sp = int(task["thread"]["sp"])
        low, high = int(task["stack"]), int(task["thread"]["sp0"])
        if not low <= sp < high:
            raise NestError(f"thread.sp {sp:#x} is outside the task's stack "
                            f"[{low:#x}, {high:#x})")
        self.walk(read_ulong(sp + SWITCH_FRAME_RET), read_ulong(sp + SWITCH_FRAME_EBP),
                  low, high, comm)

    @staticmethod
    def user_symbol(regs, comm):
        """" in read+0x14 (/bin/sh)" if the user symbols loaded are the program
        of the task named @comm (whose own memory is not mapped now)."""
        loaded = usersyms.guest_path
        if not usersyms.loaded or os.path.basename(loaded)[:TASK_COMM_LEN - 1] != comm:
            return ""
        return f" in {symbolize(regs['ip'])} ({loaded})"

    def walk(self, pc, ebp, low, high, comm):
        """Print frames from return address @pc in the function whose frame is
        @ebp, on the stack [@low, @high) of the task named @comm."""
        after_call = entry_layout().after_call
        level, callee_ebp = 0, None
        while level < MAX_FRAMES:
            if pc != after_call:
                # A task that never ran "returns" to the start of ret_from_fork
                # or ret_from_kernel_thread: not a return address.
                is_return = level > 0 or "+" in symbolize(pc)
                print(frame_line(level, pc, is_return))
                level += 1
                if symbolize(pc - 1 if is_return else pc).startswith(OUTERMOST + "+"):
                    return          # the boot code below it never gets control back
            else:
                # Returning into common_interrupt from do_interrupt: above the
                # return address in its frame are its argument, then the regs.
                regs = gdb.Value(callee_ebp + 3 * WORD).cast(
                    lookup_type("struct pt_regs").pointer())
                user = int(regs["cs"]) & 3 == 3
                vector = int(regs["vector"])
                what = (f"system call {syscall_name(int(regs['orig_ax']))}"
                        if vector == SYSCALL_VECTOR else f"interrupt/exception vector {vector}")
                print(f"#{level:<2} {pc:#010x} in common_interrupt () -- {what} from "
                      f"{'user' if user else 'kernel'} mode, regs at {int(regs):#x}")
                level += 1
                if user:
                    print(f"    user mode: eip {int(regs['ip']):#010x}{self.user_symbol(regs, comm)}, "
                          f"esp {int(regs['sp']):#010x}")
                    return
                # The kernel was interrupted: that function, then on up its chain.
                pc, ebp = int(regs["ip"]), int(regs["bp"])
                print(frame_line(level, pc, False))
                level += 1
            if not low <= ebp < high - 2 * WORD:
                return              # the outermost frame (ret_from_fork, kthread)
            callee_ebp = ebp
            pc, ebp = read_ulong(ebp + WORD), read_ulong(ebp)
            if pc == 0:
                return


class CurrentFunction(gdb.Function):
    """$current() - the running task: the kernel's `current` (struct task_struct *).

Example: p $current()->comm"""

    def __init__(self):
        super().__init__("current")

    def invoke(self):
        return var("current")


class TaskFunction(gdb.Function):
    """$task(PID [, NS]) - the struct task_struct * whose pid is PID.

PID is a number in the initial namespace, or in NS if given (a struct
pid_namespace *).  Example: p $task(1)->comm, nest-bt $task(3, ns)."""

    def __init__(self):
        super().__init__("task")

    def invoke(self, nr, ns=None):
        return find_task(int(nr), ns)


class ContainerOfFunction(gdb.Function):
    """$container_of(PTR, "TYPE", "MEMBER") - the TYPE whose MEMBER is at PTR.

As the kernel's container_of().  Example:
  p $container_of(init_task.tasks.next, "struct task_struct", "tasks")->comm"""

    def __init__(self):
        super().__init__("container_of")

    def invoke(self, ptr, type_name, member):
        return container_of(ptr, lookup_type(type_name.string()), member.string())


def register():
    NestPs()
    NestBt()
    CurrentFunction()
    TaskFunction()
    ContainerOfFunction()
