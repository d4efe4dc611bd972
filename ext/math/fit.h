/* SPDX-License-Identifier: MIT */
/*
** fit.h -- cagr_fit's trend growth rate, pure C (no SQLite types): the
** exp(slope) - 1 of the least-squares line of ln(value) on year (a
** spreadsheet's LOGEST m - 1), from exact sums that rows add to, leave
** from, and that merge. Shared by the SQLite aggregate (sql/aggregates.c) and
** the PostgreSQL one (pg/aggregates.c). All zero bytes: no rows; the state
** holds no pointers (it may be copied byte for byte).
** Numeric policy: docs/architecture.md.
*/
#ifndef PMEXT_FIT_H
#define PMEXT_FIT_H

#include "exact_sum.h"
#include "growth.h"

typedef struct fit_sums {
  long long n;   /* rows with value > 0 */
  long long bad; /* rows with value <= 0 or not finite */
  exact_sum sx, sy, sxx, sxy;
} fit_sums;

/* Add (sign 1) or remove (sign -1) the row (year, value). */
void fit_sums_update(fit_sums *s, double year, double value, int sign);

/* Add every row summed in t. */
void fit_sums_merge(fit_sums *s, const fit_sums *t);

/* The growth rate; PMEXT_UNDEFINED with fewer than two rows, a value <= 0
** among them, all rows in one year, or an overflow. */
pmext_status fit_sums_growth(const fit_sums *s, double *out);

#endif /* PMEXT_FIT_H */
