/*
** growth.h -- pure growth arithmetic, no SQLite types.
**
** Every function here takes plain doubles, writes its result through an
** out-pointer and returns GROWTH_OK, or GROWTH_UNDEFINED when the inputs lie
** outside the function's mathematical domain or the result is not a finite
** double (overflow). The SQL layer (growth_sql.c) maps GROWTH_UNDEFINED to
** SQL NULL. A result written with GROWTH_OK is always finite.
*/
#ifndef PMEXT_GROWTH_H
#define PMEXT_GROWTH_H

typedef enum {
  GROWTH_OK = 0,       /* *out holds a finite result */
  GROWTH_UNDEFINED = 1 /* outside the domain, or the result overflows */
} growth_status;

/* Compound annual growth rate: (end/start)^(1/years) - 1.
** Defined for start > 0, end >= 0, years > 0. */
growth_status growth_cagr(double start_value, double end_value, double years,
                          double *out);

/* Compound projection: value * (1+rate)^years.
** Defined for rate > -1; negative years project backwards. */
growth_status growth_project(double value, double rate, double years,
                             double *out);

#endif /* PMEXT_GROWTH_H */
