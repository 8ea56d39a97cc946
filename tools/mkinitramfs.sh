#!/bin/sh
# tools/mkinitramfs.sh OUT - build the initial root filesystem, a cpio
# archive in the "newc" format that Linux's initramfs uses.  GRUB and QEMU
# hand it to the kernel as the first multiboot module.
#
# For now it holds a motd and the directory skeleton; the user programs
# join it with the processes step.  Files under user/root/ are copied in.
set -eu
out=$1
root=$(dirname "$out")/initramfs.root
rm -rf "$root"
mkdir -p "$root/sbin" "$root/bin" "$root/etc" "$root/dev" "$root/proc" "$root/tmp"
printf 'Welcome to Nest.\n' > "$root/etc/motd"
if [ -d user/root ]; then
	cp -R user/root/. "$root/"
fi
# Sorted names and fixed owners keep the archive the same from build to build.
(cd "$root" && find . | LC_ALL=C sort | cpio --quiet -o -H newc -R 0:0) > "$out.tmp"
mv "$out.tmp" "$out"
