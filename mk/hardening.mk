# SPDX-License-Identifier: MIT
# mk/hardening.mk -- hardening: sanitizers, valgrind, out-of-memory injection,
# threads, fuzzing; `make check` runs them all.
# Included by the Makefile, whose head lists every command; the variables
# it uses (SOURCES, LIB, B, BUILD_NEEDS, ...) are set there.

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

# --- Hardening (tests/c, tests/fuzz) ---------------------------------------
#   make valgrind           the suite in tclsh under valgrind memcheck
#   make oom                out-of-memory injection (tests/c/oom.c), ASan+LSan
#   make threads            8 threads, one connection each, ThreadSanitizer
#   make staleness          the model against its inputs over two
#                           connections, random interleavings of writes,
#                           savepoints, rollbacks and scans (tests/c/staleness.c)
#   make interrupt          a long build of a model stopped by sqlite3_interrupt
#                           from another thread keeps nothing (tests/c/interrupt.c)
#   make fuzz FUZZ_SECONDS=N  libFuzzer on pmext (default 60 s), one target
#                           with two modes: SQL text, or (first byte 0..7)
#                           structured calls of every pmext function with
#                           bound extreme or raw values (tests/fuzz/fuzz.c)
#   make check              test, asan, valgrind, oom, threads, staleness,
#                           interrupt, 60 s fuzz
# The C drivers link the system libsqlite3. oom and fuzz compile the sources in
# (one sanitizer runtime sees everything); threads loads the .so, as a host
# process would.
.PHONY: valgrind oom threads staleness interrupt fuzz check deps-hard
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
# oom and fuzz compile the sources in with small model thresholds, so that
# small inputs reach both ways of each: rows kept or computed as scans
# reach them, facts and comparisons kept or streamed (ext/model/model.h).
SMALL_MODEL := -DMODEL_DENSE_BYTES=8192 -DMODEL_KEPT_ROWS=8

build/oom/oom: tests/c/oom.c $(DRIVER_SRC) $(SOURCES) $(HEADERS) $(B)/buildinfo.h $(B)/model_builtin_sql.h | deps-hard
	@mkdir -p $(@D)
	clang $(HARD_CFLAGS) $(SMALL_MODEL) -I$(B) $(SAN_ADDR) -o $@ tests/c/oom.c tests/c/sqltext.c $(SOURCES) -lsqlite3 -lm
oom: build/oom/oom
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  build/oom/oom tests/c/oom.sql

# Each thread runs the whole workload this many times, in each of the two
# phases (threads that load pmext, then the pool). Measured under TSan on a
# 2-core machine: 2.1 s per iteration for the 54 statements of oom.sql and
# the generated calls, so 500 took 36 minutes and 100 takes about 7; races
# on shared state show within the first iterations (8 threads x 100 x
# ~200 statements each phase). THREADS_ITERATIONS=500 for a longer run.
THREADS_ITERATIONS ?= 100
TSAN := -fsanitize=thread
build/tsan/threads: tests/c/threads.c $(DRIVER_SRC) | deps-hard
	@mkdir -p $(@D)
	clang $(HARD_CFLAGS) $(TSAN) -o $@ tests/c/threads.c tests/c/sqltext.c -lsqlite3 -lpthread
threads: build/tsan/threads
	$(MAKE) B=build/tsan CC=clang CFLAGS='-O1 -g $(TSAN)' LDFLAGS='$(TSAN)'
	TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
	  build/tsan/threads build/tsan/pmext.$(SO) tests/c/oom.sql $(THREADS_ITERATIONS)

# Steps per case (2 journal modes x 3 places of the model); about half are
# scans.
STALENESS_STEPS ?= 6000
build/staleness/staleness: tests/c/staleness.c | deps-hard
	@mkdir -p $(@D)
	$(CC) $(HARD_CFLAGS) -o $@ tests/c/staleness.c -lsqlite3 -lm
staleness: build/staleness/staleness $(LIB)
	build/staleness/staleness $(LIB) $(STALENESS_STEPS)

INTERRUPT_ROUNDS ?= 30
build/interrupt/interrupt: tests/c/interrupt.c | deps-hard
	@mkdir -p $(@D)
	$(CC) $(HARD_CFLAGS) -o $@ tests/c/interrupt.c -lsqlite3 -lpthread
interrupt: build/interrupt/interrupt $(LIB)
	build/interrupt/interrupt $(LIB) $(INTERRUPT_ROUNDS)

FUZZ_SECONDS ?= 60
build/fuzz/fuzz: tests/fuzz/fuzz.c $(SOURCES) $(HEADERS) $(B)/buildinfo.h $(B)/model_builtin_sql.h | deps-hard
	@mkdir -p $(@D)
	clang $(HARD_CFLAGS) $(SMALL_MODEL) -I$(B) -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	  -o $@ tests/fuzz/fuzz.c $(SOURCES) -lsqlite3 -lm
fuzz: build/fuzz/fuzz
	@mkdir -p build/fuzz/corpus
	build/fuzz/fuzz -runs=0 tests/fuzz/regress tests/fuzz/corpus
	build/fuzz/fuzz -max_total_time=$(FUZZ_SECONDS) -dict=tests/fuzz/pmext.dict \
	  -max_len=1024 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
	  -artifact_prefix=build/fuzz/ build/fuzz/corpus tests/fuzz/corpus

check: test asan valgrind oom threads staleness interrupt
	$(MAKE) fuzz FUZZ_SECONDS=60
