"""
tools/gdb/nestgdb/exceptions.py - nest-break-exceptions: stop at the first
instruction of every CPU exception stub (isr_stub_0 .. isr_stub_31 in
boot/entry.asm), so a fault is seen where it happens, before the kernel's
report, a second fault or a triple fault (which resets the machine and
leaves nothing to look at).  The double fault is a task gate
(kernel/gdt.c), so its breakpoint is on double_fault_task instead.

At a stub's first instruction the stack holds what the CPU pushed
(boot/entry.asm): an error code for vectors 8, 10-14, 17 and 21, then eip,
cs and eflags.  The breakpoints read them to say where the fault was and to
skip the faults that are part of normal operation (see NestBreakExceptions).
"""
import gdb

from .kernel import PAGE_OFFSET, NestError, read_ulong, symbolize

NR_EXCEPTION_VECTORS = 32
DOUBLE_FAULT_VECTOR = 8
PAGE_FAULT_VECTOR = 14
PAGE_SIZE = 4096
ERROR_CODE_VECTORS = {8, 10, 11, 12, 13, 14, 17, 21}
NAMES = ["#DE divide error", "#DB debug", "NMI", "#BP int3", "#OF overflow", "#BR bounds",
         "#UD invalid opcode", "#NM device not available", "#DF double fault",
         "coprocessor segment overrun", "#TS invalid TSS", "#NP segment not present",
         "#SS stack segment", "#GP general protection", "#PF page fault", "reserved",
         "#MF x87 FPU error", "#AC alignment check", "#MC machine check",
         "#XM SIMD exception", "#VE virtualization exception", "#CP control protection"]

breakpoints = []


def vector_name(vector):
    return NAMES[vector] if vector < len(NAMES) else "reserved"


class ExceptionBreakpoint(gdb.Breakpoint):
    """A breakpoint on isr_stub_<vector> that explains the exception it catches."""

    def __init__(self, vector, user_too):
        super().__init__(f"*isr_stub_{vector}", internal=False, temporary=False)
        self.vector, self.user_too = vector, user_too

    def stop(self):
        esp = int(gdb.parse_and_eval("$esp"))
        frame = esp + (4 if self.vector in ERROR_CODE_VECTORS else 0)
        eip, cs = read_ulong(frame), read_ulong(frame + 4)
        user = cs & 3 == 3
        error = read_ulong(esp) if self.vector in ERROR_CODE_VECTORS else None
        cr2 = int(gdb.parse_and_eval("$cr2")) if self.vector == PAGE_FAULT_VECTOR else None
        if not self.user_too:
            if user:
                return False    # a user program's fault: a signal, not a kernel bug
            # In the kernel, a page fault on a user address is copy_*_user()
            # touching a page for the first time, or one the exception table fixes.
            if cr2 is not None and PAGE_SIZE <= cr2 < PAGE_OFFSET:
                return False
        what = f"CPU exception {self.vector} ({vector_name(self.vector)}) in " \
               f"{'user' if user else 'kernel'} mode at eip {eip:#010x} {symbolize(eip)}"
        if error is not None:
            what += f", error code {error:#x}"
        if cr2 is not None:
            what += f", cr2 {cr2:#010x}"
        print(what)
        print("(bt shows the faulting code's frames; stepping on runs the kernel's handler)")
        return True


class DoubleFaultBreakpoint(gdb.Breakpoint):
    def __init__(self):
        super().__init__("double_fault_task", internal=False)

    def stop(self):
        print("CPU exception 8 (#DF double fault): the double-fault task runs; "
              "the faulting state is in cpu_tss (p/x cpu_tss)")
        return True


def delete_all():
    while breakpoints:
        bp = breakpoints.pop()
        if bp.is_valid():
            bp.delete()


class NestBreakExceptions(gdb.Command):
    """Stop at every CPU exception, at its stub in boot/entry.asm.

Usage: nest-break-exceptions [all | off]

Puts a breakpoint on isr_stub_0 .. isr_stub_31 (and on double_fault_task:
the double fault is a task gate).  Each one prints the vector, where the
fault happened, the error code and, for a page fault, cr2; `bt` then shows
the frames of the code that faulted (unwind.py reads the CPU's frame).

By default it skips the exceptions that are normal: any exception in user
mode (the kernel turns it into a signal) and, in kernel mode, page faults
on user addresses (copy_to_user() touching a fresh page, or a bad pointer
the exception table fixes).  `all` stops at every one; `off` deletes the
breakpoints.  The stubs for vectors 32-47 are hardware interrupts, which
would stop at every timer tick, so they are left alone."""

    def __init__(self):
        super().__init__("nest-break-exceptions", gdb.COMMAND_BREAKPOINTS)

    def invoke(self, arg, from_tty):
        arg = arg.strip()
        if arg not in ("", "all", "off"):
            raise NestError("usage: nest-break-exceptions [all | off]")
        delete_all()
        if arg == "off":
            print("exception breakpoints deleted")
            return
        for vector in range(NR_EXCEPTION_VECTORS):
            if vector == DOUBLE_FAULT_VECTOR:
                breakpoints.append(DoubleFaultBreakpoint())
            else:
                breakpoints.append(ExceptionBreakpoint(vector, arg == "all"))
        print(f"breakpoints on the {NR_EXCEPTION_VECTORS} exception stubs "
              f"({'every exception' if arg == 'all' else 'kernel-mode faults only'})")


def register():
    NestBreakExceptions()
