/* SPDX-License-Identifier: MIT */
/*
** compare.c -- reports of one market side by side, like with like: the
** table pm_compare, its schema and its rows (docs/model.md, "The
** comparison").
**
** Reports are pooled when their market, their geography (the name of
** their whole market: 'Global', 'India') and their currency agree: names
** by their keys (names.c: 'Asia Pacific' is 'Asia-Pacific'), currencies by
** code ('US$', '$' and 'USD' are USD). With an fx table (pm_compare(fx=,
** currency=)) a report in another currency that has rates is converted, at
** the rate of each year (or the table's rate for any year), and pooled
** with the reports in the target currency; without one, different
** currencies are never pooled. A report without a whole market is not
** compared. Groups come in order of their first report.
**
** For each group the grid is every year from the earliest first year to
** the latest last year of its reports. On it, each report's whole market
** ('reported' scenario):
**   - inside the years where the report's path has a value: that value and
**     its basis (reported, interpolated, projected);
**   - outside them: extrapolated from the nearer end at the rate the path
**     implies between its two ends ('extrapolated'); NULL with basis
**     'not_reported' for a report whose path has a single year.
** Every value is also given in billions of the group's currency, and
** each row carries the consensus of its group and year: the count,
** minimum, median (the mean of the two middle values for an even count)
** and maximum, in billions, over the values counted. Counted: every value
** in billions but the extrapolated ones, which are shown and marked
** (counted = 0) unless count_extrapolated=yes.
**
** Cost: O(R log R + G x Y x R_g log R_g) for R reports in groups of R_g
** over Y years.
*/
#include "model.h"
#include "math/growth.h"

#include <stdlib.h>
#include <string.h>

SQLITE_EXTENSION_INIT3

/* A report's whole-market path: the years it has a value and its rate;
** its group and how its values reach the group's currency. */
typedef struct path {
  const model_report *r;
  const model_row *rows; /* the whole market, 'reported' */
  int first, last;       /* years with a value at both ends, 0 if none */
  int has_rate;
  double rate;
  const char *geo_key;   /* the key of the whole market's name */
  const char *currency;  /* the group's currency */
  int convert;           /* converted with the fx table */
  int index;             /* the report's place in the input */
} path;

static void path_init(path *p, const model_set *set, int index) {
  const model_report *r = &set->reports[index];
  memset(p, 0, sizeof *p);
  p->r = r;
  p->index = index;
  p->rows = model_rows(r, MODEL_SCENARIO_REPORTED, r->whole);
  p->geo_key = r->segments[r->whole].key;
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
  p->currency = r->currency;
  if (!set->fx_target[0]) return;
  int lo = 0, hi = set->n_fx;
  while (lo < hi) {
    int mid = lo + (hi - lo) / 2;
    if (strcmp(set->fx[mid].currency, r->currency) < 0) lo = mid + 1;
    else hi = mid;
  }
  int has_rates = lo < set->n_fx && strcmp(set->fx[lo].currency, r->currency) == 0;
  if (strcmp(r->currency, set->fx_target) == 0 || has_rates) {
    p->currency = set->fx_target;
    p->convert = strcmp(r->currency, set->fx_target) != 0;
  }
}

/* The rate of one unit of `currency` in the target currency in `year`:
** that year's, else the table's rate for any year. */
static int fx_rate(const model_set *set, const char *currency, int year,
                   double *rate) {
  int lo = 0, hi = set->n_fx;
  while (lo < hi) {
    int mid = lo + (hi - lo) / 2;
    const model_fx *f = &set->fx[mid];
    int c = strcmp(f->currency, currency);
    if (c < 0 || (c == 0 && f->year < year)) lo = mid + 1;
    else hi = mid;
  }
  if (lo < set->n_fx && set->fx[lo].year == year &&
      strcmp(set->fx[lo].currency, currency) == 0) {
    *rate = set->fx[lo].rate;
    return 1;
  }
  while (lo > 0 && strcmp(set->fx[lo - 1].currency, currency) == 0) lo--;
  if (lo < set->n_fx && set->fx[lo].year == 0 &&
      strcmp(set->fx[lo].currency, currency) == 0) {
    *rate = set->fx[lo].rate;
    return 1;
  }
  return 0;
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

/* One report in one year of the grid. */
typedef struct cell {
  int has, has_bn, has_rate, counted;
  double value, bn, rate;
  model_basis basis;
} cell;

static void cell_at(const model_set *set, const path *p, int year, cell *c) {
  memset(c, 0, sizeof *c);
  c->basis = MODEL_NOT_REPORTED;
  c->has = path_value(p, year, &c->value, &c->basis);
  if (!c->has) return;
  c->bn = c->value * p->r->to_bn;
  c->has_bn = 1;
  if (p->convert) {
    c->has_rate = fx_rate(set, p->r->currency, year, &c->rate);
    c->has_bn = c->has_rate;
    c->bn *= c->rate;
  }
  c->counted = c->has_bn &&
               (c->basis != MODEL_EXTRAPOLATED || set->count_extrapolated);
}

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* The rows of one group: paths[0..n), in the order of the input. */
static void compare_group(tv_table *t, const model_set *set, const path *paths,
                          int n, cell *cells, double *sorted) {
  int first = 0, last = 0;
  for (int k = 0; k < n; k++) {
    const model_report *r = paths[k].r;
    if (r->first_year == 0) continue; /* no figures, no window */
    if (!first || r->first_year < first) first = r->first_year;
    if (r->last_year > last) last = r->last_year;
  }
  const model_report *head = paths[0].r;
  for (int year = first; first && year <= last; year++) {
    int m = 0;
    for (int k = 0; k < n; k++) {
      cell_at(set, &paths[k], year, &cells[k]);
      if (cells[k].counted) sorted[m++] = cells[k].bn;
    }
    qsort(sorted, (size_t)m, sizeof *sorted, by_value);
    for (int k = 0; k < n; k++) {
      const model_report *r = paths[k].r;
      const cell *c = &cells[k];
      tv_text(t, head->market);
      tv_int(t, year);
      tv_text(t, r->report);
      if (c->has) tv_real(t, c->value); else tv_null(t);
      tv_text(t, r->unit);
      if (c->has_bn) tv_real(t, c->bn); else tv_null(t);
      tv_text(t, model_basis_name(c->has ? c->basis : MODEL_NOT_REPORTED));
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
      tv_text(t, head->segments[head->whole].segment);
      tv_text(t, paths[k].currency);
      if (c->has_rate) tv_real(t, c->rate); else tv_null(t);
      tv_int(t, c->counted);
    }
  }
}

/* Same market, geography and currency: one group. Ties by input order. */
static int by_group(const void *a, const void *b) {
  const path *x = a, *y = b;
  int c = strcmp(x->r->market_key, y->r->market_key);
  if (!c) c = strcmp(x->geo_key, y->geo_key);
  if (!c) c = strcmp(x->currency, y->currency);
  if (!c) c = x->index < y->index ? -1 : x->index > y->index;
  return c;
}

/* Groups by the input order of their first report. */
static int by_first_report(const void *a, const void *b) {
  const int *x = a, *y = b; /* {first report, start in paths, size} */
  return x[0] < y[0] ? -1 : x[0] > y[0];
}

static int build_compare(const model_set *set, int with_report,
                         tv_table *t) {
  (void)with_report; /* its first column is the market */
  tv_init(t, 15);
  size_t n = (size_t)set->n_reports + 1;
  path *paths = sqlite3_malloc64(n * sizeof *paths);
  cell *cells = sqlite3_malloc64(n * sizeof *cells);
  double *sorted = sqlite3_malloc64(n * sizeof *sorted);
  int *groups = sqlite3_malloc64(3 * n * sizeof *groups);
  if (!paths || !cells || !sorted || !groups) {
    t->oom = 1;
  } else {
    int m = 0, n_groups = 0;
    for (int i = 0; i < set->n_reports; i++) {
      if (set->reports[i].whole >= 0) path_init(&paths[m++], set, i);
    }
    if (m > 1) qsort(paths, (size_t)m, sizeof *paths, by_group);
    for (int k = 0; k < m; k++) {
      path a = paths[k], b = k > 0 ? paths[k - 1] : paths[k];
      b.index = a.index; /* compare the group's fields only */
      if (k == 0 || by_group(&a, &b) != 0) {
        int *g = &groups[3 * n_groups++];
        g[0] = paths[k].index;
        g[1] = k;
        g[2] = 0;
      }
      groups[3 * (n_groups - 1) + 2]++;
    }
    qsort(groups, (size_t)n_groups, 3 * sizeof *groups, by_first_report);
    for (int g = 0; g < n_groups; g++) {
      compare_group(t, set, &paths[groups[3 * g + 1]], groups[3 * g + 2],
                    cells, sorted);
    }
  }
  sqlite3_free(paths);
  sqlite3_free(cells);
  sqlite3_free(sorted);
  sqlite3_free(groups);
  return tv_finish(t);
}

const model_table model_table_compare = {
    "pm_compare",
    "CREATE TABLE x(market TEXT, year INTEGER, report TEXT, value REAL, "
    "unit TEXT, value_bn REAL, basis TEXT, n_reports INTEGER, min_bn REAL, "
    "median_bn REAL, max_bn REAL, geography TEXT, currency TEXT, "
    "fx_rate REAL, counted INTEGER)",
    GRID_COMPARE, 0, build_compare};
