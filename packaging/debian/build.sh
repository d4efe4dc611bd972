#!/bin/sh
# SPDX-License-Identifier: MIT
# build.sh -- assemble and build the pmext .deb (called by `make deb`).
#
#   VERSION=V sh packaging/debian/build.sh LIBRARY ROOT OUTDIR
#
# LIBRARY is the pmext.so to ship (built with dpkg-buildflags), ROOT a
# scratch directory for the package's file tree, OUTDIR where the .deb goes.
# Layout: the library in /usr/lib/MULTIARCH/pmext/pmext.so (a directory of
# its own, as make install's PREFIX/lib/pmext: it is a loadable module, not
# a shared library with a soname for the linker); README, docs and the
# SQL examples in /usr/share/doc/pmext; control from control.in with the
# dependencies dpkg-shlibdeps finds plus libsqlite3-0 (>= 3.31.0), the
# oldest SQLite pmext loads into (ext/pmext.c). The package date is the
# last commit's (SOURCE_DATE_EPOCH), so a rebuild gives the same .deb.
set -eu
lib=$1 root=$2 outdir=$3
here=$(dirname "$0")
: "${VERSION:?VERSION unset}"
arch=$(dpkg --print-architecture)
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -print-multiarch)
: "${SOURCE_DATE_EPOCH:=$(git log -1 --format=%ct 2>/dev/null || date +%s)}"
export SOURCE_DATE_EPOCH

rm -rf "$root"
doc=$root/usr/share/doc/pmext
so=$root/usr/lib/$multiarch/pmext/pmext.so
install -d "$root/DEBIAN" "$(dirname "$so")" "$doc/examples"
strip --strip-unneeded --remove-section=.comment --remove-section=.note -o "$so" "$lib"
chmod 644 "$so"
install -m 644 README.md docs/*.md "$doc/"
install -m 644 sql/*.sql "$doc/examples/"
install -m 644 "$here/copyright" "$doc/copyright"
sed -e "s/@VERSION@/$VERSION/" \
    -e "s/@DATE@/$(date -u -R -d "@$SOURCE_DATE_EPOCH")/" \
    "$here/changelog.in" | gzip -9n > "$doc/changelog.gz"

# dpkg-shlibdeps wants a debian/control of a source package to read.
scratch=$(dirname "$root")/shlibdeps
rm -rf "$scratch" && mkdir -p "$scratch/debian"
printf 'Source: pmext\n\nPackage: pmext\nArchitecture: any\n' > "$scratch/debian/control"
libdeps=$(cd "$scratch" && dpkg-shlibdeps -O "$(cd "$OLDPWD" && pwd)/$so" |
  sed -n 's/^shlibs:Depends=//p')
depends="${libdeps:+$libdeps, }libsqlite3-0 (>= 3.31.0)"

size=$(du -k -s --exclude=DEBIAN "$root" | cut -f1)
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size/" \
    -e "s/@DEPENDS@/$depends/" -e "s|@MULTIARCH@|$multiarch|" \
    "$here/control.in" > "$root/DEBIAN/control"
(cd "$root" && find usr -type f | LC_ALL=C sort | xargs md5sum) > "$root/DEBIAN/md5sums"
find "$root" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
mkdir -p "$outdir"
dpkg-deb --root-owner-group -Zxz --build "$root" "$outdir/pmext_${VERSION}_$arch.deb" >/dev/null
