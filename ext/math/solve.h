/* SPDX-License-Identifier: MIT */
/*
** solve.h -- find a growth rate r > -1 where a function changes sign.
**
** Used by rate() (finance.c) and the irr()/xirr() aggregates (sql/aggregates.c):
** each supplies its function of x = ln(1 + r), and solve_rate() returns the
** root as r = expm1(x). Working in x keeps every iterate inside the domain
** r > -1, and a rate of 1e-12 keeps all its digits.
** Numeric policy: docs/architecture.md.
*/
#ifndef PMEXT_SOLVE_H
#define PMEXT_SOLVE_H

#include "growth.h"

/* Evaluate the function at x = ln(1+r): its value *f, its derivative *df
** with respect to x, and *scale, the sum of the magnitudes of the terms
** that make up *f (to judge whether a small *f is zero or just cancels).
** Returns 0 when the value is not finite there, else 1 (or 2, see
** solve_rate_fast()). Any positive factor may be
** applied to f (and consistently to df, scale): only its sign and its roots
** matter. */
typedef int (*solve_fn)(void *ctx, long double x, long double *f,
                        long double *df, long double *scale);

/* A root r > -1 of fn: Newton's method from `guess`; when that does not
** converge, the sign change nearest to guess, narrowed by bisection.
** PMEXT_UNDEFINED when guess <= -1, when no sign change is found, or when
** neither method produces a verified root. */
pmext_status solve_rate(solve_fn fn, void *ctx, double guess, double *rate);

/* solve_rate() with two evaluations of the same function: `fast` wherever
** only the size of f matters (Newton's steps, the residual), `precise`
** wherever its sign decides (the scan, bisection, the sign change that
** verifies a root, f(0) == 0) and `fast` returned 2, its way of saying
** that its f is within its own error bound of 0. */
pmext_status solve_rate_fast(solve_fn fast, solve_fn precise, void *ctx,
                              double guess, double *rate);

#endif /* PMEXT_SOLVE_H */
