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
# checks. The tests include the maths headers by their path from ext/
# ("math/growth.h"), as the rest of the code does.
UNIT      := $(B)/unit/pmext-unit
UNIT_SRC  := $(wildcard tests/unit/*.c)
unit: $(UNIT)
$(UNIT): $(UNIT_SRC) $(PMEXT_MATH_SRC) $(wildcard tests/unit/*.h) $(HEADERS) | $(BUILD_NEEDS)
	@mkdir -p $(@D)
	$(CC) -std=c11 $(WARN) $(CFLAGS) $(EXACT_FP) -Iext -Itests/unit -o $@ \
	  $(UNIT_SRC) $(PMEXT_MATH_SRC) $(LDFLAGS) -lm

test: $(LIB) $(UNIT) | deps-test
	@sh tools/check-layers.sh
	tclsh tests/all.tcl $(LIB)

# pm_extract() against the corpus of release-style texts
# (tests/extract/corpus/): the table of precision and recall per kind, then
# every wrong placed row; SCORE_FLAGS=-v lists the items not placed too.
# tests/extract_corpus.test asserts the thresholds on the same numbers.
SCORE_FLAGS ?=
score-corpus: $(LIB) | deps-test
	@tclsh tools/score-corpus.tcl $(LIB) $(SCORE_FLAGS)

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

# pm_extract's peak memory (and time) on texts of EXTRACT_MB megabytes, one
# process per text (tests/bench/extract_memory.c; docs/performance.md,
# "pm_extract()"). EXTRACT_TEXTS chooses the texts.
EXTRACT_MB ?= 22
EXTRACT_TEXTS ?= release figures percents amounts rates
bench-extract-memory: $(LIB) $(B)/bench/extract_memory
	@for t in $(EXTRACT_TEXTS); do $(B)/bench/extract_memory ./$(LIB) $(EXTRACT_MB) $$t || exit 1; done

$(B)/bench/extract_memory: tests/bench/extract_memory.c | deps-build
	@mkdir -p $(@D)
	$(CC) $(BENCH_CFLAGS) -o $@ $< -lsqlite3

accuracy: $(LIB) | deps-bench
	/usr/bin/python3 tests/bench/accuracy.py --lib ./$(LIB) -n $(ACCURACY_N)

BENCH_SRC := tests/bench/bench.c tests/bench/callgrind_dump.c
$(B)/bench/bench: $(BENCH_SRC) tests/bench/callgrind_dump.h | deps-build
	@mkdir -p $(@D)
	$(CC) $(BENCH_CFLAGS) -o $@ $(BENCH_SRC) -lsqlite3 -lm

$(B)/bench/bench-cg: $(BENCH_SRC) tests/bench/callgrind_dump.h | deps-bench
	@mkdir -p $(@D)
	$(CC) $(BENCH_CFLAGS) -g -DPMEXT_BENCH_CALLGRIND -o $@ $(BENCH_SRC) -lsqlite3 -lm
