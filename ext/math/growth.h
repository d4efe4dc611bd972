/* SPDX-License-Identifier: MIT */
/*
** growth.h -- pure growth arithmetic, no SQLite types.
**
** Every function here takes plain doubles, writes its result through an
** out-pointer and returns PMEXT_OK, or PMEXT_UNDEFINED when the inputs lie
** outside the function's mathematical domain or the result is not a finite
** double (overflow). The SQL layer (sql/scalars.c) maps PMEXT_UNDEFINED to
** SQL NULL. A result written with PMEXT_OK is always finite.
** Numeric policy: docs/architecture.md.
*/
#ifndef PMEXT_GROWTH_H
#define PMEXT_GROWTH_H

#include "status.h" /* pmext_status */

/* Compound annual growth rate: (end/start)^(1/years) - 1.
** Defined for start > 0, end >= 0, years > 0. */
pmext_status growth_cagr(double start_value, double end_value, double years,
                          double *out);

/* Compound projection: value * (1+rate)^years.
** Defined for rate > -1; negative years project backwards. */
pmext_status growth_project(double value, double rate, double years,
                             double *out);

/* Present value of a future amount: value / (1+rate)^years, no sign flip.
** Defined for rate > -1. */
pmext_status growth_discount(double value, double rate, double years,
                              double *out);

/* The years y with growth_project(value, rate, y) == target. Defined only
** for rate > -1 (checked first: years_to_reach(5, 5, -2) is undefined);
** then 0 when target == value (any such rate, 0 included); otherwise
** defined when rate != 0 and value, target are both > 0 or both < 0.
** Negative when the target lies behind. */
pmext_status growth_years_to_reach(double value, double target, double rate,
                                    double *out);

/* Geometric inter/extrapolation through (year0, value0), (year1, value1):
** value0 * (value1/value0)^((year-year0)/(year1-year0)).
** Defined for value0 > 0, value1 > 0, year0 != year1. */
pmext_status growth_interpolate(double year, double year0, double value0,
                                 double year1, double value1, double *out);

#endif /* PMEXT_GROWTH_H */
