/* SPDX-License-Identifier: MIT */
/*
** pg_args.h -- what the PostgreSQL glue files share: PostgreSQL's headers
** and the checks and messages of pmext's conventions (pg_args.c).
**
** Errors are raised with ereport(ERROR) and carry the SQLite build's message
** text, "func(): ...", with SQLSTATE 22023 (invalid_parameter_value) for a
** bad value and 22P02 (invalid_text_representation) for bad text.
*/
#ifndef PMEXT_PG_ARGS_H
#define PMEXT_PG_ARGS_H

#include "postgres.h"

#include "fmgr.h"

/* A double as the messages show it: the shortest text that reads back as
** the same double (PostgreSQL's float8 output). palloc'd. */
char *pmext_pg_number(double x);

/* Raise "func(): arg is not 0 or 1: x" unless x is 0 or 1. */
void pmext_pg_check_flag(const char *func, const char *arg, double x);

#endif /* PMEXT_PG_ARGS_H */
