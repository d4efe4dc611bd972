#!/bin/sh
# SPDX-License-Identifier: MIT
# fresh-root.sh -- the README's two commands on a fresh Debian machine.
#
#   tools/fresh-root.sh [plain] [tcl]      (as root; default: both)
#
# For each root, mmdebstrap builds a minimal Debian bookworm (the "apt"
# variant: the essential packages and apt) with only make, gcc, libc6-dev
# and git; "tcl" adds tcl (tclsh without the Tcl sqlite3 package). The
# repository's committed HEAD is cloned into it from this checkout (no
# network clone), and `make demo` and `make test` run there as root in a
# chroot, so tools/need.sh has to install everything else the two commands
# need. The root gets the host's apt sources, its apt proxy and validity
# settings and /etc/resolv.conf, and nothing cached: apt starts with no
# package lists. Each root is a fresh temporary directory, removed on exit
# (its /proc unmounted first). Prints how long each step took; exits
# non-zero when a step fails.
set -eu

[ "$(id -u)" = 0 ] || { echo "fresh-root.sh: run as root (mmdebstrap, chroot)" >&2; exit 2; }
command -v mmdebstrap >/dev/null 2>&1 || {
  echo "fresh-root.sh: needs mmdebstrap (apt-get install mmdebstrap)" >&2
  exit 2
}
repo=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
roots=${*:-plain tcl}
work=$(mktemp -d "${TMPDIR:-/tmp}/pmext-fresh.XXXXXX")

cleanup() {
  for r in "$work"/*/; do
    [ -d "$r/proc" ] && mountpoint -q "$r/proc" && umount "$r/proc"
  done
  # Never remove a tree that still has something mounted in it.
  if grep -q " $work/" /proc/self/mounts; then
    echo "fresh-root.sh: still mounted under $work, left in place" >&2
  else
    rm -rf --one-file-system "$work"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now() { date +%s; }
step() { # NAME ROOT COMMAND...: runs and times one step
  name=$1 root=$2
  shift 2
  t0=$(now)
  echo "fresh-root.sh [$root] $name" >&2
  if ! "$@"; then
    echo "fresh-root.sh [$root] $name: FAILED after $(($(now) - t0)) s" >&2
    exit 1
  fi
  echo "fresh-root.sh [$root] $name: $(($(now) - t0)) s" >&2
}

for root in $roots; do
  case $root in
    plain) include=make,gcc,libc6-dev,git ;;
    tcl) include=make,gcc,libc6-dev,git,tcl ;;
    *) echo "fresh-root.sh: unknown root '$root' (plain, tcl)" >&2; exit 2 ;;
  esac
  dir=$work/$root
  step mmdebstrap "$root" sh "$(dirname "$0")/debian-root.sh" "$dir" apt \
    "$(dpkg --print-architecture)" "$include"
  step clone "$root" git clone --quiet "$repo" "$dir/root/pmext"
  mount -t proc proc "$dir/proc"
  step "make demo" "$root" chroot "$dir" sh -c 'cd /root/pmext && make demo >/root/demo.log 2>&1 || { tail -n 30 /root/demo.log; exit 1; }'
  step "make test" "$root" chroot "$dir" sh -c 'cd /root/pmext && make test >/root/test.log 2>&1; rc=$?; tail -n 3 /root/test.log; exit $rc'
  umount "$dir/proc"
  rm -rf --one-file-system "$dir"
done
