/* SPDX-License-Identifier: MIT */
/*
** tables_vtab.c -- the tables derived from a model: facts, audit,
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
** (source.c). Each table's schema and rows are defined in its own file
** (facts.c, companies.c, audit.c, compare.c: model_table); a scan reads
** a grid built once per model (audit, companies, and the facts and the
** comparison while they are small), or the rows of a streamed table too
** big to keep (facts, comparison) one chunk at a time.
** Read-only, innocuous; SQLite applies any WHERE itself (the grids hold a
** few rows per report).
*/
#include "tables_vtab.h"

#include "audit.h"
#include "companies.h"
#include "compare.h"
#include "facts.h"
#include "sql/table_vtab.h"

#include <string.h>

SQLITE_EXTENSION_INIT3

/* In the order they are registered; each is defined beside its builder. */
static const model_table *const tables[] = {
    &model_table_facts,       &model_table_audit,       &model_table_companies,
    &model_table_model_facts, &model_table_model_audit, &model_table_compare,
};

typedef struct table_cursor {
  sqlite3_vtab_cursor base;
  model_snapshot *snap;
  const tv_table *grid;   /* the rows at hand: the kept grid, or &chunk */
  int row, n_rows;
  sqlite3_int64 rowid;    /* rows passed before this grid */
  /* A streamed table: its chunk at hand and where the next one is. */
  int streamed;
  tv_table chunk;
  model_chunk pos;
  int done;
} table_cursor;

static int table_connect(sqlite3 *db, void *aux, int argc,
                         const char *const *argv, sqlite3_vtab **out,
                         char **err) {
  const model_module *module = aux;
  const model_table *table = module->spec;
  return model_vtab_connect(db, module, table->schema, table->name,
                            table->builtin, argc, argv, out, err);
}

static int table_best_index(sqlite3_vtab *base, sqlite3_index_info *info) {
  (void)base;
  info->estimatedCost = 100;
  info->estimatedRows = 100;
  return SQLITE_OK;
}

static int table_open(sqlite3_vtab *base, sqlite3_vtab_cursor **out) {
  (void)base;
  return tv_new_cursor(sizeof(table_cursor), out);
}

/* Forgets the stream of a streamed table. */
static void stream_reset(table_cursor *cur) {
  tv_free(&cur->chunk);
  sqlite3_free(cur->pos.state);
  memset(&cur->pos, 0, sizeof cur->pos);
  cur->done = 0;
}

static int table_close(sqlite3_vtab_cursor *base) {
  table_cursor *cur = (table_cursor *)base;
  stream_reset(cur);
  model_snapshot_release(cur->snap);
  sqlite3_free(cur);
  return SQLITE_OK;
}

/* The next chunk of a streamed table that has rows, or the end (n_rows
** 0). Chunks hold few rows, and a scan between them returns to SQLite,
** which sees an interrupt. */
static int stream_next(table_cursor *cur, const model_table *table) {
  cur->rowid += cur->n_rows;
  cur->row = cur->n_rows = 0;
  while (!cur->done) {
    tv_free(&cur->chunk);
    tv_init(&cur->chunk, 0);
    int rc = table->chunk(cur->snap->set, !table->builtin, &cur->pos,
                          &cur->chunk);
    if (rc == SQLITE_OK && cur->chunk.oom) rc = SQLITE_NOMEM;
    if (rc == SQLITE_DONE) {
      cur->done = 1;
    } else if (rc != SQLITE_OK) {
      return rc;
    } else if (cur->chunk.n_cells > 0) {
      cur->grid = &cur->chunk;
      cur->n_rows = cur->chunk.n_cells / cur->chunk.n_cols;
      return SQLITE_OK;
    }
  }
  return SQLITE_OK;
}

static int table_filter(sqlite3_vtab_cursor *base, int idx_num,
                        const char *idx_str, int argc, sqlite3_value **argv) {
  table_cursor *cur = (table_cursor *)base;
  model_vtab *vtab = (model_vtab *)base->pVtab;
  const model_table *table = vtab->spec;
  (void)idx_num;
  (void)idx_str;
  (void)argc;
  (void)argv;
  model_snapshot_release(cur->snap);
  cur->snap = 0;
  stream_reset(cur);
  cur->row = cur->n_rows = 0;
  cur->rowid = 0;
  char *err = 0;
  int rc = model_source_get(&vtab->src, &cur->snap, &err);
  if (rc != SQLITE_OK) {
    tv_set_error(base->pVtab, err); /* err is 0 for SQLITE_NOMEM */
    return rc;
  }
  rc = model_snapshot_grid(cur->snap, table, &cur->grid);
  if (rc != SQLITE_OK) return rc;
  if (!cur->grid) { /* too big to keep: streamed */
    cur->streamed = 1;
    return stream_next(cur, table);
  }
  cur->streamed = 0;
  cur->n_rows = cur->grid->n_cells / cur->grid->n_cols;
  return SQLITE_OK;
}

static int table_next(sqlite3_vtab_cursor *base) {
  table_cursor *cur = (table_cursor *)base;
  const model_table *table = ((model_vtab *)base->pVtab)->spec;
  if (++cur->row < cur->n_rows || !cur->streamed) return SQLITE_OK;
  return stream_next(cur, table);
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
  const table_cursor *cur = (const table_cursor *)base;
  *rowid = cur->rowid + cur->row + 1;
  return SQLITE_OK;
}

/* Created tables: xCreate is not xConnect, so there is no eponymous form. */
static int table_create(sqlite3 *db, void *aux, int argc,
                        const char *const *argv, sqlite3_vtab **out,
                        char **err) {
  return table_connect(db, aux, argc, argv, out, err);
}

static const sqlite3_module builtin_module =
    TV_MODULE(table, 0, model_vtab_disconnect, 0);
static const sqlite3_module created_module =
    TV_MODULE(table, table_create, model_vtab_disconnect, model_vtab_disconnect);

int model_register_tables(sqlite3 *db, model_builtin_cache *cache) {
  for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
    int rc = model_register_module(
        db, tables[i]->name,
        tables[i]->builtin ? &builtin_module : &created_module,
        (const void *)tables[i], cache);
    if (rc != SQLITE_OK) return rc;
  }
  return SQLITE_OK;
}
