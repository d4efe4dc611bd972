#!/bin/sh
# SPDX-License-Identifier: MIT
# build.sh -- assemble and build a pmext .deb (called by `make deb`).
#
#   VERSION=V sh packaging/debian/build.sh LIBRARY ROOT OUTDIR [ARCH]
#
# LIBRARY is the pmext.so to ship (built with dpkg-buildflags), ROOT a
# scratch directory for the package's file tree, OUTDIR where the .deb
# goes, ARCH the Debian architecture (this machine's by default; arm64 for
# the aarch64 build, stripped with $STRIP).
# Layout: the library as /usr/lib/MULTIARCH/pmext.so, a directory the
# dynamic loader searches, so that `.load pmext` finds it by its bare name
# (it is a loadable module, not a library to link with: no soname, and a
# lintian override says so); README, docs and the SQL examples in
# /usr/share/doc/pmext, the examples' CSV data beside them and their paths
# made absolute, so that they run from any directory. control from
# control.in with libc6 and libsqlite3-0 (>= 3.31.1), the oldest SQLite the
# tests run. The libc6 version is what dpkg-shlibdeps finds for this
# machine's architecture; for another (whose libc6 is not installed here)
# it is the newest GLIBC symbol version the library refers to, which is
# what dpkg-shlibdeps derives from libc6's symbols file. The package date
# is the last commit's (SOURCE_DATE_EPOCH), so a rebuild gives the same
# .deb.
set -eu
lib=$1 root=$2 outdir=$3 arch=${4:-$(dpkg --print-architecture)}
here=$(dirname "$0")
: "${VERSION:?VERSION unset}"
multiarch=$(dpkg-architecture -a"$arch" -qDEB_HOST_MULTIARCH 2>/dev/null)
: "${SOURCE_DATE_EPOCH:=$(git log -1 --format=%ct 2>/dev/null || date +%s)}"
export SOURCE_DATE_EPOCH

rm -rf "$root"
doc=$root/usr/share/doc/pmext
so=$root/usr/lib/$multiarch/pmext.so
examples=/usr/share/doc/pmext/examples
install -d "$root/DEBIAN" "$(dirname "$so")" "$root$examples/data/reports/headlines" \
  "$root/usr/share/lintian/overrides"
${STRIP:-strip} --strip-unneeded --remove-section=.comment --remove-section=.note -o "$so" "$lib"
chmod 644 "$so"
install -m 644 README.md docs/*.md "$doc/"
for f in sql/*.sql; do
  sed -e "s|data/reports/headlines/|$examples/data/reports/headlines/|g" \
      -e "s|^\.read sql/|.read $examples/|" -e "s|< sql/|< $examples/|g" \
      -e "s|\.load \./build/pmext|.load pmext|g" "$f" > "$root$examples/$(basename "$f")"
done
chmod 644 "$root$examples"/*.sql
install -m 644 data/reports/headlines/*.csv "$root$examples/data/reports/headlines/"
install -m 644 "$here/lintian-overrides" "$root/usr/share/lintian/overrides/pmext"
install -m 644 "$here/copyright" "$doc/copyright"
sed -e "s/@VERSION@/$VERSION/" \
    -e "s/@DATE@/$(date -u -R -d "@$SOURCE_DATE_EPOCH")/" \
    "$here/changelog.in" | gzip -9n > "$doc/changelog.gz"

if [ "$arch" = "$(dpkg --print-architecture)" ]; then
  # dpkg-shlibdeps wants a debian/control of a source package to read.
  scratch=$(dirname "$root")/shlibdeps
  rm -rf "$scratch" && mkdir -p "$scratch/debian"
  printf 'Source: pmext\n\nPackage: pmext\nArchitecture: any\n' > "$scratch/debian/control"
  libdeps=$(cd "$scratch" && dpkg-shlibdeps -O "$(cd "$OLDPWD" && pwd)/$so" |
    sed -n 's/^shlibs:Depends=//p')
else
  glibc=$(readelf -V -W "$so" | sed -n 's/.*Name: GLIBC_\([0-9.]*\) .*/\1/p' | sort -V | tail -n 1)
  libdeps="libc6 (>= $glibc)"
fi
depends="${libdeps:+$libdeps, }libsqlite3-0 (>= 3.31.1)"

size=$(du -k -s --exclude=DEBIAN "$root" | cut -f1)
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size/" \
    -e "s/@DEPENDS@/$depends/" -e "s|@MULTIARCH@|$multiarch|" \
    "$here/control.in" > "$root/DEBIAN/control"
(cd "$root" && find usr -type f | LC_ALL=C sort | xargs md5sum) > "$root/DEBIAN/md5sums"
find "$root" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
mkdir -p "$outdir"
dpkg-deb --root-owner-group -Zxz --build "$root" "$outdir/pmext_${VERSION}_$arch.deb" >/dev/null
