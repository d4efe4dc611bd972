/* SPDX-License-Identifier: MIT */
/*
** unit.c -- the runner of the maths unit tests: builds and runs without
** SQLite (no sqlite3 header, no libsqlite3), linking the maths sources of
** ext/ directly. Prints "FAIL file:line: ..." per failed check and one line
** "suite NAME: N passed, N failed" per suite; exits 1 on any failure.
** `make test` builds it and runs it through tests/unit.test.
*/
#include "check.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int passed, failed;

void unit_check(int ok, const char *file, int line, const char *fmt, ...) {
  if (ok) {
    passed++;
    return;
  }
  failed++;
  va_list ap;
  va_start(ap, fmt);
  printf("FAIL %s:%d: ", file, line);
  vprintf(fmt, ap);
  printf("\n");
  va_end(ap);
}

double unit_ulp_error(double got, double hi, double lo) {
  int e;
  frexp(hi, &e); /* hi = m 2^e, 1/2 <= |m| < 1: ulp(hi) = 2^(e - 53) */
  return fabs((got - hi) - lo) / ldexp(1.0, e - 53);
}

double unit_rel_error(double got_hi, double got_lo, double hi, double lo) {
  return fabs((got_hi - hi) + (got_lo - lo)) / fabs(hi);
}

static int same_bits(double a, double b) { return memcmp(&a, &b, sizeof a) == 0; }

void check_same(double got, double want, const char *file, int line,
                const char *what) {
  unit_check(same_bits(got, want), file, line, "%s = %a, expected %a", what,
             got, want);
}

void check_ulp(double got, double hi, double lo, double max_ulp,
               const char *file, int line, const char *what) {
  double err = unit_ulp_error(got, hi, lo);
  unit_check(err <= max_ulp, file, line, "%s = %a, exact %a + %a: %.3f ulp > %.3f",
             what, got, hi, lo, err, max_ulp);
}

void check_rel(double got, double want, double rel, const char *file,
               int line, const char *what) {
  unit_check(fabs(got - want) <= rel * fabs(want), file, line,
             "%s = %.17g, expected %.17g (relative %g)", what, got, want, rel);
}

static const struct {
  const char *name;
  void (*run)(void);
} suites[] = {
    {"xmath", test_xmath},   {"exact_sum", test_exact_sum},
    {"solve", test_solve},   {"growth", test_growth},
    {"finance", test_finance}, {"fit", test_fit},
    {"flows", test_flows},   {"endpoints", test_endpoints},
    {"one_rate", test_one_rate}, {"projection_plan", test_projection_plan},
    {"iso_date", test_iso_date},
};

int main(void) {
  int total_failed = 0;
  for (size_t i = 0; i < sizeof suites / sizeof suites[0]; i++) {
    passed = failed = 0;
    suites[i].run();
    printf("suite %s: %d passed, %d failed\n", suites[i].name, passed, failed);
    total_failed += failed;
  }
  return total_failed ? 1 : 0;
}
