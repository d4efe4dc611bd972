/* SPDX-License-Identifier: MIT */
/*
** test_flows.c -- irr, xirr and xnpv's maths (ext/math/flows.c) on cash flows
** whose rate is a rational worked out by hand: -1 now, 0.75 in a period
** and 1.125 in two have npv -1 + 0.75/1.5 + 1.125/2.25 = 0 at 50 %; and
** npv's mergeable sums on terms that are 1 each at 50 %.
*/
#include "check.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

#include "math/flows.h"

void test_flows(void) {
  double r = 0;
  int unique = 0;
  /* periods in unit steps (Horner's rule) */
  flow steps[] = {{-1, 0}, {0.75, 1}, {1.125, 2}};
  CHECK(flows_irr(steps, 3, 0, NULL, &unique, &r) == PMEXT_OK);
  CHECK_REL(r, 0.5, 1e-15);
  CHECK(unique == 1);
  /* the same rows in another order and with a gap: no longer unique, one
  ** exponential per row; -4 now and 9 in 2 periods: also 50 % */
  flow gap[] = {{9, 2}, {-4, 0}};
  CHECK(flows_irr(gap, 2, 0, NULL, &unique, &r) == PMEXT_OK);
  CHECK_REL(r, 0.5, 1e-15);
  CHECK(unique == 0);
  /* starting from a previous frame's root gives the same root */
  double previous = 0.4999;
  CHECK(flows_irr(steps, 3, 0, &previous, &unique, &r) == PMEXT_OK);
  CHECK_REL(r, 0.5, 1e-15);
  /* dated: julian days, years of 365 days; -4, then 9 730 days later */
  flow dated[] = {{-4, 2460000.5}, {9, 2460730.5}};
  CHECK(flows_irr(dated, 2, 1, NULL, &unique, &r) == PMEXT_OK);
  CHECK_REL(r, 0.5, 1e-15);
  /* xnpv at 100 %: -4 + 8/2 = 0; at 0 the plain sum */
  flow year[] = {{-4, 2460000.5}, {8, 2460365.5}};
  CHECK(flows_xnpv(year, 2, 1.0, &r) == PMEXT_OK);
  CHECK_SAME(r, 0.0);
  CHECK(flows_xnpv(year, 2, 0.0, &r) == PMEXT_OK);
  CHECK_SAME(r, 4.0);
  double term = 0;
  CHECK(flows_xnpv_term(1.0, year[1], year[0].t, &term) == PMEXT_OK);
  CHECK_SAME(term, 4.0);
  CHECK(flows_xnpv(year, 2, -1.0, &r) == PMEXT_UNDEFINED);
  /* dates 2e308 days apart: 5.5e305 years, the difference taken in halves;
  ** at rate 0 every term is its value */
  flow far[] = {{-1, -1e308}, {3, 1e308}};
  CHECK(flows_xnpv(far, 2, 0.0, &r) == PMEXT_OK);
  CHECK_SAME(r, 2.0);
  CHECK(flows_xnpv_term(0.5, far[1], far[0].t, &term) == PMEXT_OK);
  CHECK_SAME(term, 0.0); /* 3 / 1.5^(5.5e305) underflows to 0 */
  /* no sign change, no root; a non-finite value */
  flow same[] = {{1, 0}, {2, 1}};
  CHECK(flows_irr(same, 2, 0, NULL, &unique, &r) == PMEXT_UNDEFINED);
  flow inf[] = {{-1, 0}, {HUGE_VAL, 1}};
  CHECK(flows_irr(inf, 2, 0, NULL, &unique, &r) == PMEXT_UNDEFINED);
  /* npv_sums at 50 %: 1.5, 2.25 and 3.375 in periods 1, 2, 3 are 1 each */
  npv_sums s, t;
  memset(&s, 0, sizeof s);
  memset(&t, 0, sizeof t);
  CHECK(npv_sums_result(&s, &r) == PMEXT_UNDEFINED); /* no rows */
  npv_sums_update(&s, 0.5, 1.5, 1, 1);
  npv_sums_update(&s, 0.5, 2.25, 2, 1);
  npv_sums_update(&t, 0.5, 3.375, 3, 1);
  npv_sums_merge(&s, &t);
  CHECK(npv_sums_result(&s, &r) == PMEXT_OK);
  CHECK_SAME(r, 3.0);
  npv_sums_update(&s, 0.5, 1.5, 1, -1); /* the oldest row leaves */
  CHECK(npv_sums_result(&s, &r) == PMEXT_OK);
  CHECK_SAME(r, 2.0);
  /* an undefined term (rate -2) makes it undefined until it leaves */
  memset(&s, 0, sizeof s);
  npv_sums_update(&s, -2, 1, 1, 1);
  npv_sums_update(&s, -2, 1, 2, 1);
  CHECK(npv_sums_result(&s, &r) == PMEXT_UNDEFINED);
  CHECK(s.rates.n == 2 && s.terms.undefined == 2);
  /* a NaN rate: one rate, undefined terms */
  memset(&s, 0, sizeof s);
  npv_sums_update(&s, NAN, 1, 1, 1);
  npv_sums_update(&s, NAN, 1, 2, 1);
  double a, b;
  CHECK(!one_rate_mixed(&s.rates, &a, &b));
  CHECK(npv_sums_result(&s, &r) == PMEXT_UNDEFINED);
}
