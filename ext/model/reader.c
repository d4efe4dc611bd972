/* SPDX-License-Identifier: MIT */
/*
** reader.c -- the reader of the model engine: the input tables of a
** connection (reports, figures, claims, optionally companies and fx; every
** column of the contract is in inputs.h) become a model_set, checked row by
** row.
**
** Every cell is read as SQLite gives it, so numbers typed as REAL and the
** text of a CSV import (`.import`, all TEXT) are read alike: a text that
** is a number in full is that number, an empty text is NULL (what a CSV
** gives for an empty field), anything else in a number column is an error;
** a share or a rate may also be a text ending in '%' ('40.79%'). A name
** with a NUL byte inside is an error (names are compared by all their
** bytes), and so is a CSV header line imported as a row of data.
** Every error names the module, the input table as given, the row (its
** rowid; the row's position for a view) and the column.
**
** Names: dimensions and segments are grouped by their keys (names.c), a
** report's dimensions and segments in order of first appearance, each
** shown as first printed; claims find theirs by key. Report names are
** compared by their bytes. Units are read by units.c.
**
** Precision: a size's tolerance comes from figures.decimals; a share's and
** a stated rate's from the digits they are given with (0.4496: half of
** 0.0001), as printed reports give them, never more than half a unit.
**
** Memory: everything the set holds lives in memory of the set (model.c).
** The reader computes nothing: rules.c computes the rows of what it read.
*/
#include "reader.h"

#include "inputs.h"
#include "names.h"
#include "units.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

SQLITE_EXTENSION_INIT3

/* --- reading one table -------------------------------------------------- */

/* The reading of one input table: its statement and where errors point. */
typedef struct reader {
  sqlite3 *db;
  const char *who;   /* module name */
  const char *table; /* the table as named */
  const char *const *columns;
  sqlite3_stmt *stmt;
  int has_rowid;
  sqlite3_int64 row; /* rowid, or position in a view */
  char **err;
  int oom;
  sqlite3_stmt *cast; /* SELECT CAST(?1 AS REAL), prepared when needed */
  const char *schema; /* the database to read it from, or 0: search order */
  model_digest *digest;   /* fed every row read, or 0 */
  sqlite3_int64 position; /* rows read so far */
} reader;

static int fail(reader *rd, const char *column, char *what) {
  if (!what) return SQLITE_NOMEM;
  *rd->err = column ? sqlite3_mprintf("%s: %s row %lld, column %s: %s",
                                      rd->who, rd->table, rd->row, column, what)
                    : sqlite3_mprintf("%s: %s row %lld: %s", rd->who,
                                      rd->table, rd->row, what);
  sqlite3_free(what);
  return *rd->err ? SQLITE_ERROR : SQLITE_NOMEM;
}

/* The table exists but SQLite cannot read it (the connection's message). */
static int cannot_read(reader *rd) {
  *rd->err = sqlite3_mprintf("%s: cannot read \"%s\": %s", rd->who,
                             rd->table, sqlite3_errmsg(rd->db));
  return *rd->err ? SQLITE_ERROR : SQLITE_NOMEM;
}

/* The table as the FROM clause names it: quoted as an identifier, so any
** text is only ever a table name, and qualified by its database when the
** model reads from one (docs/model.md, "Where a model reads its inputs"). */
static char *from_table(const reader *rd) {
  return rd->schema
             ? sqlite3_mprintf("\"%w\".\"%w\"", rd->schema, rd->table)
             : sqlite3_mprintf("\"%w\"", rd->table);
}

/* Does `SELECT <what> FROM table` prepare? */
static int prepares(reader *rd, const char *what, int *ok) {
  char *from = from_table(rd);
  char *sql = from ? sqlite3_mprintf("SELECT %s FROM %s LIMIT 0", what, from) : 0;
  sqlite3_free(from);
  if (!sql) return SQLITE_NOMEM;
  sqlite3_stmt *stmt = 0;
  int rc = sqlite3_prepare_v2(rd->db, sql, -1, &stmt, 0);
  sqlite3_free(sql);
  sqlite3_finalize(stmt);
  *ok = rc == SQLITE_OK;
  return rc == SQLITE_NOMEM || rc == SQLITE_INTERRUPT ? rc : SQLITE_OK;
}

/* Does the table have the column? (pragma_table_xinfo: a misspelt
** "column" in a SELECT would be read as a string.) */
static int has_column(reader *rd, const char *column, int *ok) {
  sqlite3_stmt *stmt = 0;
  int rc = sqlite3_prepare_v2(rd->db,
                              "SELECT 1 FROM pragma_table_xinfo(?1, ?3) "
                              "WHERE name = ?2 COLLATE NOCASE",
                              -1, &stmt, 0);
  if (rc == SQLITE_OK) {
    sqlite3_bind_text(stmt, 1, rd->table, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 3, rd->schema, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 2, column, -1, SQLITE_STATIC);
    rc = sqlite3_step(stmt);
    *ok = rc == SQLITE_ROW;
    rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
  }
  sqlite3_finalize(stmt);
  if (rc != SQLITE_OK && rc != SQLITE_NOMEM && rc != SQLITE_INTERRUPT) {
    rc = cannot_read(rd);
  }
  return rc;
}

/* Prepares SELECT columns [, rowid] FROM table; a missing table or
** column is an error naming it (and the database, other than main). */
static int reader_open(reader *rd, int n_columns) {
  int ok, rc = prepares(rd, "*", &ok);
  if (rc != SQLITE_OK) return rc;
  if (!ok) {
    int named = rd->schema && sqlite3_stricmp(rd->schema, "main") != 0;
    *rd->err = sqlite3_mprintf("%s: no input table \"%s\"%s%s%s", rd->who,
                               rd->table, named ? " in database \"" : "",
                               named ? rd->schema : "", named ? "\"" : "");
    return *rd->err ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  char *list = 0;
  /* Columns qualified by the alias x: a column that is missing is an
  ** error, never read as a string (SQLite's double-quoted strings). */
  for (int i = 0; i < n_columns; i++) {
    rc = has_column(rd, rd->columns[i], &ok);
    if (rc == SQLITE_OK && !ok) {
      *rd->err = sqlite3_mprintf("%s: input table \"%s\" has no column %s",
                                 rd->who, rd->table, rd->columns[i]);
      rc = *rd->err ? SQLITE_ERROR : SQLITE_NOMEM;
    }
    if (rc == SQLITE_OK) {
      list = sqlite3_mprintf("%z%sx.\"%w\"", list, i ? "," : "", rd->columns[i]);
      if (!list) rc = SQLITE_NOMEM;
    }
    if (rc != SQLITE_OK) {
      sqlite3_free(list);
      return rc;
    }
  }
  /* The rowid, unless a column is named rowid (then not the rowid). A
  ** view's rowid is NULL: its rows are numbered by position. */
  rc = has_column(rd, "rowid", &ok);
  if (rc == SQLITE_OK && !ok) rc = prepares(rd, "rowid", &rd->has_rowid);
  char *from = rc == SQLITE_OK ? from_table(rd) : 0;
  char *sql = !from ? 0
              : rd->has_rowid
                  ? sqlite3_mprintf("SELECT %s, x.rowid FROM %s AS x", list, from)
                  : sqlite3_mprintf("SELECT %s FROM %s AS x", list, from);
  sqlite3_free(from);
  sqlite3_free(list);
  if (rc != SQLITE_OK) return rc;
  if (!sql) return SQLITE_NOMEM;
  rc = sqlite3_prepare_v2(rd->db, sql, -1, &rd->stmt, 0);
  if (rc == SQLITE_OK) rc = model_digest_table(rd->digest, rd->table, sql);
  sqlite3_free(sql);
  if (rc != SQLITE_OK && rc != SQLITE_NOMEM && rc != SQLITE_INTERRUPT) {
    rc = cannot_read(rd);
  }
  return rc;
}

/* Steps to the next row: SQLITE_ROW, SQLITE_DONE or an error. */
static int reader_step(reader *rd, int n_columns) {
  int rc = sqlite3_step(rd->stmt);
  if (rc == SQLITE_ROW) {
    rd->position++;
    rd->row = rd->has_rowid && sqlite3_column_type(rd->stmt, n_columns) ==
                                   SQLITE_INTEGER
                  ? sqlite3_column_int64(rd->stmt, n_columns)
                  : rd->position;
    if (model_digest_row(rd->digest, rd->stmt) != SQLITE_OK) rc = SQLITE_NOMEM;
  } else if (rc != SQLITE_DONE && rc != SQLITE_NOMEM &&
             rc != SQLITE_INTERRUPT) {
    rc = cannot_read(rd);
  }
  return rc;
}

/* A text cell: *out 0 for NULL or an empty text. A NUL byte inside is an
** error: names are compared by all their bytes. */
static int cell_text(reader *rd, int col, const char **out) {
  *out = 0;
  if (sqlite3_column_type(rd->stmt, col) == SQLITE_NULL) return SQLITE_OK;
  const char *text = (const char *)sqlite3_column_text(rd->stmt, col);
  if (!text) {
    rd->oom = 1;
    return SQLITE_NOMEM;
  }
  size_t n = strlen(text);
  if (n != (size_t)sqlite3_column_bytes(rd->stmt, col)) {
    return fail(rd, rd->columns[col],
                sqlite3_mprintf("'%q' is followed by a NUL byte: a name "
                                "is compared by all its bytes; remove it",
                                text));
  }
  if (n) *out = text;
  return SQLITE_OK;
}

/* A text cell that must be given. */
static int cell_key(reader *rd, int col, const char **out) {
  int rc = cell_text(rd, col, out);
  if (rc != SQLITE_OK) return rc;
  if (!*out) return fail(rd, rd->columns[col], sqlite3_mprintf("NULL; give a name"));
  return SQLITE_OK;
}

/* A text cell copied into the set (0 for NULL). */
static int cell_copy(model_set *set, reader *rd, int col, const char **out) {
  const char *text;
  int oom = 0, rc = cell_text(rd, col, &text);
  if (rc != SQLITE_OK) return rc;
  *out = model_copy_text(set, text, &oom);
  return oom ? SQLITE_NOMEM : SQLITE_OK;
}

/* A row whose first two cells are the names of their columns is the
** header line of a CSV file imported into a table that existed (the
** sqlite3 shell's .import then reads it as data). */
static int header_row(reader *rd) {
  for (int col = 0; col < 2; col++) {
    if (sqlite3_column_type(rd->stmt, col) != SQLITE_TEXT) return SQLITE_OK;
    const char *text = (const char *)sqlite3_column_text(rd->stmt, col);
    if (!text) return SQLITE_NOMEM;
    if (sqlite3_stricmp(text, rd->columns[col]) != 0) return SQLITE_OK;
  }
  return fail(rd, 0, sqlite3_mprintf(
                         "the header line of a CSV file, imported as data "
                         "('%s', '%s'): delete the row, or import with "
                         ".import --csv --skip 1",
                         rd->columns[0], rd->columns[1]));
}

/* Half the last digit of a number written as `text` (0.4496 -> 0.00005),
** for a number scaled by 10^-shift; never more than `most`. The count
** of digits and the exponent are bounded, so any text gives a finite
** half (a digit beyond 10^-400 is exact: 0). */
static double half_digit(const char *text, int shift, double most) {
  long decimals = shift;
  const char *dot = strchr(text, '.');
  if (dot) {
    for (const char *p = dot + 1; *p >= '0' && *p <= '9'; p++) {
      if (decimals < 1000) decimals++;
    }
  }
  const char *e = strpbrk(text, "eE");
  if (e) {
    const char *p = e + 1;
    int negative = *p == '-';
    if (*p == '+' || *p == '-') p++;
    long exponent = 0;
    for (; *p >= '0' && *p <= '9'; p++) {
      if (exponent < 100000) exponent = 10 * exponent + (*p - '0');
    }
    decimals += negative ? exponent : -exponent;
  }
  if (decimals > 400) return 0;
  if (decimals < -400) return most;
  double half = 0.5 * pow(10, -(double)decimals);
  return half < most ? half : most;
}

/* Text that SQLite's numeric affinity reads as a number in full: optional
** blanks, a sign, digits with at most one decimal point (at least one
** digit), an optional exponent, optional blanks. No hexadecimal, no
** "inf" or "nan". (sqlite3_value_numeric_type() is not used here: it
** converts the value in place, and on a copy it needs a connection.) */
static int is_decimal_text(const char *p) {
  int digits = 0;
  while (*p == ' ' || (*p >= '\t' && *p <= '\r')) p++;
  if (*p == '+' || *p == '-') p++;
  for (; *p >= '0' && *p <= '9'; p++) digits++;
  if (*p == '.') {
    for (p++; *p >= '0' && *p <= '9'; p++) digits++;
  }
  if (!digits) return 0;
  if (*p == 'e' || *p == 'E') {
    p++;
    if (*p == '+' || *p == '-') p++;
    if (!(*p >= '0' && *p <= '9')) return 0;
    while (*p >= '0' && *p <= '9') p++;
  }
  while (*p == ' ' || (*p >= '\t' && *p <= '\r')) p++;
  return *p == 0;
}

/* The largest half digit of a share or a rate: that of a whole number
** (a share of 0 given as the integer 0 is 0 +- 0.5). */
#define FRACTION_HALF_MOST 0.5

/* A number cell: *has = 0 for NULL (or empty text), else *out and, when
** half is given, half its last digit (at most FRACTION_HALF_MOST). Text
** that is not a number in full, a BLOB, or a value that is not finite is
** an error. */
static int cell_number(reader *rd, int col, int *has, double *out,
                       double *half) {
  sqlite3_value *v = sqlite3_column_value(rd->stmt, col);
  int type = sqlite3_value_type(v);
  *has = 0;
  if (type == SQLITE_NULL) return SQLITE_OK;
  if (type == SQLITE_BLOB) {
    return fail(rd, rd->columns[col], sqlite3_mprintf("a BLOB is not a number"));
  }
  if (type == SQLITE_TEXT) {
    const char *text = (const char *)sqlite3_column_text(rd->stmt, col);
    if (!text) return SQLITE_NOMEM;
    if (!*text) return SQLITE_OK;
    if (!is_decimal_text(text)) {
      return fail(rd, rd->columns[col],
                  sqlite3_mprintf("'%q' is not a number", text));
    }
    if (half) *half = half_digit(text, 0, FRACTION_HALF_MOST);
    /* SQLite's own conversion: the same digits as CAST(text AS REAL),
    ** whatever the process's locale. */
    *out = sqlite3_column_double(rd->stmt, col);
  } else {
    *out = sqlite3_value_double(v);
    if (half) {
      char buf[40];
      sqlite3_snprintf(sizeof buf, buf, "%!.15g", *out);
      *half = type == SQLITE_INTEGER ? FRACTION_HALF_MOST
                                     : half_digit(buf, 0, FRACTION_HALF_MOST);
    }
  }
  if (!isfinite(*out)) {
    return fail(rd, rd->columns[col], sqlite3_mprintf("%g is not finite", *out));
  }
  *has = 1;
  return SQLITE_OK;
}

/* An integer cell (a year, a count of decimals): NULL gives *has = 0. */
static int cell_int(reader *rd, int col, int lo, int hi, const char *what,
                    int *has, int *out) {
  double x;
  int rc = cell_number(rd, col, has, &x, 0);
  if (rc != SQLITE_OK || !*has) return rc;
  if (x != floor(x) || x < lo || x > hi) {
    return fail(rd, rd->columns[col],
                sqlite3_mprintf("%.15g is not %s (an integer %d..%d)", x, what,
                                lo, hi));
  }
  *out = (int)x;
  return SQLITE_OK;
}

/* The digits of a percent text ('40.79 %' -> '40.79'), or 0: a text of
** decimal digits (no exponent) ending in '%'. sqlite3_malloc'ed. */
static char *percent_digits(const char *text, int *oom) {
  size_t n = strlen(text);
  while (n && (text[n - 1] == ' ' || text[n - 1] == '\t')) n--;
  if (!n || text[n - 1] != '%') return 0;
  n--;
  while (n && (text[n - 1] == ' ' || text[n - 1] == '\t')) n--;
  char *digits = sqlite3_mprintf("%.*s", (int)n, text);
  if (!digits) {
    *oom = 1;
    return 0;
  }
  if (!is_decimal_text(digits) || strpbrk(digits, "eE")) {
    sqlite3_free(digits);
    return 0;
  }
  return digits;
}

/* SQLite's conversion of `text` (a decimal) to a double, through the
** reader's CAST statement. */
static int cast_real(reader *rd, const char *text, double *out) {
  int rc = SQLITE_OK;
  if (!rd->cast) {
    rc = sqlite3_prepare_v2(rd->db, "SELECT CAST(?1 AS REAL)", -1, &rd->cast, 0);
    if (rc != SQLITE_OK) return rc == SQLITE_NOMEM ? rc : cannot_read(rd);
  }
  rc = sqlite3_bind_text(rd->cast, 1, text, -1, SQLITE_STATIC);
  if (rc == SQLITE_OK && (rc = sqlite3_step(rd->cast)) == SQLITE_ROW) {
    *out = sqlite3_column_double(rd->cast, 0);
    rc = SQLITE_OK;
  }
  sqlite3_reset(rd->cast);
  sqlite3_clear_bindings(rd->cast);
  return rc == SQLITE_OK || rc == SQLITE_NOMEM ? rc : cannot_read(rd);
}

/* A share or a rate: a fraction (0.4079), or a text ending in '%'
** (40.79 %: the same number, its last digit two places further). Range:
** a fraction lo..hi, a percent lo..pct_hi (as fractions). A fraction above
** hi that is a percent up to 100 is an error that says so. */
static int cell_fraction(reader *rd, int col, double lo, double hi,
                         double pct_hi, int *has, double *out, double *half) {
  *has = 0;
  if (sqlite3_column_type(rd->stmt, col) == SQLITE_TEXT) {
    const char *text = (const char *)sqlite3_column_text(rd->stmt, col);
    if (!text) return SQLITE_NOMEM;
    int oom = 0;
    char *digits = percent_digits(text, &oom);
    if (oom) return SQLITE_NOMEM;
    if (digits) {
      /* 40.79e-2 is the double nearest 0.4079, as if it were typed. */
      char *scaled = sqlite3_mprintf("%se-2", digits);
      int rc = scaled ? cast_real(rd, scaled, out) : SQLITE_NOMEM;
      if (rc == SQLITE_OK) *half = half_digit(digits, 2, FRACTION_HALF_MOST);
      sqlite3_free(scaled);
      sqlite3_free(digits);
      if (rc != SQLITE_OK) return rc;
      if (*out < lo || *out > pct_hi) {
        return fail(rd, rd->columns[col],
                    sqlite3_mprintf("'%q' is outside %.15g %%..%.15g %%", text,
                                    lo * 100, pct_hi * 100));
      }
      *has = 1;
      return SQLITE_OK;
    }
  }
  int rc = cell_number(rd, col, has, out, half);
  if (rc != SQLITE_OK || !*has || (*out >= lo && *out <= hi)) return rc;
  double x = *out;
  if (x > hi && x <= pct_hi) {
    return fail(rd, rd->columns[col],
                sqlite3_mprintf("%.15g is above %.15g (%.15g %%): give %.15g "
                                "for %.15g %%, or '%.15g%%' for %.15g %%",
                                x, hi, x * 100, x / 100, x, x * 100, x * 100));
  }
  if (x > hi && x <= 100) {
    return fail(rd, rd->columns[col],
                sqlite3_mprintf("%.15g is a percent; give %.15g", x, x / 100));
  }
  return fail(rd, rd->columns[col],
              sqlite3_mprintf("%.15g is outside %.15g..%.15g", x, lo, hi));
}

/* --- the reports -------------------------------------------------------- */

static const char *const report_columns[] = {MODEL_INPUT_REPORTS(MODEL_INPUT_NAME)};
enum { MODEL_INPUT_REPORTS(MODEL_INPUT_INDEX) N_REPORT_COLUMNS };

/* 'US$ bn' -> unit 'USD bn', 'USD billion', currency 'USD', factor 1. */
static int parse_unit(model_set *set, model_report *r, reader *rd,
                      const char *typed) {
  model_unit unit;
  const char *why = model_unit_parse(typed, &unit);
  if (why) {
    return fail(rd, "unit", sqlite3_mprintf("'%q' %s; %s", typed, why,
                                            model_unit_forms));
  }
  const char *sep = *unit.scale ? " " : "";
  char *unit_text = sqlite3_mprintf("%s%s%s", unit.currency, sep, unit.scale);
  char *long_text =
      sqlite3_mprintf("%s%s%s", unit.currency, sep, unit.scale_name);
  int oom = !unit_text || !long_text;
  r->unit = model_copy_text(set, unit_text, &oom);
  r->unit_long = model_copy_text(set, long_text, &oom);
  sqlite3_free(unit_text);
  sqlite3_free(long_text);
  memcpy(r->currency, unit.currency, sizeof r->currency);
  r->to_bn = unit.to_bn;
  return oom ? SQLITE_NOMEM : SQLITE_OK;
}

static int read_report(model_set *set, reader *rd, model_report *r) {
  const char *key, *market, *unit;
  int rc;
  if ((rc = header_row(rd)) != SQLITE_OK) return rc;
  if ((rc = cell_key(rd, IN_REPORTS_report, &key)) != SQLITE_OK) return rc;
  if (model_find_report(set, key, strlen(key)) >= 0) {
    return fail(rd, "report", sqlite3_mprintf("'%q' is given twice", key));
  }
  int oom = 0;
  r->report = model_copy_text(set, key, &oom);
  if ((rc = cell_key(rd, IN_REPORTS_market, &market)) != SQLITE_OK) return rc;
  r->market = model_copy_text(set, market, &oom);
  r->market_key = r->market ? model_name_key(set, r->market) : 0;
  if (oom || !r->market_key) return SQLITE_NOMEM;
  if ((rc = cell_copy(set, rd, IN_REPORTS_publisher, &r->publisher)) != SQLITE_OK ||
      (rc = cell_copy(set, rd, IN_REPORTS_published, &r->published)) != SQLITE_OK ||
      (rc = cell_copy(set, rd, IN_REPORTS_url, &r->url)) != SQLITE_OK ||
      (rc = cell_key(rd, IN_REPORTS_unit, &unit)) != SQLITE_OK) {
    return rc;
  }
  if ((rc = parse_unit(set, r, rd, unit)) != SQLITE_OK) return rc;
  r->whole = r->stated = -1;
  r->input_row = rd->row;
  r->first_year = r->last_year = 0;
  return SQLITE_OK;
}

static int read_reports(model_set *set, reader *rd) {
  int capacity = 0, rc;
  rd->columns = report_columns;
  if ((rc = reader_open(rd, N_REPORT_COLUMNS)) != SQLITE_OK) return rc;
  while ((rc = reader_step(rd, N_REPORT_COLUMNS)) == SQLITE_ROW) {
    if (set->n_reports == capacity) {
      capacity = capacity ? 2 * capacity : 8;
      model_report *grown = model_alloc(set, (size_t)capacity * sizeof *grown);
      if (!grown) return SQLITE_NOMEM;
      if (set->n_reports) memcpy(grown, set->reports, (size_t)set->n_reports * sizeof *grown);
      set->reports = grown;
    }
    model_report *r = &set->reports[set->n_reports];
    if ((rc = read_report(set, rd, r)) != SQLITE_OK) return rc;
    set->n_reports++;
    if ((rc = model_index_report(set, capacity)) != SQLITE_OK) return rc;
  }
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* --- names by key ----------------------------------------------------------
** The key hash (kslot_*) finds a report's dimension by its key, and a
** segment by the keys of its dimension and its name. While the figures
** are grouped its items are numbered across reports (their first row in
** `first`); afterwards they are indices within the report. */

static unsigned key_hash(int report, const char *dim_key, const char *key) {
  return model_pair_hash(report, dim_key, strlen(dim_key), key,
                         key ? strlen(key) : 0);
}

/* The slot of (report, dim_key[, key]) once grouped: the item's or the
** empty one. */
static unsigned key_slot(const model_set *set, int report, const char *dim_key,
                         const char *key) {
  unsigned mask = (unsigned)set->n_kslots - 1;
  const model_report *r = &set->reports[report];
  for (unsigned h = key_hash(report, dim_key, key) & mask;; h = (h + 1) & mask) {
    if (set->kslot_report[h] == 0) return h;
    if (set->kslot_report[h] - 1 != report) continue;
    int item = set->kslot_item[h];
    if (item > 0 && !key && strcmp(r->dimensions[item - 1].key, dim_key) == 0) {
      return h;
    }
    if (item < 0 && key) {
      const model_segment *s = &r->segments[-item - 1];
      if (strcmp(s->key, key) == 0 &&
          strcmp(r->dimensions[s->dim].key, dim_key) == 0) {
        return h;
      }
    }
  }
}

/* Index of the dimension (key 0) or the segment of report, or -1. */
static int find_by_key(const model_set *set, int report, const char *dim_key,
                       const char *key) {
  if (set->n_kslots == 0) return -1;
  unsigned h = key_slot(set, report, dim_key, key);
  int item = set->kslot_item[h];
  return item == 0 ? -1 : item > 0 ? item - 1 : -item - 1;
}

/* --- the figures -------------------------------------------------------- */

static const char *const figure_columns[] = {MODEL_INPUT_FIGURES(MODEL_INPUT_NAME)};
enum { MODEL_INPUT_FIGURES(MODEL_INPUT_INDEX) N_FIGURE_COLUMNS };

/* One row of figures, read. */
typedef struct figure_row {
  sqlite3_int64 row;
  int report, segment, dim; /* indices in the report, set when grouped */
  int has_year, year;
  int has_value, has_share;
  double value, value_half, share, share_half;
  const char *dimension, *name, *note, *dim_key, *key;
} figure_row;

static int read_figure(model_set *set, reader *rd, figure_row *f) {
  const char *report;
  int rc, has_decimals, decimals = 0;
  memset(f, 0, sizeof *f);
  f->row = rd->row;
  if ((rc = header_row(rd)) != SQLITE_OK) return rc;
  if ((rc = cell_key(rd, IN_FIGURES_report, &report)) != SQLITE_OK) return rc;
  f->report = model_find_report(set, report, strlen(report));
  if (f->report < 0) {
    return fail(rd, "report", sqlite3_mprintf("'%q' is not in %s", report,
                                              "the reports table"));
  }
  const char *dimension, *name;
  if ((rc = cell_key(rd, IN_FIGURES_dimension, &dimension)) != SQLITE_OK) return rc;
  if ((rc = cell_key(rd, IN_FIGURES_segment, &name)) != SQLITE_OK) return rc;
  int oom = 0;
  f->dimension = model_copy_text(set, dimension, &oom);
  f->name = model_copy_text(set, name, &oom);
  if (oom) return SQLITE_NOMEM;
  f->dim_key = model_name_key(set, dimension);
  f->key = model_name_key(set, name);
  if (!f->dim_key || !f->key) return SQLITE_NOMEM;
  if ((rc = cell_copy(set, rd, IN_FIGURES_note, &f->note)) != SQLITE_OK) return rc;
  if ((rc = cell_int(rd, IN_FIGURES_year, 1, 9999, "a year", &f->has_year, &f->year)) ||
      (rc = cell_number(rd, IN_FIGURES_value, &f->has_value, &f->value, 0)) ||
      (rc = cell_fraction(rd, IN_FIGURES_share, 0, 1, 1, &f->has_share, &f->share,
                          &f->share_half)) ||
      (rc = cell_int(rd, IN_FIGURES_decimals, 0, 15, "a number of decimals", &has_decimals,
                     &decimals))) {
    return rc;
  }
  if (f->has_value && f->value < 0) {
    return fail(rd, "value", sqlite3_mprintf("%.15g is negative; a size is 0 "
                                             "or more", f->value));
  }
  if ((f->has_value || f->has_share) && !f->has_year) {
    return fail(rd, "year", sqlite3_mprintf("NULL for a row with a figure"));
  }
  f->value_half = has_decimals ? 0.5 * pow(10, -decimals) : 0;
  return SQLITE_OK;
}

static int by_segment_year(const void *a, const void *b) {
  const figure_row *x = a, *y = b;
  if (x->report != y->report) return x->report < y->report ? -1 : 1;
  if (x->segment != y->segment) return x->segment < y->segment ? -1 : 1;
  if (x->year != y->year) return x->year < y->year ? -1 : 1;
  return x->row < y->row ? -1 : x->row > y->row;
}

/* Gives each figure row its dimension and segment by key, numbered in
** order of first appearance per report; `first` receives the first row
** of each item (dimensions and segments numbered together). */
static void group_rows(model_set *set, figure_row *rows, int n, int *first,
                       int *n_dims, int *n_segs) {
  unsigned mask = (unsigned)set->n_kslots - 1;
  int n_items = 0;
  for (int i = 0; i < n; i++) {
    figure_row *f = &rows[i];
    for (int pass = 0; pass < 2; pass++) {
      const char *key = pass ? f->key : 0;
      for (unsigned h = key_hash(f->report, f->dim_key, key) & mask;;
           h = (h + 1) & mask) {
        int item = set->kslot_item[h];
        if (item == 0) {
          set->kslot_report[h] = f->report + 1;
          set->kslot_item[h] = pass ? -(n_items + 1) : n_items + 1;
          first[n_items++] = i;
          if (pass) f->segment = n_segs[f->report]++;
          else f->dim = n_dims[f->report]++;
          break;
        }
        if (set->kslot_report[h] - 1 != f->report || (item < 0) != pass) {
          continue;
        }
        const figure_row *e = &rows[first[(item < 0 ? -item : item) - 1]];
        if (strcmp(e->dim_key, f->dim_key) == 0 &&
            (!pass || strcmp(e->key, f->key) == 0)) {
          if (pass) f->segment = e->segment;
          else f->dim = e->dim;
          break;
        }
      }
    }
  }
  for (int h = 0; h < set->n_kslots; h++) {
    int item = set->kslot_item[h];
    if (item > 0) set->kslot_item[h] = rows[first[item - 1]].dim + 1;
    if (item < 0) set->kslot_item[h] = -(rows[first[-item - 1]].segment + 1);
  }
}

/* Gives each figure row its segment (new segments in order of first
** appearance, per report), and each report its dimensions and segments:
** names with the same key are one, shown as first printed. */
static int group_segments(model_set *set, figure_row *rows, int n) {
  set->n_kslots = model_slots_for(2 * n);
  set->kslot_report = model_alloc(set, (size_t)set->n_kslots * sizeof(int));
  set->kslot_item = model_alloc(set, (size_t)set->n_kslots * sizeof(int));
  size_t nr = (size_t)set->n_reports + 1;
  int *n_dims = sqlite3_malloc64(2 * nr * sizeof *n_dims);
  int *first = sqlite3_malloc64((2 * (size_t)n + 1) * sizeof *first);
  if (!set->kslot_report || !set->kslot_item || !n_dims || !first) {
    sqlite3_free(n_dims);
    sqlite3_free(first);
    return SQLITE_NOMEM;
  }
  int *n_segs = n_dims + nr;
  memset(n_dims, 0, 2 * nr * sizeof *n_dims);
  group_rows(set, rows, n, first, n_dims, n_segs);
  sqlite3_free(first);
  int rc = SQLITE_OK, total = 0;
  for (int r = 0; r < set->n_reports && rc == SQLITE_OK; r++) {
    model_report *rep = &set->reports[r];
    rep->n_segments = n_segs[r];
    rep->n_dimensions = n_dims[r];
    total += n_segs[r];
    rep->segments = model_alloc(set, (size_t)(n_segs[r] + 1) * sizeof *rep->segments);
    rep->dimensions = model_alloc(set, (size_t)(n_dims[r] + 1) * sizeof *rep->dimensions);
    if (!rep->segments || !rep->dimensions) rc = SQLITE_NOMEM;
  }
  sqlite3_free(n_dims);
  for (int i = 0; i < n && rc == SQLITE_OK; i++) {
    const figure_row *f = &rows[i];
    model_report *rep = &set->reports[f->report];
    model_dimension *d = &rep->dimensions[f->dim];
    model_segment *s = &rep->segments[f->segment];
    if (!d->name) {
      d->name = f->dimension;
      d->key = f->dim_key;
    }
    if (!s->segment) {
      s->segment = f->name;
      s->key = f->key;
      s->dim = f->dim;
      s->dimension = d->name;
      d->n_segments++;
    }
  }
  for (int r = 0; r < set->n_reports && rc == SQLITE_OK; r++) {
    model_report *rep = &set->reports[r];
    for (int k = 0; k < rep->n_dimensions && rc == SQLITE_OK; k++) {
      model_dimension *d = &rep->dimensions[k];
      d->segments = model_alloc(set, (size_t)(d->n_segments + 1) * sizeof(int));
      if (!d->segments) rc = SQLITE_NOMEM;
      d->n_segments = 0;
    }
    for (int k = 0; k < rep->n_segments && rc == SQLITE_OK; k++) {
      model_dimension *d = &rep->dimensions[rep->segments[k].dim];
      d->segments[d->n_segments++] = k;
      if (rep->whole < 0 && strcmp(d->key, "market") == 0) rep->whole = k;
    }
  }
  return rc == SQLITE_OK ? model_index_segments(set, total) : rc;
}

/* Sorts each segment's figures by year into its values and shares; a
** second row for the same (report, dimension, segment, year) is an error. */
static int place_figures(model_set *set, reader *rd, figure_row *rows, int n) {
  if (n > 1) qsort(rows, (size_t)n, sizeof *rows, by_segment_year);
  for (int i = 0; i < n; i++) {
    figure_row *f = &rows[i];
    model_report *r = &set->reports[f->report];
    model_segment *s = &r->segments[f->segment];
    if (i > 0 && f->has_year && rows[i - 1].has_year &&
        rows[i - 1].report == f->report &&
        rows[i - 1].segment == f->segment && rows[i - 1].year == f->year) {
      rd->row = f->row > rows[i - 1].row ? f->row : rows[i - 1].row;
      return fail(rd, 0, sqlite3_mprintf(
                             "duplicate of row %lld: same report, dimension, "
                             "segment and year ('%q', '%q', '%q', %d)",
                             f->row > rows[i - 1].row ? rows[i - 1].row : f->row,
                             r->report, s->dimension, s->segment, f->year));
    }
    if (f->has_value) s->n_values++;
    if (f->has_share) s->n_shares++;
    if (f->has_value || f->has_share) {
      if (r->first_year == 0 || f->year < r->first_year) r->first_year = f->year;
      if (f->year > r->last_year) r->last_year = f->year;
    }
  }
  for (int r = 0; r < set->n_reports; r++) {
    model_report *rep = &set->reports[r];
    if (rep->first_year == 0) rep->last_year = -1; /* no figures: no year */
    for (int k = 0; k < rep->n_segments; k++) {
      model_segment *s = &rep->segments[k];
      s->values = model_alloc(set, (size_t)(s->n_values + 1) * sizeof *s->values);
      s->shares = model_alloc(set, (size_t)(s->n_shares + 1) * sizeof *s->shares);
      if (!s->values || !s->shares) return SQLITE_NOMEM;
      s->n_values = s->n_shares = 0;
    }
  }
  for (int i = 0; i < n; i++) {
    const figure_row *f = &rows[i];
    model_segment *s = &set->reports[f->report].segments[f->segment];
    if (f->has_value) {
      if (!s->value_note) s->value_note = f->note;
      s->values[s->n_values++] = (model_figure){f->year, f->value, f->value_half};
    }
    if (f->has_share) {
      s->shares[s->n_shares++] = (model_figure){f->year, f->share, f->share_half};
    }
  }
  return SQLITE_OK;
}

/* Room for one more element in *array (n used of *capacity): 0 when
** memory runs out. */
static int room_for_one(void *array, int n, int *capacity, size_t size) {
  if (n < *capacity) return 1;
  int grown_capacity = *capacity ? 2 * *capacity : 16;
  void *grown = sqlite3_realloc64(*(void **)array, (size_t)grown_capacity * size);
  if (!grown) return 0;
  *(void **)array = grown;
  *capacity = grown_capacity;
  return 1;
}

/* Reads every row of the table (its n_columns columns, rd->columns) into
** a new array of rows of `size` bytes (*rows, caller frees; *n of them),
** each by read_row(); SQLITE_DONE when all were read. */
static int read_all(model_set *set, reader *rd, int n_columns, size_t size,
                    int (*read_row)(model_set *, reader *, void *),
                    void *rows, int *n) {
  int capacity = 0, rc = reader_open(rd, n_columns);
  if (rc != SQLITE_OK) return rc;
  while ((rc = reader_step(rd, n_columns)) == SQLITE_ROW) {
    if (!room_for_one(rows, *n, &capacity, size)) return SQLITE_NOMEM;
    void *row = (char *)*(void **)rows + (size_t)*n * size;
    if ((rc = read_row(set, rd, row)) != SQLITE_OK) return rc;
    ++*n;
  }
  return rc;
}

static int read_figure_row(model_set *set, reader *rd, void *row) {
  return read_figure(set, rd, row);
}

static int read_figures(model_set *set, reader *rd) {
  figure_row *rows = 0;
  int n = 0;
  rd->columns = figure_columns;
  int rc = read_all(set, rd, N_FIGURE_COLUMNS, sizeof *rows, read_figure_row, &rows, &n);
  if (rc == SQLITE_DONE) rc = group_segments(set, rows, n);
  if (rc == SQLITE_OK) rc = place_figures(set, rd, rows, n);
  sqlite3_free(rows);
  return rc;
}

/* --- the claims --------------------------------------------------------- */

static const char *const claim_columns[] = {MODEL_INPUT_CLAIMS(MODEL_INPUT_NAME)};
enum { MODEL_INPUT_CLAIMS(MODEL_INPUT_INDEX) N_CLAIM_COLUMNS };

/* The kinds of claim, by key ('fastest_growing', 'Fastest growing'). */
static const char *const kind_keys[] = {"cagr", "dominant", "fastest growing",
                                        "complete"};

/* The dimension and the segment a claim names, by key (-1: none); a CAGR
** without a segment is about the whole market. */
static int resolve_claim(model_set *set, int report, model_claim *c) {
  const model_report *r = &set->reports[report];
  c->seg = c->dim = -1;
  if (c->kind == CLAIM_CAGR && !c->segment) {
    c->seg = r->whole;
    c->dim = r->whole >= 0 ? r->segments[r->whole].dim : -1;
    return SQLITE_OK;
  }
  const char *dim_key = model_name_key(set, c->dimension);
  const char *key = c->segment ? model_name_key(set, c->segment) : 0;
  if (!dim_key || (c->segment && !key)) return SQLITE_NOMEM;
  c->dim = find_by_key(set, report, dim_key, 0);
  if (key) c->seg = find_by_key(set, report, dim_key, key);
  return SQLITE_OK;
}

/* The period of a CAGR: both years, or neither (a claim that states no
** period; the audit says it cannot be checked). */
static int read_period(reader *rd, model_claim *c) {
  int rc, has_from, has_to;
  if ((rc = cell_int(rd, IN_CLAIMS_from_year, 1, 9999, "a year", &has_from, &c->from_year)) ||
      (rc = cell_int(rd, IN_CLAIMS_to_year, 1, 9999, "a year", &has_to, &c->to_year))) {
    return rc;
  }
  c->has_period = has_from && has_to;
  if (!c->has_period) {
    c->from_year = c->to_year = 0;
    return SQLITE_OK;
  }
  if (c->from_year >= c->to_year) {
    return fail(rd, "to_year", sqlite3_mprintf("%d is not after from_year %d",
                                               c->to_year, c->from_year));
  }
  return SQLITE_OK;
}

static int read_claim(model_set *set, reader *rd, model_claim *c, int *report) {
  const char *name, *kind;
  int rc;
  memset(c, 0, sizeof *c);
  if ((rc = header_row(rd)) != SQLITE_OK) return rc;
  if ((rc = cell_key(rd, IN_CLAIMS_report, &name)) != SQLITE_OK) return rc;
  *report = model_find_report(set, name, strlen(name));
  if (*report < 0) {
    return fail(rd, "report", sqlite3_mprintf("'%q' is not in %s", name,
                                              "the reports table"));
  }
  if ((rc = cell_key(rd, IN_CLAIMS_kind, &kind)) != SQLITE_OK) return rc;
  const char *kind_key = model_name_key(set, kind);
  if (!kind_key) return SQLITE_NOMEM;
  int k = 0;
  while (k < 4 && strcmp(kind_key, kind_keys[k]) != 0) k++;
  if (k == 4) {
    return fail(rd, "kind", sqlite3_mprintf("'%q' is not a kind of claim; "
                                            "give 'cagr', 'dominant', "
                                            "'fastest_growing' or 'complete'",
                                            kind));
  }
  c->kind = (model_claim_kind)k;
  if ((rc = cell_copy(set, rd, IN_CLAIMS_dimension, &c->dimension)) ||
      (rc = cell_copy(set, rd, IN_CLAIMS_segment, &c->segment)) ||
      (rc = cell_copy(set, rd, IN_CLAIMS_note, &c->note))) {
    return rc;
  }
  if (c->kind != CLAIM_CAGR) {
    if (!c->dimension) return fail(rd, "dimension", sqlite3_mprintf("NULL; a %s claim names a dimension", kind));
    if (c->kind == CLAIM_COMPLETE) c->segment = 0;
    else if (!c->segment) return fail(rd, "segment", sqlite3_mprintf("NULL; a %s claim names a segment", kind));
    return resolve_claim(set, *report, c);
  }
  int has;
  /* A rate: -99 % to 100 % a year as a fraction, to 1000 % with '%'. */
  if ((rc = cell_fraction(rd, IN_CLAIMS_value, -0.99, 1, 10, &has, &c->value, &c->half))) return rc;
  if (!has) return fail(rd, "value", sqlite3_mprintf("NULL; a cagr claim gives its rate"));
  if (c->segment && !c->dimension) {
    return fail(rd, "dimension", sqlite3_mprintf("NULL; a claim on a segment names its dimension"));
  }
  if ((rc = read_period(rd, c)) != SQLITE_OK) return rc;
  return resolve_claim(set, *report, c);
}

/* Reads the claims twice over one list: counted per report, then placed. */
typedef struct claim_row {
  int report;
  model_claim claim;
} claim_row;

static int read_claim_row(model_set *set, reader *rd, void *row) {
  claim_row *c = row;
  int rc = read_claim(set, rd, &c->claim, &c->report);
  if (rc == SQLITE_OK) set->reports[c->report].n_claims++;
  return rc;
}

/* Is claim c a CAGR with a period on the whole market? */
static int whole_market_cagr(const model_report *r, const model_claim *c) {
  return c->kind == CLAIM_CAGR && c->has_period &&
         (!c->segment || (c->seg >= 0 && c->seg == r->whole));
}

/* Each segment's CAGR claims with a period, as indices. */
static int list_segment_claims(model_set *set, model_report *rep) {
  for (int i = 0; i < rep->n_claims; i++) {
    const model_claim *c = &rep->claims[i];
    if (c->kind == CLAIM_CAGR && c->has_period && c->seg >= 0) {
      rep->segments[c->seg].n_cagr++;
    }
  }
  for (int k = 0; k < rep->n_segments; k++) {
    model_segment *s = &rep->segments[k];
    if (s->n_cagr == 0) continue;
    s->cagr = model_alloc(set, (size_t)s->n_cagr * sizeof *s->cagr);
    if (!s->cagr) return SQLITE_NOMEM;
    s->n_cagr = 0;
  }
  for (int i = 0; i < rep->n_claims; i++) {
    const model_claim *c = &rep->claims[i];
    if (c->kind == CLAIM_CAGR && c->has_period && c->seg >= 0) {
      model_segment *s = &rep->segments[c->seg];
      s->cagr[s->n_cagr++] = i;
    }
    if (c->kind == CLAIM_COMPLETE && c->dim >= 0) {
      rep->dimensions[c->dim].complete = 1;
    }
  }
  return SQLITE_OK;
}

static int read_claims(model_set *set, reader *rd) {
  claim_row *rows = 0;
  int n = 0;
  rd->columns = claim_columns;
  int rc = read_all(set, rd, N_CLAIM_COLUMNS, sizeof *rows, read_claim_row, &rows, &n);
  if (rc == SQLITE_DONE) rc = SQLITE_OK;
  for (int r = 0; r < set->n_reports && rc == SQLITE_OK; r++) {
    model_report *rep = &set->reports[r];
    rep->claims = model_alloc(set, (size_t)(rep->n_claims + 1) * sizeof *rep->claims);
    if (!rep->claims) rc = SQLITE_NOMEM;
    rep->n_claims = 0;
  }
  for (int i = 0; i < n && rc == SQLITE_OK; i++) {
    model_report *rep = &set->reports[rows[i].report];
    const model_claim *c = &rows[i].claim;
    if (whole_market_cagr(rep, c) && rep->stated < 0) rep->stated = rep->n_claims;
    if (c->kind == CLAIM_CAGR && c->has_period && c->to_year > rep->last_year &&
        rep->first_year) {
      rep->last_year = c->to_year;
    }
    rep->claims[rep->n_claims++] = *c;
  }
  sqlite3_free(rows);
  for (int r = 0; r < set->n_reports && rc == SQLITE_OK; r++) {
    rc = list_segment_claims(set, &set->reports[r]);
  }
  return rc;
}

/* --- the companies (optional) --------------------------------------------- */

static const char *const company_columns[] = {MODEL_INPUT_COMPANIES(MODEL_INPUT_NAME)};
enum { MODEL_INPUT_COMPANIES(MODEL_INPUT_INDEX) N_COMPANY_COLUMNS };

static int read_companies(model_set *set, reader *rd) {
  int rc;
  rd->columns = company_columns;
  if ((rc = reader_open(rd, N_COMPANY_COLUMNS)) != SQLITE_OK) return rc;
  /* Two passes over the statement: count, then place. */
  for (int pass = 0; pass < 2 && rc == SQLITE_OK; pass++) {
    if (pass == 1) {
      for (int r = 0; r < set->n_reports; r++) {
        model_report *rep = &set->reports[r];
        rep->companies = model_alloc(set, (size_t)(rep->n_companies + 1) * sizeof *rep->companies);
        if (!rep->companies) return SQLITE_NOMEM;
        rep->n_companies = 0;
      }
      sqlite3_reset(rd->stmt);
      rd->row = rd->position = 0;
      rd->digest = 0; /* the same rows again */
    }
    while ((rc = reader_step(rd, N_COMPANY_COLUMNS)) == SQLITE_ROW) {
      const char *name, *company;
      int has, position;
      if ((rc = header_row(rd))) break;
      if ((rc = cell_key(rd, IN_COMPANIES_report, &name))) break;
      int r = model_find_report(set, name, strlen(name));
      if (r < 0) {
        rc = fail(rd, "report", sqlite3_mprintf("'%q' is not in %s", name, "the reports table"));
        break;
      }
      if ((rc = cell_int(rd, IN_COMPANIES_position, 1, 1000000, "a position", &has, &position))) break;
      if (!has) {
        rc = fail(rd, "position", sqlite3_mprintf("NULL; give the place in the list"));
        break;
      }
      if ((rc = cell_key(rd, IN_COMPANIES_company, &company))) break;
      model_report *rep = &set->reports[r];
      if (pass == 1) {
        model_company *c = &rep->companies[rep->n_companies];
        int oom = 0;
        c->position = position;
        c->company = model_copy_text(set, company, &oom);
        if (oom) rc = SQLITE_NOMEM;
        if (rc || (rc = cell_copy(set, rd, IN_COMPANIES_parent, &c->parent)) ||
            (rc = cell_copy(set, rd, IN_COMPANIES_listed_as, &c->listed_as))) {
          break;
        }
      }
      rep->n_companies++;
    }
    if (rc == SQLITE_DONE) rc = SQLITE_OK;
  }
  return rc;
}

/* --- the exchange rates (optional, pm_compare) ---------------------------- */

static const char *const fx_columns[] = {MODEL_INPUT_FX(MODEL_INPUT_NAME)};
enum { MODEL_INPUT_FX(MODEL_INPUT_INDEX) N_FX_COLUMNS };

typedef struct fx_row {
  sqlite3_int64 row;
  model_fx fx;
} fx_row;

static int read_fx_row(model_set *set, reader *rd, void *out) {
  fx_row *f = out;
  const char *currency;
  int rc, has;
  memset(f, 0, sizeof *f);
  f->row = rd->row;
  if ((rc = header_row(rd)) || (rc = cell_key(rd, IN_FX_currency, &currency))) return rc;
  const char *why = model_currency_parse(currency, f->fx.currency);
  if (why) {
    return fail(rd, "currency", sqlite3_mprintf("'%q' %s; %s", currency, why,
                                                model_unit_forms));
  }
  if ((rc = cell_int(rd, IN_FX_year, 1, 9999, "a year", &has, &f->fx.year))) return rc;
  if ((rc = cell_number(rd, IN_FX_rate, &has, &f->fx.rate, 0))) return rc;
  if (!has || f->fx.rate <= 0) {
    return fail(rd, "rate",
                has ? sqlite3_mprintf("%.15g is not a rate: one %s in %s is "
                                      "more than 0", f->fx.rate,
                                      f->fx.currency, set->fx_target)
                    : sqlite3_mprintf("NULL; give the rate: one %s in %s",
                                      f->fx.currency, set->fx_target));
  }
  if (strcmp(f->fx.currency, set->fx_target) == 0 && f->fx.rate != 1) {
    return fail(rd, "rate", sqlite3_mprintf("%.15g: one %s is 1 %s",
                                            f->fx.rate, f->fx.currency,
                                            set->fx_target));
  }
  return SQLITE_OK;
}

static int by_currency_year(const void *a, const void *b) {
  const fx_row *x = a, *y = b;
  int c = strcmp(x->fx.currency, y->fx.currency);
  if (c) return c;
  if (x->fx.year != y->fx.year) return x->fx.year < y->fx.year ? -1 : 1;
  return x->row < y->row ? -1 : x->row > y->row;
}

/* The rates, sorted by currency and year (0, any year, first); two for
** the same currency and year are an error. */
static int read_fx(model_set *set, reader *rd) {
  fx_row *rows = 0;
  int n = 0;
  rd->columns = fx_columns;
  int rc = read_all(set, rd, N_FX_COLUMNS, sizeof *rows, read_fx_row, &rows, &n);
  if (rc == SQLITE_DONE) rc = SQLITE_OK;
  if (rc == SQLITE_OK && n > 1) qsort(rows, (size_t)n, sizeof *rows, by_currency_year);
  if (rc == SQLITE_OK) {
    set->fx = model_alloc(set, (size_t)(n + 1) * sizeof *set->fx);
    if (!set->fx) rc = SQLITE_NOMEM;
  }
  for (int i = 0; i < n && rc == SQLITE_OK; i++) {
    if (i > 0 && strcmp(rows[i - 1].fx.currency, rows[i].fx.currency) == 0 &&
        rows[i - 1].fx.year == rows[i].fx.year) {
      rd->row = rows[i].row > rows[i - 1].row ? rows[i].row : rows[i - 1].row;
      rc = fail(rd, 0, sqlite3_mprintf("duplicate of row %lld: same currency "
                                       "and year",
                                       rows[i].row > rows[i - 1].row
                                           ? rows[i - 1].row : rows[i].row));
      break;
    }
    set->fx[set->n_fx++] = rows[i].fx;
  }
  sqlite3_free(rows);
  return rc;
}

/* --- the whole input ------------------------------------------------------ */

/* The limits on a model's size (docs/model.md, "Limits"): a file the
** application did not write cannot make a model of gigabytes. The years
** of all its reports span at most MODEL_MAX_YEARS, so each report's rows
** and each market's rows in pm_compare have at most that many years; the
** rows of pm_model (segments x years, per scenario) number at most
** MODEL_MAX_ROWS. Checked before any row is computed. */
#define MODEL_MAX_YEARS 200
#define MODEL_MAX_ROWS 1000000

static int check_limits(const model_set *set, const char *who, char **err) {
  int first = -1, last = -1; /* the reports with the first and last year */
  sqlite3_int64 rows = 0;
  for (int r = 0; r < set->n_reports; r++) {
    const model_report *rep = &set->reports[r];
    if (rep->first_year == 0) continue; /* no figures, no window */
    if (first < 0 || rep->first_year < set->reports[first].first_year) first = r;
    if (last < 0 || rep->last_year > set->reports[last].last_year) last = r;
    rows += (sqlite3_int64)rep->n_segments *
            (rep->last_year - rep->first_year + 1);
  }
  if (first < 0) return SQLITE_OK;
  int from = set->reports[first].first_year, to = set->reports[last].last_year;
  if (to - from + 1 > MODEL_MAX_YEARS) {
    *err = sqlite3_mprintf("%s: the years %d ('%q') to %d ('%q') span %d "
                           "years; a model spans at most %d years (the year "
                           "limit)",
                           who, from, set->reports[first].report, to,
                           set->reports[last].report, to - from + 1,
                           MODEL_MAX_YEARS);
  } else if (rows > MODEL_MAX_ROWS) {
    *err = sqlite3_mprintf("%s: the segments of the reports over their years "
                           "give %lld rows; a model has at most %d rows (the "
                           "row limit)",
                           who, rows, MODEL_MAX_ROWS);
  } else {
    return SQLITE_OK;
  }
  return *err ? SQLITE_ERROR : SQLITE_NOMEM;
}

int model_read(sqlite3 *db, const model_inputs *in, const char *who,
               model_set **out, char **err) {
  *out = 0;
  *err = 0;
  model_set *set = sqlite3_malloc64(sizeof *set);
  if (!set) return SQLITE_NOMEM;
  memset(set, 0, sizeof *set);
  set->db = db;
  set->count_extrapolated = in->count_extrapolated;
  if (in->currency) {
    (void)model_currency_parse(in->currency, set->fx_target); /* checked */
  }
  const char *tables[5] = {in->reports, in->figures, in->claims, in->companies,
                           in->fx};
  int rc = SQLITE_OK;
  for (int t = 0; t < 5 && rc == SQLITE_OK; t++) {
    if (!tables[t]) continue;
    reader rd = {.db = db, .who = who, .table = tables[t], .err = err,
                 .schema = in->schemas[t], .digest = in->digest};
    switch (t) {
      case 0: rc = read_reports(set, &rd); break;
      case 1: rc = read_figures(set, &rd); break;
      case 2: rc = read_claims(set, &rd); break;
      case 3: rc = read_companies(set, &rd); break;
      default: rc = read_fx(set, &rd); break;
    }
    if (rc == SQLITE_OK && rd.oom) rc = SQLITE_NOMEM;
    sqlite3_finalize(rd.stmt);
    sqlite3_finalize(rd.cast);
  }
  if (rc == SQLITE_OK) rc = check_limits(set, who, err);
  for (int r = 0, base = 0; r < set->n_reports && rc == SQLITE_OK; r++) {
    set->reports[r].segment_base = base;
    base += set->reports[r].n_segments;
  }
  if (rc != SQLITE_OK) {
    model_set_free(set);
    if (rc == SQLITE_NOMEM) {
      sqlite3_free(*err);
      *err = 0;
    }
    return rc;
  }
  *out = set;
  return SQLITE_OK;
}
