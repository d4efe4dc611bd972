/* SPDX-License-Identifier: MIT */
/*
** test_xmath.c -- the double-double kernels of ext/math/xmath.c against exact
** values: mpmath's (xmath_vectors.h, written by gen_vectors.py) for the
** logarithms and exponentials, rationals worked out by hand for the exact
** products and quotients. The bounds checked are those xmath.h states:
** logarithms to 2^-67 relative, exponentials within 0.5 + 2^-7 ulp of
** e^x for the x given, (b/a)^(1/n) - 1 within 0.61 ulp.
*/
#include "check.h"

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "math/xmath.h"
#include "xmath_vectors.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define EXP_BOUND (0.5 + 0x1p-7)

static void exact_products(void) {
  /* (1 + 2^-30)^2 = 1 + 2^-29 + 2^-60: hi takes the first two terms */
  xm_dd x = {1.0 + 0x1p-30, 0.0};
  xm_dd p = xm_mul_d(x, 1.0 + 0x1p-30);
  CHECK_SAME(p.hi, 1.0 + 0x1p-29);
  CHECK_SAME(p.lo, 0x1p-60);
  /* (2^53 - 1)^2 = 2^106 - 2^54 + 1: hi = 2^106 - 2^54, lo = 1 */
  xm_dd m = {0x1p53 - 1.0, 0.0};
  p = xm_mul_d(m, 0x1p53 - 1.0);
  CHECK_SAME(p.hi, 0x1p106 - 0x1p54);
  CHECK_SAME(p.lo, 1.0);
  /* the same above 2^995, where Dekker's splitting needs the rescaling */
  xm_dd big = {0x1p1000 * (1.0 + 0x1p-30), 0.0};
  p = xm_mul_d(big, 0x1p-10 * (1.0 + 0x1p-30));
  CHECK_SAME(p.hi, 0x1p990 * (1.0 + 0x1p-29));
  CHECK_SAME(p.lo, 0x1p930);
  /* 1/3 = h + l: h = (2^54 - 1)/3 2^-54 is the nearest double, and
  ** 1/3 - h = 2^-54/3, whose nearest double is h 2^-54 */
  xm_dd one = {1.0, 0.0};
  xm_dd q = xm_div_d(one, 3.0);
  CHECK_SAME(q.hi, 0x1.5555555555555p-2);
  CHECK_SAME(q.lo, 0x1.5555555555555p-56);
  /* a - b exactly: 1 - 2^-80 */
  xm_dd d = xm_diff(1.0, 0x1p-80);
  CHECK_SAME(d.hi, 1.0);
  CHECK_SAME(d.lo, -0x1p-80);
  /* x y and x / y for double-double y: (1 + 2^-60) (1 + 2^-60) */
  xm_dd y = {1.0, 0x1p-60};
  p = xm_mul(y, y);
  CHECK_SAME(p.hi, 1.0);
  CHECK_SAME(p.lo, 0x1p-59);
  q = xm_div(p, y);
  CHECK_SAME(q.hi, 1.0);
  CHECK(fabs(q.lo - 0x1p-60) <= 0x1p-104);
}

static void logarithms(void) {
  for (size_t i = 0; i < COUNT(log_ratio_cases); i++) {
    const double *c = log_ratio_cases[i];
    xm_dd l = xm_log_ratio(c[0], c[1]);
    double err = unit_rel_error(l.hi, l.lo, c[2], c[3]);
    unit_check(err <= 0x1p-67, __FILE__, __LINE__,
               "xm_log_ratio(%a, %a): relative error %g > 2^-67", c[0], c[1],
               err);
  }
  for (size_t i = 0; i < COUNT(log1p_cases); i++) {
    const double *c = log1p_cases[i];
    xm_dd l = xm_log1p(c[0]);
    double err = unit_rel_error(l.hi, l.lo, c[1], c[2]);
    unit_check(err <= 0x1p-67, __FILE__, __LINE__,
               "xm_log1p(%a): relative error %g > 2^-67", c[0], err);
  }
  /* exact cases: ln(1) = 0, ln(2^k) from the exponents alone */
  xm_dd z = xm_log_ratio(3.0, 3.0);
  CHECK_SAME(z.hi + z.lo, 0.0);
  z = xm_log1p(0.0);
  CHECK_SAME(z.hi, 0.0);
  /* subnormal arguments: ln(2^-1074 / 2^-1022) = -52 ln 2 */
  z = xm_log_ratio(0x1p-1022, 0x1p-1074);
  xm_dd ln2_52 = xm_log_ratio(0x1p52, 1.0);
  CHECK(unit_rel_error(z.hi, z.lo, ln2_52.hi, ln2_52.lo) <= 0x1p-100);
}

static void exponentials(void) {
  for (size_t i = 0; i < COUNT(expm1_cases); i++) {
    const double *c = expm1_cases[i];
    xm_dd x = {c[0], c[1]};
    check_ulp(xm_expm1(x), c[2], c[3], EXP_BOUND, __FILE__, __LINE__,
              "xm_expm1");
  }
  for (size_t i = 0; i < COUNT(exp_mul_cases); i++) {
    const double *c = exp_mul_cases[i];
    xm_dd x = {c[1], c[2]};
    check_ulp(xm_exp_mul(c[0], x), c[3], c[4], EXP_BOUND, __FILE__, __LINE__,
              "xm_exp_mul");
  }
  for (size_t i = 0; i < COUNT(pow_ratio_m1_cases); i++) {
    const double *c = pow_ratio_m1_cases[i];
    check_ulp(xm_pow_ratio_m1(c[0], c[1], c[2]), c[3], c[4], 0.61, __FILE__,
              __LINE__, "xm_pow_ratio_m1");
    /* the fused kernel is the three kernels in one call, bit for bit */
    double parts = xm_expm1(xm_div_d(xm_log_ratio(c[0], c[1]), c[2]));
    CHECK_SAME(xm_pow_ratio_m1(c[0], c[1], c[2]), parts);
  }
  /* the edges xmath.h states */
  xm_dd zero = {0.0, 0.0}, inf = {HUGE_VAL, 0.0}, minf = {-HUGE_VAL, 0.0};
  xm_dd big = {710.0, 0.0}, tiny = {-800.0, 0.0};
  CHECK_SAME(xm_expm1(zero), 0.0);
  CHECK_SAME(xm_expm1(inf), HUGE_VAL);
  CHECK_SAME(xm_expm1(minf), -1.0);
  CHECK_SAME(xm_expm1(big), HUGE_VAL);
  CHECK_SAME(xm_exp_mul(2.0, zero), 2.0);
  CHECK_SAME(xm_exp_mul(0.0, inf), 0.0);
  CHECK_SAME(xm_exp_mul(-3.0, inf), -HUGE_VAL);
  CHECK_SAME(xm_exp_mul(5.0, tiny), 0.0);
  CHECK_SAME(xm_exp_mul(-5.0, tiny), -0.0);
  /* e^(ln 2 * 10) = 1024 to the last bit: within the bound, and 1024 is
  ** the only double that close */
  xm_dd ten_ln2 = xm_mul_d(xm_log_ratio(1.0, 2.0), 10.0);
  CHECK_SAME(xm_exp_mul(1.0, ten_ln2), 1024.0);
  CHECK_SAME(xm_pow_ratio_m1(4.0, 9.0, 2.0), 0.5);
}

/* xm_pow_ratio_m1's copies (the build target's, Dekker's products on
** baseline x86-64; the FMA one where the CPU has it) give the same bits:
** each within the bound on the vectors, and equal to each other there and
** on 2e5 pseudo-random ratios and horizons (ratios near 1 and far from it,
** horizons from 1e-3 to 1e3 years). */
static void copies_agree(void) {
  double out[2];
  int copies = 1;
  for (size_t i = 0; i < COUNT(pow_ratio_m1_cases); i++) {
    const double *c = pow_ratio_m1_cases[i];
    copies = xm_pow_ratio_m1_copies(c[0], c[1], c[2], out);
    for (int k = 0; k < copies; k++) {
      check_ulp(out[k], c[3], c[4], 0.61, __FILE__, __LINE__,
                k ? "xm_pow_ratio_m1, FMA copy" : "xm_pow_ratio_m1, target copy");
    }
    if (copies == 2) CHECK_SAME(out[1], out[0]);
  }
  if (copies < 2) return; /* one copy in this build or on this CPU */
  uint64_t x = 0x9e3779b97f4a7c15u;
  int differ = 0;
  for (int i = 0; i < 200000; i++) {
    double u[3];
    for (int k = 0; k < 3; k++) {
      x = x * 6364136223846793005u + 1442695040888963407u;
      u[k] = (double)(x >> 11) * 0x1p-53; /* [0, 1) */
    }
    double a = 1.0 + 1e6 * u[0];
    double b = i & 1 ? a * (1.0 + 1e-9 * (u[1] - 0.5)) : a * exp(20 * u[1] - 10);
    double n = pow(10.0, 6 * u[2] - 3);
    xm_pow_ratio_m1_copies(a, b, n, out);
    if (memcmp(&out[0], &out[1], sizeof out[0]) != 0 && differ++ == 0) {
      unit_check(0, __FILE__, __LINE__,
                 "xm_pow_ratio_m1(%a, %a, %a): copies give %a and %a", a, b,
                 n, out[0], out[1]);
    }
  }
  CHECK(differ == 0);
}

void test_xmath(void) {
  exact_products();
  logarithms();
  exponentials();
  copies_agree();
}
