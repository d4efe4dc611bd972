/*
** growth_agg.c -- growth and cash-flow aggregates over whole tables.
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
** Requirements (tests/growth_agg.test checks them by number):
**   1. Rows with a NULL in any argument are skipped.
**   2. Non-numeric text or a blob is an error naming function, argument and
**      value; a date that is neither an ISO 'YYYY-MM-DD' (a time of day
**      after it is dropped) nor a number (julian day) likewise. npv's and
**      xnpv's rate must be the same in every row of a group or frame:
**      another rate is an error naming both values.
**   3. No rows, or an undefined result, give NULL (cases per function in
**      docs/functions.md), never NaN or Inf.
**   4. All are window functions too: xInverse removes a row, so
**      OVER (ORDER BY year ROWS 4 PRECEDING) gives rolling figures, each
**      equal to the aggregate over that frame's rows alone.
**
** How it works:
**   - cagr, cagr_fit and npv keep the frame's (value, year) rows in a queue
**     (fifo.h) beside a summary of them: cagr's first and last (year,
**     value), cagr_fit's sums, npv's sum of terms. A row added updates the
**     summary; a row removed (xInverse) only marks it stale, and the next
**     result rebuilds it from the kept rows. So a result is always the
**     plain aggregate over the frame's rows, computed the same way: a
**     running frame (nothing removed) costs O(1) per row, a sliding frame
**     O(frame) per row. (Subtracting a removed row's part from running
**     sums instead would keep a NaN for good once an overflow had passed
**     through them, and lose the small terms' digits once a large term
**     had left.)
**   - cagr: the earliest and latest (year, value) by endpoints.c's rule: a
**     tie on the earliest or latest year with different values makes it
**     ambiguous: NULL rather than an answer that depends on row order.
**   - cagr_fit: sums n, Sx, Sy, Sxx, Sxy of x = year - x0 and
**     y = ln(value) - y0, x0 and y0 from the summary's first row (centring
**     avoids the cancellation of years near 2024), each a compensated
**     (Neumaier) sum. A count of rows with value <= 0 makes the result
**     NULL while any such row is in the frame (LOGEST shows #NUM!).
**   - npv keeps each row's term (value / (1+rate)^period, NaN when
**     undefined: rate <= -1 or overflow), so a rebuild is only additions;
**     sums them with a compensated sum and counts the undefined ones. A
**     rate_run tells whether the frame's rows share one rate, in O(1)
**     (xnpv has one too).
**   - irr, xirr, xnpv keep the rows as a queue (rate, value, t); xInverse
**     drops the oldest. flows.c solves the rate (solve_rate(), spreadsheet
**     guess 0.1) and sums xnpv's terms.
*/
#include "args.h"
#include "endpoints.h"
#include "fifo.h"
#include "flows.h"
#include "growth.h"
#include "pmext.h"

#include <math.h>
#include <string.h>

SQLITE_EXTENSION_INIT3

static const int aggregate_flags = SQLITE_UTF8 | SQLITE_INNOCUOUS;


/* --- helpers ------------------------------------------------------------ */

/* A compensated (Neumaier) running sum of doubles: the rounding error of
** every addition is kept in `compensation`, which gives about twice the
** digits of a double. Doubles, not long doubles: SQLite's aggregate
** context is only 8-byte aligned. */
typedef struct ksum {
  double sum, compensation;
} ksum;

static void ksum_add(ksum *k, double x) {
  double t = k->sum + x;
  if (fabs(k->sum) >= fabs(x)) {
    k->compensation += (k->sum - t) + x;
  } else {
    k->compensation += (x - t) + k->sum;
  }
  k->sum = t;
}

/* The sum, with the compensation's digits kept in the long double. */
static long double ksum_value(const ksum *k) {
  return (long double)k->sum + k->compensation;
}

/* Whether every row of a frame has the same rate, in O(1) per row without
** keeping the rates: `run` counts the newest rows that share the newest
** row's rate. Rows leave from the oldest end, so the frame is uniform
** exactly when the run covers it; if not, the row just before the run is
** still in the frame, and its rate `before` differs. Checked when a result
** is asked for, not per row: SQLite may add a frame's new rows before it
** removes the old ones. */
typedef struct rate_run {
  double last, before;
  long long run, n;
} rate_run;

static void rate_push(rate_run *r, double rate) {
  if (r->n > 0 && rate == r->last) {
    r->run++;
  } else {
    r->before = r->last;
    r->last = rate;
    r->run = 1;
  }
  r->n++;
}

static void rate_pop(rate_run *r) {
  if (r->n > 0) r->n--;
  if (r->run > r->n) r->run = r->n;
}

/* 1 when the frame's rows share one rate; else 0 with the error set. */
static int rate_check(sqlite3_context *ctx, const char *func,
                      const rate_run *r) {
  if (r->run == r->n) return 1;
  pmext_result_errorf(ctx, func,
                      "rate must be the same in every row: %!.15g and %!.15g",
                      r->before, r->last);
  return 0;
}

static void result_status(sqlite3_context *ctx, growth_status status,
                          double value) {
  if (status == GROWTH_OK) {
    sqlite3_result_double(ctx, value);
  } else {
    sqlite3_result_null(ctx);
  }
}

/* --- cagr, cagr_fit, npv: a summary of the frame's (value, year) rows ---- */

typedef struct point {
  double value, year;
} point;

typedef struct fit_sums { /* cagr_fit */
  int centred;        /* x0, y0 are set */
  double x0;          /* the first row's year */
  double y0;          /* ln of the first positive value */
  long long n;        /* rows with value > 0 */
  long long bad;      /* rows with value <= 0 */
  ksum sx, sy, sxx, sxy;
} fit_sums;

typedef struct npv_sum { /* npv: the rows' value is their term */
  long long bad; /* rows with an undefined term */
  long long n;   /* rows */
  ksum sum;
} npv_sum;

typedef struct series_state {
  pmext_fifo rows; /* points of the frame, oldest first */
  int stale;       /* rows were removed since the summary was built */
  rate_run rates;  /* npv's */
  union {
    endpoints cagr;
    fit_sums fit;
    npv_sum npv;
  } summary;       /* of all rows when not stale; all zero: no rows */
} series_state;

typedef struct series_kind {
  const char *name;
  int has_rate; /* a first argument rate, the same in every row */
  const char *arg_names[3]; /* [rate,] value, year */
  void (*prepare)(double rate, point *p); /* 0, or turns a row into what is kept */
  void (*add)(series_state *s, point p);                /* to the summary */
  void (*result)(sqlite3_context *ctx, const series_state *s); /* s: 0 ok */
} series_kind;

static void cagr_add(series_state *state, point p) {
  endpoints_add(&state->summary.cagr, p.year, p.value);
}

static void cagr_result(sqlite3_context *ctx, const series_state *state) {
  double result = 0;
  growth_status status = GROWTH_UNDEFINED;
  if (state) status = endpoints_cagr(&state->summary.cagr, &result);
  result_status(ctx, status, result);
}

static void fit_add(series_state *state, point p) {
  fit_sums *s = &state->summary.fit;
  if (!(p.value > 0.0) || !isfinite(p.value) || !isfinite(p.year)) {
    s->bad++;
    return;
  }
  if (!s->centred) {
    s->centred = 1;
    s->x0 = p.year;
    s->y0 = log(p.value);
  }
  long double x = (long double)p.year - s->x0;
  long double y = logl(p.value) - s->y0;
  s->n++;
  ksum_add(&s->sx, (double)x);
  ksum_add(&s->sy, (double)y);
  ksum_add(&s->sxx, (double)(x * x));
  ksum_add(&s->sxy, (double)(x * y));
}

static void fit_result(sqlite3_context *ctx, const series_state *state) {
  const fit_sums *s = state ? &state->summary.fit : 0;
  if (!s || s->bad > 0 || s->n < 2) {
    sqlite3_result_null(ctx);
    return;
  }
  long double n = (long double)s->n;
  long double sx = ksum_value(&s->sx), sy = ksum_value(&s->sy);
  long double sxx = ksum_value(&s->sxx), sxy = ksum_value(&s->sxy);
  long double spread = sxx - sx * sx / n; /* n * variance of x */
  if (!(spread > 1e-14L * sxx)) {         /* all rows in one year */
    sqlite3_result_null(ctx);
    return;
  }
  double result = (double)expm1l((sxy - sx * sy / n) / spread);
  result_status(ctx, isfinite(result) ? GROWTH_OK : GROWTH_UNDEFINED, result);
}

/* npv keeps a row's term value / (1 + rate)^period (NaN when undefined:
** rate <= -1 or an overflow), so a rebuild only adds again. The frame's
** rows share the rate whenever a result is given. */
static void npv_prepare(double rate, point *p) {
  double term;
  if (growth_discount(p->value, rate, p->year, &term) != GROWTH_OK) {
    term = NAN;
  }
  p->value = term;
}

static void npv_add(series_state *state, point p) {
  npv_sum *s = &state->summary.npv;
  s->n++;
  if (isnan(p.value)) {
    s->bad++;
  } else {
    ksum_add(&s->sum, p.value);
  }
}

static void npv_result(sqlite3_context *ctx, const series_state *state) {
  const npv_sum *s = state ? &state->summary.npv : 0;
  if (!s || s->n == 0 || s->bad > 0) {
    sqlite3_result_null(ctx);
    return;
  }
  double result = (double)ksum_value(&s->sum);
  result_status(ctx, isfinite(result) ? GROWTH_OK : GROWTH_UNDEFINED, result);
}

static const series_kind series_kinds[] = {
    {"cagr", 0, {"value", "year"}, 0, cagr_add, cagr_result},
    {"cagr_fit", 0, {"value", "year"}, 0, fit_add, fit_result},
    {"npv", 1, {"rate", "value", "period"}, npv_prepare, npv_add, npv_result},
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
  if (kind->prepare) kind->prepare(rate, &p);
  series_state *s = sqlite3_aggregate_context(ctx, sizeof *s);
  point *slot = s ? pmext_fifo_push(&s->rows, sizeof p) : 0;
  if (!slot) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  *slot = p;
  rate_push(&s->rates, rate);
  if (!s->stale) kind->add(s, p);
}

static void series_inverse(sqlite3_context *ctx, int argc,
                           sqlite3_value **argv) {
  (void)argc;
  point p;
  double rate;
  if (!series_read(ctx, argv, &p, &rate)) return; /* NULL rows: never added */
  series_state *s = sqlite3_aggregate_context(ctx, 0);
  if (!s) return;
  pmext_fifo_pop(&s->rows); /* the oldest row leaves first */
  rate_pop(&s->rates);
  s->stale = 1;
}

static void series_value(sqlite3_context *ctx) {
  const series_kind *kind = sqlite3_user_data(ctx);
  series_state *s = sqlite3_aggregate_context(ctx, 0);
  if (s && kind->has_rate && !rate_check(ctx, kind->name, &s->rates)) return;
  if (s && s->stale) { /* rebuild the summary from the frame's rows */
    memset(&s->summary, 0, sizeof s->summary);
    const point *rows = pmext_fifo_first(&s->rows, sizeof *rows);
    for (sqlite3_int64 i = 0; i < s->rows.count; i++) kind->add(s, rows[i]);
    s->stale = 0;
  }
  kind->result(ctx, s);
}

static void series_final(sqlite3_context *ctx) {
  series_value(ctx);
  series_state *s = sqlite3_aggregate_context(ctx, 0);
  if (s) pmext_fifo_free(&s->rows);
}

/* --- irr, xirr, xnpv: the list of cash flows ------------------------------ */

typedef struct flow_state {
  pmext_fifo flows; /* of the frame, oldest first */
  rate_run rates;   /* xnpv's */
} flow_state;

typedef struct flow_kind flow_kind;
struct flow_kind {
  const char *name;
  int has_rate; /* the first argument is a rate */
  int dated;    /* the last argument is a date: t in years of 365 days */
  const char *arg_names[3];
  growth_status (*eval)(const flow_kind *kind, const pmext_fifo *flows,
                        double *out);
};

/* Read one row into *item: 1 ok, 0 skip (a NULL, or an error now set). */
static int flow_read(sqlite3_context *ctx, const flow_kind *kind, int argc,
                     sqlite3_value **argv, flow *item) {
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
  item->rate = kind->has_rate ? a[0] : 0.0;
  item->value = a[argc - 2];
  item->t = a[argc - 1];
  return 1;
}

static void flow_step(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  const flow_kind *kind = sqlite3_user_data(ctx);
  flow item;
  if (!flow_read(ctx, kind, argc, argv, &item)) return;
  flow_state *s = sqlite3_aggregate_context(ctx, sizeof *s);
  flow *slot = s ? pmext_fifo_push(&s->flows, sizeof item) : 0;
  if (!slot) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  *slot = item;
  rate_push(&s->rates, item.rate);
}

static void flow_inverse(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  const flow_kind *kind = sqlite3_user_data(ctx);
  flow item;
  if (!flow_read(ctx, kind, argc, argv, &item)) return;
  flow_state *s = sqlite3_aggregate_context(ctx, 0);
  if (!s) return;
  pmext_fifo_pop(&s->flows); /* the oldest row leaves first */
  rate_pop(&s->rates);
}

static void flow_value(sqlite3_context *ctx) {
  const flow_kind *kind = sqlite3_user_data(ctx);
  flow_state *s = sqlite3_aggregate_context(ctx, 0);
  double result = 0;
  growth_status status = GROWTH_UNDEFINED;
  if (s && !rate_check(ctx, kind->name, &s->rates)) return;
  if (s && s->flows.count > 0) status = kind->eval(kind, &s->flows, &result);
  result_status(ctx, status, result);
}

static void flow_final(sqlite3_context *ctx) {
  flow_value(ctx);
  flow_state *s = sqlite3_aggregate_context(ctx, 0);
  if (s) pmext_fifo_free(&s->flows);
}

static growth_status eval_irr(const flow_kind *kind, const pmext_fifo *flows,
                              double *out) {
  return flows_irr(pmext_fifo_first(flows, sizeof(flow)), flows->count,
                   kind->dated, out);
}

static growth_status eval_xnpv(const flow_kind *kind,
                               const pmext_fifo *flows, double *out) {
  return flows_xnpv(pmext_fifo_first(flows, sizeof(flow)), flows->count,
                    kind->dated, out);
}

static const flow_kind flow_kinds[] = {
    {"irr", 0, 0, {"value", "period"}, eval_irr},
    {"xirr", 0, 1, {"value", "date"}, eval_irr},
    {"xnpv", 1, 1, {"rate", "value", "date"}, eval_xnpv},
};

/* --- registration ---------------------------------------------------------- */

int pmext_register_growth_aggregates(sqlite3 *db) {
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
