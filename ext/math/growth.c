/* SPDX-License-Identifier: MIT */
/*
** growth.c -- pure growth arithmetic (no SQLite types), see growth.h.
**
** How it works, and why it is more accurate than a spreadsheet:
**
** A spreadsheet computes (1+r)^n and (b/a)^(1/n) - 1 literally. Both lose
** digits: 1+r drops the low bits of a tiny rate before pow() ever sees it,
** and x^(1/n) - 1 cancels when the ratio is near 1. The error of pow() also
** grows with the size of the exponent: an absolute error e in the exponent
** t = n*ln(1+r) becomes a relative error e in exp(t), and e is about
** |t| * 2^-53 when t is computed in double.
**
** So every formula here is written as a logarithm and an exponential,
** expm1(ln(b/a)/n) and value * exp(n * log1p(r)), evaluated with the
** double-double kernels of xmath.c: ln(b/a) from the exact difference of
** the mantissas of b and a (no cancellation near a ratio of 1, and b/a is
** never formed, so it may lie outside the double range), to 2^-67 relative,
** and an exponential that rounds once. Even the largest exponents
** (|t| ~ 709, or 1454 for a tiny value times a huge factor) cost under
** 0.1 ulp on top of that rounding: below 0.61 ulp in all.
**
** project() and discount() first try project_fast() below (glibc builds
** only, proven below 1.58 ulp) and fall back to the kernels where its
** bound does not hold. Which functions take which route, and what that
** means for their digits -- Numeric policy: docs/architecture.md.
*/
#include "growth.h"

#include <float.h>
#include <math.h>

#include "xmath.h"

/* Store a result; PMEXT_UNDEFINED if it overflowed. */
pmext_status growth_cagr(double start_value, double end_value, double years,
                          double *out) {
  /* finite, start_value > 0, end_value >= 0, years > 0 (NaN fails all) */
  if (!(start_value > 0.0 && start_value <= DBL_MAX && end_value >= 0.0 &&
        end_value <= DBL_MAX && years > 0.0 && years <= DBL_MAX)) {
    return PMEXT_UNDEFINED;
  }
  if (end_value == 0.0) {
    *out = -1.0; /* the whole value is lost: 0^(1/n) - 1 */
    return PMEXT_OK;
  }
  return pmext_finish(xm_pow_ratio_m1(start_value, end_value, years), out);
}

/*
** A faster route to value * (1+rate)^years, taken only where its error is
** provably below 2 ulp; it returns 0 (use the double-double route) elsewhere.
**
** It relies on pow() of glibc >= 2.28 (Arm's optimized-routines pow, also
** in musl), whose documented worst-case error is 0.54 ulp for normal
** results, so it is compiled only there. The error analysis:
**   1. s + e == 1 + rate exactly (TwoSum), so (1+rate)^y = s^y (1 + e/s)^y
**      with |e/s| <= 2^-53.
**   2. p = pow(s, y) is within 0.54 ulp(p), i.e. a relative error below
**      0.54 * 2^-52.
**   3. For |y| <= 2^20, (1 + e/s)^y = 1 + c + O(c^2) with c = y*e/s,
**      |c| <= 2^-33: dropping c^2 costs below 2^-66 relative, and the
**      rounding of c itself below 2^-84 relative.
**   4. hi + lo == value * p exactly (fma), and hi + fma(hi, c, lo) rounds
**      once (0.5 ulp) after errors below 2^-80 relative.
** A relative error of 0.54 * 2^-52 is below 1.08 ulp of any double (an ulp
** is at least 2^-53 of the value), so the total stays below 1.58 ulp + 2^-13.
** The range checks keep p and hi normal (no subnormal loss, no overflow).
*/
#if defined(__GLIBC__) && \
    (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 28))
static int project_fast(double value, double rate, double years,
                        double *out) {
  if (!(fabs(years) <= 0x1p20)) return 0;
  double s = 1.0 + rate;
  double s_minus_1 = s - 1.0;
  double e = (1.0 - (s - s_minus_1)) + (rate - s_minus_1);
  double p = pow(s, years);
  if (!(fabs(p) >= 0x1p-960 && fabs(p) <= 0x1p960)) return 0;
  double hi = value * p;
  if (!(fabs(hi) >= 0x1p-960 && fabs(hi) <= 0x1p1000)) return 0;
  double lo = fma(value, p, -hi);
  *out = hi + fma(hi, years * (e / s), lo);
  return 1;
}
#else
static int project_fast(double value, double rate, double years,
                        double *out) {
  (void)value, (void)rate, (void)years, (void)out;
  return 0;
}
#endif

pmext_status growth_project(double value, double rate, double years,
                             double *out) {
  if (!isfinite(value) || !isfinite(rate) || !isfinite(years)) {
    return PMEXT_UNDEFINED;
  }
  if (!(rate > -1.0)) return PMEXT_UNDEFINED;
  if (project_fast(value, rate, years, out)) return PMEXT_OK;
  return pmext_finish(xm_exp_mul(value, xm_mul_d(xm_log1p(rate), years)), out);
}

/* Negating years is exact, so this is project() to the last bit. */
pmext_status growth_discount(double value, double rate, double years,
                              double *out) {
  return growth_project(value, rate, -years, out);
}

pmext_status growth_years_to_reach(double value, double target, double rate,
                                    double *out) {
  if (!isfinite(value) || !isfinite(target) || !isfinite(rate)) {
    return PMEXT_UNDEFINED;
  }
  if (!(rate > -1.0)) return PMEXT_UNDEFINED;
  if (value == target) {
    *out = 0.0;
    return PMEXT_OK;
  }
  /* Growth keeps the sign and never reaches or leaves 0. */
  int same_sign = (value > 0.0 && target > 0.0) || (value < 0.0 && target < 0.0);
  if (!same_sign || rate == 0.0) return PMEXT_UNDEFINED;
  xm_dd years = xm_div(xm_log_ratio(fabs(value), fabs(target)), xm_log1p(rate));
  return pmext_finish(years.hi + years.lo, out);
}

pmext_status growth_interpolate(double year, double year0, double value0,
                                 double year1, double value1, double *out) {
  if (!isfinite(year) || !isfinite(year0) || !isfinite(value0) ||
      !isfinite(year1) || !isfinite(value1)) {
    return PMEXT_UNDEFINED;
  }
  if (!(value0 > 0.0) || !(value1 > 0.0) || year0 == year1) {
    return PMEXT_UNDEFINED;
  }
  if (value0 == value1) {
    *out = value0; /* no growth: the same value in every year */
    return PMEXT_OK;
  }
  /* The differences of finite years may overflow (1e308 - -1e308): then
  ** halve all three years first, which leaves the fraction as it is (exact
  ** for normal years; a subnormal year loses at most 2^-1075, nothing next
  ** to a difference above 2^1023). */
  xm_dd span = xm_diff(year1, year0), part = xm_diff(year, year0);
  if (!isfinite(span.hi) || !isfinite(part.hi)) {
    span = xm_diff(year1 * 0.5, year0 * 0.5);
    part = xm_diff(year * 0.5, year0 * 0.5);
  }
  /* A fraction beyond 2^990 (or overflowing) times a logarithm of at least
  ** 2^-54 (value0 != value1) is far beyond the +-1500 where value0 e^x
  ** over- or underflows: pass xm_exp_mul that infinite exponent (the
  ** double-double quotient of such numbers is not formed, it may be NaN). */
  if (!(fabs(part.hi) / fabs(span.hi) <= 0x1p990)) {
    int up = (part.hi > 0.0) == (span.hi > 0.0);
    xm_dd x = {up == (value1 > value0) ? HUGE_VAL : -HUGE_VAL, 0.0};
    return pmext_finish(xm_exp_mul(value0, x), out);
  }
  xm_dd fraction = xm_div(part, span);
  return pmext_finish(xm_exp_mul(value0, xm_mul(xm_log_ratio(value0, value1), fraction)),
                out);
}
