"""
tools/gdb/nestgdb/usersyms.py - the symbols of the user program that runs,
loaded and dropped automatically.

Every user program is linked at the same addresses (0x08048000 up), so
GDB can hold the symbols of only one of them at a time, beside the
kernel's.  The kernel says which one is mapped by calling an empty
function, gdb_user_image_hook(path) (kernel/exec.c), from two places:

  - begin_new_exec(), when a process execs: @path is the file name;
  - context_switch() (kernel/sched.c), when the next task has another
    address space: @path is the AT_EXECFN string at the top of its user
    stack, which exec put there and fork copied.

An internal breakpoint on that function reads @path, finds the same file
in the build tree (build/user/nest/root/bin/sh for /bin/sh, .../tests/NAME
for /tests/NAME: unstripped static ELFs built with -g), and if it is not
the program already loaded, drops that one (remove-symbol-file) and loads
the new one (add-symbol-file).  The breakpoint never stops: the machine
goes on at once.  Breakpoints set on user functions follow: `break main`
is re-set in each newly loaded program, `break nsnest.c:main` only stops
in that one.

nest-usersyms shows what is loaded and switches the mechanism on or off.
"""
import os

import gdb

from .kernel import NestError, kernel_objfile, var

WORD = 4
PATH_MAX = 256
PAGE_SIZE = 4096
STRING_CHUNK = 64
# Where the initramfs's files come from, below the build directory (user/user.mk).
STAGING = os.path.join("user", "nest", "root")


def build_dir():
    """The build directory: $NEST_BUILD, or the kernel's directory (build/)."""
    return os.environ.get("NEST_BUILD") or os.path.dirname(kernel_objfile().filename)


def host_file(path):
    """The build tree's copy of the guest's file @path, or None."""
    root = os.path.join(build_dir(), STAGING)
    if path.startswith("/"):
        candidate = os.path.normpath(os.path.join(root, path.lstrip("/")))
        return candidate if os.path.isfile(candidate) else None
    # A relative name (execve("prog") from some directory): look in the usual places.
    for folder in ("bin", "sbin", "tests", "tests/gdb"):
        candidate = os.path.join(root, folder, os.path.basename(path))
        if os.path.isfile(candidate):
            return candidate
    return None


def read_string(addr):
    """A NUL-terminated string at @addr (kernel or current user address)."""
    inferior = gdb.selected_inferior()
    data = b""
    while len(data) < PATH_MAX:
        # Never past the end of a page: AT_EXECFN ends right below STACK_TOP,
        # above which nothing is mapped, and a read across would fail whole.
        at = addr + len(data)
        size = min(STRING_CHUNK, PAGE_SIZE - at % PAGE_SIZE)
        try:
            chunk = bytes(inferior.read_memory(at, size))
        except gdb.MemoryError:
            break
        data += chunk
        if b"\0" in chunk:
            break
    return data.split(b"\0")[0].decode("ascii", "replace")


def quietly(command):
    """Run @command without its output and without asking "(y or n)"."""
    if not gdb.parameter("confirm"):
        gdb.execute(command, to_string=True)
        return
    gdb.execute("set confirm off")
    try:
        gdb.execute(command, to_string=True)
    finally:
        gdb.execute("set confirm on")


class UserSymbols:
    """Which user program's symbols are loaded, and the switch between them."""

    def __init__(self):
        self.loaded = None          # host file whose symbols are loaded
        self.guest_path = None      # its name in the guest
        self.enabled = True
        self.verbose = False
        self.switches = 0           # loads done
        self.hook_hits = 0
        self.missing = set()        # guest paths with no file in the build tree
        self.breakpoint = None

    def arm(self):
        if self.breakpoint is None or not self.breakpoint.is_valid():
            self.breakpoint = HookBreakpoint(self)

    def program_mapped(self, path):
        """The kernel says @path is the user program now mapped."""
        self.hook_hits += 1
        if not self.enabled or not path:
            return                  # (no string: an address space exec never made)
        host = host_file(path)
        if host is None:
            if path not in self.missing:
                self.missing.add(path)
                print(f"[nest] no symbols for {path}: not found under "
                      f"{os.path.join(build_dir(), STAGING)}")
            self.unload()
            self.guest_path = path
            return
        if host == self.loaded and any(o.filename == host for o in gdb.objfiles()):
            return                  # (a `file` command drops every objfile)
        self.unload()
        quietly(f"add-symbol-file {host}")
        self.loaded, self.guest_path = host, path
        self.switches += 1
        if self.verbose:
            print(f"[nest] user symbols: {path} ({os.path.relpath(host)})")

    def unload(self):
        if self.loaded is None:
            return
        try:
            quietly(f"remove-symbol-file {self.loaded}")
        except gdb.error:
            pass                    # already gone (`file` or `symbol-file` reloaded all)
        self.loaded = None

    def load_current(self):
        """Load the symbols of current's program (after attaching, say)."""
        task = var("current")
        mm = task["mm"]
        if not int(mm):
            return None
        path = read_string(int(mm["env_end"]))
        self.program_mapped(path)
        return path


class HookBreakpoint(gdb.Breakpoint):
    """On gdb_user_image_hook's first instruction: @path is at [esp + 4].

    Read from the stack rather than by name, so it works in any build
    (the argument of an empty function may have no location at -O2)."""

    def __init__(self, state):
        super().__init__("*gdb_user_image_hook", internal=True)
        self.silent = True
        self.state = state

    def stop(self):
        esp = int(gdb.parse_and_eval("$esp"))
        arg = int.from_bytes(bytes(gdb.selected_inferior().read_memory(esp + WORD, WORD)),
                             "little")
        self.state.program_mapped(read_string(arg))
        return False


state = UserSymbols()


class NestUsersyms(gdb.Command):
    """The user program whose symbols are loaded, and the automatic switching.

Usage: nest-usersyms [on | off | verbose | quiet | load]

Without an argument: which program's symbols are loaded, and how often
they were switched.  on/off: switch the automatic loading on or off (off
also drops the loaded program, and takes away the breakpoint that costs
a stop, a few milliseconds, at every switch between address spaces).  verbose/quiet: print a line at every
switch, or not.  load: load the symbols of the program `current` runs now
(useful after attaching to a running machine)."""

    def __init__(self):
        super().__init__("nest-usersyms", gdb.COMMAND_FILES)

    def invoke(self, arg, from_tty):
        arg = arg.strip()
        if arg == "on":
            state.enabled = True
            state.arm()
            state.breakpoint.enabled = True
        elif arg == "off":
            state.enabled = False
            state.breakpoint.enabled = False    # no stop at every switch either
            state.unload()
        elif arg == "verbose":
            state.verbose = True
        elif arg == "quiet":
            state.verbose = False
        elif arg == "load":
            path = state.load_current()
            if path is None:
                print("current is a kernel thread: no user program")
        elif arg:
            raise NestError("usage: nest-usersyms [on | off | verbose | quiet | load]")
        where = os.path.relpath(state.loaded) if state.loaded else "none"
        print(f"user symbols: {state.guest_path or '-'} -> {where}; automatic loading "
              f"{'on' if state.enabled else 'off'}; {state.hook_hits} hook calls, "
              f"{state.switches} loads")


def register():
    NestUsersyms()
    state.arm()
