/*
** flows.c -- irr/xirr's rate and xnpv's sum of a list of cash flows, see
** flows.h.
**
** The rate is solved by solve_rate() (solve.c) in x = ln(1+r), with the sum
** scaled by e^(tc*x) (tc the earliest t when x > 0, the latest when x < 0)
** so long horizons do not overflow. xnpv's terms come from
** growth_discount() and are summed exactly (exact_sum.c).
*/
#include "flows.h"

#include "exact_sum.h"
#include "solve.h"

#include <math.h>

#define IRR_GUESS 0.1
#define DAYS_PER_YEAR 365.0

/* Entries with t in years from the earliest t (dated kinds), or as given. */
typedef struct flow_view {
  const flow *items;
  int64_t count;
  double origin;  /* subtracted from every t */
  double per_year; /* t units per year: 365 for dates, 1 for periods */
  long double t_min, t_max;
} flow_view;

static flow_view view_of(const flow *items, int64_t count, int dated) {
  flow_view v = {items, count, 0.0, dated ? DAYS_PER_YEAR : 1.0, 0, 0};
  double lo = v.items[0].t, hi = lo;
  for (int64_t i = 1; i < v.count; i++) {
    if (v.items[i].t < lo) lo = v.items[i].t;
    if (v.items[i].t > hi) hi = v.items[i].t;
  }
  v.origin = dated ? lo : 0.0;
  v.t_min = ((long double)lo - v.origin) / v.per_year;
  v.t_max = ((long double)hi - v.origin) / v.per_year;
  return v;
}

static long double view_t(const flow_view *v, int64_t i) {
  return ((long double)v->items[i].t - v->origin) / v->per_year;
}

/* sum value * e^(-(t - tc) x) and its x-derivative, for solve_rate(). */
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

growth_status flows_irr(const flow *items, int64_t count, int dated,
                        double *out) {
  flow_view v = view_of(items, count, dated);
  int positive = 0, negative = 0;
  for (int64_t i = 0; i < v.count; i++) {
    if (!isfinite(v.items[i].value) || !isfinite(v.items[i].t)) {
      return GROWTH_UNDEFINED;
    }
    positive |= v.items[i].value > 0.0;
    negative |= v.items[i].value < 0.0;
  }
  if (!positive || !negative) return GROWTH_UNDEFINED; /* no root */
  return solve_rate(flow_residual, &v, IRR_GUESS, out);
}

growth_status flows_xnpv(const flow *items, int64_t count, int dated,
                         double *out) {
  flow_view v = view_of(items, count, dated);
  exact_sum sum;
  exact_sum_init(&sum);
  for (int64_t i = 0; i < v.count; i++) {
    double term;
    if (growth_discount(v.items[i].value, v.items[i].rate, (double)view_t(&v, i),
                        &term) != GROWTH_OK) {
      return GROWTH_UNDEFINED;
    }
    exact_sum_add(&sum, term);
  }
  double result;
  if (exact_sum_result(&sum, &result) != EXACT_SUM_OK) return GROWTH_UNDEFINED;
  *out = result;
  return GROWTH_OK;
}
