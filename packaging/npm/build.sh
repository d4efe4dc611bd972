#!/bin/sh
# SPDX-License-Identifier: MIT
# build.sh -- build one of pmext's npm packages (called by `make npm`).
#
#   sh packaging/npm/build.sh main VERSION SRC OUTDIR
#   sh packaging/npm/build.sh KEY VERSION SRC OUTDIR LIBRARY
#
# main: the package `pmext` (index.js, index.d.ts, platforms.js, README.md,
# LICENSE); KEY (packaging/npm/platforms.js): the package pmext-KEY, with
# LIBRARY as lib/FILE. The package.json comes from manifest.js. Assembled
# in the scratch directory SRC, packed with `npm pack` into OUTDIR.
set -eu
which=$1 version=$2 src=$3 outdir=$4
here=$(dirname "$0")

rm -rf "$src" && mkdir -p "$src" "$outdir"
node "$here/manifest.js" "$which" "$version" > "$src/package.json"
cp LICENSE "$src/"
if [ "$which" = main ]; then
  cp "$here/index.js" "$here/index.d.ts" "$here/platforms.js" "$here/README.md" "$src/"
else
  file=$(node -p "require('./$here/platforms.js')['$which'].file")
  mkdir -p "$src/lib"
  cp "$5" "$src/lib/$file"
  sed "s/@KEY@/$which/g" "$here/README-platform.md" > "$src/README.md"
fi
outdir=$(cd "$outdir" && pwd)
cd "$src" && npm pack --silent --pack-destination "$outdir" >/dev/null
