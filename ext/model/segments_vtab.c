/* SPDX-License-Identifier: MIT */
/*
** segments_vtab.c -- the model in long form: pm_segments (the built-in
** report, eponymous) and pm_model (any reports, CREATE VIRTUAL TABLE).
**
**   SELECT * FROM pm_segments('stated_cagr') WHERE segment = 'Europe';
**   CREATE VIRTUAL TABLE m USING pm_model(reports=r, figures=f, claims=c);
**   SELECT * FROM m WHERE report = 'x' AND segment = 'Global';
**
** One row per (report, dimension, segment, year) of each report's window,
** in the order of the reports, their segments (first appearance), years.
** Columns:
**   pm_segments: dimension, segment, year, value_usd_bn, share,
**                yoy_growth, value_basis, share_basis, scenario (hidden)
**   pm_model:    report, dimension, segment, year, value, unit, value_bn,
**                share, yoy_growth, value_basis, share_basis,
**                scenario (hidden)
** scenario is 'reported' by default, or 'stated_cagr' (rules.c).
**
** How it works: xFilter takes the current model of the source
** (source.c: built once for the built-in report, rebuilt when the
** input tables change for pm_model). A model that fits in
** MODEL_DENSE_BYTES keeps every row of both scenarios and the cursor only
** points into them; a bigger one keeps its inputs only, and the cursor
** computes the rows of each segment it reaches (rules.c), so memory
** stays that of one segment's years and the work that of the rows
** returned. Pushed down
** (each marked omit, the cursor applies it exactly):
**   scenario =, report =, dimension =, segment = (BINARY collation only)
**   year =, year >, year >=, year <, year <=
** With report, dimension and segment all given, the segment is found by
** hash (model_find_segment()): a point query does not depend on the number
** of reports. idxNum is a bitmask of the terms used; their values arrive in
** xFilter's argv in the order of the bits; idxStr spells the plan for
** EXPLAIN QUERY PLAN, e.g. "scenario= segment= year>=".
**
** Comparisons follow SQLite's own rules for these column types: report,
** dimension and segment are TEXT (a NULL or a BLOB matches nothing), year
** is INTEGER (numeric text compares as its number; other text or a BLOB is
** greater than every number; NULL matches nothing).
*/
#include "segments_vtab.h"

#include "rules.h"
#include "sql/table_vtab.h"

#include <math.h>
#include <string.h>

SQLITE_EXTENSION_INIT3

/* What a column holds; each table lists its columns in schema order. */
enum {
  F_REPORT,
  F_DIMENSION,
  F_SEGMENT,
  F_YEAR,
  F_VALUE,
  F_UNIT,
  F_VALUE_BN,
  F_SHARE,
  F_YOY,
  F_VALUE_BASIS,
  F_SHARE_BASIS,
  F_SCENARIO
};

typedef struct rows_spec {
  const char *name;
  const char *schema;
  int n_columns;
  int fields[12];
  int builtin;
} rows_spec;

static const rows_spec segments_spec = {
    "pm_segments",
    "CREATE TABLE x(dimension TEXT, segment TEXT, year INTEGER, "
    "value_usd_bn REAL, share REAL, yoy_growth REAL, value_basis TEXT, "
    "share_basis TEXT, scenario TEXT HIDDEN)",
    9,
    {F_DIMENSION, F_SEGMENT, F_YEAR, F_VALUE_BN, F_SHARE, F_YOY, F_VALUE_BASIS,
     F_SHARE_BASIS, F_SCENARIO},
    1};

static const rows_spec model_spec = {
    "pm_model",
    "CREATE TABLE x(report TEXT, dimension TEXT, segment TEXT, year INTEGER, "
    "value REAL, unit TEXT, value_bn REAL, share REAL, yoy_growth REAL, "
    "value_basis TEXT, share_basis TEXT, scenario TEXT HIDDEN)",
    12,
    {F_REPORT, F_DIMENSION, F_SEGMENT, F_YEAR, F_VALUE, F_UNIT, F_VALUE_BN,
     F_SHARE, F_YOY, F_VALUE_BASIS, F_SHARE_BASIS, F_SCENARIO},
    0};

/* idxNum bits; argv holds one value per set bit, in this order. */
#define PLAN_SCENARIO 0x01
#define PLAN_DIMENSION 0x02
#define PLAN_SEGMENT 0x04
#define PLAN_YEAR_EQ 0x08
#define PLAN_YEAR_GT 0x10
#define PLAN_YEAR_GE 0x20
#define PLAN_YEAR_LT 0x40
#define PLAN_YEAR_LE 0x80
#define PLAN_REPORT 0x100
#define PLAN_BITS 9

static const struct plan_term {
  int field;
  unsigned char op;
  const char *text; /* for idxStr */
} plan_terms[PLAN_BITS] = {
    {F_SCENARIO, SQLITE_INDEX_CONSTRAINT_EQ, "scenario="},
    {F_DIMENSION, SQLITE_INDEX_CONSTRAINT_EQ, "dimension="},
    {F_SEGMENT, SQLITE_INDEX_CONSTRAINT_EQ, "segment="},
    {F_YEAR, SQLITE_INDEX_CONSTRAINT_EQ, "year="},
    {F_YEAR, SQLITE_INDEX_CONSTRAINT_GT, "year>"},
    {F_YEAR, SQLITE_INDEX_CONSTRAINT_GE, "year>="},
    {F_YEAR, SQLITE_INDEX_CONSTRAINT_LT, "year<"},
    {F_YEAR, SQLITE_INDEX_CONSTRAINT_LE, "year<="},
    {F_REPORT, SQLITE_INDEX_CONSTRAINT_EQ, "report="},
};

/* A match: a segment of a report. */
typedef struct match {
  int report, segment;
} match;

typedef struct rows_cursor {
  sqlite3_vtab_cursor base;
  model_snapshot *snap;
  model_scenario scenario;
  int year_lo, year_hi;      /* the year filters, as a range */
  match *matches;
  int n_matches, capacity, next_match;
  const model_report *r;     /* the current row's report */
  int segment, year, last_year;
  const model_row *row;      /* the current row, 0 at the end */
  sqlite3_int64 segment_id;  /* for the rowid */
  /* The rows of the current segment when the model does not keep them:
  ** the whole market of the report and years held, and the segment's
  ** rows of both scenarios (2 x their count). */
  const model_report *whole_of;
  int whole_from, whole_to, capacity_years;
  model_whole_year *whole;
  model_row *computed;
} rows_cursor;

static int rows_init(sqlite3 *db, void *aux, int argc, const char *const *argv,
                     sqlite3_vtab **out, char **err) {
  const model_module *module = aux;
  const rows_spec *spec = module->spec;
  return model_vtab_connect(db, module, spec->schema, spec->name,
                            spec->builtin, argc, argv, out, err);
}

static int rows_connect(sqlite3 *db, void *aux, int argc,
                        const char *const *argv, sqlite3_vtab **out,
                        char **err) {
  return rows_init(db, aux, argc, argv, out, err);
}

/* A distinct xCreate: pm_model has no eponymous form. */
static int rows_create(sqlite3 *db, void *aux, int argc,
                       const char *const *argv, sqlite3_vtab **out,
                       char **err) {
  return rows_init(db, aux, argc, argv, out, err);
}

static int rows_best_index(sqlite3_vtab *base, sqlite3_index_info *info) {
  const rows_spec *spec = ((const model_vtab *)base)->spec;
  int use[PLAN_BITS]; /* constraint index per bit, or -1 */
  int scenario_unusable = 0;
  for (int b = 0; b < PLAN_BITS; b++) use[b] = -1;

  for (int i = 0; i < info->nConstraint; i++) {
    const struct sqlite3_index_constraint *c = &info->aConstraint[i];
    if (c->iColumn < 0 || c->iColumn >= spec->n_columns) continue;
    int field = spec->fields[c->iColumn];
    for (int b = 0; b < PLAN_BITS; b++) {
      if (field != plan_terms[b].field || c->op != plan_terms[b].op) continue;
      if (!c->usable) {
        if (b == 0) scenario_unusable = 1;
        break;
      }
      /* Text equality is exact (BINARY); leave other collations to SQLite. */
      if (field != F_SCENARIO && field != F_YEAR &&
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

  /* Guesses (the model may not be read yet): 16 segments x 11 years per
  ** report, 4 reports; each filter narrows as in the built-in report. */
  double rows = spec->builtin ? 176 : 704;
  if (mask & PLAN_REPORT) rows /= 4;
  if (mask & PLAN_SEGMENT) {
    rows /= 16;
  } else if (mask & PLAN_DIMENSION) {
    rows /= 4;
  }
  if (mask & PLAN_YEAR_EQ) {
    rows /= 11;
  } else {
    if (mask & (PLAN_YEAR_GT | PLAN_YEAR_GE)) rows /= 2;
    if (mask & (PLAN_YEAR_LT | PLAN_YEAR_LE)) rows /= 2;
  }
  info->estimatedRows = (sqlite3_int64)ceil(rows);
  info->estimatedCost = rows;
  int unique = PLAN_DIMENSION | PLAN_SEGMENT | PLAN_YEAR_EQ |
               (spec->builtin ? 0 : PLAN_REPORT);
  if ((mask & unique) == unique) info->idxFlags |= SQLITE_INDEX_SCAN_UNIQUE;
  return SQLITE_OK;
}

static int rows_open(sqlite3_vtab *base, sqlite3_vtab_cursor **out) {
  (void)base;
  return tv_new_cursor(sizeof(rows_cursor), out);
}

static int rows_close(sqlite3_vtab_cursor *base) {
  rows_cursor *cur = (rows_cursor *)base;
  model_snapshot_release(cur->snap);
  sqlite3_free(cur->matches);
  sqlite3_free(cur->whole);
  sqlite3_free(cur->computed);
  sqlite3_free(cur);
  return SQLITE_OK;
}

/* The rows first..last of a segment the model does not keep, computed
** into the cursor (with the year before, for yoy_growth): memory for the
** years of one segment, whatever the size of the model. */
static int compute_rows(rows_cursor *cur, const model_report *r, int segment,
                        int first, int last) {
  int from = first > r->first_year ? first - 1 : first;
  int n = last - from + 1;
  if (n > cur->capacity_years) {
    model_whole_year *whole = sqlite3_realloc64(cur->whole, (size_t)n * sizeof *whole);
    if (whole) cur->whole = whole;
    model_row *rows = sqlite3_realloc64(cur->computed, 2 * (size_t)n * sizeof *rows);
    if (rows) cur->computed = rows;
    if (!whole || !rows) return SQLITE_NOMEM;
    cur->capacity_years = n;
    cur->whole_of = 0;
  }
  if (cur->whole_of != r || cur->whole_from != from || cur->whole_to != last) {
    model_whole_path(r, from, last, cur->whole);
    cur->whole_of = r;
    cur->whole_from = from;
    cur->whole_to = last;
  }
  model_segment_path(r, segment, from, last, cur->whole, cur->computed,
                     cur->computed + n);
  cur->row = cur->computed + (cur->scenario == MODEL_SCENARIO_REPORTED ? 0 : n) +
             (first - from);
  return SQLITE_OK;
}

/* Moves to the first year in range of the next matching segment whose
** report has one, or to the end. */
static int next_segment(rows_cursor *cur) {
  const model_set *set = cur->snap->set;
  while (cur->next_match < cur->n_matches) {
    const match *m = &cur->matches[cur->next_match++];
    const model_report *r = &set->reports[m->report];
    int first = cur->year_lo > r->first_year ? cur->year_lo : r->first_year;
    int last = cur->year_hi < r->last_year ? cur->year_hi : r->last_year;
    if (first > last) continue;
    cur->r = r;
    cur->segment = m->segment;
    cur->year = first;
    cur->last_year = last;
    cur->segment_id = r->segment_base + m->segment;
    const model_row *kept = model_rows(r, cur->scenario, m->segment);
    if (kept) {
      cur->row = &kept[first - r->first_year];
      return SQLITE_OK;
    }
    return compute_rows(cur, r, m->segment, first, last);
  }
  cur->row = 0;
  return SQLITE_OK;
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
static int text_passes(const text_key *key, const char *name) {
  return !key->text ||
         (strlen(name) == key->bytes && memcmp(key->text, name, key->bytes) == 0);
}

/* Narrows [lo, hi] by `year OP value`, comparing as SQLite compares an
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
    *first = (int)lo; /* both within 0..10000, the years a model may have */
    *last = (int)hi;
  }
}

static int add_match(rows_cursor *cur, int report, int segment) {
  if (cur->n_matches == cur->capacity) {
    int capacity = cur->capacity ? 2 * cur->capacity : 32;
    match *grown = sqlite3_realloc64(cur->matches, (size_t)capacity * sizeof *grown);
    if (!grown) return SQLITE_NOMEM;
    cur->matches = grown;
    cur->capacity = capacity;
  }
  cur->matches[cur->n_matches++] = (match){report, segment};
  return SQLITE_OK;
}

/* The segments passing the text filters, in order. */
static int find_matches(rows_cursor *cur, const text_key *report,
                        const text_key *dimension, const text_key *segment) {
  const model_set *set = cur->snap->set;
  int first = 0, last = set->n_reports - 1;
  if (report->text) {
    first = last = model_find_report(set, report->text, report->bytes);
    if (first < 0) return SQLITE_OK;
    if (dimension->text && segment->text) {
      int s = model_find_segment(set, first, dimension->text, dimension->bytes,
                                 segment->text, segment->bytes);
      return s < 0 ? SQLITE_OK : add_match(cur, first, s);
    }
  }
  for (int r = first; r <= last; r++) {
    const model_report *rep = &set->reports[r];
    for (int i = 0; i < rep->n_segments; i++) {
      const model_segment *s = &rep->segments[i];
      if (text_passes(dimension, s->dimension) &&
          text_passes(segment, s->segment)) {
        int rc = add_match(cur, r, i);
        if (rc != SQLITE_OK) return rc;
      }
    }
  }
  return SQLITE_OK;
}

static int rows_filter(sqlite3_vtab_cursor *base, int idx_num,
                       const char *idx_str, int argc, sqlite3_value **argv) {
  rows_cursor *cur = (rows_cursor *)base;
  model_vtab *vtab = (model_vtab *)base->pVtab;
  const rows_spec *spec = vtab->spec;
  (void)idx_str;
  text_key report = {0, 0}, dimension = {0, 0}, segment = {0, 0};
  model_snapshot_release(cur->snap);
  cur->snap = 0;
  cur->scenario = MODEL_SCENARIO_REPORTED;
  cur->year_lo = 0;
  cur->year_hi = 10000;
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
        return tv_set_error(base->pVtab,
                            sqlite3_mprintf(
                                "%s(): unknown scenario '%s'; valid "
                                "scenarios: %s",
                                spec->name, name, model_scenario_list()));
      }
    } else if (b == 1) {
      rc = text_filter(value, &dimension, &empty);
    } else if (b == 2) {
      rc = text_filter(value, &segment, &empty);
    } else if (b == 8) {
      rc = text_filter(value, &report, &empty);
    } else {
      year_filter(value, plan_terms[b].op, &cur->year_lo, &cur->year_hi,
                  &empty);
    }
  }
  if (rc != SQLITE_OK || empty) return rc;
  char *err = 0;
  rc = model_source_get(&vtab->src, &cur->snap, &err);
  if (rc != SQLITE_OK) {
    tv_set_error(base->pVtab, err); /* err is 0 for SQLITE_NOMEM */
    return rc;
  }
  rc = find_matches(cur, &report, &dimension, &segment);
  if (rc == SQLITE_OK) rc = next_segment(cur);
  return rc;
}

static int rows_next(sqlite3_vtab_cursor *base) {
  rows_cursor *cur = (rows_cursor *)base;
  if (cur->year < cur->last_year) {
    cur->year++;
    cur->row++; /* the years of a segment are consecutive */
    return SQLITE_OK;
  }
  return next_segment(cur);
}

static int rows_eof(sqlite3_vtab_cursor *base) {
  return !((rows_cursor *)base)->row;
}

static void result_optional(sqlite3_context *ctx, int has, double value) {
  if (has) {
    sqlite3_result_double(ctx, value);
  } else {
    sqlite3_result_null(ctx);
  }
}

/* Names live in the snapshot the cursor holds, for as long as the row. */
static void result_name(sqlite3_context *ctx, const char *name) {
  sqlite3_result_text(ctx, name, -1, SQLITE_TRANSIENT);
}

static int rows_column(sqlite3_vtab_cursor *base, sqlite3_context *ctx,
                       int col) {
  const rows_cursor *cur = (const rows_cursor *)base;
  const rows_spec *spec = ((const model_vtab *)base->pVtab)->spec;
  const model_row *row = cur->row;
  const model_segment *s = &cur->r->segments[cur->segment];
  switch (spec->fields[col]) {
    case F_REPORT: result_name(ctx, cur->r->report); break;
    case F_DIMENSION: result_name(ctx, s->dimension); break;
    case F_SEGMENT: result_name(ctx, s->segment); break;
    case F_YEAR: sqlite3_result_int(ctx, cur->year); break;
    case F_VALUE: result_optional(ctx, row->has_value, row->value); break;
    case F_UNIT: result_name(ctx, cur->r->unit); break;
    case F_VALUE_BN:
      result_optional(ctx, row->has_value, row->value * cur->r->to_bn);
      break;
    case F_SHARE: result_optional(ctx, row->has_share, row->share); break;
    case F_YOY: result_optional(ctx, row->has_yoy, row->yoy); break;
    case F_VALUE_BASIS:
      sqlite3_result_text(ctx, model_basis_name(row->value_basis), -1,
                          SQLITE_STATIC);
      break;
    case F_SHARE_BASIS:
      sqlite3_result_text(ctx, model_basis_name(row->share_basis), -1,
                          SQLITE_STATIC);
      break;
    default: /* F_SCENARIO */
      sqlite3_result_text(ctx, model_scenario_name(cur->scenario), -1,
                          SQLITE_STATIC);
      break;
  }
  return SQLITE_OK;
}

/* Unique per row and scenario: scenario, segment (counted over all
** reports), year. */
static int rows_rowid(sqlite3_vtab_cursor *base, sqlite3_int64 *rowid) {
  const rows_cursor *cur = (const rows_cursor *)base;
  *rowid = ((sqlite3_int64)cur->scenario * 100000000 + cur->segment_id) *
               10000 +
           cur->year;
  return SQLITE_OK;
}

/* pm_segments is eponymous-only (no CREATE VIRTUAL TABLE); pm_model is
** created only (its xCreate is not its xConnect). */
static const sqlite3_module segments_module =
    TV_MODULE(rows, 0, model_vtab_disconnect, 0);
static const sqlite3_module pm_model_module =
    TV_MODULE(rows, rows_create, model_vtab_disconnect, model_vtab_disconnect);

int model_register_rows(sqlite3 *db, model_builtin_cache *cache) {
  int rc = model_register_module(db, segments_spec.name, &segments_module,
                                 &segments_spec, cache);
  return rc == SQLITE_OK ? model_register_module(db, model_spec.name,
                                                 &pm_model_module, &model_spec,
                                                 cache)
                         : rc;
}
