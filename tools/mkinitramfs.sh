#!/bin/sh
# tools/mkinitramfs.sh OUT [STAGING] - build the initial root filesystem, a
# cpio archive in the "newc" format that Linux's initramfs uses.  GRUB and
# QEMU hand it to the kernel as the first multiboot module.
#
# The archive holds the directory skeleton and a motd, then the files under
# user/root/, then the whole tree of STAGING if given: user space as
# user/user.mk stages it ($(O)/user/nest/root: bin/, sbin/init, and any
# tests/ other makefiles add).  Later copies win over earlier ones.
set -eu
out=$1
staging=${2:-}
root=$(dirname "$out")/initramfs.root
rm -rf "$root"
mkdir -p "$root/sbin" "$root/bin" "$root/etc" "$root/dev" "$root/proc" "$root/tmp"
printf 'Welcome to Nest.\n' > "$root/etc/motd"
if [ -d user/root ]; then
	cp -R user/root/. "$root/"
fi
if [ -n "$staging" ]; then
	if [ ! -d "$staging" ]; then
		echo "mkinitramfs: $staging: no such directory" >&2
		exit 1
	fi
	cp -R "$staging/." "$root/"
fi
# Sorted names, fixed owners, and one fixed time (the Epoch) keep the
# archive the same from build to build; --reproducible zeroes the inode
# and device numbers that would otherwise differ.
find "$root" -exec touch -h -d @0 {} +
(cd "$root" && find . | LC_ALL=C sort |
	cpio --quiet -o -H newc -R 0:0 --reproducible) > "$out.tmp"
mv "$out.tmp" "$out"
