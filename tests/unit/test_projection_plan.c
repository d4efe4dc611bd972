/* SPDX-License-Identifier: MIT */
/*
** test_projection_plan.c -- projection()'s rows and bounds
** (ext/math/projection_plan.c), worked out by hand: 2024 to 2026 at 10 %
** from 100 is 100, 110, 121; a back-cast from 2026 to 2023.5 stops at 2024;
** a span of 1000000 years is allowed and 1000001 refused; a year of 2^53
** allowed and 2^53 + 2 refused; an infinite argument gives no rows.
*/
#include "check.h"

#include <math.h>
#include <string.h>

#include "math/projection_plan.h"

void test_projection_plan(void) {
  projection_plan p;
  double v = 0;
  char why[160];
  const double forward[4] = {100, 0.1, 2024, 2026};
  CHECK(projection_plan_make(forward, &p) == PROJECTION_ROWS);
  CHECK(p.count == 3);
  CHECK_SAME(projection_plan_year(&p, 2), 2026.0);
  CHECK_SAME(projection_plan_last_year(&p), 2026.0);
  CHECK(projection_plan_value(&p, 1, &v) == PMEXT_OK);
  CHECK_SAME(v, 110.0);
  CHECK(projection_plan_value(&p, 2, &v) == PMEXT_OK);
  CHECK_SAME(v, 121.0);
  CHECK(projection_plan_index(&p, 2, &v) == PMEXT_OK);
  CHECK_SAME(v, 1.21);
  /* back-cast: 2026, 2025, 2024; 121 back one year at 10 % is 110 */
  const double back[4] = {121, 0.1, 2026, 2023.5};
  CHECK(projection_plan_make(back, &p) == PROJECTION_ROWS);
  CHECK(p.count == 3);
  CHECK_SAME(projection_plan_last_year(&p), 2024.0);
  CHECK(projection_plan_value(&p, 1, &v) == PMEXT_OK);
  CHECK_SAME(v, 110.0);
  /* rate -1: the years, no values */
  const double ruin[4] = {100, -1, 2024, 2025};
  CHECK(projection_plan_make(ruin, &p) == PROJECTION_ROWS);
  CHECK(projection_plan_value(&p, 1, &v) == PMEXT_UNDEFINED);
  /* no rows for an infinite or NaN argument */
  const double inf[4] = {100, 0.1, 2024, HUGE_VAL};
  CHECK(projection_plan_make(inf, &p) == PROJECTION_NO_ROWS);
  CHECK(p.count == 0);
  const double nan_rate[4] = {100, NAN, 2024, 2025};
  CHECK(projection_plan_make(nan_rate, &p) == PROJECTION_NO_ROWS);
  /* the span bound, and its message */
  const double longest[4] = {1, 0, 0, 1000000};
  CHECK(projection_plan_make(longest, &p) == PROJECTION_ROWS);
  CHECK(p.count == 1000001);
  const double too_long[4] = {1, 0, 0, 1000001};
  projection_verdict verdict = projection_plan_make(too_long, &p);
  CHECK(verdict == PROJECTION_SPAN_TOO_LONG);
  projection_plan_explain(&p, verdict, "0", "1000001", why, sizeof why);
  CHECK(strcmp(why, "more than 1000000 years from from_year 0 to to_year "
                    "1000001") == 0);
  /* the year bound names the year that breaks it */
  const double edge[4] = {1, 0, 0x1p53, 0x1p53};
  CHECK(projection_plan_make(edge, &p) == PROJECTION_ROWS);
  const double beyond[4] = {1, 0, 0x1p53, 0x1p53 + 2};
  verdict = projection_plan_make(beyond, &p);
  CHECK(verdict == PROJECTION_YEAR_INEXACT);
  CHECK(p.inexact_arg == 3);
  projection_plan_explain(&p, verdict, "F", "T", why, sizeof why);
  CHECK(strcmp(why, "to_year T is beyond +-2^53, where whole years are no "
                    "longer exact") == 0);
}
