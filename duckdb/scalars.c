/* SPDX-License-Identifier: MIT */
/*
** scalars.c -- pmext's numeric scalars in DuckDB: every row of the
** catalogue of ext/math/numeric_functions.c (cagr, project, discount,
** years_to_reach, interpolate_growth and the spreadsheet twins), each arity
** an overload of one function set per name, arguments and result DOUBLE.
**
** How it works: DuckDB calls a function with a chunk of up to 2048 rows,
** one flat vector per argument (its C API flattens constant arguments
** before the call, and marks the result constant when every argument was).
** numeric_scalar() loops over the rows: a NULL argument gives NULL, an
** omitted optional argument its default, a flag argument (`type`) other
** than 0 or 1 an error naming function, argument and value (also beside a
** NULL: those functions take NULLs themselves, "special handling"), and
** PMEXT_UNDEFINED gives NULL, never NaN or Inf. The three-argument cagr,
** project and discount run a tighter loop when no argument has a NULL: the
** maths called directly per row, as the SQLite build's fast path does.
*/
#include "adapter.h"

#include "math/growth.h"
#include "math/numeric_functions.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef pmext_status (*maths3)(double, double, double, double *);

/* What one overload needs: the catalogue row, how many arguments it is
** called with, and the direct three-argument maths when there is one. */
typedef struct scalar_spec {
  const numeric_function *fn;
  int argc;
  maths3 direct;
} scalar_spec;

static const struct {
  const char *name;
  maths3 f;
} direct_paths[] = {
    {"cagr", growth_cagr},
    {"project", growth_project},
    {"discount", growth_discount},
};

static maths3 direct_of(const numeric_function *fn, int argc) {
  for (size_t i = 0; argc == 3 && i < sizeof direct_paths / sizeof direct_paths[0];
       i++) {
    if (strcmp(direct_paths[i].name, fn->name) == 0) return direct_paths[i].f;
  }
  return 0;
}

/* The error of a flag argument that is neither 0 nor 1. */
static void flag_error(duckdb_function_info info, const numeric_function *fn,
                       int i, double x) {
  char number[40], message[160];
  ddb_number(x, number, sizeof number);
  snprintf(message, sizeof message, "%s(): %s is not 0 or 1: %s", fn->name,
           fn->arg_names[i], number);
  duckdb_scalar_function_set_error(info, message);
}

/* The rows with no NULL argument, through the direct maths. */
static void direct_rows(maths3 f, const double *const *col, idx_t rows,
                        double *out, duckdb_vector output) {
  uint64_t *mask = NULL;
  const double *a = col[0], *b = col[1], *c = col[2];
  for (idx_t r = 0; r < rows; r++) {
    if (f(a[r], b[r], c[r], &out[r]) != PMEXT_OK) {
      ddb_set_null(output, &mask, r);
    }
  }
}

static void numeric_scalar(duckdb_function_info info, duckdb_data_chunk input,
                           duckdb_vector output) {
  const scalar_spec *spec = duckdb_scalar_function_get_extra_info(info);
  const numeric_function *fn = spec->fn;
  idx_t rows = duckdb_data_chunk_get_size(input);
  const double *col[MAX_NUMERIC_ARGS];
  const uint64_t *valid[MAX_NUMERIC_ARGS];
  int any_mask = 0;
  for (int i = 0; i < spec->argc; i++) {
    duckdb_vector v = duckdb_data_chunk_get_vector(input, (idx_t)i);
    col[i] = duckdb_vector_get_data(v);
    valid[i] = duckdb_vector_get_validity(v);
    any_mask |= valid[i] != NULL;
  }
  double *out = duckdb_vector_get_data(output);
  if (spec->direct && !any_mask) {
    direct_rows(spec->direct, col, rows, out, output);
    return;
  }
  uint64_t *mask = NULL;
  double a[MAX_NUMERIC_ARGS];
  for (int i = spec->argc; i < fn->max_args; i++) a[i] = fn->defaults[i];
  for (idx_t r = 0; r < rows; r++) {
    int any_null = 0;
    for (int i = 0; i < spec->argc; i++) {
      if (!ddb_valid(valid[i], r)) {
        any_null = 1;
        continue;
      }
      a[i] = col[i][r];
      if ((fn->flag_args & NUMERIC_FLAG(i)) && a[i] != 0.0 && a[i] != 1.0) {
        flag_error(info, fn, i, a[i]);
        return;
      }
    }
    if (any_null || fn->eval(a, &out[r]) != PMEXT_OK) {
      ddb_set_null(output, &mask, r);
    }
  }
}

/* The overload of fn with argc DOUBLE arguments, added to `set`. */
static int add_overload(duckdb_scalar_function_set set,
                        const numeric_function *fn, int argc) {
  scalar_spec *spec = malloc(sizeof *spec);
  if (!spec) return 0;
  spec->fn = fn;
  spec->argc = argc;
  spec->direct = direct_of(fn, argc);
  duckdb_scalar_function f = duckdb_create_scalar_function();
  duckdb_logical_type number = ddb_double_type();
  duckdb_scalar_function_set_name(f, fn->name);
  for (int i = 0; i < argc; i++) duckdb_scalar_function_add_parameter(f, number);
  duckdb_scalar_function_set_return_type(f, number);
  duckdb_scalar_function_set_function(f, numeric_scalar);
  duckdb_scalar_function_set_extra_info(f, spec, free);
  if (fn->flag_args) duckdb_scalar_function_set_special_handling(f);
  int ok = duckdb_add_scalar_function_to_set(set, f) == DuckDBSuccess;
  duckdb_destroy_logical_type(&number);
  duckdb_destroy_scalar_function(&f);
  return ok;
}

/* One function set per name, with every arity of every catalogue row of
** that name. */
static int register_name(duckdb_connection con, const char *name) {
  duckdb_scalar_function_set set = duckdb_create_scalar_function_set(name);
  int ok = set != NULL;
  for (int i = 0; ok && i < numeric_function_count; i++) {
    const numeric_function *fn = &numeric_functions[i];
    if (strcmp(fn->name, name) != 0) continue;
    for (int n = fn->min_args; ok && n <= fn->max_args; n++) {
      ok = add_overload(set, fn, n);
    }
  }
  ok = ok && duckdb_register_scalar_function_set(con, set) == DuckDBSuccess;
  duckdb_destroy_scalar_function_set(&set);
  return ok;
}

const char *pmext_duckdb_register_scalars(duckdb_connection con) {
  for (int i = 0; i < numeric_function_count; i++) {
    const char *name = numeric_functions[i].name;
    int seen = 0;
    for (int j = 0; j < i && !seen; j++) {
      seen = strcmp(numeric_functions[j].name, name) == 0;
    }
    if (!seen && !register_name(con, name)) return name;
  }
  return 0;
}
