/*
** fit.c -- cagr_fit's trend growth from exact sums (see fit.h).
**
** x = year, y = ln(value) as hi + lo (xm_log_ratio, 2^-67 relative); each
** row adds x, x*x, y and x*y to exact sums (exact_sum.c, the products
** exactly), and removing it subtracts the same. The slope
** (n Sxy - Sx Sy) / (n Sxx - Sx^2) is formed with both cross terms exact
** from the sums, so the result depends on the rows only: not on their
** order, on rows that came and went, or on how partial sums were merged.
*/
#include "fit.h"

#include "xmath.h"

#include <math.h>

void fit_sums_update(fit_sums *s, double year, double value, int sign) {
  if (!(value > 0.0) || !isfinite(value) || !isfinite(year)) {
    s->bad += sign;
    return;
  }
  xm_dd y = xm_log_ratio(1.0, value);
  s->n += sign;
  if (sign > 0) {
    exact_sum_add(&s->sx, year);
    exact_sum_add_product(&s->sxx, year, year);
    exact_sum_add(&s->sy, y.hi);
    exact_sum_add(&s->sy, y.lo);
    exact_sum_add_product(&s->sxy, year, y.hi);
    exact_sum_add_product(&s->sxy, year, y.lo);
  } else {
    exact_sum_sub(&s->sx, year);
    exact_sum_sub_product(&s->sxx, year, year);
    exact_sum_sub(&s->sy, y.hi);
    exact_sum_sub(&s->sy, y.lo);
    exact_sum_sub_product(&s->sxy, year, y.hi);
    exact_sum_sub_product(&s->sxy, year, y.lo);
  }
}

void fit_sums_merge(fit_sums *s, const fit_sums *t) {
  s->n += t->n;
  s->bad += t->bad;
  exact_sum_merge(&s->sx, &t->sx);
  exact_sum_merge(&s->sy, &t->sy);
  exact_sum_merge(&s->sxx, &t->sxx);
  exact_sum_merge(&s->sxy, &t->sxy);
}

#define EXPANSION_TERMS 3

/* The exact sum as t[0] + t[1] + t[2]: each term the rest rounded (exact
** when the sum spans at most 159 bits, else within 2^-159 relative).
** 0 when it overflows or holds a non-finite input. */
static int expand(const exact_sum *s, double t[EXPANSION_TERMS]) {
  exact_sum rest = *s;
  for (int i = 0; i < EXPANSION_TERMS; i++) {
    if (exact_sum_result(&rest, &t[i]) != EXACT_SUM_OK) return 0;
    exact_sum_sub(&rest, t[i]);
  }
  return 1;
}

/* n * b - c * d into *out, exactly for the expansions of b, c, d. */
static int cross_term(double n, const double b[EXPANSION_TERMS],
                      const double c[EXPANSION_TERMS],
                      const double d[EXPANSION_TERMS], xm_dd *out) {
  exact_sum e;
  exact_sum_init(&e);
  for (int i = 0; i < EXPANSION_TERMS; i++) {
    exact_sum_add_product(&e, n, b[i]);
    for (int j = 0; j < EXPANSION_TERMS; j++) {
      exact_sum_sub_product(&e, c[i], d[j]);
    }
  }
  return exact_sum_result2(&e, &out->hi, &out->lo) == EXACT_SUM_OK;
}

/* slope = (n Sxy - Sx Sy) / (n Sxx - Sx^2), both cross terms exact from
** the exact sums: the result depends on the rows only, not on their order
** or on rows that came and went. */
growth_status fit_sums_growth(const fit_sums *s, double *out) {
  if (s->bad > 0 || s->n < 2) return GROWTH_UNDEFINED;
  double sx[EXPANSION_TERMS], sy[EXPANSION_TERMS], sxx[EXPANSION_TERMS],
      sxy[EXPANSION_TERMS];
  xm_dd spread, cov;
  double n = (double)s->n;
  if (!expand(&s->sx, sx) || !expand(&s->sy, sy) || !expand(&s->sxx, sxx) ||
      !expand(&s->sxy, sxy) || !cross_term(n, sxx, sx, sx, &spread) ||
      !cross_term(n, sxy, sx, sy, &cov) || !(spread.hi > 0.0)) {
    return GROWTH_UNDEFINED; /* overflow, or all rows in one year */
  }
  double result = xm_expm1(xm_div(cov, spread));
  if (!isfinite(result)) return GROWTH_UNDEFINED;
  *out = result;
  return GROWTH_OK;
}
