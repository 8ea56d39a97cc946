"""
tools/gdb/nestgdb/kernel.py - the kernel's symbols and types, seen from
GDB, and the walks every helper needs: struct list_head lists and
container_of(), as include/nest/list.h has them.

Symbols and types are looked up in build/kernel.elf's objfile only, never
in the user program whose symbols are loaded beside it (usersyms.py): a
user program may well have a variable called `current` or a struct pid.
"""
import gdb

# A list longer than this is taken to be corrupt (a loop that misses its head).
MAX_LIST_ENTRIES = 100000
# Kernel addresses start here (include/nest/layout.h's PAGE_OFFSET).
PAGE_OFFSET = 0xC0000000


class NestError(gdb.GdbError):
    """An error a helper reports as one line, without a Python traceback."""


def kernel_objfile():
    """The objfile of build/kernel.elf: the program GDB was given with `file`."""
    filename = gdb.current_progspace().filename
    for objfile in gdb.objfiles():
        if objfile.filename == filename:
            return objfile
    raise NestError("no kernel symbols: `file build/kernel.elf` first")


def kernel_block():
    """The kernel's global block, the scope in which its types are looked up."""
    return symbol("start_kernel").symtab.global_block()


def symbol(name):
    """The kernel's global or file-static symbol @name (a gdb.Symbol)."""
    objfile = kernel_objfile()
    sym = objfile.lookup_global_symbol(name) or objfile.lookup_static_symbol(name)
    if sym is None:
        raise NestError(f"the kernel has no symbol {name!r}")
    return sym


def address(name):
    """The address of kernel symbol @name; assembly labels (no debug info) too."""
    try:
        return int(symbol(name).value().address)
    except (NestError, TypeError):
        pass
    try:
        return int(gdb.parse_and_eval(f"(unsigned long)&'{name}'"))
    except gdb.error:
        raise NestError(f"the kernel has no symbol {name!r}") from None


def var(name):
    """The value of the kernel variable @name."""
    return symbol(name).value()


def lookup_type(name):
    """A kernel type by its C name: "struct task_struct", "unsigned long"."""
    try:
        return gdb.lookup_type(name, kernel_block())
    except gdb.error as e:
        raise NestError(f"the kernel has no type {name!r} ({e})") from None


def member_offset(type_, member):
    """Byte offset of @member ("tasks", "pids[0].node") in struct @type_."""
    offset, t = 0, type_.strip_typedefs()
    for part in member.replace("]", "").split("."):
        name, _, index = part.partition("[")
        fields = {f.name: f for f in t.fields()}
        if name not in fields:
            raise NestError(f"{t} has no member {name!r}")
        offset += fields[name].bitpos // 8
        t = fields[name].type.strip_typedefs()
        if index:
            elem = t.target().strip_typedefs()
            offset += int(index, 0) * elem.sizeof
            t = elem
    return offset


def container_of(ptr, type_, member):
    """The struct @type_ (a gdb.Type or its name) holding @member at @ptr."""
    if isinstance(type_, str):
        type_ = lookup_type(type_)
    addr = int(ptr) - member_offset(type_, member)
    return gdb.Value(addr).cast(type_.pointer())


def list_for_each(head):
    """The struct list_head pointers of a list, @head (value or pointer) excluded."""
    if head.type.strip_typedefs().code != gdb.TYPE_CODE_PTR:
        head = head.address
    head_addr, node = int(head), head["next"]
    for _ in range(MAX_LIST_ENTRIES):
        if int(node) == head_addr:
            return
        if int(node) == 0:
            raise NestError(f"list at {head_addr:#x}: NULL next pointer (corrupt list)")
        yield node
        node = node["next"]
    raise NestError(f"list at {head_addr:#x}: more than {MAX_LIST_ENTRIES} entries (a loop?)")


def list_for_each_entry(head, type_, member):
    """The entries (pointers to @type_) of a list whose links are @member."""
    if isinstance(type_, str):
        type_ = lookup_type(type_)
    for node in list_for_each(head):
        yield container_of(node, type_, member)


def string(value):
    """A char array (up to its first NUL) or a char * as a Python str."""
    try:
        type_ = value.type.strip_typedefs()
        if type_.code == gdb.TYPE_CODE_ARRAY:
            length = type_.sizeof // type_.target().sizeof
            return value[0].address.string("ascii", "replace", length).split("\0")[0]
        return value.string("ascii", "replace")
    except gdb.MemoryError:
        return "?"


def symbolize(addr):
    """"func+0x12" for a code address, as printk's %pS; the hex if unknown.

    From the ELF symbol tables (GDB's minimal symbols), as kallsyms does,
    so assembly labels have names too.
    """
    addr = int(addr)
    if addr == 0:
        return "NULL"
    text = gdb.format_address(addr)            # "0xc0107b98 <context_switch+56>"
    if "<" not in text:
        return f"{addr:#x}"
    name, plus, off = text[text.index("<") + 1:text.rindex(">")].partition("+")
    return f"{name}+{int(off):#x}" if plus else name


def read_ulong(addr):
    """The 32-bit word at kernel (or current user) address @addr."""
    mem = gdb.selected_inferior().read_memory(int(addr), 4)
    return int.from_bytes(bytes(mem), "little")
