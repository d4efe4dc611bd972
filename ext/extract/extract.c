/* SPDX-License-Identifier: MIT */
/*
** extract.c -- the table-valued function pm_extract(text [, report]): the
** market sizes, shares and stated rates of a report's text, as candidate
** rows for the model's `figures` and `claims` input tables.
**
**   SELECT * FROM pm_extract(readfile('report.txt'), 'cervicorn');
**
** Columns (docs/functions.md):
**   kind        'figure', 'cagr', 'dominant', 'fastest_growing', or
**               'percent' (a percentage that is neither a share in a share
**               table nor a stated rate: shown, never used)
**   dimension   'market' for market-wide figures, the share table's
**               dimension ('end_user' from "By End User"), 'region' or
**               'country' for a named geography; NULL when unknown
**   segment     the geography of a market-wide figure ('Global'), the
**               segment as printed; NULL when unknown (and for a
**               market-wide claim, as the claims table wants it)
**   year        the year of a figure
**   value       the amount as printed (1094.83), or a claim's rate as a
**               fraction (0.1137)
**   share       a share as a fraction (0.4496)
**   decimals    digits after the point of the amount as printed (of the
**               percentage for a rate); NULL for a share alone
**   unit        '<currency> <scale>': 'USD bn'; NULL when no currency
**   from_year, to_year   a rate's period
**   note        provenance worth keeping: an inferred period, a share
**               merged from a table
**   reason      NULL for a row ready to insert; otherwise why not: what
**               is missing, or the earlier row it repeats
**   offset, length, match   where the row was read: substr(text, offset,
**               length) = match (characters, from 1)
**   text, report  the arguments (hidden); report is NULL when not given
** Rows come in the order of their offset in the text.
**
** Requirements (tests/extract.test checks them by number):
**   1. Amounts: a currency (USD, US$, $, EUR, €, GBP, £, or a trailing
**      USD/dollars/euros), a number with optional thousands separators and
**      a scale (trillion/tn, billion/bn/B, million/mn/M, thousand/k).
**      Years: "in/by/for/of/during/through/until [the (end of|year)] YEAR"
**      after the amount, "(YEAR)", a sentence opening "In YEAR", or the
**      label of a "Market Size in 2025 | USD 616.26 Billion |" row.
**   2. Subjects: "The <geography> <market name> market ..." gives the
**      segment: global/worldwide is the market ('Global'), a region or a
**      country is dimension 'region' or 'country', a prefix before the
**      market's name is a segment whose dimension comes from a share table
**      naming it (else NULL, with a reason). A later "the <...> market"
**      in the sentence that names one takes over from there. A sentence
**      starting "It", "This" or "That" keeps the previous subject. Market-wide figures without a named
**      geography take the one the text names for the market.
**   3. Rates: "CAGR" or "compound annual growth rate" with a percentage
**      next to it; the period "YEAR to|-|–|through|and YEAR" in the same
**      sentence or table label; else the span of the figures in that
**      sentence, or in the one before it in the same paragraph, noted as
**      inferred; else NULL with a reason.
**   4. Shares: "label | 44.96% |" rows under a heading naming the
**      dimension and year ("Revenue Share, By End User, 2024 (%)"), or a
**      header row "End User | Revenue Share, 2024 (%) |". A share whose
**      segment and year also have a printed amount is merged into that
**      row (noted). "Dominant Region | North America |" and "Growing Region
**      | Asia-Pacific |" are claims.
**   5. Conservative: a number it cannot place keeps NULL where it could
**      not and says why in reason; a repeated figure or claim is returned
**      again with the offset of the first; other percentages are kind
**      'percent'. NULL text gives no rows; a number as text or report is
**      an error naming pm_extract() and the argument; a BLOB is read as
**      UTF-8 text (readfile() returns one).
**   6. Linear time: one pass of the tokeniser (extract_scan.c) with a
**      sentence of look-around, then one sort of the candidate rows.
**
** This file is the table: arguments, cursor, columns. The reading is in
** extract_read.c, the tokeniser in extract_scan.c.
*/
#include "extract_pass.h"
#include "sql/register.h"
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

typedef struct ex_cursor {
  sqlite3_vtab_cursor base;
  ex_result *result;      /* NULL: no rows */
  int eof;
  sqlite3_int64 rowid;
  sqlite3_value *args[2]; /* text, report: copies, for the hidden columns */
} ex_cursor;

/* text is required, report optional: idxNum bit 0 text, bit 1 report. */
static int ex_best_index(sqlite3_vtab *vtab, sqlite3_index_info *info) {
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
    if (unusable & 1) return SQLITE_CONSTRAINT;
    return tv_set_error(vtab, sqlite3_mprintf(NAME "(): needs the text to "
                                              "read: " NAME "(text [, report])"));
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
  int rc = ex_result_open(s, n, &c->result);
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

static const sqlite3_module extract_module = TV_FUNCTION_MODULE(ex);

int pmext_register_extract(sqlite3 *db) {
  static const char schema[] =
      "CREATE TABLE x(kind TEXT, dimension TEXT, segment TEXT, year INTEGER, "
      "value REAL, share REAL, decimals INTEGER, unit TEXT, "
      "from_year INTEGER, to_year INTEGER, note TEXT, reason TEXT, "
      "offset INTEGER, length INTEGER, match TEXT, "
      "text HIDDEN, report HIDDEN)";
  return sqlite3_create_module(db, NAME, &extract_module, (void *)schema);
}
