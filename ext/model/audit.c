/* SPDX-License-Identifier: MIT */
/*
** audit.c -- each report checked against itself, as an analyst reads it:
** the tables pm_audit (the built-in report) and pm_model_audit (any
** report), their schema and rows (docs/model.md, "The audit of any
** report", says the same with examples).
**
** Checks, in this order, for every report:
**   figures          not_checkable when the report has no figures
**   parts_sum        each dimension's printed sizes against the printed
**                    whole market, in each year the whole is printed: equal
**                    for a complete list, at most the whole for a partial
**                    one
**   shares_sum       each dimension's printed shares against 100 %, in
**                    each year one is printed: the same two readings
**   share_vs_value   each printed share against value / whole market
**   stated_cagr      each stated CAGR against the rate the printed sizes
**                    of its first and last years imply; without a size in
**                    its first year, from the size of the year before (the
**                    base year) under the two readings publishers use
**   stated_cagr_size the printed end size against the start grown at the
**                    stated rate (the same reading)
**   on_path          each printed size strictly inside the period of a
**                    stated CAGR (one constant rate claimed over that
**                    span) against the constant-growth path through the
**                    first and last printed sizes of the period
**   dominant_<dimension>  the claimed segment's size (or share) in its
**                    first printed year against the largest other one
**   fastest_growing  the claimed segment's implied growth between its first
**                    and last printed sizes against the fastest other one
** A check the report gives too little for is a row with status
** 'not_checkable' and NULL numbers, saying what is missing (pm_audit, the
** built-in report's audit as before, lists only the checks made). A check
** never compares against a number the figures cannot give: a growth rate
** from a size of 0 (or one its rounding allows) is not_checkable.
**
** A list is complete when the report is marked so (a claim of kind
** 'complete' for the dimension: every segment it names is the whole list)
** or when its printed shares add up to 100 % within their rounding in some
** year (the segments with those shares are the list). The equality of
** parts and whole is checked only in the years the whole list is printed.
**
** Tolerances: each printed figure is exact only to half its last printed
** digit. A check's tolerance is half the last digit of the figure it tests
** plus the largest change that rounding its inputs can make in the
** computed side: for each input, the function is evaluated with the input
** moved by half its last digit either way, and the largest moves are added
** up (a first-order worst case, computed, not typed in); for a sum, the
** halves of its terms.
**
** Cost: O(f log f) in the figures and claims of a report (the sums per
** dimension and year from one pass over each dimension's figures, the
** leaders of a dimension computed once per year asked).
*/
#include "audit.h"
#include "math/growth.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

SQLITE_EXTENSION_INIT3

/* A function of printed inputs: 1 and *out, or 0 where it is undefined. */
typedef int (*audit_fn)(const double *x, double *out);

static int fn_ratio(const double *x, double *out) {
  if (x[1] == 0) return 0;
  *out = x[0] / x[1];
  return isfinite(*out);
}

/* x = {start, end, years}: the CAGR. */
static int fn_cagr(const double *x, double *out) {
  return growth_cagr(x[0], x[1], x[2], out) == PMEXT_OK;
}

/* x = {value, rate, years}: the projection. */
static int fn_project(const double *x, double *out) {
  return growth_project(x[0], x[1], x[2], out) == PMEXT_OK;
}

/* x = {start, end, span, at}: the constant-growth path from start to end
** over span years, `at` years after start. */
static int fn_path(const double *x, double *out) {
  return growth_interpolate(x[3], 0, x[0], x[2], x[1], out) == PMEXT_OK;
}

/* f at x (n <= 4 inputs) and the largest change in it when each x[i]
** moves by up to half_step[i]: 1, or 0 when f is undefined at x or at a
** moved point (the printed digits leave it open). */
static int evaluate(audit_fn f, const double *x, const double *half_step,
                    int n, double *value, double *bound) {
  double y[4];
  if (!f(x, value)) return 0;
  memcpy(y, x, (size_t)n * sizeof *x);
  *bound = 0;
  for (int i = 0; i < n; i++) {
    double most = 0, moved;
    for (int sign = -1; sign <= 1; sign += 2) {
      y[i] = x[i] + sign * half_step[i];
      if (!f(y, &moved)) return 0;
      most = fmax(most, fabs(moved - *value));
    }
    y[i] = x[i];
    *bound += most;
  }
  return isfinite(*bound);
}

/* --- rows ---------------------------------------------------------------- */

/* The audit of one report being built. */
typedef struct audit {
  tv_table *t;
  const model_report *r;
  int with_report, all;
} audit;

/* Formatted text for a row, or 0 with the table marked out of memory. */
static char *text(audit *a, const char *format, ...) {
  va_list ap;
  va_start(ap, format);
  char *out = sqlite3_vmprintf(format, ap);
  va_end(ap);
  if (!out) a->t->oom = 1;
  return out;
}

static void audit_row(audit *a, const char *check, const char *subject,
                      double expected, double actual, double tolerance,
                      int pass, const char *explanation) {
  if (a->with_report) tv_text(a->t, a->r->report);
  tv_text(a->t, check);
  tv_text(a->t, subject);
  tv_real(a->t, expected);
  tv_real(a->t, actual);
  tv_real(a->t, tolerance);
  tv_text(a->t, pass ? "pass" : "fail");
  tv_text(a->t, explanation);
}

/* A check the report gives too little for. */
static void not_checkable(audit *a, const char *check, const char *subject,
                          const char *why) {
  if (!a->all) return;
  if (a->with_report) tv_text(a->t, a->r->report);
  tv_text(a->t, check);
  tv_text(a->t, subject);
  tv_null(a->t);
  tv_null(a->t);
  tv_null(a->t);
  tv_text(a->t, "not_checkable");
  tv_text(a->t, why);
}

static void audit_equal(audit *a, const char *check, const char *subject,
                        double expected, double actual, double tolerance,
                        const char *if_pass, const char *if_fail) {
  int pass = fabs(actual - expected) <= tolerance;
  audit_row(a, check, subject, expected, actual, tolerance, pass,
            pass ? if_pass : if_fail);
}

static const char undefined_rate[] =
    "a printed size of 0, or one its printed digits allow, gives no growth "
    "rate";

/* --- parts and shares against the whole ------------------------------------ */

/* The printed sizes (or shares) of one dimension in one year. */
typedef struct year_sum {
  double sum, half; /* their sum, and the sum of their half digits */
  int count;        /* how many */
  int listed;       /* how many of the complete list */
} year_sum;

/* Sums of the dimension's printed sizes (or shares) per year of the
** window into sums[0..n_years); `listed` counts the segments flagged in
** `member` (0: none). */
static void sum_by_year(const model_report *r, const model_dimension *d,
                        int shares, const char *member, year_sum *sums) {
  int n_years = r->last_year - r->first_year + 1;
  memset(sums, 0, (size_t)n_years * sizeof *sums);
  for (int k = 0; k < d->n_segments; k++) {
    int i = d->segments[k];
    if (i == r->whole) continue;
    const model_segment *s = &r->segments[i];
    const model_figure *f = shares ? s->shares : s->values;
    int n = shares ? s->n_shares : s->n_values;
    for (int j = 0; j < n; j++) {
      year_sum *y = &sums[f[j].year - r->first_year];
      y->sum += f[j].x;
      y->half += f[j].half;
      y->count++;
      if (member && member[k]) y->listed++;
    }
  }
}

/* How the complete list of a dimension is known: marked, or the year its
** shares add up to 100 %; the list's segments flagged in member (indices
** in d->segments). Returns the size of the list, 0 for none. */
static int complete_list(const model_report *r, const model_dimension *d,
                         year_sum *sums, char *member, int *shares_year) {
  *shares_year = 0;
  memset(member, 0, (size_t)d->n_segments);
  if (d->complete) {
    int n = 0;
    for (int k = 0; k < d->n_segments; k++) {
      if (d->segments[k] != r->whole) member[k] = 1, n++;
    }
    return n;
  }
  sum_by_year(r, d, 1, 0, sums);
  for (int year = r->first_year; year <= r->last_year; year++) {
    const year_sum *y = &sums[year - r->first_year];
    if (y->count == 0 || fabs(y->sum - 1) > y->half) continue;
    *shares_year = year;
    int n = 0;
    for (int k = 0; k < d->n_segments; k++) {
      const model_segment *s = &r->segments[d->segments[k]];
      if (model_printed(s->shares, s->n_shares, year)) member[k] = 1, n++;
    }
    return n;
  }
  return 0;
}

/* parts_sum for one dimension, every year the whole market is printed. */
static void audit_parts(audit *a, const model_dimension *d, year_sum *sums,
                        char *member) {
  const model_report *r = a->r;
  const model_segment *whole = r->whole >= 0 ? &r->segments[r->whole] : 0;
  int shares_year, listed = complete_list(r, d, sums, member, &shares_year);
  char *how = !listed ? 0
              : shares_year
                  ? text(a, "a complete list (its shares add up to 100 %% in "
                            "%d)", shares_year)
                  : text(a, "a complete list (marked complete)");
  sum_by_year(r, d, 0, member, sums);
  int made = 0;
  for (int year = r->first_year; whole && year <= r->last_year; year++) {
    const year_sum *y = &sums[year - r->first_year];
    const model_figure *total = model_printed(whole->values, whole->n_values, year);
    if (!total || y->count == 0) continue;
    double tolerance = total->half + y->half;
    char *subject = text(a, "%s sizes %d", d->name, year);
    if (listed && y->listed == listed) {
      char *if_pass = text(a, "%s: the printed parts add up to the printed "
                              "whole", how);
      char *if_fail = text(a, "%s: the printed parts do not add up to the "
                              "printed whole", how);
      audit_equal(a, "parts_sum", subject, total->x, y->sum, tolerance,
                  if_pass, if_fail);
      sqlite3_free(if_pass);
      sqlite3_free(if_fail);
    } else {
      int pass = y->sum - total->x <= tolerance;
      audit_row(a, "parts_sum", subject, total->x, y->sum, tolerance, pass,
                pass ? "a partial list: the printed parts do not exceed the "
                       "printed whole"
                     : "the printed parts exceed the printed whole");
    }
    sqlite3_free(subject);
    made = 1;
  }
  if (!made) {
    char *subject = text(a, "%s sizes", d->name);
    not_checkable(a, "parts_sum", subject,
                  "no year prints both the whole market and sizes of these "
                  "segments");
    sqlite3_free(subject);
  }
  sqlite3_free(how);
}

/* shares_sum for one dimension, every year a share is printed. */
static void audit_share_sums(audit *a, const model_dimension *d,
                             year_sum *sums) {
  const model_report *r = a->r;
  int listed = 0, made = 0;
  for (int k = 0; k < d->n_segments; k++) listed += d->segments[k] != r->whole;
  sum_by_year(r, d, 1, 0, sums);
  for (int year = r->first_year; year <= r->last_year; year++) {
    const year_sum *y = &sums[year - r->first_year];
    if (y->count == 0) continue;
    char *subject = text(a, "%s shares %d", d->name, year);
    const char *why;
    int pass;
    if (fabs(y->sum - 1) <= y->half) {
      pass = 1;
      why = "the printed shares add up to 100 %";
    } else if (y->sum > 1) {
      pass = 0;
      why = "the printed shares add up to more than 100 %";
    } else if (d->complete && y->count == listed) {
      pass = 0;
      why = "a complete list (marked complete) whose printed shares do not "
            "add up to 100 %";
    } else {
      pass = 1;
      why = "a partial list: the printed shares stay below 100 %";
    }
    audit_row(a, "shares_sum", subject, 1.0, y->sum, y->half, pass, why);
    sqlite3_free(subject);
    made = 1;
  }
  if (!made) {
    char *subject = text(a, "%s shares", d->name);
    not_checkable(a, "shares_sum", subject,
                  "no share of these segments is printed");
    sqlite3_free(subject);
  }
}

static void audit_shares(audit *a) {
  const model_report *r = a->r;
  const model_segment *whole = r->whole >= 0 ? &r->segments[r->whole] : 0;
  for (int i = 0; i < r->n_segments; i++) {
    const model_segment *s = &r->segments[i];
    if (i == r->whole) continue;
    for (int k = 0; k < s->n_shares; k++) {
      int year = s->shares[k].year;
      const model_figure *v = model_printed(s->values, s->n_values, year);
      const model_figure *g =
          whole ? model_printed(whole->values, whole->n_values, year) : 0;
      char *subject = text(a, "%s %d", s->segment, year);
      double x[2], h[2], ratio, bound;
      if (v && g) {
        x[0] = v->x, x[1] = g->x, h[0] = v->half, h[1] = g->half;
      }
      if (!v || !g) {
        not_checkable(a, "share_vs_value", subject,
                      "the share is printed without the size of the segment "
                      "or of the whole market in the same year");
      } else if (!evaluate(fn_ratio, x, h, 2, &ratio, &bound)) {
        not_checkable(a, "share_vs_value", subject,
                      "the whole market's printed size is 0, or its printed "
                      "digits allow 0");
      } else {
        audit_equal(a, "share_vs_value", subject, ratio, s->shares[k].x,
                    s->shares[k].half + bound,
                    "the printed share matches value / global size",
                    "the printed share differs from value / global size");
      }
      sqlite3_free(subject);
    }
  }
}

/* --- stated rates ---------------------------------------------------------- */

/* One reading of a stated CAGR: from a printed size over `years` years. */
typedef struct reading {
  const model_figure *from;
  int years;
  int ok;                   /* the rate is defined */
  double implied, tolerance; /* the rate the sizes imply, and its bound */
} reading;

static void read_rate(reading *g, const model_figure *from,
                      const model_figure *to, int years, const model_claim *c) {
  double x[3] = {from->x, to->x, years}, h[3] = {from->half, to->half, 0};
  g->from = from;
  g->years = years;
  g->ok = evaluate(fn_cagr, x, h, 3, &g->implied, &g->tolerance);
  g->tolerance += c->half;
}

/* Does the stated rate hold under reading g; by how much does it miss? */
static int pass_of(const model_claim *c, const reading *g) {
  return fabs(c->value - g->implied) <= g->tolerance;
}

static double miss(const model_claim *c, const reading *g) {
  return fabs(c->value - g->implied) - g->tolerance;
}

/* stated_cagr_size under a reading: the printed end size against the
** start grown at the stated rate. */
static void audit_cagr_size(audit *a, const model_claim *c, const char *end,
                            const reading *g, const model_figure *to,
                            const char *how) {
  double p[3] = {g->from->x, c->value, g->years},
         ph[3] = {g->from->half, c->half, 0}, grown, bound;
  if (!evaluate(fn_project, p, ph, 3, &grown, &bound)) {
    not_checkable(a, "stated_cagr_size", end, undefined_rate);
    return;
  }
  char *if_pass = text(a, "%sthe stated CAGR reproduces the printed end size", how);
  char *if_fail = text(a, "%sthe stated CAGR does not reproduce the printed end size", how);
  audit_equal(a, "stated_cagr_size", end, to->x, grown, to->half + bound,
              if_pass, if_fail);
  sqlite3_free(if_pass);
  sqlite3_free(if_fail);
}

/* A stated CAGR with a size printed for the year before its period and
** none for its first year: read from that base-year size over
** to - (from - 1) years, and over to - from years (the period's length);
** pass if one reading holds, the row naming it. */
static void audit_base_year(audit *a, const model_claim *c, const char *subject,
                            const char *end, const model_figure *base,
                            const model_figure *to) {
  reading g[2];
  read_rate(&g[0], base, to, to->year - base->year, c);
  read_rate(&g[1], base, to, c->to_year - c->from_year, c);
  int pick = g[0].ok && pass_of(c, &g[0]) ? 0
             : g[1].ok && pass_of(c, &g[1]) ? 1
                                            : -1;
  for (int k = 0; k < 2 && pick < 0; k++) { /* none holds: the nearer */
    if (g[k].ok && (!g[1 - k].ok || miss(c, &g[k]) <= miss(c, &g[1 - k]))) {
      pick = k;
    }
  }
  if (pick < 0) {
    not_checkable(a, "stated_cagr", subject, undefined_rate);
    not_checkable(a, "stated_cagr_size", end, undefined_rate);
    return;
  }
  char *how = pick == 0
                  ? text(a, "read from the %d base-year size over %d years "
                            "(%d to %d): ",
                         base->year, g[0].years, base->year, to->year)
                  : text(a, "read from the %d base-year size over %d years "
                            "(the length of %d-%d): ",
                         base->year, g[1].years, c->from_year, c->to_year);
  int pass = pass_of(c, &g[pick]);
  char *why = pass ? text(a, "%sthe stated CAGR is the rate the printed sizes "
                             "imply", how)
              : g[1 - pick].ok
                  ? text(a, "%sthe stated CAGR is not the rate the printed "
                            "sizes imply; over %d years they imply %.4f",
                         how, g[1 - pick].years, g[1 - pick].implied)
                  : text(a, "%sthe stated CAGR is not the rate the printed "
                            "sizes imply", how);
  audit_row(a, "stated_cagr", subject, g[pick].implied, c->value,
            g[pick].tolerance, pass, why);
  audit_cagr_size(a, c, end, &g[pick], to, how);
  sqlite3_free(how);
  sqlite3_free(why);
}

static void audit_cagr(audit *a, const model_claim *c) {
  const model_report *r = a->r;
  const model_segment *s = c->seg >= 0 ? &r->segments[c->seg] : 0;
  const char *name = s ? s->segment : c->segment ? c->segment : "whole market";
  char *subject = c->has_period
                      ? text(a, "%s %d-%d", name, c->from_year, c->to_year)
                      : text(a, "%s", name);
  char *end = c->has_period ? text(a, "%s %d", name, c->to_year)
                            : text(a, "%s", name);
  const model_figure *from = 0, *to = 0, *base = 0;
  if (s && c->has_period) {
    from = model_printed(s->values, s->n_values, c->from_year);
    to = model_printed(s->values, s->n_values, c->to_year);
    base = model_printed(s->values, s->n_values, c->from_year - 1);
  }
  const char *why =
      !c->has_period ? "the claim states no period (from_year and to_year)"
      : !to || (!from && !base)
          ? "the report prints no size for the last year of the period, or "
            "none for its first year or the year before"
          : 0;
  if (why) {
    not_checkable(a, "stated_cagr", subject, why);
    not_checkable(a, "stated_cagr_size", end, why);
  } else if (!from) {
    audit_base_year(a, c, subject, end, base, to);
  } else {
    reading g;
    read_rate(&g, from, to, to->year - from->year, c);
    if (!g.ok) {
      not_checkable(a, "stated_cagr", subject, undefined_rate);
    } else {
      audit_equal(a, "stated_cagr", subject, g.implied, c->value, g.tolerance,
                  "the stated CAGR is the rate the printed sizes imply",
                  "the stated CAGR is not the rate the printed sizes imply");
    }
    audit_cagr_size(a, c, end, &g, to, "");
  }
  sqlite3_free(subject);
  sqlite3_free(end);
}

/* Has an earlier CAGR claim on segment s the same period as its k-th? */
static int period_seen(const model_report *r, const model_segment *s, int k) {
  const model_claim *c = &r->claims[s->cagr[k]];
  for (int j = 0; j < k; j++) {
    const model_claim *e = &r->claims[s->cagr[j]];
    if (e->from_year == c->from_year && e->to_year == c->to_year) return 1;
  }
  return 0;
}

/* on_path inside the period of one stated CAGR: the printed sizes
** strictly between the first and the last printed in the period. Returns
** whether it had three. */
static int audit_path_in(audit *a, const model_segment *s,
                         const model_claim *c) {
  int lo = 0, hi = s->n_values - 1;
  while (lo < s->n_values && s->values[lo].year < c->from_year) lo++;
  while (hi >= 0 && s->values[hi].year > c->to_year) hi--;
  if (hi - lo < 2) return 0;
  const model_figure *first = &s->values[lo], *last = &s->values[hi];
  for (int k = lo + 1; k < hi; k++) {
    const model_figure *mid = &s->values[k];
    double x[4] = {first->x, last->x, last->year - first->year,
                   mid->year - first->year};
    double h[4] = {first->half, last->half, 0, 0}, on, bound;
    char *subject = text(a, "%s %d", s->segment, mid->year);
    if (!evaluate(fn_path, x, h, 4, &on, &bound)) {
      not_checkable(a, "on_path", subject, undefined_rate);
    } else {
      audit_equal(a, "on_path", subject, on, mid->x, mid->half + bound,
                  "the printed size lies on the path of the stated rate's "
                  "period",
                  "the printed size is off the path of the stated rate's "
                  "period");
    }
    sqlite3_free(subject);
  }
  return 1;
}

static void audit_path(audit *a) {
  const model_report *r = a->r;
  for (int i = 0; i < r->n_segments; i++) {
    const model_segment *s = &r->segments[i];
    int made = 0;
    for (int k = 0; k < s->n_cagr; k++) {
      if (!period_seen(r, s, k)) made |= audit_path_in(a, s, &r->claims[s->cagr[k]]);
    }
    if (i == r->whole && !made) {
      not_checkable(a, "on_path", s->segment,
                    s->n_values < 3
                        ? "fewer than three printed sizes: none lies between "
                          "two others"
                        : "no printed size lies inside the period of a stated "
                          "CAGR between two others: without one rate claimed "
                          "over a span, a size off the path is no failure");
    }
  }
}

/* --- claims that a segment leads --------------------------------------------- */

/* The two leaders of a dimension on one measure: a segment's figure, its
** half digit; index -1 when there is none. */
typedef struct leader {
  int segment;
  double figure, tol;
} leader;

static void consider(leader top[2], int segment, double figure, double tol) {
  if (top[0].segment < 0 || figure > top[0].figure) {
    top[1] = top[0];
    top[0] = (leader){segment, figure, tol};
  } else if (top[1].segment < 0 || figure > top[1].figure) {
    top[1] = (leader){segment, figure, tol};
  }
}

/* The claim that segment `claimed` leads, against the best other: it
** passes when it exceeds it by more than the rounding of both. */
static void audit_lead(audit *a, const char *check, const model_claim *cl,
                       const leader top[2], const leader *claimed,
                       const char *measure) {
  const leader *best = top[0].segment == claimed->segment ? &top[1] : &top[0];
  if (best->segment < 0) {
    not_checkable(a, check, cl->segment,
                  "no other segment of the dimension has a figure to compare "
                  "with");
    return;
  }
  double tolerance = claimed->tol + best->tol;
  int pass = claimed->figure - best->figure > tolerance;
  char *explanation =
      text(a,
           pass ? "%s leads on %s: best other is %s"
                : "%s does not lead on %s: %s is as high or higher",
           cl->segment, measure, a->r->segments[best->segment].segment);
  audit_row(a, check, cl->segment, best->figure, claimed->figure, tolerance,
            pass, explanation);
  sqlite3_free(explanation);
}

/* The name of a dominant check: dominant_ and the dimension's key, its
** spaces as '_' (dominant_end_user). */
static char *dominant_check(audit *a, const model_claim *cl) {
  const model_report *r = a->r;
  char *check = text(a, "dominant_%s",
                     cl->dim >= 0 ? r->dimensions[cl->dim].key : cl->dimension);
  for (char *p = check; p && *p; p++) {
    if (*p == ' ') *p = '_';
  }
  return check;
}

/* The first printed figure of a claimed segment: its size, or its share
** for a segment printed as shares only; 0 when it has none. */
static const model_figure *dominant_figure(const model_report *r,
                                           const model_claim *cl, int *shares) {
  const model_segment *s = cl->seg >= 0 ? &r->segments[cl->seg] : 0;
  *shares = s && s->n_values == 0;
  if (!s) return 0;
  return *shares ? (s->n_shares ? &s->shares[0] : 0) : &s->values[0];
}

/* One dominant claim to check: its dimension, measure and year. */
typedef struct dominant_job {
  int claim, dim, shares, year;
} dominant_job;

static int by_dimension_measure_year(const void *p, const void *q) {
  const dominant_job *x = p, *y = q;
  if (x->dim != y->dim) return x->dim < y->dim ? -1 : 1;
  if (x->shares != y->shares) return x->shares < y->shares ? -1 : 1;
  if (x->year != y->year) return x->year < y->year ? -1 : 1;
  return x->claim < y->claim ? -1 : x->claim > y->claim;
}

/* The leaders of every dominant claim's dimension, measure and year, each
** computed once: tops[2 * claim]. */
static void dominant_leaders(const model_report *r, dominant_job *jobs, int n,
                             leader *tops) {
  qsort(jobs, (size_t)n, sizeof *jobs, by_dimension_measure_year);
  for (int j = 0; j < n; j++) {
    leader *top = &tops[2 * jobs[j].claim];
    if (j > 0 && jobs[j - 1].dim == jobs[j].dim &&
        jobs[j - 1].shares == jobs[j].shares && jobs[j - 1].year == jobs[j].year) {
      memcpy(top, &tops[2 * jobs[j - 1].claim], 2 * sizeof *top);
      continue;
    }
    top[0].segment = top[1].segment = -1;
    const model_dimension *d = &r->dimensions[jobs[j].dim];
    for (int k = 0; k < d->n_segments; k++) {
      int i = d->segments[k];
      const model_segment *s = &r->segments[i];
      if (i == r->whole) continue;
      const model_figure *f =
          jobs[j].shares ? model_printed(s->shares, s->n_shares, jobs[j].year)
                         : model_printed(s->values, s->n_values, jobs[j].year);
      if (f) consider(top, i, f->x, f->half);
    }
  }
}

/* Each segment's growth between its first and last printed sizes. */
static int implied_growth(const model_segment *s, leader *out, int segment) {
  if (s->n_values < 2) return 0;
  const model_figure *f0 = &s->values[0], *f1 = &s->values[s->n_values - 1];
  double x[3] = {f0->x, f1->x, f1->year - f0->year}, h[3] = {f0->half, f1->half, 0};
  out->segment = segment;
  return evaluate(fn_cagr, x, h, 3, &out->figure, &out->tol);
}

/* The leaders of a dimension on growth, computed once: tops[2 * dim]. */
static const leader *growth_leaders(const model_report *r, int dim,
                                    leader *tops, char *done) {
  leader *top = &tops[2 * dim];
  if (done[dim]) return top;
  done[dim] = 1;
  top[0].segment = top[1].segment = -1;
  const model_dimension *d = &r->dimensions[dim];
  for (int k = 0; k < d->n_segments; k++) {
    leader g;
    int i = d->segments[k];
    if (i != r->whole && implied_growth(&r->segments[i], &g, i)) {
      consider(top, i, g.figure, g.tol);
    }
  }
  return top;
}

static void audit_dominant(audit *a, const model_claim *cl, const leader *top) {
  int shares;
  const model_figure *first = dominant_figure(a->r, cl, &shares);
  char *check = dominant_check(a, cl);
  if (!first) {
    not_checkable(a, check, cl->segment,
                  "the claimed segment has no printed figure to compare");
  } else {
    leader claimed = {cl->seg, first->x, first->half};
    char *measure = text(a, "%s in %d", shares ? "share" : "size", first->year);
    audit_lead(a, check, cl, top, &claimed, measure);
    sqlite3_free(measure);
  }
  sqlite3_free(check);
}

static void audit_fastest(audit *a, const model_claim *cl, leader *tops,
                          char *done) {
  const model_report *r = a->r;
  const model_segment *s = cl->seg >= 0 ? &r->segments[cl->seg] : 0;
  leader claimed;
  if (!s || s->n_values < 2) {
    not_checkable(a, "fastest_growing", cl->segment,
                  "the claimed segment has fewer than two printed sizes");
  } else if (!implied_growth(s, &claimed, cl->seg)) {
    not_checkable(a, "fastest_growing", cl->segment, undefined_rate);
  } else {
    char *measure = text(a, "growth %d-%d", s->values[0].year,
                         s->values[s->n_values - 1].year);
    audit_lead(a, "fastest_growing", cl, growth_leaders(r, cl->dim, tops, done),
               &claimed, measure);
    sqlite3_free(measure);
  }
}

/* dominant and fastest_growing, in the order claimed. */
static void audit_leads(audit *a) {
  const model_report *r = a->r;
  size_t n = (size_t)r->n_claims + 1, nd = (size_t)r->n_dimensions + 1;
  dominant_job *jobs = sqlite3_malloc64(n * sizeof *jobs);
  leader *tops = sqlite3_malloc64(2 * (n + nd) * sizeof *tops);
  char *done = sqlite3_malloc64(nd);
  if (!jobs || !tops || !done) {
    a->t->oom = 1;
  } else {
    int n_jobs = 0;
    memset(done, 0, nd);
    for (int i = 0; i < r->n_claims; i++) {
      const model_claim *c = &r->claims[i];
      int shares;
      const model_figure *f = c->kind == CLAIM_DOMINANT ? dominant_figure(r, c, &shares) : 0;
      if (f) jobs[n_jobs++] = (dominant_job){i, c->dim, shares, f->year};
    }
    dominant_leaders(r, jobs, n_jobs, tops);
    for (int i = 0; i < r->n_claims; i++) {
      const model_claim *c = &r->claims[i];
      if (c->kind == CLAIM_DOMINANT) audit_dominant(a, c, &tops[2 * i]);
      if (c->kind == CLAIM_FASTEST) audit_fastest(a, c, tops + 2 * n, done);
    }
  }
  sqlite3_free(jobs);
  sqlite3_free(tops);
  sqlite3_free(done);
}

/* --- a report ---------------------------------------------------------------- */

static void audit_report(audit *a) {
  const model_report *r = a->r;
  if (r->first_year == 0) {
    not_checkable(a, "figures", r->report,
                  "the report has no figures: no row of figures gives it a "
                  "value or a share");
  }
  int n_years = r->last_year - r->first_year + 1;
  year_sum *sums = sqlite3_malloc64((size_t)(n_years + 1) * sizeof *sums);
  char *member = sqlite3_malloc64((size_t)r->n_segments + 1);
  if (!sums || !member) {
    a->t->oom = 1;
  } else {
    for (int shares = 0; shares <= 1; shares++) {
      for (int k = 0; k < r->n_dimensions; k++) {
        const model_dimension *d = &r->dimensions[k];
        if (strcmp(d->key, "market") == 0) continue;
        if (shares) audit_share_sums(a, d, sums);
        else audit_parts(a, d, sums, member);
      }
    }
    audit_shares(a);
    for (int i = 0; i < r->n_claims; i++) {
      if (r->claims[i].kind == CLAIM_CAGR) audit_cagr(a, &r->claims[i]);
    }
    audit_path(a);
    audit_leads(a);
  }
  sqlite3_free(sums);
  sqlite3_free(member);
}

/* all: also the checks that are not checkable (pm_audit, the built-in
** report's, lists only the checks that could be made). */
static int build_audit(const model_set *set, int with_report, int all,
                       tv_table *t) {
  tv_init(t, 7 + (with_report ? 1 : 0));
  int n = with_report ? set->n_reports : (set->n_reports > 0);
  for (int i = 0; i < n; i++) {
    audit a = {t, &set->reports[i], with_report, all};
    audit_report(&a);
  }
  return tv_finish(t);
}

/* pm_audit (the built-in report) lists the checks made; pm_model_audit
** (any report) every check, with the ones it cannot make. */
static int build_audit_made(const model_set *set, int with_report,
                            tv_table *t) {
  return build_audit(set, with_report, 0, t);
}

static int build_audit_all(const model_set *set, int with_report,
                           tv_table *t) {
  return build_audit(set, with_report, 1, t);
}

const model_table model_table_audit = {
    "pm_audit",
    "CREATE TABLE x(\"check\" TEXT, subject TEXT, expected REAL, actual REAL, "
    "tolerance REAL, status TEXT, explanation TEXT)",
    GRID_AUDIT, 1, build_audit_made, 0};

const model_table model_table_model_audit = {
    "pm_model_audit",
    "CREATE TABLE x(report TEXT, \"check\" TEXT, subject TEXT, expected REAL, "
    "actual REAL, tolerance REAL, status TEXT, explanation TEXT)",
    GRID_AUDIT, 0, build_audit_all, 0};
