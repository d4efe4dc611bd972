# SPDX-License-Identifier: MIT
# mk/platforms.mk -- pmext against other SQLite builds, and pmext built for
# other platforms (docs/packages.md). Included by the Makefile, whose head
# lists every command; the variables it uses (SOURCES, LIB, B, ...) are set
# there.
#
#   make test-sqlite     the test suite against SQLite built with other
#                        compile-time options and against the oldest and
#                        newest release pmext supports
#                        (tests/packages/sqlite.test; make test-packages
#                        runs it too)
#   make aarch64, make musl   pmext for aarch64 and musl Linux (below)
.PHONY: test-sqlite sqlite-builds

# --- SQLite from registry packages -----------------------------------------
# Each SQLite release comes from the npm package that ships its sources
# (tools/sqlite-source.sh checks the version in sqlite3.h): the `sqlite3`
# package carries SQLite's whole autoconf tarball (the amalgamation, the
# shell, the Tcl binding), better-sqlite3 the amalgamation alone. 3.31.1
# is the oldest 3.31 release a registry ships, 3.54.1 the newest release.
SQLITE_SRC := $(B)/sqlite-src
SQLITE_PKG_3.31.1 := sqlite3@4.2.0
SQLITE_PKG_3.52.0 := sqlite3@6.0.1
SQLITE_PKG_3.53.2 := better-sqlite3@12.11.1
SQLITE_PKG_3.54.1 := better-sqlite3@13.2.0
$(SQLITE_SRC)/%/sqlite3.c: tools/sqlite-source.sh | deps-node
	sh tools/sqlite-source.sh $(SQLITE_PKG_$*) $* $(@D)
# The amalgamation the page of `make web` compiles (mk/web.mk): the one
# better-sqlite3 12 ships.
SQLITE_AMALGAMATION := $(SQLITE_SRC)/3.53.2/sqlite3.c

# --- SQLite builds to test against -----------------------------------------
# NAME := RELEASE TOOLS_RELEASE OPTIONS: the amalgamation of RELEASE built
# with OPTIONS, with the shell and Tcl binding of TOOLS_RELEASE
# (tools/sqlite-build.sh). THREADSAFE=0 (no mutexes: the extension API's
# mutex entries are NULL), 1 (the default) and 2; "recommended" is the list
# of options SQLite's documentation recommends for an application that
# embeds it (compile.html, "Recommended Compile-time Options"), with JSON
# left out as well; the oldest and newest releases as their makers ship
# them.
SQLITE_RECOMMENDED := -DSQLITE_DQS=0 -DSQLITE_THREADSAFE=0 -DSQLITE_DEFAULT_MEMSTATUS=0 \
  -DSQLITE_DEFAULT_WAL_SYNCHRONOUS=1 -DSQLITE_LIKE_DOESNT_MATCH_BLOBS -DSQLITE_MAX_EXPR_DEPTH=0 \
  -DSQLITE_OMIT_DECLTYPE -DSQLITE_OMIT_DEPRECATED -DSQLITE_OMIT_PROGRESS_CALLBACK \
  -DSQLITE_OMIT_SHARED_CACHE -DSQLITE_USE_ALLOCA -DSQLITE_OMIT_AUTOINIT -DSQLITE_STRICT_SUBTYPE=1 \
  -DSQLITE_OMIT_JSON
SQLITE_BUILD_threadsafe0 := 3.52.0 3.52.0 -DSQLITE_THREADSAFE=0
SQLITE_BUILD_threadsafe1 := 3.52.0 3.52.0 -DSQLITE_THREADSAFE=1
SQLITE_BUILD_threadsafe2 := 3.52.0 3.52.0 -DSQLITE_THREADSAFE=2
SQLITE_BUILD_recommended := 3.52.0 3.52.0 $(SQLITE_RECOMMENDED)
SQLITE_BUILD_oldest      := 3.31.1 3.31.1
SQLITE_BUILD_newest      := 3.54.1 3.52.0
SQLITE_BUILDS := threadsafe0 threadsafe1 threadsafe2 recommended oldest newest

# One rule per build: $(B)/sqlite/NAME/{libsqlite3.so.0,libtclsqlite3.so,
# sqlite3,options}; rebuilt when this file or the script changes.
define sqlite_build_rule
$(B)/sqlite/$(1)/options: tools/sqlite-build.sh mk/platforms.mk \
    $(SQLITE_SRC)/$(word 1,$(SQLITE_BUILD_$(1)))/sqlite3.c $(SQLITE_SRC)/$(word 2,$(SQLITE_BUILD_$(1)))/sqlite3.c
	sh tools/sqlite-build.sh $$(@D) $(SQLITE_SRC)/$(word 1,$(SQLITE_BUILD_$(1))) \
	  $(SQLITE_SRC)/$(word 2,$(SQLITE_BUILD_$(1))) $(wordlist 3,99,$(SQLITE_BUILD_$(1)))
endef
$(foreach b,$(SQLITE_BUILDS),$(eval $(call sqlite_build_rule,$(b))))
sqlite-builds: $(SQLITE_BUILDS:%=$(B)/sqlite/%/options)

test-sqlite: $(LIB) sqlite-builds | deps-test
	tclsh tests/all.tcl $(LIB) packages/sqlite

# --- pmext for other platforms ---------------------------------------------
#   make aarch64        $(B)/aarch64/pmext.so (Debian's aarch64-linux-gnu
#                       cross-compiler) and its test driver
#   make musl           $(B)/musl/pmext.so (musl-gcc), the test driver and
#                       the sqlite3 shell over a musl-built SQLite
#   make windows        $(B)/windows/pmext.dll (mingw-w64) and the test
#                       driver pmext-run.exe
# Each is the same sources and flags as the native build (aarch64 and musl
# through this Makefile with another CC and B); the SQLite headers are
# Debian's, as for the native build. The test driver (tests/c/pmext-run.c,
# tests/packages/driver.tcl) of every cross build is compiled with the
# amalgamation of DRIVER_SQLITE, an SQLite for that platform.
.PHONY: aarch64 musl windows
DRIVER            := tests/c/pmext-run.c
DRIVER_SQLITE     := 3.52.0
DRIVER_SQLITE_DIR := $(SQLITE_SRC)/$(DRIVER_SQLITE)
AARCH64_CC ?= aarch64-linux-gnu-gcc
MUSL_CC    ?= musl-gcc
AARCH64_B  := $(B)/aarch64
MUSL_B     := $(B)/musl
AARCH64_LIB := $(AARCH64_B)/pmext.so
MUSL_LIB    := $(MUSL_B)/pmext.so
aarch64: $(AARCH64_LIB) $(AARCH64_B)/pmext-run
musl: $(MUSL_LIB) $(MUSL_B)/pmext-run $(MUSL_B)/sqlite3

# The DLL: the same sources and flags as the Linux build, for Windows x64,
# by mingw-w64 (not through the Makefile: no -fPIC, a .dll, libgcc linked
# in).
WIN_CC  ?= x86_64-w64-mingw32-gcc
WIN_B   := $(B)/windows
WIN_DLL := $(WIN_B)/pmext.dll
windows: $(WIN_DLL) $(WIN_B)/pmext-run.exe
$(WIN_DLL): $(SOURCES) $(HEADERS) $(B)/buildinfo.h $(B)/model_builtin_sql.h | deps-packages
	@mkdir -p $(WIN_B)/include
	cp /usr/include/sqlite3.h /usr/include/sqlite3ext.h $(WIN_B)/include/
	$(WIN_CC) -std=c11 $(WARN) -O2 $(EXACT_FP) -I$(B) -Iext -I$(WIN_B)/include -s \
	  -shared -static-libgcc -o $@ $(SOURCES) -lm
$(WIN_B)/pmext-run.exe: CC_DRIVER := $(WIN_CC) -D__USE_MINGW_ANSI_STDIO=1 -static
$(WIN_B)/pmext-run.exe: $(DRIVER) $(DRIVER_SRC) $(WIN_B)/sqlite3.o | deps-packages
	$(CC_DRIVER) -std=c11 $(WARN) -O2 -I$(DRIVER_SQLITE_DIR) -Itests/c -o $@ \
	  $(DRIVER) tests/c/sqltext.c $(WIN_B)/sqlite3.o

# The sub-make decides whether anything is out of date.
$(AARCH64_LIB): CROSS_CC = $(AARCH64_CC)
$(MUSL_LIB):    CROSS_CC = $(MUSL_CC)
$(AARCH64_LIB) $(MUSL_LIB): FORCE | deps-packages
	@mkdir -p $(@D)/include
	@cmp -s /usr/include/sqlite3ext.h $(@D)/include/sqlite3ext.h || \
	  cp /usr/include/sqlite3.h /usr/include/sqlite3ext.h $(@D)/include/
	@$(MAKE) --no-print-directory B=$(@D) CC='$(CROSS_CC)' CFLAGS='$(CFLAGS) -I$(@D)/include' all

# SQLite for each target, compiled once, without our warnings and without
# optimisation (not pmext's code; seconds instead of a minute); the
# programs over it.
$(WIN_B)/sqlite3.o:     SQLITE_CC = $(WIN_CC)
$(AARCH64_B)/sqlite3.o: SQLITE_CC = $(AARCH64_CC) -fPIC
$(MUSL_B)/sqlite3.o:    SQLITE_CC = $(MUSL_CC) -fPIC
$(WIN_B)/sqlite3.o $(AARCH64_B)/sqlite3.o $(MUSL_B)/sqlite3.o: $(DRIVER_SQLITE_DIR)/sqlite3.c | deps-packages
	@mkdir -p $(@D)
	$(SQLITE_CC) -O0 -w -DSQLITE_ENABLE_MATH_FUNCTIONS -c -o $@ $<
$(AARCH64_B)/pmext-run: CC_DRIVER = $(AARCH64_CC)
$(MUSL_B)/pmext-run:    CC_DRIVER = $(MUSL_CC)
$(AARCH64_B)/pmext-run: $(AARCH64_B)/sqlite3.o
$(MUSL_B)/pmext-run:    $(MUSL_B)/sqlite3.o
$(AARCH64_B)/pmext-run $(MUSL_B)/pmext-run: $(DRIVER) $(DRIVER_SRC)
	$(CC_DRIVER) -std=c11 $(WARN) -O2 -I$(DRIVER_SQLITE_DIR) -Itests/c -o $@ \
	  $(DRIVER) tests/c/sqltext.c $(@D)/sqlite3.o -lm
# The sqlite3 shell over musl's SQLite (its shell.c, its release).
$(MUSL_B)/sqlite3: $(MUSL_B)/sqlite3.o
	$(MUSL_CC) -O1 -w -I$(DRIVER_SQLITE_DIR) -o $@ $(DRIVER_SQLITE_DIR)/shell.c $< -lm

# An arm64 Debian tree to run arm64 programs in under qemu-user
# (qemu-aarch64 -L $(ARM64_ROOT)): tclsh with Debian's arm64 SQLite and its
# Tcl binding, Python, Node with node-sqlite3 (tests/packages/aarch64.test).
# Unpacked by mmdebstrap (as root; otherwise the test says what it skips).
ARM64_ROOT := $(B)/arm64-root
ARM64_ROOT_PACKAGES := tcl8.6,libsqlite3-tcl,python3.11-minimal,libpython3.11-stdlib,nodejs,node-sqlite3
$(ARM64_ROOT)/complete: tools/debian-root.sh | deps-packages
	@if [ "$$(id -u)" != 0 ]; then echo "$(ARM64_ROOT): needs root (mmdebstrap); not made"; exit 0; fi; \
	  rm -rf $(ARM64_ROOT) && sh tools/debian-root.sh $(ARM64_ROOT) extract arm64 $(ARM64_ROOT_PACKAGES) && \
	  echo '$(ARM64_ROOT_PACKAGES)' > $@

# What tests/packages needs besides the packages (mk/packages.mk).
test-packages: sqlite-builds aarch64 musl $(ARM64_ROOT)/complete
