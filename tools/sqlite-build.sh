#!/bin/sh
# SPDX-License-Identifier: MIT
# sqlite-build.sh -- one SQLite build to run the test suite against.
#
#   tools/sqlite-build.sh OUT SRC TOOLS [-DOPTION ...]
#
# Compiles, all with the same OPTIONs (SQLite's compile-time options):
#   OUT/libsqlite3.so.0   SRC/sqlite3.c (an amalgamation)
#   OUT/libtclsqlite3.so  TOOLS/tclsqlite3.c, the Tcl binding, over that
#                         library (tests/tester.tcl loads it when
#                         PMEXT_TCLSQLITE names it)
#   OUT/sqlite3           TOOLS/shell.c, the sqlite3 shell, over it
#   OUT/options           the OPTIONs, for the test to check
# TOOLS is SRC itself, or another release's sources when SRC ships no shell
# and Tcl binding (both use only SQLite's public interface). Each program
# finds the library beside it ($ORIGIN). SQLite's math functions are on, as
# in SQLite's own build (the tests use pow()). SQLite is not pmext's code:
# it is compiled without warnings (-w) and without optimisation (-O0:
# seconds instead of a minute). With SQLITE_OMIT_AUTOINIT the program must
# call sqlite3_initialize() itself: the Tcl binding does when it is loaded
# (the shell always does).
set -eu
out=$1 src=$2 tools=$3
shift 3
cc=${CC:-cc}
opts="-O0 -w -DSQLITE_ENABLE_MATH_FUNCTIONS $*"

rm -rf "$out" && mkdir -p "$out/tools"
# Compiled from copies: their #include "sqlite3.h" must find SRC's header,
# not the one beside them in TOOLS.
cp "$tools/shell.c" "$tools/tclsqlite3.c" "$out/tools/"
# shellcheck disable=SC2086
$cc $opts -fPIC -shared -Wl,-soname,libsqlite3.so.0 -o "$out/libsqlite3.so.0" \
  "$src/sqlite3.c" -lm
cat > "$out/tools/tclinit.c" <<'EOF'
/* Calls sqlite3_initialize() when the Tcl binding is loaded (needed when
** SQLite is built with SQLITE_OMIT_AUTOINIT; harmless otherwise). */
#include <sqlite3.h>
__attribute__((constructor)) static void tclinit(void) { sqlite3_initialize(); }
EOF
# shellcheck disable=SC2086
$cc $opts -fPIC -shared -DUSE_SYSTEM_SQLITE -DUSE_TCL_STUBS -I"$src" -I/usr/include/tcl8.6 \
  -o "$out/libtclsqlite3.so" "$out/tools/tclsqlite3.c" "$out/tools/tclinit.c" "$out/libsqlite3.so.0" \
  -Wl,-rpath,'$ORIGIN' -ltclstub8.6 -lm
# shellcheck disable=SC2086
$cc $opts -I"$src" -o "$out/sqlite3" "$out/tools/shell.c" "$out/libsqlite3.so.0" -Wl,-rpath,'$ORIGIN' -lm
"$out/sqlite3" :memory: 'SELECT sqlite_version()' >/dev/null
echo "$*" > "$out/options"
