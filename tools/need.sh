#!/bin/sh
# SPDX-License-Identifier: MIT
# need.sh -- make sure what a make target needs is installed.
#
#   tools/need.sh build   C compiler and the SQLite headers
#   tools/need.sh demo    build + the sqlite3 shell
#   tools/need.sh test    demo + tclsh and the Tcl sqlite3 package
#   tools/need.sh asan    test + clang and its sanitizer runtime
#   tools/need.sh bench   build + valgrind, python3 and mpmath (benchmarks)
#   tools/need.sh hard    asan + valgrind (libFuzzer and TSan come with the
#                         same clang runtime package)
#   tools/need.sh clients test + what docs/clients.md's clients need
#   tools/need.sh packages build + what `make wheel/npm/deb/windows` and
#                         their tests need (python3-build, dpkg-dev, lintian,
#                         mingw-w64, wine, node and npm, pandas)
#   tools/need.sh pg      build + PostgreSQL 15 server and its PGXS headers
#   tools/need.sh node    node and npm (the SQLite amalgamation comes from npm)
#   tools/need.sh web     node + emscripten and node-acorn (its optimizer):
#                         what `make web` needs
#   tools/need.sh web-test test + web + Debian's headless Chromium (`make
#                         test-web`; the test installs puppeteer-core from npm)
#
# Missing Debian packages are installed with apt-get when running as root
# (CI, containers); otherwise the script stops with the exact command to run.
set -u
what=${1:-build}
missing=""

have_cmd() { command -v "$1" >/dev/null 2>&1; }
have_header() { echo '#include <sqlite3.h>' | ${CC:-cc} -E - >/dev/null 2>&1; }
# tclsh reading commands from stdin exits 0 even when one of them fails, so
# the script exits 1 itself when the package is missing.
have_tcl_sqlite() {
  echo 'if {[catch {package require sqlite3}]} {exit 1}' | tclsh >/dev/null 2>&1
}
have_asan_rt() { [ -e "$(clang -print-file-name=libclang_rt.asan-$(uname -m).so 2>/dev/null)" ]; }

check_build() {
  have_cmd "${CC:-cc}" || missing="$missing gcc"
  have_header || missing="$missing libsqlite3-dev"
}
check_demo() { check_build; have_cmd sqlite3 || missing="$missing sqlite3"; }
check_test() {
  check_demo
  have_cmd tclsh || missing="$missing tcl"
  have_tcl_sqlite || missing="$missing libsqlite3-tcl"
}
check_bench() {
  check_build
  [ -e /usr/include/valgrind/callgrind.h ] || missing="$missing valgrind"
  echo 'import sqlite3, mpmath' | /usr/bin/python3 >/dev/null 2>&1 ||
    missing="$missing python3 python3-mpmath"
}
check_asan() {
  check_test
  have_cmd clang || missing="$missing clang"
  have_asan_rt || missing="$missing libclang-rt-dev"
}

check_hard() {
  check_asan
  have_cmd valgrind || missing="$missing valgrind"
  [ -e "$(clang -print-file-name=libclang_rt.fuzzer-$(uname -m).a 2>/dev/null)" ] ||
    missing="$missing libclang-rt-dev"
}

have_py() { /usr/bin/python3 -c "import $1" >/dev/null 2>&1; }
check_node() {
  have_cmd node || missing="$missing nodejs"
  have_cmd npm || missing="$missing npm"
}
check_node_addon() {
  check_node
  have_cmd g++ || missing="$missing g++" # better-sqlite3 may build from source
}
check_clients() {
  check_test
  have_py pandas || missing="$missing python3-pandas"
  have_py matplotlib || missing="$missing python3-matplotlib"
  have_py nbclient || missing="$missing python3-nbclient"
  have_py ipykernel || missing="$missing python3-ipykernel"
  have_cmd jupyter-nbconvert || missing="$missing jupyter-nbconvert"
  have_cmd isql || missing="$missing unixodbc"
  [ -n "$(find /usr/lib -name libsqlite3odbc.so 2>/dev/null | head -n 1)" ] ||
    missing="$missing libsqliteodbc"
  have_cmd sqlite-utils || missing="$missing sqlite-utils"
  have_cmd javac || missing="$missing default-jdk-headless"
  [ -e /usr/share/java/sqlite-jdbc.jar ] || missing="$missing libxerial-sqlite-jdbc-java"
  have_cmd Rscript || missing="$missing r-base-core"
  Rscript -e 'library(RSQLite)' >/dev/null 2>&1 || missing="$missing r-cran-rsqlite r-cran-dbi"
  have_cmd litecli || missing="$missing litecli"
  perl -MDBD::SQLite -e1 >/dev/null 2>&1 || missing="$missing libdbd-sqlite3-perl"
  have_cmd php || missing="$missing php-cli"
  php -r 'exit(class_exists("SQLite3") ? 0 : 1);' >/dev/null 2>&1 || missing="$missing php-sqlite3"
  ruby -e 'require "sqlite3"' >/dev/null 2>&1 || missing="$missing ruby-sqlite3"
  have_py sqlalchemy || missing="$missing python3-sqlalchemy"
  have_cmd sqlitebrowser || missing="$missing sqlitebrowser"
  check_node_addon
}

# Each pair: module or command : the Debian package(s) that bring it.
check_packages() {
  check_demo
  check_node_addon
  # -I: not the build/ directory of the source tree
  /usr/bin/python3 -I -c "import build.env" >/dev/null 2>&1 || missing="$missing python3-build"
  for pair in setuptools:python3-setuptools wheel:python3-wheel \
      ensurepip:python3-venv pandas:python3-pandas; do
    have_py "${pair%%:*}" || missing="$missing ${pair#*:}"
  done
  for pair in strip:binutils dpkg-shlibdeps:dpkg-dev lintian:lintian \
      x86_64-w64-mingw32-gcc:gcc-mingw-w64-x86-64 "wine:wine wine64"; do
    have_cmd "${pair%%:*}" || missing="$missing ${pair#*:}"
  done
}

check_pg() {
  check_build
  [ -x /usr/lib/postgresql/15/bin/initdb ] || missing="$missing postgresql-15"
  [ -e /usr/include/postgresql/15/server/postgres.h ] ||
    missing="$missing postgresql-server-dev-15"
}

# The page (mk/web.mk): Debian's emscripten compiles SQLite and pmext to
# WebAssembly; its JavaScript optimizer needs node-acorn. The browser tests
# drive Debian's Chromium (the headless shell, or the full browser).
check_web() {
  check_node
  have_cmd emcc || missing="$missing emscripten"
  [ -e /usr/share/nodejs/acorn/package.json ] || missing="$missing node-acorn"
}
check_web_test() {
  check_test
  check_web
  have_cmd chromium-headless-shell || have_cmd chromium || missing="$missing chromium-headless-shell"
}

case "$what" in
  build|demo|test|asan|bench|hard|clients|packages|pg|node|web) "check_$what" ;;
  web-test) check_web_test ;;
  *) echo "need.sh: unknown target '$what' (build, demo, test, asan, bench, hard, clients, packages, pg, node, web, web-test)" >&2; exit 2 ;;
esac

[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && have_cmd apt-get; then
  echo "need.sh: installing$missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  # Refresh the package lists only when they are missing or a day old.
  if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mtime -1 2>/dev/null | head -n 1)" ]; then
    apt-get update -qq >&2 || exit 1
  fi
  # Wait for another apt (unattended-upgrades, a parallel install) to finish.
  # shellcheck disable=SC2086
  apt-get install -y -qq -o DPkg::Lock::Timeout=600 $missing >&2 || exit 1
  exit 0
fi
echo "pmext: missing packages:$missing" >&2
echo "install them with:  sudo apt-get install$missing" >&2
exit 1
