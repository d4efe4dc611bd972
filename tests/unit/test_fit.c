/* SPDX-License-Identifier: MIT */
/*
** test_fit.c -- cagr_fit's trend rate (ext/math/fit.c) on rows that lie exactly
** on a growth curve (4, 6, 9: 50 % a year, so ln(value) is a line of
** slope ln 1.5 and the fit is 0.5), and the rules of its sums: a removed
** row leaves no trace, merging equals adding, bad rows make it undefined.
*/
#include "check.h"

#include <math.h>
#include <string.h>

#include "math/fit.h"

void test_fit(void) {
  fit_sums s, t, both;
  memset(&s, 0, sizeof s);
  double r = 0;
  CHECK(fit_sums_growth(&s, &r) == PMEXT_UNDEFINED); /* no rows */
  fit_sums_update(&s, 2020, 4, 1);
  CHECK(fit_sums_growth(&s, &r) == PMEXT_UNDEFINED); /* one row */
  fit_sums_update(&s, 2021, 6, 1);
  fit_sums_update(&s, 2022, 9, 1);
  CHECK(fit_sums_growth(&s, &r) == PMEXT_OK);
  CHECK_ULP(r, 0.5, 0.0, 2.0);
  /* a row added and removed again leaves the same rate, bit for bit */
  double r2 = 0;
  memcpy(&t, &s, sizeof t);
  fit_sums_update(&t, 1e9, 1e-300, 1);
  fit_sums_update(&t, 1e9, 1e-300, -1);
  CHECK(fit_sums_growth(&t, &r2) == PMEXT_OK);
  CHECK_SAME(r2, r);
  /* merging two halves equals adding every row */
  memset(&both, 0, sizeof both);
  memset(&t, 0, sizeof t);
  fit_sums_update(&both, 2020, 4, 1);
  fit_sums_update(&t, 2021, 6, 1);
  fit_sums_update(&t, 2022, 9, 1);
  fit_sums_merge(&both, &t);
  CHECK(fit_sums_growth(&both, &r2) == PMEXT_OK);
  CHECK_SAME(r2, r);
  /* a value <= 0 makes the rate undefined until it leaves */
  fit_sums_update(&s, 2023, 0, 1);
  CHECK(fit_sums_growth(&s, &r) == PMEXT_UNDEFINED);
  fit_sums_update(&s, 2023, 0, -1);
  CHECK(fit_sums_growth(&s, &r) == PMEXT_OK);
  CHECK_ULP(r, 0.5, 0.0, 2.0);
  /* all rows in one year: no slope */
  memset(&t, 0, sizeof t);
  fit_sums_update(&t, 2020, 4, 1);
  fit_sums_update(&t, 2020, 9, 1);
  CHECK(fit_sums_growth(&t, &r) == PMEXT_UNDEFINED);
  /* years far from 0 cost no digits: 1e15, 1e15 + 1, 1e15 + 2 */
  memset(&t, 0, sizeof t);
  fit_sums_update(&t, 1e15, 4, 1);
  fit_sums_update(&t, 1e15 + 1, 6, 1);
  fit_sums_update(&t, 1e15 + 2, 9, 1);
  CHECK(fit_sums_growth(&t, &r) == PMEXT_OK);
  CHECK_ULP(r, 0.5, 0.0, 2.0);
}
