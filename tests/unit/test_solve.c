/* SPDX-License-Identifier: MIT */
/*
** test_solve.c -- the root finder of ext/math/solve.c on functions whose roots
** are known in closed form: it returns a verified root r > -1, from Newton
** or from the scan and bisection, and NULL (PMEXT_UNDEFINED), never a
** wrong number, where there is no sign change.
*/
#include "check.h"

#include <math.h>
#include <stddef.h>

#include "math/solve.h"

/* f(x) = e^x - c: one simple root, r = c - 1. */
static int shifted_exp(void *ctx, long double x, long double *f,
                       long double *df, long double *scale) {
  long double c = *(const double *)ctx;
  *f = expl(x) - c;
  *df = expl(x);
  *scale = expl(x) + c;
  return 1;
}

/* f(x) = (x - a)(x - b): roots a and b (x units: r = e^a - 1, e^b - 1). */
static int two_roots(void *ctx, long double x, long double *f,
                     long double *df, long double *scale) {
  const double *ab = ctx;
  *f = (x - ab[0]) * (x - ab[1]);
  *df = 2 * x - ab[0] - ab[1];
  *scale = fabsl(x * x) + fabsl(x * (ab[0] + ab[1])) + fabsl(ab[0] * ab[1]);
  return 1;
}

/* f(x) = x - t: for roots far below 1 (r = expm1(t) = t). */
static int linear(void *ctx, long double x, long double *f, long double *df,
                  long double *scale) {
  long double t = *(const double *)ctx;
  *f = x - t;
  *df = 1;
  *scale = fabsl(x) + fabsl(t);
  return 1;
}

/* f = x^2 + 1 (no root), and f = x^2 (a double root: touches, no sign
** change). */
static int no_root(void *ctx, long double x, long double *f, long double *df,
                   long double *scale) {
  (void)ctx;
  *f = x * x + 1;
  *df = 2 * x;
  *scale = x * x + 1;
  return 1;
}

static int double_root(void *ctx, long double x, long double *f,
                       long double *df, long double *scale) {
  (void)ctx;
  *f = x * x;
  *df = 2 * x;
  *scale = x * x;
  return 1;
}

void test_solve(void) {
  double r = 0;
  /* e^x = c: r = c - 1 (exact, Sterbenz: c = 1.05 is 1.05 + 4.4e-17, so
  ** r is 0.05 + 4.4e-17), from the spreadsheet's guess and from far away;
  ** to a few ulp, also where long double is plain double (under valgrind
  ** 5.6e-16 relative) */
  double c = 1.05;
  CHECK(solve_rate(shifted_exp, &c, 0.1, &r) == PMEXT_OK);
  CHECK_REL(r, c - 1.0, 2e-15);
  CHECK(solve_rate(shifted_exp, &c, 1e6, &r) == PMEXT_OK);
  CHECK_REL(r, c - 1.0, 2e-15);
  CHECK(solve_rate(shifted_exp, &c, -0.999, &r) == PMEXT_OK);
  CHECK_REL(r, c - 1.0, 2e-15);
  /* a rate near -1: e^x = 1e-9 */
  c = 1e-9;
  CHECK(solve_rate(shifted_exp, &c, 0.1, &r) == PMEXT_OK);
  CHECK_REL(r, 1e-9 - 1, 1e-15);
  /* tiny rates keep their digits: x = 1e-12 and 3e-300 */
  double t = 1e-12;
  CHECK(solve_rate(linear, &t, 0.1, &r) == PMEXT_OK);
  CHECK_REL(r, expm1(1e-12), 1e-15);
  t = 3e-300;
  CHECK(solve_rate(linear, &t, 0.1, &r) == PMEXT_OK);
  CHECK_REL(r, 3e-300, 1e-15);
  /* two roots, x = 0.1 and x = 2: the guess picks the nearer one */
  double ab[2] = {0.1, 2.0};
  CHECK(solve_rate(two_roots, ab, expm1(0.2), &r) == PMEXT_OK);
  CHECK_REL(r, expm1(0.1), 1e-15);
  CHECK(solve_rate(two_roots, ab, expm1(1.8), &r) == PMEXT_OK);
  CHECK_REL(r, expm1(2.0), 1e-15);
  /* no root, a double root, a guess outside the domain: undefined */
  r = 42;
  CHECK(solve_rate(no_root, NULL, 0.1, &r) == PMEXT_UNDEFINED);
  CHECK(solve_rate(double_root, NULL, 0.1, &r) == PMEXT_UNDEFINED);
  c = 1.05;
  CHECK(solve_rate(shifted_exp, &c, -1.0, &r) == PMEXT_UNDEFINED);
  CHECK(solve_rate(shifted_exp, &c, NAN, &r) == PMEXT_UNDEFINED);
  CHECK_SAME(r, 42.0); /* untouched when undefined */
}
