/* SPDX-License-Identifier: MIT */
/*
** flows.h -- the rate and present value of a list of cash flows, pure C
** (no SQLite types): the maths of the npv(), irr(), xirr() and xnpv()
** aggregates and their mergeable states, shared by the SQLite build
** (sql/aggregates.c), the PostgreSQL one (pg/aggregates.c) and the DuckDB
** one (duckdb/).
** Numeric policy: docs/architecture.md.
*/
#ifndef PMEXT_FLOWS_H
#define PMEXT_FLOWS_H

#include "exact_sum.h"
#include "growth.h"
#include "one_rate.h"

#include <stdint.h>

typedef struct flow {
  double value; /* the cash flow: paid out < 0, received > 0 */
  double t;     /* its period, or (dated) its julian day */
} flow;

/* The rate r > -1 where sum value / (1+r)^t is 0, t the period, or for
** `dated` flows (julian day - earliest julian day) / 365. count > 0.
** PMEXT_UNDEFINED without both a positive and a negative value, with a
** non-finite value or t, or when no root is verified. *unique is set to 1
** when the flows are in t order and their values change sign once (one
** root at most): then the solve starts from *previous_root when given
** (a window's previous frame), else from the spreadsheet's guess 0.1. */
/* Sorts flows[0..count) by t, then value: a fixed order, so irr sums them
** the same way however an engine split the rows among threads or workers
** (their merged states hold the same flows in another order). */
void flows_sort(flow *items, int64_t count);

pmext_status flows_irr(const flow *items, int64_t count, int dated,
                        const double *previous_root, int *unique,
                        double *out);

/* xnpv's term of one flow, t in years of 365 days from the julian day
** `origin`; PMEXT_UNDEFINED for rate <= -1 or an overflow. */
pmext_status flows_xnpv_term(double rate, flow item, double origin,
                             double *term);

/* xnpv of the flows (dated, count > 0): the sum of their terms from the
** earliest date, summed exactly; PMEXT_UNDEFINED when a term or the sum
** is not finite. */
pmext_status flows_xnpv(const flow *items, int64_t count, double rate,
                         double *out);

/* The exact sum of a set's defined terms and a count of its rows whose
** term is undefined. All zero bytes: no rows; no pointers. */
typedef struct term_sum {
  exact_sum sum;
  int64_t undefined;
} term_sum;

/* Add (sign 1) or remove (sign -1) a row's term; `status` PMEXT_UNDEFINED
** counts the row as undefined instead (term unused). Removing a row undoes
** adding it exactly. */
void term_sum_update(term_sum *s, pmext_status status, double term,
                     int sign);

/* The correctly rounded sum; PMEXT_UNDEFINED while an undefined term is
** counted or when the sum overflows. */
pmext_status term_sum_result(const term_sum *s, double *out);

/* npv(rate, value, period): the terms value / (1+rate)^period summed
** exactly, and the rows' rates. A row removed is the oldest (a window
** frame), and undoes what adding it did exactly; states merge as their
** rows one after the other. All zero bytes: no rows; no pointers. */
typedef struct npv_sums {
  one_rate rates;
  term_sum terms;
} npv_sums;

void npv_sums_update(npv_sums *s, double rate, double value, double period,
                     int sign);
void npv_sums_merge(npv_sums *s, const npv_sums *newer);

/* The npv of the rows, once one_rate_mixed(&s->rates) said they share a
** rate; PMEXT_UNDEFINED with no rows, an undefined term or an overflow. */
pmext_status npv_sums_result(const npv_sums *s, double *out);

#endif /* PMEXT_FLOWS_H */
