# SPDX-License-Identifier: MIT
# mk/pg.mk -- the PostgreSQL extension (pg/).
# Included by the Makefile, whose head lists every command; the variables
# it uses (SOURCES, LIB, B, BUILD_NEEDS, ...) are set there.

# --- PostgreSQL (pg/, tests/pg, docs/postgresql.md) --------------------------
#   make pg          build/pg/pmext.so: the extension for PostgreSQL (PGXS)
#   make pg-install  install it into the PostgreSQL of pg_config (root)
#   make test-pg     pg-install, then tests/pg against a throw-away server
#                    (installcheck included)
#   make installcheck  pg_regress: pg/sql/*.sql against the running server
#                    of PGHOST/PGPORT/PGUSER, where pmext is installed,
#                    compared with pg/expected/*.out
#   make db-pg       build/pmext_model.pg.sql: the model for PostgreSQL
#   make bench-pg    aggregates vs sum() with 0, 1, 2 workers (PG_BENCH_ROWS)
# The maths sources are shared with the SQLite build: PMEXT_MATH_SRC (in
# the Makefile) is the one place that names them.
PG_CONFIG ?= $(firstword $(wildcard /usr/lib/postgresql/15/bin/pg_config) pg_config)
PG_BUILD  := $(B)/pg
PG_MAKE    = $(MAKE) -C $(PG_BUILD) -f $(CURDIR)/pg/Makefile VPATH=$(CURDIR)/pg \
  PG_CONFIG='$(PG_CONFIG)' PMEXT_ROOT='$(CURDIR)' \
  PMEXT_MATH_SRC='$(PMEXT_MATH_SRC:%=$(CURDIR)/%)' EXACT_FP='$(EXACT_FP)'
.PHONY: pg pg-install test-pg db-pg deps-pg bench-pg installcheck
deps-pg:
	@sh tools/need.sh pg
pg: | deps-pg
	@mkdir -p $(PG_BUILD)
	$(PG_MAKE)
pg-install: pg
	$(PG_MAKE) install
installcheck: | deps-pg
	@mkdir -p $(PG_BUILD)
	$(PG_MAKE) installcheck
PG_MODEL := $(B)/pmext_model.pg.sql
db-pg: $(PG_MODEL)
$(PG_MODEL): $(LIB) sql/export_postgresql.sql | deps-demo
	sqlite3 -bail -init /dev/null -cmd '.load $(B)/pmext' :memory: < sql/export_postgresql.sql > $@.tmp
	mv $@.tmp $@
test-pg: pg-install $(PG_MODEL) | deps-test
	PMEXT_PG_MODEL='$(CURDIR)/$(PG_MODEL)' tclsh tests/pg/pg.tcl
PG_BENCH_ROWS ?= 10000000
PG_BENCH_RUNS ?= 3
bench-pg: pg-install
	sh tests/pg/bench.sh $(PG_BENCH_ROWS) $(PG_BENCH_RUNS)
