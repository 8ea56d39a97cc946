#!/bin/sh
# tools/doctor.sh - say which tools Nest needs are missing, and which Debian
# package provides each (the list is tools/deps.txt).  Exit 1 if any is.
missing=0
here=$(dirname "$0")
while read -r cmd pkg; do
	case "$cmd" in ''|'#'*) continue ;; esac
	if [ "${cmd#/}" != "$cmd" ]; then
		[ -e "$cmd" ] && found=yes || found=no
	else
		command -v "$cmd" >/dev/null 2>&1 && found=yes || found=no
	fi
	if [ $found = yes ]; then
		printf '  ok       %-22s (%s)\n' "$cmd" "$pkg"
	else
		printf '  MISSING  %-22s install: apt-get install %s\n' "$cmd" "$pkg"
		missing=1
	fi
done < "$here/deps.txt"
if [ $missing = 1 ]; then
	echo "Some tools are missing: 'sudo tools/install-deps.sh' installs them all."
	exit 1
fi
echo "Everything Nest needs is installed."
