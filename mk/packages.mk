# SPDX-License-Identifier: MIT
# mk/packages.mk -- the packages: Python wheel, npm, Debian, Windows DLL.
# Included by the Makefile, whose head lists every command; the variables
# it uses (SOURCES, LIB, B, BUILD_NEEDS, ...) are set there.

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
.PHONY: wheel npm deb windows dist test-packages deps-packages deps-node
deps-packages:
	@sh tools/need.sh packages
deps-node:
	@sh tools/need.sh node

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
	cp packaging/python/pyproject.toml packaging/python/setup.py VERSION README.md LICENSE $(WHEEL_SRC)/
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
	cp packaging/npm/index.js packaging/npm/index.d.ts packaging/npm/README.md LICENSE $(NPM_SRC)/
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
SQLITE_AMALGAMATION := $(B)/better-sqlite3/package/deps/sqlite3/sqlite3.c
windows: $(WIN_DLL) $(WIN_B)/pmext-run.exe
$(WIN_DLL): $(SOURCES) $(HEADERS) $(B)/buildinfo.h $(B)/model_builtin_sql.h | deps-packages
	@mkdir -p $(WIN_B)/include
	cp /usr/include/sqlite3.h /usr/include/sqlite3ext.h $(WIN_B)/include/
	$(WIN_CC) -std=c11 $(WARN) -O2 $(EXACT_FP) -I$(B) -Iext -I$(WIN_B)/include -s \
	  -shared -static-libgcc -o $@ $(SOURCES) -lm
# The amalgamation is also what the page of `make web` compiles (mk/web.mk);
# fetching it needs npm only.
$(SQLITE_AMALGAMATION): | deps-node
	rm -rf $(B)/better-sqlite3 && mkdir -p $(B)/better-sqlite3
	cd $(B)/better-sqlite3 && npm pack --silent better-sqlite3@12 >/dev/null && tar xzf better-sqlite3-*.tgz
# SQLite's own source is compiled without our warning flags (-w): it is
# not pmext's code. The driver is.
$(WIN_B)/sqlite3.o: $(SQLITE_AMALGAMATION)
	@mkdir -p $(@D)
	$(WIN_CC) -O2 -w -c -o $@ $<
$(WIN_B)/pmext-run.exe: packaging/windows/pmext-run.c $(DRIVER_SRC) $(WIN_B)/sqlite3.o | deps-packages
	$(WIN_CC) -std=c11 $(WARN) -O2 -D__USE_MINGW_ANSI_STDIO=1 -I$(dir $(SQLITE_AMALGAMATION)) -Itests/c \
	  -static -o $@ packaging/windows/pmext-run.c tests/c/sqltext.c $(WIN_B)/sqlite3.o

dist: wheel npm deb windows
	@rm -f $(DIST)/pmext-*-windows-x64.dll
	@cp $(WIN_DLL) $(DIST)/pmext-$(VERSION)-windows-x64.dll
	@wc -c $(DIST)/pmext-*.whl $(DIST)/pmext-*.tgz $(DIST)/pmext_*.deb $(DIST)/pmext-*.dll | \
	  awk '$$2 != "total" { printf "%-60s %9d bytes\n", $$2, $$1 }'

test-packages: dist | deps-test
	tclsh tests/all.tcl $(LIB) 'packages/*'
