/*
** finance.c -- the spreadsheet time-value functions (see finance.h).
**
** How it works: every function is the spreadsheet's closed formula
**     pv*(1+r)^n + pmt*(1+r*type)*((1+r)^n - 1)/r + fv = 0
** solved for the unknown, but with (1+r)^n - 1 computed as
** expm1(n*log1p(r)) in long double, so tiny rates and long horizons keep
** their digits (a spreadsheet's literal (1+r)^n - 1 cancels). At r = 0 the
** annuity factor ((1+r)^n - 1)/r is its limit n. rate() has no closed form:
** it hands the same equation to solve_rate() (solve.c).
** Numeric policy: docs/architecture.md.
*/
#include "finance.h"
#include "solve.h"

#include <math.h>

static growth_status finish(long double result, double *out) {
  double d = (double)result;
  if (!isfinite(d)) return GROWTH_UNDEFINED;
  *out = d;
  return GROWTH_OK;
}

static int all_finite(double a, double b, double c, double d, double e) {
  return isfinite(a) && isfinite(b) && isfinite(c) && isfinite(d) &&
         isfinite(e);
}

/* growth = (1+r)^n and annuity = ((1+r)^n - 1)/r (n at r = 0).
** Rates at or below -1 use a plain power, defined for whole n only.
** Returns 0 when either is not finite. */
static int factors(double rate, double nper, long double *growth,
                   long double *annuity) {
  long double r = rate, n = nper;
  if (r > -1.0L) {
    long double growth_m1 = expm1l(n * log1pl(r));
    *growth = 1.0L + growth_m1;
    *annuity = r == 0.0L ? n : growth_m1 / r;
  } else {
    *growth = powl(1.0L + r, n);
    *annuity = (*growth - 1.0L) / r;
  }
  return isfinite(*growth) && isfinite(*annuity);
}

growth_status finance_rri(double nper, double pv, double fv, double *out) {
  if (!all_finite(nper, pv, fv, 0, 0) || !(nper > 0.0) || pv == 0.0) {
    return GROWTH_UNDEFINED;
  }
  if (fv == 0.0) {
    *out = -1.0;
    return GROWTH_OK;
  }
  if ((pv < 0.0) != (fv < 0.0)) return GROWTH_UNDEFINED;
  return growth_cagr(fabs(pv), fabs(fv), nper, out);
}

growth_status finance_pduration(double rate, double pv, double fv,
                                double *out) {
  if (!all_finite(rate, pv, fv, 0, 0) || !(rate > 0.0) || !(pv > 0.0) ||
      !(fv > 0.0)) {
    return GROWTH_UNDEFINED;
  }
  return growth_years_to_reach(pv, fv, rate, out);
}

growth_status finance_fv(double rate, double nper, double pmt, double pv,
                         double type, double *out) {
  long double growth, annuity;
  if (!all_finite(rate, nper, pmt, pv, type) ||
      !factors(rate, nper, &growth, &annuity)) {
    return GROWTH_UNDEFINED;
  }
  long double timing = 1.0L + (long double)rate * type;
  return finish(-((long double)pv * growth + (long double)pmt * timing * annuity),
                out);
}

growth_status finance_pv(double rate, double nper, double pmt, double fv,
                         double type, double *out) {
  long double growth, annuity;
  if (!all_finite(rate, nper, pmt, fv, type) ||
      !factors(rate, nper, &growth, &annuity) || growth == 0.0L) {
    return GROWTH_UNDEFINED;
  }
  long double timing = 1.0L + (long double)rate * type;
  return finish(-((long double)fv + (long double)pmt * timing * annuity) / growth,
                out);
}

growth_status finance_nper(double rate, double pmt, double pv, double fv,
                           double type, double *out) {
  if (!all_finite(rate, pmt, pv, fv, type) || !(rate > -1.0)) {
    return GROWTH_UNDEFINED;
  }
  if (rate == 0.0) {
    if (pmt == 0.0) return GROWTH_UNDEFINED;
    return finish(-((long double)pv + (long double)fv) / pmt, out);
  }
  /* (1+r)^n = (k - fv) / (k + pv) with k = pmt*(1+r*type)/r. */
  long double k = (long double)pmt * (1.0L + (long double)rate * type) / rate;
  long double num = k - fv, den = k + pv;
  if (den == 0.0L || num == 0.0L || (num < 0.0L) != (den < 0.0L)) {
    return GROWTH_UNDEFINED;
  }
  long double ratio = num / den;
  long double log_growth =
      ratio >= 0.5L && ratio <= 2.0L
          ? log1pl((-(long double)fv - (long double)pv) / den)
          : logl(ratio);
  return finish(log_growth / log1pl((long double)rate), out);
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

growth_status finance_rate(double nper, double pmt, double pv, double fv,
                           double type, double guess, double *out) {
  if (!all_finite(nper, pmt, pv, fv, type) || !(nper > 0.0)) {
    return GROWTH_UNDEFINED;
  }
  if (pmt == 0.0 && pv == 0.0 && fv == 0.0) return GROWTH_UNDEFINED;
  annuity_equation q = {nper, pmt, pv, fv, type};
  return solve_rate(annuity_residual, &q, guess, out);
}

/* Spreadsheets truncate npery to a whole number of periods. */
growth_status finance_effect(double nominal_rate, double npery, double *out) {
  if (!isfinite(nominal_rate) || !isfinite(npery)) return GROWTH_UNDEFINED;
  long double periods = truncl(npery);
  if (!(nominal_rate > 0.0) || periods < 1.0L) return GROWTH_UNDEFINED;
  return finish(expm1l(periods * log1pl(nominal_rate / periods)), out);
}

growth_status finance_nominal(double effect_rate, double npery, double *out) {
  if (!isfinite(effect_rate) || !isfinite(npery)) return GROWTH_UNDEFINED;
  long double periods = truncl(npery);
  if (!(effect_rate > 0.0) || periods < 1.0L) return GROWTH_UNDEFINED;
  return finish(periods * expm1l(log1pl(effect_rate) / periods), out);
}
