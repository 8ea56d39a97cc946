#!/bin/sh
# tools/mkiso.sh OUT KERNEL INITRAMFS "CMDLINE" - a bootable CD image with
# GRUB (grub-mkrescue), booting KERNEL by multiboot with INITRAMFS as its
# first module.
#
# GRUB's menu has timeout 0.  GRUB itself writes only to the VGA screen,
# never to COM1: on the serial line it would send terminal escape codes
# ahead of the kernel's first line, and the tests read that line.
set -eu
out=$1 kernel=$2 initramfs=$3 cmdline=$4
dir=$(dirname "$out")/$(basename "$out" .iso).isodir
rm -rf "$dir"
mkdir -p "$dir/boot/grub"
cp "$kernel" "$dir/boot/kernel.elf"
cp "$initramfs" "$dir/boot/initramfs.cpio"
cat > "$dir/boot/grub/grub.cfg" <<CFG
set timeout=0
set default=0
terminal_output console
menuentry "Nest" {
	multiboot /boot/kernel.elf $cmdline
	module /boot/initramfs.cpio initramfs
	boot
}
CFG
grub-mkrescue -o "$out.tmp" "$dir" >"$dir.log" 2>&1 || { cat "$dir.log"; exit 1; }
mv "$out.tmp" "$out"
