/* SPDX-License-Identifier: MIT */
/*
** projection.c -- projection(start_value, rate, from_year, to_year) as a
** set-returning function for PostgreSQL: one row (year, value,
** growth_index) per year from from_year to to_year (counting down for a
** back-cast), value = project(start_value, rate, year - from_year) and
** growth_index = project(1, rate, year - from_year), from ext/math/growth.c.
**
** As in the SQLite build (ext/sql/projection.c): a NULL (STRICT) or infinite
** argument gives no rows; rate <= -1 gives the years with NULL value and
** growth_index; more than 1000000 years between from_year and to_year, or a
** year beyond +-2^53, is an error naming the arguments (SQLSTATE 22023).
** Unlike SQLite, `year` is always double precision (a SQL column has one
** type); a whole from_year gives whole years.
*/
#include "pg_args.h"

#include "growth.h"

#include <math.h>

#include "access/htup_details.h"
#include "funcapi.h"

#define MAX_SPAN 1000000.0
#define MAX_EXACT_YEAR 0x1p53

typedef struct projection_state {
  double start_value, rate, from_year, direction;
} projection_state;

static const char *const year_names[] = {"from_year", "to_year"};

/* The number of rows, after the checks above (0: no rows). */
static uint64 projection_rows(const double *a) {
  for (int i = 0; i < 4; i++) {
    if (!isfinite(a[i])) return 0;
  }
  for (int i = 2; i < 4; i++) {
    if (fabs(a[i]) > MAX_EXACT_YEAR) {
      ereport(ERROR,
              (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
               errmsg("projection(): %s %s is beyond +-2^53, where whole "
                      "years are no longer exact",
                      year_names[i - 2], pmext_pg_number(a[i]))));
    }
  }
  double span = a[3] - a[2];
  if (fabs(span) > MAX_SPAN) {
    ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("projection(): more than %d years from from_year "
                           "%s to to_year %s",
                           (int)MAX_SPAN, pmext_pg_number(a[2]),
                           pmext_pg_number(a[3]))));
  }
  return (uint64)floor(fabs(span)) + 1;
}

PG_FUNCTION_INFO_V1(pmext_projection);
Datum pmext_projection(PG_FUNCTION_ARGS) {
  FuncCallContext *call;
  if (SRF_IS_FIRSTCALL()) {
    call = SRF_FIRSTCALL_INIT();
    MemoryContext old = MemoryContextSwitchTo(call->multi_call_memory_ctx);
    TupleDesc desc;
    if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE) {
      elog(ERROR, "projection(): the result must be a row type");
    }
    call->tuple_desc = BlessTupleDesc(desc);
    double a[4];
    for (int i = 0; i < 4; i++) a[i] = PG_GETARG_FLOAT8(i);
    projection_state *s = palloc(sizeof *s);
    s->start_value = a[0];
    s->rate = a[1];
    s->from_year = a[2];
    s->direction = a[3] < a[2] ? -1.0 : 1.0;
    call->max_calls = projection_rows(a);
    call->user_fctx = s;
    MemoryContextSwitchTo(old);
  }
  call = SRF_PERCALL_SETUP();
  if (call->call_cntr >= call->max_calls) SRF_RETURN_DONE(call);
  const projection_state *s = call->user_fctx;
  double years = s->direction * (double)call->call_cntr;
  double value, index;
  Datum columns[3];
  bool nulls[3] = {false, false, false};
  columns[0] = Float8GetDatum(s->from_year + years);
  if (growth_project(s->start_value, s->rate, years, &value) == PMEXT_OK) {
    columns[1] = Float8GetDatum(value);
  } else {
    nulls[1] = true;
    columns[1] = (Datum)0;
  }
  if (growth_project(1.0, s->rate, years, &index) == PMEXT_OK) {
    columns[2] = Float8GetDatum(index);
  } else {
    nulls[2] = true;
    columns[2] = (Datum)0;
  }
  HeapTuple tuple = heap_form_tuple(call->tuple_desc, columns, nulls);
  SRF_RETURN_NEXT(call, HeapTupleGetDatum(tuple));
}
