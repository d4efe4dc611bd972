/* SPDX-License-Identifier: MIT */
/*
** aggregates.c -- pmext's growth and cash-flow aggregates for PostgreSQL,
** parallel-safe: every state has a combine function and a bytea
** serialisation, so parallel workers (and Citus) compute partial states
** that the leader merges.
**
**   cagr(value, year)        ext/math/endpoints.c: earliest and latest row;
**                            combine = endpoints_merge()
**   cagr_fit(value, year)    ext/math/fit.c: exact sums of year, year^2,
**                            ln(value), year*ln(value): merge exactly, and
**                            a row leaves a moving frame exactly
**   npv(rate, value, period) sum of growth_discount() terms in an
**                            exact_sum (ext/math/exact_sum.c): partial sums
**                            merge without losing a digit, and a row
**                            leaves a moving frame exactly (minvfunc)
**   irr(value, period), xirr(value, date), xnpv(rate, value, date)
**                            all the rows (value, t) in an array
**                            that combines by concatenation; solved by
**                            ext/math/flows.c (solve.c) as in SQLite, over the
**                            rows sorted by (t, value) so that the digits
**                            do not depend on how rows were split among
**                            workers; a row leaves a moving frame from the
**                            front
**
** Conventions, as in the SQLite build (ext/sql/aggregates.c): a row with a NULL
** argument is skipped; no rows, or an undefined result, give NULL; npv's and
** xnpv's rate must be the same in every row, else an error naming both
** values (SQLSTATE 22023). Dates: `date`, `timestamp` (the time of day is
** dropped), a julian day number, or text as PostgreSQL's date input reads
** it.
*/
#include "pg_args.h"

#include "math/endpoints.h"
#include "math/fit.h"
#include "math/flows.h"
#include "math/growth.h"
#include "math/one_rate.h"

#include <math.h>

#include "datatype/timestamp.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/timestamp.h"

/* Julian day of 2000-01-01 00:00, PostgreSQL's date and timestamp origin. */
#define POSTGRES_EPOCH_JULIAN_DAY 2451544.5

/* The memory context of the aggregate's state; an error outside one. */
static MemoryContext state_context(FunctionCallInfo fcinfo, const char *func) {
  MemoryContext context;
  if (!AggCheckCallContext(fcinfo, &context)) {
    elog(ERROR, "%s(): called outside an aggregate", func);
  }
  return context;
}

/* A zeroed state of `size` bytes in the aggregate's context. */
static void *state_new(FunctionCallInfo fcinfo, const char *func, Size size) {
  return MemoryContextAllocZero(state_context(fcinfo, func), size);
}

/* Argument 0, the state, or a new zeroed one when it is NULL (first row). */
static void *state_arg(FunctionCallInfo fcinfo, const char *func, Size size) {
  return PG_ARGISNULL(0) ? state_new(fcinfo, func, size) : PG_GETARG_POINTER(0);
}

/* In a combine function: with nothing to merge in (argument 1 NULL), return
** argument 0 as it is. */
#define COMBINE_NOTHING_TO_MERGE()                   \
  do {                                               \
    if (PG_ARGISNULL(1)) {                           \
      if (PG_ARGISNULL(0)) PG_RETURN_NULL();         \
      PG_RETURN_POINTER(PG_GETARG_POINTER(0));       \
    }                                                \
  } while (0)

/* A fixed-size state as bytea, and back (the states hold no pointers). */
static bytea *fixed_serialise(const void *state, Size size) {
  bytea *out = palloc(VARHDRSZ + size);
  SET_VARSIZE(out, VARHDRSZ + size);
  memcpy(VARDATA(out), state, size);
  return out;
}

static void *fixed_deserialise(FunctionCallInfo fcinfo, const char *func,
                               bytea *in, Size size) {
  if (VARSIZE_ANY_EXHDR(in) != size) {
    elog(ERROR, "%s(): partial state of %zu bytes, expected %zu", func,
         (size_t)VARSIZE_ANY_EXHDR(in), (size_t)size);
  }
  void *state = palloc(size);
  memcpy(state, VARDATA_ANY(in), size);
  return state;
}

/* pmext_<name>_combine(), pmext_<name>_serial() and pmext_<name>_deserial()
** for a fixed-size state of C type `type`, merged by merge(state, other). */
#define FIXED_STATE_FUNCTIONS(name, type, merge)                            \
  PG_FUNCTION_INFO_V1(pmext_##name##_combine);                              \
  Datum pmext_##name##_combine(PG_FUNCTION_ARGS) {                          \
    COMBINE_NOTHING_TO_MERGE();                                             \
    type *s = state_arg(fcinfo, #name, sizeof *s);                          \
    merge(s, (const type *)PG_GETARG_POINTER(1));                           \
    PG_RETURN_POINTER(s);                                                   \
  }                                                                         \
  PG_FUNCTION_INFO_V1(pmext_##name##_serial);                               \
  Datum pmext_##name##_serial(PG_FUNCTION_ARGS) {                           \
    PG_RETURN_BYTEA_P(fixed_serialise(PG_GETARG_POINTER(0), sizeof(type))); \
  }                                                                         \
  PG_FUNCTION_INFO_V1(pmext_##name##_deserial);                             \
  Datum pmext_##name##_deserial(PG_FUNCTION_ARGS) {                         \
    PG_RETURN_POINTER(fixed_deserialise(fcinfo, #name,                      \
                                        PG_GETARG_BYTEA_PP(0), sizeof(type))); \
  }

/* pmext_<name>_final(): result(state, &value) for a fixed-size state of C
** type `type`; NULL for no rows or an undefined result. */
#define FIXED_STATE_FINAL(name, type, result)                               \
  PG_FUNCTION_INFO_V1(pmext_##name##_final);                                \
  Datum pmext_##name##_final(PG_FUNCTION_ARGS) {                            \
    double value;                                                           \
    if (PG_ARGISNULL(0) ||                                                  \
        result((const type *)PG_GETARG_POINTER(0), &value) != PMEXT_OK) {   \
      PG_RETURN_NULL();                                                     \
    }                                                                       \
    PG_RETURN_FLOAT8(value);                                                \
  }

/* An error when the rows have two rates (one_rate.h). */
static void one_rate_check(const one_rate *r, const char *func) {
  double a, b;
  if (!one_rate_mixed(r, &a, &b)) return;
  ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                  errmsg("%s(): rate must be the same in every row: %s and %s",
                         func, pmext_pg_number(a), pmext_pg_number(b))));
}

/* --- cagr(value, year) ---------------------------------------------------- */

PG_FUNCTION_INFO_V1(pmext_cagr_step);
Datum pmext_cagr_step(PG_FUNCTION_ARGS) {
  endpoints *s = state_arg(fcinfo, "cagr", sizeof *s);
  if (!PG_ARGISNULL(1) && !PG_ARGISNULL(2)) {
    endpoints_add(s, PG_GETARG_FLOAT8(2), PG_GETARG_FLOAT8(1));
  }
  PG_RETURN_POINTER(s);
}

FIXED_STATE_FUNCTIONS(cagr, endpoints, endpoints_merge)
FIXED_STATE_FINAL(cagr, endpoints, endpoints_cagr)

/* --- cagr_fit(value, year) ----------------------------------------------- */

/* Add (sign 1) or remove (-1) the row unless it has a NULL. */
static Datum fit_row(FunctionCallInfo fcinfo, int sign) {
  fit_sums *s = state_arg(fcinfo, "cagr_fit", sizeof *s);
  if (!PG_ARGISNULL(1) && !PG_ARGISNULL(2)) {
    fit_sums_update(s, PG_GETARG_FLOAT8(2), PG_GETARG_FLOAT8(1), sign);
  }
  PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(pmext_cagr_fit_step);
Datum pmext_cagr_fit_step(PG_FUNCTION_ARGS) { return fit_row(fcinfo, 1); }

PG_FUNCTION_INFO_V1(pmext_cagr_fit_inverse);
Datum pmext_cagr_fit_inverse(PG_FUNCTION_ARGS) { return fit_row(fcinfo, -1); }

FIXED_STATE_FUNCTIONS(cagr_fit, fit_sums, fit_sums_merge)
FIXED_STATE_FINAL(cagr_fit, fit_sums, fit_sums_growth)

/* --- npv(rate, value, period) --------------------------------------------- */

/* Add (sign 1) or remove (-1, the oldest row of a moving frame) the row
** unless it has a NULL: flows.c's npv_sums. */
static Datum npv_row(FunctionCallInfo fcinfo, int sign) {
  npv_sums *s = state_arg(fcinfo, "npv", sizeof *s);
  if (!PG_ARGISNULL(1) && !PG_ARGISNULL(2) && !PG_ARGISNULL(3)) {
    npv_sums_update(s, PG_GETARG_FLOAT8(1), PG_GETARG_FLOAT8(2),
                    PG_GETARG_FLOAT8(3), sign);
  }
  PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(pmext_npv_step);
Datum pmext_npv_step(PG_FUNCTION_ARGS) { return npv_row(fcinfo, 1); }

PG_FUNCTION_INFO_V1(pmext_npv_inverse);
Datum pmext_npv_inverse(PG_FUNCTION_ARGS) { return npv_row(fcinfo, -1); }

PG_FUNCTION_INFO_V1(pmext_npv_final);
Datum pmext_npv_final(PG_FUNCTION_ARGS) {
  if (PG_ARGISNULL(0)) PG_RETURN_NULL();
  const npv_sums *s = (const npv_sums *)PG_GETARG_POINTER(0);
  one_rate_check(&s->rates, "npv");
  double result;
  if (npv_sums_result(s, &result) != PMEXT_OK) PG_RETURN_NULL();
  PG_RETURN_FLOAT8(result);
}

FIXED_STATE_FUNCTIONS(npv, npv_sums, npv_sums_merge)

/* --- irr, xirr, xnpv: the list of cash flows ------------------------------ */

typedef struct flow_list {
  int64 head;     /* flows before head have left a moving frame */
  int64 count;    /* flows in use: items[head .. count) */
  int64 capacity;
  one_rate rate;  /* xnpv's */
  flow *items;    /* in the aggregate's context */
  MemoryContext context;
} flow_list;

/* The header of a serialised list; the flows follow. */
typedef struct flow_wire {
  int64 count;
  one_rate rate;
} flow_wire;

static flow_list *flows_new(FunctionCallInfo fcinfo, const char *func) {
  MemoryContext context = state_context(fcinfo, func);
  flow_list *s = MemoryContextAllocZero(context, sizeof *s);
  s->context = context;
  return s;
}

static void flows_push(flow_list *s, const flow *items, int64 n) {
  if (s->count + n > s->capacity) {
    int64 capacity = Max(16, Max(2 * s->capacity, s->count + n));
    Size bytes = (Size)capacity * sizeof(flow);
    s->items = s->items ? repalloc_huge(s->items, bytes)
                        : MemoryContextAllocHuge(s->context, bytes);
    s->capacity = capacity;
  }
  memcpy(&s->items[s->count], items, (Size)n * sizeof(flow));
  s->count += n;
}

/* The row's flow from arguments 1.. (rate first for xnpv); 0 to skip it. */
typedef double (*date_reader)(FunctionCallInfo fcinfo, int arg);

static int flow_row(FunctionCallInfo fcinfo, int has_rate, date_reader date,
                    flow *f, double *rate) {
  int first = 1, last = has_rate ? 3 : 2;
  for (int i = first; i <= last; i++) {
    if (PG_ARGISNULL(i)) return 0;
  }
  *rate = has_rate ? PG_GETARG_FLOAT8(1) : 0.0;
  f->value = PG_GETARG_FLOAT8(last - 1);
  f->t = date ? date(fcinfo, last) : PG_GETARG_FLOAT8(last);
  return 1;
}

static double date_of_date(FunctionCallInfo fcinfo, int arg) {
  DateADT d = PG_GETARG_DATEADT(arg);
  if (DATE_NOT_FINITE(d)) return d < 0 ? -HUGE_VAL : HUGE_VAL;
  return (double)d + POSTGRES_EPOCH_JULIAN_DAY;
}

static double date_of_timestamp(FunctionCallInfo fcinfo, int arg) {
  Timestamp t = PG_GETARG_TIMESTAMP(arg);
  if (TIMESTAMP_NOT_FINITE(t)) return t < 0 ? -HUGE_VAL : HUGE_VAL;
  int64 days = t / USECS_PER_DAY - (t % USECS_PER_DAY < 0); /* floor */
  return (double)days + POSTGRES_EPOCH_JULIAN_DAY;
}

static double date_of_text(FunctionCallInfo fcinfo, int arg) {
  char *chars = text_to_cstring(PG_GETARG_TEXT_PP(arg));
  Datum d = DirectFunctionCall1(date_in, CStringGetDatum(chars));
  DateADT day = DatumGetDateADT(d);
  if (DATE_NOT_FINITE(day)) return day < 0 ? -HUGE_VAL : HUGE_VAL;
  return (double)day + POSTGRES_EPOCH_JULIAN_DAY;
}

static Datum flow_step(FunctionCallInfo fcinfo, const char *func,
                       int has_rate, date_reader date) {
  flow_list *s = PG_ARGISNULL(0) ? flows_new(fcinfo, func)
                                 : (flow_list *)PG_GETARG_POINTER(0);
  flow f;
  double rate;
  if (flow_row(fcinfo, has_rate, date, &f, &rate)) {
    flows_push(s, &f, 1);
    one_rate_push(&s->rate, rate);
  }
  PG_RETURN_POINTER(s);
}

/* The oldest row leaves a moving frame (PostgreSQL removes rows in the
** order it added them). */
static Datum flow_inverse(FunctionCallInfo fcinfo, int has_rate,
                          date_reader date) {
  flow_list *s = (flow_list *)PG_GETARG_POINTER(0);
  flow f;
  double rate;
  if (!flow_row(fcinfo, has_rate, date, &f, &rate)) PG_RETURN_POINTER(s);
  if (s->head >= s->count) PG_RETURN_NULL(); /* not ours: recompute */
  s->head++;
  one_rate_pop(&s->rate);
  if (s->head == s->count) s->head = s->count = 0;
  PG_RETURN_POINTER(s);
}

#define FLOW_FUNCTIONS(name, has_rate, date)                          \
  PG_FUNCTION_INFO_V1(pmext_##name##_step);                           \
  Datum pmext_##name##_step(PG_FUNCTION_ARGS) {                       \
    return flow_step(fcinfo, #name, has_rate, date);                  \
  }                                                                   \
  PG_FUNCTION_INFO_V1(pmext_##name##_inverse);                        \
  Datum pmext_##name##_inverse(PG_FUNCTION_ARGS) {                    \
    return flow_inverse(fcinfo, has_rate, date);                      \
  }

FLOW_FUNCTIONS(irr, 0, NULL)
FLOW_FUNCTIONS(xirr_date, 0, date_of_date)
FLOW_FUNCTIONS(xirr_timestamp, 0, date_of_timestamp)
FLOW_FUNCTIONS(xirr_text, 0, date_of_text)
FLOW_FUNCTIONS(xirr_julian, 0, NULL)
FLOW_FUNCTIONS(xnpv_date, 1, date_of_date)
FLOW_FUNCTIONS(xnpv_timestamp, 1, date_of_timestamp)
FLOW_FUNCTIONS(xnpv_text, 1, date_of_text)
FLOW_FUNCTIONS(xnpv_julian, 1, NULL)

PG_FUNCTION_INFO_V1(pmext_flows_combine);
Datum pmext_flows_combine(PG_FUNCTION_ARGS) {
  COMBINE_NOTHING_TO_MERGE();
  flow_list *s = PG_ARGISNULL(0) ? flows_new(fcinfo, "irr")
                                 : (flow_list *)PG_GETARG_POINTER(0);
  const flow_list *t = (const flow_list *)PG_GETARG_POINTER(1);
  if (t->count > t->head) {
    flows_push(s, &t->items[t->head], t->count - t->head);
  }
  one_rate_merge(&s->rate, &t->rate);
  PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(pmext_flows_serial);
Datum pmext_flows_serial(PG_FUNCTION_ARGS) {
  const flow_list *s = (const flow_list *)PG_GETARG_POINTER(0);
  flow_wire wire = {s->count - s->head, s->rate};
  Size bytes = sizeof wire + (Size)wire.count * sizeof(flow);
  bytea *out = palloc_extended(VARHDRSZ + bytes, MCXT_ALLOC_HUGE);
  SET_VARSIZE(out, VARHDRSZ + bytes);
  memcpy(VARDATA(out), &wire, sizeof wire);
  if (wire.count > 0) {
    memcpy(VARDATA(out) + sizeof wire, &s->items[s->head],
           (Size)wire.count * sizeof(flow));
  }
  PG_RETURN_BYTEA_P(out);
}

PG_FUNCTION_INFO_V1(pmext_flows_deserial);
Datum pmext_flows_deserial(PG_FUNCTION_ARGS) {
  bytea *in = PG_GETARG_BYTEA_PP(0);
  Size bytes = VARSIZE_ANY_EXHDR(in);
  flow_wire wire;
  if (bytes < sizeof wire) elog(ERROR, "irr(): partial state too short");
  memcpy(&wire, VARDATA_ANY(in), sizeof wire);
  if (wire.count < 0 || bytes != sizeof wire + (Size)wire.count * sizeof(flow)) {
    elog(ERROR, "irr(): partial state of %zu bytes for %lld flows",
         (size_t)bytes, (long long)wire.count);
  }
  flow_list *s = palloc0(sizeof *s);
  s->context = CurrentMemoryContext;
  s->rate = wire.rate;
  if (wire.count > 0) {
    flows_push(s, (const flow *)(VARDATA_ANY(in) + sizeof wire), wire.count);
  }
  PG_RETURN_POINTER(s);
}

/* The flows still in the state (NULL result when there are none), after
** checking the rate is one. */
static const flow_list *flows_final_state(FunctionCallInfo fcinfo,
                                          const char *func) {
  if (PG_ARGISNULL(0)) return NULL;
  const flow_list *s = (const flow_list *)PG_GETARG_POINTER(0);
  one_rate_check(&s->rate, func);
  return s->count > s->head ? s : NULL;
}

static Datum irr_final(FunctionCallInfo fcinfo, const char *func, int dated) {
  const flow_list *s = flows_final_state(fcinfo, func);
  if (!s) PG_RETURN_NULL();
  int64 n = s->count - s->head;
  /* A sorted copy: the state may still be in use (a moving frame). */
  flow *sorted = palloc_extended((Size)n * sizeof(flow), MCXT_ALLOC_HUGE);
  memcpy(sorted, &s->items[s->head], (Size)n * sizeof(flow));
  flows_sort(sorted, n);
  double result;
  int unique;
  pmext_status status = flows_irr(sorted, n, dated, NULL, &unique, &result);
  pfree(sorted);
  if (status != PMEXT_OK) PG_RETURN_NULL();
  PG_RETURN_FLOAT8(result);
}

PG_FUNCTION_INFO_V1(pmext_irr_final);
Datum pmext_irr_final(PG_FUNCTION_ARGS) { return irr_final(fcinfo, "irr", 0); }

PG_FUNCTION_INFO_V1(pmext_xirr_final);
Datum pmext_xirr_final(PG_FUNCTION_ARGS) {
  return irr_final(fcinfo, "xirr", 1);
}

/* xnpv's exact sum does not depend on the order of the flows. */
PG_FUNCTION_INFO_V1(pmext_xnpv_final);
Datum pmext_xnpv_final(PG_FUNCTION_ARGS) {
  const flow_list *s = flows_final_state(fcinfo, "xnpv");
  double result;
  if (!s || flows_xnpv(&s->items[s->head], s->count - s->head, s->rate.last,
                       &result) != PMEXT_OK) {
    PG_RETURN_NULL();
  }
  PG_RETURN_FLOAT8(result);
}
