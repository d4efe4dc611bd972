/* SPDX-License-Identifier: MIT */
/*
** solve.c -- root finding for the iterative rate functions (see solve.h).
**
** How it works:
**   1. Newton's method in x = ln(1+r), from x0 = ln(1+guess), at most
**      NEWTON_STEPS steps, each step limited to MAX_NEWTON_STEP, given up
**      once it leaves the scan's range [X_LOWEST, X_HIGHEST]. Its point
**      is accepted only when the steps have shrunk to the rounding level,
**      the residual is negligible against the size of the terms (|f| <=
**      RESIDUAL_TOLERANCE * scale) AND f changes sign across the point
**      (x -/+ a relative VERIFY_WIDTH): a Newton iteration stalled at a
**      minimum of |f|, or creeping towards a double root where the answer
**      has only half the digits, is never reported.
**   2. Otherwise a scan outwards from x0, alternately up and down, with
**      steps growing geometrically, looks for the nearest sign change in
**      [X_LOWEST, X_HIGHEST] (r from -1 + 2e-22 up to about 4.8e8).
**   3. Bisection narrows that bracket to the precision of long double,
**      taking Newton's point instead of the split whenever that lies inside
**      the bracket and the steps halve at least (a few steps, not sixty,
**      near a simple root). A
**      bracket always holds a root of a continuous function, so the answer
**      is right to the precision with which f itself can be evaluated. A
**      bracket whose ends have opposite signs is split at x = 0 first, and
**      one whose ends differ by orders of magnitude at their geometric
**      mean, so a root like 3e-309 (flows 2e308 periods apart) is reached
**      in a few dozen steps, not the thousand halvings an arithmetic split
**      from [-0.1, 0.1] would need.
**   4. Whichever way it was found, a point is returned only when it passes
**      the same test as Newton's: a residual negligible against the scale
**      of the terms there and a sign change across it.
** Pairs of roots closer together than a scan step, or a double root that
** touches zero without crossing it, may be missed: then the result is
** NULL, never a wrong number.
** Numeric policy: docs/architecture.md.
*/
#include "solve.h"

#include <float.h>
#include <math.h>

#define NEWTON_STEPS 100
#define MAX_NEWTON_STEP 2.0L
#define RESIDUAL_TOLERANCE 1e-10L
#define X_LOWEST -50.0L
#define X_HIGHEST 20.0L
#define SCAN_FIRST_STEP 0.01L
#define SCAN_GROWTH 1.25L
#define BISECTION_STEPS 400
#define VERIFY_WIDTH 1e-10L
#define VERIFY_FLOOR 1e-5L

static pmext_status finish_root(long double x, double *rate) {
  double r = (double)expm1l(x);
  if (!isfinite(r) || !(r > -1.0)) return PMEXT_UNDEFINED;
  *rate = r;
  return PMEXT_OK;
}

static int sign_of(long double f) { return (f > 0.0L) - (f < 0.0L); }

/* The function twice: `fast`, which may return 2 for a value too near 0
** for its sign to be known, and `precise`, asked then. */
typedef struct solver {
  solve_fn fast, precise;
  void *ctx;
} solver;

static int eval(const solver *s, long double x, long double *f,
                long double *df, long double *scale) {
  return s->fast(s->ctx, x, f, df, scale) != 0;
}

/* The value where its sign is what matters. */
static int eval_signed(const solver *s, long double x, long double *f,
                       long double *df, long double *scale) {
  int ok = s->fast(s->ctx, x, f, df, scale);
  if (ok == 2) ok = s->precise(s->ctx, x, f, df, scale);
  return ok != 0;
}

/* Does f change sign across x? Looked at x -/+ VERIFY_WIDTH * max(|x|,
** VERIFY_FLOOR): near x = 0 a width of 1e-15, as a width below what e^x
** can resolve (1 + 1e-20 is 1) would find f = 0 on both sides of a simple
** root. */
static int crosses_zero(const solver *sv, long double x) {
  long double width =
      VERIFY_WIDTH * (fabsl(x) > VERIFY_FLOOR ? fabsl(x) : VERIFY_FLOOR);
  long double lo, hi, df, scale;
  if (!eval_signed(sv, x - width, &lo, &df, &scale)) return 0;
  if (!eval_signed(sv, x + width, &hi, &df, &scale)) return 0;
  return sign_of(lo) * sign_of(hi) < 0;
}

/* Is x a root: f negligible against the size of its terms, and changing
** sign across x? */
static int verified(const solver *sv, long double x) {
  long double f, df, scale;
  if (!eval(sv, x, &f, &df, &scale)) return 0;
  return fabsl(f) <= RESIDUAL_TOLERANCE * scale && crosses_zero(sv, x);
}

static int newton(const solver *sv, long double x, long double *root) {
  for (int i = 0; i < NEWTON_STEPS; i++) {
    long double f, df, scale;
    if (!eval(sv, x, &f, &df, &scale)) return 0;
    if (f == 0.0L) {
      *root = x;
      return 1; /* verified by the caller */
    }
    if (df == 0.0L || !isfinite(df)) return 0;
    long double step = f / df;
    if (step > MAX_NEWTON_STEP) step = MAX_NEWTON_STEP;
    if (step < -MAX_NEWTON_STEP) step = -MAX_NEWTON_STEP;
    x -= step;
    if (x < X_LOWEST || x > X_HIGHEST) return 0; /* left the scan's range */
    if (fabsl(step) <= 1e-15L * fabsl(x) || fabsl(step) < 1e-300L) {
      *root = x;
      return 1; /* verified by the caller */
    }
  }
  return 0;
}

/* Where to split the bracket [a, b] (either order): at 0 when it holds 0
** inside, at the geometric mean when its ends (one may be 0, counted as
** DBL_MIN) differ by more than a factor 4, else in the middle. DBL_MIN,
** not LDBL_MIN: where long double is double (valgrind), LDBL_MIN would
** round to 0; below DBL_MIN halving goes on, as the rate is a double. */
static long double split(long double a, long double b) {
  if ((a < 0.0L && b > 0.0L) || (a > 0.0L && b < 0.0L)) return 0.0L;
  long double lo = fminl(fabsl(a), fabsl(b)), hi = fmaxl(fabsl(a), fabsl(b));
  if (lo < DBL_MIN) lo = DBL_MIN;
  if (hi > 4.0L * lo) {
    long double mean = sqrtl(lo) * sqrtl(hi);
    return a + b < 0.0L ? -mean : mean;
  }
  return a + (b - a) / 2.0L;
}

/* Narrow [a, b] (f(a), f(b) of opposite signs) to a root: each step
** keeps the half that changes sign. The next point is Newton's from the
** last one when that lies inside the bracket and moves less than half as
** far as the step before (so it converges fast near a simple root), else
** the split below. */
static int bisect(const solver *sv, long double a, long double fa,
                  long double b, long double *root) {
  long double x = split(a, b), last_step = fabsl(b - a);
  for (int i = 0; i < BISECTION_STEPS; i++) {
    long double f, df, scale;
    if (!eval_signed(sv, x, &f, &df, &scale)) return 0;
    if (f == 0.0L) {
      *root = x;
      return 1;
    }
    if (sign_of(f) == sign_of(fa)) {
      a = x;
      fa = f;
    } else {
      b = x;
    }
    if (fabsl(b - a) <= 1e-19L * fabsl(x)) break;
    long double next = df != 0.0L ? x - f / df : x;
    long double step = fabsl(next - x);
    if (next > fminl(a, b) && next < fmaxl(a, b) && step < last_step / 2) {
      if (step <= 1e-19L * fabsl(next)) { /* Newton has converged */
        *root = next;
        return 1;
      }
      x = next;
      last_step = step;
    } else {
      x = split(a, b);
      if (x == a || x == b) break;
      last_step = fabsl(b - a);
    }
  }
  *root = split(a, b);
  return 1;
}

/* One step of the outward scan from *from to `to`: 1 and the bracket when
** the sign changes, 0 to go on, -1 when the direction is exhausted. */
static int scan_step(const solver *sv, long double *from, long double *f_from,
                     long double to, long double *root) {
  long double f, df, scale;
  if (!eval_signed(sv, to, &f, &df, &scale)) return -1;
  if (f == 0.0L) {
    if (!crosses_zero(sv, to)) return -1; /* 0 all around: go no further */
    *root = to;
    return 1;
  }
  if (sign_of(f) != sign_of(*f_from)) {
    return bisect(sv, *from, *f_from, to, root) ? 1 : -1;
  }
  *from = to;
  *f_from = f;
  return 0;
}

static int scan(const solver *sv, long double x0, long double *root) {
  long double f0, df, scale;
  if (!eval_signed(sv, x0, &f0, &df, &scale)) return 0;
  if (f0 == 0.0L) { /* a root, unless f is 0 everywhere around it */
    if (!crosses_zero(sv, x0)) return 0;
    *root = x0;
    return 1;
  }
  long double up = x0, f_up = f0, down = x0, f_down = f0;
  int up_open = 1, down_open = 1;
  for (long double step = SCAN_FIRST_STEP; up_open || down_open;
       step *= SCAN_GROWTH) {
    if (up_open) {
      long double to = up + step < X_HIGHEST ? up + step : X_HIGHEST;
      int found = up < X_HIGHEST ? scan_step(sv, &up, &f_up, to, root) : -1;
      if (found == 1) return 1;
      if (found < 0) up_open = 0;
    }
    if (down_open) {
      long double to = down - step > X_LOWEST ? down - step : X_LOWEST;
      int found = down > X_LOWEST ? scan_step(sv, &down, &f_down, to, root) : -1;
      if (found == 1) return 1;
      if (found < 0) down_open = 0;
    }
  }
  return 0;
}

/* Is *root a root (verified)? Then it becomes exactly 0 when it is within
** rounding noise of 0 and f(0) is 0: flows that cancel exactly (-100, then
** +100) have a rate of 0, not 1e-20. */
static int accept(const solver *sv, long double *root) {
  if (!verified(sv, *root)) return 0;
  long double f0, df, scale;
  if (fabsl(*root) < 1e-12L &&
      sv->precise(sv->ctx, 0.0L, &f0, &df, &scale) && f0 == 0.0L) {
    *root = 0.0L;
  }
  return 1;
}

pmext_status solve_rate_fast(solve_fn fast, solve_fn precise, void *ctx,
                              double guess, double *rate) {
  const solver both = {fast, precise, ctx}, *sv = &both;
  if (!isfinite(guess) || !(guess > -1.0)) return PMEXT_UNDEFINED;
  long double x0 = log1pl((long double)guess);
  if (x0 < X_LOWEST) x0 = X_LOWEST;
  if (x0 > X_HIGHEST) x0 = X_HIGHEST;
  long double root;
  if (newton(sv, x0, &root) && accept(sv, &root)) {
    return finish_root(root, rate);
  }
  if (scan(sv, x0, &root) && accept(sv, &root)) {
    return finish_root(root, rate);
  }
  return PMEXT_UNDEFINED;
}

pmext_status solve_rate(solve_fn fn, void *ctx, double guess, double *rate) {
  return solve_rate_fast(fn, fn, ctx, guess, rate);
}
