/* SPDX-License-Identifier: MIT */
/*
** numeric_functions.c -- the catalogue of numeric scalar functions (see
** numeric_functions.h): one evaluator per SQL signature, calling growth.c
** and finance.c.
** Numeric policy: docs/architecture.md.
*/
#include "numeric_functions.h"

#include "finance.h"

static pmext_status eval_cagr(const double *a, double *out) {
  return growth_cagr(a[0], a[1], a[2], out);
}

static pmext_status eval_cagr_between(const double *a, double *out) {
  return growth_cagr(a[0], a[1], a[3] - a[2], out);
}

static pmext_status eval_project(const double *a, double *out) {
  return growth_project(a[0], a[1], a[2], out);
}

static pmext_status eval_project_between(const double *a, double *out) {
  return growth_project(a[0], a[1], a[3] - a[2], out);
}

static pmext_status eval_discount(const double *a, double *out) {
  return growth_discount(a[0], a[1], a[2], out);
}

static pmext_status eval_years_to_reach(const double *a, double *out) {
  return growth_years_to_reach(a[0], a[1], a[2], out);
}

static pmext_status eval_interpolate(const double *a, double *out) {
  return growth_interpolate(a[0], a[1], a[2], a[3], a[4], out);
}

static pmext_status eval_rri(const double *a, double *out) {
  return finance_rri(a[0], a[1], a[2], out);
}

static pmext_status eval_pduration(const double *a, double *out) {
  return finance_pduration(a[0], a[1], a[2], out);
}

static pmext_status eval_fv(const double *a, double *out) {
  return finance_fv(a[0], a[1], a[2], a[3], a[4], out);
}

static pmext_status eval_pv(const double *a, double *out) {
  return finance_pv(a[0], a[1], a[2], a[3], a[4], out);
}

static pmext_status eval_nper(const double *a, double *out) {
  return finance_nper(a[0], a[1], a[2], a[3], a[4], out);
}

static pmext_status eval_rate(const double *a, double *out) {
  return finance_rate(a[0], a[1], a[2], a[3], a[4], a[5], out);
}

static pmext_status eval_effect(const double *a, double *out) {
  return finance_effect(a[0], a[1], out);
}

static pmext_status eval_nominal(const double *a, double *out) {
  return finance_nominal(a[0], a[1], out);
}

/* The spreadsheet's guess for rate() when none is given. */
#define RATE_DEFAULT_GUESS 0.1

const numeric_function numeric_functions[] = {
    {"cagr", 3, 3, {"start_value", "end_value", "years"}, {0}, 0, eval_cagr},
    {"cagr", 4, 4, {"start_value", "end_value", "start_year", "end_year"}, {0},
     0, eval_cagr_between},
    {"project", 3, 3, {"value", "rate", "years"}, {0}, 0, eval_project},
    {"project", 4, 4, {"value", "rate", "from_year", "to_year"}, {0}, 0,
     eval_project_between},
    {"discount", 3, 3, {"value", "rate", "years"}, {0}, 0, eval_discount},
    {"years_to_reach", 3, 3, {"value", "target", "rate"}, {0}, 0,
     eval_years_to_reach},
    {"interpolate_growth", 5, 5, {"year", "year0", "value0", "year1", "value1"},
     {0}, 0, eval_interpolate},
    {"rri", 3, 3, {"nper", "pv", "fv"}, {0}, 0, eval_rri},
    {"pduration", 3, 3, {"rate", "pv", "fv"}, {0}, 0, eval_pduration},
    {"fv", 3, 5, {"rate", "nper", "pmt", "pv", "type"}, {0, 0, 0, 0, 0},
     NUMERIC_FLAG(4), eval_fv},
    {"pv", 3, 5, {"rate", "nper", "pmt", "fv", "type"}, {0, 0, 0, 0, 0},
     NUMERIC_FLAG(4), eval_pv},
    {"nper", 3, 5, {"rate", "pmt", "pv", "fv", "type"}, {0, 0, 0, 0, 0},
     NUMERIC_FLAG(4), eval_nper},
    {"rate", 3, 6, {"nper", "pmt", "pv", "fv", "type", "guess"},
     {0, 0, 0, 0, 0, RATE_DEFAULT_GUESS}, NUMERIC_FLAG(4), eval_rate},
    {"effect", 2, 2, {"nominal_rate", "npery"}, {0}, 0, eval_effect},
    {"nominal", 2, 2, {"effect_rate", "npery"}, {0}, 0, eval_nominal},
};

const int numeric_function_count =
    (int)(sizeof numeric_functions / sizeof numeric_functions[0]);
