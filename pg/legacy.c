/* SPDX-License-Identifier: MIT */
/*
** legacy.c -- the C entry that only an older install script names.
**
** pmext 0.1.0's install script (pmext--0.1.0.sql) bound every scalar to one
** entry, pmext_scalar, which chose what to compute by the function's SQL
** name; a function renamed to another pmext name then computed that one.
** This library binds each scalar to an entry of its own (scalars.c), and no
** longer computes anything by name. PostgreSQL checks that a C function's
** symbol exists when a script creates it, so the 0.1.0 script still needs
** the symbol for `CREATE EXTENSION pmext VERSION '0.1.0'` followed by
** `ALTER EXTENSION pmext UPDATE` (pmext--0.1.0--0.2.0.sql re-binds every
** scalar). Until that update, a call raises an error that says to run it
** (docs/postgresql.md, "Versions and upgrades").
*/
#include "pg_args.h"

#include "utils/lsyscache.h"

/* pmext_scalar raises "NAME(): declared by pmext 0.1.0's install script,
** older than the installed library: run ALTER EXTENSION pmext UPDATE"
** (SQLSTATE 55000, object_not_in_prerequisite_state); the SQL name only
** names the function in the message. */
PG_FUNCTION_INFO_V1(pmext_scalar);
Datum pmext_scalar(PG_FUNCTION_ARGS) {
  char *name = get_func_name(fcinfo->flinfo->fn_oid);
  ereport(ERROR,
          (errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
           errmsg("%s(): declared by pmext 0.1.0's install script, older "
                  "than the installed library: run ALTER EXTENSION pmext "
                  "UPDATE",
                  name ? name : "pmext_scalar"),
           errhint("ALTER EXTENSION pmext UPDATE binds each function to the "
                   "C entry of the installed library.")));
  PG_RETURN_NULL(); /* not reached */
}
