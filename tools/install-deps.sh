#!/bin/sh
# tools/install-deps.sh - install the Debian packages Nest needs
# (tools/deps.txt), only those missing.  Run as root, or it uses sudo.
# Non-interactive, so .ci/run uses it too.
set -eu
here=$(dirname "$0")
need=""
while read -r cmd pkg; do
	case "$cmd" in ''|'#'*) continue ;; esac
	if [ "${cmd#/}" != "$cmd" ]; then
		[ -e "$cmd" ] && continue
	else
		command -v "$cmd" >/dev/null 2>&1 && continue
	fi
	case " $need " in *" $pkg "*) ;; *) need="$need $pkg" ;; esac
done < "$here/deps.txt"
if [ -z "$need" ]; then
	echo "install-deps: everything is already installed."
	exit 0
fi
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
echo "install-deps: installing$need"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $need
