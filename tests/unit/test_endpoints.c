/* SPDX-License-Identifier: MIT */
/*
** test_endpoints.c -- the endpoint cagr(value, year) rule (ext/math/endpoints.c):
** the CAGR from the earliest to the latest row whatever the order, rows in
** between ignored, a tie on an end with another value undefined, and
** merging partial sets the same as adding their rows.
*/
#include "check.h"

#include <string.h>

#include "math/endpoints.h"

void test_endpoints(void) {
  endpoints s, a, b;
  double r = 0;
  memset(&s, 0, sizeof s);
  CHECK(endpoints_cagr(&s, &r) == PMEXT_UNDEFINED); /* no rows */
  endpoints_add(&s, 2021, 100); /* between the ends: ignored */
  endpoints_add(&s, 2022, 9);
  endpoints_add(&s, 2020, 4);
  CHECK(endpoints_cagr(&s, &r) == PMEXT_OK);
  CHECK_SAME(r, 0.5); /* (9/4)^(1/2) - 1 */
  endpoints_add(&s, 2022, 9); /* the same row again: no ambiguity */
  CHECK(endpoints_cagr(&s, &r) == PMEXT_OK);
  endpoints_add(&s, 2022, 10); /* another value in the last year */
  CHECK(endpoints_cagr(&s, &r) == PMEXT_UNDEFINED);
  endpoints_add(&s, 2023, 9); /* a later year settles the last end */
  CHECK(endpoints_cagr(&s, &r) == PMEXT_OK);
  /* (9/4)^(1/3) - 1 = 0.310370697104448303570830640221 (mpmath) */
  CHECK_ULP(r, 0x1.3dd1d0e6cd22ap-2, -0x1.38f5f2b526eefp-57, 0.61);
  /* merge: {2020: 4} and {2022: 9, 2021: 100} as one set */
  memset(&a, 0, sizeof a);
  memset(&b, 0, sizeof b);
  endpoints_add(&a, 2020, 4);
  endpoints_add(&b, 2022, 9);
  endpoints_add(&b, 2021, 100);
  endpoints_merge(&a, &b);
  CHECK(endpoints_cagr(&a, &r) == PMEXT_OK);
  CHECK_SAME(r, 0.5);
}
