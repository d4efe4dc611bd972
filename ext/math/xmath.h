/* SPDX-License-Identifier: MIT */
/*
** xmath.h -- extended-precision logarithm and exponential in double-double
** arithmetic (no SQLite types). See xmath.c for how and how accurately.
**
** A value is carried as an unevaluated sum hi + lo of two doubles (xm_dd),
** about 106 bits. The logarithms return such a sum accurate to 2^-67
** relative; the exponentials take one and return a plain double rounded
** once from an intermediate accurate to 2^-68, so the result is within
** 0.5 ulp + 2^-7 ulp of e^x for the x given (an error d in x adds |x| d
** relative). Typical use, (b/a)^(1/n) - 1:
**
**     double g = xm_expm1(xm_div_d(xm_log_ratio(a, b), n));
**
** Results that overflow come back as +-HUGE_VAL; the caller checks
** isfinite(). Results below the normal range are rounded twice (within
** 1 ulp of the subnormal spacing). Assumes round-to-nearest, the default.
** Numeric policy: docs/architecture.md.
*/
#ifndef PMEXT_XMATH_H
#define PMEXT_XMATH_H

typedef struct {
  double hi; /* the value rounded to double */
  double lo; /* the rest: |lo| <= ulp(hi) (roughly) */
} xm_dd;

/* ln(b/a) for finite a > 0, b > 0 (normal or subnormal). The quotient is
** never formed as a double, so it may lie far outside the double range, and
** no digits are lost when b/a is near 1. */
xm_dd xm_log_ratio(double a, double b);

/* ln(1 + x) for finite x > -1, without cancellation near x = 0. */
xm_dd xm_log1p(double x);

/* x * y and x / y for finite y (y != 0 for the division), to about 2^-104
** relative while the result stays within the normal range. */
xm_dd xm_mul_d(xm_dd x, double y);
xm_dd xm_div_d(xm_dd x, double y);

/* x * y and x / y for a double-double y (y.lo enters to first order, which
** is exact to about 2^-104 relative), and a - b exactly. */
xm_dd xm_mul(xm_dd x, xm_dd y);
xm_dd xm_div(xm_dd x, xm_dd y);
xm_dd xm_diff(double a, double b);

/* e^x - 1, rounded once to double; +HUGE_VAL when it overflows. Accepts any
** x.hi, including +-Inf (x.lo is then ignored). */
double xm_expm1(xm_dd x);

/* (b/a)^(1/n) - 1 for finite a > 0, b > 0, n > 0: the same as
** xm_expm1(xm_div_d(xm_log_ratio(a, b), n)), bit for bit, in one call. */
double xm_pow_ratio_m1(double a, double b, double n);

/* For the unit tests: xm_pow_ratio_m1 by each copy of its kernels that this
** build has and this CPU can run (xmath.c): out[0] the build target's,
** out[1] the one for x86-64's FMA extension. Returns how many ran (1, 2). */
int xm_pow_ratio_m1_copies(double a, double b, double n, double out[2]);

/* v * e^x, rounded once to double, for finite v; +-HUGE_VAL when it
** overflows, +-0 when it underflows. Accepts any x.hi, including +-Inf. */
double xm_exp_mul(double v, xm_dd x);

#endif /* PMEXT_XMATH_H */
