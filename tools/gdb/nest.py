"""
tools/gdb/nest.py - load Nest's GDB helpers (the package nestgdb/ beside
this file).  tools/gdb/nest.gdb sources it; so can you, from any GDB:

    (gdb) source tools/gdb/nest.py

Then `apropos nest-` lists the commands: nest-ps, nest-pidns, nest-slabinfo, nest-wq, nest-bt,
nest-break-exceptions, nest-usersyms, nest-connect; and the functions
$current(), $task(pid) and $container_of(ptr, "type", "member") exist.
"""
import os
import sys

sys.dont_write_bytecode = True      # no __pycache__ in the source tree
_here = os.path.dirname(os.path.abspath(__file__))
if _here not in sys.path:
    sys.path.insert(0, _here)

import nestgdb.connect  # noqa: E402
import nestgdb.exceptions  # noqa: E402
import nestgdb.pidns  # noqa: E402
import nestgdb.slab  # noqa: E402
import nestgdb.tasks  # noqa: E402
import nestgdb.unwind  # noqa: E402
import nestgdb.usersyms  # noqa: E402
import nestgdb.wq  # noqa: E402

for _module in (nestgdb.tasks, nestgdb.pidns, nestgdb.slab, nestgdb.wq,
                nestgdb.exceptions, nestgdb.unwind, nestgdb.usersyms,
                nestgdb.connect):
    _module.register()
