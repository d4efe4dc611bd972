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
**
** The rows are streamed (model_table.chunk), one market and year at a
** time: a scan holds the paths of one market's reports, whatever the
** number of years.
*/
#include "model.h"
#include "math/growth.h"

#include <stdlib.h>
#include <string.h>

SQLITE_EXTENSION_INIT3

/* A report's whole-market path: the years it has a value and its rate. */
typedef struct path {
  const model_report *r;
  int first, last;       /* years with a value at both ends, 0 if none */
  double first_value, last_value;
  int has_rate;
  double rate;
} path;

/* The whole market's row in `year` ('reported'). */
static model_row whole_row(const model_report *r, int year) {
  model_row row;
  model_row_at(r, MODEL_SCENARIO_REPORTED, r->whole, year, &row);
  return row;
}

static void path_init(path *p, const model_report *r) {
  memset(p, 0, sizeof *p);
  p->r = r;
  if (r->whole < 0) return;
  for (int y = r->first_year; y <= r->last_year; y++) {
    model_row row = whole_row(r, y);
    if (!row.has_value) continue;
    if (!p->first) {
      p->first = y;
      p->first_value = row.value;
    }
    p->last = y;
    p->last_value = row.value;
  }
  if (p->first && p->last > p->first) {
    p->has_rate = growth_cagr(p->first_value, p->last_value,
                              p->last - p->first, &p->rate) == PMEXT_OK;
  }
}

/* The path's value at `year` in the report's unit, and its basis. */
static int path_value(const path *p, int year, double *value,
                      model_basis *basis) {
  const model_report *r = p->r;
  if (!p->first) return 0;
  if (year >= r->first_year && year <= r->last_year) {
    model_row row = whole_row(r, year);
    if (row.has_value) {
      *value = row.value;
      *basis = row.value_basis;
      return 1;
    }
  }
  if (!p->has_rate || (year >= p->first && year <= p->last)) return 0;
  int end = year < p->first ? p->first : p->last;
  *basis = MODEL_EXTRAPOLATED;
  return growth_project(end == p->first ? p->first_value : p->last_value,
                        p->rate, year - end, value) == PMEXT_OK;
}

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* The rows of one market (paths[0..n)) in one year. */
static void compare_year(tv_table *t, const path *paths, int n, int year,
                         double *sorted) {
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

/* A scan of pm_compare: the market at hand (its reports' paths) and the
** year to give next. One block, arrays for every report after it. */
typedef struct compare_state {
  int n, year, last;
  int *done;     /* per report: its market given or at hand */
  path *paths;   /* of the market at hand */
  double *sorted;
} compare_state;

static compare_state *state_new(int n_reports) {
  size_t n = (size_t)n_reports + 1;
  size_t bytes = sizeof(compare_state) + n * (sizeof(path) + sizeof(double) +
                                              sizeof(int));
  compare_state *st = sqlite3_malloc64(bytes);
  if (!st) return 0;
  memset(st, 0, bytes);
  st->paths = (path *)(st + 1);
  st->sorted = (double *)(st->paths + n);
  st->done = (int *)(st->sorted + n);
  st->year = 1;
  st->last = 0; /* no market at hand */
  return st;
}

/* Takes the next market (its reports in order of appearance): 0 when
** every market has been given. */
static int next_market(const model_set *set, compare_state *st) {
  int i = 0;
  while (i < set->n_reports && st->done[i]) i++;
  if (i == set->n_reports) return 0;
  int first = 0, last = 0;
  st->n = 0;
  for (int j = i; j < set->n_reports; j++) {
    const model_report *r = &set->reports[j];
    if (st->done[j] || strcmp(r->market, set->reports[i].market) != 0) continue;
    st->done[j] = 1;
    path_init(&st->paths[st->n++], r);
    if (!first || r->first_year < first) first = r->first_year;
    if (r->last_year > last) last = r->last_year;
  }
  st->year = first;
  st->last = last;
  return 1;
}

/* One chunk: the rows of one market in one year. */
static int compare_chunk(const model_set *set, int with_report,
                         model_chunk *pos, tv_table *t) {
  (void)with_report; /* its first column is the market */
  if (t->n_cols == 0) tv_init(t, 11);
  compare_state *st = pos->state;
  if (!st && !(st = pos->state = state_new(set->n_reports))) return SQLITE_NOMEM;
  if (st->year > st->last && !next_market(set, st)) return SQLITE_DONE;
  compare_year(t, st->paths, st->n, st->year++, st->sorted);
  pos->next++;
  return tv_finish(t);
}

const model_table model_table_compare = {
    "pm_compare",
    "CREATE TABLE x(market TEXT, year INTEGER, report TEXT, value REAL, "
    "unit TEXT, value_bn REAL, basis TEXT, n_reports INTEGER, min_bn REAL, "
    "median_bn REAL, max_bn REAL)",
    GRID_COMPARE, 0, 0, compare_chunk};
