/* SPDX-License-Identifier: MIT */
/*
** aggregates.c -- pmext's aggregates in DuckDB, parallel: every state
** combines with another, so DuckDB aggregates each thread's rows apart and
** merges the states (and uses the same combine for window frames).
**
**   cagr_agg(value, year)      endpoints.c: earliest and latest row (the
**                              SQLite build's cagr(value, year): DuckDB
**                              keeps one kind of function per name, and
**                              cagr is the scalar)
**   cagr_fit(value, year)      fit.c: exact sums, merged exactly
**   npv(rate, value, period)   flows.c's npv_sums: exact sum of the terms
**                              and the one-rate tracker, merged exactly
**   irr(value, period)         the rows (value, t) in a growing array that
**   xirr(value, date)          combines by concatenation; solved by flows.c
**   xnpv(rate, value, date)    over the rows sorted by (t, value), so the
**                              digits do not depend on how rows were split
**                              among threads (xnpv: an exact sum, in any
**                              order)
**
** Conventions, as in the SQLite build (docs/functions.md, "Aggregates and
** window functions"): a row with a NULL argument is skipped; no rows, or
** an undefined result, give NULL; npv's and xnpv's rate must be the same
** in every row, else an error naming two of them. A date is a DATE, a
** TIMESTAMP (time of day dropped), a julian day number (DOUBLE), or text
** read as the SQLite build reads it (ext/math/iso_date.c, or a number);
** other text is an error naming function, argument and value.
**
** How it works: one table of kinds; update() reads each row's arguments
** into doubles (dates as julian days) and hands them to the kind's add();
** combine() calls its merge(), finalize() its result(). A list state owns
** its array (malloc) and frees it in destroy(); combine copies rows, so a
** state DuckDB combines from stays valid.
*/
#include "adapter.h"

#include "math/endpoints.h"
#include "math/fit.h"
#include "math/flows.h"
#include "math/iso_date.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Julian day of 1970-01-01 00:00, DuckDB's date and timestamp origin. */
#define UNIX_EPOCH_JULIAN_DAY 2440587.5
#define MICROS_PER_DAY 86400000000LL

/* How the last argument is given: a number, or a date of some type. */
typedef enum { ARG_NUMBER, ARG_DATE, ARG_TIMESTAMP, ARG_TEXT } arg_kind;

/* --- the cash flows of irr, xirr, xnpv ------------------------------------ */

typedef struct flow_list {
  flow *items;     /* malloc'ed; count of capacity in use */
  int64_t count, capacity;
  one_rate rates;  /* xnpv's */
} flow_list;

/* Room for n more flows: 1, or 0 when out of memory. */
static int flows_reserve(flow_list *s, int64_t n) {
  if (s->count + n <= s->capacity) return 1;
  int64_t capacity = s->capacity < 16 ? 16 : 2 * s->capacity;
  if (capacity < s->count + n) capacity = s->count + n;
  flow *items = realloc(s->items, (size_t)capacity * sizeof *items);
  if (!items) return 0;
  s->items = items;
  s->capacity = capacity;
  return 1;
}

/* --- the kinds ------------------------------------------------------------ */

typedef struct agg_kind agg_kind;
struct agg_kind {
  const char *name;
  int argc;
  const char *arg_names[3];
  size_t state_size;
  /* add the row a[0..argc) to the state: 0 when out of memory */
  int (*add)(void *state, const double *a);
  /* add every row of t to s: 0 when out of memory */
  int (*merge)(void *s, const void *t);
  /* the result, or PMEXT_UNDEFINED (NULL); 0 with *error set for an error */
  int (*result)(const agg_kind *kind, void *state, pmext_status *status,
                double *out, char *error, size_t error_size);
  void (*release)(void *state); /* 0: nothing to free */
};

static int cagr_add(void *state, const double *a) {
  endpoints_add(state, a[1], a[0]);
  return 1;
}

static int cagr_merge(void *s, const void *t) {
  endpoints_merge(s, t);
  return 1;
}

static int cagr_result(const agg_kind *kind, void *state, pmext_status *status,
                       double *out, char *error, size_t error_size) {
  (void)kind, (void)error, (void)error_size;
  *status = endpoints_cagr(state, out);
  return 1;
}

static int fit_add(void *state, const double *a) {
  fit_sums_update(state, a[1], a[0], 1);
  return 1;
}

static int fit_merge(void *s, const void *t) {
  fit_sums_merge(s, t);
  return 1;
}

static int fit_result(const agg_kind *kind, void *state, pmext_status *status,
                      double *out, char *error, size_t error_size) {
  (void)kind, (void)error, (void)error_size;
  *status = fit_sums_growth(state, out);
  return 1;
}

/* 1 when the rows share one rate; else 0 with the error written. */
static int rate_check(const char *func, const one_rate *r, char *error,
                      size_t error_size) {
  double a, b;
  if (!one_rate_mixed(r, &a, &b)) return 1;
  char x[40], y[40];
  ddb_number(a, x, sizeof x);
  ddb_number(b, y, sizeof y);
  snprintf(error, error_size,
           "%s(): rate must be the same in every row: %s and %s", func, x, y);
  return 0;
}

static int npv_add(void *state, const double *a) {
  npv_sums_update(state, a[0], a[1], a[2], 1);
  return 1;
}

static int npv_merge(void *s, const void *t) {
  npv_sums_merge(s, t);
  return 1;
}

static int npv_result(const agg_kind *kind, void *state, pmext_status *status,
                      double *out, char *error, size_t error_size) {
  npv_sums *s = state;
  if (!rate_check(kind->name, &s->rates, error, error_size)) return 0;
  *status = npv_sums_result(s, out);
  return 1;
}

/* irr, xirr: (value, t); xnpv: (rate, value, t). */
static int flows_add(void *state, const double *a, int has_rate) {
  flow_list *s = state;
  if (!flows_reserve(s, 1)) return 0;
  s->items[s->count].value = a[has_rate];
  s->items[s->count].t = a[has_rate + 1];
  s->count++;
  if (has_rate) one_rate_push(&s->rates, a[0]);
  return 1;
}

static int irr_add(void *state, const double *a) {
  return flows_add(state, a, 0);
}

static int xnpv_add(void *state, const double *a) {
  return flows_add(state, a, 1);
}

static int flows_merge(void *state, const void *other) {
  flow_list *s = state;
  const flow_list *t = other;
  if (t->count == 0) return 1;
  if (!flows_reserve(s, t->count)) return 0;
  memcpy(&s->items[s->count], t->items, (size_t)t->count * sizeof(flow));
  s->count += t->count;
  one_rate_merge(&s->rates, &t->rates);
  return 1;
}

static void flows_release(void *state) {
  flow_list *s = state;
  free(s->items);
  s->items = NULL;
  s->count = s->capacity = 0;
}

/* irr, xirr over the flows sorted (a copy: the state may be combined
** again in a window), xnpv over them as they are (an exact sum: the order
** does not matter); 0 with the error written when out of memory or for
** two rates. */
static int flows_result(const agg_kind *kind, void *state,
                        pmext_status *status, double *out, char *error,
                        size_t error_size) {
  flow_list *s = state;
  int has_rate = kind->argc == 3, dated = strcmp(kind->name, "irr") != 0;
  if (has_rate && !rate_check(kind->name, &s->rates, error, error_size)) {
    return 0;
  }
  *status = PMEXT_UNDEFINED;
  if (s->count == 0) return 1;
  if (has_rate) {
    *status = flows_xnpv(s->items, s->count, s->rates.last, out);
    return 1;
  }
  flow *sorted = malloc((size_t)s->count * sizeof *sorted);
  if (!sorted) {
    snprintf(error, error_size, "%s(): out of memory", kind->name);
    return 0;
  }
  memcpy(sorted, s->items, (size_t)s->count * sizeof *sorted);
  flows_sort(sorted, s->count);
  int unique;
  *status = flows_irr(sorted, s->count, dated, NULL, &unique, out);
  free(sorted);
  return 1;
}

static const agg_kind kinds[] = {
    {"cagr_agg", 2, {"value", "year"}, sizeof(endpoints), cagr_add,
     cagr_merge, cagr_result, 0},
    {"cagr_fit", 2, {"value", "year"}, sizeof(fit_sums), fit_add, fit_merge,
     fit_result, 0},
    {"npv", 3, {"rate", "value", "period"}, sizeof(npv_sums), npv_add,
     npv_merge, npv_result, 0},
    {"irr", 2, {"value", "period"}, sizeof(flow_list), irr_add, flows_merge,
     flows_result, flows_release},
    {"xirr", 2, {"value", "date"}, sizeof(flow_list), irr_add, flows_merge,
     flows_result, flows_release},
    {"xnpv", 3, {"rate", "value", "date"}, sizeof(flow_list), xnpv_add,
     flows_merge, flows_result, flows_release},
};

/* One registered overload: the kind and the type of its last argument. */
typedef struct agg_spec {
  const agg_kind *kind;
  arg_kind last;
} agg_spec;

/* --- reading a row --------------------------------------------------------- */

/* A text date (or number) as a julian day: 1, or 0 when it is neither. */
static int text_julian(duckdb_string_t *text, double *out) {
  uint32_t n = duckdb_string_t_length(*text);
  const char *chars = duckdb_string_t_data(text);
  if (iso_date_julian(chars, n, out)) return 1;
  char buf[64];
  if (n == 0 || n >= sizeof buf) return 0;
  memcpy(buf, chars, n);
  buf[n] = '\0';
  if (strspn(buf, "0123456789+-.eE ") != n) return 0; /* no nan, inf, hex */
  char *end;
  *out = strtod(buf, &end);
  while (*end == ' ') end++;
  return end != buf && *end == '\0';
}

/* The date column at row r as a julian day into *out: 1, or 0 with the
** error set (a text that is not a date). */
static int read_date(duckdb_function_info info, const agg_spec *spec,
                     int col, void *data, idx_t r, double *out) {
  switch (spec->last) {
    case ARG_DATE: {
      int32_t days = ((const duckdb_date *)data)[r].days;
      if (days == INT32_MAX || days == -INT32_MAX) {
        *out = days > 0 ? HUGE_VAL : -HUGE_VAL; /* infinity, -infinity */
      } else {
        *out = (double)days + UNIX_EPOCH_JULIAN_DAY;
      }
      return 1;
    }
    case ARG_NUMBER:
      *out = ((const double *)data)[r];
      return 1;
    case ARG_TIMESTAMP: {
      int64_t micros = ((const duckdb_timestamp *)data)[r].micros;
      if (micros == INT64_MAX || micros == -INT64_MAX) {
        *out = micros > 0 ? HUGE_VAL : -HUGE_VAL;
        return 1;
      }
      int64_t days = micros / MICROS_PER_DAY - (micros % MICROS_PER_DAY < 0);
      *out = (double)days + UNIX_EPOCH_JULIAN_DAY;
      return 1;
    }
    default: {
      duckdb_string_t *text = &((duckdb_string_t *)data)[r];
      if (text_julian(text, out)) return 1;
      char shown[48], message[200];
      uint32_t n = duckdb_string_t_length(*text);
      snprintf(shown, sizeof shown, "%.*s%s", (int)(n > 40 ? 40 : n),
               duckdb_string_t_data(text), n > 40 ? "..." : "");
      snprintf(message, sizeof message,
               "%s(): %s is not a YYYY-MM-DD date or a julian day: '%s'; "
               "cast it with CAST(col AS DATE)",
               spec->kind->name, spec->kind->arg_names[col], shown);
      duckdb_aggregate_function_set_error(info, message);
      return 0;
    }
  }
}

/* --- the callbacks --------------------------------------------------------- */

static idx_t agg_state_size(duckdb_function_info info) {
  const agg_spec *spec = duckdb_aggregate_function_get_extra_info(info);
  return (idx_t)spec->kind->state_size;
}

static void agg_init(duckdb_function_info info, duckdb_aggregate_state state) {
  const agg_spec *spec = duckdb_aggregate_function_get_extra_info(info);
  memset(state, 0, spec->kind->state_size);
}

static void agg_update(duckdb_function_info info, duckdb_data_chunk input,
                       duckdb_aggregate_state *states) {
  const agg_spec *spec = duckdb_aggregate_function_get_extra_info(info);
  const agg_kind *kind = spec->kind;
  idx_t rows = duckdb_data_chunk_get_size(input);
  void *data[3];
  const uint64_t *valid[3];
  for (int i = 0; i < kind->argc; i++) {
    duckdb_vector v = duckdb_data_chunk_get_vector(input, (idx_t)i);
    data[i] = duckdb_vector_get_data(v);
    valid[i] = duckdb_vector_get_validity(v);
  }
  int numbers = spec->last == ARG_NUMBER ? kind->argc : kind->argc - 1;
  int any_mask = 0;
  for (int i = 0; i < kind->argc; i++) any_mask |= valid[i] != NULL;
  double a[3];
  for (idx_t r = 0; r < rows; r++) {
    if (any_mask) {
      int skip = 0;
      for (int i = 0; i < kind->argc && !skip; i++) {
        skip = !ddb_valid(valid[i], r);
      }
      if (skip) continue;
    }
    for (int i = 0; i < numbers; i++) a[i] = ((const double *)data[i])[r];
    if (numbers < kind->argc &&
        !read_date(info, spec, numbers, data[numbers], r, &a[numbers])) {
      return;
    }
    if (!kind->add(states[r], a)) {
      duckdb_aggregate_function_set_error(info, "pmext: out of memory");
      return;
    }
  }
}

static void agg_combine(duckdb_function_info info,
                        duckdb_aggregate_state *source,
                        duckdb_aggregate_state *target, idx_t count) {
  const agg_spec *spec = duckdb_aggregate_function_get_extra_info(info);
  for (idx_t i = 0; i < count; i++) {
    if (!spec->kind->merge(target[i], source[i])) {
      duckdb_aggregate_function_set_error(info, "pmext: out of memory");
      return;
    }
  }
}

static void agg_finalize(duckdb_function_info info,
                         duckdb_aggregate_state *source, duckdb_vector result,
                         idx_t count, idx_t offset) {
  const agg_spec *spec = duckdb_aggregate_function_get_extra_info(info);
  double *out = duckdb_vector_get_data(result);
  uint64_t *mask = NULL;
  char error[200];
  for (idx_t i = 0; i < count; i++) {
    pmext_status status = PMEXT_UNDEFINED;
    if (!spec->kind->result(spec->kind, source[i], &status, &out[offset + i],
                            error, sizeof error)) {
      duckdb_aggregate_function_set_error(info, error);
      return;
    }
    if (status != PMEXT_OK) ddb_set_null(result, &mask, offset + i);
  }
}

static void agg_destroy_flows(duckdb_aggregate_state *states, idx_t count) {
  for (idx_t i = 0; i < count; i++) flows_release(states[i]);
}

/* --- registration ---------------------------------------------------------- */

static duckdb_logical_type type_of(arg_kind kind) {
  switch (kind) {
    case ARG_DATE: return duckdb_create_logical_type(DUCKDB_TYPE_DATE);
    case ARG_TIMESTAMP: return duckdb_create_logical_type(DUCKDB_TYPE_TIMESTAMP);
    case ARG_TEXT: return duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR);
    default: return ddb_double_type();
  }
}

static int add_overload(duckdb_aggregate_function_set set,
                        const agg_kind *kind, arg_kind last) {
  agg_spec *spec = malloc(sizeof *spec);
  if (!spec) return 0;
  spec->kind = kind;
  spec->last = last;
  duckdb_aggregate_function f = duckdb_create_aggregate_function();
  duckdb_logical_type number = ddb_double_type();
  duckdb_logical_type last_type = type_of(last);
  duckdb_aggregate_function_set_name(f, kind->name);
  for (int i = 0; i < kind->argc; i++) {
    duckdb_aggregate_function_add_parameter(
        f, i == kind->argc - 1 ? last_type : number);
  }
  duckdb_aggregate_function_set_return_type(f, number);
  duckdb_aggregate_function_set_functions(f, agg_state_size, agg_init,
                                          agg_update, agg_combine,
                                          agg_finalize);
  if (kind->release) {
    duckdb_aggregate_function_set_destructor(f, agg_destroy_flows);
  }
  duckdb_aggregate_function_set_extra_info(f, spec, free);
  int ok = duckdb_add_aggregate_function_to_set(set, f) == DuckDBSuccess;
  duckdb_destroy_logical_type(&number);
  duckdb_destroy_logical_type(&last_type);
  duckdb_destroy_aggregate_function(&f);
  return ok;
}

const char *pmext_duckdb_register_aggregates(duckdb_connection con) {
  static const arg_kind dates[] = {ARG_NUMBER, ARG_DATE, ARG_TIMESTAMP,
                                   ARG_TEXT};
  for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
    const agg_kind *kind = &kinds[k];
    int dated = strcmp(kind->arg_names[kind->argc - 1], "date") == 0;
    duckdb_aggregate_function_set set =
        duckdb_create_aggregate_function_set(kind->name);
    int ok = set != NULL;
    for (size_t d = 0; ok && d < (dated ? 4u : 1u); d++) {
      ok = add_overload(set, kind, dates[d]);
    }
    ok = ok && duckdb_register_aggregate_function_set(con, set) == DuckDBSuccess;
    duckdb_destroy_aggregate_function_set(&set);
    if (!ok) return kind->name;
  }
  return 0;
}
