/* SPDX-License-Identifier: MIT */
/*
** reader.c -- the reader of the model engine: the input tables of a
** connection (reports, figures, claims, optionally companies; the contract
** is in docs/model.md) become a model_set, checked row by row.
**
** Every cell is read as SQLite gives it, so numbers typed as REAL and the
** text of a CSV import (`.import`, all TEXT) are read alike: a text that
** is a number in full is that number, an empty text is NULL (what a CSV
** gives for an empty field), anything else in a number column is an error.
** Every error names the module, the input table as given, the row (its
** rowid; the row's position for a view) and the column.
**
** Precision: a size's tolerance comes from figures.decimals; a share's and
** a stated rate's from the digits they are given with (0.4496: half of
** 0.0001), as printed reports give them.
**
** Memory: everything the set holds lives in blocks owned by the set
** (model_alloc()), freed at once by model_set_free().
*/
#include "model.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

SQLITE_EXTENSION_INIT3

/* --- memory ------------------------------------------------------------ */

typedef struct model_block {
  struct model_block *next;
  size_t used, size;
  double data[]; /* aligned for every type the set stores */
} model_block;

void *model_alloc(model_set *set, size_t size) {
  size = (size + 15) & ~(size_t)15;
  model_block *b = set->blocks;
  if (!b || b->size - b->used < size) {
    size_t want = size > 65536 ? size : 65536;
    b = sqlite3_malloc64(sizeof *b + want);
    if (!b) return 0;
    b->next = set->blocks;
    b->used = 0;
    b->size = want;
    set->blocks = b;
  }
  char *p = (char *)b->data + b->used;
  b->used += size;
  memset(p, 0, size);
  return p;
}

static char *copy_text(model_set *set, const char *text, int *oom) {
  if (!text) return 0;
  size_t n = strlen(text) + 1;
  char *p = model_alloc(set, n);
  if (!p) {
    *oom = 1;
    return 0;
  }
  memcpy(p, text, n);
  return p;
}

void model_set_free(model_set *set) {
  if (!set) return;
  model_block *b = set->blocks;
  while (b) {
    model_block *next = b->next;
    sqlite3_free(b);
    b = next;
  }
  sqlite3_free(set);
}

/* --- lookups ----------------------------------------------------------- */

static unsigned hash_bytes(unsigned h, const char *p, size_t n) {
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)p[i]) * 16777619u;
  return h;
}

static int same(const char *name, const char *p, size_t n) {
  return strlen(name) == n && memcmp(name, p, n) == 0;
}

int model_find_report(const model_set *set, const char *report, size_t bytes) {
  if (set->n_rslots == 0) return -1;
  unsigned mask = (unsigned)set->n_rslots - 1;
  for (unsigned h = hash_bytes(2166136261u, report, bytes) & mask;;
       h = (h + 1) & mask) {
    int r = set->rslot[h] - 1;
    if (r < 0) return -1;
    if (same(set->reports[r].report, report, bytes)) return r;
  }
}

static unsigned segment_hash(int report, const char *d, size_t db,
                             const char *s, size_t sb) {
  unsigned h = 2166136261u ^ (unsigned)report;
  h = hash_bytes(h * 16777619u, d, db);
  return hash_bytes(h * 16777619u ^ 1u, s, sb);
}

int model_find_segment(const model_set *set, int report, const char *dimension,
                       size_t dimension_bytes, const char *segment,
                       size_t segment_bytes) {
  if (set->n_sslots == 0) return -1;
  unsigned mask = (unsigned)set->n_sslots - 1;
  for (unsigned h = segment_hash(report, dimension, dimension_bytes, segment,
                                 segment_bytes) &
                    mask;
       ; h = (h + 1) & mask) {
    if (set->sslot_report[h] == 0) return -1;
    if (set->sslot_report[h] - 1 != report) continue;
    const model_segment *s =
        &set->reports[report].segments[set->sslot_segment[h]];
    if (same(s->dimension, dimension, dimension_bytes) &&
        same(s->segment, segment, segment_bytes)) {
      return set->sslot_segment[h];
    }
  }
}

/* A power of two at least 2n (and at least 8). */
static int slots_for(int n) {
  int s = 8;
  while (s < 2 * n) s *= 2;
  return s;
}

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

/* Does `SELECT <what> FROM "table"` prepare? */
static int prepares(reader *rd, const char *what, int *ok) {
  char *sql = sqlite3_mprintf("SELECT %s FROM \"%w\" LIMIT 0", what, rd->table);
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
                              "SELECT 1 FROM pragma_table_xinfo(?1) "
                              "WHERE name = ?2 COLLATE NOCASE",
                              -1, &stmt, 0);
  if (rc == SQLITE_OK) {
    sqlite3_bind_text(stmt, 1, rd->table, -1, SQLITE_STATIC);
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

/* Prepares SELECT columns [, rowid] FROM "table"; a missing table or
** column is an error naming it. The name is quoted as an identifier, so
** any text is only ever a table name. */
static int reader_open(reader *rd, int n_columns) {
  int ok, rc = prepares(rd, "*", &ok);
  if (rc != SQLITE_OK) return rc;
  if (!ok) {
    *rd->err = sqlite3_mprintf("%s: no input table \"%s\"", rd->who, rd->table);
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
  char *sql = rc != SQLITE_OK ? 0
              : rd->has_rowid
                  ? sqlite3_mprintf("SELECT %s, x.rowid FROM \"%w\" AS x", list, rd->table)
                  : sqlite3_mprintf("SELECT %s FROM \"%w\" AS x", list, rd->table);
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

/* A text cell: 0 for NULL or an empty text. */
static const char *cell_text(reader *rd, int col) {
  if (sqlite3_column_type(rd->stmt, col) == SQLITE_NULL) return 0;
  const char *text = (const char *)sqlite3_column_text(rd->stmt, col);
  if (!text) {
    rd->oom = 1;
    return 0;
  }
  return *text ? text : 0;
}

/* A text cell that must be given. */
static int cell_key(reader *rd, int col, const char **out) {
  *out = cell_text(rd, col);
  if (rd->oom) return SQLITE_NOMEM;
  if (!*out) return fail(rd, rd->columns[col], sqlite3_mprintf("NULL; give a name"));
  return SQLITE_OK;
}

/* Half the last digit of a number written as `text` (0.4496 -> 0.00005). */
static double half_digit(const char *text) {
  const char *dot = strchr(text, '.');
  int decimals = 0;
  if (dot) {
    for (const char *p = dot + 1; *p >= '0' && *p <= '9'; p++) decimals++;
  }
  const char *e = strpbrk(text, "eE");
  if (e) decimals -= atoi(e + 1);
  return 0.5 * pow(10, -decimals);
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

/* A number cell: *has = 0 for NULL (or empty text), else *out and, when
** half is given, half its last digit. Text that is not a number in full,
** a BLOB, or a value that is not finite is an error. */
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
    if (half) *half = half_digit(text);
    /* SQLite's own conversion: the same digits as CAST(text AS REAL),
    ** whatever the process's locale. */
    *out = sqlite3_column_double(rd->stmt, col);
  } else {
    *out = sqlite3_value_double(v);
    if (half) {
      char buf[40];
      sqlite3_snprintf(sizeof buf, buf, "%!.15g", *out);
      *half = type == SQLITE_INTEGER ? 0.5 : half_digit(buf);
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

/* A fraction that a reader may have typed as a percent. */
static int check_fraction(reader *rd, int col, double x, double lo, double hi,
                          const char *what) {
  if (x >= lo && x <= hi) return SQLITE_OK;
  if (x > hi && x <= 100) {
    return fail(rd, rd->columns[col],
                sqlite3_mprintf("%.15g is a percent; give %.15g", x, x / 100));
  }
  return fail(rd, rd->columns[col],
              sqlite3_mprintf("%.15g is outside %s", x, what));
}

/* --- the reports -------------------------------------------------------- */

static const char *const report_columns[] = {"report",    "market", "publisher",
                                             "published", "unit",   "url"};

/* 'USD bn' -> currency 'USD', 'billion', factor 1. */
static int parse_unit(model_set *set, model_report *r, reader *rd) {
  static const struct {
    const char *scale, *name;
    double to_bn;
  } scales[] = {{"tn", "trillion", 1e3}, {"bn", "billion", 1},
                {"mn", "million", 1e-3}, {"k", "thousand", 1e-6},
                {"", "", 1e-9}};
  const char *space = strchr(r->unit, ' ');
  size_t currency = space ? (size_t)(space - r->unit) : strlen(r->unit);
  const char *scale = space ? space + 1 : "";
  for (size_t i = 0; currency > 0 && i < sizeof scales / sizeof scales[0]; i++) {
    if (strcmp(scale, scales[i].scale) != 0) continue;
    char *name = sqlite3_mprintf("%.*s%s%s", (int)currency, r->unit,
                                 *scales[i].name ? " " : "", scales[i].name);
    int oom = !name;
    r->unit_long = copy_text(set, name, &oom);
    sqlite3_free(name);
    r->to_bn = scales[i].to_bn;
    return oom ? SQLITE_NOMEM : SQLITE_OK;
  }
  return fail(rd, "unit",
              sqlite3_mprintf("'%q' is not '<currency> <scale>' with scale tn, "
                              "bn, mn, k or none (e.g. 'USD bn')",
                              r->unit));
}

static int read_reports(model_set *set, reader *rd) {
  int capacity = 0, rc;
  rd->columns = report_columns;
  if ((rc = reader_open(rd, 6)) != SQLITE_OK) return rc;
  while ((rc = reader_step(rd, 6)) == SQLITE_ROW) {
    if (set->n_reports == capacity) {
      capacity = capacity ? 2 * capacity : 8;
      model_report *grown = model_alloc(set, (size_t)capacity * sizeof *grown);
      if (!grown) return SQLITE_NOMEM;
      if (set->n_reports) memcpy(grown, set->reports, (size_t)set->n_reports * sizeof *grown);
      set->reports = grown;
    }
    model_report *r = &set->reports[set->n_reports];
    const char *key, *market, *unit;
    if ((rc = cell_key(rd, 0, &key)) != SQLITE_OK) return rc;
    if ((rc = cell_key(rd, 1, &market)) != SQLITE_OK) return rc;
    if ((rc = cell_key(rd, 4, &unit)) != SQLITE_OK) return rc;
    if (model_find_report(set, key, strlen(key)) >= 0) {
      return fail(rd, "report", sqlite3_mprintf("'%q' is given twice", key));
    }
    int oom = 0;
    r->report = copy_text(set, key, &oom);
    r->market = copy_text(set, market, &oom);
    r->publisher = copy_text(set, cell_text(rd, 2), &oom);
    r->published = copy_text(set, cell_text(rd, 3), &oom);
    r->unit = copy_text(set, unit, &oom);
    r->url = copy_text(set, cell_text(rd, 5), &oom);
    if (oom || rd->oom) return SQLITE_NOMEM;
    if ((rc = parse_unit(set, r, rd)) != SQLITE_OK) return rc;
    r->whole = r->stated = -1;
    r->input_row = rd->row;
    r->first_year = r->last_year = 0;
    set->n_reports++;
    /* Rehash the names: the table is rebuilt as it grows. */
    if (set->n_rslots < 2 * set->n_reports) {
      set->n_rslots = slots_for(capacity);
      set->rslot = model_alloc(set, (size_t)set->n_rslots * sizeof *set->rslot);
      if (!set->rslot) return SQLITE_NOMEM;
      for (int i = 0; i < set->n_reports - 1; i++) {
        const char *name = set->reports[i].report;
        unsigned h = hash_bytes(2166136261u, name, strlen(name)) & (unsigned)(set->n_rslots - 1);
        while (set->rslot[h]) h = (h + 1) & (unsigned)(set->n_rslots - 1);
        set->rslot[h] = i + 1;
      }
    }
    unsigned h = hash_bytes(2166136261u, key, strlen(key)) & (unsigned)(set->n_rslots - 1);
    while (set->rslot[h]) h = (h + 1) & (unsigned)(set->n_rslots - 1);
    set->rslot[h] = set->n_reports;
  }
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* --- the figures -------------------------------------------------------- */

static const char *const figure_columns[] = {
    "report", "dimension", "segment", "year", "value", "share", "decimals", "note"};

/* One row of figures, read. */
typedef struct figure_row {
  sqlite3_int64 row;
  int report, segment; /* segment: index in the report, set when grouped */
  int has_year, year;
  int has_value, has_share;
  double value, value_half, share, share_half;
  const char *dimension, *name, *note;
} figure_row;

static int read_figure(model_set *set, reader *rd, figure_row *f) {
  const char *report;
  int rc, has_decimals, decimals = 0;
  memset(f, 0, sizeof *f);
  f->row = rd->row;
  if ((rc = cell_key(rd, 0, &report)) != SQLITE_OK) return rc;
  f->report = model_find_report(set, report, strlen(report));
  if (f->report < 0) {
    return fail(rd, "report", sqlite3_mprintf("'%q' is not in %s", report,
                                              "the reports table"));
  }
  const char *dimension, *name;
  if ((rc = cell_key(rd, 1, &dimension)) != SQLITE_OK) return rc;
  if ((rc = cell_key(rd, 2, &name)) != SQLITE_OK) return rc;
  int oom = 0;
  f->dimension = copy_text(set, dimension, &oom);
  f->name = copy_text(set, name, &oom);
  f->note = copy_text(set, cell_text(rd, 7), &oom);
  if (oom || rd->oom) return SQLITE_NOMEM;
  if ((rc = cell_int(rd, 3, 1, 9999, "a year", &f->has_year, &f->year)) ||
      (rc = cell_number(rd, 4, &f->has_value, &f->value, 0)) ||
      (rc = cell_number(rd, 5, &f->has_share, &f->share, &f->share_half)) ||
      (rc = cell_int(rd, 6, 0, 15, "a number of decimals", &has_decimals,
                     &decimals))) {
    return rc;
  }
  if (f->has_value && f->value < 0) {
    return fail(rd, "value", sqlite3_mprintf("%.15g is negative; a size is 0 "
                                             "or more", f->value));
  }
  if (f->has_share && (rc = check_fraction(rd, 5, f->share, 0, 1, "0..1"))) {
    return rc;
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

/* Gives each figure row its segment (new segments in order of first
** appearance, per report) and fills the segment lookup. */
static int group_segments(model_set *set, figure_row *rows, int n) {
  set->n_sslots = slots_for(n);
  set->sslot_report = model_alloc(set, (size_t)set->n_sslots * sizeof(int));
  set->sslot_segment = model_alloc(set, (size_t)set->n_sslots * sizeof(int));
  int *count = sqlite3_malloc64((size_t)(set->n_reports + 1) * sizeof *count);
  int *first = sqlite3_malloc64((size_t)(n + 1) * sizeof *first);
  if (!set->sslot_report || !set->sslot_segment || !count || !first) {
    sqlite3_free(count);
    sqlite3_free(first);
    return SQLITE_NOMEM;
  }
  memset(count, 0, (size_t)(set->n_reports + 1) * sizeof *count);
  /* While grouping, a slot holds the segment's first row (rows[first[k]]);
  ** afterwards, its index within its report. */
  int n_segments = 0;
  unsigned mask = (unsigned)set->n_sslots - 1;
  for (int i = 0; i < n; i++) {
    figure_row *f = &rows[i];
    unsigned h = segment_hash(f->report, f->dimension, strlen(f->dimension),
                              f->name, strlen(f->name)) & mask;
    for (;; h = (h + 1) & mask) {
      if (set->sslot_report[h] == 0) {
        set->sslot_report[h] = f->report + 1;
        set->sslot_segment[h] = n_segments;
        first[n_segments++] = i;
        f->segment = count[f->report]++;
        break;
      }
      const figure_row *e = &rows[first[set->sslot_segment[h]]];
      if (e->report == f->report && strcmp(e->dimension, f->dimension) == 0 &&
          strcmp(e->name, f->name) == 0) {
        f->segment = e->segment;
        break;
      }
    }
  }
  for (int h = 0; h < set->n_sslots; h++) {
    if (set->sslot_report[h]) {
      set->sslot_segment[h] = rows[first[set->sslot_segment[h]]].segment;
    }
  }
  sqlite3_free(first);
  int rc = SQLITE_OK;
  for (int r = 0; r < set->n_reports && rc == SQLITE_OK; r++) {
    model_report *rep = &set->reports[r];
    rep->n_segments = count[r];
    rep->segments = model_alloc(set, (size_t)(count[r] + 1) * sizeof *rep->segments);
    if (!rep->segments) rc = SQLITE_NOMEM;
  }
  sqlite3_free(count);
  for (int i = 0; i < n && rc == SQLITE_OK; i++) {
    model_segment *s = &set->reports[rows[i].report].segments[rows[i].segment];
    if (!s->dimension) {
      s->dimension = rows[i].dimension;
      s->segment = rows[i].name;
    }
  }
  return rc;
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
    for (int k = 0; k < rep->n_segments; k++) {
      model_segment *s = &rep->segments[k];
      s->values = model_alloc(set, (size_t)(s->n_values + 1) * sizeof *s->values);
      s->shares = model_alloc(set, (size_t)(s->n_shares + 1) * sizeof *s->shares);
      if (!s->values || !s->shares) return SQLITE_NOMEM;
      s->n_values = s->n_shares = 0;
      if (rep->whole < 0 && strcmp(s->dimension, "market") == 0) rep->whole = k;
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
  int rc = read_all(set, rd, 8, sizeof *rows, read_figure_row, &rows, &n);
  if (rc == SQLITE_DONE) rc = group_segments(set, rows, n);
  if (rc == SQLITE_OK) rc = place_figures(set, rd, rows, n);
  sqlite3_free(rows);
  return rc;
}

/* --- the claims --------------------------------------------------------- */

static const char *const claim_columns[] = {
    "report", "kind", "dimension", "segment", "value", "from_year", "to_year", "note"};

static int read_claim(model_set *set, reader *rd, model_claim *c, int *report) {
  static const char *const kinds[] = {"cagr", "dominant", "fastest_growing"};
  const char *name, *kind;
  int rc;
  memset(c, 0, sizeof *c);
  if ((rc = cell_key(rd, 0, &name)) != SQLITE_OK) return rc;
  *report = model_find_report(set, name, strlen(name));
  if (*report < 0) {
    return fail(rd, "report", sqlite3_mprintf("'%q' is not in %s", name,
                                              "the reports table"));
  }
  if ((rc = cell_key(rd, 1, &kind)) != SQLITE_OK) return rc;
  int k = 0;
  while (k < 3 && strcmp(kind, kinds[k]) != 0) k++;
  if (k == 3) {
    return fail(rd, "kind", sqlite3_mprintf("'%q' is not a kind of claim; "
                                            "give 'cagr', 'dominant' or "
                                            "'fastest_growing'", kind));
  }
  c->kind = (model_claim_kind)k;
  int oom = 0;
  c->dimension = copy_text(set, cell_text(rd, 2), &oom);
  c->segment = copy_text(set, cell_text(rd, 3), &oom);
  c->note = copy_text(set, cell_text(rd, 7), &oom);
  if (oom || rd->oom) return SQLITE_NOMEM;
  if (c->kind != CLAIM_CAGR) {
    if (!c->dimension) return fail(rd, "dimension", sqlite3_mprintf("NULL; a %s claim names a dimension", kind));
    if (!c->segment) return fail(rd, "segment", sqlite3_mprintf("NULL; a %s claim names a segment", kind));
    return SQLITE_OK;
  }
  int has;
  if ((rc = cell_number(rd, 4, &has, &c->value, &c->half)) != SQLITE_OK) return rc;
  if (!has) return fail(rd, "value", sqlite3_mprintf("NULL; a cagr claim gives its rate"));
  if ((rc = check_fraction(rd, 4, c->value, -0.99, 1, "-0.99..1 (a rate as a fraction)"))) return rc;
  if (c->segment && !c->dimension) {
    return fail(rd, "dimension", sqlite3_mprintf("NULL; a claim on a segment names its dimension"));
  }
  if ((rc = cell_int(rd, 5, 1, 9999, "a year", &has, &c->from_year))) return rc;
  if (!has) return fail(rd, "from_year", sqlite3_mprintf("NULL; a cagr claim gives its period"));
  if ((rc = cell_int(rd, 6, 1, 9999, "a year", &has, &c->to_year))) return rc;
  if (!has) return fail(rd, "to_year", sqlite3_mprintf("NULL; a cagr claim gives its period"));
  if (c->from_year >= c->to_year) {
    return fail(rd, "to_year", sqlite3_mprintf("%d is not after from_year %d",
                                               c->to_year, c->from_year));
  }
  return SQLITE_OK;
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

static int read_claims(model_set *set, reader *rd) {
  claim_row *rows = 0;
  int n = 0;
  rd->columns = claim_columns;
  int rc = read_all(set, rd, 8, sizeof *rows, read_claim_row, &rows, &n);
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
    if (c->kind == CLAIM_CAGR) {
      if (!c->segment && rep->stated < 0) rep->stated = rep->n_claims;
      if (c->to_year > rep->last_year && rep->first_year) rep->last_year = c->to_year;
    }
    rep->claims[rep->n_claims++] = *c;
  }
  sqlite3_free(rows);
  return rc;
}

/* --- the companies (optional) --------------------------------------------- */

static const char *const company_columns[] = {"report", "position", "company",
                                              "parent", "listed_as"};

static int read_companies(model_set *set, reader *rd) {
  int rc;
  rd->columns = company_columns;
  if ((rc = reader_open(rd, 5)) != SQLITE_OK) return rc;
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
    while ((rc = reader_step(rd, 5)) == SQLITE_ROW) {
      const char *name, *company;
      int has, position;
      if ((rc = cell_key(rd, 0, &name))) break;
      int r = model_find_report(set, name, strlen(name));
      if (r < 0) {
        rc = fail(rd, "report", sqlite3_mprintf("'%q' is not in %s", name, "the reports table"));
        break;
      }
      if ((rc = cell_int(rd, 1, 1, 1000000, "a position", &has, &position))) break;
      if (!has) {
        rc = fail(rd, "position", sqlite3_mprintf("NULL; give the place in the list"));
        break;
      }
      if ((rc = cell_key(rd, 2, &company))) break;
      model_report *rep = &set->reports[r];
      if (pass == 1) {
        model_company *c = &rep->companies[rep->n_companies];
        int oom = 0;
        c->position = position;
        c->company = copy_text(set, company, &oom);
        c->parent = copy_text(set, cell_text(rd, 3), &oom);
        c->listed_as = copy_text(set, cell_text(rd, 4), &oom);
        if (oom || rd->oom) {
          rc = SQLITE_NOMEM;
          break;
        }
      }
      rep->n_companies++;
    }
    if (rc == SQLITE_DONE) rc = SQLITE_OK;
  }
  return rc;
}

/* --- the whole input ------------------------------------------------------ */

/* A report with no figure at all is an error (the reports row). */
static int check_reports(model_set *set, reader *rd) {
  for (int r = 0; r < set->n_reports; r++) {
    const model_report *rep = &set->reports[r];
    if (rep->first_year == 0) {
      rd->row = rep->input_row;
      return fail(rd, "report",
                  sqlite3_mprintf("'%q' has no figures (no row of figures "
                                  "gives it a value or a share)",
                                  rep->report));
    }
  }
  return SQLITE_OK;
}

int model_read(sqlite3 *db, const model_inputs *in, const char *who,
               model_set **out, char **err) {
  *out = 0;
  *err = 0;
  model_set *set = sqlite3_malloc64(sizeof *set);
  if (!set) return SQLITE_NOMEM;
  memset(set, 0, sizeof *set);
  const char *tables[4] = {in->reports, in->figures, in->claims, in->companies};
  int rc = SQLITE_OK;
  for (int t = 0; t < 4 && rc == SQLITE_OK; t++) {
    if (!tables[t]) continue;
    reader rd = {db, who, tables[t], 0, 0, 0, 0, err, 0, in->digest, 0};
    switch (t) {
      case 0: rc = read_reports(set, &rd); break;
      case 1: rc = read_figures(set, &rd); break;
      case 2:
        rc = read_claims(set, &rd);
        if (rc == SQLITE_OK) {
          rd.table = tables[0];
          rc = check_reports(set, &rd);
        }
        break;
      default: rc = read_companies(set, &rd); break;
    }
    if (rc == SQLITE_OK && rd.oom) rc = SQLITE_NOMEM;
    sqlite3_finalize(rd.stmt);
  }
  set->db = db;
  if (rc == SQLITE_OK) rc = model_check_limits(set, who, tables[0], err);
  for (int r = 0, base = 0; r < set->n_reports && rc == SQLITE_OK; r++) {
    set->reports[r].segment_base = base;
    base += set->reports[r].n_segments;
    rc = model_compute(set, &set->reports[r]);
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
