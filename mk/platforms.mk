# SPDX-License-Identifier: MIT
# mk/platforms.mk -- pmext against other SQLite builds, and pmext built for
# other platforms (docs/packages.md). Included by the Makefile, whose head
# lists every command; the variables it uses (SOURCES, LIB, B, ...) are set
# there.
#
#   make test-sqlite     the test suite against SQLite built with other
#                        compile-time options and against the oldest and
#                        newest release pmext supports
#                        (tests/packages/sqlite.test)
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
SQLITE_PKG_3.54.1 := better-sqlite3@13.2.0
$(SQLITE_SRC)/%/sqlite3.c: tools/sqlite-source.sh | deps-packages
	sh tools/sqlite-source.sh $(SQLITE_PKG_$*) $* $(@D)

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
