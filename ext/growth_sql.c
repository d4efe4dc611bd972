/*
** growth_sql.c -- the analyst growth functions as SQL scalar functions.
**
**   cagr(start_value, end_value, years)
**   cagr(start_value, end_value, start_year, end_year)
**   project(value, rate, years)
**   project(value, rate, from_year, to_year)
**
** How it works: every scalar here takes only numbers, so each is one row of
** the table `numeric_functions` (name, argument names, an evaluator over an
** array of doubles) and one shared xFunc, numeric_scalar(), applies
** DESIGN.md's conventions to all of them:
**   1. every argument is read first: a non-numeric TEXT or a BLOB anywhere
**      is an error naming function, argument and value, even when another
**      argument is NULL (a type error is a bug in the query either way);
**   2. then any NULL argument makes the result NULL;
**   3. then the evaluator runs; GROWTH_UNDEFINED (outside the domain, or an
**      overflow) is NULL, never NaN, Inf or 0.
** The maths itself lives in growth.c.
*/
#include "growth.h"
#include "args.h"
#include "pmext.h"

#include <stddef.h>

SQLITE_EXTENSION_INIT3

#define MAX_NUMERIC_ARGS 6

typedef growth_status (*numeric_eval)(const double *args, double *out);

typedef struct numeric_function {
  const char *name;
  int n_args;
  const char *arg_names[MAX_NUMERIC_ARGS];
  numeric_eval eval;
} numeric_function;

static growth_status eval_cagr(const double *a, double *out) {
  return growth_cagr(a[0], a[1], a[2], out);
}

static growth_status eval_cagr_between(const double *a, double *out) {
  return growth_cagr(a[0], a[1], a[3] - a[2], out);
}

static growth_status eval_project(const double *a, double *out) {
  return growth_project(a[0], a[1], a[2], out);
}

static growth_status eval_project_between(const double *a, double *out) {
  return growth_project(a[0], a[1], a[3] - a[2], out);
}

static const numeric_function numeric_functions[] = {
    {"cagr", 3, {"start_value", "end_value", "years"}, eval_cagr},
    {"cagr", 4, {"start_value", "end_value", "start_year", "end_year"},
     eval_cagr_between},
    {"project", 3, {"value", "rate", "years"}, eval_project},
    {"project", 4, {"value", "rate", "from_year", "to_year"},
     eval_project_between},
};

static void numeric_scalar(sqlite3_context *ctx, int argc,
                           sqlite3_value **argv) {
  const numeric_function *fn = sqlite3_user_data(ctx);
  double args[MAX_NUMERIC_ARGS];
  int any_null = 0;
  for (int i = 0; i < argc; i++) {
    switch (pmext_arg_number(ctx, fn->name, fn->arg_names[i], argv[i],
                             &args[i])) {
      case ARG_OK:
        break;
      case ARG_NULL:
        any_null = 1;
        break;
      case ARG_ERROR:
        return;
    }
  }
  double result;
  if (any_null || fn->eval(args, &result) != GROWTH_OK) {
    sqlite3_result_null(ctx);
    return;
  }
  sqlite3_result_double(ctx, result);
}

int pmext_register_growth(sqlite3 *db) {
  size_t count = sizeof numeric_functions / sizeof numeric_functions[0];
  for (size_t i = 0; i < count; i++) {
    const numeric_function *fn = &numeric_functions[i];
    int rc = sqlite3_create_function(db, fn->name, fn->n_args,
                                     PMEXT_PURE_FUNCTION, (void *)fn,
                                     numeric_scalar, 0, 0);
    if (rc != SQLITE_OK) return rc;
  }
  return SQLITE_OK;
}
