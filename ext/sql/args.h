/* SPDX-License-Identifier: MIT */
/*
** args.h -- reading SQL function arguments by pmext's conventions.
**
** One place decides what counts as a number, so every function treats bad
** input the same way (docs/functions.md, "Conventions"):
**   - SQL NULL                      -> ARG_NULL  (the function returns NULL)
**   - INTEGER, REAL, numeric TEXT   -> ARG_OK    (value stored as a double)
**   - other TEXT, any BLOB          -> ARG_ERROR (SQL error already set:
**        "cagr(): end_value is not a number: 'abc'")
*/
#ifndef PMEXT_ARGS_H
#define PMEXT_ARGS_H

#include "math/growth.h"
#include "sqlite3ext.h"

SQLITE_EXTENSION_INIT3 /* for the inline pmext_arg_doubles() below */

typedef enum {
  ARG_OK = 0,   /* *out holds the argument as a double */
  ARG_NULL = 1, /* the argument is SQL NULL */
  ARG_ERROR = 2 /* not a number: the error is set on ctx */
} arg_status;

/* The rule itself, for callers without a sqlite3_context (a virtual
** table's xFilter): 1 with *out set when the value is a number (INTEGER,
** REAL or numeric TEXT); 0 for NULL, other text and blobs. */
int pmext_value_number(sqlite3_value *value, double *out);

/* The fast path of every numeric reader: 1 with out[0..argc-1] set when
** every argument is an INTEGER or a REAL (read straight into doubles), 0
** as soon as one is not (out partly written); the caller then applies the
** full rules above from the first argument. Inline: it is the whole
** per-row cost of reading the arguments of a hot function. */
static inline int pmext_arg_doubles(int argc, sqlite3_value **argv,
                                    double *out) {
  for (int i = 0; i < argc; i++) {
    int type = sqlite3_value_type(argv[i]);
    if (type != SQLITE_FLOAT && type != SQLITE_INTEGER) return 0;
    out[i] = sqlite3_value_double(argv[i]);
  }
  return 1;
}

/* A maths result (math/growth.h) as the SQL result: the value when
** PMEXT_OK, NULL otherwise (outside the domain, or not a finite double). */
static inline void pmext_result_status(sqlite3_context *ctx,
                                       pmext_status status, double value) {
  if (status == PMEXT_OK) {
    sqlite3_result_double(ctx, value);
  } else {
    sqlite3_result_null(ctx);
  }
}

/* Read argument `value` of function `func` (named `arg` in messages). */
arg_status pmext_arg_number(sqlite3_context *ctx, const char *func,
                            const char *arg, sqlite3_value *value,
                            double *out);

/* Read arguments 0..argc-1 of `func` (named names[i]) into out[i], all of
** them, so that a misuse anywhere is an error even next to a NULL:
** ARG_ERROR (error set) if any is not a number, else ARG_NULL if any is
** NULL, else ARG_OK. out[i] is left unchanged for a NULL argument. */
arg_status pmext_arg_numbers(sqlite3_context *ctx, const char *func,
                             const char *const *names, int argc,
                             sqlite3_value **argv, double *out);

/* pmext_arg_numbers() where the arguments with bit ARG_FLAG(i) set in
** `flags` must also be 0 or 1 (a spreadsheet's `type`); any other number
** is an error too: "fv(): type is not 0 or 1: 2". */
#define ARG_FLAG(i) (1u << (i))
arg_status pmext_arg_numbers_flags(sqlite3_context *ctx, const char *func,
                                   const char *const *names, int argc,
                                   sqlite3_value **argv, double *out,
                                   unsigned flags);

/* A date argument as a julian day number (what julianday() returns):
** ISO text 'YYYY-MM-DD' of a real calendar date, or the same followed by a
** time of day as SQLite writes it ('YYYY-MM-DD HH:MM[:SS[.fff]]', or a 'T'
** for the space), which is dropped (whole days, as in a spreadsheet); or a
** number, taken as a julian day as it is. Other text and blobs are an
** error: "xirr(): date is not a YYYY-MM-DD date or a julian day: 'x';
** convert it with date(col)". */
arg_status pmext_arg_date(sqlite3_context *ctx, const char *func,
                          const char *arg, sqlite3_value *value, double *out);

/* Set a SQL error "func(): <message>" with printf-style formatting;
** reports SQLITE_NOMEM instead when the message cannot be allocated. */
void pmext_result_errorf(sqlite3_context *ctx, const char *func,
                         const char *format, ...);

/* The error of a virtual table's argument that is not a number, worded as
** pmext_arg_number() words a function's: "func(): arg is not a number:
** <value>" (sqlite3_malloc'ed; 0 when out of memory), for the vtab's
** zErrMsg (tv_set_error()). */
char *pmext_not_a_number(const char *func, const char *arg,
                         sqlite3_value *value);

#endif /* PMEXT_ARGS_H */
