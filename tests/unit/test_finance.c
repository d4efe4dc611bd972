/* SPDX-License-Identifier: MIT */
/*
** test_finance.c -- the spreadsheet twins of ext/math/finance.c on cases worked
** out by hand in exact rationals (at 50 % a period, 4 grows to 9 in two
** periods), and their domains. tests/finance.test compares them with
** Gnumeric over 400 vectors.
*/
#include "check.h"

#include <math.h>

#include "math/finance.h"

void test_finance(void) {
  double r = 0;
  /* fv: -(pv (1+r)^n + pmt (1 + r type) ((1+r)^n - 1)/r) */
  CHECK(finance_fv(0.5, 2, 0, -4, 0, &r) == PMEXT_OK);
  CHECK_ULP(r, 9.0, 0.0, 1.0);
  /* payments of -1 at the end of 2 periods: 1 1.5 + 1 = 2.5 */
  CHECK(finance_fv(0.5, 2, -1, 0, 0, &r) == PMEXT_OK);
  CHECK_ULP(r, 2.5, 0.0, 1.0);
  /* at the beginning: 1 1.5^2 + 1 1.5 = 3.75 */
  CHECK(finance_fv(0.5, 2, -1, 0, 1, &r) == PMEXT_OK);
  CHECK_ULP(r, 3.75, 0.0, 1.0);
  /* rate 0: plain sums, exactly */
  CHECK(finance_fv(0, 12, -100, -1000, 0, &r) == PMEXT_OK);
  CHECK_SAME(r, 2200.0);
  CHECK(finance_pv(0.5, 2, 0, 9, 0, &r) == PMEXT_OK);
  CHECK_ULP(r, -4.0, 0.0, 1.0);
  /* pv of two payments of 1: 1/1.5 + 1/2.25 = 10/9 */
  CHECK(finance_pv(0.5, 2, 1, 0, 0, &r) == PMEXT_OK);
  CHECK_ULP(r, -0x1.1c71c71c71c72p+0, 0x1.c71c71c71c71cp-55, 1.0);
  CHECK(finance_nper(0.5, 0, -4, 9, 0, &r) == PMEXT_OK);
  CHECK_ULP(r, 2.0, 0.0, 1.0);
  CHECK(finance_nper(0, -100, 1000, 0, 0, &r) == PMEXT_OK);
  CHECK_SAME(r, 10.0);
  CHECK(finance_rate(2, 0, -4, 9, 0, 0.1, &r) == PMEXT_OK);
  CHECK_ULP(r, 0.5, 0.0, 1.0);
  /* two payments of -1 for pv 10/9: 50 % (the pv case above, inverted) */
  CHECK(finance_rate(2, -1, 10.0 / 9.0, 0, 0, 0.1, &r) == PMEXT_OK);
  CHECK_REL(r, 0.5, 1e-15);
  CHECK(finance_rri(2, 4, 9, &r) == PMEXT_OK);
  CHECK_SAME(r, 0.5);
  CHECK(finance_pduration(0.5, 4, 9, &r) == PMEXT_OK);
  CHECK_ULP(r, 2.0, 0.0, 1.0);
  /* effect(1, 2) = (1 + 1/2)^2 - 1 = 1.25; nominal(1.25, 2) = 2 (1.5 - 1) */
  CHECK(finance_effect(1, 2, &r) == PMEXT_OK);
  CHECK_ULP(r, 1.25, 0.0, 1.0);
  CHECK(finance_effect(1, 2.9, &r) == PMEXT_OK); /* periods truncated */
  CHECK_ULP(r, 1.25, 0.0, 1.0);
  CHECK(finance_nominal(1.25, 2, &r) == PMEXT_OK);
  CHECK_ULP(r, 1.0, 0.0, 1.0);
  /* the spreadsheet's #NUM! and #DIV/0! */
  CHECK(finance_rri(0, 4, 9, &r) == PMEXT_UNDEFINED);
  CHECK(finance_rri(2, -4, 9, &r) == PMEXT_UNDEFINED);
  CHECK(finance_nper(0, 0, 4, 9, 0, &r) == PMEXT_UNDEFINED);
  CHECK(finance_nper(0.5, 0, 4, 9, 0, &r) == PMEXT_UNDEFINED); /* no sign change */
  CHECK(finance_rate(2, 0, 4, 9, 0, 0.1, &r) == PMEXT_UNDEFINED);
  CHECK(finance_effect(0, 2, &r) == PMEXT_UNDEFINED);
  CHECK(finance_nominal(0.1, 0.5, &r) == PMEXT_UNDEFINED);
  CHECK(finance_fv(NAN, 2, 0, -4, 0, &r) == PMEXT_UNDEFINED);
}
