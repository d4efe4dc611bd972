/* SPDX-License-Identifier: MIT */
/*
** scalars.c -- pmext's numeric scalar functions for PostgreSQL.
**
** Each SQL scalar of pmext.sql.in is bound to a C entry of its own,
** pmext_<name>_<arity> below, which names its row of the catalogue shared
** with the SQLite build (ext/math/numeric_functions.c), whose evaluator
** calls the maths of ext/math/growth.c and ext/math/finance.c. The row is
** chosen by the entry, never by the function's SQL name: renaming a
** function or moving it to another schema (ALTER FUNCTION ... RENAME TO,
** SET SCHEMA) cannot change what it computes, nor what an index or view
** over it returns (docs/postgresql.md, "Security"). The row is looked up
** once per call site and cached in fn_extra.
**
** Conventions, as in the SQLite build (ext/sql/scalars.c):
**   - NULL in any argument gives NULL (the functions without a 0/1 flag are
**     STRICT; the others check the flag first, so a bad flag is an error
**     even next to a NULL, as in SQLite);
**   - a flag argument (`type`) that is neither 0 nor 1 is an error
**     "fv(): type is not 0 or 1: 2", SQLSTATE 22023;
**   - PMEXT_UNDEFINED (outside the domain, overflow) gives NULL.
** Optional arguments get their defaults from the SQL declarations
** (DEFAULT, the catalogue's values), so C always sees every argument.
*/
#include "pg_args.h"

#include "math/numeric_functions.h"

/* The catalogue row `name` with `nargs` arguments, cached per call site. */
static const numeric_function *scalar_of(FunctionCallInfo fcinfo,
                                         const char *name, int nargs) {
  if (fcinfo->flinfo->fn_extra) return fcinfo->flinfo->fn_extra;
  for (int i = 0; PG_NARGS() == nargs && i < numeric_function_count; i++) {
    const numeric_function *fn = &numeric_functions[i];
    if (strcmp(fn->name, name) == 0 && fn->max_args == nargs) {
      fcinfo->flinfo->fn_extra = (void *)fn;
      return fn;
    }
  }
  elog(ERROR, "pmext: no scalar %s/%d for this C entry (called with %d "
       "arguments)", name, nargs, PG_NARGS());
  return NULL; /* not reached */
}

static Datum scalar_call(FunctionCallInfo fcinfo, const char *name,
                         int nargs) {
  const numeric_function *fn = scalar_of(fcinfo, name, nargs);
  double args[MAX_NUMERIC_ARGS];
  for (int i = 0; i < fn->max_args; i++) {
    if ((fn->flag_args & NUMERIC_FLAG(i)) && !PG_ARGISNULL(i)) {
      pmext_pg_check_flag(fn->name, fn->arg_names[i], PG_GETARG_FLOAT8(i));
    }
  }
  for (int i = 0; i < fn->max_args; i++) {
    if (PG_ARGISNULL(i)) PG_RETURN_NULL();
    args[i] = PG_GETARG_FLOAT8(i);
  }
  double result;
  if (fn->eval(args, &result) != PMEXT_OK) PG_RETURN_NULL();
  PG_RETURN_FLOAT8(result);
}

/* The C entry SYMBOL of the catalogue row NAME with NARGS arguments. */
#define PMEXT_PG_SCALAR(symbol, name, nargs)                                 \
  PG_FUNCTION_INFO_V1(symbol);                                               \
  Datum symbol(PG_FUNCTION_ARGS) { return scalar_call(fcinfo, name, nargs); }

PMEXT_PG_SCALAR(pmext_cagr_3, "cagr", 3)
PMEXT_PG_SCALAR(pmext_cagr_4, "cagr", 4)
PMEXT_PG_SCALAR(pmext_project_3, "project", 3)
PMEXT_PG_SCALAR(pmext_project_4, "project", 4)
PMEXT_PG_SCALAR(pmext_discount_3, "discount", 3)
PMEXT_PG_SCALAR(pmext_years_to_reach_3, "years_to_reach", 3)
PMEXT_PG_SCALAR(pmext_interpolate_growth_5, "interpolate_growth", 5)
PMEXT_PG_SCALAR(pmext_rri_3, "rri", 3)
PMEXT_PG_SCALAR(pmext_pduration_3, "pduration", 3)
PMEXT_PG_SCALAR(pmext_fv_5, "fv", 5)
PMEXT_PG_SCALAR(pmext_pv_5, "pv", 5)
PMEXT_PG_SCALAR(pmext_nper_5, "nper", 5)
PMEXT_PG_SCALAR(pmext_rate_6, "rate", 6)
PMEXT_PG_SCALAR(pmext_effect_2, "effect", 2)
PMEXT_PG_SCALAR(pmext_nominal_2, "nominal", 2)
