/* SPDX-License-Identifier: MIT */
/*
** check.h -- the small harness of the maths unit tests (tests/unit/): each
** check counts as passed or failed; a failure prints one line naming the
** file, line and what was expected. unit.c's main() runs every suite and
** prints one summary line per suite, which tests/unit.test reads.
*/
#ifndef PMEXT_UNIT_CHECK_H
#define PMEXT_UNIT_CHECK_H

/* Record one check: ok or not, with a printf-style description of what
** was checked (printed on failure only). */
void unit_check(int ok, const char *file, int line, const char *fmt, ...);

/* Error of got against the exact value hi + lo, in units in the last place
** of hi (hi normal); relative error of a double-double against hi + lo. */
double unit_ulp_error(double got, double hi, double lo);
double unit_rel_error(double got_hi, double got_lo, double hi, double lo);

#define CHECK(cond) unit_check(!!(cond), __FILE__, __LINE__, "%s", #cond)
/* got must be exactly want (bit for bit, so -0.0 != 0.0). */
#define CHECK_SAME(got, want) check_same((got), (want), __FILE__, __LINE__, #got)
/* got within max_ulp of the exact hi + lo */
#define CHECK_ULP(got, hi, lo, max_ulp)                                     \
  check_ulp((got), (hi), (lo), (max_ulp), __FILE__, __LINE__, #got)
/* got within rel relative of want */
#define CHECK_REL(got, want, rel)                                           \
  check_rel((got), (want), (rel), __FILE__, __LINE__, #got)

void check_same(double got, double want, const char *file, int line,
                const char *what);
void check_ulp(double got, double hi, double lo, double max_ulp,
               const char *file, int line, const char *what);
void check_rel(double got, double want, double rel, const char *file,
               int line, const char *what);

/* The suites, one per maths source file. */
void test_xmath(void);
void test_exact_sum(void);
void test_solve(void);
void test_growth(void);
void test_finance(void);
void test_fit(void);
void test_flows(void);
void test_endpoints(void);
void test_one_rate(void);
void test_projection_plan(void);
void test_iso_date(void);

#endif /* PMEXT_UNIT_CHECK_H */
