# SPDX-License-Identifier: MIT
# mk/build.mk -- compiling: the loadable library, the static library, the
# built-in report and build info, install, the plain-tables database, clean.
# Included by the Makefile, whose head lists every command; the variables
# it uses (SOURCES, LIB, B, BUILD_NEEDS, ...) are set there.

$(LIB): $(OBJECTS)
	$(CC) $(LDSHARED) $(LDFLAGS) -o $@ $(OBJECTS) -lm

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

demo: $(LIB) | deps-demo
	sqlite3 -bail -cmd '.load ./$(B)/pmext' :memory: < sql/demo.sql

# The library in a directory of its own, PREFIX/lib/pmext (for the clients
# that want one: PHP's extension_dir), and a link to it as PREFIX/lib/pmext.so:
# with PREFIX=/usr that is where the dynamic loader looks for a bare name,
# so that `.load pmext` finds it (the loader searches /usr/local/lib only for
# names that start with "lib").
LIBDIR := $(DESTDIR)$(PREFIX)/lib/pmext
install: $(LIB)
	install -d '$(LIBDIR)'
	install -m 644 $(LIB) '$(LIBDIR)/pmext.$(SO)'
	ln -sf pmext/pmext.$(SO) '$(DESTDIR)$(PREFIX)/lib/pmext.$(SO)'

uninstall:
	rm -f '$(LIBDIR)/pmext.$(SO)' '$(DESTDIR)$(PREFIX)/lib/pmext.$(SO)'
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

# $(B) is build/ by default, which holds every other build directory too
# (asan, valgrind, oom, ...); a B that would remove more than a build
# directory is refused.
# Only the build tree is ever removed: B must be build or a folder under it.
clean:
	@case '$(B)' in build|build/*) ;; *) echo "make clean: refusing to remove B='$(B)' (only build or build/...)" >&2; exit 1;; esac
	@case '$(B)' in *..*) echo "make clean: refusing to remove B='$(B)' (no ..)" >&2; exit 1;; esac
	rm -rf '$(B)'
