/* SPDX-License-Identifier: MIT */
/*
** test_growth.c -- the growth functions of ext/math/growth.c on inputs whose
** results are exact rationals worked out by hand (4 growing by half a year
** for two years is 9), and their domains. Their accuracy over random
** inputs is measured against mpmath by tests/bench/accuracy.py and by the
** vectors of tests/growth.test.
*/
#include "check.h"

#include <float.h>
#include <math.h>

#include "math/growth.h"

void test_growth(void) {
  double r = 0;
  /* 4 (1 + 1/2)^2 = 9, and back */
  CHECK(growth_project(4, 0.5, 2, &r) == PMEXT_OK);
  CHECK_SAME(r, 9.0);
  CHECK(growth_discount(9, 0.5, 2, &r) == PMEXT_OK);
  CHECK_SAME(r, 4.0);
  CHECK(growth_cagr(4, 9, 2, &r) == PMEXT_OK);
  CHECK_SAME(r, 0.5);
  CHECK(growth_years_to_reach(4, 9, 0.5, &r) == PMEXT_OK);
  CHECK_ULP(r, 2.0, 0.0, 1.0);
  /* half way from (2020, 4) to (2022, 9): 4 (9/4)^(1/2) = 6 */
  CHECK(growth_interpolate(2021, 2020, 4, 2022, 9, &r) == PMEXT_OK);
  CHECK_SAME(r, 6.0);
  /* 1e6 years at 1e-12: e^(1e6 log1p(1e-12)) = 1.00000100000049999967
  ** (mpmath; as hi + lo below), where (1 + 1e-12)^1e6 in doubles is wrong
  ** from the fifth digit */
  CHECK(growth_project(1, 1e-12, 1e6, &r) == PMEXT_OK);
  CHECK_ULP(r, 0x1.000010c6f82d7p+0, 0x1.59b836f05ec62p-55, 2.0);
  /* the whole value lost, no growth, negative years */
  CHECK(growth_cagr(5, 0, 3, &r) == PMEXT_OK);
  CHECK_SAME(r, -1.0);
  CHECK(growth_cagr(5, 5, 3, &r) == PMEXT_OK);
  CHECK_SAME(r, 0.0);
  CHECK(growth_project(9, 0.5, -2, &r) == PMEXT_OK);
  CHECK_SAME(r, 4.0);
  /* domains: NULL-worthy, never a number */
  CHECK(growth_cagr(0, 9, 2, &r) == PMEXT_UNDEFINED);
  CHECK(growth_cagr(4, 9, 0, &r) == PMEXT_UNDEFINED);
  CHECK(growth_cagr(4, -9, 2, &r) == PMEXT_UNDEFINED);
  CHECK(growth_project(4, -1, 2, &r) == PMEXT_UNDEFINED);
  CHECK(growth_project(4, NAN, 2, &r) == PMEXT_UNDEFINED);
  CHECK(growth_project(DBL_MAX, 1, 2, &r) == PMEXT_UNDEFINED); /* overflow */
  CHECK(growth_years_to_reach(4, -9, 0.5, &r) == PMEXT_UNDEFINED);
  CHECK(growth_years_to_reach(4, 9, 0, &r) == PMEXT_UNDEFINED);
  CHECK(growth_interpolate(2021, 2020, 4, 2020, 9, &r) == PMEXT_UNDEFINED);
}
