/* SPDX-License-Identifier: MIT */
/*
** audit.c -- each report checked against itself: the tables pm_audit (the
** built-in report) and pm_model_audit (any report), their schema and rows.
**
** Checks, in this order, for every report:
**   parts_sum        each dimension's printed sizes against the printed
**                    whole market, in each year the whole is printed
**   shares_sum       each dimension's printed shares against 1, in each
**                    year one is printed
**   share_vs_value   each printed share against value / whole market
**   stated_cagr      each stated CAGR against the rate the printed sizes
**                    of its first and last years imply
**   stated_cagr_size the printed end size against the start grown at the
**                    stated rate
**   on_path          each printed size strictly between a segment's first
**                    and last printed sizes against the constant-growth
**                    path through those two
**   dominant_<dimension>  the claimed segment's size (or share) in its
**                    first printed year against the largest other one
**   fastest_growing  the claimed segment's implied growth between its first
**                    and last printed sizes against the fastest other one
** A check the report gives too little for is a row with status
** 'not_checkable' and NULL numbers, saying what is missing (pm_audit, the
** built-in report's audit as before, lists only the checks made).
**
** Tolerances: each printed figure is exact only to half its last printed
** digit. A check's tolerance is half the last digit of the figure it tests
** plus the largest change that rounding its inputs can make in the
** computed side: for each input, the function is evaluated with the input
** moved by half its last digit either way, and the largest moves are added
** up (a first-order worst case, computed, not typed in).
*/
#include "model.h"
#include "math/growth.h"

#include <math.h>
#include <string.h>

SQLITE_EXTENSION_INIT3

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
** over span years, `at` years after start. */
static double fn_path(const double *x, int n) {
  (void)n;
  double out = 0;
  (void)growth_interpolate(x[3], 0, x[0], x[2], x[1], &out);
  return out;
}

/* Largest change in f(x) when each x[i] moves by up to half_step[i]. */
static double rounding_bound(audit_fn f, const double *x,
                             const double *half_step, int n) {
  double base = f(x, n), bound = 0;
  double *y = sqlite3_malloc64((size_t)n * sizeof *y + 1);
  if (!y) return NAN; /* the caller's tv_table records the failure */
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
  sqlite3_free(y);
  return bound;
}

/* The audit of one report being built. */
typedef struct audit {
  tv_table *t;
  const model_report *r;
  int with_report, all;
} audit;

static void audit_row(audit *a, const char *check, const char *subject,
                      double expected, double actual, double tolerance,
                      int pass, const char *explanation) {
  if (isnan(tolerance)) {
    a->t->oom = 1;
    return;
  }
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

/* The printed figure of `year` in figures[0..n), or 0. */
static const model_figure *printed(const model_figure *figures, int n,
                                   int year) {
  for (int i = 0; i < n; i++) {
    if (figures[i].year == year) return &figures[i];
  }
  return 0;
}

/* Is segment i the first of its dimension (to visit each dimension once)? */
static int first_of_dimension(const model_report *r, int i) {
  for (int k = 0; k < i; k++) {
    if (strcmp(r->segments[k].dimension, r->segments[i].dimension) == 0) {
      return 0;
    }
  }
  return 1;
}

/* Printed sizes (or shares) of `dimension` in `year` into x, their half
** digits into h (both sized n_segments); returns how many. */
static int printed_parts(const model_report *r, const char *dimension, int year,
                         int shares, double *x, double *h) {
  int n = 0;
  for (int i = 0; i < r->n_segments; i++) {
    const model_segment *s = &r->segments[i];
    if (i == r->whole || strcmp(s->dimension, dimension) != 0) continue;
    const model_figure *f = shares ? printed(s->shares, s->n_shares, year)
                                   : printed(s->values, s->n_values, year);
    if (!f) continue;
    x[n] = f->x;
    h[n] = f->half;
    n++;
  }
  return n;
}

/* parts_sum or shares_sum for one dimension, every year it applies. */
static void audit_sums(audit *a, const char *dimension, int shares, double *x,
                       double *h) {
  const model_report *r = a->r;
  const model_segment *whole = r->whole >= 0 ? &r->segments[r->whole] : 0;
  const char *check = shares ? "shares_sum" : "parts_sum";
  char subject[300];
  sqlite3_snprintf(sizeof subject, subject, "%s %s", dimension,
                   shares ? "shares" : "sizes");
  int made = 0;
  for (int year = r->first_year; year <= r->last_year; year++) {
    const model_figure *total =
        shares ? 0 : whole ? printed(whole->values, whole->n_values, year) : 0;
    if (!shares && !total) continue;
    int n = printed_parts(r, dimension, year, shares, x, h);
    if (n == 0) continue;
    double expected = shares ? 1.0 : total->x;
    double tolerance = (shares ? 0 : total->half) + rounding_bound(fn_sum, x, h, n);
    sqlite3_snprintf(sizeof subject, subject, "%s %s %d", dimension,
                     shares ? "shares" : "sizes", year);
    audit_equal(a, check, subject, expected, fn_sum(x, n), tolerance,
                "the printed parts add up to the printed whole",
                "the printed parts do not add up to the printed whole");
    made = 1;
  }
  if (!made) {
    not_checkable(a, check, subject,
                  shares ? "no share of these segments is printed"
                         : "no year prints both the whole market and sizes "
                           "of these segments");
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
      const model_figure *v = printed(s->values, s->n_values, year);
      const model_figure *g =
          whole ? printed(whole->values, whole->n_values, year) : 0;
      char subject[300];
      sqlite3_snprintf(sizeof subject, subject, "%s %d", s->segment, year);
      if (!v || !g) {
        not_checkable(a, "share_vs_value", subject,
                      "the share is printed without the size of the segment "
                      "or of the whole market in the same year");
        continue;
      }
      double x[2] = {v->x, g->x}, h[2] = {v->half, g->half};
      audit_equal(a, "share_vs_value", subject, fn_ratio(x, 2), s->shares[k].x,
                  s->shares[k].half + rounding_bound(fn_ratio, x, h, 2),
                  "the printed share matches value / global size",
                  "the printed share differs from value / global size");
    }
  }
}

/* The segment a claim is about (the whole market without a segment). */
static int claim_segment(const model_report *r, const model_claim *c) {
  if (!c->segment) return r->whole;
  for (int i = 0; i < r->n_segments; i++) {
    if (strcmp(r->segments[i].segment, c->segment) == 0 &&
        (!c->dimension || strcmp(r->segments[i].dimension, c->dimension) == 0)) {
      return i;
    }
  }
  return -1;
}

static void audit_cagr(audit *a, const model_claim *c) {
  const model_report *r = a->r;
  int i = claim_segment(r, c);
  const model_segment *s = i >= 0 ? &r->segments[i] : 0;
  const char *name = s ? s->segment : c->segment ? c->segment : "whole market";
  char subject[300], end[300];
  sqlite3_snprintf(sizeof subject, subject, "%s %d-%d", name, c->from_year,
                   c->to_year);
  sqlite3_snprintf(sizeof end, end, "%s %d", name, c->to_year);
  const model_figure *from = s ? printed(s->values, s->n_values, c->from_year) : 0;
  const model_figure *to = s ? printed(s->values, s->n_values, c->to_year) : 0;
  if (!from || !to) {
    const char *why = "the report prints no size for the first or the last "
                      "year of the period";
    not_checkable(a, "stated_cagr", subject, why);
    not_checkable(a, "stated_cagr_size", end, why);
    return;
  }
  double years = to->year - from->year;
  double x[3] = {from->x, to->x, years}, h[3] = {from->half, to->half, 0};
  audit_equal(a, "stated_cagr", subject, fn_cagr(x, 3), c->value,
              c->half + rounding_bound(fn_cagr, x, h, 3),
              "the stated CAGR is the rate the printed sizes imply",
              "the stated CAGR is not the rate the printed sizes imply");
  double p[3] = {from->x, c->value, years}, ph[3] = {from->half, c->half, 0};
  audit_equal(a, "stated_cagr_size", end, to->x, fn_project(p, 3),
              to->half + rounding_bound(fn_project, p, ph, 3),
              "the stated CAGR reproduces the printed end size",
              "the stated CAGR does not reproduce the printed end size");
}

static void audit_path(audit *a) {
  const model_report *r = a->r;
  for (int i = 0; i < r->n_segments; i++) {
    const model_segment *s = &r->segments[i];
    if (s->n_values < 3) {
      if (i == r->whole) {
        not_checkable(a, "on_path", s->segment,
                      "fewer than three printed sizes: none lies between two "
                      "others");
      }
      continue;
    }
    const model_figure *first = &s->values[0], *last = &s->values[s->n_values - 1];
    for (int k = 1; k + 1 < s->n_values; k++) {
      const model_figure *mid = &s->values[k];
      double x[4] = {first->x, last->x, last->year - first->year,
                     mid->year - first->year};
      double h[4] = {first->half, last->half, 0, 0};
      char subject[300];
      sqlite3_snprintf(sizeof subject, subject, "%s %d", s->segment, mid->year);
      audit_equal(a, "on_path", subject, fn_path(x, 4), mid->x,
                  mid->half + rounding_bound(fn_path, x, h, 4),
                  "the printed size lies on the constant-growth path",
                  "the printed size is off the constant-growth path");
    }
  }
}

/* A claim that segment `c` leads on figure[]: expected is the best other
** segment's figure, actual the claimed one's; it passes when actual exceeds
** expected by more than the rounding of both can explain. */
static void audit_lead(audit *a, const char *check, const char *claimed,
                       int n, int c, const int *segment, const double *figure,
                       const double *tol, const char *measure) {
  int best = -1;
  for (int i = 0; i < n; i++) {
    if (i != c && (best < 0 || figure[i] > figure[best])) best = i;
  }
  if (c < 0 || best < 0) {
    not_checkable(a, check, claimed,
                  c < 0 ? "the claimed segment has no printed figure to compare"
                        : "no other segment of the dimension has a figure to "
                          "compare with");
    return;
  }
  double tolerance = tol[c] + tol[best];
  int pass = figure[c] - figure[best] > tolerance;
  char explanation[600];
  sqlite3_snprintf(sizeof explanation, explanation,
                   pass ? "%s leads on %s: best other is %s"
                        : "%s does not lead on %s: %s is as high or higher",
                   claimed, measure, a->r->segments[segment[best]].segment);
  audit_row(a, check, claimed, figure[best], figure[c], tolerance, pass,
            explanation);
}

/* dominant: sizes (or, for a segment printed as shares, shares) in the
** claimed segment's first printed year. */
static void audit_dominant(audit *a, const model_claim *cl, int *segment,
                           double *figure, double *tol) {
  const model_report *r = a->r;
  int ci = claim_segment(r, cl), n = 0, c = -1;
  const model_segment *cs = ci >= 0 ? &r->segments[ci] : 0;
  int shares = cs && cs->n_values == 0;
  const model_figure *first = !cs ? 0 : shares ? (cs->n_shares ? &cs->shares[0] : 0)
                                               : &cs->values[0];
  char check[300], measure[64];
  sqlite3_snprintf(sizeof check, check, "dominant_%s", cl->dimension);
  for (int i = 0; first && i < r->n_segments; i++) {
    const model_segment *s = &r->segments[i];
    if (i == r->whole || strcmp(s->dimension, cl->dimension) != 0) continue;
    const model_figure *f = shares ? printed(s->shares, s->n_shares, first->year)
                                   : printed(s->values, s->n_values, first->year);
    if (!f) continue;
    if (i == ci) c = n;
    segment[n] = i;
    figure[n] = f->x;
    tol[n] = f->half;
    n++;
  }
  sqlite3_snprintf(sizeof measure, measure, "%s in %d", shares ? "share" : "size",
                   first ? first->year : 0);
  audit_lead(a, check, cl->segment, n, c, segment, figure, tol, measure);
}

/* fastest_growing: implied CAGR between each segment's first and last
** printed sizes. */
static void audit_fastest(audit *a, const model_claim *cl, int *segment,
                          double *figure, double *tol) {
  const model_report *r = a->r;
  int ci = claim_segment(r, cl), n = 0, c = -1;
  for (int i = 0; i < r->n_segments; i++) {
    const model_segment *s = &r->segments[i];
    if (i == r->whole || strcmp(s->dimension, cl->dimension) != 0 ||
        s->n_values < 2) {
      continue;
    }
    const model_figure *f0 = &s->values[0], *f1 = &s->values[s->n_values - 1];
    double x[3] = {f0->x, f1->x, f1->year - f0->year}, h[3] = {f0->half, f1->half, 0};
    if (i == ci) c = n;
    segment[n] = i;
    figure[n] = fn_cagr(x, 3);
    tol[n] = rounding_bound(fn_cagr, x, h, 3);
    n++;
  }
  char measure[64] = "growth";
  if (c >= 0) {
    const model_segment *s = &r->segments[ci];
    sqlite3_snprintf(sizeof measure, measure, "growth %d-%d", s->values[0].year,
                     s->values[s->n_values - 1].year);
  }
  audit_lead(a, "fastest_growing", cl->segment, n, c, segment, figure, tol,
             measure);
}

static void audit_report(audit *a) {
  const model_report *r = a->r;
  size_t n = (size_t)r->n_segments + 1;
  double *x = sqlite3_malloc64(3 * n * sizeof *x);
  int *segment = sqlite3_malloc64(n * sizeof *segment);
  if (!x || !segment) {
    a->t->oom = 1;
  } else {
    for (int shares = 0; shares <= 1; shares++) {
      for (int i = 0; i < r->n_segments; i++) {
        if (i != r->whole && first_of_dimension(r, i) &&
            strcmp(r->segments[i].dimension, "market") != 0) {
          audit_sums(a, r->segments[i].dimension, shares, x, x + n);
        }
      }
    }
    audit_shares(a);
    for (int i = 0; i < r->n_claims; i++) {
      if (r->claims[i].kind == CLAIM_CAGR) audit_cagr(a, &r->claims[i]);
    }
    audit_path(a);
    for (int i = 0; i < r->n_claims; i++) {
      const model_claim *c = &r->claims[i];
      if (c->kind == CLAIM_DOMINANT) audit_dominant(a, c, segment, x, x + n);
      if (c->kind == CLAIM_FASTEST) audit_fastest(a, c, segment, x, x + n);
    }
  }
  sqlite3_free(x);
  sqlite3_free(segment);
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
