/* SPDX-License-Identifier: MIT */
/*
** aggregates.c -- growth and cash-flow aggregates over whole tables.
**
**   cagr(value, year)           endpoint CAGR: earliest year's value to the
**                               latest year's value (window)
**   cagr_fit(value, year)       trend growth: exp(slope of ln(value) on
**                               year) - 1, LOGEST's m - 1 (window)
**   npv(rate, value, period)    sum of value / (1+rate)^period (window)
**   irr(value, period)          the rate where npv is 0 (window)
**   xnpv(rate, value, date)     npv with t = (date - earliest date)/365
**   xirr(value, date)           the rate where xnpv is 0 (window)
**
** What each returns for which input (NULL rows, errors, undefined results,
** window frames) is the contract of docs/functions.md, "Aggregates and
** window functions"; tests/aggregates.test checks it requirement by
** requirement. This header says how.
**
** How it works (the cost of each in docs/functions.md, "Cost"):
**   - cagr_fit and npv keep no rows: exact sums (exact_sum.h) of what
**     each row contributes -- cagr_fit's x = year, x*x, y = ln(value) (a
**     double-double, xm_log_ratio) and x*y, the products exact; npv's term
**     value / (1+rate)^period -- and counts of rows that make the result
**     NULL (value <= 0; an undefined term). xInverse subtracts exactly what
**     xStep added, so a frame's result is the plain aggregate over its rows,
**     bit for bit, whatever came and went (an overflow, a huge term), in
**     O(1) per row and about 2 KB (cagr_fit) or 0.6 KB (npv) per group.
**   - cagr_fit (fit.c): slope = (n Sxy - Sx Sy) / (n Sxx - Sx^2), each
**     cross term formed exactly from the sums (expanded into three doubles
**     each) and rounded once to a double-double; the result expm1(slope). A count of
**     rows with value <= 0 makes the result NULL while any such row is in
**     the frame (LOGEST shows #NUM!).
**   - cagr keeps the frame's (value, year) rows in a queue (fifo.h): the
**     earliest and latest year after a removal may be any row's. A row
**     added updates the endpoints; a row removed marks them stale and the
**     next result finds them again (O(frame)). The rule is endpoints.c's:
**     a tie on the earliest or latest year with different values makes it
**     ambiguous: NULL rather than an answer that depends on row order.
**   - A one_rate (one_rate.h) tells whether the frame's rows share one
**     rate, in O(1) (npv and xnpv).
**   - irr, xirr, xnpv keep the rows as a queue of (value, t); xInverse
**     drops the oldest. xnpv also keeps the exact sum of the terms
**     discounted to the frame's earliest date: a row at a later date is
**     added or removed in O(1); when the earliest date changes the sum is
**     formed again from the rows.
**   - irr, xirr (flows.c): the rate is solved by solve_rate_fast() (solve.c) in
**     x = ln(1+r), with the sum scaled by e^(tc*x) (tc the earliest t when
**     x > 0, the latest when x < 0) so long horizons do not overflow.
**     Spreadsheet guess: 0.1; in a window, the previous frame's root when
**     the root is unique. Periods in steps of 0 or 1 are evaluated by
**     Horner's rule, with an error bound that sends any sign in doubt to
**     the exact kernel.
*/
#include "args.h"
#include "fifo.h"
#include "register.h"
#include "math/endpoints.h"
#include "math/fit.h"
#include "math/flows.h"
#include "math/growth.h"
#include "math/one_rate.h"

#include <math.h>
#include <string.h>

SQLITE_EXTENSION_INIT3

static const int aggregate_flags = SQLITE_UTF8 | SQLITE_INNOCUOUS;


/* --- helpers ------------------------------------------------------------ */

/* 1 when the frame's rows share one rate (one_rate.h); else 0 with the
** error set. Checked when a result is asked for, not per row: SQLite may
** add a frame's new rows before it removes the old ones. */
static int rate_check(sqlite3_context *ctx, const char *func,
                      const one_rate *r) {
  double a, b;
  if (!one_rate_mixed(r, &a, &b)) return 1;
  pmext_result_errorf(ctx, func,
                      "rate must be the same in every row: %!.15g and %!.15g",
                      a, b);
  return 0;
}

/* --- cagr, cagr_fit, npv: one (value, year) row at a time ------------------ */

typedef struct point {
  double value, year;
} point;

typedef struct cagr_state { /* cagr: the frame's rows and their endpoints */
  pmext_fifo rows; /* points of the frame, oldest first */
  int stale;       /* rows were removed since the endpoints were found */
  endpoints ends;  /* endpoints.c: earliest and latest row, ties */
} cagr_state;

/* A kind of series aggregate: `update` adds (sign 1) or removes (sign -1,
** the oldest row, xInverse) one row; 0 when out of memory. */
typedef struct series_kind {
  const char *name;
  int has_rate; /* a first argument rate, the same in every row */
  const char *arg_names[3]; /* [rate,] value, year */
  int state_size;
  int (*update)(void *state, double rate, point p, int sign);
  void (*result)(sqlite3_context *ctx, void *state); /* state: 0 no rows */
  void (*release)(void *state);                      /* 0: nothing to free */
} series_kind;

/* cagr keeps the rows: a row removed marks the endpoints stale, and the
** next result finds them again from the rows left. */
static int cagr_update(void *state, double rate, point p, int sign) {
  cagr_state *s = state;
  (void)rate;
  if (sign < 0) {
    pmext_fifo_pop(&s->rows); /* the oldest row leaves first */
    s->stale = 1;
    return 1;
  }
  point *slot = pmext_fifo_push(&s->rows, sizeof p);
  if (!slot) return 0;
  *slot = p;
  if (!s->stale) endpoints_add(&s->ends, p.year, p.value);
  return 1;
}

static void cagr_result(sqlite3_context *ctx, void *state) {
  cagr_state *s = state;
  double result = 0;
  pmext_status status = PMEXT_UNDEFINED;
  if (s && s->stale) {
    memset(&s->ends, 0, sizeof s->ends);
    s->stale = 0;
    const point *rows = pmext_fifo_first(&s->rows, sizeof *rows);
    for (sqlite3_int64 i = 0; i < s->rows.count; i++) {
      endpoints_add(&s->ends, rows[i].year, rows[i].value);
    }
  }
  if (s) status = endpoints_cagr(&s->ends, &result);
  pmext_result_status(ctx, status, result);
}

static void cagr_release(void *state) {
  pmext_fifo_free(&((cagr_state *)state)->rows);
}

/* cagr_fit: the exact sums of fit.c; removing a row subtracts exactly
** what adding it added. */
static int fit_update(void *state, double rate, point p, int sign) {
  (void)rate;
  fit_sums_update(state, p.year, p.value, sign);
  return 1;
}

static void fit_result(sqlite3_context *ctx, void *state) {
  double result = 0;
  pmext_status status = PMEXT_UNDEFINED;
  if (state) status = fit_sums_growth(state, &result);
  pmext_result_status(ctx, status, result);
}

/* npv: flows.c's exact sums of the rows' terms. */
static int npv_update(void *state, double rate, point p, int sign) {
  npv_sums_update(state, rate, p.value, p.year, sign);
  return 1;
}

static void npv_result(sqlite3_context *ctx, void *state) {
  const npv_sums *s = state;
  double result = 0;
  pmext_status status = PMEXT_UNDEFINED;
  if (s && !rate_check(ctx, "npv", &s->rates)) return;
  if (s) status = npv_sums_result(s, &result);
  pmext_result_status(ctx, status, result);
}

static const series_kind series_kinds[] = {
    {"cagr", 0, {"value", "year"}, sizeof(cagr_state), cagr_update,
     cagr_result, cagr_release},
    {"cagr_fit", 0, {"value", "year"}, sizeof(fit_sums), fit_update,
     fit_result, 0},
    {"npv", 1, {"rate", "value", "period"}, sizeof(npv_sums), npv_update,
     npv_result, 0},
};

/* Read a row: 1 with *p and *rate set, 0 skip (a NULL or an error, already
** set). */
static int series_read(sqlite3_context *ctx, sqlite3_value **argv, point *p,
                       double *rate) {
  const series_kind *kind = sqlite3_user_data(ctx);
  int n = kind->has_rate ? 3 : 2;
  double a[3];
  if (pmext_arg_numbers(ctx, kind->name, kind->arg_names, n, argv, a) !=
      ARG_OK) {
    return 0;
  }
  *rate = kind->has_rate ? a[0] : 0.0;
  p->value = a[n - 2];
  p->year = a[n - 1];
  return 1;
}

static void series_step(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  const series_kind *kind = sqlite3_user_data(ctx);
  point p;
  double rate;
  if (!series_read(ctx, argv, &p, &rate)) return;
  void *s = sqlite3_aggregate_context(ctx, kind->state_size);
  if (!s || !kind->update(s, rate, p, 1)) sqlite3_result_error_nomem(ctx);
}

static void series_inverse(sqlite3_context *ctx, int argc,
                           sqlite3_value **argv) {
  (void)argc;
  const series_kind *kind = sqlite3_user_data(ctx);
  point p;
  double rate;
  if (!series_read(ctx, argv, &p, &rate)) return; /* NULL rows: never added */
  void *s = sqlite3_aggregate_context(ctx, 0);
  if (s) kind->update(s, rate, p, -1);
}

static void series_value(sqlite3_context *ctx) {
  const series_kind *kind = sqlite3_user_data(ctx);
  kind->result(ctx, sqlite3_aggregate_context(ctx, 0));
}

static void series_final(sqlite3_context *ctx) {
  const series_kind *kind = sqlite3_user_data(ctx);
  void *s = sqlite3_aggregate_context(ctx, 0);
  kind->result(ctx, s);
  if (s && kind->release) kind->release(s);
}

/* --- irr, xirr, xnpv: the list of cash flows ------------------------------ */

typedef struct flow_state {
  pmext_fifo flows; /* of the frame, oldest first */
  one_rate rates;   /* xnpv's */
  /* irr, xirr: the previous frame's root, where the next solve starts */
  int has_root;
  double root;
  /* xnpv: the exact sum of the frame's terms discounted to `origin`, its
  ** earliest date (when `summed`) */
  int summed;
  double origin;
  term_sum terms;
} flow_state;

typedef struct flow_kind flow_kind;
struct flow_kind {
  const char *name;
  int has_rate; /* the first argument is a rate */
  int dated;    /* the last argument is a date: t in years of 365 days */
  const char *arg_names[3];
  /* the frame's result; `s` may keep what helps the next frame */
  pmext_status (*eval)(const flow_kind *kind, flow_state *s, double *out);
};

/* Read one row into *item and *rate: 1 ok, 0 skip (a NULL, or an error
** now set). */
static int flow_read(sqlite3_context *ctx, const flow_kind *kind, int argc,
                     sqlite3_value **argv, flow *item, double *rate) {
  double a[3] = {0, 0, 0};
  int n_numbers = kind->dated ? argc - 1 : argc;
  arg_status status =
      pmext_arg_numbers(ctx, kind->name, kind->arg_names, n_numbers, argv, a);
  if (status == ARG_ERROR) return 0;
  if (kind->dated) {
    arg_status date_status =
        pmext_arg_date(ctx, kind->name, kind->arg_names[argc - 1],
                       argv[argc - 1], &a[argc - 1]);
    if (date_status != ARG_OK) return 0;
  }
  if (status != ARG_OK) return 0;
  *rate = kind->has_rate ? a[0] : 0.0;
  item->value = a[argc - 2];
  item->t = a[argc - 1];
  return 1;
}

/* Add (sign 1) or subtract (-1) a row's term to xnpv's sum. */
static void xnpv_count(flow_state *s, double rate, flow item, int sign) {
  double term = 0;
  pmext_status status = flows_xnpv_term(rate, item, s->origin, &term);
  term_sum_update(&s->terms, status, term, sign);
}

static void flow_step(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  const flow_kind *kind = sqlite3_user_data(ctx);
  flow item;
  double rate;
  if (!flow_read(ctx, kind, argc, argv, &item, &rate)) return;
  flow_state *s = sqlite3_aggregate_context(ctx, sizeof *s);
  flow *slot = s ? pmext_fifo_push(&s->flows, sizeof item) : 0;
  if (!slot) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  *slot = item;
  one_rate_push(&s->rates, rate);
  if (!kind->has_rate) return;
  if (s->flows.count == 1) { /* the first row: the origin */
    s->summed = 1;
    s->origin = item.t;
    memset(&s->terms, 0, sizeof s->terms);
  }
  if (s->summed && item.t >= s->origin) {
    xnpv_count(s, rate, item, 1);
  } else {
    s->summed = 0; /* an earlier date: sum again at the next result */
  }
}

static void flow_inverse(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  const flow_kind *kind = sqlite3_user_data(ctx);
  flow item;
  double rate;
  if (!flow_read(ctx, kind, argc, argv, &item, &rate)) return;
  flow_state *s = sqlite3_aggregate_context(ctx, 0);
  if (!s) return;
  pmext_fifo_pop(&s->flows); /* the oldest row leaves first */
  one_rate_pop(&s->rates);
  if (s->summed && item.t > s->origin) {
    xnpv_count(s, rate, item, -1); /* the origin stays: exactly undone */
  } else {
    s->summed = 0; /* the earliest date may have left */
  }
}

static void flow_value(sqlite3_context *ctx) {
  const flow_kind *kind = sqlite3_user_data(ctx);
  flow_state *s = sqlite3_aggregate_context(ctx, 0);
  double result = 0;
  pmext_status status = PMEXT_UNDEFINED;
  if (s && !rate_check(ctx, kind->name, &s->rates)) return;
  if (s && s->flows.count > 0) status = kind->eval(kind, s, &result);
  pmext_result_status(ctx, status, result);
}

static void flow_final(sqlite3_context *ctx) {
  flow_value(ctx);
  flow_state *s = sqlite3_aggregate_context(ctx, 0);
  if (s) pmext_fifo_free(&s->flows);
}

static pmext_status eval_xnpv(const flow_kind *kind, flow_state *s,
                               double *out) {
  (void)kind;
  const flow *items = pmext_fifo_first(&s->flows, sizeof(flow));
  if (!s->summed) { /* sum again from the earliest date */
    s->origin = items[0].t;
    for (sqlite3_int64 i = 1; i < s->flows.count; i++) {
      if (items[i].t < s->origin) s->origin = items[i].t;
    }
    memset(&s->terms, 0, sizeof s->terms);
    for (sqlite3_int64 i = 0; i < s->flows.count; i++) {
      xnpv_count(s, s->rates.last, items[i], 1);
    }
    s->summed = 1;
  }
  return term_sum_result(&s->terms, out);
}

/* irr, xirr: flows_irr() (flows.c); a frame whose root is unique leaves it
** as the next frame's starting point. */
static pmext_status eval_irr(const flow_kind *kind, flow_state *s,
                              double *out) {
  int unique = 0;
  pmext_status status =
      flows_irr(pmext_fifo_first(&s->flows, sizeof(flow)), s->flows.count,
                kind->dated, s->has_root ? &s->root : 0, &unique, out);
  s->has_root = status == PMEXT_OK && unique;
  if (s->has_root) s->root = *out;
  return status;
}

static const flow_kind flow_kinds[] = {
    {"irr", 0, 0, {"value", "period"}, eval_irr},
    {"xirr", 0, 1, {"value", "date"}, eval_irr},
    {"xnpv", 1, 1, {"rate", "value", "date"}, eval_xnpv},
};

/* --- registration ---------------------------------------------------------- */

int pmext_register_aggregates(sqlite3 *db) {
  int rc = SQLITE_OK;
  for (size_t i = 0;
       rc == SQLITE_OK && i < sizeof series_kinds / sizeof series_kinds[0]; i++) {
    rc = sqlite3_create_window_function(
        db, series_kinds[i].name, series_kinds[i].has_rate ? 3 : 2,
        aggregate_flags, (void *)&series_kinds[i], series_step, series_final,
        series_value, series_inverse, 0);
  }
  for (size_t i = 0; rc == SQLITE_OK && i < sizeof flow_kinds / sizeof flow_kinds[0];
       i++) {
    const flow_kind *kind = &flow_kinds[i];
    rc = sqlite3_create_window_function(
        db, kind->name, kind->has_rate ? 3 : 2, aggregate_flags, (void *)kind,
        flow_step, flow_final, flow_value, flow_inverse, 0);
  }
  return rc;
}
