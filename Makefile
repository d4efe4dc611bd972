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
#   make bench        pmext against SQLite built-ins (docs/performance.md);
#   make bench-callgrind, make accuracy   (none of them part of `make test`)
#   make check        hardening in short: asan, valgrind, oom, fuzz smoke,
#                     threads (each also on its own, see the end of the file)
#   make install      into $(DESTDIR)$(PREFIX)/lib/pmext, uninstall removes it
#   make static       build/libpmext.a + include/pmext.h, to link pmext in
#   make db           build/personalized_medicine.db: the model as plain tables
#   make test-clients load pmext from each client of docs/clients.md
#   make pg, test-pg  the growth functions as a PostgreSQL 15 extension
#                     (docs/postgresql.md; section at the end of the file)
#   make charts       run docs/tour.ipynb, rewriting the docs/*.png charts
#   make dist         the Python wheel, npm package, .deb and Windows DLL;
#                     make test-packages installs and uses each (see the
#                     Packages section at the end of the file)
#   make clean
#
# Any CC works (make CC=clang). CFLAGS holds the optimisation level and may
# be overridden; the warnings, the language level and exact floating point
# are always on (EXACT_FP comes after CFLAGS, so CFLAGS cannot undo it).

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

.PHONY: all deps check-layers demo test unit asan bench bench-callgrind accuracy install uninstall clean deps-build deps-demo deps-test deps-asan deps-bench FORCE
.PHONY: static db test-clients charts deps-clients

all: $(LIB)

$(LIB): $(OBJECTS)
	$(CC) $(LDSHARED) $(LDFLAGS) -o $@ $(OBJECTS) -lm

# `make` alone only compiles: it installs nothing, and neither do the other
# goals that only build (all, static, unit, check-layers, install,
# uninstall, clean). `make deps` installs what building needs; every other
# target (demo, test, asan, bench, db, the clients, packages, pg...) first
# installs what it needs, before compiling (tools/need.sh).
COMPILE_ONLY_GOALS := all static unit check-layers install uninstall clean $(LIB)
BUILD_NEEDS := $(if $(filter-out $(COMPILE_ONLY_GOALS),$(MAKECMDGOALS)),deps-build)
deps: deps-build

$(B)/obj/%.o: ext/%.c $(HEADERS) | $(BUILD_NEEDS)
	@mkdir -p $(@D)
	$(CC) $(PMEXT_CFLAGS) $(CFLAGS) $(EXACT_FP) -c -o $@ $<

# Only the entry point includes buildinfo.h: a new commit or day rebuilds
# that object alone.
$(B)/obj/pmext.o $(B)/static/pmext.o: $(B)/buildinfo.h

# The built-in report: its dataset (data/reports/cervicorn/*.csv) as SQL in
# a C string, read by ext/model/builtin.c through the model engine.
BUILTIN_CSV := $(wildcard data/reports/cervicorn/*.csv)
$(B)/model_builtin_sql.h: $(BUILTIN_CSV) data/embed.awk
	@mkdir -p $(@D)
	awk -f data/embed.awk -v name=model_builtin_sql $(BUILTIN_CSV) > $@.tmp
	mv $@.tmp $@
$(B)/obj/model/builtin.o $(B)/static/model/builtin.o: $(B)/model_builtin_sql.h

# buildinfo.h is rewritten only when its content changes (new commit, new
# day, new VERSION), so an unchanged tree does not rebuild.
BUILD_DATE := $(shell date -u $(if $(SOURCE_DATE_EPOCH),-d @$(SOURCE_DATE_EPOCH)) +%Y-%m-%d)
COMMIT     := $(shell git describe --always --dirty --abbrev=12 2>/dev/null || echo unknown)
$(B)/buildinfo.h: FORCE
	@mkdir -p $(@D)
	@printf '#define PMEXT_VERSION "%s"\n#define PMEXT_BUILD_DATE "%s"\n#define PMEXT_COMMIT "%s"\n' \
	  '$(VERSION)' '$(BUILD_DATE)' '$(COMMIT)' > $@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@

deps-build deps-demo deps-test deps-asan deps-bench deps-clients:
	@CC='$(CC)' sh tools/need.sh $(@:deps-%=%)

demo: $(LIB) | deps-demo
	sqlite3 -bail -cmd '.load ./$(B)/pmext' :memory: < sql/demo.sql

# The include direction between the layers of ext/ (docs/architecture.md):
# fails on a wrong-way include. Run by `make test` first (and by
# tests/layers.test, which also shows it failing).
check-layers:
	@sh tools/check-layers.sh

# Unit tests of the maths layer (tests/unit/): the maths sources linked
# straight into a C program, no SQLite (no sqlite3 header, no
# -lsqlite3). tests/unit.test runs $(B)/unit/pmext-unit and counts its
# checks. MATH_INC is the one place that says where the maths headers are.
MATH_INC  := ext/math
UNIT      := $(B)/unit/pmext-unit
UNIT_SRC  := $(wildcard tests/unit/*.c)
unit: $(UNIT)
$(UNIT): $(UNIT_SRC) $(PMEXT_MATH_SRC) $(wildcard tests/unit/*.h) $(HEADERS) | $(BUILD_NEEDS)
	@mkdir -p $(@D)
	$(CC) -std=c11 $(WARN) $(CFLAGS) $(EXACT_FP) -I$(MATH_INC) -Itests/unit -o $@ \
	  $(UNIT_SRC) $(PMEXT_MATH_SRC) $(LDFLAGS) -lm

test: $(LIB) $(UNIT) | deps-test
	@sh tools/check-layers.sh
	tclsh tests/all.tcl $(LIB)

# AddressSanitizer + UndefinedBehaviorSanitizer: the extension is built with
# clang into build/asan and loaded into an ordinary tclsh, with the ASan
# runtime preloaded. Any report aborts the run.
ASAN_FLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
asan: | deps-asan
	$(MAKE) B=build/asan CC=clang CFLAGS='$(ASAN_FLAGS)' LDFLAGS='$(ASAN_FLAGS) -shared-libasan' all unit
	LD_PRELOAD="$$(clang -print-file-name=libclang_rt.asan-$$(uname -m).so)" \
	  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  tclsh tests/all.tcl build/asan/pmext.$(SO)

# Benchmarks and accuracy (docs/performance.md). BENCH_ROWS sets the sizes,
# BENCH_SCALE those of the scaling table (default 1e4 1e5 1e6 1e7; add 1e8
# where the machine allows), ACCURACY_N the number of random inputs per
# function (1e5 in the docs).
BENCH_ROWS ?= 100000 1000000
BENCH_SCALE ?=
CG_ROWS    ?= 10000
ACCURACY_N ?= 10000
BENCH_CFLAGS := -std=c11 $(WARN) -O2
bench: $(LIB) $(B)/bench/bench
	$(B)/bench/bench ./$(LIB) $(BENCH_ROWS)
	BENCH_SCALE='$(BENCH_SCALE)' $(B)/bench/bench --scaling ./$(LIB)

bench-callgrind: $(LIB) $(B)/bench/bench-cg
	rm -rf $(B)/bench/cg && mkdir -p $(B)/bench/cg
	valgrind -q --tool=callgrind --collect-atstart=no \
	  --callgrind-out-file=$(B)/bench/cg/out.%p $(B)/bench/bench-cg --callgrind ./$(LIB) $(CG_ROWS)
	$(B)/bench/bench-cg --callgrind-report $(B)/bench/cg/out.*

accuracy: $(LIB) | deps-bench
	/usr/bin/python3 tests/bench/accuracy.py --lib ./$(LIB) -n $(ACCURACY_N)

$(B)/bench/bench: tests/bench/bench.c | deps-build
	@mkdir -p $(@D)
	$(CC) $(BENCH_CFLAGS) -o $@ $< -lsqlite3 -lm

$(B)/bench/bench-cg: tests/bench/bench.c | deps-bench
	@mkdir -p $(@D)
	$(CC) $(BENCH_CFLAGS) -g -DPMEXT_BENCH_CALLGRIND -o $@ $< -lsqlite3 -lm

LIBDIR := $(DESTDIR)$(PREFIX)/lib/pmext
install: $(LIB)
	install -d '$(LIBDIR)'
	install -m 644 $(LIB) '$(LIBDIR)/pmext.$(SO)'

uninstall:
	rm -f '$(LIBDIR)/pmext.$(SO)'
	-rmdir '$(LIBDIR)' 2>/dev/null

# Clients (docs/clients.md). The static library is the same sources built
# with -DSQLITE_CORE: direct calls to SQLite instead of the extension API.
# Its objects are linked into one (ld -r) in which every symbol but the
# entry point is made local, so that pmext's internal names (growth_cagr,
# tv_init, ...) cannot clash with the program that links it.
STATIC_LIB := $(B)/libpmext.a
OBJCOPY ?= objcopy
static: $(STATIC_LIB)
$(STATIC_LIB): $(SOURCES:ext/%.c=$(B)/static/%.o)
	$(CC) -r -nostdlib -o $(B)/static/all.o.tmp $^
	$(OBJCOPY) --keep-global-symbol=sqlite3_pmext_init $(B)/static/all.o.tmp $(B)/libpmext.o
	rm -f $@ $(B)/static/all.o.tmp
	$(AR) rcs $@ $(B)/libpmext.o
$(B)/static/%.o: ext/%.c $(HEADERS) | $(BUILD_NEEDS)
	@mkdir -p $(@D)
	$(CC) $(PMEXT_CFLAGS) -DSQLITE_CORE $(CFLAGS) $(EXACT_FP) -c -o $@ $<

# The model as plain tables: for tools that cannot load extensions.
DB := $(B)/personalized_medicine.db
db: $(DB)
$(DB): $(LIB) sql/export.sql | deps-demo
	rm -f $@.tmp
	sqlite3 -bail -init /dev/null -cmd '.load $(B)/pmext' $@.tmp < sql/export.sql
	mv $@.tmp $@

test-clients: $(LIB) $(STATIC_LIB) $(DB) | deps-clients
	tclsh tests/all.tcl $(LIB) 'clients/*'

# The notebook runs under Debian's Python (its kernel is /usr/bin/python3).
charts: $(LIB) | deps-clients
	@mkdir -p $(B)/tour
	PMEXT_PATH='$(CURDIR)/$(LIB)' PMEXT_CHARTS='$(CURDIR)/docs' PYDEVD_DISABLE_FILE_VALIDATION=1 \
	  jupyter nbconvert --to notebook --execute --output-dir $(B)/tour docs/tour.ipynb

# $(B) is build/ by default, which holds every other build directory too
# (asan, valgrind, oom, ...); a B that would remove more than a build
# directory is refused.
# Only the build tree is ever removed: B must be build or a folder under it.
clean:
	@case '$(B)' in build|build/*) ;; *) echo "make clean: refusing to remove B='$(B)' (only build or build/...)" >&2; exit 1;; esac
	@case '$(B)' in *..*) echo "make clean: refusing to remove B='$(B)' (no ..)" >&2; exit 1;; esac
	rm -rf '$(B)'

# --- Hardening (tests/c, tests/fuzz) ---------------------------------------
#   make valgrind           the suite in tclsh under valgrind memcheck
#   make oom                out-of-memory injection (tests/c/oom.c), ASan+LSan
#   make threads            8 threads, one connection each, ThreadSanitizer
#   make fuzz FUZZ_SECONDS=N  libFuzzer on pmext (default 60 s), one target
#                           with two modes: SQL text, or (first byte 0..7)
#                           structured calls of every pmext function with
#                           bound extreme or raw values (tests/fuzz/fuzz.c)
#   make check              test, asan, valgrind, oom, threads, 60 s fuzz
# The C drivers link the system libsqlite3. oom and fuzz compile the sources in
# (one sanitizer runtime sees everything); threads loads the .so, as a host
# process would.
.PHONY: valgrind oom threads fuzz check deps-hard
deps-hard:
	@CC=clang sh tools/need.sh hard

VALGRIND := valgrind --quiet --error-exitcode=99 --leak-check=full \
  --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect \
  --suppressions=$(CURDIR)/tests/valgrind.supp --num-callers=30
valgrind: | deps-hard
	$(MAKE) B=build/valgrind CFLAGS='-O1 -g' all unit
	PMEXT_VALGRIND=1 $(VALGRIND) tclsh tests/all.tcl build/valgrind/pmext.$(SO)

HARD_CFLAGS := -std=c11 $(EXACT_FP) $(WARN) -O1 -g -fno-omit-frame-pointer -Iext -Itests/c
SAN_ADDR    := -fsanitize=address,undefined -fno-sanitize-recover=all
DRIVER_SRC  := tests/c/sqltext.c tests/c/sqltext.h

build/oom/oom: tests/c/oom.c $(DRIVER_SRC) $(SOURCES) $(HEADERS) $(B)/buildinfo.h $(B)/model_builtin_sql.h | deps-hard
	@mkdir -p $(@D)
	clang $(HARD_CFLAGS) -I$(B) $(SAN_ADDR) -o $@ tests/c/oom.c tests/c/sqltext.c $(SOURCES) -lsqlite3 -lm
oom: build/oom/oom
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  build/oom/oom tests/c/oom.sql

THREADS_ITERATIONS ?= 500
TSAN := -fsanitize=thread
build/tsan/threads: tests/c/threads.c $(DRIVER_SRC) | deps-hard
	@mkdir -p $(@D)
	clang $(HARD_CFLAGS) $(TSAN) -o $@ tests/c/threads.c tests/c/sqltext.c -lsqlite3 -lpthread
threads: build/tsan/threads
	$(MAKE) B=build/tsan CC=clang CFLAGS='-O1 -g $(TSAN)' LDFLAGS='$(TSAN)'
	TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
	  build/tsan/threads build/tsan/pmext.$(SO) tests/c/oom.sql $(THREADS_ITERATIONS)

FUZZ_SECONDS ?= 60
build/fuzz/fuzz: tests/fuzz/fuzz.c $(SOURCES) $(HEADERS) $(B)/buildinfo.h $(B)/model_builtin_sql.h | deps-hard
	@mkdir -p $(@D)
	clang $(HARD_CFLAGS) -I$(B) -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	  -o $@ tests/fuzz/fuzz.c $(SOURCES) -lsqlite3 -lm
fuzz: build/fuzz/fuzz
	@mkdir -p build/fuzz/corpus
	build/fuzz/fuzz -runs=0 tests/fuzz/regress tests/fuzz/corpus
	build/fuzz/fuzz -max_total_time=$(FUZZ_SECONDS) -dict=tests/fuzz/pmext.dict \
	  -max_len=1024 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
	  -artifact_prefix=build/fuzz/ build/fuzz/corpus tests/fuzz/corpus

check: test asan valgrind oom threads
	$(MAKE) fuzz FUZZ_SECONDS=60

# --- Packages (packaging/, tests/packages) ---------------------------------
#   make wheel          $(B)/dist/pmext-V-py3-none-PLATFORM.whl: python/pmext.py
#                       as the package `pmext` with the library beside it
#   make npm            $(B)/dist/pmext-V.tgz (npm pack): getLoadablePath(),
#                       load(db) for better-sqlite3
#   make deb            $(B)/dist/pmext_V_ARCH.deb (dpkg-deb): the library as
#                       /usr/lib/MULTIARCH/pmext/pmext.so, docs and examples
#                       in /usr/share/doc/pmext
#   make windows        $(B)/windows/pmext.dll (mingw-w64 cross-compiler) and
#                       the test driver pmext-run.exe over the SQLite
#                       amalgamation that better-sqlite3's npm tarball ships
#   make dist           all four, then each artefact's size
#   make test-packages  install each the ordinary way in a scratch place and
#                       use it (tests/packages; the Windows one under wine)
# VERSION is the version of every package. Everything is built offline in
# $(B); only the amalgamation comes from the npm registry (`npm pack`).
.PHONY: wheel npm deb windows dist test-packages deps-packages
deps-packages:
	@sh tools/need.sh packages

DIST     := $(B)/dist
STRIP    ?= strip
PKG_SO   := $(B)/packages/pmext.$(SO)

# One stripped copy of the library for the wheel and the npm package.
$(PKG_SO): $(LIB)
	@mkdir -p $(@D)
	$(STRIP) --strip-unneeded -o $@ $(LIB)

WHEEL_SRC := $(B)/python/src
wheel: $(PKG_SO) | deps-packages
	rm -rf $(B)/python $(DIST)/pmext-*.whl
	mkdir -p $(WHEEL_SRC)/pmext $(DIST)
	cp packaging/python/pyproject.toml packaging/python/setup.py VERSION README.md $(WHEEL_SRC)/
	cp python/pmext.py $(WHEEL_SRC)/pmext/__init__.py
	cp packaging/python/__main__.py $(PKG_SO) $(WHEEL_SRC)/pmext/
	cd $(WHEEL_SRC) && /usr/bin/python3 -m build --no-isolation --wheel --outdir $(abspath $(DIST)) . >build.log 2>&1 || \
	  { cat build.log; exit 1; }

NPM_SRC := $(B)/npm/pmext
npm: $(PKG_SO) | deps-packages
	rm -rf $(B)/npm $(DIST)/pmext-*.tgz
	mkdir -p $(NPM_SRC)/lib $(DIST)
	sed -e 's/@VERSION@/$(VERSION)/' \
	  -e "s/@OS@/$$(node -p process.platform)/" -e "s/@CPU@/$$(node -p process.arch)/" \
	  packaging/npm/package.json.in > $(NPM_SRC)/package.json
	cp packaging/npm/index.js packaging/npm/index.d.ts packaging/npm/README.md $(NPM_SRC)/
	cp $(PKG_SO) $(NPM_SRC)/lib/
	cd $(NPM_SRC) && npm pack --silent --pack-destination $(abspath $(DIST)) >/dev/null

# The .deb's library is built with Debian's hardening flags (dpkg-buildflags,
# all of them: bindnow too).
DEB_ROOT := $(B)/deb/root
deb: | deps-packages
	export DEB_BUILD_MAINT_OPTIONS=hardening=+all; $(MAKE) B=$(B)/deb/build \
	  CFLAGS="$$(dpkg-buildflags --get CFLAGS) $$(dpkg-buildflags --get CPPFLAGS)" \
	  LDFLAGS="$$(dpkg-buildflags --get LDFLAGS)"
	rm -rf $(DEB_ROOT) $(DIST)/pmext_*.deb
	VERSION='$(VERSION)' B='$(B)' sh packaging/debian/build.sh $(B)/deb/build/pmext.so $(DEB_ROOT) $(DIST)

# The DLL: the same sources and flags as the Linux build, for Windows x64.
# The SQLite headers are the Debian ones (they are the same on every
# platform); the driver is compiled with the amalgamation it runs on.
WIN_CC  ?= x86_64-w64-mingw32-gcc
WIN_B   := $(B)/windows
WIN_DLL := $(WIN_B)/pmext.dll
WIN_AMALGAMATION := $(B)/better-sqlite3/package/deps/sqlite3/sqlite3.c
windows: $(WIN_DLL) $(WIN_B)/pmext-run.exe
$(WIN_DLL): $(SOURCES) $(HEADERS) $(B)/buildinfo.h $(B)/model_builtin_sql.h | deps-packages
	@mkdir -p $(WIN_B)/include
	cp /usr/include/sqlite3.h /usr/include/sqlite3ext.h $(WIN_B)/include/
	$(WIN_CC) -std=c11 $(WARN) -O2 $(EXACT_FP) -I$(B) -Iext -I$(WIN_B)/include -s \
	  -shared -static-libgcc -o $@ $(SOURCES) -lm
$(WIN_AMALGAMATION): | deps-packages
	rm -rf $(B)/better-sqlite3 && mkdir -p $(B)/better-sqlite3
	cd $(B)/better-sqlite3 && npm pack --silent better-sqlite3@12 >/dev/null && tar xzf better-sqlite3-*.tgz
# SQLite's own source is compiled without our warning flags (-w): it is
# not pmext's code. The driver is.
$(WIN_B)/sqlite3.o: $(WIN_AMALGAMATION)
	@mkdir -p $(@D)
	$(WIN_CC) -O2 -w -c -o $@ $<
$(WIN_B)/pmext-run.exe: packaging/windows/pmext-run.c $(DRIVER_SRC) $(WIN_B)/sqlite3.o | deps-packages
	$(WIN_CC) -std=c11 $(WARN) -O2 -D__USE_MINGW_ANSI_STDIO=1 -I$(dir $(WIN_AMALGAMATION)) -Itests/c \
	  -static -o $@ packaging/windows/pmext-run.c tests/c/sqltext.c $(WIN_B)/sqlite3.o

dist: wheel npm deb windows
	@rm -f $(DIST)/pmext-*-windows-x64.dll
	@cp $(WIN_DLL) $(DIST)/pmext-$(VERSION)-windows-x64.dll
	@wc -c $(DIST)/pmext-*.whl $(DIST)/pmext-*.tgz $(DIST)/pmext_*.deb $(DIST)/pmext-*.dll | \
	  awk '$$2 != "total" { printf "%-60s %9d bytes\n", $$2, $$1 }'

test-packages: dist | deps-test
	tclsh tests/all.tcl $(LIB) 'packages/*'
# --- PostgreSQL (pg/, tests/pg, docs/postgresql.md) --------------------------
#   make pg          build/pg/pmext.so: the extension for PostgreSQL (PGXS)
#   make pg-install  install it into the PostgreSQL of pg_config (root)
#   make test-pg     pg-install, then tests/pg against a throw-away server
#   make db-pg       build/pmext_model.pg.sql: the model for PostgreSQL
#   make bench-pg    aggregates vs sum() with 0, 1, 2 workers (PG_BENCH_ROWS)
# The maths sources are shared with the SQLite build: PMEXT_MATH_SRC (near
# the top) is the one place that names them.
PG_CONFIG ?= $(firstword $(wildcard /usr/lib/postgresql/15/bin/pg_config) pg_config)
PG_BUILD  := $(B)/pg
PG_MAKE    = $(MAKE) -C $(PG_BUILD) -f $(CURDIR)/pg/Makefile VPATH=$(CURDIR)/pg \
  PG_CONFIG='$(PG_CONFIG)' PMEXT_ROOT='$(CURDIR)' \
  PMEXT_MATH_SRC='$(PMEXT_MATH_SRC:%=$(CURDIR)/%)' EXACT_FP='$(EXACT_FP)'
.PHONY: pg pg-install test-pg db-pg deps-pg bench-pg
deps-pg:
	@sh tools/need.sh pg
pg: | deps-pg
	@mkdir -p $(PG_BUILD)
	$(PG_MAKE)
pg-install: pg
	$(PG_MAKE) install
PG_MODEL := $(B)/pmext_model.pg.sql
db-pg: $(PG_MODEL)
$(PG_MODEL): $(LIB) sql/export_postgresql.sql | deps-demo
	sqlite3 -bail -init /dev/null -cmd '.load $(B)/pmext' :memory: < sql/export_postgresql.sql > $@.tmp
	mv $@.tmp $@
test-pg: pg-install $(PG_MODEL) | deps-test
	PMEXT_PG_MODEL='$(CURDIR)/$(PG_MODEL)' tclsh tests/pg/pg.tcl
PG_BENCH_ROWS ?= 10000000
PG_BENCH_RUNS ?= 3
bench-pg: pg-install
	sh tests/pg/bench.sh $(PG_BENCH_ROWS) $(PG_BENCH_RUNS)
