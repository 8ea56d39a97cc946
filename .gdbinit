# .gdbinit - GDB loads this when started in the top folder of Nest, if your
# ~/.config/gdb/gdbinit (or ~/.gdbinit) allows it.  GDB refuses files it
# was not told are safe and says "auto-loading has been declined"; allow
# this tree (use your own path) with the line
#
#     add-auto-load-safe-path /home/you/nest/.gdbinit
#
# in ~/.config/gdb/gdbinit, or everything with `set auto-load safe-path /`.
# `make gdb` does not need it: it sources tools/gdb/nest.gdb itself.
#
# Start QEMU first (make gdb does both; or `make gdb-qemu` in another
# terminal, see docs/gdb.md), then plain `gdb` here connects to it.
source tools/gdb/nest.gdb
