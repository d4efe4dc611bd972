#!/bin/sh
# SPDX-License-Identifier: MIT
# debian-root.sh -- a fresh Debian bookworm root made with mmdebstrap from
# this machine's apt sources (tools/fresh-root.sh, tests/packages).
#
#   tools/debian-root.sh DIR VARIANT ARCHITECTURES PACKAGES   (as root)
#
# VARIANT is mmdebstrap's: "apt" (the essential packages and apt, a system
# to chroot into), "essential" (the same without apt: dpkg installs there,
# nothing downloads) or "extract" (PACKAGES and what they depend on, unpacked
# and not configured: a tree of programs and libraries, e.g. of another
# architecture, to run under qemu-user with -L DIR). ARCHITECTURES is a
# comma list, the first the root's own (amd64,arm64: arm64 as a foreign
# architecture dpkg accepts). PACKAGES is a comma list (NAME:ARCH allowed).
# The root gets the host's apt sources (deb822 and one-line files), the
# settings that let apt reach them (proxy, snapshot Release files past
# their date) and /etc/resolv.conf; nothing cached. DIR must not exist.
set -eu
dir=$1 variant=$2 archs=$3 packages=$4

[ "$(id -u)" = 0 ] || { echo "debian-root.sh: run as root (mmdebstrap)" >&2; exit 2; }
command -v mmdebstrap >/dev/null 2>&1 || {
  echo "debian-root.sh: needs mmdebstrap (apt-get install mmdebstrap)" >&2
  exit 2
}
sources=""
for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
  [ -s "$f" ] && grep -q '^[^#]' "$f" && sources="$sources $f"
done
conf=$(mktemp "${TMPDIR:-/tmp}/pmext-apt.XXXXXX")
trap 'rm -f "$conf"' EXIT
apt-config dump | grep -E '^Acquire::(https?::Proxy|Check-Valid-Until|Check-Date) ' > "$conf" || true

# shellcheck disable=SC2086
mmdebstrap --quiet --mode=root --variant="$variant" --architectures="$archs" \
  --include="$packages" --aptopt="$conf" bookworm "$dir" $sources
[ "$variant" = extract ] || cp /etc/resolv.conf "$dir/etc/resolv.conf"
