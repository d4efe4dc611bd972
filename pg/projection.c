/* SPDX-License-Identifier: MIT */
/*
** projection.c -- projection(start_value, rate, from_year, to_year) as a
** set-returning function for PostgreSQL: one row (year, value,
** growth_index) per year from from_year to to_year (counting down for a
** back-cast), value = project(start_value, rate, year - from_year) and
** growth_index = project(1, rate, year - from_year), from ext/math/growth.c.
**
** The rows, their bounds and errors are ext/math/projection_plan.c's, as
** in the SQLite build (ext/sql/projection.c): a NULL (STRICT) or infinite
** argument gives no rows; rate <= -1 gives the years with NULL value and
** growth_index; more than 1000000 years between from_year and to_year, or a
** year beyond +-2^53, is an error naming the arguments (SQLSTATE 22023).
** Unlike SQLite, `year` is always double precision (a SQL column has one
** type); a whole from_year gives whole years.
*/
#include "pg_args.h"

#include "math/projection_plan.h"

#include "access/htup_details.h"
#include "funcapi.h"

/* The plan of the call (ext/math/projection_plan.h); an error for a call
** that breaks a bound. */
static projection_plan *plan_of(FunctionCallInfo fcinfo) {
  double a[4];
  for (int i = 0; i < 4; i++) a[i] = PG_GETARG_FLOAT8(i);
  projection_plan *plan = palloc(sizeof *plan);
  projection_verdict verdict = projection_plan_make(a, plan);
  if (verdict == PROJECTION_ROWS || verdict == PROJECTION_NO_ROWS) return plan;
  char why[160];
  projection_plan_explain(plan, verdict, pmext_pg_number(a[2]),
                          pmext_pg_number(a[3]), why, sizeof why);
  ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                  errmsg("projection(): %s", why)));
  return NULL; /* not reached */
}

/* A column's value, or NULL (undefined). */
typedef pmext_status (*plan_column)(const projection_plan *, int64, double *);
static Datum column_of(plan_column column, const projection_plan *plan,
                       int64 k, bool *null) {
  double value = 0;
  *null = column(plan, k, &value) != PMEXT_OK;
  return *null ? (Datum)0 : Float8GetDatum(value);
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
    projection_plan *plan = plan_of(fcinfo);
    call->max_calls = (uint64)plan->count;
    call->user_fctx = plan;
    MemoryContextSwitchTo(old);
  }
  call = SRF_PERCALL_SETUP();
  if (call->call_cntr >= call->max_calls) SRF_RETURN_DONE(call);
  const projection_plan *plan = call->user_fctx;
  int64 k = (int64)call->call_cntr;
  Datum columns[3];
  bool nulls[3] = {false, false, false};
  columns[0] = Float8GetDatum(projection_plan_year(plan, k));
  columns[1] = column_of(projection_plan_value, plan, k, &nulls[1]);
  columns[2] = column_of(projection_plan_index, plan, k, &nulls[2]);
  HeapTuple tuple = heap_form_tuple(call->tuple_desc, columns, nulls);
  SRF_RETURN_NEXT(call, HeapTupleGetDatum(tuple));
}
