/*
** scalars.c -- pmext's numeric scalar functions for PostgreSQL.
**
** The SQL declarations (pmext.sql.in) bind every scalar to one C entry,
** pmext_scalar(); the function's SQL name and argument count pick its row of
** `scalars`, which calls the maths of ext/growth.c and ext/finance.c (no
** maths here). The row is looked up once per call site and cached in
** fn_extra.
**
** Conventions, as in the SQLite build (ext/growth_sql.c):
**   - NULL in any argument gives NULL (the functions without a 0/1 flag are
**     STRICT; the others check the flag first, so a bad flag is an error
**     even next to a NULL, as in SQLite);
**   - a flag argument (`type`) that is neither 0 nor 1 is an error
**     "fv(): type is not 0 or 1: 2", SQLSTATE 22023;
**   - GROWTH_UNDEFINED (outside the domain, overflow) gives NULL.
** Optional arguments get their spreadsheet defaults from the SQL
** declarations (DEFAULT), so C always sees every argument.
*/
#include "pg_args.h"

#include "growth.h"
#include "finance.h"

#include "utils/builtins.h"
#include "utils/lsyscache.h"

#define MAX_SCALAR_ARGS 6

typedef growth_status (*scalar_eval)(const double *args, double *out);

typedef struct scalar_function {
  const char *name;
  int nargs;
  const char *arg_names[MAX_SCALAR_ARGS];
  int flag_arg; /* index of the 0/1 argument, or -1 */
  scalar_eval eval;
} scalar_function;

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
static growth_status eval_discount(const double *a, double *out) {
  return growth_discount(a[0], a[1], a[2], out);
}
static growth_status eval_years_to_reach(const double *a, double *out) {
  return growth_years_to_reach(a[0], a[1], a[2], out);
}
static growth_status eval_interpolate(const double *a, double *out) {
  return growth_interpolate(a[0], a[1], a[2], a[3], a[4], out);
}
static growth_status eval_rri(const double *a, double *out) {
  return finance_rri(a[0], a[1], a[2], out);
}
static growth_status eval_pduration(const double *a, double *out) {
  return finance_pduration(a[0], a[1], a[2], out);
}
static growth_status eval_fv(const double *a, double *out) {
  return finance_fv(a[0], a[1], a[2], a[3], a[4], out);
}
static growth_status eval_pv(const double *a, double *out) {
  return finance_pv(a[0], a[1], a[2], a[3], a[4], out);
}
static growth_status eval_nper(const double *a, double *out) {
  return finance_nper(a[0], a[1], a[2], a[3], a[4], out);
}
static growth_status eval_rate(const double *a, double *out) {
  return finance_rate(a[0], a[1], a[2], a[3], a[4], a[5], out);
}
static growth_status eval_effect(const double *a, double *out) {
  return finance_effect(a[0], a[1], out);
}
static growth_status eval_nominal(const double *a, double *out) {
  return finance_nominal(a[0], a[1], out);
}

static const scalar_function scalars[] = {
    {"cagr", 3, {"start_value", "end_value", "years"}, -1, eval_cagr},
    {"cagr", 4, {"start_value", "end_value", "start_year", "end_year"}, -1,
     eval_cagr_between},
    {"project", 3, {"value", "rate", "years"}, -1, eval_project},
    {"project", 4, {"value", "rate", "from_year", "to_year"}, -1,
     eval_project_between},
    {"discount", 3, {"value", "rate", "years"}, -1, eval_discount},
    {"years_to_reach", 3, {"value", "target", "rate"}, -1, eval_years_to_reach},
    {"interpolate_growth", 5, {"year", "year0", "value0", "year1", "value1"},
     -1, eval_interpolate},
    {"rri", 3, {"nper", "pv", "fv"}, -1, eval_rri},
    {"pduration", 3, {"rate", "pv", "fv"}, -1, eval_pduration},
    {"fv", 5, {"rate", "nper", "pmt", "pv", "type"}, 4, eval_fv},
    {"pv", 5, {"rate", "nper", "pmt", "fv", "type"}, 4, eval_pv},
    {"nper", 5, {"rate", "pmt", "pv", "fv", "type"}, 4, eval_nper},
    {"rate", 6, {"nper", "pmt", "pv", "fv", "type", "guess"}, 4, eval_rate},
    {"effect", 2, {"nominal_rate", "npery"}, -1, eval_effect},
    {"nominal", 2, {"effect_rate", "npery"}, -1, eval_nominal},
};

/* The row of `scalars` this SQL function is, cached per call site. */
static const scalar_function *scalar_of(FunctionCallInfo fcinfo) {
  if (fcinfo->flinfo->fn_extra) return fcinfo->flinfo->fn_extra;
  char *name = get_func_name(fcinfo->flinfo->fn_oid);
  for (size_t i = 0; name && i < lengthof(scalars); i++) {
    if (strcmp(scalars[i].name, name) == 0 &&
        scalars[i].nargs == PG_NARGS()) {
      fcinfo->flinfo->fn_extra = (void *)&scalars[i];
      return &scalars[i];
    }
  }
  elog(ERROR, "pmext_scalar(): no scalar %s/%d", name ? name : "?",
       PG_NARGS());
  return NULL; /* not reached */
}

PG_FUNCTION_INFO_V1(pmext_scalar);
Datum pmext_scalar(PG_FUNCTION_ARGS) {
  const scalar_function *fn = scalar_of(fcinfo);
  double args[MAX_SCALAR_ARGS];
  if (fn->flag_arg >= 0 && !PG_ARGISNULL(fn->flag_arg)) {
    pmext_pg_check_flag(fn->name, fn->arg_names[fn->flag_arg],
                        PG_GETARG_FLOAT8(fn->flag_arg));
  }
  for (int i = 0; i < fn->nargs; i++) {
    if (PG_ARGISNULL(i)) PG_RETURN_NULL();
    args[i] = PG_GETARG_FLOAT8(i);
  }
  double result;
  if (fn->eval(args, &result) != GROWTH_OK) PG_RETURN_NULL();
  PG_RETURN_FLOAT8(result);
}
