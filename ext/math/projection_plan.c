/* SPDX-License-Identifier: MIT */
/*
** projection_plan.c -- the rows of projection() and its bounds (see
** projection_plan.h).
*/
#include "projection_plan.h"

#include "growth.h"

#include <math.h>
#include <stdio.h>

static const char *const arg_names[4] = {"value", "rate", "from_year",
                                         "to_year"};

const char *projection_arg_name(int i) {
  return i >= 0 && i < 4 ? arg_names[i] : "?";
}

projection_verdict projection_plan_make(const double args[4],
                                        projection_plan *plan) {
  plan->start_value = args[0];
  plan->rate = args[1];
  plan->from_year = args[2];
  plan->to_year = args[3];
  plan->direction = args[3] < args[2] ? -1.0 : 1.0;
  plan->count = 0;
  plan->inexact_arg = 0;
  for (int i = 0; i < 4; i++) {
    if (!isfinite(args[i])) return PROJECTION_NO_ROWS;
  }
  for (int i = 2; i < 4; i++) {
    if (fabs(args[i]) > PROJECTION_MAX_YEAR) {
      plan->inexact_arg = i;
      return PROJECTION_YEAR_INEXACT;
    }
  }
  double span = args[3] - args[2];
  if (fabs(span) > PROJECTION_MAX_SPAN) return PROJECTION_SPAN_TOO_LONG;
  plan->count = (int64_t)floor(fabs(span)) + 1;
  return PROJECTION_ROWS;
}

double projection_plan_year(const projection_plan *plan, int64_t k) {
  return plan->from_year + plan->direction * (double)k;
}

double projection_plan_last_year(const projection_plan *plan) {
  return projection_plan_year(plan, plan->count > 0 ? plan->count - 1 : 0);
}

pmext_status projection_plan_value(const projection_plan *plan, int64_t k,
                                   double *out) {
  return growth_project(plan->start_value, plan->rate,
                        plan->direction * (double)k, out);
}

pmext_status projection_plan_index(const projection_plan *plan, int64_t k,
                                   double *out) {
  return growth_project(1.0, plan->rate, plan->direction * (double)k, out);
}

void projection_plan_explain(const projection_plan *plan,
                             projection_verdict verdict, const char *from_text,
                             const char *to_text, char *buf, size_t size) {
  if (size == 0) return;
  if (verdict == PROJECTION_YEAR_INEXACT) {
    snprintf(buf, size,
             "%s %s is beyond +-2^53, where whole years are no longer exact",
             projection_arg_name(plan->inexact_arg),
             plan->inexact_arg == 2 ? from_text : to_text);
  } else if (verdict == PROJECTION_SPAN_TOO_LONG) {
    snprintf(buf, size, "more than %d years from from_year %s to to_year %s",
             (int)PROJECTION_MAX_SPAN, from_text, to_text);
  } else {
    buf[0] = '\0';
  }
}
