/* SPDX-License-Identifier: MIT */
/*
** flows.h -- the rate and present value of a list of cash flows, pure C
** (no SQLite types): the maths of the irr(), xirr() and xnpv() aggregates,
** shared by the SQLite build (sql/aggregates.c) and the PostgreSQL one
** (pg/aggregates.c).
** Numeric policy: docs/architecture.md.
*/
#ifndef PMEXT_FLOWS_H
#define PMEXT_FLOWS_H

#include "growth.h"

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
pmext_status flows_irr(const flow *items, int64_t count, int dated,
                        const double *previous_root, int *unique,
                        double *out);

/* xnpv's term of one flow, t in years of 365 days from the julian day
** `origin`: 1 with *term set, 0 when undefined (rate <= -1, overflow). */
int flows_xnpv_term(double rate, flow item, double origin, double *term);

/* xnpv of the flows (dated, count > 0): the sum of their terms from the
** earliest date, summed exactly; PMEXT_UNDEFINED when a term or the sum
** is not finite. */
pmext_status flows_xnpv(const flow *items, int64_t count, double rate,
                         double *out);

#endif /* PMEXT_FLOWS_H */
