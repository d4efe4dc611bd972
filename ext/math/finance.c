/* SPDX-License-Identifier: MIT */
/*
** finance.c -- the spreadsheet time-value functions (see finance.h).
**
** How it works: every function is the spreadsheet's closed formula
**     pv*(1+r)^n + pmt*(1+r*type)*((1+r)^n - 1)/r + fv = 0
** solved for the unknown, but with (1+r)^n and (1+r)^n - 1 from the
** double-double kernels of xmath.c, e^(n log1p(r)) and expm1(n log1p(r)),
** each rounded once (0.61 ulp), so tiny rates and long horizons keep their
** digits (a spreadsheet's literal (1+r)^n - 1 cancels). At r = 0 the
** annuity factor ((1+r)^n - 1)/r is its limit n. The factors are then
** combined in plain double: a few roundings of 2^-53 of the largest term,
** which is all the condition of the formula allows (a result that cancels
** between pv (1+r)^n and the payments has no more digits to give). Rates
** at or below -1 (whole n only) take a plain pow() of 1 + r.
** rate() has no closed form: it hands the same equation to solve_rate()
** (solve.c), whose residual below is evaluated in the solver's long double.
** Numeric policy: docs/architecture.md.
*/
#include "finance.h"
#include "solve.h"

#include <math.h>

#include "xmath.h"

static int all_finite(double a, double b, double c, double d, double e) {
  return isfinite(a) && isfinite(b) && isfinite(c) && isfinite(d) &&
         isfinite(e);
}

/* growth = (1+r)^n and annuity = ((1+r)^n - 1)/r (n at r = 0).
** Rates at or below -1 use a plain power, defined for whole n only.
** Returns 0 when either is not finite. */
static int factors(double rate, double nper, double *growth,
                   double *annuity) {
  if (rate > -1.0) {
    xm_dd x = xm_mul_d(xm_log1p(rate), nper);
    double growth_m1 = xm_expm1(x);
    *growth = xm_exp_mul(1.0, x);
    *annuity = rate == 0.0 ? nper : growth_m1 / rate;
  } else {
    *growth = pow(1.0 + rate, nper);
    *annuity = (*growth - 1.0) / rate;
  }
  return isfinite(*growth) && isfinite(*annuity);
}

pmext_status finance_rri(double nper, double pv, double fv, double *out) {
  if (!all_finite(nper, pv, fv, 0, 0) || !(nper > 0.0) || pv == 0.0) {
    return PMEXT_UNDEFINED;
  }
  if (fv == 0.0) {
    *out = -1.0;
    return PMEXT_OK;
  }
  if ((pv < 0.0) != (fv < 0.0)) return PMEXT_UNDEFINED;
  return growth_cagr(fabs(pv), fabs(fv), nper, out);
}

pmext_status finance_pduration(double rate, double pv, double fv,
                                double *out) {
  if (!all_finite(rate, pv, fv, 0, 0) || !(rate > 0.0) || !(pv > 0.0) ||
      !(fv > 0.0)) {
    return PMEXT_UNDEFINED;
  }
  return growth_years_to_reach(pv, fv, rate, out);
}

pmext_status finance_fv(double rate, double nper, double pmt, double pv,
                         double type, double *out) {
  double growth, annuity;
  if (!all_finite(rate, nper, pmt, pv, type) ||
      !factors(rate, nper, &growth, &annuity)) {
    return PMEXT_UNDEFINED;
  }
  double timing = 1.0 + rate * type;
  return pmext_finish(-(pv * growth + pmt * timing * annuity), out);
}

pmext_status finance_pv(double rate, double nper, double pmt, double fv,
                         double type, double *out) {
  double growth, annuity;
  if (!all_finite(rate, nper, pmt, fv, type) ||
      !factors(rate, nper, &growth, &annuity) || growth == 0.0) {
    return PMEXT_UNDEFINED;
  }
  double timing = 1.0 + rate * type;
  return pmext_finish(-(fv + pmt * timing * annuity) / growth, out);
}

pmext_status finance_nper(double rate, double pmt, double pv, double fv,
                           double type, double *out) {
  if (!all_finite(rate, pmt, pv, fv, type) || !(rate > -1.0)) {
    return PMEXT_UNDEFINED;
  }
  if (rate == 0.0) {
    if (pmt == 0.0) return PMEXT_UNDEFINED;
    return pmext_finish(-(pv + fv) / pmt, out);
  }
  /* (1+r)^n = (k - fv) / (k + pv) with k = pmt*(1+r*type)/r. Near a ratio
  ** of 1 its logarithm is log1p((-fv - pv) / (k + pv)), whose argument
  ** does not carry the rounding of k - fv; elsewhere ln|num| - ln|den| in
  ** one piece (xm_log_ratio, the quotient never formed). */
  double k = pmt * (1.0 + rate * type) / rate;
  double num = k - fv, den = k + pv;
  if (den == 0.0 || num == 0.0 || (num < 0.0) != (den < 0.0)) {
    return PMEXT_UNDEFINED;
  }
  double ratio = num / den, near_1 = (-fv - pv) / den;
  if (!isfinite(ratio) || !isfinite(near_1) || !isfinite(den)) {
    return PMEXT_UNDEFINED;
  }
  xm_dd log_growth = ratio >= 0.5 && ratio <= 2.0
                         ? xm_log1p(near_1)
                         : xm_log_ratio(fabs(den), fabs(num));
  xm_dd n = xm_div(log_growth, xm_log1p(rate));
  return pmext_finish(n.hi + n.lo, out);
}

/* rate(): the residual at r = e^x - 1 of
**     f = pv*G + pmt*T*A + fv,   G = (1+r)^n, T = 1 + r*type, A = (G-1)/r.
** For x > 0, G can overflow (n = 1e6 periods), so f is multiplied by
** H = 1/G there (the same roots):
**     h = pv + pmt*T*B + fv*H,   B = A/G = (1 - H)/r.
** Derivatives are taken in r and multiplied by dr/dx = 1+r = e^x; near
** r = 0 the annuity factors use their series, where the closed forms
** cancel. G and H come from expl(), not 1 + expm1l(): near a rate of -1
** G is tiny, and 1 + (G - 1) would keep only its absolute error of 1e-19,
** too coarse for the solver's check of the residual at the root. */
typedef struct annuity_equation {
  long double nper, pmt, pv, fv, type;
} annuity_equation;

static int annuity_residual(void *ctx, long double x, long double *f,
                            long double *df, long double *scale) {
  const annuity_equation *q = ctx;
  long double n = q->nper, r = expm1l(x), u = expl(x);
  long double timing = 1.0L + r * q->type;
  int small = fabsl(n * r) < 1e-6L;
  long double factor, d_factor, pmt_part, df_dr;
  if (x <= 0.0L) {
    long double growth_m1 = expm1l(n * x), growth = expl(n * x);
    factor = small ? n + n * (n - 1.0L) / 2.0L * r : growth_m1 / r;
    d_factor = small ? n * (n - 1.0L) / 2.0L : (n * growth / u - factor) / r;
    pmt_part = q->pmt * timing * factor;
    *f = q->pv * growth + pmt_part + q->fv;
    df_dr = q->pv * n * growth / u +
            q->pmt * (q->type * factor + timing * d_factor);
    *scale = fabsl(q->pv * growth) + fabsl(pmt_part) + fabsl(q->fv);
  } else {
    long double shrink_m1 = expm1l(-n * x), shrink = expl(-n * x);
    factor = small ? n - n * (n + 1.0L) / 2.0L * r : -shrink_m1 / r;
    d_factor = small ? -n * (n + 1.0L) / 2.0L : (n * shrink / u - factor) / r;
    pmt_part = q->pmt * timing * factor;
    *f = q->pv + pmt_part + q->fv * shrink;
    df_dr = q->pmt * (q->type * factor + timing * d_factor) -
            q->fv * n * shrink / u;
    *scale = fabsl(q->pv) + fabsl(pmt_part) + fabsl(q->fv * shrink);
  }
  *df = df_dr * u;
  return isfinite(*f) && isfinite(*df) && isfinite(*scale);
}

pmext_status finance_rate(double nper, double pmt, double pv, double fv,
                           double type, double guess, double *out) {
  if (!all_finite(nper, pmt, pv, fv, type) || !(nper > 0.0)) {
    return PMEXT_UNDEFINED;
  }
  if (pmt == 0.0 && pv == 0.0 && fv == 0.0) return PMEXT_UNDEFINED;
  annuity_equation q = {nper, pmt, pv, fv, type};
  return solve_rate(annuity_residual, &q, guess, out);
}

/* Spreadsheets truncate npery to a whole number of periods. */
pmext_status finance_effect(double nominal_rate, double npery, double *out) {
  if (!isfinite(nominal_rate) || !isfinite(npery)) return PMEXT_UNDEFINED;
  double periods = trunc(npery);
  if (!(nominal_rate > 0.0) || periods < 1.0) return PMEXT_UNDEFINED;
  /* log1p(q) for the double-double q = nominal/periods: log1p(q.hi) plus
  ** q.lo/(1 + q.hi), the first-order term (the next is below 2^-106) */
  xm_dd one = {nominal_rate, 0.0};
  xm_dd q = xm_div_d(one, periods);
  xm_dd l = xm_log1p(q.hi);
  l.lo += q.lo / (1.0 + q.hi);
  return pmext_finish(xm_expm1(xm_mul_d(l, periods)), out);
}

pmext_status finance_nominal(double effect_rate, double npery, double *out) {
  if (!isfinite(effect_rate) || !isfinite(npery)) return PMEXT_UNDEFINED;
  double periods = trunc(npery);
  if (!(effect_rate > 0.0) || periods < 1.0) return PMEXT_UNDEFINED;
  return pmext_finish(
      periods * xm_expm1(xm_div_d(xm_log1p(effect_rate), periods)), out);
}
