#!/bin/sh
# SPDX-License-Identifier: MIT
# sqlite-source.sh -- the SQLite sources an npm package ships, unpacked.
#
#   tools/sqlite-source.sh NAME@VERSION SQLITE_VERSION DIR
#
# Fetches the package with `npm pack` (the registry's tarball, checked
# against the registry's integrity by npm) and puts into DIR the SQLite
# files it carries: sqlite3.c, sqlite3.h and sqlite3ext.h always, and
# shell.c and tclsqlite3.c (the sqlite3 shell and the Tcl binding) when the
# package ships SQLite's whole autoconf tarball. Three layouts are known:
# deps/sqlite-autoconf-N.tar.gz (the `sqlite3` package), deps/sqlite3/ and
# deps/sqlite3.tar.gz (`better-sqlite3`). Fails unless sqlite3.h says
# SQLITE_VERSION, so a pin cannot silently change what is tested.
set -eu
pkg=$1 want=$2 dir=$3

rm -rf "$dir" "$dir.tmp"
mkdir -p "$dir.tmp/pack"
# npm's cache is a scratch one, removed with the rest: nothing is kept
# outside DIR.
(cd "$dir.tmp/pack" && npm pack --silent --cache "$(pwd)/../npm-cache" "$pkg" >/dev/null && tar xzf ./*.tgz)
deps=$dir.tmp/pack/package/deps
src=""
for tarball in "$deps"/sqlite-autoconf-*.tar.gz "$deps"/sqlite3.tar.gz; do
  [ -e "$tarball" ] || continue
  mkdir -p "$dir.tmp/tar" && tar xzf "$tarball" -C "$dir.tmp/tar"
  src=$(dirname "$(find "$dir.tmp/tar" -name sqlite3.c | head -n 1)")
done
[ -n "$src" ] || src=$deps/sqlite3
[ -e "$src/sqlite3.c" ] || { echo "sqlite-source.sh: no sqlite3.c in $pkg" >&2; exit 1; }

mkdir -p "$dir.tmp/out"
cp "$src/sqlite3.c" "$src/sqlite3.h" "$src/sqlite3ext.h" "$dir.tmp/out/"
[ -e "$src/shell.c" ] && cp "$src/shell.c" "$dir.tmp/out/"
[ -e "$src/tea/generic/tclsqlite3.c" ] && cp "$src/tea/generic/tclsqlite3.c" "$dir.tmp/out/"
got=$(sed -n 's/^#define SQLITE_VERSION  *"\(.*\)"$/\1/p' "$dir.tmp/out/sqlite3.h")
if [ "$got" != "$want" ]; then
  echo "sqlite-source.sh: $pkg ships SQLite $got, not $want" >&2
  exit 1
fi
mv "$dir.tmp/out" "$dir"
rm -rf "$dir.tmp"
