/* SPDX-License-Identifier: MIT */
/*
** projection_plan.h -- the rows of projection(start_value, rate,
** from_year, to_year), pure C (no SQLite types): how many, which year and
** which values each holds, and which bound a call breaks. Every engine's
** projection() (SQLite's ext/sql/projection.c, PostgreSQL's
** pg/projection.c, DuckDB's duckdb/) maps its arguments to a plan and the
** plan's rows to its own rows; the contract is docs/functions.md,
** "Table-valued functions".
**
** One row per year from from_year towards to_year, k = 0, 1, ...: year
** from_year + k (counting down when to_year is earlier, a back-cast, and
** never past to_year), value project(start_value, rate, year - from_year),
** growth_index project(1, rate, year - from_year).
*/
#ifndef PMEXT_PROJECTION_PLAN_H
#define PMEXT_PROJECTION_PLAN_H

#include "status.h"

#include <stddef.h>
#include <stdint.h>

/* At most this many years from from_year to to_year. */
#define PROJECTION_MAX_SPAN 1000000.0
/* Years beyond +-2^53: a double cannot tell year n from year n+1. */
#define PROJECTION_MAX_YEAR 0x1p53

typedef enum {
  PROJECTION_ROWS = 0,         /* plan->count rows (at least 1) */
  PROJECTION_NO_ROWS = 1,      /* an infinite or NaN argument: no rows */
  PROJECTION_YEAR_INEXACT = 2, /* from_year or to_year beyond +-2^53 */
  PROJECTION_SPAN_TOO_LONG = 3 /* more than PROJECTION_MAX_SPAN years */
} projection_verdict;

typedef struct projection_plan {
  double start_value, rate, from_year, to_year;
  double direction; /* +1, or -1 for a back-cast */
  int64_t count;    /* rows: 0 unless the verdict is PROJECTION_ROWS */
  int inexact_arg;  /* PROJECTION_YEAR_INEXACT: 2 from_year, 3 to_year */
} projection_plan;

/* The plan of the call with arguments args[0..3] = start_value, rate,
** from_year, to_year (none NULL: a NULL argument gives no rows, which the
** engine decides before). */
projection_verdict projection_plan_make(const double args[4],
                                        projection_plan *plan);

/* Row k's year, and the last year reached (not always to_year). */
double projection_plan_year(const projection_plan *plan, int64_t k);
double projection_plan_last_year(const projection_plan *plan);

/* Row k's value and growth_index; PMEXT_UNDEFINED for rate <= -1 or an
** overflow. */
pmext_status projection_plan_value(const projection_plan *plan, int64_t k,
                                   double *out);
pmext_status projection_plan_index(const projection_plan *plan, int64_t k,
                                   double *out);

/* The name of argument i (0..3) as the error messages give it. */
const char *projection_arg_name(int i);

/* Why a verdict other than PROJECTION_ROWS or PROJECTION_NO_ROWS refuses
** the call, after "projection(): ", into buf (size bytes, truncated): the
** engine gives from_year and to_year as it writes numbers. */
void projection_plan_explain(const projection_plan *plan,
                             projection_verdict verdict, const char *from_text,
                             const char *to_text, char *buf, size_t size);

#endif /* PMEXT_PROJECTION_PLAN_H */
