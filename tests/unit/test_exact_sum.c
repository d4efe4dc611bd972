/* SPDX-License-Identifier: MIT */
/*
** test_exact_sum.c -- the superaccumulator of ext/math/exact_sum.c against sums
** and products worked out by hand in exact rational arithmetic: the result
** is the exact sum rounded once to nearest (ties to even), whatever the
** order, cancellation or exponent range of the inputs.
*/
#include "check.h"

#include <float.h>
#include <math.h>

#include "math/exact_sum.h"

static double sum_of(const double *x, int n) {
  exact_sum s;
  exact_sum_init(&s);
  for (int i = 0; i < n; i++) exact_sum_add(&s, x[i]);
  return exact_sum_value(&s);
}

static void sums(void) {
  /* 1e308 + 1e308 - 1e308: the partial sum overflows, the exact one not */
  double a[] = {1e308, 1e308, -1e308};
  CHECK_SAME(sum_of(a, 3), 1e308);
  /* 1 + 2^-1074 - 1 = 2^-1074, which any rounded partial sum loses */
  double b[] = {1.0, 0x1p-1074, -1.0};
  CHECK_SAME(sum_of(b, 3), 0x1p-1074);
  /* 1 + 2^-53 is a tie between 1 and 1 + 2^-52: to even, 1 */
  double c[] = {1.0, 0x1p-53};
  CHECK_SAME(sum_of(c, 2), 1.0);
  /* (1 + 2^-52) + 2^-53 ties between 1 + 2^-52 (odd) and 1 + 2^-51 */
  double d[] = {1.0 + 0x1p-52, 0x1p-53};
  CHECK_SAME(sum_of(d, 2), 1.0 + 0x1p-51);
  /* a tie broken by a bit 1000 binades below: 1 + 2^-53 + 2^-1074 */
  double e[] = {0x1p-1074, 1.0, 0x1p-53};
  CHECK_SAME(sum_of(e, 3), 1.0 + 0x1p-52);
  /* the same negated, in another order */
  double f[] = {-0x1p-53, -0x1p-1074, -1.0};
  CHECK_SAME(sum_of(f, 3), -(1.0 + 0x1p-52));
  /* 0.1 + 0.2 - 0.3 in doubles: the exact sum of the three doubles is
  ** 2^-56 (0.1 = 3602879701896397 2^-55, 0.2 = 3602879701896397 2^-54,
  ** 0.3 = 5404319552844595 2^-54: 3602879701896397 + 7205759403792794
  ** - 10808639105689190 = 1, in units of 2^-55; not 0.1 + 0.2 - 0.3 =
  ** 5.55e-17 = 2^-54 of rounded arithmetic) */
  double g[] = {0.1, 0.2, -0.3};
  CHECK_SAME(sum_of(g, 3), 0x1p-55);
  /* nothing, and exact cancellation: +0 */
  CHECK_SAME(sum_of(g, 0), 0.0);
  double h[] = {DBL_MAX, -DBL_MAX, 0x1p-1074, -0x1p-1074};
  CHECK_SAME(sum_of(h, 4), 0.0);
}

static void products_and_status(void) {
  exact_sum s;
  exact_sum_init(&s);
  /* (1 + 2^-52)(1 - 2^-52) = 1 - 2^-104: rounds to 1, rest -2^-104 */
  exact_sum_add_product(&s, 1.0 + 0x1p-52, 1.0 - 0x1p-52);
  double hi, lo;
  CHECK(exact_sum_result2(&s, &hi, &lo) == EXACT_SUM_OK);
  CHECK_SAME(hi, 1.0);
  CHECK_SAME(lo, -0x1p-104);
  CHECK(exact_sum_sign(&s) == 1);
  /* minus 1: the 2^-104 alone is left, exactly */
  exact_sum_sub(&s, 1.0);
  CHECK_SAME(exact_sum_value(&s), -0x1p-104);
  CHECK(exact_sum_sign(&s) == -1);
  exact_sum_sub_product(&s, 1.0 + 0x1p-52, 1.0 - 0x1p-52);
  exact_sum_add(&s, 1.0);
  CHECK(exact_sum_sign(&s) == 0);
  CHECK_SAME(exact_sum_value(&s), 0.0);

  /* overflow: DBL_MAX + 2^970 is a tie above DBL_MAX (odd): rounds to 2^1024 */
  exact_sum_add(&s, DBL_MAX);
  exact_sum_add(&s, 0x1p970);
  double out = 0;
  CHECK(exact_sum_result(&s, &out) == EXACT_SUM_OVERFLOW);
  /* just below the tie it stays DBL_MAX */
  exact_sum_sub(&s, 0x1p918);
  CHECK(exact_sum_result(&s, &out) == EXACT_SUM_OK);
  CHECK_SAME(out, DBL_MAX);

  /* non-finite inputs are counted; removing them again restores the sum */
  exact_sum_init(&s);
  exact_sum_add(&s, 2.0);
  exact_sum_add(&s, HUGE_VAL);
  CHECK(exact_sum_result(&s, &out) == EXACT_SUM_NONFINITE);
  exact_sum_sub(&s, HUGE_VAL);
  CHECK(exact_sum_result(&s, &out) == EXACT_SUM_OK);
  CHECK_SAME(out, 2.0);

  /* merge: the same as adding the rows of both */
  exact_sum t;
  exact_sum_init(&t);
  exact_sum_add(&t, 0x1p-1074);
  exact_sum_add(&t, -2.0);
  exact_sum_merge(&s, &t);
  CHECK_SAME(exact_sum_value(&s), 0x1p-1074);
}

/* Many additions of mixed sign: the deferred carries keep the value. */
static void many(void) {
  exact_sum s;
  exact_sum_init(&s);
  for (int i = 0; i < 1000000; i++) {
    exact_sum_add(&s, 0.1);
    exact_sum_sub(&s, 0x1p-60);
  }
  /* 1e6 (0.1 - 2^-60) exactly: the double 0.1 is 0.1 + 5.55e-18, so the
  ** sum is 100000 + 5.55e-12 - 1e6 2^-60 (8.67e-13) = 100000 + 4.68e-12,
  ** less than half an ulp of 100000 (ulp 1.46e-11) away: 100000 exactly
  ** (a running double sum of the same inputs drifts to 100000.00000133) */
  CHECK_SAME(exact_sum_value(&s), 100000.0);
}

void test_exact_sum(void) {
  sums();
  products_and_status();
  many();
}
