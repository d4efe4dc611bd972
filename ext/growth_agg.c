/*
** growth_agg.c -- growth and cash-flow aggregates over whole tables.
**
**   cagr(value, year)           endpoint CAGR: earliest year's value to the
**                               latest year's value (aggregate)
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
**      value; a date that is neither an ISO 'YYYY-MM-DD' nor a number
**      (julian day) likewise.
**   3. No rows, or an undefined result, give NULL (cases per function in
**      docs/functions.md), never NaN or Inf.
**   4. All but cagr() are window functions too: xInverse removes a row, so
**      OVER (ORDER BY year ROWS 4 PRECEDING) gives rolling figures.
**
** How it works:
**   - cagr keeps the first and last (year, value) seen. A tie on the
**     earliest or latest year with different values makes it ambiguous:
**     NULL rather than an answer that depends on row order.
**   - cagr_fit keeps running sums n, Sx, Sy, Sxx, Sxy of x = year - x0 and
**     y = ln(value) - y0 (x0, y0 the first row's; centring avoids the
**     cancellation of years near 2024), each a compensated (Neumaier) sum
**     so that removing rows again (xInverse) leaves no residue. A count of rows with value <= 0 makes the result NULL while
**     any such row is in the frame (LOGEST shows #NUM! for them).
**   - npv keeps a compensated sum of its terms and a count of undefined
**     terms (rate <= -1 or overflow).
**   - irr, xirr, xnpv keep the rows as a list (rate, value, t). SQLite
**     removes rows from a window frame in the order it added them, so
**     xInverse drops the oldest entry. The rate is solved by solve_rate()
**     (solve.c) in x = ln(1+r), with the sum scaled by e^(tc*x) (tc the
**     earliest t when x > 0, the latest when x < 0) so long horizons do
**     not overflow. Spreadsheet guess: 0.1.
*/
#include "args.h"
#include "growth.h"
#include "pmext.h"
#include "solve.h"

#include <math.h>
#include <string.h>

SQLITE_EXTENSION_INIT3

static const int aggregate_flags = SQLITE_UTF8 | SQLITE_INNOCUOUS;

#define IRR_GUESS 0.1
#define DAYS_PER_YEAR 365.0

/* --- helpers ------------------------------------------------------------ */

/* A compensated (Neumaier) running sum: the rounding error of every
** addition is kept in `compensation`, which gives about twice the digits of
** a double. Doubles, not long doubles: SQLite's aggregate context is only
** 8-byte aligned. */
typedef struct ksum {
  double sum, compensation;
} ksum;

static void ksum_add(ksum *k, long double addend) {
  double x = (double)addend;
  double t = k->sum + x;
  if (fabs(k->sum) >= fabs(x)) {
    k->compensation += (k->sum - t) + x;
  } else {
    k->compensation += (x - t) + k->sum;
  }
  k->sum = t;
}

static long double ksum_value(const ksum *k) {
  return (long double)k->sum + k->compensation;
}

/* Read argv[0..argc-1] as numbers. 1: all read; 0: a NULL (skip the row);
** -1: an error, already set on ctx. */
static int read_numbers(sqlite3_context *ctx, const char *func,
                        const char *const *names, int argc,
                        sqlite3_value **argv, double *out) {
  int any_null = 0;
  for (int i = 0; i < argc; i++) {
    switch (pmext_arg_number(ctx, func, names[i], argv[i], &out[i])) {
      case ARG_OK:
        break;
      case ARG_NULL:
        any_null = 1;
        break;
      case ARG_ERROR:
        return -1;
    }
  }
  return any_null ? 0 : 1;
}

/* Days from 1970-01-01 of a proleptic Gregorian date. */
static long days_from_civil(long y, long m, long d) {
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

/* 'YYYY-MM-DD' (a real calendar date) as a julian day number, as SQLite's
** julianday() gives it. 0 when the text is not such a date. */
static int parse_iso_date(const char *text, int n, double *julian) {
  static const int month_days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (n != 10 || text[4] != '-' || text[7] != '-') return 0;
  int digits[8], k = 0;
  for (int i = 0; i < 10; i++) {
    if (i == 4 || i == 7) continue;
    if (text[i] < '0' || text[i] > '9') return 0;
    digits[k++] = text[i] - '0';
  }
  long y = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3];
  long m = digits[4] * 10 + digits[5];
  long d = digits[6] * 10 + digits[7];
  int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (m < 1 || m > 12 || d < 1 || d > month_days[m - 1]) return 0;
  if (m == 2 && d == 29 && !leap) return 0;
  *julian = (double)days_from_civil(y, m, d) + 2440587.5;
  return 1;
}

/* A date argument: ISO text or a number (julian day). Same 1/0/-1 as
** read_numbers. */
static int read_date(sqlite3_context *ctx, const char *func, const char *name,
                     sqlite3_value *value, double *out) {
  int type = sqlite3_value_type(value);
  if (type == SQLITE_NULL) return 0;
  if (type == SQLITE_TEXT) {
    const char *text = (const char *)sqlite3_value_text(value);
    if (!text) {
      sqlite3_result_error_nomem(ctx);
      return -1;
    }
    if (parse_iso_date(text, sqlite3_value_bytes(value), out)) return 1;
  }
  if (type != SQLITE_BLOB && sqlite3_value_numeric_type(value) != SQLITE_TEXT) {
    *out = sqlite3_value_double(value);
    return 1;
  }
  char *shown = pmext_quote_value(value);
  if (shown) {
    pmext_result_errorf(ctx, func,
                        "%s is not a YYYY-MM-DD date or a julian day: %s",
                        name, shown);
  } else {
    sqlite3_result_error_nomem(ctx);
  }
  sqlite3_free(shown);
  return -1;
}

static void result_status(sqlite3_context *ctx, growth_status status,
                          double value) {
  if (status == GROWTH_OK) {
    sqlite3_result_double(ctx, value);
  } else {
    sqlite3_result_null(ctx);
  }
}

/* --- cagr(value, year): endpoints ---------------------------------------- */

typedef struct endpoint {
  double year, value;
  int ambiguous; /* the same year seen again with another value */
} endpoint;

typedef struct cagr_state {
  int seen;
  endpoint first, last;
} cagr_state;

static void endpoint_set(endpoint *e, double year, double value) {
  e->year = year;
  e->value = value;
  e->ambiguous = 0;
}

static void cagr_step(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  static const char *const names[] = {"value", "year"};
  double a[2];
  if (read_numbers(ctx, "cagr", names, argc, argv, a) != 1) return;
  cagr_state *s = sqlite3_aggregate_context(ctx, sizeof *s);
  if (!s) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  double value = a[0], year = a[1];
  if (!s->seen) {
    s->seen = 1;
    endpoint_set(&s->first, year, value);
    endpoint_set(&s->last, year, value);
    return;
  }
  if (year < s->first.year) {
    endpoint_set(&s->first, year, value);
  } else if (year == s->first.year && value != s->first.value) {
    s->first.ambiguous = 1;
  }
  if (year > s->last.year) {
    endpoint_set(&s->last, year, value);
  } else if (year == s->last.year && value != s->last.value) {
    s->last.ambiguous = 1;
  }
}

static void cagr_final(sqlite3_context *ctx) {
  cagr_state *s = sqlite3_aggregate_context(ctx, 0);
  double result = 0;
  growth_status status = GROWTH_UNDEFINED;
  if (s && s->seen && !s->first.ambiguous && !s->last.ambiguous) {
    status = growth_cagr(s->first.value, s->last.value,
                         s->last.year - s->first.year, &result);
  }
  result_status(ctx, status, result);
}

/* --- cagr_fit(value, year): log-linear least squares ---------------------- */

typedef struct fit_state {
  int centred;        /* x0, y0 are set */
  double x0;          /* first year seen */
  double y0;          /* ln of the first positive value seen */
  long long n;        /* rows with value > 0 in the frame */
  long long bad;      /* rows with value <= 0 in the frame */
  ksum sx, sy, sxx, sxy;
} fit_state;

/* Add (sign +1) or remove (sign -1) one row. */
static void fit_update(sqlite3_context *ctx, sqlite3_value **argv, int argc,
                       int sign) {
  static const char *const names[] = {"value", "year"};
  double a[2];
  if (read_numbers(ctx, "cagr_fit", names, argc, argv, a) != 1) return;
  fit_state *s = sqlite3_aggregate_context(ctx, sizeof *s);
  if (!s) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  if (!(a[0] > 0.0) || !isfinite(a[0]) || !isfinite(a[1])) {
    s->bad += sign;
    return;
  }
  if (!s->centred) {
    s->centred = 1;
    s->x0 = a[1];
    s->y0 = log(a[0]);
  }
  long double x = (long double)a[1] - s->x0;
  long double y = logl(a[0]) - s->y0;
  s->n += sign;
  ksum_add(&s->sx, sign * x);
  ksum_add(&s->sy, sign * y);
  ksum_add(&s->sxx, sign * x * x);
  ksum_add(&s->sxy, sign * x * y);
}

static void fit_step(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  fit_update(ctx, argv, argc, 1);
}

static void fit_inverse(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  fit_update(ctx, argv, argc, -1);
}

static void fit_value(sqlite3_context *ctx) {
  fit_state *s = sqlite3_aggregate_context(ctx, 0);
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

/* --- npv(rate, value, period): running sum ------------------------------- */

typedef struct npv_state {
  long long n, bad; /* rows in the frame; of them with an undefined term */
  ksum sum;
} npv_state;

static void npv_update(sqlite3_context *ctx, sqlite3_value **argv, int argc,
                       int sign) {
  static const char *const names[] = {"rate", "value", "period"};
  double a[3];
  if (read_numbers(ctx, "npv", names, argc, argv, a) != 1) return;
  npv_state *s = sqlite3_aggregate_context(ctx, sizeof *s);
  if (!s) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  s->n += sign;
  double term;
  if (growth_discount(a[1], a[0], a[2], &term) != GROWTH_OK) {
    s->bad += sign;
    return;
  }
  ksum_add(&s->sum, sign * (long double)term);
}

static void npv_step(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  npv_update(ctx, argv, argc, 1);
}

static void npv_inverse(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  npv_update(ctx, argv, argc, -1);
}

static void npv_value(sqlite3_context *ctx) {
  npv_state *s = sqlite3_aggregate_context(ctx, 0);
  if (!s || s->n == 0 || s->bad > 0) {
    sqlite3_result_null(ctx);
    return;
  }
  double result = (double)ksum_value(&s->sum);
  result_status(ctx, isfinite(result) ? GROWTH_OK : GROWTH_UNDEFINED, result);
}

/* --- irr, xirr, xnpv: the list of cash flows ------------------------------ */

typedef struct flow {
  double rate, value, t; /* t: period, or julian day for the dated kinds */
} flow;

typedef struct flow_list {
  flow *items;
  int head, count, capacity; /* live entries: items[head .. head+count) */
} flow_list;

typedef struct flow_kind flow_kind;
struct flow_kind {
  const char *name;
  int has_rate; /* the first argument is a rate */
  int dated;    /* the last argument is a date: t in years of 365 days */
  const char *arg_names[3];
  growth_status (*eval)(const flow_kind *kind, const flow_list *list,
                        double *out);
};

static int flow_push(flow_list *list, flow item) {
  if (list->head > 0 && list->head + list->count == list->capacity) {
    memmove(list->items, list->items + list->head,
            (size_t)list->count * sizeof *list->items);
    list->head = 0;
  }
  if (list->count == list->capacity) {
    int capacity = list->capacity ? 2 * list->capacity : 16;
    flow *items = sqlite3_realloc64(list->items, (sqlite3_uint64)capacity *
                                                     sizeof *items);
    if (!items) return 0;
    list->items = items;
    list->capacity = capacity;
  }
  list->items[list->head + list->count++] = item;
  return 1;
}

/* Read one row into *item: 1 ok, 0 skip, -1 error set. */
static int flow_read(sqlite3_context *ctx, const flow_kind *kind, int argc,
                     sqlite3_value **argv, flow *item) {
  double a[3] = {0, 0, 0};
  int n_numbers = kind->dated ? argc - 1 : argc;
  int status = read_numbers(ctx, kind->name, kind->arg_names, n_numbers, argv, a);
  if (status < 0) return -1;
  if (kind->dated) {
    int date_status = read_date(ctx, kind->name, kind->arg_names[argc - 1],
                                argv[argc - 1], &a[argc - 1]);
    if (date_status < 0) return -1;
    if (date_status == 0) status = 0;
  }
  if (status == 0) return 0;
  item->rate = kind->has_rate ? a[0] : 0.0;
  item->value = a[argc - 2];
  item->t = a[argc - 1];
  return 1;
}

static void flow_step(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  const flow_kind *kind = sqlite3_user_data(ctx);
  flow item;
  if (flow_read(ctx, kind, argc, argv, &item) != 1) return;
  flow_list *list = sqlite3_aggregate_context(ctx, sizeof *list);
  if (!list || !flow_push(list, item)) sqlite3_result_error_nomem(ctx);
}

static void flow_inverse(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  const flow_kind *kind = sqlite3_user_data(ctx);
  flow item;
  if (flow_read(ctx, kind, argc, argv, &item) != 1) return;
  flow_list *list = sqlite3_aggregate_context(ctx, sizeof *list);
  if (!list) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  if (list->count > 0) { /* the oldest row leaves first */
    list->head++;
    list->count--;
  }
}

static void flow_value(sqlite3_context *ctx) {
  const flow_kind *kind = sqlite3_user_data(ctx);
  flow_list *list = sqlite3_aggregate_context(ctx, 0);
  double result = 0;
  growth_status status = GROWTH_UNDEFINED;
  if (list && list->count > 0) status = kind->eval(kind, list, &result);
  result_status(ctx, status, result);
}

static void flow_final(sqlite3_context *ctx) {
  flow_value(ctx);
  flow_list *list = sqlite3_aggregate_context(ctx, 0);
  if (list) sqlite3_free(list->items);
}

/* Entries with t in years from the earliest t (dated kinds), or as given. */
typedef struct flow_view {
  const flow *items;
  int count;
  double origin;  /* subtracted from every t */
  double per_year; /* t units per year: 365 for dates, 1 for periods */
  long double t_min, t_max;
} flow_view;

static flow_view view_of(const flow_kind *kind, const flow_list *list) {
  flow_view v = {list->items + list->head, list->count, 0.0,
                 kind->dated ? DAYS_PER_YEAR : 1.0, 0, 0};
  double lo = v.items[0].t, hi = lo;
  for (int i = 1; i < v.count; i++) {
    if (v.items[i].t < lo) lo = v.items[i].t;
    if (v.items[i].t > hi) hi = v.items[i].t;
  }
  v.origin = kind->dated ? lo : 0.0;
  v.t_min = ((long double)lo - v.origin) / v.per_year;
  v.t_max = ((long double)hi - v.origin) / v.per_year;
  return v;
}

static long double view_t(const flow_view *v, int i) {
  return ((long double)v->items[i].t - v->origin) / v->per_year;
}

/* sum value * e^(-(t - tc) x) and its x-derivative, for solve_rate(). */
static int flow_residual(void *ctx, long double x, long double *f,
                         long double *df, long double *scale) {
  const flow_view *v = ctx;
  long double tc = x > 0.0L ? v->t_min : v->t_max;
  long double sum = 0, dsum = 0, mag = 0;
  for (int i = 0; i < v->count; i++) {
    long double dt = view_t(v, i) - tc;
    long double term = v->items[i].value * expl(-dt * x);
    sum += term;
    dsum -= dt * term;
    mag += fabsl(term);
  }
  *f = sum;
  *df = dsum;
  *scale = mag;
  return isfinite(sum) && isfinite(dsum) && isfinite(mag);
}

static growth_status eval_irr(const flow_kind *kind, const flow_list *list,
                              double *out) {
  flow_view v = view_of(kind, list);
  int positive = 0, negative = 0;
  for (int i = 0; i < v.count; i++) {
    if (!isfinite(v.items[i].value) || !isfinite(v.items[i].t)) {
      return GROWTH_UNDEFINED;
    }
    positive |= v.items[i].value > 0.0;
    negative |= v.items[i].value < 0.0;
  }
  if (!positive || !negative) return GROWTH_UNDEFINED; /* no root */
  return solve_rate(flow_residual, &v, IRR_GUESS, out);
}

static growth_status eval_xnpv(const flow_kind *kind, const flow_list *list,
                               double *out) {
  flow_view v = view_of(kind, list);
  ksum sum = {0, 0};
  for (int i = 0; i < v.count; i++) {
    double term;
    if (growth_discount(v.items[i].value, v.items[i].rate, (double)view_t(&v, i),
                        &term) != GROWTH_OK) {
      return GROWTH_UNDEFINED;
    }
    ksum_add(&sum, term);
  }
  double result = (double)ksum_value(&sum);
  if (!isfinite(result)) return GROWTH_UNDEFINED;
  *out = result;
  return GROWTH_OK;
}

static const flow_kind flow_kinds[] = {
    {"irr", 0, 0, {"value", "period"}, eval_irr},
    {"xirr", 0, 1, {"value", "date"}, eval_irr},
    {"xnpv", 1, 1, {"rate", "value", "date"}, eval_xnpv},
};

/* --- registration ---------------------------------------------------------- */

int pmext_register_growth_aggregates(sqlite3 *db) {
  int rc = sqlite3_create_function(db, "cagr", 2, aggregate_flags, 0, 0,
                                   cagr_step, cagr_final);
  if (rc == SQLITE_OK) {
    rc = sqlite3_create_window_function(db, "cagr_fit", 2, aggregate_flags, 0,
                                        fit_step, fit_value, fit_value,
                                        fit_inverse, 0);
  }
  if (rc == SQLITE_OK) {
    rc = sqlite3_create_window_function(db, "npv", 3, aggregate_flags, 0,
                                        npv_step, npv_value, npv_value,
                                        npv_inverse, 0);
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
