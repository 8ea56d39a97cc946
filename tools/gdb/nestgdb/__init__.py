"""
tools/gdb/nestgdb - GDB helpers for Nest, loaded by tools/gdb/nest.py.

One module per concept, as the kernel's files are:

    kernel.py      finding the kernel's symbols and types; lists; container_of
    tasks.py       nest-ps, nest-bt, $current(), $task(pid), $container_of()
    pidns.py       nest-pidns
    slab.py        nest-slabinfo
    wq.py          nest-wq
    exceptions.py  nest-break-exceptions
    unwind.py      backtraces through an interrupt or system call into user mode
    usersyms.py    the running user program's symbols, loaded automatically
    connect.py     nest-connect

Each command's `help nest-...` says what it prints.  They read memory
only: any of them may be run at any stop, and none changes the machine.
"""
