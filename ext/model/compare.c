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
** over Y years. The rows are streamed (model_table.chunk), one group and
** year at a time: a scan holds the paths of the reports, not the rows.
*/
#include "compare.h"
#include "rules.h"
#include "math/growth.h"

#include <stdlib.h>
#include <string.h>

SQLITE_EXTENSION_INIT3

/* A report's whole-market path: the years it has a value and its rate;
** its group and how its values reach the group's currency. */
typedef struct path {
  const model_report *r;
  int first, last;       /* years with a value at both ends, 0 if none */
  double first_value, last_value;
  int has_rate;
  double rate;
  const char *geo_key;   /* the key of the whole market's name */
  const char *currency;  /* the group's currency */
  int convert;           /* converted with the fx table */
  int index;             /* the report's place in the input */
} path;

/* The whole market's row in `year` ('reported'), kept or computed. */
static model_row whole_row(const model_report *r, int year) {
  model_row row;
  model_row_at(r, MODEL_SCENARIO_REPORTED, r->whole, year, &row);
  return row;
}

static void path_init(path *p, const model_set *set, int index) {
  const model_report *r = &set->reports[index];
  memset(p, 0, sizeof *p);
  p->r = r;
  p->index = index;
  p->geo_key = r->segments[r->whole].key;
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

/* The years of one group: paths[0..n); *first 0 when none has figures. */
static void group_years(const path *paths, int n, int *first, int *last) {
  *first = *last = 0;
  for (int k = 0; k < n; k++) {
    const model_report *r = paths[k].r;
    if (r->first_year == 0) continue; /* no figures, no window */
    if (!*first || r->first_year < *first) *first = r->first_year;
    if (r->last_year > *last) *last = r->last_year;
  }
}

/* The rows of one group (paths[0..n), in the order of the input) in one
** year. */
static void compare_year(tv_table *t, const model_set *set, const path *paths,
                         int n, int year, cell *cells, double *sorted) {
  const model_report *head = paths[0].r;
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

/* A scan of pm_compare: every report's path sorted into groups, the
** group at hand and the year to give next. One block: the arrays follow
** the struct. */
typedef struct compare_state {
  int n_groups, group, year, last;
  path *paths;
  cell *cells;
  double *sorted;
  int *groups; /* per group: its first report, its start in paths, size */
} compare_state;

static compare_state *compare_start(const model_set *set) {
  size_t n = (size_t)set->n_reports + 1;
  size_t bytes = sizeof(compare_state) +
                 n * (sizeof(path) + sizeof(cell) + sizeof(double) + 3 * sizeof(int));
  compare_state *st = sqlite3_malloc64(bytes);
  if (!st) return 0;
  memset(st, 0, sizeof *st);
  st->paths = (path *)(st + 1);
  st->cells = (cell *)(st->paths + n);
  st->sorted = (double *)(st->cells + n);
  st->groups = (int *)(st->sorted + n);
  int m = 0;
  for (int i = 0; i < set->n_reports; i++) {
    if (set->reports[i].whole >= 0) path_init(&st->paths[m++], set, i);
  }
  if (m > 1) qsort(st->paths, (size_t)m, sizeof *st->paths, by_group);
  for (int k = 0; k < m; k++) {
    path a = st->paths[k], b = k > 0 ? st->paths[k - 1] : st->paths[k];
    b.index = a.index; /* compare the group's fields only */
    if (k == 0 || by_group(&a, &b) != 0) {
      int *g = &st->groups[3 * st->n_groups++];
      g[0] = st->paths[k].index;
      g[1] = k;
      g[2] = 0;
    }
    st->groups[3 * (st->n_groups - 1) + 2]++;
  }
  qsort(st->groups, (size_t)st->n_groups, 3 * sizeof *st->groups,
        by_first_report);
  st->group = -1; /* none at hand yet */
  return st;
}

/* One chunk: the rows of one group in one year. */
static int compare_chunk(const model_set *set, int with_report,
                         model_chunk *pos, tv_table *t) {
  (void)with_report; /* its first column is the market */
  if (t->n_cols == 0) tv_init(t, 15);
  compare_state *st = pos->state;
  if (!st && !(st = pos->state = compare_start(set))) return SQLITE_NOMEM;
  while (st->group < 0 || st->year > st->last) {
    if (++st->group >= st->n_groups) return SQLITE_DONE;
    const int *g = &st->groups[3 * st->group];
    group_years(&st->paths[g[1]], g[2], &st->year, &st->last);
    if (!st->year) st->last = -1; /* no year: an empty group */
  }
  const int *g = &st->groups[3 * st->group];
  compare_year(t, set, &st->paths[g[1]], g[2], st->year++, st->cells,
               st->sorted);
  pos->next++;
  return tv_finish(t);
}

const model_table model_table_compare = {
    "pm_compare",
    "CREATE TABLE x(market TEXT, year INTEGER, report TEXT, value REAL, "
    "unit TEXT, value_bn REAL, basis TEXT, n_reports INTEGER, min_bn REAL, "
    "median_bn REAL, max_bn REAL, geography TEXT, currency TEXT, "
    "fx_rate REAL, counted INTEGER)",
    GRID_COMPARE, 0, 0, compare_chunk};
