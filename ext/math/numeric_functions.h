/* SPDX-License-Identifier: MIT */
/*
** numeric_functions.h -- the catalogue of pmext's numeric scalar functions,
** pure C (no SQLite types): per function its SQL name, how many arguments
** it takes, their names (for messages), the defaults of the optional ones,
** which are 0/1 flags, and an evaluator over an array of doubles that calls
** the maths of growth.c and finance.c. The SQLite layer (sql/scalars.c) and
** the PostgreSQL one (pg/scalars.c) both register these rows.
** Numeric policy: docs/architecture.md.
*/
#ifndef PMEXT_NUMERIC_FUNCTIONS_H
#define PMEXT_NUMERIC_FUNCTIONS_H

#include "growth.h"

#define MAX_NUMERIC_ARGS 6

/* Bit i of flag_args: argument i must be 0 or 1 (the same bits as args.h's
** ARG_FLAG). */
#define NUMERIC_FLAG(i) (1u << (i))

typedef pmext_status (*numeric_eval)(const double *args, double *out);

typedef struct numeric_function {
  const char *name;
  int min_args; /* the arguments after the first min_args are optional */
  int max_args;
  const char *arg_names[MAX_NUMERIC_ARGS];
  double defaults[MAX_NUMERIC_ARGS]; /* values of omitted arguments */
  unsigned flag_args;                /* NUMERIC_FLAG(i): argument i is 0 or 1 */
  numeric_eval eval;                 /* always gets max_args arguments */
} numeric_function;

extern const numeric_function numeric_functions[];
extern const int numeric_function_count;

#endif /* PMEXT_NUMERIC_FUNCTIONS_H */
