# SPDX-License-Identifier: MIT
# mk/web.mk -- the page (docs/web.md): SQLite and pmext compiled together to
# WebAssembly with Debian's emscripten, a static page in $(B)/web.
# Included by the Makefile, whose head lists every command; the variables
# it uses (SOURCES, HEADERS, B, PMEXT_CFLAGS, EXACT_FP, ...) are set there,
# SQLITE_AMALGAMATION (fetched with npm) in mk/packages.mk.
#
#   make web             $(B)/web/: index.html, pmext.js (one module: the
#                        emscripten glue, then web/js/*.js), pmext.wasm and
#                        the shipped datasets (data/reports/*/*.csv, listed
#                        in data/reports/index.txt)
#   make serve           serves $(B)/web on http://127.0.0.1:$(PORT)/
#                        (PORT=8000) with web/serve.mjs
#   make test-web        headless Chromium over the page, its results
#                        checked against the native build (tests/web)
#   make bench-web       transfer size, time to ready, extract + audit of a
#                        5 KB release in headless Chromium (docs/performance.md)
#   make web-screenshot  rewrites docs/web.png
.PHONY: web serve test-web bench-web web-screenshot deps-web deps-web-test
deps-web:
	@sh tools/need.sh web
deps-web-test:
	@sh tools/need.sh web-test

# emscripten's JavaScript optimizer needs Debian's acorn.
EMCC       ?= emcc
WEB_CC     := NODE_PATH=/usr/share/nodejs $(EMCC)
WEB_CFLAGS ?= -O2
WEB_B      := $(B)/web
WEB_OBJ    := $(B)/web-obj
PORT       ?= 8000

# SQLite for one page: one thread, no loadable extensions (pmext is linked
# in), the maths functions the sqlite3 shell has, temporary tables in memory.
WEB_SQLITE_FLAGS := -DSQLITE_THREADSAFE=0 -DSQLITE_OMIT_LOAD_EXTENSION \
  -DSQLITE_ENABLE_MATH_FUNCTIONS -DSQLITE_DEFAULT_MEMSTATUS=0 -DSQLITE_TEMP_STORE=3 \
  -DSQLITE_OMIT_DEPRECATED -DSQLITE_OMIT_SHARED_CACHE
# The C functions web/js/sqlite.js calls, and the glue's helpers it uses.
WEB_EXPORTS := pmext_web_init malloc free sqlite3_open sqlite3_close_v2 sqlite3_errmsg \
  sqlite3_prepare_v2 sqlite3_step sqlite3_finalize sqlite3_bind_parameter_count \
  sqlite3_bind_null sqlite3_bind_int64 sqlite3_bind_double sqlite3_bind_text sqlite3_bind_blob \
  sqlite3_column_count sqlite3_column_name sqlite3_column_type sqlite3_column_int64 \
  sqlite3_column_double sqlite3_column_text sqlite3_column_blob sqlite3_column_bytes \
  sqlite3_serialize sqlite3_deserialize sqlite3_malloc64 sqlite3_free
WEB_RUNTIME := UTF8ToString stackSave stackRestore stackAlloc HEAPU8 HEAP32
web_comma := ,
web_list   = $(subst $(eval) ,$(web_comma),$(strip $(1)))
WEB_LDFLAGS := -sMODULARIZE=1 -sEXPORT_ES6=1 -sEXPORT_NAME=createPmext -sENVIRONMENT=web \
  -sALLOW_MEMORY_GROWTH=1 -sWASM_BIGINT=1 -sDYNAMIC_EXECUTION=0 \
  -sEXPORTED_FUNCTIONS=$(call web_list,$(addprefix _,$(WEB_EXPORTS))) \
  -sEXPORTED_RUNTIME_METHODS=$(call web_list,$(WEB_RUNTIME))
# The page's own code, in the order the module needs it (main.js last).
WEB_JS := $(addprefix web/js/,sqlite.js csv.js dom.js workspace.js units.js release.js proposals.js \
  review.js audit.js chart.js sqlbox.js files.js main.js)
WEB_DATA := $(wildcard data/reports/*/*.csv)

# pmext as `make static` builds it (-DSQLITE_CORE: direct calls into the
# SQLite it is linked with), against the amalgamation's headers; SQLite
# itself without our warning flags (-w): it is not pmext's code.
WEB_AMALGAMATION_DIR := $(dir $(SQLITE_AMALGAMATION))
WEB_OBJECTS := $(SOURCES:ext/%.c=$(WEB_OBJ)/%.o) $(WEB_OBJ)/pmext_web.o $(WEB_OBJ)/sqlite3.o
$(WEB_OBJ)/sqlite3.o: $(SQLITE_AMALGAMATION) | deps-web
	@mkdir -p $(@D)
	$(WEB_CC) $(WEB_CFLAGS) -w $(WEB_SQLITE_FLAGS) -c -o $@ $<
$(WEB_OBJ)/%.o: ext/%.c $(HEADERS) $(SQLITE_AMALGAMATION) | deps-web
	@mkdir -p $(@D)
	$(WEB_CC) $(filter-out -fPIC,$(PMEXT_CFLAGS)) -I$(WEB_AMALGAMATION_DIR) -DSQLITE_CORE \
	  $(WEB_CFLAGS) $(EXACT_FP) -c -o $@ $<
$(WEB_OBJ)/pmext.o: $(B)/buildinfo.h
$(WEB_OBJ)/model/builtin.o: $(B)/model_builtin_sql.h
$(WEB_OBJ)/pmext_web.o: web/pmext_web.c include/pmext.h $(SQLITE_AMALGAMATION) | deps-web
	@mkdir -p $(@D)
	$(WEB_CC) -std=c11 $(WARN) -Iinclude -I$(WEB_AMALGAMATION_DIR) $(WEB_CFLAGS) -c -o $@ $<

# The glue is named pmext.mjs so that it looks for pmext.wasm.
$(WEB_OBJ)/pmext.mjs: $(WEB_OBJECTS)
	$(WEB_CC) $(WEB_CFLAGS) $(WEB_LDFLAGS) -o $@ $(WEB_OBJECTS) -lm
$(WEB_OBJ)/pmext.wasm: $(WEB_OBJ)/pmext.mjs ;

web: $(WEB_B)/index.html $(WEB_B)/pmext.js $(WEB_B)/pmext.wasm $(WEB_B)/data/reports/index.txt
$(WEB_B)/pmext.js: $(WEB_OBJ)/pmext.mjs $(WEB_JS)
	@mkdir -p $(@D)
	cat $^ > $@.tmp && mv $@.tmp $@
$(WEB_B)/pmext.wasm: $(WEB_OBJ)/pmext.wasm
	@mkdir -p $(@D)
	cp $< $@
$(WEB_B)/index.html: web/index.html
	@mkdir -p $(@D)
	cp $< $@
$(WEB_B)/data/reports/index.txt: $(WEB_DATA)
	rm -rf $(WEB_B)/data && mkdir -p $(WEB_B)/data/reports
	cd data/reports && cp --parents $(WEB_DATA:data/reports/%=%) $(abspath $(WEB_B))/data/reports/
	printf '%s\n' $(WEB_DATA:data/reports/%=%) > $@

serve: web | deps-web
	node web/serve.mjs $(WEB_B) $(PORT)

test-web: web $(LIB) | deps-web-test
	tclsh tests/all.tcl $(LIB) 'web/*'

bench-web: web | deps-web-test
	node tests/web/bench.mjs $(WEB_B)

web-screenshot: web | deps-web-test
	node tests/web/screenshot.mjs $(WEB_B) docs/web.png
