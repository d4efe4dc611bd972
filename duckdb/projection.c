/* SPDX-License-Identifier: MIT */
/*
** projection.c -- projection(start_value, rate, from_year, to_year) as a
** DuckDB table function:
**
**   SELECT * FROM projection(616.26, 0.1137, 2025, 2034);
**
** One row (year, value, growth_index) per year from from_year to to_year
** (counting down for a back-cast); the rows, their bounds and errors are
** ext/math/projection_plan.c's, as in the SQLite and PostgreSQL builds. A
** NULL or infinite argument gives no rows; rate <= -1 the years with NULL
** value and growth_index; more than 1000000 years, or a year beyond
** +-2^53, is an error naming the arguments. `year` is a BIGINT when
** from_year is whole (every year is then whole), else a DOUBLE: DuckDB
** fixes a column's type when the call is bound, which is when the plan is
** made. The arguments are constants (DuckDB's table functions take no
** columns); for one projection per row of a table, use project().
**
** How it works: bind makes the plan and keeps it as the bind data; the
** scan keeps the next row k in its init data and fills each chunk from
** the plan, one thread.
*/
#include "adapter.h"

#include "math/projection_plan.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct projection_bind {
  projection_plan plan;
  int whole_years; /* year is a BIGINT */
} projection_bind;

/* Argument i: 1 with *out set, 0 when it is NULL. */
static int read_arg(duckdb_bind_info info, idx_t i, double *out) {
  duckdb_value value = duckdb_bind_get_parameter(info, i);
  int present = !duckdb_is_null_value(value);
  if (present) *out = duckdb_get_double(value);
  duckdb_destroy_value(&value);
  return present;
}

static void projection_bind_fn(duckdb_bind_info info) {
  double a[4];
  int any_null = 0;
  for (idx_t i = 0; i < 4; i++) any_null |= !read_arg(info, i, &a[i]);
  projection_bind *b = malloc(sizeof *b);
  if (!b) {
    duckdb_bind_set_error(info, "projection(): out of memory");
    return;
  }
  projection_verdict verdict = PROJECTION_NO_ROWS;
  if (any_null) {
    b->plan.count = 0;
    b->plan.from_year = 0;
  } else {
    verdict = projection_plan_make(a, &b->plan);
  }
  if (verdict == PROJECTION_YEAR_INEXACT || verdict == PROJECTION_SPAN_TOO_LONG) {
    char from[40], to[40], why[160], message[200];
    ddb_number(a[2], from, sizeof from);
    ddb_number(a[3], to, sizeof to);
    projection_plan_explain(&b->plan, verdict, from, to, why, sizeof why);
    snprintf(message, sizeof message, "projection(): %s", why);
    free(b);
    duckdb_bind_set_error(info, message);
    return;
  }
  b->whole_years = b->plan.from_year == floor(b->plan.from_year);
  duckdb_logical_type number = ddb_double_type();
  duckdb_logical_type year = b->whole_years
                                 ? duckdb_create_logical_type(DUCKDB_TYPE_BIGINT)
                                 : ddb_double_type();
  duckdb_bind_add_result_column(info, "year", year);
  duckdb_bind_add_result_column(info, "value", number);
  duckdb_bind_add_result_column(info, "growth_index", number);
  duckdb_destroy_logical_type(&year);
  duckdb_destroy_logical_type(&number);
  duckdb_bind_set_cardinality(info, (idx_t)b->plan.count, true);
  duckdb_bind_set_bind_data(info, b, free);
}

static void projection_init(duckdb_init_info info) {
  int64_t *next = malloc(sizeof *next);
  if (!next) {
    duckdb_init_set_error(info, "projection(): out of memory");
    return;
  }
  *next = 0;
  duckdb_init_set_init_data(info, next, free);
  duckdb_init_set_max_threads(info, 1);
}

static void projection_scan(duckdb_function_info info,
                            duckdb_data_chunk output) {
  const projection_bind *b = duckdb_function_get_bind_data(info);
  int64_t *next = duckdb_function_get_init_data(info);
  const projection_plan *plan = &b->plan;
  duckdb_vector years = duckdb_data_chunk_get_vector(output, 0);
  duckdb_vector values = duckdb_data_chunk_get_vector(output, 1);
  duckdb_vector indices = duckdb_data_chunk_get_vector(output, 2);
  double *value = duckdb_vector_get_data(values);
  double *index = duckdb_vector_get_data(indices);
  void *year_data = duckdb_vector_get_data(years);
  uint64_t *value_mask = NULL, *index_mask = NULL;
  idx_t room = duckdb_vector_size(), n = 0;
  for (; n < room && *next < plan->count; n++, (*next)++) {
    double year = projection_plan_year(plan, *next);
    if (b->whole_years) {
      ((int64_t *)year_data)[n] = (int64_t)year;
    } else {
      ((double *)year_data)[n] = year;
    }
    if (projection_plan_value(plan, *next, &value[n]) != PMEXT_OK) {
      ddb_set_null(values, &value_mask, n);
    }
    if (projection_plan_index(plan, *next, &index[n]) != PMEXT_OK) {
      ddb_set_null(indices, &index_mask, n);
    }
  }
  duckdb_data_chunk_set_size(output, n);
}

const char *pmext_duckdb_register_projection(duckdb_connection con) {
  duckdb_table_function f = duckdb_create_table_function();
  duckdb_logical_type number = ddb_double_type();
  duckdb_table_function_set_name(f, "projection");
  for (int i = 0; i < 4; i++) duckdb_table_function_add_parameter(f, number);
  duckdb_table_function_set_bind(f, projection_bind_fn);
  duckdb_table_function_set_init(f, projection_init);
  duckdb_table_function_set_function(f, projection_scan);
  duckdb_state state = duckdb_register_table_function(con, f);
  duckdb_destroy_logical_type(&number);
  duckdb_destroy_table_function(&f);
  return state == DuckDBSuccess ? 0 : "projection()";
}
