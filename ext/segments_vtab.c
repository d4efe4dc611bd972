/*
** segments_vtab.c -- pm_segments, the whole model in long form.
**
**   SELECT * FROM pm_segments;                       -- 176 rows
**   SELECT * FROM pm_segments('stated_cagr') WHERE segment = 'Europe';
**
** One row per (dimension, segment, year), years base..forecast end, in the
** order of the report's segments, then by year. Columns:
**   dimension, segment, year, value_usd_bn, share, yoy_growth,
**   value_basis, share_basis, scenario (hidden: the table-valued-function
**   argument; 'reported' by default, or 'stated_cagr').
** Eponymous-only (no CREATE VIRTUAL TABLE), read-only, innocuous.
**
** How it works: the model never changes, so xConnect computes every row
** of both scenarios once per connection (model_segment_years(), the rules
** of model.c) into an array the table owns, read-only afterwards, with the
** byte length of every segment's names. xFilter compares the pushed-down
** dimension/segment values with those names once (length, then bytes),
** listing the matching segments, and turns the year constraints into a
** range; the cursor walks that list and the years of the range, pointing
** into the array, so a point query lands on its row directly. xColumn
** returns numbers as they are and names as static text: no row does any
** maths, parsing or allocation.
** xBestIndex uses these constraints, each marked omit (the cursor applies
** it exactly):
**   scenario =               (the hidden argument)
**   dimension =, segment =   (BINARY collation only)
**   year =, year >, year >=, year <, year <=
** idxNum is a bitmask saying which were used; their values arrive in
** xFilter's argv in the order of the bits. idxStr spells the same plan for
** EXPLAIN QUERY PLAN, e.g. "scenario= segment= year>=".
**
** Comparisons follow SQLite's own rules for these column types: dimension
** and segment are TEXT (a NULL or a BLOB matches nothing), year is INTEGER
** (numeric text compares as its number; other text or a BLOB is greater
** than every number; NULL matches nothing).
*/
#include "model.h"

#include <math.h>
#include <string.h>

SQLITE_EXTENSION_INIT3

/* Columns, in schema order. */
enum {
  COL_DIMENSION,
  COL_SEGMENT,
  COL_YEAR,
  COL_VALUE,
  COL_SHARE,
  COL_YOY,
  COL_VALUE_BASIS,
  COL_SHARE_BASIS,
  COL_SCENARIO
};

/* idxNum bits; argv holds one value per set bit, in this order. */
#define PLAN_SCENARIO 0x01  /* scenario = ?            */
#define PLAN_DIMENSION 0x02 /* dimension = ?           */
#define PLAN_SEGMENT 0x04   /* segment = ?             */
#define PLAN_YEAR_EQ 0x08   /* year = ?                */
#define PLAN_YEAR_GT 0x10   /* year > ?                */
#define PLAN_YEAR_GE 0x20   /* year >= ?               */
#define PLAN_YEAR_LT 0x40   /* year < ?                */
#define PLAN_YEAR_LE 0x80   /* year <= ?               */
#define PLAN_BITS 8

static const struct plan_term {
  int column;
  unsigned char op;
  const char *text; /* for idxStr */
} plan_terms[PLAN_BITS] = {
    {COL_SCENARIO, SQLITE_INDEX_CONSTRAINT_EQ, "scenario="},
    {COL_DIMENSION, SQLITE_INDEX_CONSTRAINT_EQ, "dimension="},
    {COL_SEGMENT, SQLITE_INDEX_CONSTRAINT_EQ, "segment="},
    {COL_YEAR, SQLITE_INDEX_CONSTRAINT_EQ, "year="},
    {COL_YEAR, SQLITE_INDEX_CONSTRAINT_GT, "year>"},
    {COL_YEAR, SQLITE_INDEX_CONSTRAINT_GE, "year>="},
    {COL_YEAR, SQLITE_INDEX_CONSTRAINT_LT, "year<"},
    {COL_YEAR, SQLITE_INDEX_CONSTRAINT_LE, "year<="},
};

/* A segment's names and their lengths in bytes, for the text filters. */
typedef struct segment_names {
  const char *dimension;
  const char *segment;
  size_t dimension_bytes, segment_bytes;
} segment_names;

/* The table of one connection: every row, computed in xConnect. */
typedef struct segments_vtab {
  sqlite3_vtab base;
  int n_segments;
  int first_year, n_years;
  segment_names *names; /* [segment], in the same allocation as rows */
  const char *basis_names[MODEL_NOT_REPORTED + 1]; /* model_basis_name() */
  model_row rows[];     /* [scenario][segment][year - first_year] */
} segments_vtab;

typedef struct segments_cursor {
  sqlite3_vtab_cursor base;
  const segments_vtab *vtab;
  model_scenario scenario;
  int first_year, last_year; /* the year filters, as a range */
  int n_matches, next_match; /* position in matches[] */
  int segment_index, year;   /* the current row */
  const model_row *row;      /* the current row in vtab->rows, 0 at the end */
  const segment_names *names; /* vtab->names[segment_index] */
  int matches[]; /* the segments passing the text filters, in order */
} segments_cursor;

static int segments_connect(sqlite3 *db, void *aux, int argc,
                            const char *const *argv, sqlite3_vtab **out,
                            char **err) {
  (void)aux;
  (void)argc;
  (void)argv;
  (void)err;
  int rc = tv_declare(
      db,
      "CREATE TABLE x(dimension TEXT, segment TEXT, year INTEGER, "
      "value_usd_bn REAL, share REAL, yoy_growth REAL, value_basis TEXT, "
      "share_basis TEXT, scenario TEXT HIDDEN)");
  if (rc != SQLITE_OK) return rc;
  const model_report *r = model_report_get();
  int n_years = model_last_year() - model_first_year() + 1;
  size_t n_rows = (size_t)MODEL_N_SCENARIOS * (size_t)r->n_segments * n_years;
  segments_vtab *vtab =
      tv_zalloc(sizeof *vtab + n_rows * sizeof vtab->rows[0] +
                (size_t)r->n_segments * sizeof vtab->names[0]);
  if (!vtab) return SQLITE_NOMEM;
  vtab->n_segments = r->n_segments;
  vtab->first_year = model_first_year();
  vtab->n_years = n_years;
  vtab->names = (segment_names *)&vtab->rows[n_rows];
  for (int b = 0; b <= MODEL_NOT_REPORTED; b++) {
    vtab->basis_names[b] = model_basis_name((model_basis)b);
  }
  for (int i = 0; i < r->n_segments; i++) {
    segment_names *n = &vtab->names[i];
    n->dimension = r->segments[i].dimension;
    n->segment = r->segments[i].segment;
    n->dimension_bytes = strlen(n->dimension);
    n->segment_bytes = strlen(n->segment);
  }
  for (int sc = 0; sc < MODEL_N_SCENARIOS; sc++) {
    for (int i = 0; i < r->n_segments; i++) {
      model_segment_years(i, (model_scenario)sc,
                          &vtab->rows[((size_t)sc * r->n_segments + i) *
                                      (size_t)n_years]);
    }
  }
  *out = &vtab->base;
  return SQLITE_OK;
}

static int segments_disconnect(sqlite3_vtab *vtab) {
  sqlite3_free(vtab);
  return SQLITE_OK;
}

static int segments_best_index(sqlite3_vtab *base, sqlite3_index_info *info) {
  const segments_vtab *vtab = (const segments_vtab *)base;
  int use[PLAN_BITS]; /* constraint index per bit, or -1 */
  int scenario_unusable = 0;
  for (int b = 0; b < PLAN_BITS; b++) use[b] = -1;

  for (int i = 0; i < info->nConstraint; i++) {
    const struct sqlite3_index_constraint *c = &info->aConstraint[i];
    for (int b = 0; b < PLAN_BITS; b++) {
      if (c->iColumn != plan_terms[b].column || c->op != plan_terms[b].op) {
        continue;
      }
      if (!c->usable) {
        if (b == 0) scenario_unusable = 1;
        break;
      }
      /* Text equality is exact (BINARY); leave other collations to SQLite. */
      if ((b == 1 || b == 2) &&
          sqlite3_stricmp(sqlite3_vtab_collation(info, i), "BINARY") != 0) {
        break;
      }
      if (use[b] < 0) use[b] = i;
      break;
    }
  }
  /* A scenario argument whose value is not available yet: ask SQLite for a
  ** plan that supplies it, rather than silently using the default. */
  if (scenario_unusable && use[0] < 0) return SQLITE_CONSTRAINT;

  int mask = 0, argv_index = 0;
  char *plan = 0;
  for (int b = 0; b < PLAN_BITS; b++) {
    if (use[b] < 0) continue;
    mask |= 1 << b;
    info->aConstraintUsage[use[b]].argvIndex = ++argv_index;
    info->aConstraintUsage[use[b]].omit = 1;
    plan = sqlite3_mprintf("%z%s%s", plan, plan ? " " : "", plan_terms[b].text);
    if (!plan) return SQLITE_NOMEM;
  }
  info->idxNum = mask;
  if (plan) {
    info->idxStr = plan;
    info->needToFreeIdxStr = 1;
  }

  /* Rows: 16 segments x 11 years; a dimension leaves about a quarter of the
  ** segments, a segment name one (two for "Others"); a year one, a range
  ** about half. */
  double segments = vtab->n_segments;
  double years = vtab->n_years;
  if (mask & PLAN_SEGMENT) {
    segments = 1;
  } else if (mask & PLAN_DIMENSION) {
    segments /= 4;
  }
  if (mask & PLAN_YEAR_EQ) {
    years = 1;
  } else {
    if (mask & (PLAN_YEAR_GT | PLAN_YEAR_GE)) years /= 2;
    if (mask & (PLAN_YEAR_LT | PLAN_YEAR_LE)) years /= 2;
  }
  info->estimatedRows = (sqlite3_int64)ceil(segments * years);
  info->estimatedCost = segments * years;
  if ((mask & (PLAN_DIMENSION | PLAN_SEGMENT | PLAN_YEAR_EQ)) ==
      (PLAN_DIMENSION | PLAN_SEGMENT | PLAN_YEAR_EQ)) {
    info->idxFlags |= SQLITE_INDEX_SCAN_UNIQUE;
  }
  return SQLITE_OK;
}

static int segments_open(sqlite3_vtab *base, sqlite3_vtab_cursor **out) {
  const segments_vtab *vtab = (const segments_vtab *)base;
  segments_cursor *cur = tv_zalloc(sizeof *cur + (size_t)vtab->n_segments *
                                                     sizeof cur->matches[0]);
  if (!cur) return SQLITE_NOMEM;
  cur->vtab = vtab;
  *out = &cur->base;
  return SQLITE_OK;
}

static int segments_close(sqlite3_vtab_cursor *base) {
  sqlite3_free(base);
  return SQLITE_OK;
}

/* Moves to the first year of the next matching segment, or to the end. */
static void next_segment(segments_cursor *cur) {
  const segments_vtab *vtab = cur->vtab;
  if (cur->next_match >= cur->n_matches) {
    cur->row = 0;
    return;
  }
  cur->segment_index = cur->matches[cur->next_match++];
  cur->names = &vtab->names[cur->segment_index];
  cur->year = cur->first_year;
  cur->row = &vtab->rows[((size_t)cur->scenario * vtab->n_segments +
                          cur->segment_index) *
                             vtab->n_years +
                         cur->year - vtab->first_year];
}

/* A text filter: the value's text and length in bytes, or *empty = 1 for
** a NULL or a BLOB, which equal no TEXT. */
typedef struct text_key {
  const char *text; /* 0: no filter */
  size_t bytes;
} text_key;

static int text_filter(sqlite3_value *value, text_key *key, int *empty) {
  int type = sqlite3_value_type(value);
  if (type == SQLITE_NULL || type == SQLITE_BLOB) {
    *empty = 1;
    return SQLITE_OK;
  }
  key->text = (const char *)sqlite3_value_text(value);
  if (!key->text) return SQLITE_NOMEM;
  key->bytes = (size_t)sqlite3_value_bytes(value);
  return SQLITE_OK;
}

/* Does `name` pass the filter? TEXT equality with BINARY collation: the
** same bytes, all of them. */
static int text_passes(const text_key *key, const char *name, size_t bytes) {
  return !key->text ||
         (key->bytes == bytes && memcmp(key->text, name, bytes) == 0);
}

/* Narrows [first, last] by `year OP value`, comparing as SQLite compares an
** INTEGER column with that value; *empty = 1 when nothing can match. */
static void year_filter(sqlite3_value *value, unsigned char op, int *first,
                        int *last, int *empty) {
  int type = sqlite3_value_numeric_type(value);
  if (type == SQLITE_NULL) {
    *empty = 1;
    return;
  }
  if (type == SQLITE_TEXT || type == SQLITE_BLOB) {
    /* Greater than every number: only < and <= hold, and for every year. */
    if (op != SQLITE_INDEX_CONSTRAINT_LT && op != SQLITE_INDEX_CONSTRAINT_LE) {
      *empty = 1;
    }
    return;
  }
  double v = sqlite3_value_double(value);
  double lo = *first, hi = *last;
  switch (op) {
    case SQLITE_INDEX_CONSTRAINT_EQ:
      if (v != floor(v)) *empty = 1;
      lo = fmax(lo, v);
      hi = fmin(hi, v);
      break;
    case SQLITE_INDEX_CONSTRAINT_GT:
      lo = fmax(lo, floor(v) + 1);
      break;
    case SQLITE_INDEX_CONSTRAINT_GE:
      lo = fmax(lo, ceil(v));
      break;
    case SQLITE_INDEX_CONSTRAINT_LT:
      hi = fmin(hi, ceil(v) - 1);
      break;
    default: /* SQLITE_INDEX_CONSTRAINT_LE */
      hi = fmin(hi, floor(v));
      break;
  }
  if (lo > hi) {
    *empty = 1;
  } else {
    *first = (int)lo; /* both within the model's years here */
    *last = (int)hi;
  }
}

static int segments_filter(sqlite3_vtab_cursor *base, int idx_num,
                           const char *idx_str, int argc,
                           sqlite3_value **argv) {
  segments_cursor *cur = (segments_cursor *)base;
  const segments_vtab *vtab = cur->vtab;
  (void)idx_str;
  text_key dimension = {0, 0}, segment = {0, 0};
  cur->scenario = MODEL_SCENARIO_REPORTED;
  cur->first_year = vtab->first_year;
  cur->last_year = vtab->first_year + vtab->n_years - 1;
  cur->n_matches = cur->next_match = 0;
  cur->row = 0;
  int empty = 0, arg = 0, rc = SQLITE_OK;

  for (int b = 0; b < PLAN_BITS && rc == SQLITE_OK; b++) {
    if (!(idx_num & (1 << b))) continue;
    if (arg >= argc) return SQLITE_ERROR;
    sqlite3_value *value = argv[arg++];
    if (b == 0) {
      if (sqlite3_value_type(value) == SQLITE_NULL) {
        empty = 1;
        continue;
      }
      const char *name = (const char *)sqlite3_value_text(value);
      if (!name) return SQLITE_NOMEM;
      if (!model_scenario_lookup(name, &cur->scenario)) {
        sqlite3_free(base->pVtab->zErrMsg);
        base->pVtab->zErrMsg = sqlite3_mprintf(
            "pm_segments(): unknown scenario '%s'; valid scenarios: %s", name,
            model_scenario_list());
        return base->pVtab->zErrMsg ? SQLITE_ERROR : SQLITE_NOMEM;
      }
    } else if (b == 1) {
      rc = text_filter(value, &dimension, &empty);
    } else if (b == 2) {
      rc = text_filter(value, &segment, &empty);
    } else {
      year_filter(value, plan_terms[b].op, &cur->first_year, &cur->last_year,
                  &empty);
    }
  }
  if (rc != SQLITE_OK || empty) return rc;
  for (int i = 0; i < vtab->n_segments; i++) {
    const segment_names *n = &vtab->names[i];
    if (text_passes(&dimension, n->dimension, n->dimension_bytes) &&
        text_passes(&segment, n->segment, n->segment_bytes)) {
      cur->matches[cur->n_matches++] = i;
    }
  }
  next_segment(cur);
  return SQLITE_OK;
}

static int segments_next(sqlite3_vtab_cursor *base) {
  segments_cursor *cur = (segments_cursor *)base;
  if (cur->year < cur->last_year) {
    cur->year++;
    cur->row++; /* the years of a segment are consecutive in vtab->rows */
  } else {
    next_segment(cur);
  }
  return SQLITE_OK;
}

static int segments_eof(sqlite3_vtab_cursor *base) {
  return !((segments_cursor *)base)->row;
}

static void result_optional(sqlite3_context *ctx, int has, double value) {
  if (has) {
    sqlite3_result_double(ctx, value);
  } else {
    sqlite3_result_null(ctx);
  }
}

static int segments_column(sqlite3_vtab_cursor *base, sqlite3_context *ctx,
                           int col) {
  const segments_cursor *cur = (const segments_cursor *)base;
  const model_row *row = cur->row;
  /* Static text of known length would skip a strlen(), but SQLite 3.40
  ** marks only text given with length -1 as NUL-terminated, and copies
  ** the other kind when a caller asks for it with sqlite3_column_text(). */
  switch (col) {
    case COL_DIMENSION:
      sqlite3_result_text(ctx, cur->names->dimension, -1, SQLITE_STATIC);
      break;
    case COL_SEGMENT:
      sqlite3_result_text(ctx, cur->names->segment, -1, SQLITE_STATIC);
      break;
    case COL_YEAR:
      sqlite3_result_int(ctx, cur->year);
      break;
    case COL_VALUE:
      result_optional(ctx, row->has_value, row->value);
      break;
    case COL_SHARE:
      result_optional(ctx, row->has_share, row->share);
      break;
    case COL_YOY:
      result_optional(ctx, row->has_yoy, row->yoy);
      break;
    case COL_VALUE_BASIS:
      sqlite3_result_text(ctx, cur->vtab->basis_names[row->value_basis], -1,
                          SQLITE_STATIC);
      break;
    case COL_SHARE_BASIS:
      sqlite3_result_text(ctx, cur->vtab->basis_names[row->share_basis], -1,
                          SQLITE_STATIC);
      break;
    default: /* COL_SCENARIO */
      sqlite3_result_text(ctx, model_scenario_name(cur->scenario), -1,
                          SQLITE_STATIC);
      break;
  }
  return SQLITE_OK;
}

/* Unique per row and scenario: scenario, segment, year. */
static int segments_rowid(sqlite3_vtab_cursor *base, sqlite3_int64 *rowid) {
  const segments_cursor *cur = (const segments_cursor *)base;
  *rowid = ((sqlite3_int64)cur->scenario * 1000 + cur->segment_index) * 10000 +
           cur->year;
  return SQLITE_OK;
}

/* Slots not named are 0 (read-only, no transactions), also the ones newer
** SQLite headers add, which a positional initialiser would warn about. */
static const sqlite3_module segments_module = {
    .xCreate = 0, /* eponymous-only: no CREATE VIRTUAL TABLE */
    .xConnect = segments_connect,
    .xBestIndex = segments_best_index,
    .xDisconnect = segments_disconnect,
    .xOpen = segments_open,
    .xClose = segments_close,
    .xFilter = segments_filter,
    .xNext = segments_next,
    .xEof = segments_eof,
    .xColumn = segments_column,
    .xRowid = segments_rowid,
};

int model_register_segments(sqlite3 *db) {
  return sqlite3_create_module(db, "pm_segments", &segments_module, 0);
}
