# SPDX-License-Identifier: MIT
# mk/duckdb.mk -- the DuckDB extension (duckdb/, tests/duckdb, docs/duckdb.md).
# Included by the Makefile, whose head lists every command; the variables
# it uses (PMEXT_MATH_SRC, B, EXACT_FP, ...) are set there.
#
#   make duckdb        build/pmext.duckdb_extension: ext/math's objects (the
#                      same as the SQLite build's) and the adapter duckdb/,
#                      with the metadata footer DuckDB reads
#   make test-duckdb   tests/duckdb/ against the registry's libduckdb.so, from
#                      C and from Node (@duckdb/node-api)
#   make bench-duckdb  pmext's functions against DuckDB's own expressions,
#                      over DUCKDB_BENCH_SIZES rows (default 1e6 1e7 1e8),
#                      1 and 2 threads, and the SQLite build beside them;
#                      make bench-duckdb-callgrind: instructions per row
#
# Nothing of DuckDB is in the repository: `npm pack` fetches, at build time,
# the headers (duckdb.h, duckdb_extension.h: C extension API v1.2.0) from
# the `duckdb` package, and for the tests the library libduckdb.so from
# @duckdb/node-bindings-<platform>; the Node test installs @duckdb/node-api.
DUCKDB_HEADERS_VERSION := 1.4.4
DUCKDB_NODE_VERSION    := 1.5.6-r.1
DUCKDB_ARCH     := $(if $(filter aarch64 arm64,$(shell uname -m)),arm64,amd64)
DUCKDB_NODE_ARCH := $(if $(filter arm64,$(DUCKDB_ARCH)),arm64,x64)
DUCKDB_PLATFORM := linux_$(DUCKDB_ARCH)
DDB         := $(B)/duckdb
DUCKDB_INC  := $(DDB)/include
DUCKDB_LIBDIR := $(DDB)/lib
DUCKDB_EXT  := $(B)/pmext.duckdb_extension
DUCKDB_DRIVER := $(DDB)/driver
DUCKDB_NODE_DIR := $(DDB)/node
DUCKDB_SRC  := $(wildcard duckdb/*.c)
DUCKDB_OBJ  := $(DUCKDB_SRC:duckdb/%.c=$(DDB)/obj/%.o)
DUCKDB_MATH_OBJ := $(PMEXT_MATH_SRC:ext/%.c=$(B)/obj/%.o)
DUCKDB_CFLAGS := $(PMEXT_CFLAGS) -I$(DUCKDB_INC)

.PHONY: duckdb test-duckdb bench-duckdb bench-duckdb-callgrind deps-duckdb
deps-duckdb:
	@sh tools/need.sh duckdb

duckdb: $(DUCKDB_EXT)

# The headers: from the `duckdb` npm package (its sources include them).
$(DUCKDB_INC)/duckdb_extension.h: | deps-duckdb
	@mkdir -p $(DDB)/npm $(DUCKDB_INC)
	cd $(DDB)/npm && npm pack --silent duckdb@$(DUCKDB_HEADERS_VERSION) >/dev/null
	tar -xzf $(DDB)/npm/duckdb-$(DUCKDB_HEADERS_VERSION).tgz -C $(DDB)/npm \
	  package/src/duckdb/src/include/duckdb.h package/src/duckdb/src/include/duckdb_extension.h
	cp $(DDB)/npm/package/src/duckdb/src/include/duckdb.h $(DDB)/npm/package/src/duckdb/src/include/duckdb_extension.h $(DUCKDB_INC)/

# The library the tests load the extension into.
$(DUCKDB_LIBDIR)/libduckdb.so: | deps-duckdb
	@mkdir -p $(DDB)/npm $(DUCKDB_LIBDIR)
	cd $(DDB)/npm && npm pack --silent @duckdb/node-bindings-linux-$(DUCKDB_NODE_ARCH)@$(DUCKDB_NODE_VERSION) >/dev/null
	tar -xzf $(DDB)/npm/duckdb-node-bindings-linux-$(DUCKDB_NODE_ARCH)-$(DUCKDB_NODE_VERSION).tgz -C $(DUCKDB_LIBDIR) \
	  --strip-components=1 package/libduckdb.so

$(DDB)/obj/%.o: duckdb/%.c duckdb/adapter.h $(HEADERS) $(DUCKDB_INC)/duckdb_extension.h
	@mkdir -p $(@D)
	$(CC) $(DUCKDB_CFLAGS) $(CFLAGS) $(EXACT_FP) -c -o $@ $<
$(DDB)/obj/extension.o: $(B)/buildinfo.h

$(DUCKDB_EXT): $(DUCKDB_OBJ) $(DUCKDB_MATH_OBJ) duckdb/footer.sh
	$(CC) -shared $(LDFLAGS) -o $@.tmp $(DUCKDB_OBJ) $(DUCKDB_MATH_OBJ) -lm
	sh duckdb/footer.sh $@.tmp $(DUCKDB_PLATFORM) $(VERSION)
	mv $@.tmp $@

# The tests: the driver (tests/duckdb/driver.c) linked to the registry's
# libduckdb.so, the SQLite build beside it for the row-for-row comparisons.
$(DUCKDB_DRIVER): tests/duckdb/driver.c $(DUCKDB_LIBDIR)/libduckdb.so $(DUCKDB_INC)/duckdb_extension.h
	$(CC) -std=c11 $(WARN) $(CFLAGS) -I$(DUCKDB_INC) -o $@ $< \
	  -L$(DUCKDB_LIBDIR) -lduckdb -Wl,-rpath,'$(CURDIR)/$(DUCKDB_LIBDIR)' -lm
test-duckdb: $(DUCKDB_EXT) $(DUCKDB_DRIVER) $(LIB) $(DUCKDB_NODE_DIR)/run.mjs \
    $(DUCKDB_NODE_DIR)/node_modules/@duckdb/node-api/package.json | deps-duckdb deps-test
	tclsh tests/duckdb/duckdb.tcl $(DUCKDB_DRIVER) $(DUCKDB_EXT) $(LIB) $(DUCKDB_NODE_DIR)
# The Node test's own npm tree: @duckdb/node-api at the version of
# tests/duckdb/node/package-lock.json.
$(DUCKDB_NODE_DIR)/node_modules/@duckdb/node-api/package.json: tests/duckdb/node/package.json tests/duckdb/node/package-lock.json | deps-duckdb
	@mkdir -p $(DUCKDB_NODE_DIR)
	cp tests/duckdb/node/package.json tests/duckdb/node/package-lock.json $(DUCKDB_NODE_DIR)/
	cd $(DUCKDB_NODE_DIR) && npm ci --no-audit --no-fund --loglevel=error
	touch $@
$(DUCKDB_NODE_DIR)/run.mjs: tests/duckdb/node/run.mjs
	@mkdir -p $(@D)
	cp $< $@

# The benchmark (tests/duckdb/bench.c), with the SQLite build beside it.
DUCKDB_BENCH := $(DDB)/bench
DUCKDB_BENCH_SIZES ?= 1e6 1e7 1e8
DUCKDB_BENCH_SRC := tests/duckdb/bench.c tests/bench/callgrind_dump.c
$(DUCKDB_BENCH): $(DUCKDB_BENCH_SRC) tests/bench/callgrind_dump.h $(DUCKDB_LIBDIR)/libduckdb.so $(DUCKDB_INC)/duckdb_extension.h
	$(CC) -std=c11 $(WARN) $(CFLAGS) -I$(DUCKDB_INC) -Itests/bench -o $@ $(DUCKDB_BENCH_SRC) \
	  -L$(DUCKDB_LIBDIR) -lduckdb -Wl,-rpath,'$(CURDIR)/$(DUCKDB_LIBDIR)' -lsqlite3 -lm
bench-duckdb: $(DUCKDB_EXT) $(DUCKDB_BENCH) $(LIB) | deps-duckdb
	$(DUCKDB_BENCH) ./$(DUCKDB_EXT) ./$(LIB) $(DUCKDB_BENCH_SIZES)

# Instructions per row under callgrind (1 thread; DUCKDB_CG_ROWS rows).
DUCKDB_CG_ROWS ?= 100000
$(DUCKDB_BENCH)-cg: $(DUCKDB_BENCH_SRC) tests/bench/callgrind_dump.h $(DUCKDB_LIBDIR)/libduckdb.so $(DUCKDB_INC)/duckdb_extension.h | deps-bench
	$(CC) -std=c11 $(WARN) $(CFLAGS) -DPMEXT_BENCH_CALLGRIND -I$(DUCKDB_INC) -Itests/bench -o $@ $(DUCKDB_BENCH_SRC) \
	  -L$(DUCKDB_LIBDIR) -lduckdb -Wl,-rpath,'$(CURDIR)/$(DUCKDB_LIBDIR)' -lsqlite3 -lm
bench-duckdb-callgrind: $(DUCKDB_EXT) $(DUCKDB_BENCH)-cg | deps-duckdb deps-bench
	rm -rf $(DDB)/cg && mkdir -p $(DDB)/cg
	valgrind -q --tool=callgrind --collect-atstart=no \
	  --callgrind-out-file=$(DDB)/cg/out.%p $(DUCKDB_BENCH)-cg --callgrind ./$(DUCKDB_EXT) $(DUCKDB_CG_ROWS)
	$(DUCKDB_BENCH)-cg --callgrind-report $(DDB)/cg/out.*
