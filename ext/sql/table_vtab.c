/* SPDX-License-Identifier: MIT */
/*
** table_vtab.c -- a grid of cells built once (the rows of the model's
** derived tables), and the helpers every pmext virtual table uses to
** declare itself, connect and return a cell (see table_vtab.h).
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
