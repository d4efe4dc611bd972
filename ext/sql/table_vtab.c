/* SPDX-License-Identifier: MIT */
/*
** table_vtab.c -- read-only eponymous virtual tables over rows built once
** per connection (see table_vtab.h).
**
** How it works: xConnect declares the spec's schema and calls its builder;
** the resulting grid lives in the vtab until xDisconnect. A cursor is a row
** number. There are no constraints to push down: the tables have at most a
** few dozen rows, and SQLite filters them.
*/
#include "table_vtab.h"

#include <stdarg.h>
#include <string.h>

SQLITE_EXTENSION_INIT3

/* --- building a grid ------------------------------------------------- */

void tv_init(tv_table *t, int n_cols) {
  memset(t, 0, sizeof *t);
  t->n_cols = n_cols;
}

/* The next cell to fill, or 0 (and t->oom set) when memory runs out. */
static tv_cell *next_cell(tv_table *t) {
  if (t->oom) return 0;
  if (t->n_cells == t->capacity) {
    int capacity = t->capacity ? 2 * t->capacity : 64;
    tv_cell *cells =
        sqlite3_realloc64(t->cells, (sqlite3_uint64)capacity * sizeof *cells);
    if (!cells) {
      t->oom = 1;
      return 0;
    }
    t->cells = cells;
    t->capacity = capacity;
  }
  tv_cell *cell = &t->cells[t->n_cells++];
  memset(cell, 0, sizeof *cell);
  cell->type = SQLITE_NULL;
  return cell;
}

void tv_null(tv_table *t) { (void)next_cell(t); }

void tv_int(tv_table *t, sqlite3_int64 value) {
  tv_cell *cell = next_cell(t);
  if (cell) {
    cell->type = SQLITE_INTEGER;
    cell->i = value;
  }
}

void tv_real(tv_table *t, double value) {
  tv_cell *cell = next_cell(t);
  if (cell) {
    cell->type = SQLITE_FLOAT;
    cell->d = value;
  }
}

/* Stores an owned string (or NULL for a NULL cell); frees it on failure. */
static void put_text(tv_table *t, char *text, int failed) {
  tv_cell *cell = next_cell(t);
  if (!cell || failed) {
    sqlite3_free(text);
    if (failed) t->oom = 1;
    return;
  }
  if (text) {
    cell->type = SQLITE_TEXT;
    cell->text = text;
  }
}

void tv_text(tv_table *t, const char *text) {
  char *copy = text ? sqlite3_mprintf("%s", text) : 0;
  put_text(t, copy, text && !copy);
}

void tv_textf(tv_table *t, const char *format, ...) {
  va_list ap;
  va_start(ap, format);
  char *text = sqlite3_vmprintf(format, ap);
  va_end(ap);
  put_text(t, text, !text);
}

int tv_finish(tv_table *t) {
  if (t->oom) return SQLITE_NOMEM;
  return t->n_cols > 0 && t->n_cells % t->n_cols == 0 ? SQLITE_OK
                                                     : SQLITE_ERROR;
}

void tv_free(tv_table *t) {
  for (int i = 0; i < t->n_cells; i++) sqlite3_free(t->cells[i].text);
  sqlite3_free(t->cells);
  memset(t, 0, sizeof *t);
}

/* --- the virtual table ----------------------------------------------- */

int tv_declare(sqlite3 *db, const char *schema) {
  int rc = sqlite3_declare_vtab(db, schema);
  return rc == SQLITE_OK ? sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS) : rc;
}

void *tv_zalloc(size_t size) {
  void *p = sqlite3_malloc64(size);
  if (p) memset(p, 0, size);
  return p;
}

int tv_connect_bare(sqlite3 *db, void *schema, int argc,
                    const char *const *argv, sqlite3_vtab **vtab, char **err) {
  (void)argc;
  (void)argv;
  (void)err;
  int rc = tv_declare(db, schema);
  if (rc != SQLITE_OK) return rc;
  *vtab = tv_zalloc(sizeof **vtab);
  return *vtab ? SQLITE_OK : SQLITE_NOMEM;
}

int tv_disconnect_bare(sqlite3_vtab *vtab) {
  sqlite3_free(vtab);
  return SQLITE_OK;
}

typedef struct tv_vtab {
  sqlite3_vtab base;
  tv_table rows;
} tv_vtab;

typedef struct tv_cursor {
  sqlite3_vtab_cursor base;
  int row;
} tv_cursor;

static int tv_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
                      sqlite3_vtab **out, char **err) {
  const tv_spec *spec = aux;
  (void)argc;
  (void)argv;
  int rc = tv_declare(db, spec->schema);
  if (rc != SQLITE_OK) return rc;
  tv_vtab *vtab = tv_zalloc(sizeof *vtab);
  if (!vtab) return SQLITE_NOMEM;
  rc = spec->build(&vtab->rows);
  if (rc != SQLITE_OK) {
    tv_free(&vtab->rows);
    sqlite3_free(vtab);
    if (rc != SQLITE_NOMEM) *err = sqlite3_mprintf("%s: cannot build its rows", spec->name);
    return rc;
  }
  *out = &vtab->base;
  return SQLITE_OK;
}

static int tv_disconnect(sqlite3_vtab *base) {
  tv_vtab *vtab = (tv_vtab *)base;
  tv_free(&vtab->rows);
  sqlite3_free(vtab);
  return SQLITE_OK;
}

static int tv_best_index(sqlite3_vtab *base, sqlite3_index_info *info) {
  tv_vtab *vtab = (tv_vtab *)base;
  int n_rows = vtab->rows.n_cells / vtab->rows.n_cols;
  info->estimatedCost = (double)n_rows;
  info->estimatedRows = n_rows;
  return SQLITE_OK;
}

static int tv_open(sqlite3_vtab *base, sqlite3_vtab_cursor **out) {
  (void)base;
  return tv_new_cursor(sizeof(tv_cursor), out);
}

static int tv_close(sqlite3_vtab_cursor *cur) {
  sqlite3_free(cur);
  return SQLITE_OK;
}

static int tv_filter(sqlite3_vtab_cursor *base, int idx_num,
                     const char *idx_str, int argc, sqlite3_value **argv) {
  (void)idx_num;
  (void)idx_str;
  (void)argc;
  (void)argv;
  ((tv_cursor *)base)->row = 0;
  return SQLITE_OK;
}

static int tv_next(sqlite3_vtab_cursor *base) {
  ((tv_cursor *)base)->row++;
  return SQLITE_OK;
}

static int tv_eof(sqlite3_vtab_cursor *base) {
  tv_cursor *cur = (tv_cursor *)base;
  const tv_table *rows = &((tv_vtab *)base->pVtab)->rows;
  return cur->row >= rows->n_cells / rows->n_cols;
}

void tv_result_cell(sqlite3_context *ctx, const tv_cell *cell,
                    void (*text_destructor)(void *)) {
  switch (cell->type) {
    case SQLITE_INTEGER:
      sqlite3_result_int64(ctx, cell->i);
      break;
    case SQLITE_FLOAT:
      sqlite3_result_double(ctx, cell->d);
      break;
    case SQLITE_TEXT:
      sqlite3_result_text(ctx, cell->text, -1, text_destructor);
      break;
    default:
      sqlite3_result_null(ctx);
      break;
  }
}

static int tv_column(sqlite3_vtab_cursor *base, sqlite3_context *ctx, int col) {
  tv_cursor *cur = (tv_cursor *)base;
  const tv_table *rows = &((tv_vtab *)base->pVtab)->rows;
  /* The rows outlive every statement that reads them. */
  tv_result_cell(ctx, &rows->cells[cur->row * rows->n_cols + col],
                 SQLITE_STATIC);
  return SQLITE_OK;
}

static int tv_rowid(sqlite3_vtab_cursor *base, sqlite3_int64 *rowid) {
  *rowid = ((tv_cursor *)base)->row + 1;
  return SQLITE_OK;
}

static const sqlite3_module tv_module = TV_MODULE(tv, 0, tv_disconnect, 0);

int tv_register(sqlite3 *db, const tv_spec *spec) {
  return sqlite3_create_module(db, spec->name, &tv_module, (void *)spec);
}
