"""
tools/gdb/nestgdb/unwind.py - backtraces through interrupt and system call
entries: a frame unwinder for the stubs of boot/entry.asm.

GDB unwinds C functions from their debug information, but the entry stubs
have none, and their caller is not a caller at all: it is whatever the CPU
interrupted, whose registers are saved on the stack.  This unwinder reads
them, so that a backtrace taken in the kernel goes on below the interrupt:
into the interrupted kernel function, or, for a system call, into the user
program (its symbols loaded by usersyms.py):

    #0  copy_pid_ns (flags=..., old_ns=...) at kernel/pid_namespace.c:101
    ...
    #7  0xc010aef1 in do_interrupt (regs=0xf0002fb8) at kernel/traps.c:216
    #8  0xc010218a in common_interrupt () at boot/entry.asm:117
    #9  0x0804c19d in __clone () at user/lib/clone_i386.S:44
    0x0804963d in clone () at user/lib/clone.c:50
    0x080490c1 in main () at user/bin/nsdemo.c:194

(the last two from the frame filter, below).

The frames it knows (the stack layouts are boot/entry.asm's):
  - the first instruction of isr_stub_N and entry_INT80_32: the CPU's
    frame (error code for some vectors, eip, cs, eflags, [esp, ss]);
  - the first instruction of common_interrupt: vector and orig_ax above it;
  - common_interrupt after `call do_interrupt` returns: a struct pt_regs
    whose address is the argument just above the return address;
  - the first instruction of ret_to_user: esp points at a struct pt_regs;
  - start_kernel, made the outermost frame (see outermost()).

The frame that was interrupted is decorated (InterruptedFrame) so that it
is named by its own pc: GDB assumes a caller's pc is a return address.

GDB then unwinds the first user frame from the user program's own debug
information, and stops there: every frame's stack address must be above
the one before it (GDB's guard against corrupt stacks, "previous frame
inner to this frame"), and the user stack (0xbfff....) lies below the
kernel stacks (0xf000....).  So a frame filter finishes such a backtrace
by following the user program's frame pointers (every Nest program is
built with them): those frames are printed without a level number, since
GDB does not know them; `frame N`, `up` and `finish` reach only the first.
"""
import gdb
from gdb.FrameDecorator import FrameDecorator
from gdb.unwinder import Unwinder, register_unwinder

from .kernel import PAGE_OFFSET, NestError, address, lookup_type

WORD = 4
NR_STUB_VECTORS = 48
ERROR_CODE_VECTORS = {8, 10, 11, 12, 13, 14, 17, 21}
USER_RPL = 3
PUSH_EBP_SIZE = 1                   # `push ebp`, a function's first instruction
GENERAL_REGS = ["eax", "ecx", "edx", "ebx", "ebp", "esi", "edi"]
# struct pt_regs (include/nest/ptrace.h): field -> GDB register.
PT_REGS = {"bx": "ebx", "cx": "ecx", "dx": "edx", "si": "esi", "di": "edi", "bp": "ebp",
           "ax": "eax", "ds": "ds", "es": "es", "fs": "fs", "gs": "gs", "ip": "eip",
           "cs": "cs", "flags": "eflags"}


class FrameId:
    """What GDB needs to tell frames apart: a stack address and a code
    address (GDB 13 wants them as gdb.Values)."""

    def __init__(self, sp, pc):
        self.sp, self.pc = u32(sp), u32(pc)


class EntryLayout:
    """The addresses the unwinder recognises, read once from the kernel's symbols."""

    def __init__(self):
        self.stub_entry = {}            # first instruction -> offset of eip from esp
        for vector in range(NR_STUB_VECTORS):
            self.stub_entry[address(f"isr_stub_{vector}")] = \
                WORD if vector in ERROR_CODE_VECTORS else 0
        self.stub_entry[address("entry_INT80_32")] = 0
        self.common = address("common_interrupt")
        self.ret_to_user = address("ret_to_user")
        self.after_call = None
        do_interrupt = address("do_interrupt")
        arch = gdb.selected_inferior().architecture()
        for insn in arch.disassemble(self.common, count=40):
            if insn["asm"].startswith("call") and f"{do_interrupt:#x}" in insn["asm"]:
                self.after_call = insn["addr"] + insn["length"]
                break
        regs = lookup_type("struct pt_regs")
        self.offsets = {f.name: f.bitpos // 8 for f in regs.fields()}
        block = gdb.block_for_pc(address("start_kernel"))
        while block.function is None:
            block = block.superblock
        self.start_kernel = (block.start, block.end)


class InterruptUnwinder(Unwinder):
    """The interrupted context is the caller of an entry-stub frame."""

    def __init__(self):
        super().__init__("nest-interrupt-frames")
        self.layout = None

    def __call__(self, pending_frame):
        try:
            self.layout = entry_layout()
        except (NestError, gdb.error):
            return None                 # no kernel symbols (yet)
        pc = int(pending_frame.read_register("eip"))
        esp = int(pending_frame.read_register("esp"))
        L = self.layout
        if pc in L.stub_entry:
            return self.from_cpu_frame(pending_frame, pc, esp + L.stub_entry[pc])
        if pc == L.common:
            return self.from_cpu_frame(pending_frame, pc, esp + 2 * WORD)
        if pc == L.after_call:
            return self.from_pt_regs(pending_frame, L.common, read(esp))
        if pc == L.ret_to_user:
            return self.from_pt_regs(pending_frame, pc, esp)
        if L.start_kernel[0] <= pc < L.start_kernel[1]:
            return self.outermost(pending_frame, L.start_kernel[0], esp)
        return None

    def outermost(self, pending_frame, func, esp):
        """start_kernel: the first C function, called by boot/multiboot.asm,
        which it never returns to.  Its caller is given eip 0, where GDB
        stops, rather than the return address into higher_half, whose debug
        information NASM leaves incomplete: GDB would warn "pc ... in
        address map, but not in symtab" at every stop in the idle task.
        (The frame filter below leaves that last frame out of `bt`.)"""
        pc = int(pending_frame.read_register("eip"))
        ebp = int(pending_frame.read_register("ebp"))
        # The canonical frame address (the caller's esp before the call,
        # plus the return address): where the prologue has got to decides.
        if pc == func:
            cfa = esp + WORD
        elif pc == func + PUSH_EBP_SIZE:
            cfa = esp + 2 * WORD
        else:
            cfa = ebp + 2 * WORD
        info = pending_frame.create_unwind_info(FrameId(cfa, func))
        for reg in GENERAL_REGS:
            info.add_saved_register(reg, pending_frame.read_register(reg))
        info.add_saved_register("ebp", u32(read(cfa - 2 * WORD)) if pc > func + PUSH_EBP_SIZE
                                else pending_frame.read_register("ebp"))
        info.add_saved_register("esp", u32(cfa))
        info.add_saved_register("eip", u32(0))
        return info

    def from_cpu_frame(self, pending_frame, func, frame):
        """At a stub's start: only eip, cs, eflags (and a user esp, ss) are saved."""
        ip, cs, flags = read(frame), read(frame + WORD), read(frame + 2 * WORD)
        info = pending_frame.create_unwind_info(FrameId(frame, func))
        for reg in GENERAL_REGS:
            info.add_saved_register(reg, pending_frame.read_register(reg))
        info.add_saved_register("eip", u32(ip))
        info.add_saved_register("cs", u32(cs))
        info.add_saved_register("eflags", u32(flags))
        if cs & 3 == USER_RPL:
            info.add_saved_register("esp", u32(read(frame + 3 * WORD)))
            info.add_saved_register("ss", u32(read(frame + 4 * WORD)))
        else:
            info.add_saved_register("esp", u32(frame + 3 * WORD))
        return info

    def from_pt_regs(self, pending_frame, func, regs):
        """A whole struct pt_regs at @regs: every register of the interrupted code."""
        off = self.layout.offsets
        info = pending_frame.create_unwind_info(FrameId(regs + off["ip"], func))
        for field, reg in PT_REGS.items():
            info.add_saved_register(reg, u32(read(regs + off[field])))
        if read(regs + off["cs"]) & 3 == USER_RPL:
            info.add_saved_register("esp", u32(read(regs + off["sp"])))
            info.add_saved_register("ss", u32(read(regs + off["ss"])))
        else:
            # A kernel frame: the CPU pushed no esp; it was just above eflags.
            info.add_saved_register("esp", u32(regs + off["sp"]))
        return info


def read(addr):
    return int.from_bytes(bytes(gdb.selected_inferior().read_memory(addr, WORD)), "little")


def u32(value):
    return gdb.Value(value & 0xFFFFFFFF).cast(gdb.lookup_type("unsigned int"))


class UserFrame(FrameDecorator):
    """A user frame found by following frame pointers below GDB's last one."""

    def __init__(self, base, pc):
        super().__init__(base)
        self.pc = pc
        self.sal = gdb.find_pc_line(pc - 1)     # the call, not the next line

    def function(self):
        func = function_at(self.pc - 1)
        return func.print_name if func is not None else self.pc

    def address(self):
        return self.pc

    def filename(self):
        return self.sal.symtab.filename if self.sal.symtab else None

    def line(self):
        return self.sal.line if self.sal.symtab else None

    def frame_args(self):
        return None

    def frame_locals(self):
        return None


class InterruptedFrame(FrameDecorator):
    """The frame an interrupt or exception stopped, named by its own pc.

    GDB takes every caller's pc for a return address and looks up pc - 1,
    which names the wrong function when the CPU was interrupted at a
    function's first instruction (a NULL store at crash_null+0, a timer
    tick); GDB only knows better for its own signal frames."""

    def __init__(self, base):
        super().__init__(base)
        frame = base.inferior_frame()
        self.pc = frame.pc()
        self.sal = gdb.find_pc_line(self.pc)
        own = function_at(self.pc)
        self.misnamed = own is not None and own != frame.function()
        self.own = own

    def function(self):
        return self.own.print_name if self.misnamed else super().function()

    def filename(self):
        if self.misnamed:
            return self.sal.symtab.filename if self.sal.symtab else None
        return super().filename()

    def line(self):
        if self.misnamed:
            return self.sal.line if self.sal.symtab else None
        return super().line()

    def frame_args(self):
        return None if self.misnamed else super().frame_args()


def function_at(pc):
    """The gdb.Symbol of the function containing @pc, or None."""
    block = gdb.block_for_pc(pc)
    while block is not None and block.function is None:
        block = block.superblock
    return block.function if block is not None else None


MAX_USER_FRAMES = 64


class UserStackFilter:
    """Appends the user frames GDB does not reach below an interrupt frame."""

    def __init__(self):
        self.name = "nest-user-frames"
        self.priority = 100
        self.enabled = True

    def filter(self, frame_iter):
        last, after_interrupt = None, False
        for decorator in frame_iter:
            pc = decorator.inferior_frame().pc()
            if pc == 0:
                return              # start_kernel's made-up caller (see outermost())
            if after_interrupt:
                decorator = InterruptedFrame(decorator)
            last = decorator
            after_interrupt = is_interrupt_frame(pc)
            yield decorator
        if last is None:
            return
        frame = last.inferior_frame()
        if frame.pc() >= PAGE_OFFSET or frame.unwind_stop_reason() != gdb.FRAME_UNWIND_INNER_ID:
            return
        # ebp in that frame is its own frame pointer: [ebp] the caller's, [ebp + 4] the return.
        ebp = int(frame.read_register("ebp"))
        for _ in range(MAX_USER_FRAMES):
            if ebp == 0 or ebp >= PAGE_OFFSET:
                return
            try:
                pc, ebp = read(ebp + WORD), read(ebp)
            except gdb.MemoryError:
                return
            if pc == 0 or pc >= PAGE_OFFSET:
                return
            yield UserFrame(last, pc)
            func = function_at(pc - 1)
            if func is not None and func.name == "main":
                return              # as GDB's `backtrace past-main off`


unwinder = InterruptUnwinder()


_layout = None


def is_interrupt_frame(pc):
    """Is @pc one of the entry-stub frames this unwinder knows?"""
    try:
        L = entry_layout()
    except (NestError, gdb.error):
        return False
    return pc in L.stub_entry or pc in (L.common, L.after_call, L.ret_to_user)


def entry_layout():
    """The entry stubs' addresses (an EntryLayout), found once per kernel."""
    global _layout
    if _layout is None:
        _layout = EntryLayout()
    return _layout


def forget_layout(event):
    """The kernel's symbols changed (a new `file`): find the stubs again."""
    global _layout
    if event.new_objfile.filename == gdb.current_progspace().filename:
        _layout = None


def is_interrupt_frame(pc):
    """Is @pc one of the entry-stub frames this unwinder knows?"""
    try:
        L = entry_layout()
    except (NestError, gdb.error):
        return False
    return pc in L.stub_entry or pc in (L.common, L.after_call, L.ret_to_user)


def register():
    register_unwinder(None, unwinder, replace=True)
    gdb.events.new_objfile.connect(forget_layout)
    gdb.frame_filters["nest-user-frames"] = UserStackFilter()
