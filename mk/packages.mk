# SPDX-License-Identifier: MIT
# mk/packages.mk -- the packages: Python wheel, npm, Debian, Windows DLL.
# Included by the Makefile, whose head lists every command; the variables
# it uses (SOURCES, LIB, B, BUILD_NEEDS, ...) are set there.

# --- Packages (packaging/, tests/packages) ---------------------------------
#   make wheel          $(B)/dist/pmext-V-py3-none-TAG.whl for each Linux
#                       build (TAG manylinux_2_29_x86_64,
#                       manylinux_2_29_aarch64, musllinux_1_2_x86_64):
#                       python/pmext.py as the package `pmext` with the
#                       library beside it
#   make npm            $(B)/dist/pmext-V.tgz, the package `pmext`
#                       (getLoadablePath(), load(db) for better-sqlite3),
#                       and pmext-KEY-V.tgz, the library of each platform
#                       (KEY linux-x64-gnu, linux-arm64-gnu, linux-x64-musl,
#                       win32-x64), its optional dependencies
#   make deb            $(B)/dist/pmext_V_amd64.deb and pmext_V_arm64.deb
#                       (dpkg-deb): the library as /usr/lib/MULTIARCH/pmext.so
#                       (`.load pmext`), docs and examples in
#                       /usr/share/doc/pmext
#   make dist           all of them and the Windows DLL (make windows,
#                       mk/platforms.mk), then each artefact's size
#   make test-packages  install each the ordinary way in a scratch place
#                       (or a fresh Debian root) and use it, on this machine,
#                       under qemu-user (aarch64) and wine (Windows)
#                       (tests/packages); the SQLite builds and platform
#                       builds of mk/platforms.mk too
# VERSION is the version of every package. Everything is built offline in
# $(B); only SQLite's sources come from the npm registry (`npm pack`,
# mk/platforms.mk).
.PHONY: wheel npm deb dist test-packages deps-packages deps-node
deps-packages:
	@sh tools/need.sh packages
deps-node:
	@sh tools/need.sh node

DIST     := $(B)/dist
STRIP    ?= strip

# The Linux builds packaged, by npm's platform key (packaging/npm/
# platforms.js): the library, the strip that reads it, the wheel's platform
# tag. A tag is a promise about what the library needs: manylinux_2_29, glibc
# 2.29 or later (pow@GLIBC_2.29 is the newest symbol version it uses) and
# only glibc's libraries; musllinux_1_2, musl 1.2. `make test-packages` holds
# each library to its tag (tools/check-wheel.py).
PKG_KEYS := linux-x64-gnu linux-arm64-gnu linux-x64-musl
PKG_LIB_linux-x64-gnu   := $(LIB)
PKG_LIB_linux-arm64-gnu := $(AARCH64_LIB)
PKG_LIB_linux-x64-musl  := $(MUSL_LIB)
PKG_STRIP_linux-arm64-gnu := aarch64-linux-gnu-strip
WHEEL_TAG_linux-x64-gnu   := manylinux_2_29_x86_64
WHEEL_TAG_linux-arm64-gnu := manylinux_2_29_aarch64
WHEEL_TAG_linux-x64-musl  := musllinux_1_2_x86_64
WHEEL_SOURCES := packaging/python/build.sh packaging/python/pyproject.toml \
  packaging/python/setup.py packaging/python/__main__.py python/pmext.py VERSION README.md LICENSE
NPM_SOURCES := packaging/npm/build.sh packaging/npm/manifest.js packaging/npm/platforms.js \
  packaging/npm/README-platform.md VERSION LICENSE

# For each: a stripped copy of the library, the wheel, the npm package.
define package_rules
$(B)/packages/$(1)/pmext.so: $(PKG_LIB_$(1))
	@mkdir -p $$(@D)
	$(or $(PKG_STRIP_$(1)),$(STRIP)) --strip-unneeded -o $$@ $$<
WHEELS += $(DIST)/pmext-$(VERSION)-py3-none-$(WHEEL_TAG_$(1)).whl
$(DIST)/pmext-$(VERSION)-py3-none-$(WHEEL_TAG_$(1)).whl: $(B)/packages/$(1)/pmext.so $(WHEEL_SOURCES) | deps-packages
	sh packaging/python/build.sh $(WHEEL_TAG_$(1)) $$< $(B)/python/$(1) $(DIST)
NPM_TARBALLS += $(DIST)/pmext-$(1)-$(VERSION).tgz
$(DIST)/pmext-$(1)-$(VERSION).tgz: $(B)/packages/$(1)/pmext.so $(NPM_SOURCES) | deps-packages
	sh packaging/npm/build.sh $(1) $(VERSION) $(B)/npm/$(1) $(DIST) $$<
endef
$(foreach k,$(PKG_KEYS),$(eval $(call package_rules,$(k))))
NPM_TARBALLS += $(DIST)/pmext-win32-x64-$(VERSION).tgz $(DIST)/pmext-$(VERSION).tgz
$(DIST)/pmext-win32-x64-$(VERSION).tgz: $(WIN_DLL) $(NPM_SOURCES) | deps-packages
	sh packaging/npm/build.sh win32-x64 $(VERSION) $(B)/npm/win32-x64 $(DIST) $<
$(DIST)/pmext-$(VERSION).tgz: $(NPM_SOURCES) packaging/npm/index.js packaging/npm/index.d.ts \
    packaging/npm/README.md | deps-packages
	sh packaging/npm/build.sh main $(VERSION) $(B)/npm/main $(DIST)

wheel: $(WHEELS)
npm: $(NPM_TARBALLS)

# The .debs' libraries are built with Debian's hardening flags for their
# architecture (dpkg-buildflags, all of them: bindnow too), through this
# Makefile; arm64 with the cross-compiler and Debian's SQLite headers.
DEB_ARCHS := amd64 arm64
DEB_CC_arm64 := $(AARCH64_CC)
DEB_STRIP_arm64 := aarch64-linux-gnu-strip
DEBS := $(DEB_ARCHS:%=$(DIST)/pmext_$(VERSION)_%.deb)
deb: $(DEBS)
$(DIST)/pmext_$(VERSION)_%.deb: FORCE | deps-packages
	@mkdir -p $(B)/deb/$*/include
	@cmp -s /usr/include/sqlite3ext.h $(B)/deb/$*/include/sqlite3ext.h || \
	  cp /usr/include/sqlite3.h /usr/include/sqlite3ext.h $(B)/deb/$*/include/
	export DEB_BUILD_MAINT_OPTIONS=hardening=+all DEB_HOST_ARCH=$*; $(MAKE) --no-print-directory \
	  B=$(B)/deb/$*/build $(if $(DEB_CC_$*),CC=$(DEB_CC_$*)) all \
	  CFLAGS="$$(dpkg-buildflags --get CFLAGS) $$(dpkg-buildflags --get CPPFLAGS) -I$(B)/deb/$*/include" \
	  LDFLAGS="$$(dpkg-buildflags --get LDFLAGS)"
	VERSION='$(VERSION)' STRIP='$(or $(DEB_STRIP_$*),$(STRIP))' \
	  sh packaging/debian/build.sh $(B)/deb/$*/build/pmext.so $(B)/deb/$*/root $(DIST) $*

dist: wheel npm deb windows
	@rm -f $(DIST)/pmext-*-windows-x64.dll
	@cp $(WIN_DLL) $(DIST)/pmext-$(VERSION)-windows-x64.dll
	@wc -c $(WHEELS) $(NPM_TARBALLS) $(DEBS) $(DIST)/pmext-*.dll | \
	  awk '$$2 != "total" { printf "%-60s %9d bytes\n", $$2, $$1 }'

test-packages: dist | deps-test
	tclsh tests/all.tcl $(LIB) 'packages/*'
