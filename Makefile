# pmext -- build, test and install the SQLite extension.
#
#   make              build/pmext.so (.dylib on macOS, .dll on Windows)
#   make demo         build, then run sql/demo.sql in the sqlite3 shell
#   make test         build, then run the Tcl test suite (tests/all.tcl)
#   make asan         the test suite against a clang ASan+UBSan build
#   make bench        pmext against SQLite built-ins (docs/performance.md);
#   make bench-callgrind, make accuracy   (none of them part of `make test`)
#   make install      into $(DESTDIR)$(PREFIX)/lib/pmext, uninstall removes it
#   make static       build/libpmext.a + include/pmext.h, to link pmext in
#   make db           build/personalized_medicine.db: the model as plain tables
#   make test-clients load pmext from each client of docs/clients.md
#   make charts       run docs/tour.ipynb, rewriting the docs/*.png charts
#   make clean
#
# Any CC works (make CC=clang). CFLAGS holds the optimisation level and may
# be overridden; the warnings and the language level are always on.

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
PMEXT_CFLAGS := -std=c11 -fPIC -fvisibility=hidden $(WARN) -I$(B) -Iext
SOURCES  := $(wildcard ext/*.c)
HEADERS  := $(wildcard ext/*.h)
OBJECTS  := $(SOURCES:ext/%.c=$(B)/obj/%.o)
LIB      := $(B)/pmext.$(SO)

.PHONY: all demo test asan bench bench-callgrind accuracy install uninstall clean deps-build deps-demo deps-test deps-asan deps-bench FORCE
.PHONY: static db test-clients charts deps-clients

all: $(LIB)

$(LIB): $(OBJECTS)
	$(CC) $(LDSHARED) $(LDFLAGS) -o $@ $(OBJECTS) -lm

$(B)/obj/%.o: ext/%.c $(HEADERS) $(B)/buildinfo.h | deps-build
	@mkdir -p $(@D)
	$(CC) $(PMEXT_CFLAGS) $(CFLAGS) -c -o $@ $<

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

test: $(LIB) | deps-test
	tclsh tests/all.tcl $(LIB)

# AddressSanitizer + UndefinedBehaviorSanitizer: the extension is built with
# clang into build/asan and loaded into an ordinary tclsh, with the ASan
# runtime preloaded. Any report aborts the run.
ASAN_FLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
asan: | deps-asan
	$(MAKE) B=build/asan CC=clang CFLAGS='$(ASAN_FLAGS)' LDFLAGS='$(ASAN_FLAGS) -shared-libasan'
	LD_PRELOAD="$$(clang -print-file-name=libclang_rt.asan-$$(uname -m).so)" \
	  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  tclsh tests/all.tcl build/asan/pmext.$(SO)

# Benchmarks and accuracy (docs/performance.md). BENCH_ROWS sets the sizes,
# ACCURACY_N the number of random inputs per function (1e5 in the docs).
BENCH_ROWS ?= 100000 1000000
CG_ROWS    ?= 10000
ACCURACY_N ?= 10000
BENCH_CFLAGS := -std=c11 $(WARN) -O2
bench: $(LIB) $(B)/bench/bench
	$(B)/bench/bench ./$(LIB) $(BENCH_ROWS)

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
$(B)/static/%.o: ext/%.c $(HEADERS) $(B)/buildinfo.h | deps-build
	@mkdir -p $(@D)
	$(CC) $(PMEXT_CFLAGS) -DSQLITE_CORE $(CFLAGS) -c -o $@ $<

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

clean:
	rm -rf build
