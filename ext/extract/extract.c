/* SPDX-License-Identifier: MIT */
/*
** extract.c -- the table-valued function pm_extract(text [, report]): the
** market sizes, shares, stated rates and claims of a report's text, as
** candidate rows for the model's `figures` and `claims` input tables.
**
**   SELECT * FROM pm_extract(readfile('report.txt'), 'cervicorn');
**
** Columns (docs/functions.md, "pm_extract", says what each holds): kind,
** dimension, segment, year, value, share, decimals, unit, from_year,
** to_year, note, reason, offset, length, match; hidden: text, report.
** Rows come in the order of their offset in the text.
**
** What it reads and how: docs/functions.md, "pm_extract"; the
** requirements, numbered, head tests/extract.test.
**
** This file is the table: arguments, cursor, columns. The rows are
** streamed by extract_pass.c, which reads the text unit by unit with
** extract_read.c (the reader), extract_prose.c (sentences),
** extract_subjects.c (what a clause is about), extract_rates.c (rates and
** their periods), extract_table.c (table rows), extract_quantities.c (years, periods,
** amounts, percentages), extract_words.c (geographies, currencies,
** scales) and extract_scan.c (the tokeniser).
*/
#include "extract.h"
#include "extract_pass.h"
#include "sql/table_vtab.h"

SQLITE_EXTENSION_INIT3

#define NAME "pm_extract"

enum {
  COL_KIND, COL_DIMENSION, COL_SEGMENT, COL_YEAR, COL_VALUE, COL_SHARE,
  COL_DECIMALS, COL_UNIT, COL_FROM_YEAR, COL_TO_YEAR, COL_NOTE, COL_REASON,
  COL_OFFSET, COL_LENGTH, COL_MATCH, N_OUT,
  COL_TEXT = N_OUT, COL_REPORT
};

_Static_assert(N_OUT == EXTRACT_COLUMNS, "extract_read.h lists the columns");

/* --- the virtual table ---------------------------------------------------- */

/* How this connection's SQLite divides malformed UTF-8 into characters,
** which SQLite leaves free from one release to the next: asked at the
** first text read (not at load: loading pmext should not run a query),
** so that substr(text, offset, length) = match holds under the SQLite at
** hand. */
typedef struct ex_vtab {
  sqlite3_vtab base;
  sqlite3 *db;
  int stray_runs; /* es_init(); -1 until asked */
} ex_vtab;

static int ex_connect(sqlite3 *db, void *schema, int argc,
                      const char *const *argv, sqlite3_vtab **vtab,
                      char **err) {
  (void)argc;
  (void)argv;
  (void)err;
  int rc = tv_declare(db, schema);
  if (rc != SQLITE_OK) return rc;
  ex_vtab *v = tv_zalloc(sizeof *v);
  if (!v) return SQLITE_NOMEM;
  v->db = db;
  v->stray_runs = -1;
  *vtab = &v->base;
  return SQLITE_OK;
}

/* v->stray_runs: 1 when length() counts two stray continuation bytes as
** one character, else 0. */
static int ask_stray_runs(ex_vtab *v) {
  if (v->stray_runs >= 0) return SQLITE_OK;
  sqlite3_stmt *stmt = 0;
  /* The bytes bound as UTF-8 text: whatever the database's encoding. */
  int rc = sqlite3_prepare_v2(v->db, "SELECT length(?1)", -1, &stmt, 0);
  if (rc == SQLITE_OK) rc = sqlite3_bind_text(stmt, 1, "\x80\x80", 2, SQLITE_STATIC);
  if (rc == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW) {
    v->stray_runs = sqlite3_column_int(stmt, 0) == 1;
  }
  int rc2 = sqlite3_finalize(stmt);
  if (rc == SQLITE_OK) rc = rc2;
  if (rc == SQLITE_OK && v->stray_runs < 0) rc = SQLITE_ERROR;
  return rc;
}

typedef struct ex_cursor {
  sqlite3_vtab_cursor base;
  ex_result *result;      /* NULL: no rows */
  int eof;
  sqlite3_int64 rowid;
  sqlite3_value *args[2]; /* text, report: copies, for the hidden columns */
} ex_cursor;

/* text is required, report optional: idxNum bit 0 text, bit 1 report. */
static int ex_best_index(sqlite3_vtab *vtab, sqlite3_index_info *info) {
  (void)vtab;
  int which[2] = {-1, -1}, unusable = 0;
  for (int i = 0; i < info->nConstraint; i++) {
    const struct sqlite3_index_constraint *c = &info->aConstraint[i];
    if (c->iColumn < COL_TEXT || c->op != SQLITE_INDEX_CONSTRAINT_EQ) continue;
    if (!c->usable) {
      unusable |= 1 << (c->iColumn - COL_TEXT);
      continue;
    }
    which[c->iColumn - COL_TEXT] = i;
  }
  if (which[0] < 0) {
    /* No text: a plan SQLite should not choose (it may offer this one
    ** for a branch of an OR); chosen all the same, xFilter says why. */
    if (unusable & 1) return SQLITE_CONSTRAINT;
    info->idxNum = 0;
    info->estimatedCost = 1e99;
    info->estimatedRows = 1000000000;
    return SQLITE_OK;
  }
  if (which[1] < 0 && (unusable & 2)) return SQLITE_CONSTRAINT;
  int argv_index = 1;
  info->idxNum = 0;
  for (int k = 0; k < 2; k++) {
    if (which[k] < 0) continue;
    info->aConstraintUsage[which[k]].argvIndex = argv_index++;
    info->aConstraintUsage[which[k]].omit = 1;
    info->idxNum |= 1 << k;
  }
  info->estimatedCost = 1000.0;
  info->estimatedRows = 100;
  return SQLITE_OK;
}

static int ex_open(sqlite3_vtab *vtab, sqlite3_vtab_cursor **cursor) {
  (void)vtab;
  return tv_new_cursor(sizeof(ex_cursor), cursor);
}

static void reset_cursor(ex_cursor *c) {
  ex_result_close(c->result);
  c->result = 0;
  for (int k = 0; k < 2; k++) {
    sqlite3_value_free(c->args[k]);
    c->args[k] = 0;
  }
  c->eof = 1;
  c->rowid = 0;
}

static int ex_close(sqlite3_vtab_cursor *cursor) {
  reset_cursor((ex_cursor *)cursor);
  sqlite3_free(cursor);
  return SQLITE_OK;
}

/* The argument must be TEXT, a BLOB (UTF-8 bytes, what readfile() gives)
** or NULL: a number is an error naming it. */
static int check_text(sqlite3_vtab *vtab, const char *arg, sqlite3_value *v) {
  int type = sqlite3_value_type(v);
  if (type == SQLITE_TEXT || type == SQLITE_NULL || type == SQLITE_BLOB) {
    return SQLITE_OK;
  }
  return tv_set_error(vtab,
                      sqlite3_mprintf(NAME "(): %s is a number, not text: %s",
                                      arg, (const char *)sqlite3_value_text(v)));
}

static int ex_next(sqlite3_vtab_cursor *cursor) {
  ex_cursor *c = (ex_cursor *)cursor;
  int rc = c->result ? ex_result_next(c->result) : SQLITE_DONE;
  if (rc == SQLITE_ROW) {
    c->eof = 0;
    c->rowid++;
    return SQLITE_OK;
  }
  c->eof = 1;
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int ex_filter(sqlite3_vtab_cursor *cursor, int idx_num,
                     const char *idx_str, int argc, sqlite3_value **argv) {
  (void)idx_str;
  ex_cursor *c = (ex_cursor *)cursor;
  reset_cursor(c);
  if (!(idx_num & 1)) {
    return tv_set_error(cursor->pVtab,
                        sqlite3_mprintf(NAME "(): needs the text to read: " NAME
                                             "(text [, report])"));
  }
  static const char *const names[2] = {"text", "report"};
  int arg = 0;
  for (int k = 0; k < 2; k++) {
    if (!(idx_num & (1 << k))) continue;
    if (arg >= argc) return SQLITE_ERROR;
    int rc = check_text(cursor->pVtab, names[k], argv[arg]);
    if (rc != SQLITE_OK) return rc;
    c->args[k] = sqlite3_value_dup(argv[arg]);
    if (!c->args[k]) return SQLITE_NOMEM;
    arg++;
  }
  sqlite3_value *text = c->args[0];
  if (!text || sqlite3_value_type(text) == SQLITE_NULL) return SQLITE_OK;
  /* A BLOB's bytes as they are; a TEXT's as UTF-8. */
  const char *s = sqlite3_value_type(text) == SQLITE_BLOB
                      ? (const char *)sqlite3_value_blob(text)
                      : (const char *)sqlite3_value_text(text);
  sqlite3_int64 n = sqlite3_value_bytes(text);
  if (!s) {
    if (n == 0) return SQLITE_OK;
    return SQLITE_NOMEM;
  }
  ex_vtab *v = (ex_vtab *)cursor->pVtab;
  int rc = ask_stray_runs(v);
  if (rc == SQLITE_OK) rc = ex_result_open(s, n, v->stray_runs, &c->result);
  if (rc != SQLITE_OK) return rc;
  return ex_next(cursor);
}

static int ex_eof(sqlite3_vtab_cursor *cursor) {
  return ((ex_cursor *)cursor)->eof;
}

static int ex_column(sqlite3_vtab_cursor *cursor, sqlite3_context *ctx,
                     int column) {
  ex_cursor *c = (ex_cursor *)cursor;
  if (column >= COL_TEXT) {
    sqlite3_value *v = c->args[column - COL_TEXT];
    if (v) {
      sqlite3_result_value(ctx, v);
    } else {
      sqlite3_result_null(ctx);
    }
    return SQLITE_OK;
  }
  ex_result_column(c->result, ctx, column);
  return SQLITE_OK;
}

static int ex_rowid(sqlite3_vtab_cursor *cursor, sqlite3_int64 *rowid) {
  *rowid = ((ex_cursor *)cursor)->rowid;
  return SQLITE_OK;
}

static const sqlite3_module extract_module =
    TV_MODULE(ex, 0, tv_disconnect_bare, 0);

int pmext_register_extract(sqlite3 *db) {
  static const char schema[] =
      "CREATE TABLE x(kind TEXT, dimension TEXT, segment TEXT, year INTEGER, "
      "value REAL, share REAL, decimals INTEGER, unit TEXT, "
      "from_year INTEGER, to_year INTEGER, note TEXT, reason TEXT, "
      "offset INTEGER, length INTEGER, match TEXT, "
      "text HIDDEN, report HIDDEN)";
  return sqlite3_create_module(db, NAME, &extract_module, (void *)schema);
}
