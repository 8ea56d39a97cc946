# tools/gdb/nest.gdb - GDB's set-up for Nest: sourced by the project's
# .gdbinit and by `make gdb`.  Run GDB from the top of the tree (the paths
# below are relative to it).  docs/gdb.md is the walkthrough.
#
# The order matters:
#   1. the architecture before connecting: QEMU's stub for qemu-system-i386
#      describes a 32-bit x86; a GDB left to guess (i386:x86-64, say) fails
#      with "Remote 'g' packet reply is too long";
#   2. the kernel's symbols: build/kernel.elf, or $NEST_BUILD/kernel.elf
#      (make gdb O=dir sets it); linked at its run addresses, so no offset;
#   3. the helpers (tools/gdb/nest.py, the nestgdb/ package beside it),
#      which also arm the breakpoint that loads user programs' symbols;
#   4. the connection: nest-connect goes to $NEST_GDB_REMOTE, or else to
#      localhost:(uid % 5000 + 25000), the port `make gdb` gives QEMU.

set architecture i386
python import os; gdb.execute("file " + os.path.join(os.environ.get("NEST_BUILD", "build"), "kernel.elf"))

# Quieter and friendlier defaults for stepping through a kernel.
set pagination off
set confirm off
set print pretty on
# comm[16] and other char arrays: up to the NUL, not the stale bytes after it.
set print null-stop on
# NASM's syntax, as in boot/*.asm.
set disassembly-flavor intel
# `break main` before any user program's symbols are loaded: pending, set
# when a program with a main is loaded (tools/gdb/nestgdb/usersyms.py).
set breakpoint pending on

source tools/gdb/nest.py
nest-connect
