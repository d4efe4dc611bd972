/* SPDX-License-Identifier: MIT */
/*
** status.h -- what every maths function of ext/math returns, and the one
** rule for a computed result: a finite double, or PMEXT_UNDEFINED.
** Numeric policy: docs/architecture.md.
*/
#ifndef PMEXT_STATUS_H
#define PMEXT_STATUS_H

#include <math.h>

typedef enum {
  PMEXT_OK = 0,       /* *out holds a finite result */
  PMEXT_UNDEFINED = 1 /* outside the domain, or the result overflows */
} pmext_status;

/* result into *out when it is finite; PMEXT_UNDEFINED, *out untouched,
** when it overflowed to an infinity or is NaN. */
static inline pmext_status pmext_finish(double result, double *out) {
  if (!isfinite(result)) return PMEXT_UNDEFINED;
  *out = result;
  return PMEXT_OK;
}

#endif /* PMEXT_STATUS_H */
