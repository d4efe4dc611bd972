#!/bin/sh
# SPDX-License-Identifier: MIT
# build.sh -- build one pmext wheel (called by `make wheel`, once a platform).
#
#   sh packaging/python/build.sh TAG LIBRARY SRC OUTDIR
#
# Copies into the scratch directory SRC what the wheel is made of
# (pyproject.toml, setup.py, VERSION, README.md, LICENSE; python/pmext.py
# as pmext/__init__.py, __main__.py, and LIBRARY as pmext/pmext.so) and
# builds pmext-VERSION-py3-none-TAG.whl into OUTDIR with Debian's
# python3-build, offline (--no-isolation). TAG is the platform tag
# (setup.py reads it from PMEXT_WHEEL_PLATFORM); tools/check-wheel.py
# checks it against LIBRARY's needs.
set -eu
tag=$1 lib=$2 src=$3 outdir=$4
here=$(dirname "$0")

rm -rf "$src" && mkdir -p "$src/pmext" "$outdir"
cp "$here/pyproject.toml" "$here/setup.py" VERSION README.md LICENSE "$src/"
cp python/pmext.py "$src/pmext/__init__.py"
cp "$here/__main__.py" "$src/pmext/"
cp "$lib" "$src/pmext/pmext.so"
outdir=$(cd "$outdir" && pwd)
rm -f "$outdir"/pmext-*-py3-none-"$tag".whl
cd "$src"
PMEXT_WHEEL_PLATFORM=$tag /usr/bin/python3 -m build --no-isolation --wheel --outdir "$outdir" . \
  >build.log 2>&1 || { cat build.log; exit 1; }
