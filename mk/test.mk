# SPDX-License-Identifier: MIT
# mk/test.mk -- testing: the layer check, the maths unit tests, the Tcl
# suite, the clients, the notebook charts, benchmarks and accuracy.
# Included by the Makefile, whose head lists every command; the variables
# it uses (SOURCES, LIB, B, BUILD_NEEDS, ...) are set there.

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

test-clients: $(LIB) $(STATIC_LIB) $(DB) | deps-clients
	tclsh tests/all.tcl $(LIB) 'clients/*'

# The notebook runs under Debian's Python (its kernel is /usr/bin/python3).
charts: $(LIB) | deps-clients
	@mkdir -p $(B)/tour
	PMEXT_PATH='$(CURDIR)/$(LIB)' PMEXT_CHARTS='$(CURDIR)/docs' PYDEVD_DISABLE_FILE_VALIDATION=1 \
	  jupyter nbconvert --to notebook --execute --output-dir $(B)/tour docs/tour.ipynb

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
	$(B)/bench/bench --model-memory ./$(LIB)
	$(B)/bench/bench --audit ./$(LIB)

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
