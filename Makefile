# SPDX-License-Identifier: MIT
# pmext -- build, test and install the SQLite extension.
#
#   make              build/pmext.so (.dylib on macOS, .dll on Windows);
#                     compiles only, installs nothing
#   make deps         install what building needs (C compiler, SQLite headers)
#   make demo         build, then run sql/demo.sql in the sqlite3 shell
#   make test         build, check the layers' includes (make check-layers),
#                     then run the Tcl test suite (tests/all.tcl), which
#                     runs the maths unit tests too (make unit builds them:
#                     tests/unit/, C without SQLite)
#   make asan         the test suite against a clang ASan+UBSan build
#   make score-corpus pm_extract's precision and recall on the corpus of
#                     release-style texts (tests/extract/corpus/)
#   make bench        pmext against SQLite built-ins (docs/performance.md);
#   make bench-callgrind, make accuracy, make bench-extract-memory
#                     (pm_extract's peak memory on EXTRACT_MB megabytes)
#                     (none of them part of `make test`)
#   make check        hardening in short: asan, valgrind, oom, fuzz smoke,
#                     threads, staleness, interrupt (each also on its own:
#                     mk/hardening.mk)
#   make install      into $(DESTDIR)$(PREFIX)/lib/pmext, linked as
#                     PREFIX/lib/pmext.so (PREFIX=/usr: `.load pmext`);
#                     uninstall removes them
#   make static       build/libpmext.a + include/pmext.h, to link pmext in
#   make db           build/personalized_medicine.db: the model as plain tables
#   make test-clients load pmext from each client of docs/clients.md
#   make pg, test-pg  the growth functions as a PostgreSQL 15 extension
#                     (docs/postgresql.md; mk/pg.mk)
#   make installcheck pg_regress (pg/sql/, pg/expected/) against a running
#                     server where pmext is installed (PGHOST, PGUSER)
#   make duckdb       build/pmext.duckdb_extension: the growth functions for
#                     DuckDB; make test-duckdb, make bench-duckdb,
#                     make bench-duckdb-callgrind
#                     (docs/duckdb.md; mk/duckdb.mk)
#   make charts       run docs/tour.ipynb, rewriting the docs/*.png charts
#   make dist         the Python wheel, npm package, .deb and Windows DLL;
#                     make test-packages installs and uses each
#                     (mk/packages.mk)
#   make test-sqlite  the suite against SQLite built with other options and
#                     the oldest and newest supported releases
#                     (mk/platforms.mk)
#   make web          build/web/: the page, SQLite and pmext in WebAssembly
#                     (docs/web.md); make serve, test-web, bench-web
#                     (mk/web.mk)
#   make clean
#
# Any CC works (make CC=clang). CFLAGS holds the optimisation level and may
# be overridden; the warnings, the language level and exact floating point
# are always on (EXACT_FP comes after CFLAGS, so CFLAGS cannot undo it).
#
# This file holds the command index above, the variables every part uses
# and the default goal; the rules are in mk/, one file per concern:
# build.mk (compiling, install, static, db, clean), test.mk (tests,
# clients, benchmarks), hardening.mk (sanitizers, valgrind, oom, threads,
# fuzz), packages.mk (wheel, npm, deb, Windows), platforms.mk (other SQLite
# builds, other platforms), pg.mk (PostgreSQL), web.mk (the page in
# WebAssembly), duckdb.mk (DuckDB).

VERSION := $(shell cat VERSION)
CC      ?= cc
CFLAGS  ?= -O2
LDFLAGS ?=
PREFIX  ?= /usr/local
DESTDIR ?=
B       ?= build

ifeq ($(OS),Windows_NT)
  SO := dll
  LDSHARED := -shared
else ifeq ($(shell uname -s),Darwin)
  SO := dylib
  LDSHARED := -dynamiclib -undefined dynamic_lookup
else
  SO := so
  LDSHARED := -shared
endif

WARN     := -Wall -Wextra -Werror
# The error-free arithmetic of ext/math/xmath.c needs every rounding where the
# source puts it: no contraction into fma, and no SLP vectorising (with
# -mfma or -march=native, gcc 12 fuses inside vectorised code even with
# -ffp-contract=off), no reassociation. It comes after CFLAGS on every
# compile line, so a CFLAGS with -ffp-contract=fast or
# -funsafe-math-optimizations is overridden. -ffast-math, -Ofast and
# -ffinite-math-only are refused by an #error in xmath.c (-fno-fast-math
# here would undo them, but clang then errs on a user's -ffp-contract=fast).
EXACT_FP := -fno-associative-math -fno-reciprocal-math -ffp-contract=off -fno-tree-slp-vectorize
PMEXT_CFLAGS := -std=c11 -fPIC -fvisibility=hidden $(WARN) -I$(B) -Iext
# The layers (docs/architecture.md): ext/math (no SQLite), ext/sql (the SQL
# glue), ext/extract (the text extractor) and ext/model (the model engine)
# side by side, and the entry point ext/pmext.c.
# Sources include across layers by path from ext/ ("math/growth.h").
LAYERS   := math sql extract model
SOURCES  := ext/pmext.c $(foreach l,$(LAYERS),$(wildcard ext/$(l)/*.c))
# The maths layer, no SQLite types: the unit tests (tests/unit/) and the
# PostgreSQL build (pg/) link these alone. The one place that names them.
PMEXT_MATH_SRC := $(wildcard ext/math/*.c)
HEADERS  := $(foreach l,$(LAYERS),$(wildcard ext/$(l)/*.h))
OBJECTS  := $(SOURCES:ext/%.c=$(B)/obj/%.o)
LIB      := $(B)/pmext.$(SO)
# The C drivers of the tests (tests/c): hardening and the Windows package.
DRIVER_SRC  := tests/c/sqltext.c tests/c/sqltext.h

.PHONY: all deps check-layers demo test unit asan bench bench-callgrind accuracy install uninstall clean deps-build deps-demo deps-test deps-asan deps-bench FORCE
.PHONY: static db test-clients charts deps-clients score-corpus bench-extract-memory

all: $(LIB)

# `make` alone only compiles: it installs nothing, and neither do the other
# goals that only build (all, static, unit, check-layers, install,
# uninstall, clean). `make deps` installs what building needs; every other
# target (demo, test, asan, bench, db, the clients, packages, pg...) first
# installs what it needs, before compiling (tools/need.sh).
COMPILE_ONLY_GOALS := all static unit check-layers install uninstall clean $(LIB)
BUILD_NEEDS := $(if $(filter-out $(COMPILE_ONLY_GOALS),$(MAKECMDGOALS)),deps-build)
deps: deps-build

deps-build deps-demo deps-test deps-asan deps-bench deps-clients:
	@CC='$(CC)' sh tools/need.sh $(@:deps-%=%)

include mk/build.mk mk/test.mk mk/hardening.mk mk/platforms.mk mk/packages.mk mk/pg.mk mk/web.mk mk/duckdb.mk
