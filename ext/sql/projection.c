/* SPDX-License-Identifier: MIT */
/*
** projection.c -- the table-valued function projection().
**
**   SELECT * FROM projection(value, rate, from_year, to_year);
**
** One row per year from from_year to to_year (counting down when to_year is
** earlier, a back-cast), columns:
**   year          from_year, from_year ± 1, ... (never past to_year);
**                 INTEGER when it is a whole number (from_year 2024 gives
**                 2024, not 2024.0: pandas pivots get integer labels),
**                 REAL for a fractional from_year (2024.5, 2025.5, ...)
**   value         project(value, rate, year - from_year)
**   growth_index  (1 + rate)^(year - from_year): value / the first value
** The arguments are the hidden columns start_value, rate, from_year and
** to_year (from_year and to_year typed like year).
**
** NULL, infinite and out-of-domain arguments, errors and limits are the
** contract of docs/functions.md, "Table-valued functions";
** tests/projection.test checks it requirement by requirement. This header
** says how.
**
** How it works: xBestIndex requires an equality constraint on each hidden
** column, passes them to xFilter in column order, and bit i of idxNum
** records that argument i is present. xFilter makes the plan of
** math/projection_plan.h (its rows, bounds and errors, shared with the
** other engines); the cursor counts k = 0, 1, ... and asks the plan for
** row k; nothing is stored.
*/
#include "args.h"
#include "register.h"
#include "table_vtab.h"
#include "math/projection_plan.h"

#include <math.h>

SQLITE_EXTENSION_INIT3

enum {
  COL_YEAR,
  COL_VALUE,
  COL_GROWTH_INDEX,
  COL_START_VALUE, /* first hidden column: the arguments */
  COL_RATE,
  COL_FROM_YEAR,
  COL_TO_YEAR,
  N_ARGS = 4
};

typedef struct projection_cursor {
  sqlite3_vtab_cursor base;
  projection_plan plan; /* plan.count rows */
  sqlite3_int64 k;      /* the current row */
} projection_cursor;

static int projection_open(sqlite3_vtab *vtab, sqlite3_vtab_cursor **cursor) {
  (void)vtab;
  return tv_new_cursor(sizeof(projection_cursor), cursor);
}

static int projection_close(sqlite3_vtab_cursor *cursor) {
  sqlite3_free(cursor);
  return SQLITE_OK;
}

/* idxNum bit i: argument i (hidden column COL_START_VALUE + i) is given. */
static int projection_best_index(sqlite3_vtab *vtab, sqlite3_index_info *info) {
  int present = 0, unusable = 0;
  int constraint_of[N_ARGS] = {-1, -1, -1, -1};
  for (int i = 0; i < info->nConstraint; i++) {
    const struct sqlite3_index_constraint *c = &info->aConstraint[i];
    if (c->iColumn < COL_START_VALUE) continue; /* not an argument */
    int arg = c->iColumn - COL_START_VALUE;
    if (c->op != SQLITE_INDEX_CONSTRAINT_EQ) continue;
    if (!c->usable) {
      unusable |= 1 << arg;
      continue;
    }
    present |= 1 << arg;
    constraint_of[arg] = i;
  }
  if ((present | unusable) != (1 << N_ARGS) - 1) {
    tv_set_error(vtab, sqlite3_mprintf(
                             "projection(): needs 4 arguments: value, rate, "
                             "from_year, to_year"));
    return SQLITE_ERROR;
  }
  if (present != (1 << N_ARGS) - 1) return SQLITE_CONSTRAINT; /* try later */
  for (int arg = 0; arg < N_ARGS; arg++) {
    info->aConstraintUsage[constraint_of[arg]].argvIndex = arg + 1;
    info->aConstraintUsage[constraint_of[arg]].omit = 1;
  }
  info->idxNum = present;
  info->estimatedCost = 10.0;
  info->estimatedRows = 10;
  return SQLITE_OK;
}

/* Read argument i as a number: 1 ok, 0 NULL, -1 error set on the vtab. */
static int read_arg(sqlite3_vtab *vtab, int i, sqlite3_value *value,
                    double *out) {
  if (pmext_value_number(value, out)) return 1;
  if (sqlite3_value_type(value) == SQLITE_NULL) return 0;
  tv_set_error(vtab, pmext_not_a_number("projection", projection_arg_name(i),
                                         value));
  return -1;
}

static int projection_filter(sqlite3_vtab_cursor *cursor, int idx_num,
                             const char *idx_str, int argc,
                             sqlite3_value **argv) {
  (void)idx_str;
  projection_cursor *c = (projection_cursor *)cursor;
  sqlite3_vtab *vtab = cursor->pVtab;
  double a[N_ARGS];
  int any_null = 0;
  c->k = 0;
  c->plan.count = 0;
  if (idx_num != (1 << N_ARGS) - 1 || argc != N_ARGS) return SQLITE_ERROR;
  for (int i = 0; i < N_ARGS; i++) {
    int status = read_arg(vtab, i, argv[i], &a[i]);
    if (status < 0) return vtab->zErrMsg ? SQLITE_ERROR : SQLITE_NOMEM;
    if (status == 0) any_null = 1;
  }
  if (any_null) return SQLITE_OK;
  projection_verdict verdict = projection_plan_make(a, &c->plan);
  if (verdict == PROJECTION_ROWS || verdict == PROJECTION_NO_ROWS) {
    return SQLITE_OK;
  }
  char from_text[32], to_text[32], why[160];
  sqlite3_snprintf(sizeof from_text, from_text, "%!.15g", a[2]);
  sqlite3_snprintf(sizeof to_text, to_text, "%!.15g", a[3]);
  projection_plan_explain(&c->plan, verdict, from_text, to_text, why,
                          sizeof why);
  tv_set_error(vtab, sqlite3_mprintf("projection(): %s", why));
  return vtab->zErrMsg ? SQLITE_ERROR : SQLITE_NOMEM;
}

static int projection_next(sqlite3_vtab_cursor *cursor) {
  ((projection_cursor *)cursor)->k++;
  return SQLITE_OK;
}

static int projection_eof(sqlite3_vtab_cursor *cursor) {
  projection_cursor *c = (projection_cursor *)cursor;
  return c->k >= c->plan.count;
}

/* A year: INTEGER when it is a whole number in the int64 range (the
** bounds are -2^63 and 2^63, exact as doubles), else REAL. */
static void result_year(sqlite3_context *ctx, double year) {
  if (year == floor(year) && year >= -0x1p63 && year < 0x1p63) {
    sqlite3_result_int64(ctx, (sqlite3_int64)year);
  } else {
    sqlite3_result_double(ctx, year);
  }
}

static int projection_column(sqlite3_vtab_cursor *cursor,
                             sqlite3_context *ctx, int column) {
  projection_cursor *c = (projection_cursor *)cursor;
  const projection_plan *plan = &c->plan;
  double result;
  pmext_status status = PMEXT_OK;
  switch (column) {
    case COL_YEAR:
      result_year(ctx, projection_plan_year(plan, c->k));
      return SQLITE_OK;
    case COL_VALUE:
      status = projection_plan_value(plan, c->k, &result);
      break;
    case COL_GROWTH_INDEX:
      status = projection_plan_index(plan, c->k, &result);
      break;
    case COL_START_VALUE:
      result = plan->start_value;
      break;
    case COL_RATE:
      result = plan->rate;
      break;
    case COL_FROM_YEAR:
      result_year(ctx, plan->from_year);
      return SQLITE_OK;
    default: /* COL_TO_YEAR: the last year reached is not always to_year */
      result_year(ctx, projection_plan_last_year(plan));
      return SQLITE_OK;
  }
  pmext_result_status(ctx, status, result);
  return SQLITE_OK;
}

static int projection_rowid(sqlite3_vtab_cursor *cursor, sqlite3_int64 *rowid) {
  *rowid = ((projection_cursor *)cursor)->k + 1;
  return SQLITE_OK;
}

static const sqlite3_module projection_module = TV_FUNCTION_MODULE(projection);

int pmext_register_projection(sqlite3 *db) {
  static const char schema[] =
      "CREATE TABLE x(year, value, growth_index, start_value HIDDEN, "
      "rate HIDDEN, from_year HIDDEN, to_year HIDDEN)";
  return sqlite3_create_module(db, "projection", &projection_module,
                               (void *)schema);
}
