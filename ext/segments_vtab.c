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
** How it works: a cursor walks the segments and, for each segment that
** matches the pushed-down dimension/segment filters, the years within the
** pushed-down year bounds; model_segment_row() computes one row at a time
** (model.c), so a point query computes one row. xBestIndex uses these
** constraints, each marked omit (the cursor applies it exactly):
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

typedef struct segments_cursor {
  sqlite3_vtab_cursor base;
  model_scenario scenario;
  char *dimension; /* filter, or 0 */
  char *segment;   /* filter, or 0 */
  int segment_index;
  int year, first_year, last_year;
  int have_row;
  model_row row; /* the current row, computed by position */
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
  sqlite3_vtab *vtab = tv_zalloc(sizeof *vtab);
  if (!vtab) return SQLITE_NOMEM;
  *out = vtab;
  return SQLITE_OK;
}

static int segments_disconnect(sqlite3_vtab *vtab) {
  sqlite3_free(vtab);
  return SQLITE_OK;
}

static int segments_best_index(sqlite3_vtab *vtab, sqlite3_index_info *info) {
  (void)vtab;
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

  /* Rows: 16 segments x 11 years; a dimension leaves about a fifth of the
  ** segments, a segment name one (two for "Others"); a year one, a range
  ** about half. */
  double segments = model_report_get()->n_segments;
  double years = model_last_year() - model_first_year() + 1;
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

static int segments_open(sqlite3_vtab *vtab, sqlite3_vtab_cursor **out) {
  (void)vtab;
  segments_cursor *cur = tv_zalloc(sizeof *cur);
  if (!cur) return SQLITE_NOMEM;
  *out = &cur->base;
  return SQLITE_OK;
}

static void clear_filters(segments_cursor *cur) {
  sqlite3_free(cur->dimension);
  sqlite3_free(cur->segment);
  cur->dimension = cur->segment = 0;
}

static int segments_close(sqlite3_vtab_cursor *base) {
  clear_filters((segments_cursor *)base);
  sqlite3_free(base);
  return SQLITE_OK;
}

/* Does the current segment pass the text filters? */
static int segment_matches(const segments_cursor *cur) {
  const model_segment *s = &model_report_get()->segments[cur->segment_index];
  return (!cur->dimension || strcmp(cur->dimension, s->dimension) == 0) &&
         (!cur->segment || strcmp(cur->segment, s->segment) == 0);
}

/* Moves to the first matching (segment, year) at or after the current
** position and computes that row, or sets have_row = 0. */
static void settle(segments_cursor *cur) {
  const model_report *r = model_report_get();
  cur->have_row = 0;
  if (cur->first_year > cur->last_year) return;
  while (cur->segment_index < r->n_segments) {
    if (cur->year <= cur->last_year && segment_matches(cur)) {
      model_segment_row(cur->segment_index, cur->year, cur->scenario,
                        &cur->row);
      cur->have_row = 1;
      return;
    }
    cur->segment_index++;
    cur->year = cur->first_year;
  }
}

/* A text filter value: a copy, or *empty = 1 when nothing can match. */
static int text_filter(sqlite3_value *value, char **out, int *empty) {
  int type = sqlite3_value_type(value);
  if (type == SQLITE_NULL || type == SQLITE_BLOB) {
    *empty = 1;
    return SQLITE_OK;
  }
  const unsigned char *text = sqlite3_value_text(value);
  if (!text) return SQLITE_NOMEM;
  *out = sqlite3_mprintf("%s", text);
  return *out ? SQLITE_OK : SQLITE_NOMEM;
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
  (void)idx_str;
  clear_filters(cur);
  cur->scenario = MODEL_SCENARIO_REPORTED;
  cur->first_year = model_first_year();
  cur->last_year = model_last_year();
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
      rc = text_filter(value, &cur->dimension, &empty);
    } else if (b == 2) {
      rc = text_filter(value, &cur->segment, &empty);
    } else {
      year_filter(value, plan_terms[b].op, &cur->first_year, &cur->last_year,
                  &empty);
    }
  }
  if (rc != SQLITE_OK) return rc;
  if (empty) cur->first_year = cur->last_year + 1;
  cur->segment_index = 0;
  cur->year = cur->first_year;
  settle(cur);
  return SQLITE_OK;
}

static int segments_next(sqlite3_vtab_cursor *base) {
  segments_cursor *cur = (segments_cursor *)base;
  cur->year++;
  settle(cur);
  return SQLITE_OK;
}

static int segments_eof(sqlite3_vtab_cursor *base) {
  return !((segments_cursor *)base)->have_row;
}

static void result_basis(sqlite3_context *ctx, model_basis basis) {
  sqlite3_result_text(ctx, model_basis_name(basis), -1, SQLITE_STATIC);
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
  const model_segment *s = &model_report_get()->segments[cur->segment_index];
  const model_row *row = &cur->row;
  switch (col) {
    case COL_DIMENSION:
      sqlite3_result_text(ctx, s->dimension, -1, SQLITE_STATIC);
      break;
    case COL_SEGMENT:
      sqlite3_result_text(ctx, s->segment, -1, SQLITE_STATIC);
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
      result_basis(ctx, row->value_basis);
      break;
    case COL_SHARE_BASIS:
      result_basis(ctx, row->share_basis);
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

static const sqlite3_module segments_module = {
    0,                   /* iVersion */
    0,                   /* xCreate: eponymous-only */
    segments_connect,    /* xConnect */
    segments_best_index, /* xBestIndex */
    segments_disconnect, /* xDisconnect */
    0,                   /* xDestroy */
    segments_open,       /* xOpen */
    segments_close,      /* xClose */
    segments_filter,     /* xFilter */
    segments_next,       /* xNext */
    segments_eof,        /* xEof */
    segments_column,     /* xColumn */
    segments_rowid,      /* xRowid */
    0,                   /* xUpdate: read-only */
    0,                   /* xBegin */
    0,                   /* xSync */
    0,                   /* xCommit */
    0,                   /* xRollback */
    0,                   /* xFindFunction */
    0,                   /* xRename */
    0,                   /* xSavepoint */
    0,                   /* xRelease */
    0,                   /* xRollbackTo */
    0,                   /* xShadowName */
};

int model_register_segments(sqlite3 *db) {
  return sqlite3_create_module(db, "pm_segments", &segments_module, 0);
}
