/* SPDX-License-Identifier: MIT */
/*
** flows.c -- irr/xirr's rate and xnpv's terms of a list of cash flows,
** and npv's exact sums (see flows.h).
**
** The rate is solved by solve_rate_fast() (solve.c) in x = ln(1+r), with
** the sum scaled by e^(tc*x) (tc the earliest t when x > 0, the latest when
** x < 0) so long horizons do not overflow. Periods in steps of 0 or 1 are
** evaluated by Horner's rule, with an error bound that sends any sign in
** doubt to the exact kernel.
** Numeric policy: docs/architecture.md.
*/
#include "flows.h"

#include "solve.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define IRR_GUESS 0.1
#define DAYS_PER_YEAR 365.0

/* xnpv's term of one row, t in years of 365 days from `origin`. For julian days (origin <= t <=
** 2 origin) t - origin is exact (Sterbenz) and the years are the
** correctly rounded quotient; otherwise within 1 ulp. A difference beyond
** the double range (t = 1e308, origin = -1e308) is taken in halves, which
** is exact for normal t and origin. */
pmext_status flows_xnpv_term(double rate, flow item, double origin,
                             double *term) {
  double span = item.t - origin;
  double years = isfinite(span)
                     ? span / DAYS_PER_YEAR
                     : (item.t * 0.5 - origin * 0.5) / (DAYS_PER_YEAR * 0.5);
  return growth_discount(item.value, rate, years, term);
}

pmext_status flows_xnpv(const flow *items, int64_t count, double rate,
                         double *out) {
  double origin = items[0].t;
  for (int64_t i = 1; i < count; i++) {
    if (items[i].t < origin) origin = items[i].t;
  }
  term_sum sum;
  memset(&sum, 0, sizeof sum);
  for (int64_t i = 0; i < count; i++) {
    double term = 0;
    pmext_status status = flows_xnpv_term(rate, items[i], origin, &term);
    term_sum_update(&sum, status, term, 1);
  }
  return term_sum_result(&sum, out);
}

void term_sum_update(term_sum *s, pmext_status status, double term,
                     int sign) {
  if (status != PMEXT_OK) {
    s->undefined += sign;
  } else if (sign > 0) {
    exact_sum_add(&s->sum, term);
  } else {
    exact_sum_sub(&s->sum, term);
  }
}

pmext_status term_sum_result(const term_sum *s, double *out) {
  if (s->undefined > 0) return PMEXT_UNDEFINED;
  return exact_sum_result(&s->sum, out) == EXACT_SUM_OK ? PMEXT_OK
                                                        : PMEXT_UNDEFINED;
}

void npv_sums_update(npv_sums *s, double rate, double value, double period,
                     int sign) {
  double term = 0;
  pmext_status status = growth_discount(value, rate, period, &term);
  if (sign > 0) {
    one_rate_push(&s->rates, rate);
  } else {
    one_rate_pop(&s->rates);
  }
  term_sum_update(&s->terms, status, term, sign);
}

void npv_sums_merge(npv_sums *s, const npv_sums *newer) {
  one_rate_merge(&s->rates, &newer->rates);
  exact_sum_merge(&s->terms.sum, &newer->terms.sum);
  s->terms.undefined += newer->terms.undefined;
}

pmext_status npv_sums_result(const npv_sums *s, double *out) {
  if (s->rates.n == 0) return PMEXT_UNDEFINED;
  return term_sum_result(&s->terms, out);
}

/* The frame for the solver: t in years from the earliest t (dated flows),
** or as given. */
typedef struct flow_view {
  const flow *items;
  int64_t count;
  double origin;  /* subtracted from every t */
  double per_year; /* t units per year: 365 for dates, 1 for periods */
  long double t_min, t_max;
  int sorted;      /* t never decreases from one row to the next */
  int unit_steps;  /* sorted, integer t, steps of 0 or 1: horner_residual */
  int sign_changes; /* of the values in t order (when sorted) */
} flow_view;

static flow_view view_of(const flow *items, int64_t count, int dated) {
  flow_view v = {items, count, 0.0, dated ? DAYS_PER_YEAR : 1.0, 0, 0, 1,
                 !dated, 0};
  double lo = v.items[0].t, hi = lo, last_value = 0;
  for (int64_t i = 0; i < v.count; i++) {
    double t = v.items[i].t, value = v.items[i].value;
    if (t < lo) lo = t;
    if (t > hi) hi = t;
    if (i > 0) {
      double step = t - v.items[i - 1].t;
      if (step < 0) v.sorted = 0;
      if (step != 0 && step != 1) v.unit_steps = 0;
    }
    if (t != floor(t)) v.unit_steps = 0;
    if (value != 0) {
      if (last_value != 0 && (value > 0) != (last_value > 0)) v.sign_changes++;
      last_value = value;
    }
  }
  if (!v.sorted) v.unit_steps = 0;
  v.origin = dated ? lo : 0.0;
  v.t_min = ((long double)lo - v.origin) / v.per_year;
  v.t_max = ((long double)hi - v.origin) / v.per_year;
  return v;
}

static long double view_t(const flow_view *v, int64_t i) {
  return ((long double)v->items[i].t - v->origin) / v->per_year;
}

/* sum value * e^(-(t - tc) x) and its x-derivative, for solve_rate(): tc
** the earliest t when x > 0, the latest when x <= 0, so that no factor
** exceeds 1. */
static int flow_residual(void *ctx, long double x, long double *f,
                         long double *df, long double *scale) {
  const flow_view *v = ctx;
  long double tc = x > 0.0L ? v->t_min : v->t_max;
  long double sum = 0, dsum = 0, mag = 0;
  for (int64_t i = 0; i < v->count; i++) {
    long double dt = view_t(v, i) - tc;
    long double term = v->items[i].value * expl(-dt * x);
    sum += term;
    dsum -= dt * term;
    mag += fabsl(term);
  }
  *f = sum;
  *df = dsum;
  *scale = mag;
  return isfinite(sum) && isfinite(dsum) && isfinite(mag);
}

/* The same function for periods in steps of 0 or 1 (unit_steps), by
** Horner's rule in z = e^(-|x|): one multiplication per step instead of
** one exponential per row. The result is p(z) for the polynomial p with
** the values as coefficients (powers t - t_min for x > 0, t_max - t for
** x <= 0: the same scaling as flow_residual), its derivative by Horner too.
** Horner's error is at most 2n u sum |value| z^power (u the unit
** roundoff of long double, n the rows), and z's own rounding is a change
** of x by about u; so when |f| lies within (4n + 8) LDBL_EPSILON scale of
** 0 its sign is not known, and 2 asks solve_rate_fast() for
** flow_residual instead. */
static int horner_residual(void *ctx, long double x, long double *f,
                           long double *df, long double *scale) {
  const flow_view *v = ctx;
  const flow *items = v->items;
  int64_t n = v->count;
  long double z = expl(-fabsl(x));
  long double p = 0, dp = 0, mag = 0;
  for (int64_t k = 0; k < n; k++) {
    int64_t i = x > 0.0L ? n - 1 - k : k; /* highest power first */
    int64_t previous = x > 0.0L ? i + 1 : i - 1;
    if (k > 0 && items[i].t != items[previous].t) {
      dp = dp * z + p;
      p *= z;
      mag *= z;
    }
    p += items[i].value;
    mag += fabsl(items[i].value);
  }
  *f = p;
  *df = x > 0.0L ? -z * dp : z * dp;
  *scale = mag;
  if (!isfinite(p) || !isfinite(dp) || !isfinite(mag)) return 0;
  return fabsl(p) <= (4.0L * n + 8.0L) * LDBL_EPSILON * mag ? 2 : 1;
}

/* By t, then value (flows_sort()). */
static int flow_order(const void *a, const void *b) {
  const flow *x = a, *y = b;
  if (x->t != y->t) return x->t < y->t ? -1 : 1;
  if (x->value != y->value) return x->value < y->value ? -1 : 1;
  return 0;
}

void flows_sort(flow *items, int64_t count) {
  qsort(items, (size_t)count, sizeof *items, flow_order);
}

/* A root is returned only when solve_rate verified it. Values (in t order)
** that change sign once have one root at most (Descartes' rule of signs
** holds for any real powers), so the solve may start from a previous
** frame's root: the same root, found in a few Newton steps. Otherwise it
** starts from the spreadsheet's guess 0.1. */
pmext_status flows_irr(const flow *items, int64_t count, int dated,
                        const double *previous_root, int *unique,
                        double *out) {
  flow_view v = view_of(items, count, dated);
  *unique = 0;
  int positive = 0, negative = 0;
  for (int64_t i = 0; i < v.count; i++) {
    if (!isfinite(v.items[i].value) || !isfinite(v.items[i].t)) {
      return PMEXT_UNDEFINED;
    }
    positive |= v.items[i].value > 0.0;
    negative |= v.items[i].value < 0.0;
  }
  if (!positive || !negative) return PMEXT_UNDEFINED; /* no root */
  *unique = v.sorted && v.sign_changes == 1;
  double guess = *unique && previous_root ? *previous_root : IRR_GUESS;
  return solve_rate_fast(v.unit_steps ? horner_residual : flow_residual,
                         flow_residual, &v, guess, out);
}
