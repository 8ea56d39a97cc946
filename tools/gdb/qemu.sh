#!/bin/sh
# tools/gdb/qemu.sh gdb|qemu - QEMU paused at its first instruction with a
# GDB stub; what `make gdb` and `make qemu-gdb` run.
#
#   gdb    QEMU in the background, its serial console in $O/gdb-serial.log,
#          and GDB here, set up by tools/gdb/nest.gdb; quitting GDB stops QEMU.
#   qemu   QEMU here, its serial console on this terminal (Ctrl-A X quits);
#          start `gdb` in the top folder in another terminal (.gdbinit).
#
# From the Makefile's environment: O (build folder), QEMU, QEMU_COMMON (its
# options for every run), GDB, GDBPORT (uid % 5000 + 25000), GDBARGS (more
# gdb options), CMDLINE (the kernel command line) and PROG: boot
# straight into that program as init, /bin/PROG (or /sbin, /tests,
# /tests/gdb: the first folder of the build tree's initramfs that has it).
set -eu
mode=${1:-}
if [ "$mode" != gdb ] && [ "$mode" != qemu ]; then
	echo "usage: tools/gdb/qemu.sh gdb|qemu (make gdb, make qemu-gdb)" >&2
	exit 2
fi
O=${O:-build}
QEMU=${QEMU:-qemu-system-i386}
QEMU_COMMON=${QEMU_COMMON:--m 128M -no-reboot -device isa-debug-exit,iobase=0xf4,iosize=0x04}
GDB=${GDB:-gdb}
GDBPORT=${GDBPORT:-$(($(id -u) % 5000 + 25000))}
CMDLINE=${CMDLINE:-}
PROG=${PROG:-}

if [ -n "$PROG" ]; then
	init=
	case $PROG in
	/*) init=$PROG ;;
	*)	for dir in bin sbin tests tests/gdb; do
			if [ -f "$O/user/nest/root/$dir/$PROG" ]; then
				init=/$dir/$PROG
				break
			fi
		done ;;
	esac
	if [ -z "$init" ]; then
		echo "qemu.sh: no program $PROG in $O/user/nest/root/{bin,sbin,tests,tests/gdb}" >&2
		exit 1
	fi
	CMDLINE="init=$init${CMDLINE:+ $CMDLINE}"
fi

# shellcheck disable=SC2086 # QEMU_COMMON is a list of words
set -- $QEMU_COMMON \
	-kernel "$O/kernel.elf" -initrd "$O/initramfs.cpio" -append "$CMDLINE" \
	-display none -S -gdb "tcp:localhost:$GDBPORT"

if [ "$mode" = qemu ]; then
	echo "QEMU waits for GDB on port $GDBPORT: run gdb in the top folder in another terminal."
	echo "Command line: $CMDLINE.  Serial console here; Ctrl-A X quits QEMU."
	exec "$QEMU" "$@" -serial mon:stdio
fi

log=$O/gdb-serial.log
echo "QEMU waits for GDB on port $GDBPORT; its serial console goes to $log."
echo "Command line: $CMDLINE.  Quit GDB to stop QEMU."
# In a session of its own, so that Ctrl-C in GDB (which interrupts the
# guest) does not reach QEMU too and end it.
setsid "$QEMU" "$@" -serial "file:$log" -monitor none &
qemu_pid=$!
trap 'kill $qemu_pid 2>/dev/null || true' EXIT INT TERM
# This tree's set-up, and not a second copy of it through .gdbinit.
NEST_GDB_REMOTE=localhost:$GDBPORT NEST_BUILD=$O \
	"$GDB" -q -iex "set auto-load local-gdbinit off" -x tools/gdb/nest.gdb ${GDBARGS:-}
