/* SPDX-License-Identifier: MIT */
/*
** scalars.c -- pmext's numeric scalar functions for PostgreSQL.
**
** The SQL declarations (pmext.sql.in) bind every scalar to one C entry,
** pmext_scalar(); the function's SQL name and argument count pick its row of
** the catalogue shared with the SQLite build (ext/math/numeric_functions.c),
** whose evaluator calls the maths of ext/math/growth.c and ext/math/finance.c. The
** row is looked up once per call site and cached in fn_extra.
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

#include "numeric_functions.h"

#include "utils/lsyscache.h"

/* The catalogue row of this SQL function, cached per call site. */
static const numeric_function *scalar_of(FunctionCallInfo fcinfo) {
  if (fcinfo->flinfo->fn_extra) return fcinfo->flinfo->fn_extra;
  char *name = get_func_name(fcinfo->flinfo->fn_oid);
  for (int i = 0; name && i < numeric_function_count; i++) {
    const numeric_function *fn = &numeric_functions[i];
    if (strcmp(fn->name, name) == 0 && fn->max_args == PG_NARGS()) {
      fcinfo->flinfo->fn_extra = (void *)fn;
      return fn;
    }
  }
  elog(ERROR, "pmext_scalar(): no scalar %s/%d", name ? name : "?",
       PG_NARGS());
  return NULL; /* not reached */
}

PG_FUNCTION_INFO_V1(pmext_scalar);
Datum pmext_scalar(PG_FUNCTION_ARGS) {
  const numeric_function *fn = scalar_of(fcinfo);
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
