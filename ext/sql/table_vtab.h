/* SPDX-License-Identifier: MIT */
/*
** table_vtab.h -- a grid of cells built once (tv_table: the rows of the
** model's facts, audit, companies and comparison, model/tables_vtab.c),
** and the helpers every pmext virtual table uses.
**
** Building: tv_init(), then per row one tv_* call per column; the adders
** record an allocation failure in the table instead of failing one by one,
** and tv_finish() reports it (SQLITE_NOMEM) or checks the grid is complete.
*/
#ifndef PMEXT_TABLE_VTAB_H
#define PMEXT_TABLE_VTAB_H

#include "sqlite3ext.h"

#include <stddef.h>

SQLITE_EXTENSION_INIT3 /* for the inline tv_set_error() below */

typedef struct tv_cell {
  int type;           /* SQLITE_NULL, SQLITE_INTEGER, SQLITE_FLOAT or SQLITE_TEXT */
  sqlite3_int64 i;
  double d;
  char *text;         /* owned, from sqlite3_malloc */
} tv_cell;

typedef struct tv_table {
  int n_cols;
  int n_cells;
  int capacity;
  int oom;
  tv_cell *cells;
} tv_table;

void tv_init(tv_table *t, int n_cols);
void tv_null(tv_table *t);
void tv_int(tv_table *t, sqlite3_int64 value);
void tv_real(tv_table *t, double value);
void tv_text(tv_table *t, const char *text); /* copied; NULL text is NULL */
int tv_finish(tv_table *t); /* SQLITE_OK, SQLITE_NOMEM or SQLITE_ERROR */
void tv_free(tv_table *t);
/* A cell as the result of xColumn; text with the destructor given
** (SQLITE_STATIC when the grid outlives the statement). */
void tv_result_cell(sqlite3_context *ctx, const tv_cell *cell,
                    void (*text_destructor)(void *));

/* Helpers for every pmext virtual table: declare the schema and mark the
** table innocuous (xConnect); allocate a zeroed object (vtab, cursor). */
int tv_declare(sqlite3 *db, const char *schema);
void *tv_zalloc(size_t size);

/* For table-valued functions with arguments (projection, pm_extract),
** whose vtab holds nothing: the xConnect declaring the schema registered
** as the module's aux (sqlite3_create_module's pClientData) with a bare
** sqlite3_vtab, and its xDisconnect. tv_set_error() replaces the vtab's
** error message with `message` (from sqlite3_mprintf; 0 when out of
** memory) and returns SQLITE_ERROR, or SQLITE_NOMEM for 0. */
int tv_connect_bare(sqlite3 *db, void *schema, int argc,
                    const char *const *argv, sqlite3_vtab **vtab, char **err);
int tv_disconnect_bare(sqlite3_vtab *vtab);
static inline int tv_set_error(sqlite3_vtab *vtab, char *message) {
  sqlite3_free(vtab->zErrMsg);
  vtab->zErrMsg = message;
  return message ? SQLITE_ERROR : SQLITE_NOMEM;
}

/* xOpen's work: a zeroed cursor of `size` bytes (a struct starting with
** its sqlite3_vtab_cursor) in *cursor; SQLITE_OK or SQLITE_NOMEM. Inline:
** a point query on pm_segments opens a cursor per row. */
static inline int tv_new_cursor(size_t size, sqlite3_vtab_cursor **cursor) {
  *cursor = tv_zalloc(size);
  return *cursor ? SQLITE_OK : SQLITE_NOMEM;
}

/* The sqlite3_module of a read-only virtual table whose callbacks are
** named PREFIX_connect, PREFIX_best_index, PREFIX_open, PREFIX_close,
** PREFIX_filter, PREFIX_next, PREFIX_eof, PREFIX_column, PREFIX_rowid.
** create 0: eponymous only (no CREATE VIRTUAL TABLE); create not the
** connect function: created only. Slots not named are 0 (no writes, no
** transactions), also the ones newer SQLite headers add, which a
** positional initialiser would warn about. */
#define TV_MODULE(prefix, create, disconnect, destroy)                     \
  {                                                                        \
    .xCreate = create, .xConnect = prefix##_connect,                       \
    .xBestIndex = prefix##_best_index, .xDisconnect = disconnect,          \
    .xDestroy = destroy, .xOpen = prefix##_open, .xClose = prefix##_close, \
    .xFilter = prefix##_filter, .xNext = prefix##_next,                    \
    .xEof = prefix##_eof, .xColumn = prefix##_column,                      \
    .xRowid = prefix##_rowid,                                              \
  }

/* The module of a table-valued function with arguments (projection):
** eponymous only, its vtab bare (tv_connect_bare: register it
** with its schema as the module's aux). */
#define TV_FUNCTION_MODULE(prefix)                                       \
  {                                                                      \
    .xConnect = tv_connect_bare, .xBestIndex = prefix##_best_index,      \
    .xDisconnect = tv_disconnect_bare, .xOpen = prefix##_open,           \
    .xClose = prefix##_close, .xFilter = prefix##_filter,                \
    .xNext = prefix##_next, .xEof = prefix##_eof,                        \
    .xColumn = prefix##_column, .xRowid = prefix##_rowid,                \
  }

#endif /* PMEXT_TABLE_VTAB_H */
