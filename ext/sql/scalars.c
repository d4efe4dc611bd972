/* SPDX-License-Identifier: MIT */
/*
** scalars.c -- the numeric scalar functions of pmext as SQL functions.
**
** Analyst growth functions (maths in growth.c):
**   cagr(start_value, end_value, years)
**   cagr(start_value, end_value, start_year, end_year)
**   project(value, rate, years)
**   project(value, rate, from_year, to_year)
**   discount(value, rate, years)
**   years_to_reach(value, target, rate)
**   interpolate_growth(year, year0, value0, year1, value1)
** Spreadsheet twins (maths in finance.c), [optional] arguments with the
** spreadsheet's defaults:
**   rri(nper, pv, fv)            pduration(rate, pv, fv)
**   fv(rate, nper, pmt [, pv [, type]])
**   pv(rate, nper, pmt [, fv [, type]])
**   nper(rate, pmt, pv [, fv [, type]])
**   rate(nper, pmt, pv [, fv [, type [, guess]]])
**   effect(nominal_rate, npery)  nominal(effect_rate, npery)
**
** How it works: every scalar here takes only numbers, so each is one row of
** the table `numeric_functions` (numeric_functions.c: name, fewest and most
** arguments, argument names, defaults of the optional arguments, which
** arguments are 0/1 flags, an evaluator over an array of doubles) and one
** shared xFunc,
** numeric_scalar(), applies the conventions of docs/functions.md
** ("Conventions") to all of them:
**   1. every argument is read first: a non-numeric TEXT or a BLOB anywhere
**      is an error naming function, argument and value, even when another
**      argument is NULL (a type error is a bug in the query either way);
**      so is a flag argument (`type`) that is neither 0 nor 1;
**   2. then any NULL argument makes the result NULL;
**   3. omitted optional arguments take their defaults;
**   4. then the evaluator runs; PMEXT_UNDEFINED (outside the domain, or an
**      overflow) is NULL, never NaN, Inf or 0.
** Each function is registered once per arity from fewest to most; the
** three-argument cagr, project and discount with an xFunc of their own
** (scalar3() below) that reads INTEGER and REAL arguments straight into the
** maths and hands anything else to numeric_scalar().
*/
#include "args.h"
#include "register.h"
#include "math/numeric_functions.h"

#include <stddef.h>
#include <string.h>

SQLITE_EXTENSION_INIT3

typedef void (*sql_function)(sqlite3_context *ctx, int argc,
                             sqlite3_value **argv);

static void numeric_scalar(sqlite3_context *ctx, int argc,
                           sqlite3_value **argv);
static void project_scalar(sqlite3_context *ctx, int argc,
                           sqlite3_value **argv);
static void cagr_scalar(sqlite3_context *ctx, int argc, sqlite3_value **argv);
static void discount_scalar(sqlite3_context *ctx, int argc,
                            sqlite3_value **argv);

/* The three-argument functions with a fast path (below). */
static const struct {
  const char *name;
  sql_function xfunc;
} fast_paths[] = {
    {"cagr", cagr_scalar},
    {"project", project_scalar},
    {"discount", discount_scalar},
};

/* The xFunc of fn called with n arguments. */
static sql_function xfunc_of(const numeric_function *fn, int n) {
  for (size_t i = 0; n == 3 && i < sizeof fast_paths / sizeof fast_paths[0];
       i++) {
    if (strcmp(fast_paths[i].name, fn->name) == 0) return fast_paths[i].xfunc;
  }
  return numeric_scalar;
}

/* Reads the arguments by the rules 1-3 above into args; 0 when the result
** is already set (an error or NULL). */
static int numeric_args(sqlite3_context *ctx, const numeric_function *fn,
                        int argc, sqlite3_value **argv, double *args) {
  switch (pmext_arg_numbers_flags(ctx, fn->name, fn->arg_names, argc, argv,
                                  args, fn->flag_args)) {
    case ARG_OK:
      break;
    case ARG_NULL:
      sqlite3_result_null(ctx);
      return 0;
    case ARG_ERROR:
      return 0;
  }
  for (int i = argc; i < fn->max_args; i++) args[i] = fn->defaults[i];
  return 1;
}

static void numeric_scalar(sqlite3_context *ctx, int argc,
                           sqlite3_value **argv) {
  const numeric_function *fn = sqlite3_user_data(ctx);
  double args[MAX_NUMERIC_ARGS];
  /* The common case first, and cheaply: every argument an INTEGER or a
  ** REAL, no flag to check, none omitted. Anything else (NULL, text, blob,
  ** flags, defaults) goes through numeric_args(), from the first argument,
  ** so the rules and their order are those of one place. */
  int fast = fn->flag_args == 0 && argc == fn->max_args &&
             pmext_arg_doubles(argc, argv, args);
  if (!fast && !numeric_args(ctx, fn, argc, argv, args)) return;
  double result;
  pmext_status status = fn->eval(args, &result);
  pmext_result_status(ctx, status, result);
}

/* The fast path of the most used three-argument functions: the arguments
** read straight into doubles while each is an INTEGER or a REAL, the maths
** called directly (no table row, no evaluator pointer: each caller below
** is this function with its `f` inlined). Anything else -- a NULL, text,
** a blob -- goes to numeric_scalar(), which applies the rules from the
** first argument, so both paths give the same results and errors. */
static inline void scalar3(sqlite3_context *ctx, int argc,
                           sqlite3_value **argv,
                           pmext_status (*f)(double, double, double,
                                              double *)) {
  double a[3], result;
  if (!pmext_arg_doubles(3, argv, a)) {
    numeric_scalar(ctx, argc, argv);
    return;
  }
  pmext_status status = f(a[0], a[1], a[2], &result);
  pmext_result_status(ctx, status, result);
}

static void project_scalar(sqlite3_context *ctx, int argc,
                           sqlite3_value **argv) {
  scalar3(ctx, argc, argv, growth_project);
}

static void cagr_scalar(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  scalar3(ctx, argc, argv, growth_cagr);
}

static void discount_scalar(sqlite3_context *ctx, int argc,
                            sqlite3_value **argv) {
  scalar3(ctx, argc, argv, growth_discount);
}

int pmext_register_scalars(sqlite3 *db) {
  for (int i = 0; i < numeric_function_count; i++) {
    const numeric_function *fn = &numeric_functions[i];
    for (int n = fn->min_args; n <= fn->max_args; n++) {
      int rc = sqlite3_create_function(
          db, fn->name, n, PMEXT_PURE_FUNCTION, (void *)fn,
          xfunc_of(fn, n), 0, 0);
      if (rc != SQLITE_OK) return rc;
    }
  }
  return SQLITE_OK;
}
