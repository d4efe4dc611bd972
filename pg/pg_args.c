/* SPDX-License-Identifier: MIT */
/*
** pg_args.c -- the checks and messages the PostgreSQL glue shares
** (pg_args.h), and the module's magic block.
*/
#include "pg_args.h"

#include "utils/float.h"

PG_MODULE_MAGIC;

char *pmext_pg_number(double x) { return float8out_internal(x); }

void pmext_pg_check_flag(const char *func, const char *arg, double x) {
  if (x == 0.0 || x == 1.0) return;
  ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                  errmsg("%s(): %s is not 0 or 1: %s", func, arg,
                         pmext_pg_number(x))));
}
