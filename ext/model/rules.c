/* SPDX-License-Identifier: MIT */
/*
** rules.c -- the rules that turn a report's printed figures (read by
** reader.c) into the whole model: a value and a share for every
** segment and year of the report's window, in both scenarios.
**
** The window of a report runs from its first printed year to its last
** printed year or the end of a stated CAGR, whichever is later. The whole
** market is the report's first segment of dimension 'market'.
**
** Provenance rules (docs/model.md says the same in words):
**   1. A printed figure is 'reported' and returned exactly as printed.
**   2. A year between two printed years of a segment: constant growth
**      between the neighbouring anchors, growth_interpolate()
**      ('interpolated').
**   3. A year after a segment's last printed size, inside the period of a
**      CAGR the report states for that segment (for the whole market: a
**      claim without a segment), when the last printed year is at most one
**      year before that period: the last printed size grown at the stated
**      rate ('projected').
**   4. A segment printed only as a share: value = share x the whole
**      market's value of that year ('derived' in the year of the printed
**      share, 'projected' when the whole market's value is); other years
**      keep the nearest printed share ('assumed', and so is the value
**      computed from it).
**   5. A segment with a value but no printed share for a year: share =
**      value / whole market ('derived'). The whole market's share is 1.
**   6. A segment without any figure: NULL value and share, 'not_reported'.
**   7. yoy_growth = value / previous year's value - 1; NULL in the first
**      year and wherever a value is NULL.
**   8. Scenario 'stated_cagr' (the report's first CAGR for the whole
**      market): up to the first year of its period the rows are those of
**      'reported'; after it the whole market is its value of that year
**      grown at the stated rate ('derived'), and every other segment keeps
**      its 'reported' share, its value being that share x the scenario's
**      whole market ('derived', or 'assumed' with an assumed share). A
**      report without such a claim has the rows of 'reported'.
*/
#include "rules.h"

#include "math/growth.h"

#include <math.h>
#include <string.h>

SQLITE_EXTENSION_INIT3

/* --- names ----------------------------------------------------------- */

const char *model_basis_name(model_basis basis) {
  static const char *const names[MODEL_N_BASES] = {
      "reported",     "derived",   "interpolated", "assumed",
      "not_reported", "projected", "extrapolated"};
  return names[basis];
}

static const char *const scenario_names[MODEL_N_SCENARIOS] = {"reported",
                                                              "stated_cagr"};

const char *model_scenario_name(model_scenario scenario) {
  return scenario_names[scenario];
}

int model_scenario_lookup(const char *name, model_scenario *out) {
  for (int i = 0; i < MODEL_N_SCENARIOS; i++) {
    if (strcmp(name, scenario_names[i]) == 0) {
      *out = (model_scenario)i;
      return 1;
    }
  }
  return 0;
}

const char *model_scenario_list(void) { return "'reported', 'stated_cagr'"; }

/* --- values and shares ----------------------------------------------- */

/* Constant growth through (year0, value0) and (year1, value1), at year. */
static int interpolate(const model_figure *a, const model_figure *b, int year,
                       double *out) {
  return growth_interpolate(year, a->year, a->x, b->year, b->x, out) ==
         PMEXT_OK;
}

/* Rule 3: the last printed size grown at a stated CAGR (the segment's
** claims with a period, s->cagr, in the order stated). */
static int projected(const model_report *r, int index, int year,
                     double *value) {
  const model_segment *s = &r->segments[index];
  if (s->n_values == 0) return 0;
  const model_figure *last = &s->values[s->n_values - 1];
  for (int i = 0; i < s->n_cagr; i++) {
    const model_claim *c = &r->claims[s->cagr[i]];
    if (last->year < year && year <= c->to_year &&
        last->year >= c->from_year - 1 && last->year < c->to_year) {
      return growth_project(last->x, c->value, year - last->year, value) ==
             PMEXT_OK;
    }
  }
  return 0;
}

/* The value of a segment from its own printed sizes (reported,
** interpolated, projected at a stated CAGR); 0 when there is none. */
static int own_value(const model_report *r, int index, int year,
                     double *value, model_basis *basis) {
  const model_segment *s = &r->segments[index];
  const model_figure *f = model_printed(s->values, s->n_values, year);
  if (f) {
    *value = f->x;
    *basis = MODEL_REPORTED;
    return 1;
  }
  int k = model_first_from(s->values, s->n_values, year);
  if (k > 0 && k < s->n_values &&
      interpolate(&s->values[k - 1], &s->values[k], year, value)) {
    *basis = MODEL_INTERPOLATED;
    return 1;
  }
  if (projected(r, index, year, value)) {
    *basis = MODEL_PROJECTED;
    return 1;
  }
  return 0;
}

/* Rule 4: the printed share of the year, else the nearest printed one. */
static int held_share(const model_segment *s, int year, double *share,
                      model_basis *basis) {
  if (s->n_shares == 0) return 0;
  /* The nearest printed year; of two as near, the earlier. */
  int k = model_first_from(s->shares, s->n_shares, year);
  const model_figure *best =
      k == s->n_shares ||
              (k > 0 && year - s->shares[k - 1].year <= s->shares[k].year - year)
          ? &s->shares[k - 1]
          : &s->shares[k];
  *share = best->x;
  *basis = best->year == year ? MODEL_REPORTED : MODEL_ASSUMED;
  return 1;
}

/* The basis of share x total. */
static model_basis product_basis(model_basis share, model_basis total) {
  if (share == MODEL_ASSUMED) return MODEL_ASSUMED;
  return total == MODEL_PROJECTED ? MODEL_PROJECTED : MODEL_DERIVED;
}

/* The 'reported' scenario: rules 1-6. */
static void reported_row(const model_report *r, int index, int year,
                         const model_whole_year *w, model_row *row) {
  const model_segment *s = &r->segments[index];
  memset(row, 0, sizeof *row);
  row->value_basis = row->share_basis = MODEL_NOT_REPORTED;
  if (index == r->whole ? w->has
                        : own_value(r, index, year, &row->value,
                                          &row->value_basis)) {
    if (index == r->whole) {
      row->value = w->value;
      row->value_basis = w->basis;
    }
    row->has_value = 1;
    const model_figure *f = model_printed(s->shares, s->n_shares, year);
    if (f) {
      row->has_share = 1;
      row->share = f->x;
      row->share_basis = MODEL_REPORTED;
    } else if (w->has && w->value > 0) {
      row->has_share = 1;
      row->share = row->value / w->value;
      row->share_basis = MODEL_DERIVED;
    }
  } else if (held_share(s, year, &row->share, &row->share_basis)) {
    row->has_share = 1;
    if (w->has) {
      row->has_value = 1;
      row->value = row->share * w->value;
      row->value_basis = product_basis(row->share_basis, w->basis);
    }
  }
}

int model_stated_value(const model_report *r, int year, double *out) {
  if (r->stated < 0 || r->whole < 0) return 0;
  const model_claim *c = &r->claims[r->stated];
  double start;
  model_basis basis;
  return own_value(r, r->whole, c->from_year, &start, &basis) &&
         growth_project(start, c->value, year - c->from_year, out) ==
             PMEXT_OK;
}

/* The 'stated_cagr' scenario from the 'reported' row (rule 8). */
static void stated_row(const model_report *r, int index, int year,
                       const model_whole_year *w, model_row *row) {
  if (r->stated < 0 || year <= r->claims[r->stated].from_year) return;
  if (!w->has_stated) {
    row->has_value = 0;
    row->value_basis = MODEL_NOT_REPORTED;
    return;
  }
  if (index == r->whole) {
    row->has_value = 1;
    row->value = w->stated;
    row->value_basis = MODEL_DERIVED;
    row->has_share = 1;
    row->share = 1;
    row->share_basis = MODEL_DERIVED;
  } else if (row->has_share) {
    row->value = row->share * w->stated;
    row->has_value = 1;
    row->value_basis = row->share_basis == MODEL_ASSUMED ? MODEL_ASSUMED
                                                         : MODEL_DERIVED;
  }
}

/* yoy_growth of `row` from the row of the year before (rule 7). */
static void set_yoy(model_row *row, const model_row *previous) {
  row->has_yoy = row->has_value && previous->has_value &&
                 growth_cagr(previous->value, row->value, 1, &row->yoy) ==
                     PMEXT_OK;
}

/* SQLITE_INTERRUPT when the set's connection has been interrupted (a long
** computation calls it every so often), else SQLITE_OK. */
static int model_interrupted(const model_set *set) {
  if (!set->db) return SQLITE_OK;
#if SQLITE_VERSION_NUMBER >= 3041000
  if (sqlite3_libversion_number() >= 3041000) {
    return sqlite3_is_interrupted(set->db) ? SQLITE_INTERRUPT : SQLITE_OK;
  }
#endif
  /* Before SQLite 3.41 nothing tells, but a statement run now stops at
  ** once with SQLITE_INTERRUPT. */
  sqlite3_stmt *stmt = 0;
  int rc = sqlite3_prepare_v2(set->db, "SELECT 1", -1, &stmt, 0);
  if (rc == SQLITE_OK) rc = sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  return rc == SQLITE_INTERRUPT || rc == SQLITE_NOMEM ? rc : SQLITE_OK;
}

void model_whole_path(const model_report *r, int from, int to,
                      model_whole_year *out) {
  for (int year = from; year <= to; year++) {
    model_whole_year *w = &out[year - from];
    w->basis = MODEL_NOT_REPORTED;
    w->has = r->whole >= 0 &&
             own_value(r, r->whole, year, &w->value, &w->basis);
    w->has_stated = model_stated_value(r, year, &w->stated);
  }
}

void model_segment_path(const model_report *r, int segment, int from, int to,
                        const model_whole_year *whole, model_row *reported,
                        model_row *stated) {
  for (int k = 0; k <= to - from; k++) {
    int year = from + k;
    reported_row(r, segment, year, &whole[k], &reported[k]);
    stated[k] = reported[k];
    stated_row(r, segment, year, &whole[k], &stated[k]);
    if (k > 0) {
      set_yoy(&reported[k], &reported[k - 1]);
      set_yoy(&stated[k], &stated[k - 1]);
    }
  }
}

static int compute_report(model_set *set, model_report *r) {
  size_t n_years = (size_t)(r->last_year - r->first_year + 1);
  size_t n = (size_t)MODEL_N_SCENARIOS * (size_t)r->n_segments * n_years;
  r->rows = 0;
  if (set->dense_bytes + n * sizeof *r->rows > MODEL_DENSE_BYTES) {
    return SQLITE_OK; /* computed as scans reach them */
  }
  set->dense_bytes += n * sizeof *r->rows;
  model_row *rows = model_alloc(set, (n + 1) * sizeof *rows);
  model_whole_year *whole = sqlite3_malloc64((n_years + 1) * sizeof *whole);
  int rc = rows && whole ? SQLITE_OK : SQLITE_NOMEM;
  if (rc == SQLITE_OK) model_whole_path(r, r->first_year, r->last_year, whole);
  for (int i = 0; i < r->n_segments && rc == SQLITE_OK; i++) {
    if (i % 64 == 0 && (rc = model_interrupted(set)) != SQLITE_OK) break;
    model_segment_path(r, i, r->first_year, r->last_year, whole,
                       &rows[(size_t)i * n_years],
                       &rows[((size_t)r->n_segments + (size_t)i) * n_years]);
  }
  sqlite3_free(whole);
  if (rc == SQLITE_OK) r->rows = rows;
  return rc;
}

int model_compute(model_set *set) {
  int rc = SQLITE_OK;
  for (int r = 0; r < set->n_reports && rc == SQLITE_OK; r++) {
    rc = compute_report(set, &set->reports[r]);
  }
  return rc;
}

const model_row *model_rows(const model_report *r, model_scenario scenario,
                            int segment) {
  if (!r->rows) return 0;
  size_t n_years = (size_t)(r->last_year - r->first_year + 1);
  return &r->rows[((size_t)scenario * (size_t)r->n_segments + (size_t)segment) *
                  n_years];
}

void model_row_at(const model_report *r, model_scenario scenario, int segment,
                  int year, model_row *out) {
  const model_row *rows = model_rows(r, scenario, segment);
  if (rows) {
    *out = rows[year - r->first_year];
    return;
  }
  /* The year before too, for yoy_growth. */
  int from = year > r->first_year ? year - 1 : year;
  model_whole_year whole[2];
  model_row reported[2], stated[2];
  model_whole_path(r, from, year, whole);
  model_segment_path(r, segment, from, year, whole, reported, stated);
  *out = (scenario == MODEL_SCENARIO_REPORTED ? reported : stated)[year - from];
}

int model_implied_cagr(const model_report *r, int segment, int from, int to,
                       double *out) {
  if (from < r->first_year || to > r->last_year) return 0;
  model_row a, b;
  model_row_at(r, MODEL_SCENARIO_REPORTED, segment, from, &a);
  model_row_at(r, MODEL_SCENARIO_REPORTED, segment, to, &b);
  return a.has_value && b.has_value &&
         growth_cagr(a.value, b.value, to - from, out) == PMEXT_OK;
}
