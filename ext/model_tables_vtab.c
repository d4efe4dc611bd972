/*
** model_tables_vtab.c -- the tables derived from a model: facts, audit,
** companies and the comparison of reports, over the built-in report
** (eponymous) or over input tables (CREATE VIRTUAL TABLE).
**
**   pm_facts, pm_audit, pm_companies      the built-in report, as before
**   CREATE VIRTUAL TABLE f USING pm_model_facts(reports=, figures=, claims=,
**                                               companies=);
**   CREATE VIRTUAL TABLE a USING pm_model_audit(...);
**   CREATE VIRTUAL TABLE c USING pm_compare(...);
** The created tables have a first column `report` (pm_compare: `market`),
** are listed in sqlite_schema, and read their input tables live
** (model_source.c). Rows come from model_facts.c, model_audit.c,
** model_compare.c; each scan reads a grid built once per model.
** Read-only, innocuous; SQLite applies any WHERE itself (the grids hold a
** few rows per report).
*/
#include "model.h"

#include <string.h>

SQLITE_EXTENSION_INIT3

typedef struct table_spec {
  const char *name;
  const char *schema;
  model_grid grid;
  int builtin; /* eponymous, over the built-in report */
} table_spec;

static const table_spec specs[] = {
    {"pm_facts",
     "CREATE TABLE x(key TEXT, value ANY, unit TEXT, period TEXT, basis TEXT, "
     "note TEXT)",
     GRID_FACTS, 1},
    {"pm_audit",
     "CREATE TABLE x(\"check\" TEXT, subject TEXT, expected REAL, actual REAL, "
     "tolerance REAL, status TEXT, explanation TEXT)",
     GRID_AUDIT, 1},
    {"pm_companies",
     "CREATE TABLE x(position INTEGER, company TEXT, parent TEXT, "
     "listed_as TEXT)",
     GRID_COMPANIES, 1},
    {"pm_model_facts",
     "CREATE TABLE x(report TEXT, key TEXT, value ANY, unit TEXT, period TEXT, "
     "basis TEXT, note TEXT)",
     GRID_FACTS, 0},
    {"pm_model_audit",
     "CREATE TABLE x(report TEXT, \"check\" TEXT, subject TEXT, expected REAL, "
     "actual REAL, tolerance REAL, status TEXT, explanation TEXT)",
     GRID_AUDIT, 0},
    {"pm_compare",
     "CREATE TABLE x(market TEXT, year INTEGER, report TEXT, value REAL, "
     "unit TEXT, value_bn REAL, basis TEXT, n_reports INTEGER, min_bn REAL, "
     "median_bn REAL, max_bn REAL)",
     GRID_COMPARE, 0},
};

typedef struct table_cursor {
  sqlite3_vtab_cursor base;
  model_snapshot *snap;
  const tv_table *grid;
  int row, n_rows;
} table_cursor;

static int table_connect(sqlite3 *db, void *aux, int argc,
                         const char *const *argv, sqlite3_vtab **out,
                         char **err) {
  const model_module *module = aux;
  const table_spec *spec = module->spec;
  return model_vtab_connect(db, module, spec->schema, spec->name,
                            spec->builtin, argc, argv, out, err);
}

static int table_best_index(sqlite3_vtab *base, sqlite3_index_info *info) {
  (void)base;
  info->estimatedCost = 100;
  info->estimatedRows = 100;
  return SQLITE_OK;
}

static int table_open(sqlite3_vtab *base, sqlite3_vtab_cursor **out) {
  (void)base;
  table_cursor *cur = tv_zalloc(sizeof *cur);
  if (!cur) return SQLITE_NOMEM;
  *out = &cur->base;
  return SQLITE_OK;
}

static int table_close(sqlite3_vtab_cursor *base) {
  table_cursor *cur = (table_cursor *)base;
  model_snapshot_release(cur->snap);
  sqlite3_free(cur);
  return SQLITE_OK;
}

/* Sets the vtab's error from a model error (or SQLITE_NOMEM). */
static int vtab_error(sqlite3_vtab *vtab, int rc, char *err) {
  sqlite3_free(vtab->zErrMsg);
  vtab->zErrMsg = err;
  return rc;
}

static int table_filter(sqlite3_vtab_cursor *base, int idx_num,
                        const char *idx_str, int argc, sqlite3_value **argv) {
  table_cursor *cur = (table_cursor *)base;
  model_vtab *vtab = (model_vtab *)base->pVtab;
  const table_spec *spec = vtab->spec;
  (void)idx_num;
  (void)idx_str;
  (void)argc;
  (void)argv;
  model_snapshot_release(cur->snap);
  cur->snap = 0;
  cur->row = cur->n_rows = 0;
  char *err = 0;
  int rc = model_source_get(&vtab->src, &cur->snap, &err);
  if (rc != SQLITE_OK) return vtab_error(base->pVtab, rc, err);
  rc = model_snapshot_grid(cur->snap, spec->grid, !spec->builtin, &cur->grid);
  if (rc != SQLITE_OK) return rc;
  cur->n_rows = cur->grid->n_cells / cur->grid->n_cols;
  return SQLITE_OK;
}

static int table_next(sqlite3_vtab_cursor *base) {
  ((table_cursor *)base)->row++;
  return SQLITE_OK;
}

static int table_eof(sqlite3_vtab_cursor *base) {
  const table_cursor *cur = (const table_cursor *)base;
  return cur->row >= cur->n_rows;
}

static int table_column(sqlite3_vtab_cursor *base, sqlite3_context *ctx,
                        int col) {
  const table_cursor *cur = (const table_cursor *)base;
  /* Copied: a rebuild may free the grid while SQLite still holds text. */
  tv_result_cell(ctx, &cur->grid->cells[cur->row * cur->grid->n_cols + col],
                 SQLITE_TRANSIENT);
  return SQLITE_OK;
}

static int table_rowid(sqlite3_vtab_cursor *base, sqlite3_int64 *rowid) {
  *rowid = ((const table_cursor *)base)->row + 1;
  return SQLITE_OK;
}

/* Slots not named are 0 (read-only, no transactions). */
#define TABLE_MODULE(create, destroy)                                \
  {                                                                 \
    .xCreate = create, .xConnect = table_connect,                   \
    .xBestIndex = table_best_index, .xDisconnect = model_vtab_disconnect, \
    .xDestroy = destroy, .xOpen = table_open,                       \
    .xClose = table_close, .xFilter = table_filter,                 \
    .xNext = table_next, .xEof = table_eof, .xColumn = table_column, \
    .xRowid = table_rowid,                                          \
  }

/* Created tables: xCreate is not xConnect, so there is no eponymous form. */
static int table_create(sqlite3 *db, void *aux, int argc,
                        const char *const *argv, sqlite3_vtab **out,
                        char **err) {
  return table_connect(db, aux, argc, argv, out, err);
}

static const sqlite3_module builtin_module = TABLE_MODULE(0, 0);
static const sqlite3_module created_module = TABLE_MODULE(table_create, model_vtab_disconnect);

int model_register_tables(sqlite3 *db, model_builtin_cache *cache) {
  for (size_t i = 0; i < sizeof specs / sizeof specs[0]; i++) {
    int rc = model_register_module(
        db, specs[i].name, specs[i].builtin ? &builtin_module : &created_module,
        &specs[i], cache);
    if (rc != SQLITE_OK) return rc;
  }
  return SQLITE_OK;
}
