/*
** model.c -- the rules that turn the report's printed figures (model_data.c)
** into the whole model: values and shares for every segment and year, the
** stated-CAGR scenario, the facts, the companies and the audit.
**
** Provenance rules (docs/model.md says the same in words):
**   1. A printed figure is 'reported' and returned exactly as printed.
**   2. A year between two printed years of a segment: constant growth
**      between the neighbouring anchors, growth_interpolate()
**      ('interpolated').
**   3. A segment printed only as a share (end users): value = share x the
**      global value of that year ('derived' in the year of the printed
**      share); other years keep the printed share ('assumed', and so is
**      the value computed from it).
**   4. A segment with values but no printed share for a year: share =
**      value / Global ('derived'). Global's share is 1 ('derived').
**   5. A segment without any figure (products, applications): NULL value
**      and share, 'not_reported'.
**   6. yoy_growth = value / previous year's value - 1; NULL in the first
**      year and wherever a value is NULL.
**   7. Scenario 'stated_cagr': up to the first year of the stated CAGR's
**      period the rows are those of 'reported'; after it Global is its
**      printed value of that year grown at the stated rate ('derived'), and
**      every other segment keeps its 'reported' share, its value being that
**      share x the scenario's Global ('derived', or 'assumed' with an
**      assumed share).
**
** Audit tolerances: each printed figure is exact only to half its last
** printed digit. A check's tolerance is half the last digit of the figure
** it tests plus the largest change that rounding its inputs can make in
** the computed side: for each input, the function is evaluated with the
** input moved by half its last digit either way, and the largest moves
** are added up (a first-order worst case, computed, not typed in).
*/
#include "model.h"
#include "growth.h"
#include "pmext.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

SQLITE_EXTENSION_INIT3

/* --- names ----------------------------------------------------------- */

const char *model_basis_name(model_basis basis) {
  static const char *const names[] = {"reported", "derived", "interpolated",
                                      "assumed", "not_reported"};
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

int model_first_year(void) { return model_report_get()->base_year; }
int model_last_year(void) { return model_report_get()->forecast_last; }

/* --- values and shares ----------------------------------------------- */

/* The printed figure of `year` in figures[0..n), or 0. */
static const model_figure *printed(const model_figure *figures, int n,
                                   int year) {
  for (int i = 0; i < n; i++) {
    if (figures[i].year == year) return &figures[i];
  }
  return 0;
}

/* Constant growth through (year0, value0) and (year1, value1), at year. */
static int interpolate(const model_figure *a, const model_figure *b, int year,
                       double *out) {
  return growth_interpolate(year, a->year, a->value, b->year, b->value, out) ==
         GROWTH_OK;
}

/* Value of a segment from its own printed sizes (rules 1 and 2). */
static int own_value(const model_segment *s, int year, double *value,
                     model_basis *basis) {
  const model_figure *f = printed(s->values, s->n_values, year);
  if (f) {
    *value = f->value;
    *basis = MODEL_REPORTED;
    return 1;
  }
  for (int i = 0; i + 1 < s->n_values; i++) {
    if (s->values[i].year < year && year < s->values[i + 1].year &&
        interpolate(&s->values[i], &s->values[i + 1], year, value)) {
      *basis = MODEL_INTERPOLATED;
      return 1;
    }
  }
  return 0;
}

/* Printed share of a share-only segment, held constant (rule 3): the
** printed share of the year, else the one of the nearest printed year. */
static int held_share(const model_segment *s, int year, double *share,
                      model_basis *basis) {
  if (s->n_shares == 0) return 0;
  const model_figure *best = &s->shares[0];
  for (int i = 1; i < s->n_shares; i++) {
    if (abs(s->shares[i].year - year) < abs(best->year - year)) {
      best = &s->shares[i];
    }
  }
  *share = best->value;
  *basis = best->year == year ? MODEL_REPORTED : MODEL_ASSUMED;
  return 1;
}

/* The 'reported' scenario: rules 1-5. */
static void reported_row(int index, int year, model_row *row) {
  const model_report *r = model_report_get();
  const model_segment *s = &r->segments[index];
  const model_segment *global = &r->segments[0];
  double total;
  model_basis total_basis;
  int has_total = own_value(global, year, &total, &total_basis);

  memset(row, 0, sizeof *row);
  row->value_basis = row->share_basis = MODEL_NOT_REPORTED;
  if (own_value(s, year, &row->value, &row->value_basis)) {
    row->has_value = 1;
    const model_figure *f = printed(s->shares, s->n_shares, year);
    if (f) {
      row->has_share = 1;
      row->share = f->value;
      row->share_basis = MODEL_REPORTED;
    } else if (has_total && total > 0) {
      row->has_share = 1;
      row->share = row->value / total;
      row->share_basis = MODEL_DERIVED;
    }
  } else if (held_share(s, year, &row->share, &row->share_basis)) {
    row->has_share = 1;
    if (has_total) {
      row->has_value = 1;
      row->value = row->share * total;
      row->value_basis = row->share_basis == MODEL_ASSUMED ? MODEL_ASSUMED
                                                           : MODEL_DERIVED;
    }
  }
}

/* Global under the stated CAGR, for a year after its first year. */
static int stated_global(int year, double *out) {
  const model_report *r = model_report_get();
  double start;
  model_basis basis;
  return own_value(&r->segments[0], r->stated_cagr_from, &start, &basis) &&
         growth_project(start, r->stated_cagr, year - r->stated_cagr_from,
                        out) == GROWTH_OK;
}

/* Value and share without yoy_growth, in either scenario (rule 7). */
static void level_row(int index, int year, model_scenario scenario,
                      model_row *row) {
  reported_row(index, year, row);
  if (scenario != MODEL_SCENARIO_STATED_CAGR ||
      year <= model_report_get()->stated_cagr_from) {
    return;
  }
  double total;
  if (!stated_global(year, &total)) {
    row->has_value = 0;
    row->value_basis = MODEL_NOT_REPORTED;
    return;
  }
  if (index == 0) {
    row->value = total;
    row->value_basis = MODEL_DERIVED;
  } else if (row->has_share) {
    row->value = row->share * total;
    row->has_value = 1;
    row->value_basis = row->share_basis == MODEL_ASSUMED ? MODEL_ASSUMED
                                                         : MODEL_DERIVED;
  }
}

/* yoy_growth of `row` from the row of the year before (rule 6). */
static void set_yoy(model_row *row, const model_row *previous) {
  row->has_yoy = row->has_value && previous->has_value &&
                 growth_cagr(previous->value, row->value, 1, &row->yoy) ==
                     GROWTH_OK;
}

void model_segment_row(int index, int year, model_scenario scenario,
                       model_row *out) {
  level_row(index, year, scenario, out);
  if (out->has_value && year > model_first_year()) {
    model_row previous;
    level_row(index, year - 1, scenario, &previous);
    set_yoy(out, &previous);
  }
}

void model_segment_years(int index, model_scenario scenario, model_row *out) {
  int first = model_first_year(), last = model_last_year();
  for (int year = first; year <= last; year++) {
    model_row *row = &out[year - first];
    level_row(index, year, scenario, row);
    if (year > first) set_yoy(row, row - 1);
  }
}

/* --- facts ------------------------------------------------------------ */

/* Implied CAGR of a segment between two years of the reported scenario. */
static int implied_cagr(int index, int from, int to, double *out) {
  model_row a, b;
  model_segment_row(index, from, MODEL_SCENARIO_REPORTED, &a);
  model_segment_row(index, to, MODEL_SCENARIO_REPORTED, &b);
  return a.has_value && b.has_value &&
         growth_cagr(a.value, b.value, to - from, out) == GROWTH_OK;
}

/* One fact: key, then the value (added by the caller), then the rest. */
static void fact_key(tv_table *t, const char *key) { tv_text(t, key); }

static void fact_rest(tv_table *t, const char *unit, const char *period,
                      model_basis basis, const char *note) {
  tv_text(t, unit);
  tv_text(t, period);
  tv_text(t, model_basis_name(basis));
  tv_text(t, note);
}

static void fact_real(tv_table *t, const char *key, double value,
                      const char *unit, const char *period, model_basis basis,
                      const char *note) {
  fact_key(t, key);
  tv_real(t, value);
  fact_rest(t, unit, period, basis, note);
}

static void fact_int(tv_table *t, const char *key, int value, const char *unit,
                     model_basis basis, const char *note) {
  fact_key(t, key);
  tv_int(t, value);
  fact_rest(t, unit, 0, basis, note);
}

static void fact_text(tv_table *t, const char *key, const char *value,
                      const char *note) {
  fact_key(t, key);
  tv_text(t, value);
  fact_rest(t, 0, 0, MODEL_REPORTED, note);
}

int model_build_facts(tv_table *t) {
  const model_report *r = model_report_get();
  const model_segment *global = &r->segments[0];
  tv_init(t, 6);
  for (int i = 0; i < global->n_values; i++) {
    char key[32], period[8];
    sqlite3_snprintf(sizeof key, key, "market_size_%d", global->values[i].year);
    sqlite3_snprintf(sizeof period, period, "%d", global->values[i].year);
    fact_real(t, key, global->values[i].value, r->unit, period,
              MODEL_REPORTED, "global market size as printed");
  }
  char period[16];
  sqlite3_snprintf(sizeof period, period, "%d-%d", r->stated_cagr_from,
                   r->stated_cagr_to);
  fact_real(t, "stated_cagr", r->stated_cagr, "fraction per year", period,
            MODEL_REPORTED, "the headline CAGR as printed (11.37 %)");
  fact_int(t, "base_year", r->base_year, "year", MODEL_REPORTED,
           "first year of the model");
  fact_int(t, "forecast_first_year", r->forecast_first, "year",
           MODEL_REPORTED, "first year of the forecast period");
  fact_int(t, "forecast_last_year", r->forecast_last, "year", MODEL_REPORTED,
           "last year of the forecast period");
  fact_text(t, "dominant_region", r->dominant_region,
            "the region the report says leads the market");
  fact_text(t, "growing_region", r->growing_region,
            "the region the report singles out for growth");
  fact_int(t, "key_companies", r->n_companies, "companies", MODEL_DERIVED,
           "number of entries in the key companies list");

  /* Implied CAGRs of Global between each pair of printed years. */
  for (int i = 0; i < global->n_values; i++) {
    for (int j = i + 1; j < global->n_values; j++) {
      int from = global->values[i].year, to = global->values[j].year;
      double rate;
      if (!implied_cagr(0, from, to, &rate)) continue;
      char key[48];
      sqlite3_snprintf(sizeof key, key, "implied_cagr_%d_%d", from, to);
      sqlite3_snprintf(sizeof period, period, "%d-%d", from, to);
      fact_real(t, key, rate, "fraction per year", period, MODEL_DERIVED,
                "growth rate the printed global sizes imply");
    }
  }
  double at_stated;
  if (stated_global(r->stated_cagr_to, &at_stated)) {
    char key[48];
    sqlite3_snprintf(sizeof key, key, "market_size_%d_at_stated_cagr",
                     r->stated_cagr_to);
    sqlite3_snprintf(sizeof period, period, "%d", r->stated_cagr_to);
    fact_real(t, key, at_stated, r->unit, period, MODEL_DERIVED,
              "the printed starting size grown at the stated CAGR");
  }
  /* Implied CAGR of each segment with two printed sizes. */
  for (int i = 1; i < r->n_segments; i++) {
    const model_segment *s = &r->segments[i];
    if (s->n_values < 2) continue;
    int from = s->values[0].year, to = s->values[s->n_values - 1].year;
    double rate;
    if (!implied_cagr(i, from, to, &rate)) continue;
    tv_textf(t, "implied_cagr_%d_%d:%s", from, to, s->segment);
    tv_real(t, rate);
    sqlite3_snprintf(sizeof period, period, "%d-%d", from, to);
    fact_rest(t, "fraction per year", period, MODEL_DERIVED,
              "growth rate the printed sizes of this segment imply");
  }
  return tv_finish(t);
}

/* --- companies -------------------------------------------------------- */

int model_build_companies(tv_table *t) {
  const model_report *r = model_report_get();
  tv_init(t, 4);
  for (int i = 0; i < r->n_companies; i++) {
    tv_int(t, i + 1);
    tv_text(t, r->companies[i].company);
    tv_text(t, r->companies[i].parent);
    tv_text(t, r->companies[i].listed_as);
  }
  return tv_finish(t);
}

/* --- audit ------------------------------------------------------------ */

/* A function of printed inputs, for the rounding bound. */
typedef double (*audit_fn)(const double *x, int n);

static double fn_sum(const double *x, int n) {
  double sum = 0;
  for (int i = 0; i < n; i++) sum += x[i];
  return sum;
}

static double fn_ratio(const double *x, int n) {
  (void)n;
  return x[0] / x[1];
}

/* x = {start, end, years}: the CAGR. */
static double fn_cagr(const double *x, int n) {
  (void)n;
  double rate = 0;
  (void)growth_cagr(x[0], x[1], x[2], &rate);
  return rate;
}

/* x = {value, rate, years}: the projection. */
static double fn_project(const double *x, int n) {
  (void)n;
  double out = 0;
  (void)growth_project(x[0], x[1], x[2], &out);
  return out;
}

/* x = {start, end, span, at}: the constant-growth path from start to end
** over span years, `at` years after start (interpolate() of the rows). */
static double fn_path(const double *x, int n) {
  (void)n;
  double out = 0;
  (void)growth_interpolate(x[3], 0, x[0], x[2], x[1], &out);
  return out;
}

/* Largest change in f(x) when each x[i] moves by up to half_step[i]. */
static double rounding_bound(audit_fn f, const double *x,
                             const double *half_step, int n) {
  double y[8], base = f(x, n), bound = 0;
  memcpy(y, x, (size_t)n * sizeof *x);
  for (int i = 0; i < n; i++) {
    double most = 0;
    for (int sign = -1; sign <= 1; sign += 2) {
      y[i] = x[i] + sign * half_step[i];
      most = fmax(most, fabs(f(y, n) - base));
    }
    y[i] = x[i];
    bound += most;
  }
  return bound;
}

/* Adds one audit row; `explanation` is chosen by the status. */
static void audit_row(tv_table *t, const char *check, const char *subject,
                      double expected, double actual, double tolerance,
                      int pass, const char *explanation) {
  tv_text(t, check);
  tv_text(t, subject);
  tv_real(t, expected);
  tv_real(t, actual);
  tv_real(t, tolerance);
  tv_text(t, pass ? "pass" : "fail");
  tv_text(t, explanation);
}

/* A claim that region `claimed` leads on `figure[]`: expected is the best
** other region's figure, actual the claimed one's; it passes when actual
** exceeds expected by more than the tolerance (fixed_tol plus the two
** regions' own rounding bounds, when given). */
static void audit_claim(tv_table *t, const char *check, const char *claimed,
                        const char *const *name, const double *figure,
                        const double *figure_tol, int n, double fixed_tol,
                        const char *measure) {
  int c = -1, best = -1;
  for (int i = 0; i < n; i++) {
    if (strcmp(name[i], claimed) == 0) {
      c = i;
    } else if (best < 0 || figure[i] > figure[best]) {
      best = i;
    }
  }
  if (c < 0 || best < 0) return;
  double tolerance =
      fixed_tol + (figure_tol ? figure_tol[c] + figure_tol[best] : 0);
  int pass = figure[c] - figure[best] > tolerance;
  char explanation[200];
  sqlite3_snprintf(sizeof explanation, explanation,
                   pass ? "%s leads on %s: best other is %s"
                        : "%s does not lead on %s: %s is as high or higher",
                   claimed, measure, name[best]);
  audit_row(t, check, claimed, figure[best], figure[c], tolerance, pass,
            explanation);
}

static void audit_equal(tv_table *t, const char *check, const char *subject,
                        double expected, double actual, double tolerance,
                        const char *if_pass, const char *if_fail) {
  int pass = fabs(actual - expected) <= tolerance;
  audit_row(t, check, subject, expected, actual, tolerance, pass,
            pass ? if_pass : if_fail);
}

/* Printed values of the segments of `dimension` in `year` into x, their
** half steps into h; returns how many. */
static int printed_parts(const char *dimension, int year, int shares,
                         double *x, double *h) {
  const model_report *r = model_report_get();
  int n = 0;
  for (int i = 0; i < r->n_segments && n < 8; i++) {
    const model_segment *s = &r->segments[i];
    if (strcmp(s->dimension, dimension) != 0) continue;
    const model_figure *f = shares ? printed(s->shares, s->n_shares, year)
                                   : printed(s->values, s->n_values, year);
    if (!f) continue;
    x[n] = f->value;
    h[n] = (shares ? s->share_step : r->value_step) / 2;
    n++;
  }
  return n;
}

static void audit_parts(tv_table *t, const char *dimension, int year,
                        int shares, double total, double total_half_step) {
  double x[8], h[8];
  int n = printed_parts(dimension, year, shares, x, h);
  if (n == 0) return;
  double tolerance = total_half_step + rounding_bound(fn_sum, x, h, n);
  char subject[64];
  sqlite3_snprintf(sizeof subject, subject, "%s %s %d", dimension,
                   shares ? "shares" : "sizes", year);
  audit_equal(t, shares ? "shares_sum" : "parts_sum", subject, total,
              fn_sum(x, n), tolerance,
              "the printed parts add up to the printed whole",
              "the printed parts do not add up to the printed whole");
}

int model_build_audit(tv_table *t) {
  const model_report *r = model_report_get();
  const model_segment *global = &r->segments[0];
  const int first = global->values[0].year;
  const int last = global->values[global->n_values - 1].year;
  const double half = r->value_step / 2;
  tv_init(t, 7);

  /* Regions add up to the global size, in each year both are printed. */
  for (int i = 0; i < global->n_values; i++) {
    audit_parts(t, "region", global->values[i].year, 0, global->values[i].value,
                half);
  }
  /* Printed shares add up to 100 % (the whole is exactly 1). */
  audit_parts(t, "region", first, 1, 1.0, 0);
  audit_parts(t, "end_user", first, 1, 1.0, 0);

  /* Each printed share against value / total of the same year. */
  for (int i = 1; i < r->n_segments; i++) {
    const model_segment *s = &r->segments[i];
    for (int k = 0; k < s->n_shares; k++) {
      const model_figure *v = printed(s->values, s->n_values, s->shares[k].year);
      const model_figure *g =
          printed(global->values, global->n_values, s->shares[k].year);
      if (!v || !g) continue;
      double x[2] = {v->value, g->value}, h[2] = {half, half};
      char subject[64];
      sqlite3_snprintf(sizeof subject, subject, "%s %d", s->segment, v->year);
      audit_equal(t, "share_vs_value", subject, fn_ratio(x, 2), s->shares[k].value,
                  s->share_step / 2 + rounding_bound(fn_ratio, x, h, 2),
                  "the printed share matches value / global size",
                  "the printed share differs from value / global size");
    }
  }

  /* The stated CAGR against the rate the printed sizes imply over the
  ** same period, and the size the stated CAGR would give. */
  const model_figure *from =
      printed(global->values, global->n_values, r->stated_cagr_from);
  const model_figure *to =
      printed(global->values, global->n_values, r->stated_cagr_to);
  if (from && to) {
    char subject[64];
    double years = to->year - from->year;
    double x[3] = {from->value, to->value, years}, h[3] = {half, half, 0};
    sqlite3_snprintf(sizeof subject, subject, "Global %d-%d", from->year,
                     to->year);
    audit_equal(t, "stated_cagr", subject, fn_cagr(x, 3), r->stated_cagr,
                r->stated_cagr_step / 2 + rounding_bound(fn_cagr, x, h, 3),
                "the stated CAGR is the rate the printed sizes imply",
                "the stated CAGR is not the rate the printed sizes imply");
    double p[3] = {from->value, r->stated_cagr, years},
           ph[3] = {half, r->stated_cagr_step / 2, 0};
    sqlite3_snprintf(sizeof subject, subject, "Global %d", to->year);
    audit_equal(t, "stated_cagr_size", subject, to->value, fn_project(p, 3),
                half + rounding_bound(fn_project, p, ph, 3),
                "the stated CAGR reproduces the printed end size",
                "the stated CAGR does not reproduce the printed end size");
  }

  /* Every printed size between the first and last printed years against
  ** the constant-growth path through those two. */
  for (int i = 1; i + 1 < global->n_values; i++) {
    const model_figure *mid = &global->values[i];
    double x[4] = {global->values[0].value,
                   global->values[global->n_values - 1].value, last - first,
                   mid->year - first};
    double h[4] = {half, half, 0, 0};
    char subject[64];
    sqlite3_snprintf(sizeof subject, subject, "Global %d", mid->year);
    audit_equal(t, "on_path", subject, fn_path(x, 4), mid->value,
                half + rounding_bound(fn_path, x, h, 4),
                "the printed size lies on the constant-growth path",
                "the printed size is off the constant-growth path");
  }

  /* Claims about regions: the dominant one is the largest in the first
  ** printed year; the growing one grows faster than every other region
  ** between the first and last printed years. The claimed region must
  ** beat the best other region by more than the rounding of both can
  ** explain. */
  double size[8], rate[8], rate_tol[8];
  const char *name[8];
  int n = 0;
  for (int i = 1; i < r->n_segments && n < 8; i++) {
    const model_segment *s = &r->segments[i];
    if (strcmp(s->dimension, "region") != 0 || s->n_values < 2) continue;
    double x[3] = {s->values[0].value, s->values[s->n_values - 1].value,
                   s->values[s->n_values - 1].year - s->values[0].year};
    double h[3] = {half, half, 0};
    name[n] = s->segment;
    size[n] = x[0];
    rate[n] = fn_cagr(x, 3);
    rate_tol[n] = rounding_bound(fn_cagr, x, h, 3);
    n++;
  }
  char measure[32];
  sqlite3_snprintf(sizeof measure, measure, "size in %d", first);
  audit_claim(t, "dominant_region", r->dominant_region, name, size, 0, n,
              2 * half, measure);
  sqlite3_snprintf(sizeof measure, measure, "growth %d-%d", first, last);
  audit_claim(t, "fastest_growing", r->growing_region, name, rate, rate_tol, n,
              0, measure);
  return tv_finish(t);
}

/* --- registration ----------------------------------------------------- */

int pmext_register_model(sqlite3 *db) {
  int (*const parts[])(sqlite3 *) = {
      model_register_segments, model_register_facts, model_register_companies,
      model_register_audit};
  for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
    int rc = parts[i](db);
    if (rc != SQLITE_OK) return rc;
  }
  return SQLITE_OK;
}
