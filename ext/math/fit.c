/* SPDX-License-Identifier: MIT */
/*
** fit.c -- cagr_fit's trend growth from exact sums (see fit.h).
**
** x = year, y = ln(value) as hi + lo (xm_log_ratio, 2^-67 relative); each
** row adds x, x*x, y and x*y to exact sums (exact_sum.c), and removing it
** subtracts the same. The slope
** (n Sxy - Sx Sy) / (n Sxx - Sx^2) is formed with both cross terms exact
** from the sums, so the result depends on the rows only: not on their
** order, on rows that came and went, or on how partial sums were merged.
** Numeric policy: docs/architecture.md.
*/
#include "fit.h"

#include "xmath.h"

#include <math.h>

/* x*x and x*y.hi go in exactly (x*x as one double where that is exact: an
** integer year below 2^26); x*y.lo, about 2^-53 of x*y, as its rounded
** double, 2^-106 of x*y -- the same double either way, so removal still
** undoes addition exactly. */
static void fit_count(exact_sum *sum, double x, double y, int sign) {
  if (sign > 0) {
    exact_sum_add(sum, x * y);
  } else {
    exact_sum_sub(sum, x * y);
  }
}

static void fit_product(exact_sum *sum, double x, double y, int sign) {
  if (sign > 0) {
    exact_sum_add_product(sum, x, y);
  } else {
    exact_sum_sub_product(sum, x, y);
  }
}

void fit_sums_update(fit_sums *s, double year, double value, int sign) {
  double x = year;
  if (!(value > 0.0) || !isfinite(value) || !isfinite(x)) {
    s->bad += sign;
    return;
  }
  xm_dd y = xm_log_ratio(1.0, value);
  s->n += sign;
  fit_count(&s->sx, x, 1.0, sign);
  if (fabs(x) < 0x1p26 && x == (double)(long long)x) {
    fit_count(&s->sxx, x, x, sign);
  } else {
    fit_product(&s->sxx, x, x, sign);
  }
  fit_count(&s->sy, y.hi, 1.0, sign);
  fit_count(&s->sy, y.lo, 1.0, sign);
  fit_product(&s->sxy, x, y.hi, sign);
  fit_count(&s->sxy, x, y.lo, sign);
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
  for (int i = 0; i < EXPANSION_TERMS; i++) t[i] = 0.0;
  for (int i = 0; i < EXPANSION_TERMS; i++) {
    if (exact_sum_result(&rest, &t[i]) != EXACT_SUM_OK) return 0;
    if (t[i] == 0.0) break; /* the rest is exactly 0 */
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
pmext_status fit_sums_growth(const fit_sums *s, double *out) {
  if (s->bad > 0 || s->n < 2) return PMEXT_UNDEFINED;
  double sx[EXPANSION_TERMS], sy[EXPANSION_TERMS], sxx[EXPANSION_TERMS],
      sxy[EXPANSION_TERMS];
  xm_dd spread, cov;
  double n = (double)s->n;
  if (!expand(&s->sx, sx) || !expand(&s->sy, sy) || !expand(&s->sxx, sxx) ||
      !expand(&s->sxy, sxy) || !cross_term(n, sxx, sx, sx, &spread) ||
      !cross_term(n, sxy, sx, sy, &cov) || !(spread.hi > 0.0)) {
    return PMEXT_UNDEFINED; /* overflow, or all rows in one year */
  }
  return pmext_finish(xm_expm1(xm_div(cov, spread)), out);
}
