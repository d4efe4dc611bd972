/* SPDX-License-Identifier: MIT */
/*
** compare.c -- reports of one market side by side: the table pm_compare,
** its schema and its rows.
**
** For each market (reports.market, in order of first appearance) the grid
** is every year from the earliest first year to the latest last year of
** its reports. On it, each report's whole market ('reported' scenario):
**   - inside the years where the report's path has a value: that value and
**     its basis (reported, interpolated, projected);
**   - outside them: extrapolated from the nearer end at the rate the path
**     implies between its two ends ('extrapolated'); NULL with basis
**     'not_reported' for a report whose path has a single year.
** Every value is also normalised to billions of the report's currency, and
** each row carries the consensus of its market and year over the reports
** with a value there: their count, minimum, median (the mean of the two
** middle values for an even count) and maximum, in billions.
*/
#include "model.h"
#include "math/growth.h"

#include <stdlib.h>
#include <string.h>

SQLITE_EXTENSION_INIT3

/* A report's whole-market path: the years it has a value and its rate. */
typedef struct path {
  const model_report *r;
  const model_row *rows; /* the whole market, 'reported' */
  int first, last;       /* years with a value at both ends, 0 if none */
  int has_rate;
  double rate;
} path;

static void path_init(path *p, const model_report *r) {
  memset(p, 0, sizeof *p);
  p->r = r;
  if (r->whole < 0) return;
  p->rows = model_rows(r, MODEL_SCENARIO_REPORTED, r->whole);
  for (int y = r->first_year; y <= r->last_year; y++) {
    if (!p->rows[y - r->first_year].has_value) continue;
    if (!p->first) p->first = y;
    p->last = y;
  }
  if (p->first && p->last > p->first) {
    p->has_rate =
        growth_cagr(p->rows[p->first - r->first_year].value,
                    p->rows[p->last - r->first_year].value,
                    p->last - p->first, &p->rate) == PMEXT_OK;
  }
}

/* The path's value at `year` in the report's unit, and its basis. */
static int path_value(const path *p, int year, double *value,
                      model_basis *basis) {
  const model_report *r = p->r;
  if (!p->first) return 0;
  if (year >= r->first_year && year <= r->last_year) {
    const model_row *row = &p->rows[year - r->first_year];
    if (row->has_value) {
      *value = row->value;
      *basis = row->value_basis;
      return 1;
    }
  }
  if (!p->has_rate || (year >= p->first && year <= p->last)) return 0;
  int end = year < p->first ? p->first : p->last;
  *basis = MODEL_EXTRAPOLATED;
  return growth_project(p->rows[end - r->first_year].value, p->rate,
                        year - end, value) == PMEXT_OK;
}

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* The rows of one market: reports idx[0..n). */
static void compare_market(tv_table *t, const model_set *set, const int *idx,
                           int n, path *paths, double *sorted) {
  int first = 0, last = 0;
  for (int k = 0; k < n; k++) {
    const model_report *r = &set->reports[idx[k]];
    path_init(&paths[k], r);
    if (!first || r->first_year < first) first = r->first_year;
    if (r->last_year > last) last = r->last_year;
  }
  for (int year = first; year <= last; year++) {
    int m = 0;
    for (int k = 0; k < n; k++) {
      double v;
      model_basis b;
      if (path_value(&paths[k], year, &v, &b)) sorted[m++] = v * paths[k].r->to_bn;
    }
    qsort(sorted, (size_t)m, sizeof *sorted, by_value);
    for (int k = 0; k < n; k++) {
      const model_report *r = paths[k].r;
      double v = 0;
      model_basis b = MODEL_NOT_REPORTED;
      int has = path_value(&paths[k], year, &v, &b);
      tv_text(t, r->market);
      tv_int(t, year);
      tv_text(t, r->report);
      if (has) tv_real(t, v); else tv_null(t);
      tv_text(t, r->unit);
      if (has) tv_real(t, v * r->to_bn); else tv_null(t);
      tv_text(t, model_basis_name(has ? b : MODEL_NOT_REPORTED));
      tv_int(t, m);
      if (m > 0) {
        tv_real(t, sorted[0]);
        tv_real(t, m % 2 ? sorted[m / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2);
        tv_real(t, sorted[m - 1]);
      } else {
        tv_null(t);
        tv_null(t);
        tv_null(t);
      }
    }
  }
}

static int build_compare(const model_set *set, int with_report,
                         tv_table *t) {
  (void)with_report; /* its first column is the market */
  tv_init(t, 11);
  size_t n = (size_t)set->n_reports + 1;
  int *idx = sqlite3_malloc64(n * sizeof *idx);
  int *done = sqlite3_malloc64(n * sizeof *done);
  path *paths = sqlite3_malloc64(n * sizeof *paths);
  double *sorted = sqlite3_malloc64(n * sizeof *sorted);
  if (!idx || !done || !paths || !sorted) {
    t->oom = 1;
  } else {
    memset(done, 0, n * sizeof *done);
    for (int i = 0; i < set->n_reports; i++) {
      if (done[i]) continue;
      int m = 0;
      for (int j = i; j < set->n_reports; j++) {
        if (!done[j] && strcmp(set->reports[j].market, set->reports[i].market) == 0) {
          done[j] = 1;
          idx[m++] = j;
        }
      }
      compare_market(t, set, idx, m, paths, sorted);
    }
  }
  sqlite3_free(idx);
  sqlite3_free(done);
  sqlite3_free(paths);
  sqlite3_free(sorted);
  return tv_finish(t);
}

const model_table model_table_compare = {
    "pm_compare",
    "CREATE TABLE x(market TEXT, year INTEGER, report TEXT, value REAL, "
    "unit TEXT, value_bn REAL, basis TEXT, n_reports INTEGER, min_bn REAL, "
    "median_bn REAL, max_bn REAL)",
    GRID_COMPARE, 0, build_compare};
