"""
tools/gdb/nestgdb/connect.py - nest-connect: attach to QEMU's GDB stub.

The stub listens where `make gdb` started it: on TCP port
uid % 5000 + 25000 of this machine (one port per user, as xv6 does, so
two students on one machine do not collide), or wherever $NEST_GDB_REMOTE
says (host:port, or the path of a Unix socket, as the tests use).
"""
import os
import time

import gdb

from .kernel import NestError
from .usersyms import state as usersyms

PORT_BASE = 25000
PORT_RANGE = 5000
# QEMU may still be starting (make gdb starts both at once): try for this long.
CONNECT_TRIES = 20
CONNECT_WAIT = 0.25


def default_remote():
    return os.environ.get("NEST_GDB_REMOTE") or f"localhost:{os.getuid() % PORT_RANGE + PORT_BASE}"


class NestConnect(gdb.Command):
    """Connect to Nest's QEMU: target remote, then the running program's symbols.

Usage: nest-connect [HOST:PORT | SOCKET-PATH]

Default: $NEST_GDB_REMOTE, else localhost:(uid % 5000 + 25000), the port
`make gdb` gives QEMU.  If the machine is already running a user program
(GDB attached late), its symbols are loaded (see nest-usersyms)."""

    def __init__(self):
        super().__init__("nest-connect", gdb.COMMAND_RUNNING)

    def invoke(self, arg, from_tty):
        remote = arg.strip() or default_remote()
        for attempt in range(CONNECT_TRIES):
            try:
                gdb.execute(f"target remote {remote}")
                break
            except gdb.error as e:
                if attempt == CONNECT_TRIES - 1:
                    raise NestError(f"cannot reach QEMU's GDB stub at {remote}: {e} "
                                    f"(is QEMU running? `make gdb` starts it)") from None
                time.sleep(CONNECT_WAIT)
        try:
            usersyms.load_current()
        except (gdb.error, NestError):
            pass                    # still in the boot code: nothing to load


def register():
    NestConnect()
