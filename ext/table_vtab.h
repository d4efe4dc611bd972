/*
** table_vtab.h -- a grid of cells built once (tv_table: the rows of the
** model's facts, audit, companies and comparison, model_tables_vtab.c),
** the helpers every pmext virtual table uses, and a read-only eponymous
** table over a grid (tv_register).
**
** A table is a spec: its name, its CREATE TABLE statement and a builder
** that fills a tv_table (a grid of cells) when the table is first used in a
** connection. The rows never change afterwards.
**
** Building: tv_init(), then per row one tv_* call per column; the adders
** record an allocation failure in the table instead of failing one by one,
** and tv_finish() reports it (SQLITE_NOMEM) or checks the grid is complete.
*/
#ifndef PMEXT_TABLE_VTAB_H
#define PMEXT_TABLE_VTAB_H

#include "sqlite3ext.h"

#include <stddef.h>

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
void tv_textf(tv_table *t, const char *format, ...); /* sqlite3_mprintf */
int tv_finish(tv_table *t); /* SQLITE_OK, SQLITE_NOMEM or SQLITE_ERROR */
void tv_free(tv_table *t);
/* A cell as the result of xColumn; text with the destructor given
** (SQLITE_STATIC when the grid outlives the statement). */
void tv_result_cell(sqlite3_context *ctx, const tv_cell *cell,
                    void (*text_destructor)(void *));

typedef struct tv_spec {
  const char *name;   /* the table's name in SQL */
  const char *schema; /* CREATE TABLE x(...) */
  int (*build)(tv_table *out);
} tv_spec;

/* Helpers for every pmext virtual table: declare the schema and mark the
** table innocuous (xConnect); allocate a zeroed object (vtab, cursor). */
int tv_declare(sqlite3 *db, const char *schema);
void *tv_zalloc(size_t size);

/* For table-valued functions with arguments (projection, pm_extract),
** whose vtab holds nothing: xConnect declaring `schema` with a bare
** sqlite3_vtab, and its xDisconnect. tv_set_error() replaces the vtab's
** error message with `message` (from sqlite3_mprintf; 0 when out of
** memory) and returns SQLITE_ERROR, or SQLITE_NOMEM for 0. */
int tv_connect_bare(sqlite3 *db, const char *schema, sqlite3_vtab **vtab);
int tv_disconnect_bare(sqlite3_vtab *vtab);
int tv_set_error(sqlite3_vtab *vtab, char *message);

/* xOpen's work: a zeroed cursor of `size` bytes (a struct starting with
** its sqlite3_vtab_cursor) in *cursor; SQLITE_OK or SQLITE_NOMEM. */
int tv_new_cursor(size_t size, sqlite3_vtab_cursor **cursor);

/* Registers spec->name as an eponymous-only, read-only, innocuous table. */
int tv_register(sqlite3 *db, const tv_spec *spec);

#endif /* PMEXT_TABLE_VTAB_H */
